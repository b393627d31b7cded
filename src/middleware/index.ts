/**
 * @module middleware
 * The drop-in Hono middleware: `deterSearch()` for search routes, `filterSuggestions()` for autocomplete.
 */

export { assignArm } from './arm.js'
export { type DeterSearchOptions, deterSearch } from './deter-search.js'
export type { ExtractLimits, RequestProblem } from './extract.js'
export {
  type FilterSuggestionsOptions,
  filterAnswer,
  filterSuggestions,
  type SuggestionFormat,
} from './filter-suggestions.js'
export type {
  CommonOptions,
  DeterrenceEnv,
  DeterrenceVariables,
  DeterrenceVerdict,
  PerRequest,
  SnapshotSource,
  Surface,
  VerdictEvent,
} from './options.js'
export { type DeterrenceResponse, RESPONSE_VERSION } from './respond.js'
