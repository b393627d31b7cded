/**
 * @module search-deterrence/node
 * Node-only helpers: loading term lists from files, the hunspell lexicon with its on-disk cache, and the
 * folder-backed exception cache.
 */

export {
  type LoadOptions,
  loadLexicon,
  loadTermList,
  loadWordList,
  readTermList,
} from './cli/load.js'
export * from './lexicon/hunspell.js'
export { folderExceptionCache } from './termlist/file-cache.js'
