import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AutomatonOptions, buildAutomaton } from '../../src/match/automaton.js'

interface ConformanceCase {
  name: string
  patterns: string[]
  haystack: string
  matches: [number, number, number][]
}
// the project's conformance tables (from the Rust aho-corasick crate, MIT / Unlicense; see their `about`),
// copied unchanged from `shared/conformance/` so that the tests run wherever the repository is checked out
const tables = JSON.parse(
  readFileSync(new URL('../fixtures/aho-corasick-tests.json', import.meta.url), 'utf8'),
) as { groups: Record<string, ConformanceCase[]> }

/** The reference matcher: every pattern at every position, sorted like the automaton's output. */
const naive = (patterns: string[], text: string): [number, number, number][] => {
  const out: [number, number, number][] = []
  for (let p = 0; p < patterns.length; p++) {
    const pat = patterns[p] ?? ''
    for (let i = text.indexOf(pat); i !== -1; i = text.indexOf(pat, i + 1)) {
      out.push([p, i, i + pat.length])
    }
  }
  return sort(out)
}
const sort = (m: [number, number, number][]) =>
  [...m].sort((a, b) => a[2] - b[2] || a[1] - b[1] || a[0] - b[0])

const run = (patterns: string[], text: string, options: AutomatonOptions = {}) =>
  sort(
    buildAutomaton(patterns, options)
      .findAll(text)
      .map((m) => [m.pattern, m.start, m.end] as [number, number, number]),
  )

/** Layouts every case runs under: default; every one-child state a chain; chains without dense rows. */
const LAYOUTS: readonly [string, AutomatonOptions][] = [
  ['default', {}],
  ['all chains', { chainDepth: 0 }],
  ['all chains, sparse', { chainDepth: 0, denseBudget: 1 }],
]

// The engine reports every occurrence (overlapping semantics): the groups that share it.
const supported = ['BASICS', 'STANDARD', 'OVERLAPPING', 'REGRESSION'].filter(
  (g) => g in tables.groups,
)
const cases = supported.flatMap((g) =>
  (tables.groups[g] ?? [])
    .filter((c) => c.patterns.every((p) => p.length > 0))
    .map((c) => ({ ...c, name: `${g}/${c.name}` })),
)

describe('buildAutomaton() conformance (Rust aho-corasick tables, overlapping)', () => {
  it('has cases to run', () => {
    expect(cases.length).toBeGreaterThan(50)
  })

  it.each(cases)('$name', ({ patterns, haystack }) => {
    // The overlapping tables list every occurrence; ordering differs between engines, so compare as sets,
    // and check them against the naive oracle too.
    for (const [layout, options] of LAYOUTS) {
      expect(run(patterns, haystack, options), layout).toEqual(naive(patterns, haystack))
    }
  })

  it.each(cases.filter((c) => c.name.startsWith('OVERLAPPING')))(
    'reports exactly the table matches for $name',
    ({ patterns, haystack, matches }) => {
      expect(run(patterns, haystack)).toEqual(sort(matches))
    },
  )
})

describe('buildAutomaton()', () => {
  it('rejects an empty pattern at build time', () => {
    expect(() => buildAutomaton(['a', ''])).toThrow(/pattern 1 is empty/)
  })

  it('finds nothing in text with none of the alphabet', () => {
    expect(buildAutomaton(['abc']).findAll('xyz')).toEqual([])
  })

  it('steps the unshared rest of a term as a chain, never through a dense row into it', () => {
    // `purpleelephant` and `purplefish` share `purple`: past depth 8 each goes on alone
    const a = buildAutomaton(['purpleelephant', 'purplefish', 'elephant'])
    const chained = [...a.chain].filter((c) => c !== 0).length
    // depths 9..13 of `purpleelephant` and 9 of `purplefish` have one child (the last letters are leaves)
    expect(chained).toBe(6)
    for (let s = 0; s < a.stateCount; s++) {
      // a chain state's only child is the next state, reached by the class it holds
      if (a.chain[s] !== 0) expect(a.next(s, a.chain[s]!)).toBe(s + 1)
    }
    for (const v of a.jump) if (v >= 0) expect(a.chain[v / a.alphabetSize]).toBe(0)
    expect(run(['purpleelephant', 'purplefish', 'elephant'], 'apurpleelephantpurplefis')).toEqual(
      naive(['purpleelephant', 'purplefish', 'elephant'], 'apurpleelephantpurplefis'),
    )
  })

  it('has one state per distinct prefix of the patterns, however many share long prefixes', () => {
    // enough patterns, long and alike enough, that the sorted insertion ties on its packed keys and sorts
    // groups again further in (and by insertion where they are small)
    const prefixesOf = (patterns: string[]) =>
      new Set(patterns.flatMap((p) => [...p].map((_, i) => p.slice(0, i + 1))))
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'ü'), minLength: 1, maxLength: 50 }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'ü'), maxLength: 80 }),
        (words, text) => {
          // a shared head makes the patterns tie on their first classes; every prefix of each, shortest
          // first, puts a pattern that ends just where a packed key does at the head of a tied group
          const patterns = words.flatMap((w) => {
            const long = `abababababababababab${w}`
            return [...long].map((_, i) => long.slice(0, i + 1)).concat(w)
          })
          const a = buildAutomaton(patterns)
          expect(a.stateCount).toBe(prefixesOf(patterns).size + 1)
          expect(run(patterns, text)).toEqual(naive(patterns, text))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('agrees with the naive matcher on random inputs, dense and sparse', () => {
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', 'é'),
      minLength: 1,
      maxLength: 5,
    })
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'é'), maxLength: 40 }),
        fc.constantFrom(undefined, 1, 4, 16),
        fc.constantFrom(undefined, 0, 1, 2),
        (patterns, text, denseBudget, chainDepth) => {
          const options = {
            ...(denseBudget === undefined ? {} : { denseBudget }),
            ...(chainDepth === undefined ? {} : { chainDepth }),
          }
          expect(run(patterns, text, options)).toEqual(naive(patterns, text))
        },
      ),
      { numRuns: 400 },
    )
  })
})
