/**
 * @module server/demo
 * The demo search service (`npm start`): a search over sample book titles, OpenSearch autocomplete, and a
 * search page with live suggestions, with the middleware mounted on both routes, the starter term list and
 * every bundled locale. The request log never prints query strings.
 *
 * It starts at once with the list compiled without a lexicon, then swaps in the list compiled with the
 * hunspell lexicon when a child process has expanded and scanned the dictionaries (a minute on the very first
 * start, cached after): serving never waits for the dictionaries.
 */

import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { loadTermList } from '../cli/load.js'
import { SnapshotHolder } from '../termlist/holder.js'
import { createDemoApp } from './app.js'

const port = Number(process.env.PORT ?? 8787)
const listPath = fileURLToPath(new URL('../../termlists/starter.yaml', import.meta.url))

const log = (message: string) => process.stdout.write(`${new Date().toISOString()} ${message}\n`)

const holder = new SnapshotHolder(await loadTermList(listPath, { lexicon: 'none' }))
log(`term list ${holder.current().listId} ${holder.current().version} (no lexicon yet)`)

const app = createDemoApp(holder)
serve({ fetch: app.fetch, port }, (info) => {
  log(`demo search service on http://localhost:${info.port}`)
  // the lexicon work runs in a child process; this one only compiles from the caches it leaves
  const typescript = import.meta.url.endsWith('.ts')
  const worker = fork(
    fileURLToPath(new URL(`./warm-cache.${typescript ? 'ts' : 'js'}`, import.meta.url)),
    [listPath],
  )
  worker.once('error', (error) =>
    log(`lexicon load failed, keeping the list in use: ${error.message}`),
  )
  worker.once('message', async (m: { ok: boolean; message?: string }) => {
    worker.kill()
    if (!m.ok) {
      log(`lexicon load failed, keeping the list in use: ${m.message}`)
      return
    }
    try {
      const snapshot = await loadTermList(listPath)
      holder.replace(snapshot)
      log(`term list ${snapshot.listId} ${snapshot.version} with the hunspell lexicon`)
    } catch (error) {
      // a list that fails to compile never replaces the one in use
      log(`lexicon load failed, keeping the list in use: ${(error as Error).message}`)
    }
  })
})
