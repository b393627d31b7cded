/**
 * @module match/modes
 * What counts as a hit. The automaton finds a term's letters anywhere; this module decides, from the words
 * around them, whether that occurrence is the term:
 *
 * - **edges**: an occurrence starts at a word start (separator, start of text or camelCase change) or inside a
 *   word; it ends at a word end, before an inflection ending of the term's language (`carts`), or inside a word.
 * - **inside edges** are what the match mode rules on: `word` never, `prefix` at the end only, `substring`
 *   always, `compound` when no ordinary word of the lexicon covers the occurrence (`cartoon`, `gardencartoon`
 *   are left alone for `cart`; `#cartvideos` is not).
 * - **word breaks inside** an occurrence are allowed where the term has one (`purple elephant`), between single
 *   letters (`c a r t`), and once elsewhere when both outer edges line up (`car t`, not `scar tin`).
 * - **doubled letters**: units are squeezed, so `purrrple` and `purrple` reach `purple`; an ordinary word that
 *   squeezes into a term (`good` → `god`) is in the lexicon's exceptions and is left alone.
 */

import { UNIT_BOUNDARY, UNIT_CAMEL, UNIT_MASK, type Units } from '../normalize/units.js'
import type { Candidate, MaskSite } from './scan.js'

/** How a term is allowed to sit among the words of the text. See the module doc. */
export type MatchMode = 'compound' | 'word' | 'prefix' | 'substring'

/** The match modes, for validation and docs. */
export const MATCH_MODES: readonly MatchMode[] = ['compound', 'word', 'prefix', 'substring']

/** What the resolver knows about one automaton pattern. */
export interface PatternSpec {
  /** Index of the entry (term or exception) the pattern stands for. */
  readonly entry: number
  readonly mode: MatchMode
  /** The skeleton the pattern was built from (primary readings, squeezed). */
  readonly codes: ArrayLike<number>
  /** Run length of each skeleton unit of the term as written (`balloon`: 1,1,2,2,1); empty: all 1. */
  readonly runs: ArrayLike<number>
  /** Skeleton offsets where the term has a word break (`purple elephant`: 6). */
  readonly breaks: { has(offset: number): boolean }
  /** Inflection endings, squeezed (`s`, `es`, `ing`, …). */
  readonly suffixes: ReadonlySet<string>
  /** A stem pattern (`purpl` for `purple`): counts only when followed by one of `suffixes`. */
  readonly stem: boolean
  /** Long enough to be matched with one masked letter. */
  readonly maskable: boolean
  /**
   * Short terms (three letters or fewer after squeezing) need every letter repeated at least as often as
   * written: `xxx` is not `x`, `porr` is not `por`.
   */
  readonly strictRuns: boolean
}

/** The patterns by index (an array will do). */
export interface PatternTable {
  at(index: number): PatternSpec | undefined
}

/** A resolved hit: the entry, its original span (UTF-16, half-open) and its units. */
export interface ResolvedHit {
  readonly pattern: number
  readonly entry: number
  readonly start: number
  readonly end: number
  readonly startUnit: number
  readonly endUnit: number
}

/** Lexicon words (spelled with runs capped at 2) that contain a term but are not it: see `lexicon/`. */
export interface ExceptionWords {
  has(spelling: string): boolean
  readonly size: number
}

const EDGE = UNIT_BOUNDARY | UNIT_CAMEL

const edgeBefore = (units: Units, i: number): boolean =>
  i <= 0 || i >= units.length || (units.flags[i]! & EDGE) !== 0

const spellUnit = (units: Units, i: number): string => {
  const ch = String.fromCodePoint(units.c0[i]!)
  return units.run[i]! > 1 ? ch + ch : ch
}

const squeezed = (units: Units, from: number, to: number): string => {
  let s = ''
  for (let i = from; i < to; i++) s += String.fromCodePoint(units.c0[i]!)
  return s
}

/** Spelling of units `[from, to)` as lexicon keys are spelled: readings, runs capped at two. */
export const spellUnits = (units: Units, from: number, to: number): string => {
  let s = ''
  for (let i = from; i < to; i++) s += spellUnit(units, i)
  return s
}

