/**
 * @module bench/matching/adapters
 * One interface over every matcher the benchmark compares: our engine (`snapshot.judge`: normalize,
 * match, policy), our bare automaton, and the npm Aho-Corasick packages, each used as its README shows
 * with its all-matches API (the engine needs every hit with its span, so a "first hit only" call would
 * not be the same work). npm packages search text that is already lower-cased; the engine gets the query
 * as typed and normalizes it itself.
 */

import { AhoCorasick as MonyoneAhoCorasick } from '@monyone/aho-corasick'
import { AhoCorasick as MonyoneFastAhoCorasick } from '@monyone/aho-corasick/fast'
import HsujianAhoCorasick from 'aho-corasick'
import BrunoAhoCorasick from 'ahocorasick'
import ModernAhoCorasick from 'modern-ahocorasick'
import ModernFastAhoCorasick from 'modern-ahocorasick/fast'
import { buildAutomaton, compileTermList, parsePlainTermList } from '../shipped.js'
import { termListText } from './corpus.js'

/** A half-open span `[start, end)` in UTF-16 code units. */
export type Span = readonly [number, number]

/** A built matcher. */
export interface Searcher {
  /**
   * The timed operation: the number of hits in one query. For npm packages and the bare automaton,
   * occurrences in lower-cased text; for the engine, the hits of its verdict.
   */
  count(text: string): number
  /** Every occurrence as a span, sorted and de-duplicated (for correctness checks, not timed). */
  spans(text: string): Span[]
}

/** A matcher under test: a name and how to build it from plain lower-case terms. */
export interface MatcherAdapter {
  readonly name: string
  /** True for npm packages (they compete for `engineVsBestNpm`). */
  readonly npm: boolean
  /** True when `count` expects lower-cased text. */
  readonly lowercase: boolean
  build(terms: readonly string[]): Searcher
}

const sortSpans = (spans: Span[]): Span[] => {
  const seen = new Set<string>()
  const out: Span[] = []
  for (const s of spans) {
    const key = `${s[0]}:${s[1]}`
    if (!seen.has(key)) {
      seen.add(key)
      out.push(s)
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1])
}

/** Our engine as deployed: compiled plain-text list, `judge()` per query. */
const engine: MatcherAdapter = {
  name: 'engine',
  npm: false,
  lowercase: false,
  build(terms) {
    const snapshot = compileTermList(parsePlainTermList(termListText(terms), 'bench.txt'))
    return {
      count: (text) => snapshot.judge(text).hits.length,
      spans: (text) => sortSpans(snapshot.judge(text).hits.map((h) => [h.start, h.end] as const)),
    }
  },
}

/** Our automaton alone over the same term strings: like for like with the npm packages. */
const automaton: MatcherAdapter = {
  name: 'automaton',
  npm: false,
  lowercase: true,
  build(terms) {
    const a = buildAutomaton(terms)
    return {
      count: (text) => a.findAll(text).length,
      spans: (text) => sortSpans(a.findAll(text).map((m) => [m.start, m.end] as const)),
    }
  },
}

/** `aho-corasick` (hsujian): `add` each word, `build_fail()`, `search(text, callback)`. */
const hsujian: MatcherAdapter = {
  name: 'aho-corasick',
  npm: true,
  lowercase: true,
  build(terms) {
    const ac = new HsujianAhoCorasick()
    for (const t of terms) ac.add(t, t)
    ac.build_fail()
    return {
      count(text) {
        let n = 0
        ac.search(text, () => {
          n++
        })
        return n
      },
      spans(text) {
        const out: Span[] = []
        ac.search(text, (word, _data, offset) => {
          out.push([offset, offset + word.length])
        })
        return sortSpans(out)
      },
    }
  },
}

/** `ahocorasick` (BrunoRB): `new AhoCorasick(keywords).search(text)` → `[lastIndex, words][]`. */
const bruno: MatcherAdapter = {
  name: 'ahocorasick',
  npm: true,
  lowercase: true,
  build(terms) {
    const ac = new BrunoAhoCorasick(terms)
    return {
      count(text) {
        let n = 0
        for (const [, found] of ac.search(text)) n += found.length
        return n
      },
      spans(text) {
        const out: Span[] = []
        for (const [last, found] of ac.search(text)) {
          for (const w of found) out.push([last + 1 - w.length, last + 1])
        }
        return sortSpans(out)
      },
    }
  },
}

/** The API both `@monyone/aho-corasick` classes share. */
type MonyoneClass = new (
  keywords: string[],
) => { matchInText(text: string): { begin: number; end: number }[] }

/** `@monyone/aho-corasick` and its double-array `/fast` variant: `matchInText(text)`. */
const monyone = (name: string, Ctor: MonyoneClass): MatcherAdapter => ({
  name,
  npm: true,
  lowercase: true,
  build(terms) {
    const ac = new Ctor([...terms])
    return {
      count: (text) => ac.matchInText(text).length,
      spans: (text) => sortSpans(ac.matchInText(text).map((m) => [m.begin, m.end] as const)),
    }
  },
})

/** `modern-ahocorasick` and its double-array `/fast` variant: `search(text)` (strategy `all`). */
const modern = (name: string, Ctor: typeof ModernAhoCorasick): MatcherAdapter => ({
  name,
  npm: true,
  lowercase: true,
  build(terms) {
    const ac = new Ctor(terms)
    return {
      count: (text) => ac.search(text).length,
      spans: (text) => sortSpans(ac.search(text).map((m) => [m.start, m.end] as const)),
    }
  },
})

/** Every matcher, ours first. */
export const MATCHERS: readonly MatcherAdapter[] = [
  engine,
  automaton,
  hsujian,
  bruno,
  monyone('@monyone/aho-corasick', MonyoneAhoCorasick),
  monyone('@monyone/aho-corasick/fast', MonyoneFastAhoCorasick),
  modern('modern-ahocorasick', ModernAhoCorasick),
  modern('modern-ahocorasick/fast', ModernFastAhoCorasick),
]

/** The matcher called `name`; throws on an unknown name. */
export const matcherNamed = (name: string): MatcherAdapter => {
  const m = MATCHERS.find((x) => x.name === name)
  if (!m) throw new Error(`unknown matcher "${name}" (one of: ${MATCHERS.map((x) => x.name)})`)
  return m
}
