/**
 * @module bench/middleware-server
 * A search service for the overhead benchmark, in its own process: `node middleware-server.ts ROUTE MOUNT`
 * (see `search-route.ts`; `mounted` compiles the starter list). Prints `ready <port>`.
 */

import { serve } from '@hono/node-server'
import { loadStarterList, type Mount, type Route, searchApp } from './search-route.js'

const [route, mount] = process.argv.slice(2) as [Route, Mount]
const app = searchApp(route, mount, mount === 'mounted' ? await loadStarterList() : undefined)
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`ready ${info.port}\n`)
})
