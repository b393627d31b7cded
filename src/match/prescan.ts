/**
 * @module match/prescan
 * The fast answer for the common query: ASCII letters and spaces, no pattern anywhere. It reads the text the
 * way the normalizer's ASCII path does (case folded, letters doubled inside a word squeezed, spaces skipped,
 * camelCase humps kept apart) and steps the automaton on each letter directly, without building units. When
 * no pattern can count, the full scan would find no hit either, and the text is allowed without the rest of
 * the pipeline. Anything else (another character, spaced single letters, a pattern that may count) goes the
 * full way. `test/match/prescan.test.ts` checks the equivalence.
 *
 * A *stem* pattern (`economi` for `economy`, `purpl` for `purple`) counts only when one of its endings
 * follows to the end of the word (`economies`, `purpling`). Stems end inside many ordinary words
 * (`economist`, `purplish`), so where only stems end, the prescan reads the rest of the word and goes on
 * when it is none of their endings ({@link Prescanner.quiet}).
 */

import { DEFAULT_MAX_LENGTH } from '../normalize/normalize.js'
import type { Automaton } from './automaton.js'

/** What {@link prescan} found. */
export const PRESCAN_CLEAR = 0
export const PRESCAN_MAY_MATCH = 1
export const PRESCAN_NOT_PLAIN = 2

/** Endings longer than this are never read (the longest English one, `ings`, has four letters). */
const MAX_ENDING = 4

/** An ending of ASCII lower-case letters as a number (five bits a letter); -1 for any other. */
export const endingCode = (ending: string): number => {
  if (ending.length === 0 || ending.length > MAX_ENDING) return -1
  let code = 0
  for (let i = 0; i < ending.length; i++) {
    const c = ending.charCodeAt(i)
    if (c < 97 || c > 122) return -1
    code = code * 32 + (c - 96)
  }
  return code
}

/** An automaton with the tables the prescan reads. Make it once per automaton with {@link prescanner}. */
export interface Prescanner {
  readonly automaton: Automaton
  /**
   * What an ASCII character is: -1 anything but a letter or space, 0 space, else `class << 2 | 1` for a
   * lower-case letter and `class << 2 | 2` for a capital (the letter's alphabet class in the automaton).
   */
  readonly kinds: Int32Array
  /** Per state: 0, or 1 + the index in `endings` when every pattern ending there is a stem with them. */
  readonly quiet: Uint8Array
  /** Sets of stem endings, each encoded with {@link endingCode}. */
  readonly endings: readonly ReadonlySet<number>[]
}

/**
 * The prescanner of an automaton. `endingsOf(pattern)` is the set of (squeezed) endings a stem pattern
 * needs, the same set object for stems of one kind, or `undefined` for a pattern that counts wherever it
 * ends (the default: every pattern). Cost: one pass over the states.
 */
export const prescanner = (
  a: Automaton,
  endingsOf: (pattern: number) => ReadonlySet<string> | undefined = () => undefined,
): Prescanner => {
  const kinds = new Int32Array(128).fill(-1)
  kinds[32] = 0
  for (let c = 97; c <= 122; c++) {
    kinds[c] = (a.asciiClass[c]! << 2) | 1
    kinds[c - 32] = (a.asciiClass[c]! << 2) | 2
  }
  const { outStart, outList, dictLink, emits } = a
  const quiet = new Uint8Array(a.stateCount)
  const index = new Map<ReadonlySet<string>, number>()
  const endings: Set<number>[] = []
  // breadth-first order: a state's dictionary link, shallower, is done before it
  for (let s = 1; s < a.stateCount; s++) {
    if (emits[s] === 0) continue
    const link = dictLink[s]!
    // the kind of stems ending here so far: -1 none yet, -2 some pattern that counts by itself
    let kind = link === -1 ? -1 : quiet[link]! - 1
    if (link !== -1 && kind < 0) continue
    for (let k = outStart[s]!; k < outStart[s + 1]! && kind !== -2; k++) {
      const set = endingsOf(outList[k]!)
      let i = set === undefined ? -2 : index.get(set)
      if (i === undefined && set !== undefined) {
        i = endings.length < 254 ? endings.length : -2
        if (i >= 0) {
          index.set(set, i)
          endings.push(new Set([...set].map(endingCode).filter((c) => c >= 0)))
        }
      }
      kind = kind === -1 || kind === i ? i! : -2
    }
    if (kind >= 0) quiet[s] = kind + 1
  }
  return { automaton: a, kinds, quiet, endings }
}

/**
 * True when the rest of the word after `text[at - 1]` (a stem's last letter, `c`, lower-case when
 * `lower`) spells one of `endings`, read as the normalizer reads it: squeezed, case folded, up to a space,
 * a camelCase hump or the end.
 */
const endsWith = (
  text: string,
  at: number,
  c: number,
  lower: boolean,
  endings: ReadonlySet<number>,
): boolean => {
  let prev = c
  let prevLower = lower
  let ending = 0
  let length = 0
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const letter = code | 0x20
    if (letter < 97 || letter > 122) break
    const isLower = code >= 97
    if (!isLower && prevLower) break
    if (letter !== prev) {
      if (++length > MAX_ENDING) return false
      ending = ending * 32 + (letter - 96)
    }
    prev = letter
    prevLower = isLower
  }
  return length > 0 && endings.has(ending)
}

/**
 * `PRESCAN_CLEAR` when `text` is plain (ASCII letters and spaces) and no pattern can count in it;
 * `PRESCAN_MAY_MATCH` when one may; `PRESCAN_NOT_PLAIN` when the text needs the normalizer.
 * Never throws. Cost: one table look-up per letter.
 */
export const prescan = (p: Prescanner, text: string): number => {
  const n = text.length
  if (n > DEFAULT_MAX_LENGTH) return PRESCAN_NOT_PLAIN
  const { automaton: a, kinds, quiet, endings } = p
  const { emits } = a
  // the current state, in the row encoding of `Automaton.step`
  let r = 0
  let prev = -1
  let prevLower = false
  let tokenUnits = 0
  let prevSingle = false
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    const k = code < 128 ? kinds[code]! : -1
    if (k <= 0) {
      if (k < 0) return PRESCAN_NOT_PLAIN
      if (tokenUnits > 0) {
        // spaced single letters (`p u r p l e`) are joined by the normalizer
        if (tokenUnits === 1 && prevSingle) return PRESCAN_NOT_PLAIN
        prevSingle = tokenUnits === 1
        tokenUnits = 0
      }
      prev = -1
      prevLower = false
      continue
    }
    const c = code | 0x20
    const lower = (k & 1) === 1
    // a letter repeated inside a word is one unit, unless a camelCase hump separates them (`aA`)
    if (c === prev && (lower || !prevLower)) {
      prevLower = lower
      continue
    }
    tokenUnits++
    prev = c
    prevLower = lower
    const cls = k >> 2
    const v = a.step(r, cls)
    if (v >= 0) {
      r = v
      continue
    }
    const t = -1 - v
    if (emits[t] === 1) {
      const q = quiet[t]!
      if (q === 0 || endsWith(text, i + 1, c, lower, endings[q - 1]!)) return PRESCAN_MAY_MATCH
    }
    r = a.rowOf(t)
  }
  if (tokenUnits === 1 && prevSingle) return PRESCAN_NOT_PLAIN
  return PRESCAN_CLEAR
}
