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
 * character in the context of the one before it ({@link Prescanner.reading}) says which column of the
 * automaton to take (a space or a squeezed repeat takes {@link Automaton.stay}, which stays in the state)
 * and what the next context is, one look-up steps the automaton, and nothing branches on the text but the
 * way out. It gives up where only stems end or the automaton leaves its dense rows or enters a chain (about
 * 2% of ordinary queries), and {@link prescanCarefully} reads on from the character where it gave up, through
 * the same table (reading such a text again from the start had taken ~4% of the time of the 1M benchmark
 * queries: 104 vs 108 ms, old and new builds alternating in one process, 2026-12-02).
 * Measured on the 10k-term benchmark list: the two together took about 0.7× the time of the loop they
 * replaced, which branched on every space and repeated letter, so the branch predictor missed once a word
 * (2026-12-01); folding the letters-per-word count into the context, which had been a third look-up a
 * character, took the queries without a term from ~104 to ~85 ns each (same process, builds alternating,
 * 2026-12-02).
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
   * The reading of the quick and careful loops, at `context | code` (`code` ASCII, `context` a multiple of
   * 128 that starts at 0): -1 for anything but a letter or a space, and for the space or end after spaced
   * single letters (`p u`: the normalizer joins them); else `column << 15 | next context`, where `column`
   * is the automaton class to step with ({@link Automaton.stay} for a space or a letter squeezed into the
   * one before it). A context is the character before (its case matters: `aA` is two units, `Aa` one)
   * and how many units the word has so far. See {@link readingTable}.
   */
  readonly reading: Int32Array
}

/** Contexts of {@link Prescanner.reading}: after a space (or at the start), the word before not one unit. */
const AFTER_SPACE = 0
/** After a space that ended a word of one unit. */
const AFTER_SINGLE = 1
/**
 * After a letter (52 of them, by case): `2 + 3 × letter + kind`, where kind 0 is the first unit of a word
 * after a longer one, 1 the first unit after a one-unit word, 2 any later unit.
 */
const afterLetter = (letter: number, kind: number): number => 2 + 3 * letter + kind
const CONTEXTS = afterLetter(52, 0)
/** Where `column` starts in an entry of {@link Prescanner.reading}. */
const COLUMN_SHIFT = 15
const CONTEXT_MASK = (1 << COLUMN_SHIFT) - 1

/** Index of an ASCII letter among the 52 (lower case first), or -1. */
const letterIndex = (c: number): number =>
  c >= 97 && c <= 122 ? c - 97 : c >= 65 && c <= 90 ? c - 65 + 26 : -1

/**
 * The reading table, as the normalizer's ASCII path reads text: a letter repeats the one before it when
 * they are the same letter, unless a camelCase hump separates them (`aA` is two units, `Aa` and `AA` one);
 * two one-unit words in a row are spaced single letters, which the normalizer joins.
 */
const readingTable = (a: Automaton): Int32Array => {
  const table = new Int32Array(CONTEXTS << 7).fill(-1)
  // a column past 2^16 (an alphabet that large) comes out negative: that text goes the full way, as it must
  const entry = (column: number, next: number) => (column << COLUMN_SHIFT) | (next << 7)
  for (let context = 0; context < CONTEXTS; context++) {
    const previous = context < 2 ? -1 : Math.floor((context - 2) / 3)
    const kind = context < 2 ? -1 : (context - 2) % 3
    const prevCode = previous < 0 ? 0 : previous < 26 ? 97 + previous : 65 + previous - 26
    // a space: ends the word (a second one-unit word in a row is spacing: -1)
    const space = previous < 0 ? context : kind === 0 ? AFTER_SINGLE : kind === 1 ? -1 : AFTER_SPACE
    if (space >= 0) table[(context << 7) | 32] = entry(a.stay, space)
    for (let code = 65; code <= 122; code++) {
      const letter = letterIndex(code)
      if (letter < 0) continue
      const repeat = previous >= 0 && (code === prevCode || code === prevCode + 32)
      const next =
        previous < 0
          ? afterLetter(letter, context === AFTER_SINGLE ? 1 : 0)
          : afterLetter(letter, repeat ? kind : 2)
      table[(context << 7) | code] = entry(repeat ? a.stay : a.asciiClass[code | 0x20]!, next)
    }
  }
  return table
}