/**
 * True when some lexicon exception within the word `[ts, te)` covers `[pa, pb)`. Cost: O(word length²)
 * set look-ups, only for occurrences that need it.
 */
const covered = (
  exceptions: ExceptionWords,
  units: Units,
  ts: number,
  te: number,
  pa: number,
  pb: number,
): boolean => {
  if (exceptions.size === 0) return false
  for (let i = pa; i >= ts; i--) {
    let s = spellUnits(units, i, pb)
    if (exceptions.has(s)) return true
    for (let j = pb; j < te; j++) {
      s += spellUnit(units, j)
      if (exceptions.has(s)) return true
    }
  }
  return false
}

/** UTF-16 width of one repetition of a unit's letter, or 0 when the repetitions differ in width. */
const runWidth = (units: Units, i: number): number => {
  const width = (units.end[i]! - units.start[i]!) / units.run[i]!
  return Number.isInteger(width) ? width : 0
}

/** First unit of the segment (word, or camelCase part) that contains unit `i`. */
const segmentStart = (units: Units, i: number): number => {
  let j = i
  while (j > 0 && !edgeBefore(units, j)) j--
  return j
}

/** One past the last unit of the segment that contains unit `i`. */
const segmentEnd = (units: Units, i: number): number => {
  let j = i + 1
  while (j < units.length && !edgeBefore(units, j)) j++
  return j
}

const reads = (units: Units, i: number, c: number): boolean =>
  units.c0[i] === c || units.c1[i] === c || units.c2[i] === c

/**
 * The first unit of an occurrence of `codes` that ends at unit `end`, where a unit may repeat the letter
 * read by the unit after it (`pi|1ow` for `pilow`). -1 when there is none. Bounded backtracking. With a
 * `mask`, the occurrence reads the site as one letter (any, or one of its readings) just before unit
 * `mask.at` and must contain it.
 */
export const matchBackward = (
  units: Units,
  codes: ArrayLike<number>,
  end: number,
  mask?: MaskSite,
): number => {
  let budget = 4096
  // virtual positions: the site is `at`, the units from `at` on shift by one
  const at = mask === undefined ? units.length + 1 : mask.at
  const readsAt = (v: number, c: number): boolean =>
    v < at
      ? reads(units, v, c)
      : v > at
        ? reads(units, v - 1, c)
        : mask?.readings === undefined || mask.readings.includes(c)
  const go = (v: number, k: number): number => {
    if (k < 0) return v + 1
    if (v < 0 || --budget < 0) return -1
    if (readsAt(v, codes[k]!)) {
      const r = go(v - 1, k - 1)
      if (r >= 0) return r
    }
    if (k + 1 < codes.length && v !== at && readsAt(v, codes[k + 1]!)) return go(v - 1, k)
    return -1
  }
  const start = go(mask === undefined ? end - 1 : end, codes.length - 1)
  return mask !== undefined && start > at ? -1 : start
}

/** True when a unit of the occurrence is stretched (three or more) beyond the term: never an ordinary word. */
const stretched = (units: Units, runs: ArrayLike<number>, a: number, b: number): boolean => {
  for (let k = 0; k < b - a; k++) {
    const r = units.run[a + k]!
    if (r >= 3 && r > (runs[k] ?? 1)) return true
  }
  return false
}

type RightEdge = 'aligned' | 'inflected' | 'inside'

