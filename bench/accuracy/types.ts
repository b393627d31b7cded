/**
 * @module bench/accuracy/types
 * Shapes shared by the accuracy corpus generator and the scorer.
 */

/** The two disjoint halves of the corpus: tune on `dev`, confirm on `holdout`. */
export type Split = 'dev' | 'holdout'

/** Both splits, in report order. */
export const SPLITS: readonly Split[] = ['dev', 'holdout']

/** Evasion classes of positive cases. */
export const POSITIVE_CLASSES = [
  'leet',
  'lookalike',
  'width',
  'accents',
  'spacing',
  'dots',
  'zero-width',
  'stretched',
  'combinations',
  'joined',
  'inflection',
  'masked',
  'split',
  'multiword',
  'doubled',
  'ambiguous',
] as const

/** Classes of benign (must-allow) cases. */
export const BENIGN_CLASSES = [
  'containing-word',
  'word-pairs',
  'doubled-letters',
  'cyrillic-greek',
  'accented',
  'numbers',
  'emoji',
  'ordinary',
] as const

export type PositiveClass = (typeof POSITIVE_CLASSES)[number]
export type BenignClass = (typeof BENIGN_CLASSES)[number]

/** The span a judge must report for a positive: UTF-16 offsets, half-open, into the query. */
export interface ExpectedHit {
  term: string
  start: number
  end: number
}

/** One query of the corpus. */
export interface Case {
  /** Stable id, `split/class/index`. */
  id: string
  split: Split
  kind: 'positive' | 'benign'
  class: PositiveClass | BenignClass
  query: string
  /** Positives only: the term as written in the list and its span. */
  expect?: ExpectedHit
  /** Language of a benign query's key words, when known. */
  lang?: string
  /** Benign only: the split-specific vocabulary the query was built around (checked disjoint). */
  words?: string[]
}

/** A placeholder term and what the generators may use it for. */
export interface Term {
  /** The term as written in the list. */
  text: string
  /** Its words, lower case. */
  words: string[]
  /**
   * `container`: occurs inside many ordinary words of several languages (containing-word class);
   * `squeeze`: ordinary words with doubled letters squeeze to it (doubled-letters class);
   * `script`: an all-Cyrillic or all-Greek ordinary word looks exactly like it.
   */
  roles: readonly ('container' | 'squeeze' | 'script')[]
}
