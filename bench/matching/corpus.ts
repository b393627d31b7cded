/**
 * @module bench/matching/corpus
 * Synthetic, reproducible material for the matching benchmark: term lists and queries made of ordinary
 * English words, from a seeded generator (the same on every machine and every run).
 *
 * Words come from `@nkzw/safe-word-list` (devDependency, MIT, ~2,700 common English words curated to be
 * safe), kept at 4–10 letters. The random phrases must stay neutral, so words about people, ages,
 * families, bodies, clothing, intimacy, rooms and images are screened out as well: no combination of the
 * remaining words reads like anything a deterrence list is about. Terms are placeholders, nothing more.
 *
 * The vocabulary is split in two, so that the share of queries with a term is controlled (about 1%):
 *
 * - *term words* (≥ 5 letters) make the terms;
 * - *filler words* make the queries, minus every word that contains a term word (`pineapple` is no
 *   filler when `apple` is a term word: our engine and the npm packages would both find it inside), and
 *   minus every word our engine reads as a form of one (`primarily` of `primary`, `procedure` of
 *   `proceed` once doubled letters are squeezed).
 *
 * Term lists are realistic rather than worst-case: mostly two- and three-word phrases, with single-word
 * terms (≥ 7 letters) only about 3% of entries, until that pool runs out. Single common words as terms
 * make the lexicon scan keep every dictionary word that contains one (thousands per term), which a real
 * list avoids. Lists are nested: the first 1k terms of the 100k list are the 1k list.
 */

import words from '@nkzw/safe-word-list'
import { compileTermList, parsePlainTermList } from '../shipped.js'

/** Words left out of the vocabulary so that random phrases stay neutral (see the module doc). */
export const SCREENED: ReadonlySet<string> = new Set(
  `
  adolescent adult asleep baby bathroom bedroom belt bite birth birthday body boyfriend breast brother
  camera campus cheek chest child childhood classroom clothes clothing couch cousin daughter dress
  elementary face female film finger flesh foot gentleman girl girlfriend hair heel hide husband image
  infant innocent junior kiss knee lady little love lovely lover lung makeup male model mother mouth
  movie muscle naked neck nose pant parent photo photograph picture pregnancy pregnant private privacy
  school secret shirt shower sister skin sleep stomach student teacher teen teenager throat tiny tongue
  tooth touch uncle video wife woman young youth family father marriage married marry wedding
  `
    .split(/\s+/)
    .filter(Boolean),
)

/** A seeded pseudo-random stream (mulberry32 seeded through a string hash). */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  below(n: number): number
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T
}

/** FNV-1a over UTF-16 code units: a 32-bit seed from a label. */
const hash32 = (text: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** A random stream seeded by a label: the same label gives the same stream everywhere. */
export const seededRng = (label: string): Rng => {
  let a = hash32(label)
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const below = (n: number): number => Math.floor(next() * n)
  return { next, below, pick: (items) => items[below(items.length)]! }
}

/** A shuffled copy (Fisher–Yates). */
const shuffled = <T>(items: readonly T[], rng: Rng): T[] => {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.below(i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** The two halves of the vocabulary; see the module doc. */
export interface Vocabulary {
  /** Words that make terms (≥ 5 letters). */
  readonly termWords: readonly string[]
  /** Term words of ≥ 7 letters: the only single-word terms. */
  readonly singleWords: readonly string[]
  /** Words that make queries; none contains a term word. */
  readonly fillerWords: readonly string[]
}

/** The screened 4–10-letter words of the word list, sorted. */
export const baseWords = (): string[] =>
  [...new Set(words)].filter((w) => /^[a-z]{4,10}$/.test(w) && !SCREENED.has(w)).sort()

/** A test for words that contain one of `termWords`, literally or as our engine reads them. */
const containsTermWord = (termWords: readonly string[]): ((word: string) => boolean) => {
  const snapshot = compileTermList(parsePlainTermList(termListText(termWords), 'words.txt'))
  return (word) => termWords.some((t) => word.includes(t)) || snapshot.judge(word).hits.length > 0
}

/** Splits the vocabulary into term and filler words, reproducibly. */
export const buildVocabulary = (seed = 'bench-vocabulary'): Vocabulary => {
  const all = shuffled(baseWords(), seededRng(seed))
  const termWords = all.filter((w, i) => i % 2 === 0 && w.length >= 5)
  const terms = new Set(termWords)
  const contains = containsTermWord(termWords)
  const fillerWords = all.filter((w) => !terms.has(w) && !contains(w))
  return {
    termWords,
    singleWords: termWords.filter((w) => w.length >= 7),
    fillerWords,
  }
}

/** Share of entries that are single words, while the pool of single words lasts. */
export const SINGLE_SHARE = 0.03
/** Share of multi-word entries that have two words (the rest have three). */
export const TWO_WORD_SHARE = 0.6

/** A phrase of `n` distinct words drawn from `pool`. */
const phrase = (pool: readonly string[], n: number, rng: Rng): string => {
  const picked: string[] = []
  while (picked.length < n) {
    const w = rng.pick(pool)
    if (!picked.includes(w)) picked.push(w)
  }
  return picked.join(' ')
}

/**
 * `count` distinct terms of 1–3 words. Deterministic, and nested: the first `k` terms of any list are
 * the list of `k` terms.
 */
export const generateTerms = (vocab: Vocabulary, count: number, seed = 'bench-terms'): string[] => {
  const rng = seededRng(seed)
  const singles = shuffled(vocab.singleWords, seededRng(`${seed}-singles`))
  const out = new Set<string>()
  while (out.size < count) {
    if (singles.length > 0 && rng.next() < SINGLE_SHARE) {
      out.add(singles.pop()!)
      continue
    }
    out.add(phrase(vocab.termWords, rng.next() < TWO_WORD_SHARE ? 2 : 3, rng))
  }
  return [...out]
}

/** A plain-text term list (one term per line) for `parsePlainTermList`. */
export const termListText = (terms: readonly string[]): string =>
  `# synthetic benchmark list: ordinary words only\n${terms.join('\n')}\n`

/** Options of {@link generateQueries}. */
export interface QueryOptions {
  /** Share of queries that contain a term (default 0.01). */
  readonly termShare?: number
  /** Share of queries written with a capital first letter (default 0.1). */
  readonly capitalShare?: number
  readonly seed?: string
}

/**
 * `count` short ASCII queries of 2–5 filler words; about `termShare` of them contain a term from `terms`
 * in place of one word. Deterministic.
 */
export const generateQueries = (
  vocab: Vocabulary,
  terms: readonly string[],
  count: number,
  options: QueryOptions = {},
): string[] => {
  const rng = seededRng(options.seed ?? 'bench-queries')
  const termShare = options.termShare ?? 0.01
  const capitalShare = options.capitalShare ?? 0.1
  const out = new Array<string>(count)
  for (let q = 0; q < count; q++) {
    const parts: string[] = []
    const n = 2 + rng.below(4)
    for (let i = 0; i < n; i++) parts.push(rng.pick(vocab.fillerWords))
    if (terms.length > 0 && rng.next() < termShare) parts[rng.below(n)] = rng.pick(terms)
    let text = parts.join(' ')
    if (rng.next() < capitalShare) text = text[0]!.toUpperCase() + text.slice(1)
    out[q] = text
  }
  return out
}

/** Human label of a list size: 1000 → `1k`. */
export const sizeLabel = (n: number): string =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : String(n)
