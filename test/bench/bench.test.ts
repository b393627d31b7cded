/**
 * @module test/bench
 * The benchmark's own pieces, in quick mode and in process: reproducible corpus generation, npm adapters
 * that find what our automaton finds, measurement helpers, figure formatting, the command line and one
 * run of every job kind on small material. No timing is asserted: only shapes and agreements.
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  applyTargets,
  combineHeadToHead,
  engineVsBestNpm,
  headToHeadRatio,
  parseOptions,
  planJobs,
  QUICK_PLAN,
  SECTIONS,
} from '../../bench/index.js'
import { MATCHERS, matcherNamed } from '../../bench/matching/adapters.js'
import {
  baseWords,
  buildVocabulary,
  generateQueries,
  generateTerms,
  SCREENED,
  seededRng,
  sizeLabel,
} from '../../bench/matching/corpus.js'
import { type Figure, humanLine, jsonLine, withTarget } from '../../bench/matching/figures.js'
import { type JobConfig, type Material, runJob } from '../../bench/matching/jobs.js'
import {
  includesBaseline,
  median,
  percentile,
  throughput,
  timeEach,
} from '../../bench/matching/measure.js'
import { MOUNTS, ROUTES, searchApp } from '../../bench/search-route.js'
// the benchmark measures the built package (dist/), and so do its tests
import { buildAutomaton, compileTermList, parsePlainTermList } from '../../bench/shipped.js'

const vocab = buildVocabulary()
const terms = generateTerms(vocab, 2000)
const queries = generateQueries(vocab, terms.slice(0, 200), 5000, { termShare: 0.05 })
const lower = queries.map((q) => q.toLowerCase())

describe('corpus', () => {
  it('seeds its random streams by label', () => {
    const a = seededRng('x')
    const b = seededRng('x')
    const c = seededRng('y')
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true)
  })

  it('keeps the vocabulary to unscreened words of 4–10 letters', () => {
    const words = baseWords()
    expect(words.length).toBeGreaterThan(2000)
    for (const w of words) {
      expect(w).toMatch(/^[a-z]{4,10}$/)
      expect(SCREENED.has(w)).toBe(false)
    }
  })

  it('splits the vocabulary reproducibly, fillers never containing a term word', () => {
    expect(buildVocabulary()).toEqual(vocab)
    expect(vocab.termWords.length).toBeGreaterThan(500)
    expect(vocab.fillerWords.length).toBeGreaterThan(500)
    const clashes = vocab.fillerWords.filter((f) => vocab.termWords.some((t) => f.includes(t)))
    expect(clashes).toEqual([])
    for (const s of vocab.singleWords) expect(s.length).toBeGreaterThanOrEqual(7)
  })

  it('generates the same nested, distinct term lists every time', () => {
    expect(generateTerms(vocab, 2000)).toEqual(terms)
    expect(generateTerms(vocab, 500)).toEqual(terms.slice(0, 500))
    expect(new Set(terms).size).toBe(terms.length)
    for (const t of terms) {
      const words = t.split(' ')
      expect(words.length).toBeGreaterThanOrEqual(1)
      expect(words.length).toBeLessThanOrEqual(3)
      if (words.length === 1) expect(t.length).toBeGreaterThanOrEqual(7)
    }
    const singles = terms.filter((t) => !t.includes(' ')).length
    expect(singles).toBeGreaterThan(0)
    expect(singles / terms.length).toBeLessThan(0.1)
  })

  it('generates the same short ASCII queries every time, about the asked share with a term', () => {
    expect(generateQueries(vocab, terms.slice(0, 200), 5000, { termShare: 0.05 })).toEqual(queries)
    for (const q of queries) expect(q).toMatch(/^[A-Za-z]+( [a-z]+)+$/)
    const a = buildAutomaton(terms.slice(0, 200))
    const share = lower.filter((q) => a.findAll(q).length > 0).length / lower.length
    expect(share).toBeGreaterThan(0.03)
    expect(share).toBeLessThan(0.08)
  })

  it('labels sizes', () => {
    expect([200, 1000, 10_000, 100_000, 1_000_000].map(sizeLabel)).toEqual([
      '200',
      '1k',
      '10k',
      '100k',
      '1M',
    ])
  })
})

describe('adapters', () => {
  const small = terms.slice(0, 300)
  const reference = matcherNamed('automaton').build(small)

  it.each(MATCHERS.filter((m) => m.npm).map((m) => m.name))(
    '%s finds what our automaton finds',
    (name) => {
      const searcher = matcherNamed(name).build(small)
      for (const q of lower.slice(0, 1500)) {
        expect(searcher.spans(q)).toEqual(reference.spans(q))
        expect(searcher.count(q)).toBe(reference.count(q))
      }
    },
  )

  it.each(MATCHERS.map((m) => m.name))('%s reports overlapping occurrences', (name) => {
    const searcher = matcherNamed(name).build(['he', 'she', 'his', 'hers'])
    const expected =
      name === 'engine'
        ? undefined
        : [
            [1, 4],
            [2, 4],
            [2, 6],
          ]
    if (expected) expect(searcher.spans('ushers')).toEqual(expected)
    expect(searcher.count('nothing to see')).toBe(0)
  })

  it('engine finds a hit wherever the plain automaton does', () => {
    const engine = matcherNamed('engine').build(small)
    for (let i = 0; i < 1500; i++) {
      if (reference.count(lower[i]!) > 0) expect(engine.count(queries[i]!)).toBeGreaterThan(0)
    }
  })

  it('rejects an unknown matcher', () => {
    expect(() => matcherNamed('nope')).toThrow(/unknown matcher/)
  })
})

describe('measure', () => {
  it('takes nearest-rank percentiles and medians', () => {
    const xs = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(percentile(xs, 50)).toBe(5)
    expect(percentile(xs, 99)).toBe(10)
    expect(percentile(xs, 0)).toBe(1)
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
  })

  it('counts hits over every query when the time box allows', () => {
    const t = throughput(includesBaseline(['apple']), ['an apple', 'a pear', 'apples'], 60_000, 2)
    expect(t.queries).toBe(3)
    expect(t.hits).toBe(2)
  })

  it('times each call and sorts the durations', () => {
    const times = timeEach(() => undefined, ['a', 'b'], 100)
    expect(times.length).toBe(100)
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!)
  })
})

describe('figures', () => {
  const f: Figure = { figure: 'x', value: 3, unit: 'ms', ratio: 2 }

  it('judges targets', () => {
    expect(withTarget(f, '<=', 5).pass).toBe(true)
    expect(withTarget(f, '>=', 5).pass).toBe(false)
    expect(withTarget({ ...f, value: null }, '<=', 5).pass).toBe(false)
  })

  it('prints one JSON object per line, and readable lines', () => {
    expect(JSON.parse(jsonLine(f))).toEqual(f)
    expect(humanLine(withTarget(f, '<=', 5))).toMatch(
      /x +3 ms += 2 baseline queries +target <= 5: PASS/,
    )
    expect(humanLine({ ...f, value: null, error: 'stopped' })).toMatch(/n\/a[\s\S]*! stopped/)
  })
})

describe('command line', () => {
  it('parses --json, --quick and --only', () => {
    const o = parseOptions(['--json', '--quick', '--only', 'latency,build', '--only', 'baseline'])
    expect(o.json).toBe(true)
    expect(o.plan).toBe(QUICK_PLAN)
    expect([...o.sections].sort()).toEqual(['baseline', 'build', 'latency'])
    expect([...parseOptions([]).sections]).toEqual([...SECTIONS])
    expect(() => parseOptions(['--only', 'nope'])).toThrow(/unknown section/)
  })

  it('plans the jobs of the chosen sections only', () => {
    const all = planJobs(QUICK_PLAN, new Set(SECTIONS))
    expect(all.filter((j) => j.spec.kind === 'throughput').length).toBe(3 * MATCHERS.length)
    const some = planJobs(QUICK_PLAN, new Set(['latency'] as const))
    expect(some.map((j) => j.spec)).toEqual([{ kind: 'latency', size: QUICK_PLAN.sizes[1] }])
  })

  it('computes engineVsBestNpm at the middle size and applies the targets', () => {
    const mid = sizeLabel(QUICK_PLAN.sizes[1])
    const figs: Figure[] = [
      {
        figure: `throughput.engine.${mid}`,
        value: 1000,
        unit: 'queries/s',
        ratio: 0.4,
        firstPassRatio: 0.3,
      },
      { figure: `throughput.aho-corasick.${mid}`, value: 100, unit: 'queries/s', ratio: 0.05 },
      {
        figure: `throughput.ahocorasick.${mid}`,
        value: 250,
        unit: 'queries/s',
        ratio: 0.1,
        firstPassRatio: 0.1,
      },
      { figure: `throughput.modern-ahocorasick.${mid}`, value: null, unit: 'queries/s' },
    ]
    const r = engineVsBestNpm(figs, QUICK_PLAN)
    expect(r).toMatchObject({
      figure: 'engineVsBestNpm',
      value: 4,
      bestNpm: 'ahocorasick',
      rawQpsRatio: 4,
      firstPass: 3,
    })
    expect(r?.pass).toBe(false)
    const withLexicon = [
      ...figs,
      { figure: `lexicon.${mid}.throughput`, value: 1500, unit: 'queries/s', ratio: 0.6 },
    ]
    expect(engineVsBestNpm(withLexicon, QUICK_PLAN, 'lexiconVsBestNpm')).toMatchObject({
      figure: 'lexiconVsBestNpm',
      value: 6,
      pass: true,
    })
    expect(engineVsBestNpm(figs, QUICK_PLAN, 'lexiconVsBestNpm')).toBeUndefined()
    // the head-to-head job's median becomes the figure, the quotient across processes stays beside it
    const h2h = {
      figure: `headToHead.ahocorasick.${mid}`,
      value: 5.5,
      unit: '×',
      rounds: '5 / 6',
      bestOverBest: 6.2,
    }
    expect(headToHeadRatio(r!, h2h)).toMatchObject({
      figure: 'engineVsBestNpm',
      value: 5.5,
      method: 'head to head',
      bestNpm: 'ahocorasick',
      rounds: '5 / 6',
      bestOverBest: 6.2,
      acrossProcesses: 4,
      rawQpsRatio: 4,
      pass: true,
    })
    const failed = { figure: h2h.figure, value: null, unit: '×', error: 'job failed (exit 1)' }
    expect(headToHeadRatio(r!, failed)).toMatchObject({
      value: 4,
      method: 'across processes',
      note: 'head-to-head job: job failed (exit 1)',
      pass: false,
    })
    const large = sizeLabel(QUICK_PLAN.sizes[2])
    const build = { figure: `build.engine.${large}.compileMs`, value: 10, unit: 'ms' }
    expect(applyTargets(build, QUICK_PLAN).pass).toBe(true)
  })

  it('takes the median of the head-to-head processes, each listed, and ignores failed ones', () => {
    const job = (value: number, rounds: string, engineQps: number, rivalQps: number) => ({
      figure: 'headToHead.ahocorasick.1k',
      value,
      unit: '×',
      rounds,
      engineQps,
      rivalQps,
      bestOverBest: value + 0.5,
    })
    const failed = { figure: 'headToHead.ahocorasick.1k', value: null, unit: '×', error: 'exit 1' }
    const jobs = [
      job(6, '6 / 6', 90, 15),
      failed,
      job(4.5, '4 / 5', 80, 18),
      job(5.2, '5 / 5.4', 85, 16),
    ]
    const combined = combineHeadToHead(jobs)
    expect(combined).toMatchObject({
      figure: 'headToHead.ahocorasick.1k',
      value: 5.2,
      processes: '6 / 4.5 / 5.2',
      rounds: '6 / 6 | 4 / 5 | 5 / 5.4',
      engineQps: 90,
      rivalQps: 18,
      bestOverBest: 5.7,
      failed: 1,
    })
    // an even number of processes: the mean of the middle two
    expect(combineHeadToHead([job(6, '6', 1, 1), job(5, '5', 1, 1)]).value).toBe(5.5)
    // none succeeded: the failure stands
    expect(combineHeadToHead([failed])).toBe(failed)
    // merged into engineVsBestNpm with its processes
    const across = { figure: 'engineVsBestNpm', value: 3, unit: '×', terms: 1000, bestNpm: 'x' }
    expect(headToHeadRatio(across, combined)).toMatchObject({
      value: 5.2,
      processes: '6 / 4.5 / 5.2',
    })
  })
})

describe('jobs (in process, small material)', () => {
  const cacheRoot = mkdtempSync(join(tmpdir(), 'bench-test-'))
  afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }))
  const material: Material = { terms, queries, lower }
  const config: JobConfig = {
    termsFile: '',
    queriesFile: '',
    baselineWords: vocab.termWords.slice(0, 8),
    budgetMs: 50,
    latencySamples: 2000,
    buildRepeats: 2,
    quick: true,
    cacheDir: join(cacheRoot, 'exception-cache'),
  }
  const names = (fs: Figure[]) => fs.map((f) => f.figure)
  const numeric = (fs: Figure[]) => {
    for (const f of fs) expect(typeof f.value).toBe('number')
  }

  it('measures the baseline', async () => {
    const fs = await runJob({ kind: 'baseline', name: 'includes' }, config, material)
    expect(names(fs)).toEqual(['baseline.includes'])
    expect(fs[0]?.ratio).toBe(1)
  })

  it('measures throughput of the engine and of an npm package, reporting the build', async () => {
    const events: string[] = []
    for (const matcher of ['engine', 'modern-ahocorasick']) {
      const spec = { kind: 'throughput', matcher, size: 500 } as const
      const fs = await runJob(spec, config, material, (e) => events.push(e))
      expect(names(fs)).toEqual([`throughput.${matcher}.500`])
      numeric(fs)
      expect(fs[0]).toHaveProperty('hitRate')
      expect(fs[0]).toHaveProperty('memoryMB')
      expect(fs[0]?.firstPassQps).toBeGreaterThan(0)
    }
    expect(events).toEqual(['built', 'built'])
  })

  it('puts the engine and a package head to head, passes alternating, a quotient a round', async () => {
    const events: string[] = []
    const spec = { kind: 'headToHead', matcher: 'modern-ahocorasick', size: 500 } as const
    const fs = await runJob(spec, config, material, (e) => events.push(e))
    expect(names(fs)).toEqual(['headToHead.modern-ahocorasick.500'])
    const f = fs[0]!
    const rounds = String(f.rounds).split(' / ').map(Number)
    // quick runs: two rounds; the figure is their median
    expect(rounds).toHaveLength(2)
    for (const q of rounds) expect(q).toBeGreaterThan(0)
    expect(f.value).toBeCloseTo((rounds[0]! + rounds[1]!) / 2, 1)
    expect(f.engineQps).toBeGreaterThan(0)
    expect(f.rivalQps).toBeGreaterThan(0)
    expect(f.bestOverBest).toBeCloseTo(Number(f.engineQps) / Number(f.rivalQps), 2)
    expect(events).toEqual(['built'])
  })

  it('measures latency, build and the lexicon (quick lexicon)', async () => {
    const lat = await runJob({ kind: 'latency', size: 500 }, config, material)
    expect(names(lat)).toEqual([
      'latency.engine.500.p50',
      'latency.engine.500.p99',
      'latency.engine.500.timerP50',
      'latency.engine.500.p50MinusTimer',
    ])
    const build = await runJob({ kind: 'build', size: 1000 }, config, material)
    expect(names(build)).toEqual([
      'build.engine.1k.parseMs',
      'build.engine.1k.compileMs',
      'build.engine.1k.memoryMB',
      'build.engine.1k.automatonMB',
    ])
    numeric([...lat, ...build])
    const lex = await runJob({ kind: 'lexicon', size: 500, queries: true }, config, material)
    expect(names(lex)).toEqual([
      'lexicon.500.loadMs',
      'lexicon.500.compileColdMs',
      'lexicon.500.compileWarmMs',
      'lexicon.500.memoryMB',
      'lexicon.500.memoryWarmMB',
      'lexicon.500.exceptionWords',
      'lexicon.500.throughput',
      'lexicon.500.p50',
      'lexicon.500.p50MinusTimer',
    ])
    numeric(lex)
  })

  it("meets the throughput section's best package head to head with the lexicon's snapshot", async () => {
    const spec = {
      kind: 'headToHead',
      matcher: 'modern-ahocorasick',
      size: 500,
      lexicon: true,
    } as const
    const lex = await runJob(spec, config, material)
    expect(names(lex)).toEqual(['lexicon.500.headToHead.modern-ahocorasick'])
    const h2h = lex[0]
    const rounds = String(h2h!.rounds).split(' / ').map(Number)
    expect(rounds).toHaveLength(2)
    for (const q of rounds) expect(q).toBeGreaterThan(0)
    expect(h2h!.value).toBeCloseTo((rounds[0]! + rounds[1]!) / 2, 1)
    // merged into lexiconVsBestNpm as the engine's head-to-head figure is
    const across = { figure: 'lexiconVsBestNpm', value: 3, unit: '×', terms: 500, bestNpm: 'x' }
    expect(headToHeadRatio(across, h2h!)).toMatchObject({
      figure: 'lexiconVsBestNpm',
      value: h2h!.value,
      method: 'head to head',
      acrossProcesses: 3,
    })
  })
})

describe('the middleware benchmark route', () => {
  it('answers the same results bare, behind a no-op middleware and mounted, on both kinds of route', async () => {
    const lists = compileTermList(parsePlainTermList('purple elephant\n', 'placeholder.txt'))
    for (const route of ROUTES) {
      const answers = await Promise.all(
        MOUNTS.map(async (mount) => {
          const res = await searchApp(route, mount, lists).request('/search?q=pride')
          return { status: res.status, body: await res.text() }
        }),
      )
      expect(answers[0]?.body).toMatch(/Pride and Prejudice/)
      for (const a of answers) expect(a).toEqual(answers[0])
      const deterred = await searchApp(route, 'mounted', lists).request('/search?q=purple+elephant')
      expect(((await deterred.json()) as { blocked?: boolean }).blocked).toBe(true)
    }
  })
})
