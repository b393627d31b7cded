/**
 * @module bench/accuracy/score
 * The accuracy report: builds the corpus, runs the judge CLI once per split on that split's
 * placeholder list, and prints recall per evasion class and false-positive rate per benign class.
 *
 *   npx tsx bench/accuracy/score.ts [--split dev|holdout|all] [--json] [--failures N]
 *                                   [--judge PATH] [--seed S] [--timeout SECONDS]
 *   npm run accuracy -- --split dev --failures 5
 *
 * A positive is caught when the action is `deter` and some hit names the expected term with
 * exactly the expected span; "any span" relaxes the span. A benign case is a false positive when
 * the action is anything but `allow`. It is a report, not a test: the exit code is always 0.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { buildCorpus, DEFAULT_SEED, termListText } from './corpus.js'
import { runJudge, type Verdict } from './judge.js'
import { BENIGN_CLASSES, type Case, POSITIVE_CLASSES, SPLITS, type Split } from './types.js'

/** Repository root (two levels above this file). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Command-line options. */
export interface ScoreOptions {
  splits: Split[]
  json: boolean
  failures: number
  judge: string
  seed: string
  timeoutMs: number
}

/** Recall of one evasion class. */
export interface PositiveStats {
  class: string
  n: number
  exact: number
  anySpan: number
  deter: number
}

/** False positives of one benign class. */
export interface BenignStats {
  class: string
  n: number
  fp: number
}

/** A case the judge got wrong, with what it said. */
export interface Failure {
  case: Case
  verdict: Verdict | undefined
}

/** Everything reported for one split. */
export interface SplitReport {
  split: Split
  positives: PositiveStats[]
  benign: BenignStats[]
  /** Mean over evasion classes of exact-span recall. */
  macroRecall: number
  macroRecallAnySpan: number
  /** False positives over all benign cases. */
  benignFpRate: number
  failures: Map<string, Failure[]>
  errors: string[]
  ms: number
}

/** Parses the command line. */
export function parseArgs(argv: readonly string[]): ScoreOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag)
    return at >= 0 ? argv[at + 1] : undefined
  }
  const split = value('--split') ?? 'all'
  if (split !== 'all' && split !== 'dev' && split !== 'holdout') {
    throw new Error(`--split must be dev, holdout or all, not ${split}`)
  }
  return {
    splits: split === 'all' ? [...SPLITS] : [split],
    json: argv.includes('--json'),
    failures: Number(value('--failures') ?? 0) || 0,
    judge: resolve(value('--judge') ?? join(ROOT, 'bin', 'search-deterrence.js')),
    seed: value('--seed') ?? DEFAULT_SEED,
    timeoutMs: (Number(value('--timeout') ?? 600) || 600) * 1000,
  }
}

/** True when a positive's expected hit is reported with exactly its span. */
export function caughtExact(c: Case, v: Verdict | undefined): boolean {
  const e = c.expect
  if (!e || v?.action !== 'deter') return false
  return v.hits.some((h) => h.term === e.term && h.start === e.start && h.end === e.end)
}

/** True when the expected term is reported, whatever the span. */
export function caughtAnySpan(c: Case, v: Verdict | undefined): boolean {
  return v?.action === 'deter' && v.hits.some((h) => h.term === c.expect?.term)
}

/** True when a benign case was not allowed (a missing verdict counts as not allowed). */
export function isFalsePositive(v: Verdict | undefined): boolean {
  return v?.action !== 'allow'
}

/** Adds a failure to its class, keeping at most `limit`. */
function noteFailure(failures: Map<string, Failure[]>, f: Failure, limit: number): void {
  const list = failures.get(f.case.class) ?? []
  if (list.length < limit) list.push(f)
  failures.set(f.case.class, list)
}

/** Scores one split's cases against the judge's verdicts (same order). */
export function evaluate(
  split: Split,
  cases: readonly Case[],
  verdicts: readonly (Verdict | undefined)[],
  failureLimit = 0,
): SplitReport {
  const pos = new Map(
    POSITIVE_CLASSES.map((c) => [c, { class: c, n: 0, exact: 0, anySpan: 0, deter: 0 }]),
  )
  const ben = new Map(BENIGN_CLASSES.map((c) => [c, { class: c, n: 0, fp: 0 }]))
  const failures = new Map<string, Failure[]>()
  cases.forEach((c, i) => {
    const v = verdicts[i]
    const stats = c.kind === 'positive' ? pos.get(c.class as never) : undefined
    if (stats) {
      stats.n++
      const exact = caughtExact(c, v)
      stats.exact += exact ? 1 : 0
      stats.anySpan += caughtAnySpan(c, v) ? 1 : 0
      stats.deter += v?.action === 'deter' ? 1 : 0
      if (!exact) noteFailure(failures, { case: c, verdict: v }, failureLimit)
      return
    }
    const b = ben.get(c.class as never)
    if (!b) return
    b.n++
    if (isFalsePositive(v)) {
      b.fp++
      noteFailure(failures, { case: c, verdict: v }, failureLimit)
    }
  })
  return summarize(split, [...pos.values()], [...ben.values()], failures)
}

/** Mean of a list (0 when empty). */
function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length
}

/** Fills in the split-level figures. */
function summarize(
  split: Split,
  positives: PositiveStats[],
  benign: BenignStats[],
  failures: Map<string, Failure[]>,
): SplitReport {
  const present = positives.filter((p) => p.n > 0)
  const benignN = benign.reduce((a, b) => a + b.n, 0)
  return {
    split,
    positives,
    benign,
    macroRecall: mean(present.map((p) => p.exact / p.n)),
    macroRecallAnySpan: mean(present.map((p) => p.anySpan / p.n)),
    benignFpRate: benignN === 0 ? 0 : benign.reduce((a, b) => a + b.fp, 0) / benignN,
    failures,
    errors: [],
    ms: 0,
  }
}

