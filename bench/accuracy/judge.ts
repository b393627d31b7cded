/**
 * @module bench/accuracy/judge
 * Runs the judge CLI the way an outside evaluator would: one process per term list, every query
 * on standard input (one per line), one JSON line per query read back from standard output:
 * `{"action":"deter"|"support"|"allow","hits":[{"term","start","end"}]}`.
 */
import { spawn } from 'node:child_process'

/** One hit reported by the judge. */
export interface JudgeHit {
  term: string
  start: number
  end: number
}

/** The judge's verdict on one query. */
export interface Verdict {
  action: string
  hits: JudgeHit[]
}

/** What one judge run gave back. */
export interface JudgeRun {
  /** One per query, in order; undefined where the line was missing or not valid. */
  verdicts: (Verdict | undefined)[]
  /** Problems worth reporting (exit code, bad lines, line count, time-out). */
  errors: string[]
  ms: number
}

/** How to run the judge. */
export interface JudgeOptions {
  /** Path of the CLI script (run with this Node). */
  bin: string
  /** Plain-text term list. */
  listPath: string
  queries: readonly string[]
  cwd: string
  timeoutMs: number
}

/** Parses one output line; undefined when it is not a verdict. */
export function parseVerdict(line: string): Verdict | undefined {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const { action, hits } = value as { action?: unknown; hits?: unknown }
  if (typeof action !== 'string' || !Array.isArray(hits)) return undefined
  return { action, hits: hits.filter(isHit) }
}

/** True for a well-formed hit. */
function isHit(h: unknown): h is JudgeHit {
  if (typeof h !== 'object' || h === null) return false
  const { term, start, end } = h as Record<string, unknown>
  return typeof term === 'string' && typeof start === 'number' && typeof end === 'number'
}

/** Output lines into verdicts, noting anything malformed or missing. */
function toVerdicts(stdout: string, count: number, errors: string[]): (Verdict | undefined)[] {
  const lines = stdout.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  if (lines.length !== count) errors.push(`judge wrote ${lines.length} lines for ${count} queries`)
  const verdicts = lines.slice(0, count).map(parseVerdict)
  const bad = verdicts.filter((v) => v === undefined).length
  if (bad > 0) errors.push(`${bad} output lines were not valid verdicts`)
  while (verdicts.length < count) verdicts.push(undefined)
  return verdicts
}

/** Spawns the judge, streams the queries in and collects its verdicts. */
export function runJudge(opts: JudgeOptions): Promise<JudgeRun> {
  const started = Date.now()
  const errors: string[] = []
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [opts.bin, 'judge', '--list', opts.listPath], {
      cwd: opts.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    const timer = setTimeout(() => {
      errors.push(`judge timed out after ${opts.timeoutMs} ms`)
      child.kill('SIGKILL')
    }, opts.timeoutMs)
    child.stdin.on('error', (e) => errors.push(`writing to the judge failed: ${e.message}`))
    child.on('error', (e) => errors.push(`could not start the judge: ${e.message}`))
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code !== 0) errors.push(`judge exited with ${code ?? signal}`)
      if (code !== 0 && stderr.trim()) errors.push(`judge stderr: ${stderr.trim().slice(-800)}`)
      const verdicts = toVerdicts(stdout, opts.queries.length, errors)
      resolve({ verdicts, errors, ms: Date.now() - started })
    })
    child.stdin.end(opts.queries.map((q) => `${q}\n`).join(''))
  })
}
