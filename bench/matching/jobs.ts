/**
 * @module bench/matching/jobs
 * The measurements themselves. Each job runs in a fresh child process (see `job.ts`), so that one
 * matcher's garbage and JIT state never weigh on another's (but for the head-to-head job, which puts the
 * engine and the best package side by side on purpose), a package that cannot build a large list is
 * stopped by a timeout or a heap cap instead of taking the run down, and every job measures its own
 * baseline right before its figures: each figure's ratio compares two measurements taken moments apart.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  compileTermList,
  folderExceptionCache,
  type Lexicon,
  lexiconFromWords,
  loadHunspellLexicon,
  parsePlainTermList,
  type TermListSnapshot,
} from '../shipped.js'
import { type MatcherAdapter, matcherNamed, type Searcher } from './adapters.js'
import { baseWords, sizeLabel, termListText } from './corpus.js'
import { type Figure, rateFigure, round, timeFigure } from './figures.js'
import {
  type Baseline,
  bestPass,
  getGc,
  measureBaseline,
  median,
  type Passes,
  percentile,
  retainedBytes,
  throughput,
  timeEach,
  toMB,
  warmUp,
} from './measure.js'

/** What every job is told (sizes of the run, where its material is). */
export interface JobConfig {
  /** The largest term list, one term per line; a job takes the first `size` lines. */
  readonly termsFile: string
  /** The queries, one per line. */
  readonly queriesFile: string
  /** The fixed small word set of the baseline. */
  readonly baselineWords: readonly string[]
  /** Time box of one throughput measurement, ms. */
  readonly budgetMs: number
  /** Individually timed calls of a latency measurement. */
  readonly latencySamples: number
  /** Compiles of the build measurement (fewer when they take long). */
  readonly buildRepeats: number
  /** Small lexicon instead of the hunspell dictionaries (smoke runs). */
  readonly quick: boolean
  /**
   * A folder that lives as long as the run: the lexicon's exception cache of the head-to-head jobs, so that
   * only the first of them scans the dictionaries.
   */
  readonly cacheDir: string
}

/** One measurement. */
export type JobSpec =
  | { readonly kind: 'baseline'; readonly name: string }
  | { readonly kind: 'throughput'; readonly matcher: string; readonly size: number }
  | { readonly kind: 'latency'; readonly size: number }
  | { readonly kind: 'build'; readonly size: number }
  | { readonly kind: 'lexicon'; readonly size: number; readonly queries: boolean }
  | {
      readonly kind: 'headToHead'
      readonly matcher: string
      readonly size: number
      /** The engine with the lexicon's exception words (`lexiconVsBestNpm`), not the plain list. */
      readonly lexicon?: boolean
    }

/** Terms and queries, as read from the job's files (or handed in by a test). */
export interface Material {
  readonly terms: readonly string[]
  readonly queries: readonly string[]
  /** The queries lower-cased, for the npm packages and the baseline. */
  readonly lower: readonly string[]
}

/** Reports progress to the parent (`built`, for instance, so a timeout can say what it cut short). */
export type Progress = (event: string) => void

const readLines = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')

/** Reads a job's material from its files. */
export const loadMaterial = (config: JobConfig): Material => {
  const queries = readLines(config.queriesFile)
  return { terms: readLines(config.termsFile), queries, lower: queries.map((q) => q.toLowerCase()) }
}

/** Milliseconds taken by `f`, and its result. */
const timed = <T>(f: () => T): { ms: number; result: T } => {
  const t0 = performance.now()
  const result = f()
  return { ms: performance.now() - t0, result }
}

/** Milliseconds taken by `f` and bytes its result keeps alive (measured after full GCs). */
const retained = <T>(
  gc: () => void,
  f: () => T,
): { ms: number; bytes: number; result: T | undefined } => {
  const before = retainedBytes(gc)
  const r = timed(f)
  return { ms: r.ms, bytes: retainedBytes(gc) - before, result: r.result }
}

const compilePlain = (terms: readonly string[], lexicon?: Lexicon, cacheDir?: string) =>
  compileTermList(
    parsePlainTermList(termListText(terms), 'bench.txt'),
    lexicon
      ? { lexicon, ...(cacheDir ? { exceptionCache: folderExceptionCache(cacheDir) } : {}) }
      : {},
  )

