/**
 * @module bench/middleware
 * Overhead of `deterSearch()` on a search route: autocannon on loopback, 50 connections per server, against
 * the same Hono search route bare, behind a no-op middleware and behind `deterSearch()`, each in its own
 * process. The servers are loaded at the same time, pinned to one core (when `taskset` is there and the
 * machine has two cores or more; the load generator gets the others): they live through the same moments of
 * a shared machine and split their core evenly, so each window's ratio of served requests is the ratio of
 * their costs per request, and drift (which moves a lone run by ±20% on a shared VM) cancels. Latency is
 * measured apart, each server alone and unpinned, bare and mounted in turns. The figures are medians over
 * the windows, with their spread.
 *
 * Targets: <= 5% throughput loss, <= 0.5 ms added p99, on the route that awaits its search backend (as real
 * search routes do). The route that answers synchronously is shown too: Hono's fast path for a lone handler,
 * which any middleware gives up (the no-op middleware's loss is that share).
 *
 * Also: what the suggestion verdict cache saves on autocomplete traffic (suggestions repeat across prefixes).
 */

import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { Context, type Hono } from 'hono'
import { type Figure, round, withTarget } from './matching/figures.js'
import { median } from './matching/measure.js'
import { loadStarterList, type Mount, type Route, searchApp } from './search-route.js'
import {
  completeTitles,
  createVerdictCache,
  type DeterrenceEnv,
  deterSearch,
  loadTermList,
  SAMPLE_TITLES,
} from './shipped.js'

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

/** Cores for the servers and for the load generator, or none when pinning is not possible here. */
interface Pinning {
  readonly servers: string
  readonly generator: string
  readonly all: string
}

const pinning = (): Pinning | undefined => {
  const cores = availableParallelism()
  if (cores < 2 || spawnSync('taskset', ['-V']).status !== 0) return undefined
  return { servers: String(cores - 1), generator: `0-${cores - 2}`, all: `0-${cores - 1}` }
}

/** Pins every thread of this process (the load generator) to `cpus`. */
const pinSelf = (cpus: string) => {
  spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' })
}

interface Server {
  readonly mount: Mount
  readonly port: number
  readonly child: ChildProcess
}

const startServer = (route: Route, mount: Mount, pin: Pinning | undefined): Promise<Server> =>
  new Promise((resolve, reject) => {
    const node = [
      process.execPath,
      '--import',
      'tsx',
      fileURLToPath(new URL('./middleware-server.ts', import.meta.url)),
      route,
      mount,
    ]
    const [command, ...args] = pin ? ['taskset', '-c', pin.servers, ...node] : node
    const child = spawn(command as string, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout?.on('data', (d: Buffer) => {
      const m = /ready (\d+)/.exec(d.toString())
      if (m) resolve({ mount, port: Number(m[1]), child })
    })
    child.on('exit', (code) => reject(new Error(`server ${route} ${mount} exited with ${code}`)))
  })

interface Load {
  readonly requests: number
  readonly p99: number
  readonly errors: number
}

/**
 * One autocannon window. Its latency histogram keeps whole milliseconds, too coarse for a 0.5 ms target, so
 * every response time (autocannon measures them with `process.hrtime`) is also collected here for an exact
 * p99.
 */
const load = async (port: number, seconds: number): Promise<Load> => {
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
    requests: result.requests.total,
    p99:
      times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)] ?? result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

/** Starts a server of `route` for each of `mounts`, warms them up, runs `measure`, stops them. */
const withServers = async <T>(
  route: Route,
  mounts: readonly Mount[],
  pin: Pinning | undefined,
  measure: (servers: readonly Server[]) => Promise<T>,
): Promise<T> => {
  const servers: Server[] = []
  try {
    for (const mount of mounts) servers.push(await startServer(route, mount, pin))
    await Promise.all(servers.map((s) => load(s.port, 2)))
    return await measure(servers)
  } finally {
    for (const s of servers) {
      s.child.removeAllListeners('exit')
      s.child.kill()
    }
  }
}

/** CPU seconds a process has used (Linux `/proc`), or undefined elsewhere. */
const cpuSeconds = (pid: number | undefined): number | undefined => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/**
 * Throughput: the servers loaded at the same time, `windows` times. Per window, the requests each served, and
 * how busy their core was (their CPU time over the window): the ratios mean something only when the servers,
 * not the load generator, are the bottleneck, i.e. their core is busy all the time.
 */
