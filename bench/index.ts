/**
 * @module bench
 * `npm run bench`: matching speed, latency, build cost and memory of the engine, against npm
 * Aho-Corasick packages, with and without the lexicon. `-- --json` prints one JSON object per figure
 * and line; `-- --quick` uses small sizes (smoke runs); `-- --only NAME` (repeatable or comma-separated)
 * runs some sections: baseline, throughput, latency, build, lexicon, middleware.
 *
 * Machines are shared and noisy, so every speed figure carries a `ratio` to a baseline measured in the
 * same process moments before (a plain `String.prototype.includes` loop over the same queries): compare
 * ratios between runs, read absolute numbers as informative. Targets are printed as PASS/MISS and never
 * fail the run. Each measurement runs in its own child process (see `matching/jobs.ts`).
 */

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { MATCHERS } from './matching/adapters.js'
import {
  buildVocabulary,
  generateQueries,
  generateTerms,
  SINGLE_SHARE,
  sizeLabel,
} from './matching/corpus.js'
import { type Figure, humanLine, jsonLine, round, withTarget } from './matching/figures.js'
import { FIGURES, PROGRESS } from './matching/job.js'
import { HEAD_TO_HEAD_ROUNDS, type JobConfig, type JobSpec } from './matching/jobs.js'
import { median, PASSES } from './matching/measure.js'
import { benchMiddleware, benchMiddlewareCpu, benchSuggestionCache } from './middleware.js'

/** Sections `--only` can name. */
export const SECTIONS = [
  'baseline',
  'throughput',
  'latency',
  'build',
  'lexicon',
  'middleware',
] as const
export type Section = (typeof SECTIONS)[number]

/** Sizes and limits of one run. */
export interface Plan {
  readonly quick: boolean
  /** Term list sizes; the middle one is the "10k" of the targets, the last the "100k". */
  readonly sizes: readonly [number, number, number]
  readonly queries: number
  readonly budgetMs: number
  readonly latencySamples: number
  readonly buildRepeats: number
  /** A matcher that has not built its list by then is stopped. */
  readonly buildTimeoutMs: number
  /** Heap cap of each job's process. */
  readonly heapMb: number
  /** Seconds per autocannon window of the middleware overhead figure, and how many windows. */
  readonly loadSeconds: number
  readonly loadWindows: number
}

export const FULL_PLAN: Plan = {
  quick: false,
  sizes: [1000, 10_000, 100_000],
  queries: 1_000_000,
  budgetMs: 3000,
  latencySamples: 250_000,
  buildRepeats: 3,
  buildTimeoutMs: 30_000,
  heapMb: 4096,
  loadSeconds: 2,
  loadWindows: 12,
}

export const QUICK_PLAN: Plan = {
  quick: true,
  sizes: [200, 1000, 5000],
  queries: 20_000,
  budgetMs: 300,
  latencySamples: 20_000,
  buildRepeats: 2,
  buildTimeoutMs: 30_000,
  heapMb: 1024,
  loadSeconds: 1,
  loadWindows: 1,
}

/** Parsed command line. */
export interface Options {
  readonly json: boolean
  readonly plan: Plan
  readonly sections: ReadonlySet<Section>
}

/** Parses `--json`, `--quick`, `--only NAME`. Throws on an unknown section. */
export const parseOptions = (argv: readonly string[]): Options => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
    },
  })
  const names = (values.only ?? []).flatMap((o) => o.split(',')).filter(Boolean)
  for (const n of names) {
    if (!(SECTIONS as readonly string[]).includes(n)) {
      throw new Error(`unknown section "${n}" (one of: ${SECTIONS.join(', ')})`)
    }
  }
  return {
    json: values.json ?? false,
    plan: values.quick ? QUICK_PLAN : FULL_PLAN,
    sections: new Set(names.length > 0 ? (names as Section[]) : SECTIONS),
  }
}

