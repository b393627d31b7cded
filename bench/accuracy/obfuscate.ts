/**
 * @module bench/accuracy/obfuscate
 * A term rendered letter by letter, so obfuscations can be stacked and the span stays exact.
 * A rendering is a list of words, each a list of glyphs (what one letter of the term is written
 * as, and how many times), with separators between the glyphs of a word and between words. The
 * whole rendering is the span: it starts with the first glyph and ends with the last.
 */
import type { Rng } from './prng.js'

/** One letter of the term as written in the query. */
export interface Glyph {
  /** The Latin letter it stands for, with the case it is written in. */
  base: string
  /** What is written for it. */
  out: string
  /** How many times `out` is written (2 for a doubled letter, 3–6 for a stretched one). */
  reps: number
  /** True once a substitution (leet, look-alike, width, accent, mask) has replaced it. */
  subst: boolean
}

/** A term being written. */
export interface Rendering {
  words: Glyph[][]
  /** `inner[w][i]`: written between glyph i and i + 1 of word w. */
  inner: string[][]
  /** `wordSeps[w]`: written between word w and word w + 1. */
  wordSeps: string[]
}

/** Letter case of a rendering. */
export type CaseStyle = 'lower' | 'title' | 'upper'

/** A plain rendering of a term's words in the given case. */
export function plainRendering(words: readonly string[], style: CaseStyle = 'lower'): Rendering {
  const cased = words.map((w) => applyCase(w, style))
  return {
    words: cased.map((w) => [...w].map((c) => ({ base: c, out: c, reps: 1, subst: false }))),
    inner: cased.map((w) => Array.from({ length: w.length - 1 }, () => '')),
    wordSeps: Array.from({ length: words.length - 1 }, () => ' '),
  }
}

/** `word` in lower, Title or UPPER case. */
export function applyCase(word: string, style: CaseStyle): string {
  if (style === 'upper') return word.toUpperCase()
  if (style === 'title') return word.charAt(0).toUpperCase() + word.slice(1)
  return word
}

/** The text of a rendering. */
export function render(r: Rendering): string {
  return r.words
    .map((glyphs, w) =>
      glyphs.map((g, i) => g.out.repeat(g.reps) + (r.inner[w]?.[i] ?? '')).join(''),
    )
    .reduce((acc, word, w) => (w === 0 ? word : acc + (r.wordSeps[w - 1] ?? '') + word), '')
}

/** Every glyph with its word and letter index. */
export function glyphRefs(r: Rendering): { w: number; i: number; g: Glyph }[] {
  return r.words.flatMap((glyphs, w) => glyphs.map((g, i) => ({ w, i, g })))
}

/** Replaces a random non-empty subset of the glyphs that `map` can write; false when none. */
function substitute(
  r: Rendering,
  rng: Rng,
  map: (g: Glyph) => string | undefined,
  share: number,
): boolean {
  const eligible = glyphRefs(r).filter(({ g }) => !g.subst && map(g) !== undefined)
  if (eligible.length === 0) return false
  const chosen = eligible.filter(() => rng.chance(share))
  if (chosen.length === 0) chosen.push(rng.pick(eligible))
  for (const { g } of chosen) {
    g.out = map(g) as string
    g.subst = true
  }
  return true
}

const LEET: Readonly<Record<string, readonly string[]>> = {
  a: ['4', '@'],
  e: ['3'],
  i: ['1', '!'],
  o: ['0'],
  s: ['5', '$'],
  t: ['7', '+'],
  l: ['1', '|'],
  g: ['9'],
  b: ['8'],
}

/** Leetspeak: digits and symbols for some letters. */
export function applyLeet(r: Rendering, rng: Rng, share = rng.pick([0.35, 0.6, 1])): boolean {
  return substitute(r, rng, (g) => pickFrom(rng, LEET[g.base.toLowerCase()]), share)
}

const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  i: ['1'],
  l: ['1', '|'],
  o: ['0'],
  g: ['9'],
  s: ['$'],
}