/** Resolves raw candidates into hits under each pattern's match mode. Never throws. */
export const resolveCandidates = (
  units: Units,
  candidates: readonly Candidate[],
  patterns: PatternTable,
  exceptions: ExceptionWords,
): ResolvedHit[] => {
  const hits: ResolvedHit[] = []
  const n = units.length
  for (const c of candidates) {
    const spec = patterns.at(c.pattern)
    if (spec === undefined) continue
    const runs = spec.runs
    const { end: b, mask } = c
    let a = c.start
    if (c.approximate) {
      a = matchBackward(units, spec.codes, b, mask)
      if (a < 0) continue
    }
    if (mask && mask.readings === undefined && !spec.maskable) continue
    const wildcardFirst = mask !== undefined && a === mask.at
    const wildcardLast = mask !== undefined && b === mask.at
    if (b <= a && !mask) continue
    if (spec.strictRuns && !mask) {
      let short = false
      for (let k = 0; k < b - a; k++) if (units.run[a + k]! < (runs[k] ?? 1)) short = true
      if (short) continue
    }

    // edges
    const leftAligned = !wildcardFirst && edgeBefore(units, a)
    let right: RightEdge
    const midMask = wildcardLast && b < n && (units.flags[b]! & UNIT_MASK) !== 0
    if (!midMask && edgeBefore(units, b)) right = 'aligned'
    else {
      let e = b
      while (e < n && !edgeBefore(units, e)) e++
      if (e > b && !midMask && spec.suffixes.has(squeezed(units, b, e))) {
        right = 'inflected'
      } else right = 'inside'
    }
    if (spec.stem && right !== 'inflected') continue

    // word breaks inside the occurrence
    let splits = 0
    for (let i = a + 1; i < b; i++) {
      if (!(units.flags[i]! & UNIT_BOUNDARY)) continue
      if (mask && i === mask.at) continue
      const offset = i - a + (mask && mask.at < i ? 1 : 0)
      if (spec.breaks.has(offset)) continue
      const singleBefore = i - 1 === 0 || (units.flags[i - 1]! & UNIT_BOUNDARY) !== 0
      const singleAfter = i + 1 >= n || (units.flags[i + 1]! & UNIT_BOUNDARY) !== 0
      if (singleBefore || singleAfter) continue
      splits++
    }
    if (splits > 1) continue
    if (splits === 1 && (!leftAligned || right === 'inside')) continue

    // the match mode rules on inside edges
    let ok: boolean
    switch (spec.mode) {
      case 'substring':
        ok = true
        break
      case 'prefix':
        ok = leftAligned
        break
      case 'word':
        ok = leftAligned && right !== 'inside'
        break
      default:
        ok = true
    }
    if (!ok) continue

    // ordinary words that contain the occurrence (`cartoon`, `good` for `god`) cancel it, within the word or
    // camelCase part it sits in; an inflected word (`carter`) only when the whole word is an exception
    if (spec.mode !== 'substring' && !mask && !stretched(units, runs, a, b)) {
      let crossesSegments = false
      for (let i = a + 1; i < b; i++) if (edgeBefore(units, i)) crossesSegments = true
      const ss = segmentStart(units, a)
      if (!crossesSegments) {
        const se = segmentEnd(units, a)
        if (right === 'inflected' && leftAligned) {
          if (exceptions.size > 0 && exceptions.has(spellUnits(units, ss, se))) continue
        } else if (covered(exceptions, units, ss, se, a, b)) continue
      } else {
        const firstEnd = segmentEnd(units, a)
        if (!leftAligned && covered(exceptions, units, ss, firstEnd, a, firstEnd)) continue
        const lastStart = segmentStart(units, b - 1)
        if (
          right === 'inside' &&
          covered(exceptions, units, lastStart, segmentEnd(units, b - 1), lastStart, b)
        )
          continue
      }
    }

    // the reported span: the term's own letters, without an inflection ending
    let start = wildcardFirst && mask ? mask.start : units.start[a]!
    let end = wildcardLast && mask ? mask.end : units.end[b - 1]!
    // a repeated letter shared with the rest of the word (`purpleelephant`, `stopping`) is the term's only
    // as often as the term writes it; a stretched letter at a word edge (`purpleeee`) is all the term's
    if (right !== 'aligned' && !wildcardLast) {
      const width = runWidth(units, b - 1)
      const extra = units.run[b - 1]! - (runs[runs.length - 1] ?? 1)
      if (width > 0 && extra > 0) end -= width * extra
    }
    if (!leftAligned && !wildcardFirst) {
      const width = runWidth(units, a)
      const extra = units.run[a]! - (runs[0] ?? 1)
      if (width > 0 && extra > 0) start += width * extra
    }
    if (mask && !wildcardFirst) start = Math.min(start, units.start[a]!)
    hits.push({ pattern: c.pattern, entry: spec.entry, start, end, startUnit: a, endUnit: b })
  }
  return hits
}