/** The jobs of a run, in order, each with its section. */
export const planJobs = (
  plan: Plan,
  sections: ReadonlySet<Section>,
): { section: Section; spec: JobSpec }[] => {
  const [, mid, large] = plan.sizes
  const jobs: { section: Section; spec: JobSpec }[] = []
  const add = (section: Section, spec: JobSpec) => {
    if (sections.has(section)) jobs.push({ section, spec })
  }
  add('baseline', { kind: 'baseline', name: 'includes' })
  for (const size of plan.sizes) {
    for (const m of MATCHERS) add('throughput', { kind: 'throughput', matcher: m.name, size })
  }
  add('latency', { kind: 'latency', size: mid })
  add('build', { kind: 'build', size: large })
  add('lexicon', { kind: 'lexicon', size: mid, queries: true })
  add('lexicon', { kind: 'lexicon', size: large, queries: false })
  add('baseline', { kind: 'baseline', name: 'includes.end' })
  return jobs
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const JOB = fileURLToPath(new URL('./matching/job.ts', import.meta.url))

/** Why a job's process ended without figures. */
const failureOf = (stderr: string, code: number | null, plan: Plan): string => {
  if (/heap out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(stderr)) {
    return `ran out of memory (heap capped at ${plan.heapMb} MB)`
  }
  const last = stderr.trim().split('\n').slice(-3).join(' | ')
  return `job failed (exit ${code}): ${last.slice(0, 300)}`
}

/** Runs one job in a child process, with the build timeout; resolves to its figures or an error. */
const runChild = (
  spec: JobSpec,
  config: JobConfig,
  plan: Plan,
): Promise<{ figures: Figure[] } | { error: string }> =>
  new Promise((resolve) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '--expose-gc',
        `--max-old-space-size=${plan.heapMb}`,
        '--import',
        'tsx',
        JOB,
        JSON.stringify({ spec, config }),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    let built = spec.kind !== 'throughput' && spec.kind !== 'headToHead'
    let settled = false
    const finish = (r: { figures: Figure[] } | { error: string }) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(r)
    }
    // a lexicon's first compile scans the dictionaries
    const lexicon = spec.kind === 'lexicon' || (spec.kind === 'headToHead' && spec.lexicon === true)
    const limit = lexicon ? 600_000 : plan.buildTimeoutMs
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      const what = built ? 'did not finish' : `did not build ${sizeLabel(sizeOf(spec))} terms`
      finish({ error: `${what} within ${Math.round(limit / 1000)} s (stopped)` })
    }, limit)
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      if (!built && out.includes(`${PROGRESS}built`)) {
        built = true
        timer.refresh()
      }
    })
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString()
    })
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(FIGURES))
      if (line) finish({ figures: JSON.parse(line.slice(FIGURES.length)) as Figure[] })
      else finish({ error: failureOf(err, code, plan) })
    })
  })

const sizeOf = (spec: JobSpec): number => ('size' in spec ? spec.size : 0)

/** The figure names a failed job would have produced (so a failure still shows up as a figure). */
const failedFigure = (spec: JobSpec, error: string): Figure => {
  const name =
    spec.kind === 'throughput' || spec.kind === 'headToHead'
      ? `${spec.kind}.${spec.matcher}.${sizeLabel(spec.size)}`
      : spec.kind === 'baseline'
        ? `baseline.${spec.name}`
        : `${spec.kind}.${sizeLabel(sizeOf(spec))}`
  return {
    figure: name,
    value: null,
    unit: spec.kind === 'throughput' || spec.kind === 'baseline' ? 'queries/s' : '',
    error,
  }
}

/** Adds the targets of the issue to the figures that have one. */
export const applyTargets = (f: Figure, plan: Plan): Figure => {
  const mid = sizeLabel(plan.sizes[1])
  const large = sizeLabel(plan.sizes[2])
  if (f.figure === `latency.engine.${mid}.p50MinusTimer`) return withTarget(f, '<=', 1000, '1 µs')
  if (f.figure === `build.engine.${large}.compileMs`) return withTarget(f, '<=', 1000, '1 s')
  if (f.figure === `build.engine.${large}.memoryMB`) return withTarget(f, '<=', 100, '100 MB')
  return f
}

