/**
 * @module bench/shipped
 * The code the benchmark measures: the package as it ships, compiled by `tsc` into `dist/` (`npm run bench`
 * builds it first), rather than the TypeScript sources as tsx runs them. tsx compiles with esbuild's
 * `keepNames`, which wraps every function expression in a `__name()` call that defines the function's name
 * each time the closure is created. Users never run that code, and it is not free: on the engine's full
 * path (a query that holds a term, 10k-term list) it cost a third more time per query (3.3 µs against
 * 2.4 µs, same process), and the engine's throughput figure moved by about a fifth.
 */

export { loadTermList } from '../dist/src/cli/load.js'
export { loadHunspellLexicon } from '../dist/src/lexicon/hunspell.js'
export { type Lexicon, lexiconFromWords } from '../dist/src/lexicon/lexicon.js'
export { buildAutomaton } from '../dist/src/match/automaton.js'
export { deterSearch } from '../dist/src/middleware/deter-search.js'
export { createVerdictCache } from '../dist/src/middleware/filter-suggestions.js'
export type { DeterrenceEnv } from '../dist/src/middleware/options.js'
export { completeTitles, searchTitles } from '../dist/src/server/app.js'
export { SAMPLE_TITLES } from '../dist/src/server/corpus.js'
export { compileTermList, type TermListSnapshot } from '../dist/src/termlist/compile.js'
export { folderExceptionCache } from '../dist/src/termlist/file-cache.js'
export { parsePlainTermList } from '../dist/src/termlist/parse.js'
