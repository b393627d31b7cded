/**
 * @module test/accuracy/corpus.test
 * Invariants of the accuracy corpus: it is deterministic, its splits share no term and no benign
 * word, every class has at least its minimum number of cases, queries are single lines, and every
 * positive's expected span, sliced from the query and de-obfuscated the way its class obfuscated
 * it, gives back the term.
 */
import { describe, expect, it } from 'vitest'
import { CONFUSABLES } from '../../bench/accuracy/check.js'
import {
  buildCorpus,
  MIN_BENIGN,
  MIN_POSITIVES,
  termListText,
} from '../../bench/accuracy/corpus.js'
import { termLetters, termsOf } from '../../bench/accuracy/terms.js'
import {
  BENIGN_CLASSES,
  type Case,
  POSITIVE_CLASSES,
  SPLITS,
  type Split,
  type Term,
} from '../../bench/accuracy/types.js'

const corpus = buildCorpus()

/** Upper-case Cyrillic and Greek look-alikes the generator also uses. */
const UPPER_CONFUSABLES: Readonly<Record<string, string>> = {
  А: 'a',
  В: 'b',
  Е: 'e',
  К: 'k',
  М: 'm',
  Н: 'h',
  О: 'o',
  Р: 'p',
  С: 'c',
  Т: 't',
  Х: 'x',
  І: 'i',
  Ѕ: 's',
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'i',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
}

/** Leet characters and the letters they can stand for. */
const LEET: Readonly<Record<string, string>> = {
  '4': 'a',
  '@': 'a',
  '3': 'e',
  '1': 'il',
  '!': 'i',
  '0': 'o',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '|': 'li',
  '9': 'g',
  '8': 'b',
}