/** True when the text may end in context `context` (not right after spaced single letters). */
const endsPlainly = (reading: Int32Array, context: number): boolean => reading[context | 32]! >= 0

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
  // the kind of stems ending in state `s` (its own patterns, then its dictionary link's): -1 none, -2 some
  // pattern that counts by itself, else an index into `endings`; `quiet[s]` keeps it (0 while unknown)
  const NOT_QUIET = 255
  const kindAt = (s: number, linked: number): number => {
    let kind = linked
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
    return kind
  }
  // a state's dictionary link is settled before it (states are not numbered by depth: see Automaton.chain)
  const path: number[] = []
  for (let s = 1; s < a.stateCount; s++) {
    if (emits[s] === 0 || quiet[s] !== 0) continue
    for (let t = s; t !== -1 && quiet[t] === 0; t = dictLink[t]!) path.push(t)
    while (path.length > 0) {
      const t = path.pop()!
      const link = dictLink[t]!
      const linked = link === -1 ? -1 : quiet[link] === NOT_QUIET ? -2 : quiet[link]! - 1
      const kind = linked === -2 ? -2 : kindAt(t, linked)
      quiet[t] = kind >= 0 ? kind + 1 : NOT_QUIET
    }
  }
  for (let s = 0; s < a.stateCount; s++) if (quiet[s] === NOT_QUIET) quiet[s] = 0
  return { automaton: a, quiet, endings, reading: readingTable(a) }
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
 * Never throws. Cost: two table look-ups per character.
 */
export const prescan = (p: Prescanner, text: string): number => {
  const quick = prescanQuickly(p, text)
  return quick === PRESCAN_LOOK
    ? prescanCarefully(p, text, lookedAt[0]!, lookedAt[1]!, lookedAt[2]!)
    : quick
}

/**
 * What {@link prescanQuickly} answers when it cannot tell: {@link prescanCarefully} must read the text on
 * from {@link lookedAt}.
 */
export const PRESCAN_LOOK = 3

/**
 * Where the last `PRESCAN_LOOK` answer stopped: the index of the character the quick loop could not take,
 * the row and the context before it. The careful loop goes on from there instead of reading the text again
 * from the start (a query is prescanned in one call, so one scratch serves every prescanner).
 */
const lookedAt = new Int32Array(3)

/**
 * @internal {@link prescan}'s first loop: its answer, or `PRESCAN_LOOK` where a stem's ending must be read
 * or a state has no dense row.
 */
export const prescanQuickly = (p: Prescanner, text: string): number => {
  const n = text.length
  if (n > DEFAULT_MAX_LENGTH) return PRESCAN_NOT_PLAIN
  const { reading, quiet } = p
  const { jump, emits } = p.automaton
  let r = 0
  let context = 0
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    if (code > 127) return PRESCAN_NOT_PLAIN
    const e = reading[context | code]!
    if (e < 0) return PRESCAN_NOT_PLAIN
    const v = jump[r + (e >> COLUMN_SHIFT)]!
    if (v < 0) {
      const t = -1 - v
      if (emits[t] === 1 && quiet[t] === 0) return PRESCAN_MAY_MATCH
      lookedAt[0] = i
      lookedAt[1] = r
      lookedAt[2] = context
      return PRESCAN_LOOK
    }
    context = e & CONTEXT_MASK
    r = v
  }
  return endsPlainly(reading, context) ? PRESCAN_CLEAR : PRESCAN_NOT_PLAIN
}

/**
 * @internal {@link prescan}'s second loop: the same reading through the same tables, with a branch where
 * the quick loop has none, and the stems' endings read. It reads from `text[from]` on, in row `r` (the
 * row encoding of `Automaton.step`) and reading context `context`: by default, the whole text.
 */
export const prescanCarefully = (
  p: Prescanner,
  text: string,
  from = 0,
  r = 0,
  context = 0,
): number => {
  const n = text.length
  if (n > DEFAULT_MAX_LENGTH) return PRESCAN_NOT_PLAIN
  const { automaton: a, reading, quiet, endings } = p
  const { emits } = a
  for (let i = from; i < n; i++) {
    const code = text.charCodeAt(i)
    const e = code < 128 ? reading[context | code]! : -1
    if (e < 0) return PRESCAN_NOT_PLAIN
    context = e & CONTEXT_MASK
    const v = a.step(r, e >> COLUMN_SHIFT)
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
  return endsPlainly(reading, context) ? PRESCAN_CLEAR : PRESCAN_NOT_PLAIN
}
