/**
 * @module bench/middleware-server
 * A search service for the overhead benchmark, in its own process: `bare` (a Hono search route) or
 * `mounted` (the same route behind `deterSearch()` with the starter list). Prints `ready <port>`.
 */

import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { loadTermList } from '../src/cli/load.js'
import { deterSearch } from '../src/middleware/deter-search.js'
import type { DeterrenceEnv } from '../src/middleware/options.js'
import { searchTitles } from '../src/server/app.js'

const mode = process.argv[2] === 'mounted' ? 'mounted' : 'bare'
const app = new Hono<DeterrenceEnv>()
if (mode === 'mounted') {
  const lists = await loadTermList(new URL('../termlists/starter.yaml', import.meta.url).pathname)
  app.use('/search', deterSearch({ lists, region: 'GB' }))
}
app.get('/search', (c) => c.json({ results: searchTitles(c.req.query('q') ?? '') }))
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`ready ${info.port}\n`)
})