/** Width, case, styled letters, look-alikes, accents and invisibles folded away. */
function fold(text: string): string {
  return [...text.normalize('NFKC')]
    .map((c) => UPPER_CONFUSABLES[c] ?? CONFUSABLES[c.toLowerCase()] ?? c.toLowerCase())
    .join('')
    .normalize('NFD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
}

/** A regex for a term's letters where each letter may be leet and repeated (`+`). */
function letterPattern(t: Term, repeat: boolean, sep = ''): RegExp {
  const letter = (l: string): string => {
    const alts = Object.entries(LEET)
      .filter(([, v]) => v.includes(l))
      .map(([k]) => k.replace(/[$+|]/g, '\\$&'))
    return `[${l}${alts.join('')}]${repeat ? '+' : ''}`
  }
  return new RegExp(`^${[...termLetters(t)].map(letter).join(sep)}$`, 'u')
}

/** Class-specific de-obfuscation of an expected span; true when it gives back the term. */
function spanReadsAsTerm(c: Case, t: Term): boolean {
  const e = c.expect as NonNullable<Case['expect']>
  const slice = c.query.slice(e.start, e.end)
  const lower = slice.toLowerCase()
  const letters = termLetters(t)
  const phrase = t.words.join(' ')
  const squeeze = (s: string) => s.replace(/(.)\1+/gu, '$1')
  switch (c.class) {
    case 'leet':
    case 'ambiguous':
      return letterPattern(t, false, ' ?').test(lower)
    case 'lookalike':
    case 'width':
    case 'accents':
    case 'zero-width':
      return fold(slice) === phrase
    case 'spacing':
      return lower.replace(/ /g, '') === letters && /^(\S ){2,}\S$/u.test(slice)
    case 'dots':
      return lower.replace(/[.\-_ ]/g, '') === letters
    case 'stretched':
      return squeeze(lower) === squeeze(phrase) && slice.length > phrase.length + 1
    case 'doubled':
      return squeeze(lower) === squeeze(phrase) && slice.length === phrase.length + 1
    case 'masked':
      return (
        lower.length === phrase.length &&
        [...phrase].filter((ch, i) => lower[i] !== ch).length === 1
      )
    case 'split':
      return lower.replace(/[ .-]/, '') === letters && lower.length === letters.length + 1
    case 'multiword':
    case 'joined':
      return lower.replace(/[-_.+/ ]/g, '') === letters
    case 'inflection':
      return (
        (lower === phrase || lower === phrase.replace(/e$/, '')) &&
        /\p{L}/u.test(c.query[e.end] ?? '')
      )
    case 'combinations':
      return letterPattern(t, true).test(fold(slice).replace(/[\s.\-_]/g, ''))
    default:
      return false
  }
}

/** Cases of a split, kind and class. */
function casesOf(split: Split, cls: string): Case[] {
  return corpus.cases.filter((c) => c.split === split && c.class === cls)
}

/** The benign vocabulary of a split: whole items and their words of four letters or more. */
function benignWords(split: Split): Set<string> {
  const items = corpus.cases
    .filter((c) => c.split === split && c.kind === 'benign')
    .flatMap((c) => c.words ?? [])
  const words = items.flatMap((w) => [
    w.toLowerCase(),
    ...w
      .toLowerCase()
      .split(/[\s,.;:!?/]+/u)
      .filter((x) => [...x].length >= 4),
  ])
  return new Set(words)
}

describe('accuracy corpus', () => {
  it('is deterministic for a seed and changes with it', () => {
    expect(buildCorpus()).toEqual(corpus)
    const other = buildCorpus({ seed: 'another seed' })
    expect(other.cases.map((c) => c.query)).not.toEqual(corpus.cases.map((c) => c.query))
  })

  it('has disjoint splits: terms, term words and benign words', () => {
    const dev = termsOf('dev')
    const holdout = termsOf('holdout')
    const devWords = new Set(dev.flatMap((t) => t.words))
    expect(holdout.filter((t) => dev.some((d) => d.text === t.text))).toEqual([])
    expect(holdout.flatMap((t) => t.words).filter((w) => devWords.has(w))).toEqual([])
    const devBenign = benignWords('dev')
    expect([...benignWords('holdout')].filter((w) => devBenign.has(w))).toEqual([])
  })

  it('has about 15 ordinary placeholder terms per split, 4–12 letters a word', () => {
    for (const split of SPLITS) {
      const terms = termsOf(split)
      expect(terms.length).toBeGreaterThanOrEqual(14)
      expect(terms.length).toBeLessThanOrEqual(18)
      expect(terms.some((t) => t.words.length > 1)).toBe(true)
      for (const w of terms.flatMap((t) => t.words)) expect(w).toMatch(/^[a-z]{4,12}$/)
      expect(
        termListText(split)
          .split('\n')
          .filter((l) => l && !l.startsWith('#')),
      ).toHaveLength(terms.length)
    }
  })

  it('meets the minimum count of every class in every split', () => {
    for (const split of SPLITS) {
      for (const cls of POSITIVE_CLASSES)
        expect(casesOf(split, cls).length, `${split}/${cls}`).toBeGreaterThanOrEqual(MIN_POSITIVES)
      for (const cls of BENIGN_CLASSES)
        expect(casesOf(split, cls).length, `${split}/${cls}`).toBeGreaterThanOrEqual(MIN_BENIGN)
    }
  })

  it('has unique ids and single-line, distinct queries within a class', () => {
    expect(new Set(corpus.cases.map((c) => c.id)).size).toBe(corpus.cases.length)
    for (const c of corpus.cases) expect(c.query).not.toMatch(/[\n\r\u0085\u2028\u2029]/u)
    for (const split of SPLITS) {
      for (const cls of [...POSITIVE_CLASSES, ...BENIGN_CLASSES]) {
        const queries = casesOf(split, cls).map((c) => c.query)
        expect(new Set(queries).size).toBe(queries.length)
      }
    }
  })

  it('gives positives a span inside the query, on code-point boundaries, naming a split term', () => {
    for (const c of corpus.cases.filter((x) => x.kind === 'positive')) {
      const e = c.expect
      expect(e, c.id).toBeDefined()
      if (!e) continue
      expect(termsOf(c.split).map((t) => t.text)).toContain(e.term)
      expect(0 <= e.start && e.start < e.end && e.end <= c.query.length, c.id).toBe(true)
      for (const at of [e.start, e.end])
        expect(/[\udc00-\udfff]/.test(c.query[at] ?? ''), c.id).toBe(false)
    }
    for (const c of corpus.cases.filter((x) => x.kind === 'benign'))
      expect(c.expect).toBeUndefined()
  })

  it('has expected spans that de-obfuscate to the term', () => {
    const wrong: string[] = []
    for (const c of corpus.cases.filter((x) => x.kind === 'positive')) {
      const t = termsOf(c.split).find((x) => x.text === c.expect?.term) as Term
      if (!spanReadsAsTerm(c, t))
        wrong.push(`${c.id} ${JSON.stringify(c.query)} ${JSON.stringify(c.expect)}`)
    }
    expect(wrong).toEqual([])
  })

  it('excludes inflection endings and hashtags from spans', () => {
    const devInflections = casesOf('dev', 'inflection')
    expect(devInflections.every((c) => /\p{L}/u.test(c.query[c.expect?.end ?? 0] ?? ''))).toBe(true)
    const hashtags = corpus.cases.filter((c) => c.class === 'joined' && c.query.includes('#'))
    expect(hashtags.length).toBeGreaterThan(0)
    for (const c of hashtags)
      expect(c.query.slice(c.expect?.start, c.expect?.end)).not.toContain('#')
  })

  it('covers several languages in the containing-word and cyrillic-greek classes', () => {
    for (const split of SPLITS) {
      const langs = new Set(casesOf(split, 'containing-word').map((c) => c.lang))
      for (const lang of ['en', 'fr', 'de', 'es', 'nl', 'it', 'pt'])
        expect(langs, `${split} ${lang}`).toContain(lang)
      const scripts = new Set(casesOf(split, 'cyrillic-greek').map((c) => c.lang))
      for (const lang of ['ru', 'uk', 'bg', 'el'])
        expect(scripts, `${split} ${lang}`).toContain(lang)
    }
  })
})