/** The same quotient over the first timed passes, when both figures have one. */
const firstPassRatio = (engine: Figure, best: Figure): number | undefined =>
  typeof engine.firstPassRatio === 'number' && typeof best.firstPassRatio === 'number'
    ? round(engine.firstPassRatio / best.firstPassRatio, 3)
    : undefined

/**
 * The engine's throughput at the middle size over the best npm package's, across processes: the two
 * were measured in different processes at different moments, so each is first divided by its own
 * baseline (its `ratio`); the quotient of raw queries/s is kept as `rawQpsRatio`, and
 * the quotient over the first passes, before the engine's rarely run code was optimized, as `firstPass`.
 * `engineVsBestNpm` itself comes from the head-to-head jobs when they ran ({@link headToHeadRatio}).
 * `lexiconVsBestNpm` is the same with the engine's figure from the lexicon section (the hunspell
 * dictionaries' exception words on), once both sections have run, and head to head from the lexicon's
 * head-to-head jobs.
 */
export const engineVsBestNpm = (
  figures: readonly Figure[],
  plan: Plan,
  which: 'engineVsBestNpm' | 'lexiconVsBestNpm' = 'engineVsBestNpm',
): Figure | undefined => {
  const mid = sizeLabel(plan.sizes[1])
  const at = (name: string) => figures.find((f) => f.figure === `throughput.${name}.${mid}`)
  const engine =
    which === 'engineVsBestNpm'
      ? at('engine')
      : figures.find((f) => f.figure === `lexicon.${mid}.throughput`)
  let best: Figure | undefined
  for (const m of MATCHERS.filter((x) => x.npm)) {
    const f = at(m.name)
    if (f?.ratio !== undefined && (best?.ratio === undefined || f.ratio > best.ratio)) best = f
  }
  if (engine?.ratio === undefined || best?.ratio === undefined) return undefined
  return withTarget(
    {
      figure: which,
      value: round(engine.ratio / best.ratio, 3),
      unit: '×',
      terms: plan.sizes[1],
      bestNpm: best.figure.slice('throughput.'.length, -(mid.length + 1)),
      engineQps: engine.value,
      bestNpmQps: best.value,
      rawQpsRatio: round(Number(engine.value) / Number(best.value), 3),
      firstPass: firstPassRatio(engine, best),
    },
    '>=',
    5,
  )
}

/**
 * `engineVsBestNpm` as the head-to-head jobs measured it (engine and best package in one process, passes
 * alternating; the median over its rounds; the median of those of {@link HEAD_TO_HEAD_PROCESSES}
 * processes), with the quotient across processes kept beside it as `acrossProcesses`. When every job
 * failed, the quotient across processes, saying so.
 */
export const headToHeadRatio = (across: Figure, h2h: Figure): Figure => {
  if (h2h.value === null) {
    return { ...across, method: 'across processes', note: `head-to-head job: ${h2h.error}` }
  }
  return withTarget(
    {
      figure: across.figure,
      value: h2h.value,
      unit: '×',
      method: 'head to head',
      terms: across.terms,
      bestNpm: across.bestNpm,
      ...(h2h.processes === undefined ? {} : { processes: h2h.processes }),
      rounds: h2h.rounds,
      bestOverBest: h2h.bestOverBest,
      engineQps: h2h.engineQps,
      bestNpmQps: h2h.rivalQps,
      acrossProcesses: across.value,
      rawQpsRatio: across.rawQpsRatio,
      firstPass: across.firstPass,
    },
    '>=',
    5,
  )
}