const loadTogether = (
  route: Route,
  mounts: readonly Mount[],
  seconds: number,
  windows: number,
  pin: Pinning | undefined,
) =>
  withServers(route, mounts, pin, async (servers) => {
    const requests = new Map<Mount, number[]>(mounts.map((m) => [m, []]))
    const busy: number[] = []
    let errors = 0
    for (let i = 0; i < windows; i++) {
      const before = servers.map((s) => cpuSeconds(s.child.pid))
      const loads = await Promise.all(servers.map((s) => load(s.port, seconds)))
      const used = servers.map((s, j) => (cpuSeconds(s.child.pid) ?? 0) - (before[j] ?? 0))
      if (before.every((b) => b !== undefined)) busy.push(used.reduce((a, u) => a + u, 0) / seconds)
      loads.forEach((l, j) => {
        requests.get(servers[j]?.mount as Mount)?.push(l.requests)
        errors += l.errors
      })
    }
    return { requests, busy, errors }
  })

/** Throughput loss of `mount` against `bare`, per window (%). */
const lossesOf = (requests: Map<Mount, number[]>, mount: Mount) => {
  const bare = requests.get('bare') ?? []
  return (requests.get(mount) ?? []).map((n, i) => (1 - n / (bare[i] ?? 0)) * 100)
}

/**
 * Latency: each server alone (sharing a core would add the scheduler's time slices to every latency), in
 * turns, `pairs` times; per pair, mounted p99 minus bare p99.
 */
const loadInTurns = (route: Route, seconds: number, pairs: number, pin: Pinning | undefined) =>
  withServers(route, ['bare', 'mounted'], pin, async ([bare, mounted]) => {
    const out = { bare: [] as Load[], mounted: [] as Load[] }
    for (let i = 0; i < pairs; i++) {
      const order = i % 2 === 0 ? ([bare, mounted] as const) : ([mounted, bare] as const)
      for (const s of order)
        if (s) out[s.mount as 'bare' | 'mounted'].push(await load(s.port, seconds))
    }
    return out
  })

const spread = (xs: readonly number[]) =>
  `${round(Math.min(...xs), 3)}..${round(Math.max(...xs), 3)}`

/** Runs the overhead benchmark; returns its figures. */
export const benchMiddleware = async (seconds = 2, windows = 12): Promise<Figure[]> => {
  const pin = pinning()
  if (pin) pinSelf(pin.generator)
  let awaiting: Awaited<ReturnType<typeof loadTogether>>
  let sync: Awaited<ReturnType<typeof loadTogether>>
  try {
    awaiting = await loadTogether('async', ['bare', 'mounted'], seconds, windows, pin)
    sync = await loadTogether('sync', ['bare', 'noop', 'mounted'], seconds, windows, pin)
  } finally {
    if (pin) pinSelf(pin.all)
  }
  // latency unpinned: on one core, the garbage collector's helper threads would wait behind the server
  const latencySeconds = seconds * 2
  const turns = await loadInTurns('async', latencySeconds, Math.max(1, windows >> 1), undefined)
  const loss = lossesOf(awaiting.requests, 'mounted')
  const syncLoss = lossesOf(sync.requests, 'mounted')
  const noopLoss = lossesOf(sync.requests, 'noop')
  const p99 = (ls: Load[]) => median(ls.map((l) => l.p99))
  const added = turns.mounted.map((m, i) => m.p99 - (turns.bare[i]?.p99 ?? 0))
  const rps = (ls: Load[]) => median(ls.map((l) => l.requests / latencySeconds))
  const errors =
    awaiting.errors +
    sync.errors +
    [...turns.bare, ...turns.mounted].reduce((a, l) => a + l.errors, 0)
  const busy = [...awaiting.busy, ...sync.busy]
  return [
    withTarget(
      {
        figure: 'middleware.throughputLoss',
        value: round(median(loss)),
        unit: '%',
        windows,
        pinned: pin !== undefined,
        spread: spread(loss),
      },
      '<=',
      5,
    ),
    {
      figure: 'middleware.syncRoute.throughputLoss',
      value: round(median(syncLoss)),
      unit: '%',
      spread: spread(syncLoss),
    },
    {
      figure: 'middleware.syncRoute.noopMiddlewareLoss',
      value: round(median(noopLoss)),
      unit: '%',
      spread: spread(noopLoss),
    },
    ...(busy.length > 0
      ? [{ figure: 'middleware.serverCoreBusy', value: round(median(busy), 3), unit: 'share' }]
      : []),
    { figure: 'middleware.alone.bare.rps', value: Math.round(rps(turns.bare)), unit: 'req/s' },
    {
      figure: 'middleware.alone.mounted.rps',
      value: Math.round(rps(turns.mounted)),
      unit: 'req/s',
    },
    { figure: 'middleware.alone.bare.p99', value: round(p99(turns.bare), 3), unit: 'ms' },
    { figure: 'middleware.alone.mounted.p99', value: round(p99(turns.mounted), 3), unit: 'ms' },
    withTarget(
      {
        figure: 'middleware.addedP99',
        value: round(median(added), 3),
        unit: 'ms',
        pairs: added.length,
        spread: spread(added),
      },
      '<=',
      0.5,
    ),
    { figure: 'middleware.errors', value: errors, unit: 'responses' },
  ]
}

