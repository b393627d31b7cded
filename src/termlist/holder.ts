/**
 * @module termlist/holder
 * The current snapshot of a term list, replaced atomically on reload: a request reads `current()` once and
 * judges with that snapshot to the end, so a reload never changes the rules in the middle of a request.
 * A snapshot only exists once compiled, so a bad list can never replace a good one.
 */

import type { TermListSnapshot } from './compile.js'

/** Holds the snapshot in use. */
export class SnapshotHolder {
  #snapshot: TermListSnapshot

  constructor(initial: TermListSnapshot) {
    this.#snapshot = initial
  }

  /** The snapshot in use now. */
  current(): TermListSnapshot {
    return this.#snapshot
  }

  /** Puts a newly compiled snapshot in use; returns the one it replaces. */
  replace(next: TermListSnapshot): TermListSnapshot {
    const previous = this.#snapshot
    this.#snapshot = next
    return previous
  }
}
