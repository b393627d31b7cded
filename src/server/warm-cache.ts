/**
 * @module server/warm-cache
 * Child process of the demo: compiles a term list with the hunspell lexicon so that the expensive work (expanding the
 * dictionaries, scanning them for exception words) lands in the on-disk caches off the serving thread.
 * The serving thread then compiles from the caches in milliseconds.
 */

import { loadTermList } from '../cli/load.js'

const listPath = process.argv[2] ?? ''
try {
  const snapshot = await loadTermList(listPath)
  process.send?.({ ok: true, version: snapshot.version })
} catch (error) {
  process.send?.({ ok: false, message: (error as Error).message })
}