/** Time box of the baseline measurement, ms. */
const BASELINE_BUDGET_MS = 1000

const baselineOf = (config: JobConfig, m: Material): Baseline =>
  measureBaseline(config.baselineWords, m.lower, Math.min(BASELINE_BUDGET_MS, config.budgetMs))

const baselineJob = (name: string, config: JobConfig, m: Material): Figure[] => {
  const b = baselineOf(config, m)
  return [
    rateFigure(`baseline.${name}`, b.qps, b.qps, {
      nsPerQuery: round(b.nsPerQuery, 1),
      queries: b.queries,
      note: `String.prototype.includes of ${config.baselineWords.length} fixed words per query`,
    }),
  ]
}

/** The passes of a throughput figure, the first also as a ratio (see {@link bestPass}). */
const passFields = (p: Passes, b: Baseline) => ({
  passesQps: p.qps.join(' / '),
  firstPassQps: Math.round(p.first.qps),
  firstPassRatio: round(p.first.qps / b.qps, 3),
})

const throughputJob = (
  name: string,
  size: number,
  config: JobConfig,
  m: Material,
  progress: Progress,
): Figure[] => {
  const b = baselineOf(config, m)
  const adapter = matcherNamed(name)
  const built = retained(getGc(), () => adapter.build(m.terms.slice(0, size)))
  progress('built')
  const searcher = built.result!
  const qs = adapter.lowercase ? m.lower : m.queries
  warmUp(searcher.count, qs, 20_000)
  const passes = bestPass(searcher.count, qs, config.budgetMs)
  const t = passes.best
  return [
    rateFigure(`throughput.${name}.${sizeLabel(size)}`, t.qps, b.qps, {
      terms: size,
      queries: t.queries,
      hitRate: `${round((t.hits / t.queries) * 100, 3)}%`,
      buildMs: round(built.ms, 0),
      memoryMB: toMB(built.bytes),
      baselineQps: Math.round(b.qps),
      ...passFields(passes, b),
    }),
  ]
}

/** Rounds of the head-to-head job (quick runs: 2); each times one pass of either side. */
export const HEAD_TO_HEAD_ROUNDS = 6

/**
 * Queries each side of a head-to-head judges untimed before the first round. The rates of the other jobs are
 * each the best of three passes, so a first pass that still compiles code does not count; a head-to-head
 * takes the median of its rounds, and after a 20k-query warm-up its first round paid for compiling the
 * engine's full path (the ~1% of queries that may hold a term; optimized ~200k queries in): it was the lowest
 * round of every full run of 2026-12-02 (4.1–5.4× where the median was 5.4–6.3×).
 */
export const HEAD_TO_HEAD_WARM_UP = 250_000

/**
 * The engine (with `lexicon`, compiled with the lexicon's exception words) and one npm package in one
 * process, passes alternating (engine first in even rounds, the package first in odd ones), so that both
 * meet the same moments of the shared machine: the figure is the median over the rounds of the engine's
 * queries/s over the package's in that round (`bestOverBest`: the two best passes, the measure of the
 * throughput figures, divided). Measured across processes, the same quotient moved between 3.2x and 7.9x
 * over one day's runs of the same code; the run repeats this job in a few processes (see `bench/index.ts`).
 */
const headToHeadJob = async (
  name: string,
  size: number,
  lexicon: boolean,
  config: JobConfig,
  m: Material,
  progress: Progress,
): Promise<Figure[]> => {
  const terms = m.terms.slice(0, size)
  const words = lexicon ? await loadLexicon(config.quick) : undefined
  const snapshot = compilePlain(terms, words, config.cacheDir)
  const count = (q: string) => snapshot.judge(q).hits.length
  const rival = matcherNamed(name)
  const other = rival.build(terms)
  progress('built')
  const figure = lexicon
    ? `lexicon.${sizeLabel(size)}.headToHead.${name}`
    : `headToHead.${name}.${sizeLabel(size)}`
  return [headToHead(figure, count, rival, other, config, m, size)]
}

