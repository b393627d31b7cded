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
 *
 * Two loops read the text. {@link prescanQuickly} is the one nearly every query ends in: one look-up of the
 * character and the one before it ({@link Prescanner.pairs}) says which column of the automaton to take (a
 * space or a squeezed repeat takes {@link Automaton.stay}, which stays in the state), one look-up steps the
 * automaton, one more counts letters per word ({@link TOKENS}), and nothing branches on the text
 * but the way out. It gives up where only stems end or the automaton leaves its dense rows (about 2% of
 * ordinary queries), and {@link prescanCarefully} reads the text again from the start, through the same
 * tables. Measured on the 10k-term benchmark list (2026-12-01): the two together take about 0.7× the time
 * of the loop they replaced, which branched on every space and repeated letter, so the branch predictor
 * missed once a word.
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
  /** Per state: 0, or 1 + the index in `endings` when every pattern ending there is a stem with them. */
  readonly quiet: Uint8Array
  /** Sets of stem endings, each encoded with {@link endingCode}. */
  readonly endings: readonly ReadonlySet<number>[]
  /**
   * What a character is after the one before it, at `previous << 7 | code` (both ASCII; `previous` 0 at the
   * start): -1 anything but a letter or space, else `column << 2 | token step`, where `column` is the
   * automaton class to step with ({@link Automaton.stay} for a space or a letter squeezed into the one
   * before it) and `token step` is {@link TOKEN_SPACE}, {@link TOKEN_UNIT} or {@link TOKEN_REPEAT}.
   */
  readonly pairs: Int32Array
}

/** Token steps of {@link Prescanner.pairs}. */
const TOKEN_SPACE = 0
const TOKEN_UNIT = 1
const TOKEN_REPEAT = 2
/** The token state once single letters are spaced apart: the normalizer joins them. */
const TOKENS_JOINED = 6

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90)

/**
 * The pair table: a letter repeats the one before it when they are the same letter, unless a camelCase hump
 * separates them (`aA` is two units, `Aa` and `AA` one), as the normalizer's ASCII path reads them.
 */
const pairTable = (a: Automaton): Int32Array => {
  const pairs = new Int32Array(128 * 128).fill(-1)
  for (let prev = 0; prev < 128; prev++) {
    pairs[(prev << 7) | 32] = (a.stay << 2) | TOKEN_SPACE
    for (let code = 65; code <= 122; code++) {
      if (!isAsciiLetter(code)) continue
      const repeat = isAsciiLetter(prev) && (code === prev || code === prev + 32)
      pairs[(prev << 7) | code] = repeat
        ? (a.stay << 2) | TOKEN_REPEAT
        : (a.asciiClass[code | 0x20]! << 2) | TOKEN_UNIT
    }
  }
  return pairs
}

/**
 * The letters-per-word count of the quick loop, the same for every automaton: entry `state << 2 | token
 * step` is the next state, where a state is `2 × units in the word so far (0, 1, 2 for more) + 1 when the
 * word before was one unit`, and {@link TOKENS_JOINED} (for good) once two one-unit words in a row were
 * seen (`p u r p l e`).
 */
const TOKENS = ((): Int32Array => {
  const tokens = new Int32Array((TOKENS_JOINED + 1) << 2).fill(TOKENS_JOINED)
  for (let units = 0; units < 3; units++) {
    for (let single = 0; single < 2; single++) {
      const state = units * 2 + single
      tokens[(state << 2) | TOKEN_SPACE] =
        units === 0 ? state : units === 1 ? (single === 1 ? TOKENS_JOINED : 1) : 0
      tokens[(state << 2) | TOKEN_UNIT] = Math.min(units + 1, 2) * 2 + single
      tokens[(state << 2) | TOKEN_REPEAT] = state
    }
  }
  return tokens
})()

/**
 * The prescanner of an automaton. `endingsOf(pattern)` is the set of (squeezed) endings a stem pattern
 * needs, the same set object for stems of one kind, or `undefined` for a pattern that counts wherever it
 * ends (the default: every pattern). Cost: one pass over the states.
 */
export const prescanner = (
  a: Automaton,
  endingsOf: (pattern: number) => ReadonlySet<string> | undefined = () => undefined,
): Prescanner => {
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
  return { automaton: a, quiet, endings, pairs: pairTable(a) }
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
 * Never throws. Cost: three table look-ups per character.
 */
export const prescan = (p: Prescanner, text: string): number => {
  const quick = prescanQuickly(p, text)
  return quick === PRESCAN_LOOK ? prescanCarefully(p, text) : quick
}

/** What {@link prescanQuickly} answers when it cannot tell: {@link prescanCarefully} must read the text. */
export const PRESCAN_LOOK = 3

/**
 * @internal {@link prescan}'s first loop: its answer, or `PRESCAN_LOOK` where a stem's ending must be read
 * or a state has no dense row.
 */
export const prescanQuickly = (p: Prescanner, text: string): number => {
  const n = text.length
  if (n > DEFAULT_MAX_LENGTH) return PRESCAN_NOT_PLAIN
  const { pairs, quiet } = p
  const { jump, emits } = p.automaton
  let r = 0
  let prev = 0
  let token = 0
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    if (code > 127) return PRESCAN_NOT_PLAIN
    const e = pairs[prev | code]!
    if (e < 0) return PRESCAN_NOT_PLAIN
    prev = code << 7
    const v = jump[r + (e >> 2)]!
    token = TOKENS[(token << 2) | (e & 3)]!
    if (v < 0) {
      // spaced single letters before here: the careful loop stopped at them
      if (token === TOKENS_JOINED) return PRESCAN_NOT_PLAIN
      const t = -1 - v
      return emits[t] === 1 && quiet[t] === 0 ? PRESCAN_MAY_MATCH : PRESCAN_LOOK
    }
    r = v
  }
  // the end of the text ends the last word as a space does
  return TOKENS[token << 2] === TOKENS_JOINED ? PRESCAN_NOT_PLAIN : PRESCAN_CLEAR
}

/**
 * @internal {@link prescan}'s second loop: the same reading through the same tables, with a branch where
 * the quick loop has none, and the stems' endings read.
 */
export const prescanCarefully = (p: Prescanner, text: string): number => {
  const n = text.length
  if (n > DEFAULT_MAX_LENGTH) return PRESCAN_NOT_PLAIN
  const { automaton: a, pairs, quiet, endings } = p
  const { emits } = a
  // the current state, in the row encoding of `Automaton.step`
  let r = 0
  let prev = 0
  let token = 0
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    const e = code < 128 ? pairs[prev | code]! : -1
    if (e < 0) return PRESCAN_NOT_PLAIN
    prev = code << 7
    token = TOKENS[(token << 2) | (e & 3)]!
    if (token === TOKENS_JOINED) return PRESCAN_NOT_PLAIN
    const v = a.step(r, e >> 2)
    if (v >= 0) {
      r = v
      continue
    }
    const t = -1 - v
    if (emits[t] === 1) {
      const q = quiet[t]!
      if (q === 0 || endsWith(text, i + 1, code | 0x20, code >= 97, endings[q - 1]!))
        return PRESCAN_MAY_MATCH
    }
    r = a.rowOf(t)
  }
  // the end of the text ends the last word as a space does
  return TOKENS[token << 2] === TOKENS_JOINED ? PRESCAN_NOT_PLAIN : PRESCAN_CLEAR
}
