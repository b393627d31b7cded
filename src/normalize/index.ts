/**
 * @module normalize
 * Text → canonical units with a map back to original offsets: NFKC, case folding, diacritics, invisible
 * characters, look-alike letters in mixed-script words, leetspeak, separators, repeated letters.
 */

export { foldCodePoint, isMark } from './fold.js'
export { DEFAULT_MAX_LENGTH, normalizeInto, normalizeText } from './normalize.js'
export {
  isInvisible,
  isRegionalIndicator,
  isUnspacedScript,
  LATIN_LOOKALIKES,
  LEET_READINGS,
  MASK_PLACEHOLDERS,
  SCRIPT_CONFUSABLES,
} from './tables.js'
export {
  NONE,
  UNIT_BOUNDARY,
  UNIT_CAMEL,
  UNIT_DIGIT,
  UNIT_LETTERED,
  UNIT_MASK,
  UNIT_UNSPACED,
  Units,
} from './units.js'

/**
 * Bumped whenever normalization changes what a text turns into: caches of normalized dictionaries and
 * compiled snapshots are keyed by it.
 */
export const NORMALIZER_VERSION = 3
