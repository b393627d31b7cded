/**
 * @module test/accuracy/score.test
 * The accuracy scorer against the fake judge in this folder: the CLI round trip (one verdict per
 * query, in order, offsets preserved), verdict parsing, and the exact-span, any-span and
 * false-positive arithmetic.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { buildCorpus } from '../../bench/accuracy/corpus.js'
import { parseVerdict, runJudge, type Verdict } from '../../bench/accuracy/judge.js'
import {
  evaluate,
  formatJson,
  formatMarkdown,
  parseArgs,
  scoreSplit,
} from '../../bench/accuracy/score.js'
import type { Case } from '../../bench/accuracy/types.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const FAKE = join(HERE, 'fake-judge.mjs')
const dir = mkdtempSync(join(tmpdir(), 'accuracy-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A positive case for term `purple elephant`. */
function positive(query: string, start: number, end: number): Case {
  const expect = { term: 'purple elephant', start, end }
  return { id: `dev/leet/${start}`, split: 'dev', kind: 'positive', class: 'leet', query, expect }
}

/** A benign case. */
function benign(query: string): Case {
  return { id: `dev/ordinary/${query}`, split: 'dev', kind: 'benign', class: 'ordinary', query }
}

describe('judge runner', () => {
  it('streams queries to the CLI and reads one verdict per query, in order', async () => {
    const list = join(dir, 'list.txt')
    writeFileSync(list, '# placeholder list\npurple elephant\ncart # inline comment\n')
    const queries = ['watch p u r p l e elephant online', 'cartoon', 'garden tools', '𝐜𝐚𝐫𝐭 shop']
    const run = await runJudge({ bin: FAKE, listPath: list, queries, cwd: HERE, timeoutMs: 30_000 })
    expect(run.errors).toEqual([])
    expect(run.verdicts.map((v) => v?.action)).toEqual(['deter', 'deter', 'allow', 'deter'])
    expect(run.verdicts[0]?.hits).toEqual([{ term: 'purple elephant', start: 6, end: 26 }])
    expect(run.verdicts[3]?.hits).toEqual([{ term: 'cart', start: 0, end: 8 }])
  })

  it('reports a judge that cannot run instead of throwing', async () => {
    const run = await runJudge({
      bin: join(dir, 'missing.js'),
      listPath: join(dir, 'list.txt'),
      queries: ['a', 'b'],
      cwd: HERE,
      timeoutMs: 30_000,
    })
    expect(run.verdicts).toEqual([undefined, undefined])
    expect(run.errors.length).toBeGreaterThan(0)
  })

  it('parses only well-formed verdict lines', () => {
    expect(parseVerdict('{"action":"allow","hits":[]}')).toEqual({ action: 'allow', hits: [] })
    expect(parseVerdict('not json')).toBeUndefined()
    expect(parseVerdict('{"hits":[]}')).toBeUndefined()
    const v = parseVerdict('{"action":"deter","hits":[{"term":"x","start":0,"end":1},{"term":2}]}')
    expect(v?.hits).toEqual([{ term: 'x', start: 0, end: 1 }])
  })
})

describe('scoring', () => {
  const cases = [
    positive('p4rple elephant', 0, 15),
    positive('best purple elephant', 5, 20),
    benign('a'),
    benign('b'),
  ]
  const hit = (start: number, end: number): Verdict => ({
    action: 'deter',
    hits: [{ term: 'purple elephant', start, end }],
  })

  it('counts exact span, any span and false positives', () => {
    const verdicts = [
      hit(0, 15),
      hit(4, 20),
      { action: 'support', hits: [] },
      { action: 'allow', hits: [] },
    ]
    const r = evaluate('dev', cases, verdicts, 5)
    const leet = r.positives.find((p) => p.class === 'leet')
    expect(leet).toEqual({ class: 'leet', n: 2, exact: 1, anySpan: 2, deter: 2 })
    expect(r.benign.find((b) => b.class === 'ordinary')).toEqual({ class: 'ordinary', n: 2, fp: 1 })
    expect(r.macroRecall).toBe(0.5)
    expect(r.benignFpRate).toBe(0.5)
    expect(r.failures.get('leet')?.map((f) => f.case.query)).toEqual(['best purple elephant'])
    expect(r.failures.get('ordinary')?.map((f) => f.case.query)).toEqual(['a'])
  })

  it('treats a missing verdict as a miss and as a false positive', () => {
    const r = evaluate('dev', cases, [undefined, undefined, undefined, undefined])
    expect(r.positives.find((p) => p.class === 'leet')?.exact).toBe(0)
    expect(r.benignFpRate).toBe(1)
  })

  it('prints Markdown tables and JSON lines', () => {
    const r = evaluate('dev', cases, [hit(0, 15), hit(5, 20), undefined, undefined], 1)
    const md = formatMarkdown(r)
    expect(md).toContain('| leet | 2 | 100.0% | 100.0% | 100.0% |')
    expect(md).toContain('### dev failures: ordinary')
    const json = formatJson(r).map((l) => JSON.parse(l) as { type: string })
    expect(json.filter((l) => l.type === 'summary')).toHaveLength(1)
    expect(json.filter((l) => l.type === 'failure')).toHaveLength(1)
  })

  it('parses options with defaults', () => {
    const o = parseArgs(['--split', 'holdout', '--json', '--failures', '3'])
    expect(o.splits).toEqual(['holdout'])
    expect(o.json).toBe(true)
    expect(o.failures).toBe(3)
    expect(o.judge).toMatch(/bin[/\\]search-deterrence\.js$/)
    expect(() => parseArgs(['--split', 'train'])).toThrow()
  })

  it('scores a whole split end to end with the fake judge', async () => {
    const cases = buildCorpus().cases.filter((c) => c.split === 'dev')
    const r = await scoreSplit('dev', cases, { ...parseArgs([]), judge: FAKE })
    expect(r.errors).toEqual([])
    const width = r.positives.find((p) => p.class === 'width')
    expect(width?.exact).toBe(width?.n)
    expect(r.benign.find((b) => b.class === 'containing-word')?.fp).toBeGreaterThan(0)
    expect(r.benign.find((b) => b.class === 'ordinary')?.fp).toBe(0)
  })
})
