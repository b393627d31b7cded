import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import {
  type DeterrenceEnv,
  filterSuggestions,
  type VerdictEvent,
} from '../../src/middleware/index.js'
import { compileTermList, parsePlainTermList } from '../../src/termlist/index.js'

/** Reads a JSON answer for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON answers
const readJson = async (res: Response): Promise<any> => res.json()

const lists = compileTermList(parsePlainTermList('purple elephant\n', 'test.txt'))

const appWith = (answer: (q: string) => unknown, options: Record<string, unknown> = {}) => {
  let calls = 0
  const events: VerdictEvent[] = []
  const app = new Hono<DeterrenceEnv>()
  app.use('/suggest', filterSuggestions({ lists, onVerdict: (e) => events.push(e), ...options }))
  app.get('/suggest', (c) => {
    calls++
    return c.json(answer(c.req.query('q') ?? ''))
  })
  return { app, calls: () => calls, events }
}

describe('filterSuggestions()', () => {
  it('drops deterred suggestions from an OpenSearch answer, keeping the other arrays aligned', async () => {
    const { app, events } = appWith((q) => [
      q,
      ['purple hat', 'purple elephant', 'purple elephants'],
      ['d1', 'd2', 'd3'],
      ['u1', 'u2', 'u3'],
    ])
    const res = await app.request('/suggest?q=purple')
    expect(await readJson(res)).toEqual(['purple', ['purple hat'], ['d1'], ['u1']])
    expect(events[0]?.suggestions).toEqual({ offered: 3, withheld: 2 })
  })

  it('gives no suggestions at all, without calling upstream, when the prefix is deterred', async () => {
    const { app, calls } = appWith((q) => [q, ['anything']])
    const res = await app.request('/suggest?q=purple%20eleph4nt')
    expect(await readJson(res)).toEqual(['purple eleph4nt', []])
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(calls()).toBe(0)
  })

  it.each([
    ['strings', ['purple hat', 'p.u.r.p.l.e elephant'], ['purple hat']],
    [
      'objects',
      [
        { text: 'purple hat', id: 1 },
        { text: 'purple elephant', id: 2 },
      ],
      [{ text: 'purple hat', id: 1 }],
    ],
  ])('filters an array of %s', async (_shape, upstream, expected) => {
    const { app } = appWith(() => upstream)
    expect(await readJson(await app.request('/suggest?q=purple'))).toEqual(expected)
  })

  it('withholds everything from an answer it cannot read', async () => {
    const { app } = appWith(() => ({ unexpected: ['purple elephant'] }), { format: 'strings' })
    expect(await readJson(await app.request('/suggest?q=pur'))).toEqual([])
  })

  it('caches suggestion verdicts, and forgets them when the list version changes', async () => {
    let judged = 0
    let version = 'v1'
    const counting = {
      current: () =>
        ({
          get version() {
            return version
          },
          judge: (t: string) => {
            judged++
            return lists.judge(t)
          },
        }) as unknown as typeof lists,
    }
    const { app } = appWith((q) => [q, ['purple hat', 'purple elephant']], { lists: counting })
    await app.request('/suggest?q=purple')
    const first = judged // the prefix and two suggestions
    await app.request('/suggest?q=purple')
    expect(judged - first).toBe(1) // only the prefix: suggestions came from the cache
    version = 'v2'
    const before = judged
    await app.request('/suggest?q=purple')
    expect(judged - before).toBe(3)
    expect(first).toBe(3)
  })
})
