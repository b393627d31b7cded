/**
 * @module bench/search-route
 * The search route every middleware figure measures: the demo's title search, bare or behind `deterSearch()`
 * with the starter list (and its lexicon). The same app runs in process and behind a port.
 */

import { Hono } from 'hono'
import { loadTermList } from '../src/cli/load.js'
import { deterSearch } from '../src/middleware/deter-search.js'
import type { DeterrenceEnv } from '../src/middleware/options.js'
import { searchTitles } from '../src/server/app.js'
import type { TermListSnapshot } from '../src/termlist/compile.js'

/** The starter list as the demo compiles it. */
export const loadStarterList = (): Promise<TermListSnapshot> =>
  loadTermList(new URL('../termlists/starter.yaml', import.meta.url).pathname)

/** `GET /search?q=`: bare without `lists`, mounted with them. */
export const searchApp = (lists?: TermListSnapshot): Hono<DeterrenceEnv> => {
  const app = new Hono<DeterrenceEnv>()
  if (lists) app.use('/search', deterSearch({ lists, region: 'GB' }))
  app.get('/search', (c) => c.json({ results: searchTitles(c.req.query('q') ?? '') }))
  return app
}