/** Characters with several readings (1 for i or l, 0, 9, $, |); prefers at least one 1 or |. */
export function applyAmbiguous(r: Rendering, rng: Rng): boolean {
  const il = glyphRefs(r).filter(({ g }) => /[il]/i.test(g.base))
  if (il.length > 0) {
    const { g } = rng.pick(il)
    g.out = rng.pick(AMBIGUOUS[g.base.toLowerCase()] as readonly string[])
    g.subst = true
  }
  const more = substitute(r, rng, (g) => pickFrom(rng, AMBIGUOUS[g.base.toLowerCase()]), 0.4)
  return il.length > 0 || more
}

/** A random element, or undefined for a missing or empty list. */
function pickFrom(rng: Rng, list: readonly string[] | undefined): string | undefined {
  return list && list.length > 0 ? rng.pick(list) : undefined
}

const CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  i: 'і',
  s: 'ѕ',
  A: 'А',
  B: 'В',
  E: 'Е',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
  C: 'С',
  T: 'Т',
  X: 'Х',
  I: 'І',
  S: 'Ѕ',
}

const GREEK: Readonly<Record<string, string>> = {
  o: 'ο',
  a: 'α',
  e: 'ε',
  i: 'ι',
  k: 'κ',
  v: 'ν',
  p: 'ρ',
  t: 'τ',
  u: 'υ',
  x: 'χ',
  A: 'Α',
  B: 'Β',
  E: 'Ε',
  Z: 'Ζ',
  H: 'Η',
  I: 'Ι',
  K: 'Κ',
  M: 'Μ',
  N: 'Ν',
  O: 'Ο',
  P: 'Ρ',
  T: 'Τ',
  Y: 'Υ',
  X: 'Χ',
}

/** Kinds of look-alike substitution. */
export type LookalikeKind = 'cyrillic' | 'greek' | 'mixed' | 'math-bold' | 'math-italic' | 'circled'

/** Mathematical bold/italic or circled form of an ASCII letter. */
function styledLetter(c: string, kind: 'math-bold' | 'math-italic' | 'circled'): string {
  const upper = c >= 'A' && c <= 'Z'
  const index = c.toLowerCase().charCodeAt(0) - 97
  if (kind === 'circled') return String.fromCodePoint((upper ? 0x24b6 : 0x24d0) + index)
  if (kind === 'math-italic' && c === 'h') return '\u210e'
  const base = kind === 'math-bold' ? 0x1d400 : 0x1d434
  return String.fromCodePoint(base + (upper ? 0 : 26) + index)
}

/**
 * Cyrillic/Greek look-alikes for some letters, keeping at least one Latin letter in every word
 * (a mixed-script word), or a styled alphabet (math bold/italic, circled) for every letter.
 */
export function applyLookalike(r: Rendering, rng: Rng, kind: LookalikeKind): boolean {
  if (kind === 'math-bold' || kind === 'math-italic' || kind === 'circled') {
    const letters = glyphRefs(r).filter(({ g }) => !g.subst && /^[a-z]$/i.test(g.base))
    for (const { g } of letters) {
      g.out = styledLetter(g.base, kind)
      g.subst = true
    }
    return letters.length > 0
  }
  const table = (g: Glyph): string | undefined => {
    const c = g.base
    if (kind === 'cyrillic') return CYRILLIC[c]
    if (kind === 'greek') return GREEK[c]
    return rng.chance(0.5) ? (CYRILLIC[c] ?? GREEK[c]) : (GREEK[c] ?? CYRILLIC[c])
  }
  let any = false
  for (const glyphs of r.words) any = substituteKeepingLatin(glyphs, rng, table) || any
  return any
}

/** Substitutes some glyphs of one word, always leaving at least one unsubstituted Latin letter. */
function substituteKeepingLatin(
  glyphs: Glyph[],
  rng: Rng,
  table: (g: Glyph) => string | undefined,
): boolean {
  const eligible = glyphs.filter((g) => !g.subst && table(g) !== undefined)
  const latinLeft = glyphs.filter((g) => !g.subst).length
  const room = Math.min(eligible.length, latinLeft - 1, 3)
  if (room <= 0) return false
  for (const g of rng.sample(eligible, rng.int(1, room))) {
    g.out = table(g) as string
    g.subst = true
  }
  return true
}