/**
 * What the LRU verdict cache saves on autocomplete: suggestions of every prefix of every title. Times are
 * medians of `rounds` rounds, uncached and cached alternating after a warm-up, each cached round with a new
 * cache (one pass of ~4k judgements takes a few milliseconds: a single cold pass measures the JIT).
 */
export const benchSuggestionCache = async (rounds = 11): Promise<Figure[]> => {
  const lists = await loadTermList(new URL('../termlists/starter.yaml', import.meta.url).pathname, {
    lexicon: 'none',
  })
  const answers: string[][] = []
  for (const t of SAMPLE_TITLES)
    for (let i = 1; i <= Math.min(t.length, 8); i++) answers.push(completeTitles(t.slice(0, i)))
  const total = answers.reduce((a, s) => a + s.length, 0)
  let judged = 0
  const counting = {
    version: lists.version,
    judge: (t: string) => {
      judged++
      return lists.judge(t)
    },
  }
  const time = (judge: (t: string) => unknown) => {
    const t0 = performance.now()
    for (const a of answers) for (const s of a) judge(s)
    return performance.now() - t0
  }
  const uncached: number[] = []
  const cached: number[] = []
  for (let r = -1; r < rounds; r++) {
    const u = time((t) => lists.judge(t))
    judged = 0
    const c = time(createVerdictCache(10_000)(counting))
    if (r < 0) continue // warm-up
    uncached.push(u)
    cached.push(c)
  }
  return [
    { figure: 'suggestions.judgedWithoutCache', value: total, unit: 'judgements' },
    {
      figure: 'suggestions.judgedWithCache',
      value: judged,
      unit: 'judgements',
      share: round(judged / total, 3),
    },
    {
      figure: 'suggestions.timeWithoutCache',
      value: round(median(uncached), 3),
      unit: 'ms',
      rounds,
    },
    {
      figure: 'suggestions.timeWithCache',
      value: round(median(cached), 3),
      unit: 'ms',
      rounds,
      share: round(median(cached) / median(uncached), 3),
    },
  ]
}

/**
 * The middleware's own cost, away from loopback noise: CPU time per request of `app.fetch()` on the awaiting
 * route bare, behind a no-op middleware and behind `deterSearch()`, in this process, in interleaved rounds;
 * the figures are the median differences against the bare route. And the middleware's handler alone, called
 * on fresh contexts outside Hono: its own work, without the dispatch any middleware costs.
 */
export const benchMiddlewareCpu = async (rounds = 15, perRound = 10_000): Promise<Figure[]> => {
  const lists = await loadStarterList()
  const mounts: readonly Mount[] = ['bare', 'noop', 'mounted']
  const apps = mounts.map((m) => searchApp('async', m, lists))
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
  for (const a of apps) await cpuPerRequest(a, perRound)
  const cpu: number[][] = mounts.map(() => [])
  for (let r = 0; r < rounds; r++) {
    for (const [i, a] of apps.entries()) cpu[i]?.push(await cpuPerRequest(a, perRound))
  }
  const [bare = [], noop = [], mounted = []] = cpu
  const addedBy = (xs: number[]) => median(xs.map((x, r) => x - (bare[r] ?? 0)))
  // the middleware's own work, without Hono's dispatch: the handler called on fresh contexts
  const handler = deterSearch({ lists, region: 'GB' })
  const next = () => Promise.resolve()
  const own: number[] = []
  for (let r = 0; r < rounds; r++) {
    const time = (withHandler: boolean) => {
      const start = process.cpuUsage()
      for (let i = 0; i < perRound; i++) {
        const c = new Context(requests[i % requests.length]!)
        if (withHandler) void handler(c, next)
        else if (c.req.url === '') throw new Error('no url')
      }
      const used = process.cpuUsage(start)
      return (used.user + used.system) / perRound
    }
    own.push(time(true) - time(false))
  }
  return [
    { figure: 'middleware.inProcess.bareCpuUs', value: round(median(bare)), unit: 'µs/request' },
    {
      figure: 'middleware.inProcess.addedCpuUs',
      value: round(addedBy(mounted)),
      unit: 'µs/request',
      rounds,
      share: round(addedBy(mounted) / median(bare), 3),
    },
    {
      figure: 'middleware.inProcess.noopAddedCpuUs',
      value: round(addedBy(noop)),
      unit: 'µs/request',
    },
    { figure: 'middleware.inProcess.handlerCpuUs', value: round(median(own)), unit: 'µs/request' },
  ]
}
