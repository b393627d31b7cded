/**
 * @module match/prescan
 * The fast answer for the common query: ASCII letters and spaces, no pattern anywhere. It reads the text the
 * way the normalizer's ASCII path does (case folded, letters doubled inside a word squeezed, spaces skipped,
 * camelCase humps kept apart) and steps the automaton on each letter directly, without building units. When
 * no state on the way emits a pattern, the full scan would find no candidate either, and the text is
 * allowed without the rest of the pipeline. Anything else (another character, spaced single letters, a
 * pattern that may occur) goes the full way. `test/match/prescan.test.ts` checks the equivalence.
 */

import { DEFAULT_MAX_LENGTH } from '../normalize/normalize.js'
import type { Automaton } from './automaton.js'

/** What {@link prescan} found. */
export const PRESCAN_CLEAR = 0
export const PRESCAN_MAY_MATCH = 1
export const PRESCAN_NOT_PLAIN = 2

/** What a character is to the prescan: -1 anything else, 0 space, 1 lower-case letter, 2 capital. */
const KIND = new Int8Array(128).fill(-1)
KIND[32] = 0
for (let c = 97; c <= 122; c++) KIND[c] = 1
for (let c = 65; c <= 90; c++) KIND[c] = 2

/**
 * `PRESCAN_CLEAR` when `text` is plain (ASCII letters and spaces) and no pattern can occur in it;
 * `PRESCAN_MAY_MATCH` when a pattern may occur; `PRESCAN_NOT_PLAIN` when the text needs the normalizer.
 * Never throws. Cost: one table look-up per letter.
 */
export const prescan = (a: Automaton, text: string): number => {
  const n = text.length
  if (n > DEFAULT_MAX_LENGTH) return PRESCAN_NOT_PLAIN
  const { asciiClass, dense, denseCount, alphabetSize, emits } = a
  let s = 0
  let prev = -1
  let boundary = true
  let prevLower = false
  let tokenUnits = 0
  let prevSingle = false
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    const kind = code < 128 ? KIND[code]! : -1
    if (kind <= 0) {
      if (kind < 0) return PRESCAN_NOT_PLAIN
      if (tokenUnits > 0) {
        // spaced single letters (`p u r p l e`) are joined by the normalizer
        if (tokenUnits === 1 && prevSingle) return PRESCAN_NOT_PLAIN
        prevSingle = tokenUnits === 1
        tokenUnits = 0
      }
      boundary = true
      prevLower = false
      continue
    }
    const upper = kind === 2
    const c = code | 0x20
    if (c === prev && !boundary && !(upper && prevLower)) {
      prevLower = !upper
      continue
    }
    tokenUnits++
    const cls = asciiClass[c]!
    s = s < denseCount ? dense[s * alphabetSize + cls]! : a.next(s, cls)
    if (emits[s] === 1) return PRESCAN_MAY_MATCH
    prev = c
    boundary = false
    prevLower = !upper
  }
  if (tokenUnits === 1 && prevSingle) return PRESCAN_NOT_PLAIN
  return PRESCAN_CLEAR
}