/** Writes the corpus files every job reads; returns the job config. */
const prepare = (plan: Plan, dir: string): JobConfig => {
  const vocab = buildVocabulary()
  const terms = generateTerms(vocab, plan.sizes[2])
  const queries = generateQueries(vocab, terms.slice(0, plan.sizes[0]), plan.queries)
  const termsFile = join(dir, 'terms.txt')
  const queriesFile = join(dir, 'queries.txt')
  writeFileSync(termsFile, `${terms.join('\n')}\n`)
  writeFileSync(queriesFile, `${queries.join('\n')}\n`)
  return {
    termsFile,
    queriesFile,
    baselineWords: vocab.termWords.slice(0, 8),
    budgetMs: plan.budgetMs,
    latencySamples: plan.latencySamples,
    buildRepeats: plan.buildRepeats,
    quick: plan.quick,
    cacheDir: join(dir, 'exception-cache'),
  }
}

const SECTION_TITLES: Record<Section, string> = {
  baseline: 'Baseline (String.prototype.includes of 8 fixed words per query)',
  throughput: 'Matching throughput: engine (judge) and our bare automaton vs npm packages',
  latency: 'Latency per query, engine at the middle list size',
  build: 'Build time and memory, largest list, no lexicon',
  lexicon: 'With the lexicon (exception words), cold (lexicon scan) and warm (cached) compiles',
  middleware:
    'Middleware: deterSearch() vs the bare route (in-process CPU per request; autocannon, 50 connections per server, loopback, servers loaded together on one pinned core), and the suggestion verdict cache',
}

const header = (plan: Plan): string =>
  [
    `search-deterrence benchmark${plan.quick ? ' (quick: small sizes, small lexicon)' : ''}`,
    `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'cpu'})`,
    `lists: ${plan.sizes.map(sizeLabel).join(' / ')} synthetic terms of ordinary words`,
    `  (mostly 2–3-word phrases; single-word terms only of ≥ 7 letters, ~${SINGLE_SHARE * 100}% of`,
    '  entries while they last: single common words would make the lexicon scan keep every',
    '  dictionary word that contains one, which no real list does)',
    `queries: ${plan.queries.toLocaleString('en-US')} of 2–5 ordinary words, ~1% contain a term;`,
    '  npm packages search them lower-cased, the engine normalizes them itself',
    `throughput: the best of ${PASSES} timed passes over the queries; the first (firstPassQps) still`,
    "  compiles code that runs rarely (the engine's full path, ~1% of queries); engineVsBestNpm's",
    '  firstPass is the same quotient over the first passes only',
    'ratio: rates ÷ baseline rate; times ÷ baseline time per query, same process, moments apart',
    `engineVsBestNpm: engine and best package head to head in one process, ${HEAD_TO_HEAD_ROUNDS} rounds of one`,
    `  pass each, alternating; the median of the rounds' quotients, then of ${HEAD_TO_HEAD_PROCESSES} such processes`,
    '  (bestOverBest: the two best passes divided; acrossProcesses: the two throughput ratios above',
    '  divided, each against its own baseline; lexiconVsBestNpm likewise, with the lexicon on)',
    '',
  ].join('\n')

/**
 * Processes each head-to-head runs in. One process's quotient moved by ~3–5% from one process to the next
 * started a minute apart (eight runs of the job on each of Node 20 and 24, 2026-12-02), beyond what its
 * rounds spread: the median of three processes is less of a draw.
 */
export const HEAD_TO_HEAD_PROCESSES = 3

/**
 * One figure from the head-to-head jobs of several processes: the median of their medians, with each
 * process's median (`processes`) and rounds (`rounds`, processes separated by `|`). The first failed job
 * stands for all when none succeeded.
 */
export const combineHeadToHead = (jobs: readonly Figure[]): Figure => {
  const done = jobs.filter((f) => typeof f.value === 'number')
  if (done.length === 0) return jobs[0]!
  const values = done.map((f) => Number(f.value))
  return {
    ...done[0]!,
    value: round(median(values), 3),
    processes: values.map((v) => round(v, 2)).join(' / '),
    rounds: done.map((f) => f.rounds).join(' | '),
    engineQps: Math.max(...done.map((f) => Number(f.engineQps))),
    rivalQps: Math.max(...done.map((f) => Number(f.rivalQps))),
    bestOverBest: round(median(done.map((f) => Number(f.bestOverBest))), 3),
    ...(done.length < jobs.length ? { failed: jobs.length - done.length } : {}),
  }
}

