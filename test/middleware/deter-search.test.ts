import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { type DeterrenceEnv, deterSearch, type VerdictEvent } from '../../src/middleware/index.js'
import { compileTermList, parseYamlTermList, SnapshotHolder } from '../../src/termlist/index.js'
import { createWarningI18n } from '../../src/warning/index.js'

/** Reads a JSON answer for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON answers
const readJson = async (res: Response): Promise<any> => res.json()

// Placeholder terms only.
const lists = compileTermList(
  parseYamlTermList(
    `list: test
terms:
  - { id: t1, term: purple elephant, category: placeholder }
  - { id: h1, term: help me stop, action: support, category: help-seeking }
`,
    'test.yaml',
  ),
)

const makeApp = (options: Partial<Parameters<typeof deterSearch>[0]> = {}) => {
  const events: VerdictEvent[] = []
  let searched = 0
  const app = new Hono<DeterrenceEnv>()
  app.use('/search', deterSearch({ lists, onVerdict: (e) => events.push(e), ...options }))
  app.get('/search', (c) => {
    searched++
    return c.json({ results: ['a book'], verdict: c.var.deterrence.action })
  })
  app.post('/search', async (c) => {
    searched++
    return c.json({ results: ['a book'], body: await c.req.json() })
  })
  return { app, events, searched: () => searched }
}

const json = { accept: 'application/json' }
const html = { accept: 'text/html,application/xhtml+xml' }

describe('deterSearch()', () => {
  it('lets an allowed search through, with the verdict on c.var', async () => {
    const { app, searched } = makeApp()
    const res = await app.request('/search?q=red+kettle', { headers: json })
    expect(res.status).toBe(200)
    expect(await readJson(res)).toEqual({ results: ['a book'], verdict: 'allow' })
    expect(searched()).toBe(1)
  })

  it('suppresses results and answers with the warning when a search is deterred', async () => {
    const { app, searched } = makeApp()
    const res = await app.request('/search?q=p.u.r.p.l.e%20elephant', { headers: json })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = await readJson(res)
    expect(searched()).toBe(0)
    expect(body.version).toBe(1)
    expect(body.blocked).toBe(true)
    expect(body.verdict).toMatchObject({
      action: 'deter',
      rule: 'term',
      categories: ['placeholder'],
    })
    expect(body.warning.messages).toHaveLength(4)
    expect(JSON.stringify(body)).not.toMatch(/purple|elephant/i)
  })

  it('judges every value of a repeated parameter', async () => {
    const { app, searched } = makeApp()
    const res = await app.request('/search?q=kettle&q=purple+elephant', { headers: json })
    expect((await readJson(res)).blocked).toBe(true)
    expect(searched()).toBe(0)
  })

  it('answers a support intent with help, not a warning', async () => {
    const { app } = makeApp()
    const res = await app.request('/search?q=help+me+stop', { headers: json })
    const body = await readJson(res)
    expect(body.verdict.action).toBe('support')
    expect(body.warning.kind).toBe('support')
  })

  it('renders an accessible HTML page for browsers, with a strict CSP and no way to the results', async () => {
    const { app } = makeApp()
    const res = await app.request('/search?q=purple+elephant', { headers: html })
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    const page = await res.text()
    expect(page).toContain('<main')
    expect(page).toContain('<h1>')
    expect(page).toMatch(/<html lang="en"/)
    expect(page).not.toMatch(/results anyway|show results|continue to results/i)
    expect(page).not.toMatch(/purple|elephant/i)
  })

  it('shows help services of the user region', async () => {
    const { app } = makeApp({ region: 'GB' })
    const body = await readJson(await app.request('/search?q=purple+elephant', { headers: json }))
    expect(body.help.services.length).toBeGreaterThan(0)
    for (const s of body.help.services) expect(s.name).toBeTruthy()
  })

  it.each([
    ['invalid percent-encoding', '/search?q=%E0%A4%A', 400, 'invalid-encoding'],
    ['an encoded lone surrogate', '/search?q=%ED%A0%80', 400, 'invalid-encoding'],
    ['an over-long query', `/search?q=${'a'.repeat(600)}`, 414, 'query-too-long'],
    [
      'too many values',
      `/search?${Array.from({ length: 9 }, () => 'q=a').join('&')}`,
      400,
      'too-many-values',
    ],
  ])('rejects %s with a clear 4xx', async (_name, url, status, code) => {
    const { app, searched } = makeApp()
    const res = await app.request(url, { headers: json })
    expect(res.status).toBe(status)
    expect((await readJson(res)).error.code).toBe(code)
    expect(searched()).toBe(0)
  })

  it('judges JSON body fields, and rejects malformed or oversized bodies', async () => {
    const { app, searched } = makeApp({ jsonFields: ['query', 'filters.text'], maxBodyBytes: 200 })
    const post = (body: string) =>
      app.request('/search', {
        method: 'POST',
        body,
        headers: { ...json, 'content-type': 'application/json' },
      })
    const ok = await post(JSON.stringify({ query: 'kettle' }))
    expect((await readJson(ok)).body).toEqual({ query: 'kettle' })
    const deterred = await post(
      JSON.stringify({ query: 'kettle', filters: { text: 'purple elephant' } }),
    )
    expect((await readJson(deterred)).blocked).toBe(true)
    expect((await post('{"query": ')).status).toBe(400)
    expect((await post(JSON.stringify({ query: 'a'.repeat(300) }))).status).toBe(413)
    expect((await post(JSON.stringify({ query: 42 }))).status).toBe(400)
    expect(searched()).toBe(1)
  })

  it('speaks the language asked for, then Accept-Language', async () => {
    const { app } = makeApp()
    const de = await app.request('/search?q=purple+elephant&hl=de', { headers: json })
    expect((await readJson(de)).warning.lang).toBe('de')
    const fr = await app.request('/search?q=purple+elephant', {
      headers: { ...json, 'accept-language': 'fr-CH, fr;q=0.9, en;q=0.5' },
    })
    expect((await readJson(fr)).warning.lang).toBe('fr')
  })

  it('still deters when rendering fails, with a minimal built-in warning', async () => {
    const broken = createWarningI18n()
    broken.getFixedT = () => {
      throw new Error('broken locale')
    }
    const errors: unknown[] = []
    const { app, searched } = makeApp({
      i18n: broken,
      onError: (e) => errors.push(e),
    })
    const res = await app.request('/search?q=purple+elephant', { headers: json })
    expect(res.status).toBe(200)
    expect((await readJson(res)).blocked).toBe(true)
    expect(searched()).toBe(0)
    expect(errors).toHaveLength(1)
  })

  it('never lets a failing hook change the answer', async () => {
    const { app } = makeApp({
      onVerdict: () => {
        throw new Error('metrics down')
      },
    })
    const res = await app.request('/search?q=purple+elephant', { headers: json })
    expect((await readJson(res)).blocked).toBe(true)
  })

  it('reports every verdict with ids and categories only', async () => {
    const { app, events } = makeApp({ region: 'GB' })
    await app.request('/search?q=purple+elephant', { headers: json })
    await app.request('/search?q=kettle', { headers: json })
    expect(events.map((e) => e.action)).toEqual(['deter', 'allow'])
    expect(events[0]).toMatchObject({
      surface: 'query',
      rule: 'term',
      categories: ['placeholder'],
      region: 'GB',
    })
    expect(JSON.stringify(events)).not.toMatch(/purple|elephant|kettle/i)
  })

  it('assigns a session the same experiment arm every time', async () => {
    const { app } = makeApp({
      arms: ['default', 'harm-focused'],
      session: (c) => c.req.header('x-session'),
    })
    const arms = new Set<string>()
    for (let i = 0; i < 3; i++) {
      const res = await app.request('/search?q=purple+elephant', {
        headers: { ...json, 'x-session': 's-42' },
      })
      arms.add((await readJson(res)).verdict.arm)
    }
    expect(arms.size).toBe(1)
  })

  it('uses the snapshot in the holder at the time of the request', async () => {
    const holder = new SnapshotHolder(lists)
    const { app } = makeApp({ lists: holder })
    expect((await readJson(await app.request('/search?q=kettle', { headers: json }))).verdict).toBe(
      'allow',
    )
    holder.replace(
      compileTermList(
        parseYamlTermList('list: t2\nterms:\n  - { id: k, term: kettle }\n', 'k.yaml'),
      ),
    )
    expect((await readJson(await app.request('/search?q=kettle', { headers: json }))).blocked).toBe(
      true,
    )
  })

  it('refuses to start without a term list', () => {
    expect(() => deterSearch({} as never)).toThrow(/lists is required/)
  })
})