/** {@link headToHeadJob}'s rounds: `count` (the engine's) against `other`, built by `rival`. */
const headToHead = (
  figure: string,
  count: (text: string) => number,
  rival: MatcherAdapter,
  other: Searcher,
  config: JobConfig,
  m: Material,
  size: number,
): Figure => {
  const otherQueries = rival.lowercase ? m.lower : m.queries
  warmUp(count, m.queries, HEAD_TO_HEAD_WARM_UP)
  warmUp(other.count, otherQueries, HEAD_TO_HEAD_WARM_UP)
  const engineQps: number[] = []
  const otherQps: number[] = []
  const rounds = config.quick ? 2 : HEAD_TO_HEAD_ROUNDS
  for (let k = 0; k < rounds; k++) {
    const sides = [
      () => engineQps.push(throughput(count, m.queries, config.budgetMs).qps),
      () => otherQps.push(throughput(other.count, otherQueries, config.budgetMs).qps),
    ]
    for (const side of k % 2 === 0 ? sides : sides.reverse()) side()
  }
  const quotients = engineQps.map((q, i) => q / otherQps[i]!)
  return {
    figure,
    value: round(median(quotients), 3),
    unit: '×',
    terms: size,
    rounds: quotients.map((q) => round(q, 2)).join(' / '),
    engineQps: Math.round(Math.max(...engineQps)),
    rivalQps: Math.round(Math.max(...otherQps)),
    // each side's best pass, as every other rate of the benchmark is its best pass
    bestOverBest: round(Math.max(...engineQps) / Math.max(...otherQps), 3),
  }
}

/** Latency percentiles of `judge` on one snapshot, and the timer's own cost measured the same way. */
const latencyFigures = (
  prefix: string,
  snapshot: TermListSnapshot,
  samples: number,
  m: Material,
  b: Baseline,
): Figure[] => {
  const judge = (q: string) => snapshot.judge(q)
  warmUp((q) => judge(q).hits.length, m.queries, 100_000)
  const times = timeEach(judge, m.queries, samples)
  const timer = timeEach(() => undefined, m.queries, samples)
  const p50 = percentile(times, 50)
  const timerP50 = percentile(timer, 50)
  const ns = b.nsPerQuery
  return [
    timeFigure(`${prefix}.p50`, p50, 'ns', ns, { samples }),
    timeFigure(`${prefix}.p99`, percentile(times, 99), 'ns', ns, {
      p999: percentile(times, 99.9),
      max: times[times.length - 1],
    }),
    timeFigure(`${prefix}.timerP50`, timerP50, 'ns', ns, {
      p99: percentile(timer, 99),
      note: 'process.hrtime.bigint() pair around an empty function',
    }),
    timeFigure(`${prefix}.p50MinusTimer`, p50 - timerP50, 'ns', ns),
  ]
}

const latencyJob = (size: number, config: JobConfig, m: Material): Figure[] => {
  const b = baselineOf(config, m)
  const snapshot = compilePlain(m.terms.slice(0, size))
  return latencyFigures(`latency.engine.${sizeLabel(size)}`, snapshot, config.latencySamples, m, b)
}

/** Stop repeating compiles once they have taken this long, ms. */
const BUILD_REPEAT_CAP_MS = 15_000

const buildJob = (size: number, config: JobConfig, m: Material): Figure[] => {
  const b = baselineOf(config, m)
  const text = termListText(m.terms.slice(0, size))
  const parsed = timed(() => parsePlainTermList(text, 'bench.txt'))
  const first = retained(getGc(), () => compileTermList(parsed.result))
  const snapshot = first.result!
  const runs = [first.ms]
  let spent = first.ms
  while (runs.length < config.buildRepeats && spent < BUILD_REPEAT_CAP_MS) {
    const again = timed(() => compileTermList(parsed.result))
    runs.push(again.ms)
    spent += again.ms
  }
  const label = `build.engine.${sizeLabel(size)}`
  const a = snapshot.automaton
  return [
    timeFigure(`${label}.parseMs`, parsed.ms, 'ms', b.nsPerQuery),
    timeFigure(`${label}.compileMs`, median(runs), 'ms', b.nsPerQuery, {
      runs: runs.map((r) => Math.round(r)).join('/'),
    }),
    { figure: `${label}.memoryMB`, value: toMB(first.bytes), unit: 'MB', terms: size },
    {
      figure: `${label}.automatonMB`,
      value: toMB(a.byteSize),
      unit: 'MB',
      states: a.stateCount,
      patterns: a.patternCount,
      alphabet: a.alphabetSize,
    },
  ]
}

