/**
 * @module bench/middleware
 * Overhead of `deterSearch()` on a search route: autocannon on loopback, 50 connections, against the same
 * Hono search route bare and with the middleware, each in its own process (both started first, then loaded
 * in turns: bare, mounted, mounted, bare, ...) so that drift on a shared machine hits both. Each pair of
 * runs gives one loss and one added p99; the figures are the medians over the pairs, with their spread.
 * Targets: <= 5% throughput loss, <= 0.5 ms added p99.
 *
 * Also: what the suggestion verdict cache saves on autocomplete traffic (suggestions repeat across prefixes).
 */

import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import type { Hono } from 'hono'
import { loadTermList } from '../src/cli/load.js'
import { createVerdictCache } from '../src/middleware/filter-suggestions.js'
import type { DeterrenceEnv } from '../src/middleware/options.js'
import { completeTitles } from '../src/server/app.js'
import { SAMPLE_TITLES } from '../src/server/corpus.js'
import { type Figure, round, withTarget } from './matching/figures.js'
import { median } from './matching/measure.js'
import { loadStarterList, searchApp } from './search-route.js'

const QUERIES = [
  'pride and prejudice',
  'great expectations dickens',
  'moby dick',
  'the time machine wells',
  'jane eyre first edition',
  'war and peace',
  'treasure island map',
  'little women',
]

const startServer = (mode: 'bare' | 'mounted'): Promise<{ port: number; child: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./middleware-server.ts', import.meta.url)), mode],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    child.stdout?.on('data', (d: Buffer) => {
      const m = /ready (\d+)/.exec(d.toString())
      if (m) resolve({ port: Number(m[1]), child })
    })
    child.on('exit', (code) => reject(new Error(`server ${mode} exited with ${code}`)))
  })

/**
 * One autocannon run. Its latency histogram keeps whole milliseconds, too coarse for a 0.5 ms target, so
 * every response time (autocannon measures them with `process.hrtime`) is also collected here for an exact
 * p99.
 */
