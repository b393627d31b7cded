/**
 * @module search-deterrence
 * The package's public face: the middleware, the engine (term lists, compile, judge), the warning model and
 * the help directory. Node-only helpers (file loading, hunspell dictionaries, the CLI) live in
 * `search-deterrence/node`.
 */

export * from './errors.js'
export * from './help/index.js'
export * from './lexicon/lexicon.js'
export * from './match/index.js'
export * from './middleware/index.js'
export * from './normalize/index.js'
export * from './policy/index.js'
export * from './termlist/index.js'
export * from './warning/index.js'