/** The lexicon: the hunspell dictionaries, or in quick runs the benchmark's own word list. */
const loadLexicon = async (quick: boolean): Promise<Lexicon> =>
  quick ? lexiconFromWords('bench-quick', ['en'], baseWords()) : loadHunspellLexicon()

/** Notes the list design next to the lexicon figures. */
const LIST_NOTE =
  'list: 2–3-word phrases, single words only of ≥ 7 letters (~3% of entries, while they last)'

const lexiconJob = async (
  size: number,
  withQueries: boolean,
  config: JobConfig,
  m: Material,
): Promise<Figure[]> => {
  const b = baselineOf(config, m)
  const gc = getGc()
  const label = `lexicon.${sizeLabel(size)}`
  const t0 = performance.now()
  const lexicon = await loadLexicon(config.quick)
  const loadMs = performance.now() - t0
  const dir = mkdtempSync(join(tmpdir(), 'search-deterrence-bench-'))
  try {
    const terms = m.terms.slice(0, size)
    const cold = retained(gc, () => compilePlain(terms, lexicon, dir))
    const words = cold.result?.exceptionWordCount ?? 0
    cold.result = undefined
    const warm = retained(gc, () => compilePlain(terms, lexicon, dir))
    const ns = b.nsPerQuery
    const out: Figure[] = [
      timeFigure(`${label}.loadMs`, loadMs, 'ms', ns, { lexicon: lexicon.id.slice(0, 60) }),
      timeFigure(`${label}.compileColdMs`, cold.ms, 'ms', ns, { note: LIST_NOTE }),
      timeFigure(`${label}.compileWarmMs`, warm.ms, 'ms', ns),
      {
        figure: `${label}.memoryMB`,
        value: toMB(cold.bytes),
        unit: 'MB',
        note: 'retained by the snapshot of the cold compile (exception words from the lexicon scan)',
      },
      {
        figure: `${label}.memoryWarmMB`,
        value: toMB(warm.bytes),
        unit: 'MB',
        note: 'retained by the snapshot of the warm compile (exception words from the cache file)',
      },
      { figure: `${label}.exceptionWords`, value: words, unit: 'words' },
    ]
    if (withQueries && warm.result)
      out.push(...lexiconQueryFigures(label, warm.result, config, m, b))
    return out
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const lexiconQueryFigures = (
  label: string,
  snapshot: TermListSnapshot,
  config: JobConfig,
  m: Material,
  b: Baseline,
): Figure[] => {
  const count = (q: string) => snapshot.judge(q).hits.length
  warmUp(count, m.queries, 20_000)
  const passes = bestPass(count, m.queries, config.budgetMs)
  const t = passes.best
  const samples = Math.min(config.latencySamples, 100_000)
  const lat = latencyFigures(label, snapshot, samples, m, b)
  return [
    rateFigure(`${label}.throughput`, t.qps, b.qps, {
      queries: t.queries,
      hitRate: `${round((t.hits / t.queries) * 100, 3)}%`,
      ...passFields(passes, b),
    }),
    ...lat.filter((f) => f.figure.endsWith('.p50') || f.figure.endsWith('.p50MinusTimer')),
  ]
}

/** Runs one job on its material. */
export const runJob = async (
  spec: JobSpec,
  config: JobConfig,
  m: Material,
  progress: Progress = () => {},
): Promise<Figure[]> => {
  switch (spec.kind) {
    case 'baseline':
      return baselineJob(spec.name, config, m)
    case 'throughput':
      return throughputJob(spec.matcher, spec.size, config, m, progress)
    case 'latency':
      return latencyJob(spec.size, config, m)
    case 'build':
      return buildJob(spec.size, config, m)
    case 'lexicon':
      return lexiconJob(spec.size, spec.queries, config, m)
    case 'headToHead':
      return headToHeadJob(spec.matcher, spec.size, spec.lexicon === true, config, m, progress)
  }
}