/** Runs the benchmark; writes figures to `write` as they come; returns them all. */
export const runBench = async (
  options: Options,
  write: (text: string) => void,
): Promise<Figure[]> => {
  const { plan, json } = options
  const started = performance.now()
  const emit = (f: Figure) => write(json ? jsonLine(f) : humanLine(f))
  if (!json) write(header(plan))
  const dir = mkdtempSync(join(tmpdir(), 'search-deterrence-bench-'))
  const figures: Figure[] = []
  try {
    const config = prepare(plan, dir)
    let section: Section | undefined
    for (const job of planJobs(plan, options.sections)) {
      if (!json && job.section !== section) write(`\n== ${SECTION_TITLES[job.section]}\n`)
      section = job.section
      const r = await runChild(job.spec, config, plan)
      const got = 'figures' in r ? r.figures : [failedFigure(job.spec, r.error)]
      for (const f of got.map((x) => applyTargets(x, plan))) {
        figures.push(f)
        emit(f)
      }
      const lastThroughput =
        job.spec.kind === 'throughput' &&
        job.spec.matcher === MATCHERS.at(-1)?.name &&
        job.spec.size === plan.sizes[1]
      const lexiconQueries = job.spec.kind === 'lexicon' && job.spec.queries
      const ratio = lastThroughput
        ? engineVsBestNpm(figures, plan)
        : lexiconQueries
          ? engineVsBestNpm(figures, plan, 'lexiconVsBestNpm')
          : undefined
      if (ratio) {
        // the best package of the throughput section, which the lexicon's snapshot meets too
        const spec: JobSpec = {
          kind: 'headToHead',
          matcher: String(ratio.bestNpm),
          size: plan.sizes[1],
          ...(lexiconQueries ? { lexicon: true } : {}),
        }
        const jobs: Figure[] = []
        for (let k = 0; k < (plan.quick ? 1 : HEAD_TO_HEAD_PROCESSES); k++) {
          const r = await runChild(spec, config, plan)
          jobs.push('figures' in r ? r.figures[0]! : failedFigure(spec, r.error))
        }
        const h2h = combineHeadToHead(jobs)
        for (const f of [h2h, headToHeadRatio(ratio, h2h)]) {
          figures.push(f)
          emit(f)
        }
      }
    }
    if (options.sections.has('middleware')) {
      if (!json) write(`\n== ${SECTION_TITLES.middleware}\n`)
      for (const f of [
        ...(await benchSuggestionCache()),
        ...(await benchMiddlewareCpu(plan.quick ? 3 : 15)),
        ...(await benchMiddleware(plan.loadSeconds, plan.loadWindows)),
      ]) {
        figures.push(f)
        emit(f)
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const run: Figure = {
    figure: 'run.seconds',
    value: round((performance.now() - started) / 1000, 1),
    unit: 's',
    quick: plan.quick,
    node: process.version,
    cores: availableParallelism(),
  }
  figures.push(run)
  if (!json) write(`\n${summary(figures)}`)
  emit(run)
  return figures
}

/** The targets, one line each. */
const summary = (figures: readonly Figure[]): string => {
  const lines = figures
    .filter((f) => f.target !== undefined)
    .map(
      (f) =>
        `  ${f.pass ? 'PASS' : 'MISS'}  ${f.figure} = ${f.value ?? 'n/a'} ${f.unit} (${f.target})`,
    )
  return lines.length > 0 ? `== Targets (informative)\n${lines.join('\n')}\n` : ''
}

const USAGE = `usage: npm run bench -- [--json] [--quick] [--only ${SECTIONS.join('|')}]...\n`

/** Command-line entry: bad options print the usage and exit 2; targets never fail the run. */
const main = async (argv: readonly string[]): Promise<void> => {
  let options: Options
  try {
    options = parseOptions(argv)
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`)
    process.exitCode = 2
    return
  }
  await runBench(options, (t) => process.stdout.write(t))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv.slice(2))
}
