import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAutomaton } from '../../src/match/automaton.js'

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

const run = (patterns: string[], text: string, denseBudget?: number) =>
  sort(
    buildAutomaton(patterns, denseBudget === undefined ? {} : { denseBudget })
      .findAll(text)
      .map((m) => [m.pattern, m.start, m.end] as [number, number, number]),
  )

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
    const got = run(patterns, haystack)
    expect(got).toEqual(naive(patterns, haystack))
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
        (patterns, text, budget) => {
          expect(run(patterns, text, budget)).toEqual(naive(patterns, text))
        },
      ),
      { numRuns: 400 },
    )
  })
})