const load = async (port: number, seconds: number) => {
  const times: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: 50,
        duration: seconds,
        requests: QUERIES.map((q) => ({
          method: 'GET' as const,
          path: `/search?q=${encodeURIComponent(q)}`,
        })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
  times.sort((a, b) => a - b)
  return {
    rps: result.requests.average,
    p99:
      times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] ?? result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

/** Runs the overhead benchmark; returns its figures. */
export const benchMiddleware = async (seconds = 5, pairs = 6): Promise<Figure[]> => {
  const servers = { bare: await startServer('bare'), mounted: await startServer('mounted') }
  const runs: Record<'bare' | 'mounted', { rps: number; p99: number; errors: number }[]> = {
    bare: [],
    mounted: [],
  }
  try {
    for (const s of Object.values(servers)) await load(s.port, 2) // warm-up
    for (let i = 0; i < pairs; i++) {
      const order = i % 2 === 0 ? (['bare', 'mounted'] as const) : (['mounted', 'bare'] as const)
      for (const mode of order) runs[mode].push(await load(servers[mode].port, seconds))
    }
  } finally {
    for (const s of Object.values(servers)) {
      s.child.removeAllListeners('exit')
      s.child.kill()
    }
  }
  const losses = runs.bare.map((b, i) => (1 - runs.mounted[i]!.rps / b.rps) * 100)
  const added = runs.bare.map((b, i) => runs.mounted[i]!.p99 - b.p99)
  const bare = {
    rps: median(runs.bare.map((r) => r.rps)),
    p99: median(runs.bare.map((r) => r.p99)),
  }
  const mounted = {
    rps: median(runs.mounted.map((r) => r.rps)),
    p99: median(runs.mounted.map((r) => r.p99)),
  }
  const loss = median(losses)
  const spread = (xs: number[]) => `${round(Math.min(...xs), 3)}..${round(Math.max(...xs), 3)}`
  const errors = [...runs.bare, ...runs.mounted].reduce((a, r) => a + r.errors, 0)
  return [
    { figure: 'middleware.bare.rps', value: Math.round(bare.rps), unit: 'req/s' },
    {
      figure: 'middleware.mounted.rps',
      value: Math.round(mounted.rps),
      unit: 'req/s',
      vsBare: round(mounted.rps / bare.rps, 3),
    },
    withTarget(
      {
        figure: 'middleware.throughputLoss',
        value: round(loss),
        unit: '%',
        pairs,
        spread: spread(losses),
      },
      '<=',
      5,
    ),
    { figure: 'middleware.bare.p99', value: round(bare.p99, 3), unit: 'ms' },
    { figure: 'middleware.mounted.p99', value: round(mounted.p99, 3), unit: 'ms' },
    withTarget(
      {
        figure: 'middleware.addedP99',
        value: round(median(added), 3),
        unit: 'ms',
        pairs,
        spread: spread(added),
      },
      '<=',
      0.5,
    ),
    { figure: 'middleware.errors', value: errors, unit: 'responses' },
  ]
}

/** What the LRU verdict cache saves on autocomplete: suggestions of every prefix of every title. */
export const benchSuggestionCache = async (): Promise<Figure[]> => {
  const lists = await loadTermList(new URL('../termlists/starter.yaml', import.meta.url).pathname, {
    lexicon: 'none',
  })
  const answers: string[][] = []
  for (const t of SAMPLE_TITLES)
    for (let i = 1; i <= Math.min(t.length, 8); i++) answers.push(completeTitles(t.slice(0, i)))
  const total = answers.reduce((a, s) => a + s.length, 0)
  const time = (f: () => void) => {
    const t0 = performance.now()
    f()
    return performance.now() - t0
  }
  const uncached = time(() => {
    for (const a of answers) for (const s of a) lists.judge(s)
  })
  let judged = 0
  const counting = {
    version: lists.version,
    judge: (t: string) => {
      judged++
      return lists.judge(t)
    },
  }
  const allowed = createVerdictCache(10_000)(counting)
  const cached = time(() => {
    for (const a of answers) for (const s of a) allowed(s)
  })
  return [
    { figure: 'suggestions.judgedWithoutCache', value: total, unit: 'judgements' },
    {
      figure: 'suggestions.judgedWithCache',
      value: judged,
      unit: 'judgements',
      share: round(judged / total, 3),
    },
    { figure: 'suggestions.timeWithoutCache', value: round(uncached), unit: 'ms' },
    {
      figure: 'suggestions.timeWithCache',
      value: round(cached),
      unit: 'ms',
      share: round(cached / uncached, 3),
    },
  ]
}

/**
 * The middleware's own cost, away from loopback noise: CPU time per request of `app.fetch()` on the same
 * route bare and mounted, in this process, in interleaved rounds; the figure is the median difference.
 */
export const benchMiddlewareCpu = async (rounds = 15, perRound = 10_000): Promise<Figure[]> => {
  const lists = await loadStarterList()
  const apps = { bare: searchApp(), mounted: searchApp(lists) }
  const requests = QUERIES.map(
    (q) =>
      new Request(`http://localhost/search?q=${encodeURIComponent(q)}`, {
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
      }),
  )
  const cpuPerRequest = async (a: Hono<DeterrenceEnv>, n: number): Promise<number> => {
    const start = process.cpuUsage()
    for (let i = 0; i < n; i++) await (await a.fetch(requests[i % requests.length]!)).arrayBuffer()
    const used = process.cpuUsage(start)
    return (used.user + used.system) / n
  }
  await cpuPerRequest(apps.bare, perRound)
  await cpuPerRequest(apps.mounted, perRound)
  const bare: number[] = []
  const added: number[] = []
  for (let r = 0; r < rounds; r++) {
    const b = await cpuPerRequest(apps.bare, perRound)
    const m = await cpuPerRequest(apps.mounted, perRound)
    bare.push(b)
    added.push(m - b)
  }
  return [
    { figure: 'middleware.inProcess.bareCpuUs', value: round(median(bare)), unit: 'µs/request' },
    {
      figure: 'middleware.inProcess.addedCpuUs',
      value: round(median(added)),
      unit: 'µs/request',
      rounds,
      share: round(median(added) / median(bare), 3),
    },
  ]
}
