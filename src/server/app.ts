/**
 * @module server/app
 * The demo app, separate from the process that serves it so that tests drive it with `app.request()`.
 */

import { Hono } from 'hono'
import { deterSearch } from '../middleware/deter-search.js'
import { filterSuggestions } from '../middleware/filter-suggestions.js'
import type { DeterrenceEnv, SnapshotSource } from '../middleware/options.js'
import { escapeHtml, WARNING_CSS } from '../warning/html.js'
import { SAMPLE_TITLES } from './corpus.js'

/** Options of the demo app. */
export interface DemoOptions {
  /** Region when the request does not say (`x-region` header or `?region=`). Default `GB`. */
  readonly region?: string
  /** Request log line writer (default: stdout). Lines never contain a query string. */
  readonly log?: (line: string) => void
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean)

/** Titles whose words contain every word of the query. */
export const searchTitles = (q: string): string[] => {
  const want = words(q)
  if (want.length === 0) return []
  return SAMPLE_TITLES.filter((t) => {
    const have = words(t)
    return want.every((w) => have.some((h) => h.startsWith(w)))
  })
}

/** Up to 8 titles that start with the prefix, or have a word that does. */
export const completeTitles = (prefix: string): string[] => {
  const p = prefix.toLowerCase().trim()
  if (p === '') return []
  const starts = SAMPLE_TITLES.filter((t) => t.toLowerCase().startsWith(p))
  const inside = SAMPLE_TITLES.filter(
    (t) => !starts.includes(t) && words(t).some((w) => w.startsWith(p)),
  )
  return [...starts, ...inside].slice(0, 8)
}

const nonce = () => {
  const b = new Uint8Array(16)
  crypto.getRandomValues(b)
  return btoa(String.fromCharCode(...b))
}

const PAGE_SCRIPT = `
const input = document.getElementById('q'), list = document.getElementById('suggestions')
let timer
input.addEventListener('input', () => {
  clearTimeout(timer)
  timer = setTimeout(async () => {
    const q = input.value
    if (!q.trim()) { list.replaceChildren(); return }
    const res = await fetch('/suggest?q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
    const [, completions] = await res.json()
    list.replaceChildren(...completions.map((s) => { const o = document.createElement('option'); o.value = s; return o }))
  }, 120)
})
`

const page = (n: string, title: string, body: string, script = false) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style nonce="${n}">${WARNING_CSS}
form{display:flex;gap:.5rem;margin:0 0 1.5rem}input{flex:1;font:inherit;padding:.6rem;border:1px solid var(--border);border-radius:.4rem;background:var(--bg);color:var(--fg)}
button{font:inherit;padding:.6rem 1rem;border-radius:.4rem;border:0;background:var(--accent);color:var(--accent-fg)}
label{display:block;font-weight:600;margin:0 0 .4rem}</style></head>
<body><main id="main"><h1>${escapeHtml(title)}</h1>
<form action="/search" method="get" role="search"><label for="q" class="visually-hidden">Search books</label>
<input id="q" name="q" type="search" list="suggestions" autocomplete="off" placeholder="Search books">
<datalist id="suggestions"></datalist><button type="submit">Search</button></form>
${body}</main>${script ? `<script nonce="${n}">${PAGE_SCRIPT}</script>` : ''}</body></html>`

/** The demo app: `/`, `/search`, `/suggest`, with the middleware on both search routes. */
export const createDemoApp = (lists: SnapshotSource, options: DemoOptions = {}) => {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  const region = (c: {
    req: { header(n: string): string | undefined; query(n: string): string | undefined }
  }) => c.req.header('x-region') ?? c.req.query('region') ?? options.region ?? 'GB'
  const app = new Hono<DeterrenceEnv>()

  // request log: method, path, status, time; never the query string
  app.use('*', async (c, next) => {
    const t0 = performance.now()
    await next()
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - t0).toFixed(1)}ms`)
  })

  app.use('/search', deterSearch({ lists, region }))
  app.use('/suggest', filterSuggestions({ lists, region, format: 'opensearch' }))

  app.get('/', (c) => {
    const n = nonce()
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    )
    return c.html(page(n, 'Book search', '<p>Search the titles of classic books.</p>', true))
  })

  app.get('/search', (c) => {
    const q = c.req.query('q') ?? ''
    const results = searchTitles(q)
    if (!/\btext\/html\b/.test(c.req.header('accept') ?? '')) return c.json({ query: q, results })
    const n = nonce()
    c.header(
      'Content-Security-Policy',
      `default-src 'none'; style-src 'nonce-${n}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    )
    const items = results.map((r) => `<li>${escapeHtml(r)}</li>`).join('')
    return c.html(
      page(
        n,
        'Book search',
        results.length ? `<h2>Results</h2><ul>${items}</ul>` : '<p>No books found.</p>',
      ),
    )
  })

  app.get('/suggest', (c) => {
    const q = c.req.query('q') ?? ''
    return c.json([q, completeTitles(q)])
  })
  return app
}
