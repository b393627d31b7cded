/**
 * @module lexicon
 * Ordinary words of the supported languages, used at compile time to tell a term hidden in a joined token
 * (`gardenpurplehouse`) from an ordinary word that happens to contain it (`cartoon`).
 */

export {
  DEFAULT_DEPTHS,
  defaultCacheDir,
  HUNSPELL_LANGUAGES,
  type HunspellLexiconOptions,
  loadHunspellLexicon,
} from './hunspell.js'
export {
  combineLexicons,
  EMPTY_LEXICON,
  type Lexicon,
  type LexiconGroup,
  lexiconFromWords,
  spellWord,
} from './lexicon.js'
