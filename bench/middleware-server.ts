/**
 * @module bench/middleware-server
 * A search service for the overhead benchmark, in its own process: `bare` (a Hono search route) or
 * `mounted` (the same route behind `deterSearch()` with the starter list). Prints `ready <port>`.
 */

import { serve } from '@hono/node-server'
import { loadStarterList, searchApp } from './search-route.js'

const app = searchApp(process.argv[2] === 'mounted' ? await loadStarterList() : undefined)
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`ready ${info.port}\n`)
})