/** A ratio as a percentage with one decimal. */
function pct(num: number, den: number): string {
  return den === 0 ? '–' : `${((100 * num) / den).toFixed(1)}%`
}

/** Escapes characters that do not show (invisibles, lone marks, odd spaces) as `\u{…}`. */
export function visible(text: string): string {
  return [...text]
    .map((c) =>
      /[\p{Cf}\p{Cc}\p{Zs}\p{Zl}\p{Zp}]/u.test(c) && c !== ' '
        ? `\\u{${c.codePointAt(0)?.toString(16)}}`
        : c,
    )
    .join('')
}

/** The Markdown tables of one split. */
export function formatMarkdown(r: SplitReport): string {
  const lines = [`## ${r.split}`, '']
  for (const e of r.errors) lines.push(`> judge problem: ${e}`)
  if (r.errors.length > 0) lines.push('')
  lines.push('| evasion class | n | caught (exact span) | caught (any span) | deter |')
  lines.push('|---|---:|---:|---:|---:|')
  for (const p of r.positives) {
    lines.push(
      `| ${p.class} | ${p.n} | ${pct(p.exact, p.n)} | ${pct(p.anySpan, p.n)} | ${pct(p.deter, p.n)} |`,
    )
  }
  lines.push('', '| benign class | n | false positives | FP rate |', '|---|---:|---:|---:|')
  for (const b of r.benign) lines.push(`| ${b.class} | ${b.n} | ${b.fp} | ${pct(b.fp, b.n)} |`)
  lines.push(
    '',
    `- macro recall (exact span): **${pct(r.macroRecall, 1)}**; any span: ${pct(r.macroRecallAnySpan, 1)}`,
    `- benign false-positive rate (all benign cases): **${pct(r.benignFpRate, 1)}**`,
    `- judge time: ${(r.ms / 1000).toFixed(1)} s`,
    '',
  )
  return `${[...lines, formatFailures(r)].join('\n')}\n`
}

/** One failing case as a Markdown list item. */
function failureLine(f: Failure): string {
  const c = f.case
  const got = f.verdict
    ? `${f.verdict.action} ${JSON.stringify(f.verdict.hits.map((h) => ({ ...h, text: c.query.slice(h.start, h.end) })))}`
    : 'no verdict'
  const want = c.expect
    ? `want \`${c.expect.term}\` [${c.expect.start}, ${c.expect.end}) \`${visible(c.query.slice(c.expect.start, c.expect.end))}\``
    : 'want allow'
  return `- \`${c.id}\` \`${visible(c.query)}\` — ${want}; got ${visible(got)}`
}

/** The failing cases of each class, when asked for. */
function formatFailures(r: SplitReport): string {
  const out: string[] = []
  for (const [cls, list] of r.failures) {
    if (list.length === 0) continue
    out.push(`### ${r.split} failures: ${cls}`, '', ...list.map(failureLine), '')
  }
  return out.join('\n')
}

/** JSON lines of one split: one per class, one summary, one per failure and error. */
export function formatJson(r: SplitReport): string[] {
  const lines: object[] = [
    ...r.positives.map((p) => ({
      type: 'positive',
      split: r.split,
      ...p,
      recall: p.n ? p.exact / p.n : 0,
      recallAnySpan: p.n ? p.anySpan / p.n : 0,
    })),
    ...r.benign.map((b) => ({
      type: 'benign',
      split: r.split,
      ...b,
      fpRate: b.n ? b.fp / b.n : 0,
    })),
    {
      type: 'summary',
      split: r.split,
      macroRecall: r.macroRecall,
      macroRecallAnySpan: r.macroRecallAnySpan,
      benignFpRate: r.benignFpRate,
      ms: r.ms,
      errors: r.errors,
    },
    ...[...r.failures.values()]
      .flat()
      .map((f) => ({ type: 'failure', ...f.case, verdict: f.verdict ?? null })),
  ]
  return lines.map((l) => JSON.stringify(l))
}

/** Runs the judge on one split and scores it. */
export async function scoreSplit(
  split: Split,
  cases: readonly Case[],
  opts: ScoreOptions,
): Promise<SplitReport> {
  const dir = mkdtempSync(join(tmpdir(), 'accuracy-'))
  try {
    const listPath = join(dir, `${split}.txt`)
    writeFileSync(listPath, termListText(split))
    const run = await runJudge({
      bin: opts.judge,
      listPath,
      queries: cases.map((c) => c.query),
      cwd: ROOT,
      timeoutMs: opts.timeoutMs,
    })
    const report = evaluate(split, cases, run.verdicts, opts.failures)
    return { ...report, errors: run.errors, ms: run.ms }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** CLI entry point. */
async function main(argv: readonly string[]): Promise<void> {
  const opts = parseArgs(argv)
  if (!existsSync(opts.judge)) {
    process.stdout.write(`judge not found: ${opts.judge} (build the CLI or pass --judge PATH)\n`)
    return
  }
  const corpus = buildCorpus({ seed: opts.seed })
  if (!opts.json)
    process.stdout.write(
      `# Accuracy report\n\njudge: \`${opts.judge}\`, seed: \`${opts.seed}\`\n\n`,
    )
  for (const split of opts.splits) {
    const report = await scoreSplit(
      split,
      corpus.cases.filter((c) => c.split === split),
      opts,
    )
    const text = opts.json ? `${formatJson(report).join('\n')}\n` : formatMarkdown(report)
    process.stdout.write(text)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stdout.write(`accuracy report failed: ${e instanceof Error ? e.message : String(e)}\n`)
  })
}
