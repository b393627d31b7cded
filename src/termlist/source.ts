/**
 * @module termlist/source
 * The parsed, not yet compiled, form of a term list, as policy staff wrote it. Every entry keeps the line it
 * came from, so that lint and compile problems point to `file:line`.
 */

import type { MatchMode } from '../match/modes.js'

/** What a hit of an entry asks for. */
export type TermAction = 'deter' | 'support'

/** Who added an entry, when and from where. */
export interface Provenance {
  readonly by?: string
  readonly date?: string
  readonly source?: string
  readonly note?: string
}

/** A blocked term, an intent (action `support`), or a class member (`className` set, no action of its own). */
export interface TermEntry {
  readonly id: string
  readonly term: string
  readonly lang: string
  readonly match: MatchMode
  readonly action: TermAction
  readonly category: string
  /** Set for members of a combination class: the entry only counts inside rules. */
  readonly className?: string
  readonly provenance?: Provenance
  readonly line: number
}

/** An allowed phrase: cancels every hit whose span it fully covers. */
export interface ExceptionEntry {
  readonly id: string
  readonly phrase: string
  readonly lang: string
  readonly provenance?: Provenance
  readonly line: number
}

/** A combination rule: a hit of every class in `all` in the same query. */
export interface RuleEntry {
  readonly id: string
  readonly all: readonly string[]
  readonly action: TermAction
  readonly category: string
  readonly line: number
}

/** A whole term list, parsed. */
export interface TermListSource {
  /** Where it came from (a path or a name), used in problems. Never a secret URL's query string. */
  readonly file: string
  readonly listId: string
  readonly description?: string
  readonly format: 'yaml' | 'text'
  readonly terms: readonly TermEntry[]
  readonly exceptions: readonly ExceptionEntry[]
  readonly rules: readonly RuleEntry[]
  /** Classes declared under `classes:`, with the line of their key. */
  readonly classes: ReadonlyMap<string, number>
  /** The exact text parsed: its hash is part of the snapshot version. */
  readonly text: string
}

/** Built-in classes filled by the engine itself, usable in rules. */
export const BUILT_IN_CLASSES: ReadonlySet<string> = new Set(['age-under-18'])
