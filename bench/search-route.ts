/**
 * @module bench/search-route
 * The search route every middleware figure measures: the demo's title search, bare, behind a no-op middleware
 * (what Hono charges for any middleware at all) or behind `deterSearch()` with the starter list (and its
 * lexicon). The same app runs in process and behind a port.
 *
 * Two kinds of route: `async` awaits its search backend, as a real search route does (here an async function
 * over the sample titles); `sync` answers at once, which is Hono's fast path: with a single handler and a
 * `Response` returned synchronously, Hono skips its middleware chain and its promises, which any middleware
 * gives up.
 */

import { Hono } from 'hono'
import {
  type DeterrenceEnv,
  deterSearch,
  loadTermList,
  searchTitles,
  type TermListSnapshot,
} from './shipped.js'

/** The starter list as the demo compiles it. */
export const loadStarterList = (): Promise<TermListSnapshot> =>
  loadTermList(new URL('../termlists/starter.yaml', import.meta.url).pathname)

export const ROUTES = ['async', 'sync'] as const
export type Route = (typeof ROUTES)[number]
export const MOUNTS = ['bare', 'noop', 'mounted'] as const
export type Mount = (typeof MOUNTS)[number]

/** The search backend of the `async` route. */
const searchBackend = async (q: string): Promise<string[]> => searchTitles(q)

/** `GET /search?q=` as `route`, with `mount` in front (`mounted` needs `lists`). */
export const searchApp = (
  route: Route,
  mount: Mount,
  lists?: TermListSnapshot,
): Hono<DeterrenceEnv> => {
  const app = new Hono<DeterrenceEnv>()
  if (mount === 'noop') app.use('/search', (_c, next) => next())
  if (mount === 'mounted') {
    if (!lists) throw new Error('the mounted route needs a term list')
    app.use('/search', deterSearch({ lists, region: 'GB' }))
  }
  if (route === 'async') {
    app.get('/search', async (c) =>
      c.json({ results: await searchBackend(c.req.query('q') ?? '') }),
    )
  } else {
    app.get('/search', (c) => c.json({ results: searchTitles(c.req.query('q') ?? '') }))
  }
  return app
}
