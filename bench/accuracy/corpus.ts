/**
 * @module bench/accuracy/corpus
 * The deterministic accuracy corpus: for each split (`dev`, `holdout`), positives of every
 * evasion class (an obfuscated placeholder term with its exact expected span) and benign queries
 * of every benign class. The same seed always gives the same cases, on any machine.
 *
 * Span convention: the span runs from the first character of the term's first letter to the last
 * character of its last letter, taking in anything between (separators, invisible characters,
 * masks, stretched repeats, combining marks). An inflection ending is outside it (`purples` →
 * `purple`; `purpling` → `purpl`, because the `e` is gone; `purpled` → `purple`, because it is
 * there), and so is a hashtag's `#`. Offsets are UTF-16 code units, half-open.
 *
 * Run `npx tsx bench/accuracy/corpus.ts [--split dev|holdout|all] [--stats]` to print the cases
 * as JSON lines, or a count per class.
 */
import { pathToFileURL } from 'node:url'
import { makeBenign } from './benign.js'
import { checkContexts, makePositive } from './positives.js'
import { createRng } from './prng.js'
import { termsOf } from './terms.js'
import {
  BENIGN_CLASSES,
  type BenignClass,
  type Case,
  POSITIVE_CLASSES,
  type PositiveClass,
  SPLITS,
  type Split,
  type Term,
} from './types.js'

/** The seed of the published corpus; change it only on purpose. */
export const DEFAULT_SEED = 'search-deterrence/accuracy/v1'

/** Minimum positives per evasion class and split. */
export const MIN_POSITIVES = 60

/** Minimum benign cases per benign class and split. */
export const MIN_BENIGN = 150

/** Options of `buildCorpus`. */
export interface CorpusOptions {
  seed?: string
  /** Positives per class and split (default 80). */
  positives?: number
  /** Benign cases per class and split (default 160). */
  benign?: number
}

/** The generated corpus. */
export interface Corpus {
  seed: string
  terms: Readonly<Record<Split, readonly Term[]>>
  cases: Case[]
}

/** A zero-padded case id. */
function caseId(split: Split, cls: string, index: number): string {
  return `${split}/${cls}/${String(index).padStart(3, '0')}`
}

/** The positives of one class: terms taken in shuffled rotation, duplicates skipped. */
function positivesOf(seed: string, split: Split, cls: PositiveClass, count: number): Case[] {
  const rng = createRng(seed, `${split}/${cls}`)
  const terms = rng.shuffle(termsOf(split))
  const seen = new Set<string>()
  const cases: Case[] = []
  for (let i = 0; cases.length < count && i < count * 50; i++) {
    const term = terms[i % terms.length] as Term
    const made = makePositive(cls, term, rng)
    if (!made || seen.has(made.query)) continue
    seen.add(made.query)
    const expect = { term: term.text, start: made.start, end: made.end }
    cases.push({
      id: caseId(split, cls, cases.length),
      split,
      kind: 'positive',
      class: cls,
      query: made.query,
      expect,
    })
  }
  return cases
}

/** The benign cases of one class. */
function benignOf(seed: string, split: Split, cls: BenignClass, count: number): Case[] {
  const rng = createRng(seed, `${split}/${cls}`)
  return makeBenign(cls, split, termsOf(split), rng, count).map((d, i) => ({
    id: caseId(split, cls, i),
    split,
    kind: 'benign',
    class: cls,
    query: d.query,
    lang: d.lang,
    words: d.words,
  }))
}

/** Builds the whole corpus. */
export function buildCorpus(options: CorpusOptions = {}): Corpus {
  const seed = options.seed ?? DEFAULT_SEED
  const cases: Case[] = []
  for (const split of SPLITS) {
    checkContexts(termsOf(split))
    for (const cls of POSITIVE_CLASSES)
      cases.push(...positivesOf(seed, split, cls, options.positives ?? 80))
    for (const cls of BENIGN_CLASSES)
      cases.push(...benignOf(seed, split, cls, options.benign ?? 160))
  }
  return { seed, terms: { dev: termsOf('dev'), holdout: termsOf('holdout') }, cases }
}

/** The plain-text term list of a split, as the judge CLI reads it. */
export function termListText(split: Split): string {
  const header = `# search-deterrence accuracy corpus: placeholder terms, split ${split}\n`
  return (
    header +
    termsOf(split)
      .map((t) => `${t.text}\n`)
      .join('')
  )
}

/** Counts per split and class, as text lines. */
function stats(cases: readonly Case[]): string[] {
  const counts = new Map<string, number>()
  for (const c of cases)
    counts.set(
      `${c.split}\t${c.kind}\t${c.class}`,
      (counts.get(`${c.split}\t${c.kind}\t${c.class}`) ?? 0) + 1,
    )
  return [...counts].map(([k, n]) => `${k}\t${n}`)
}

/** CLI: print the cases of a split as JSON lines, or their counts with `--stats`. */
function main(argv: readonly string[]): void {
  const at = argv.indexOf('--split')
  const which = at >= 0 ? argv[at + 1] : 'all'
  const cases = buildCorpus().cases.filter((c) => which === 'all' || c.split === which)
  const lines = argv.includes('--stats') ? stats(cases) : cases.map((c) => JSON.stringify(c))
  process.stdout.write(`${lines.join('\n')}\n`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main(process.argv.slice(2))