/** Fullwidth form of printable ASCII; the ideographic space for a space. */
export function toFullwidth(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.charCodeAt(0)
      if (c === ' ') return '\u3000'
      return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : c
    })
    .join('')
}

/** Fullwidth letters for every glyph not yet substituted; words may be split by U+3000. */
export function applyWidth(r: Rendering, rng: Rng): boolean {
  const letters = glyphRefs(r).filter(({ g }) => !g.subst)
  for (const { g } of letters) {
    g.out = toFullwidth(g.out)
    g.subst = true
  }
  if (rng.chance(0.5)) r.wordSeps = r.wordSeps.map((s) => (s === ' ' ? '\u3000' : s))
  return letters.length > 0
}

/** Combining marks that compose with many Latin letters. */
const MARKS: Readonly<Record<string, readonly string[]>> = {
  a: ['\u0300', '\u0301', '\u0302', '\u0308', '\u030a', '\u0303'],
  e: ['\u0300', '\u0301', '\u0302', '\u0308'],
  i: ['\u0300', '\u0301', '\u0302', '\u0308'],
  o: ['\u0300', '\u0301', '\u0302', '\u0308', '\u0303'],
  u: ['\u0300', '\u0301', '\u0302', '\u0308', '\u030a'],
  n: ['\u0303', '\u0301'],
  c: ['\u0327', '\u0301', '\u030c'],
  s: ['\u0301', '\u030c'],
  z: ['\u0301', '\u030c', '\u0307'],
  r: ['\u030c'],
  y: ['\u0301', '\u0308'],
  g: ['\u0306'],
  l: ['\u0301'],
  t: ['\u030c'],
  d: ['\u030c'],
  k: ['\u0327'],
  w: ['\u0308'],
}

/** Diacritics on some letters, precomposed (é), combining (e + U+0301) or a mix. */
export function applyAccents(r: Rendering, rng: Rng, form = rng.pick(['nfc', 'nfd', 'mixed'])) {
  return substitute(
    r,
    rng,
    (g) => {
      const marks = MARKS[g.base.toLowerCase()]
      if (!marks) return undefined
      const seq = g.base + rng.pick(marks)
      const nfc = form === 'nfc' || (form === 'mixed' && rng.chance(0.5))
      return nfc ? seq.normalize('NFC') : seq
    },
    rng.pick([0.3, 0.6, 1]),
  )
}

/** Letters separated by single spaces (`p u r p l e`). */
export function applySpacing(r: Rendering): boolean {
  r.inner = r.inner.map((seps) => seps.map(() => ' '))
  return r.words.some((w) => w.length > 1)
}

/** Letters separated by one of `.`, `-`, `_`; words by the same character or a space. */
export function applyDots(r: Rendering, rng: Rng): boolean {
  const sep = rng.pick(['.', '-', '_'])
  r.inner = r.inner.map((seps) => seps.map(() => sep))
  if (rng.chance(0.5)) r.wordSeps = r.wordSeps.map(() => sep)
  return r.words.some((w) => w.length > 1)
}

/** Invisible characters: zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen. */
export const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'] as const

/** One to three invisible characters inside words. */
export function applyZeroWidth(r: Rendering, rng: Rng): boolean {
  const slots = r.inner.flatMap((seps, w) => seps.map((_, i) => ({ w, i })))
  if (slots.length === 0) return false
  for (const { w, i } of rng.sample(slots, rng.int(1, Math.min(3, slots.length)))) {
    const seps = r.inner[w] as string[]
    seps[i] = (seps[i] ?? '') + rng.pick(INVISIBLES)
  }
  return true
}

/** One or two letters written 3–6 times. */
export function applyStretch(r: Rendering, rng: Rng): boolean {
  const refs = glyphRefs(r)
  for (const { g } of rng.sample(refs, rng.int(1, 2))) g.reps = rng.int(3, 6)
  return refs.length > 0
}
