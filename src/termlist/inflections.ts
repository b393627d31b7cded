/**
 * @module termlist/inflections
 * Inflection endings per language: a term followed by one of them is still the term (`carts`, `cart's`),
 * and a dictionary word made of a term and one of them is not an exception. Kept short on purpose: an ending
 * here turns `term + ending` into a hit even when it spells another word of a language the lexicon lacks.
 * Unknown languages (`und`, plain-text lists) get the English endings, the ones of most placeholder and
 * coded terms.
 */

const ENDINGS: Readonly<Record<string, readonly string[]>> = {
  en: [
    's',
    'es',
    'd',
    'ed',
    'r',
    'rs',
    'er',
    'ers',
    'st',
    'est',
    'ing',
    'ings',
    'y',
    'ies',
    'ied',
    'ly',
  ],
  fr: ['s', 'x', 'e', 'es', 'er', 'ee', 'ees', 'ez', 'ent'],
  de: ['e', 'n', 'en', 'er', 'es', 's', 'ern', 'em', 'ens'],
  es: ['s', 'es', 'a', 'as', 'o', 'os'],
  nl: ['s', 'e', 'en', 'er', 'je', 'jes', 'tje', 'tjes'],
  it: ['a', 'e', 'i', 'o', 'he', 'hi'],
  pt: ['s', 'es', 'a', 'as', 'o', 'os'],
  pl: ['a', 'e', 'i', 'y', 'u', 'em', 'ie', 'om', 'ow', 'ach', 'ami'],
  sv: ['s', 'n', 'en', 'et', 'er', 'ar', 'or', 'na', 'erna', 'arna', 'sk', 'ska', 'skt'],
  fi: ['t', 'n', 'a', 'ä', 'ssa', 'sta', 'lla', 'lta', 'ksi', 'ja', 'jen'],
}

/** Endings after an English stem that dropped its final `e` (`purple` → `purpl` + `ing`). */
export const E_DROP_ENDINGS: readonly string[] = ['ing', 'ings', 'able']
/**
 * Endings after an English stem whose final `y` became `i` (`puppy` → `puppi` + `es`, `photography` →
 * `photographi` + `c`).
 */
export const Y_TO_I_ENDINGS: readonly string[] = [
  'es',
  'ed',
  'er',
  'ers',
  'est',
  'ly',
  'ness',
  // Greek-derived nouns: photography → photographic
  'c',
  'cs',
  'cal',
  'cally',
]

/**
 * Endings after an Italian, Spanish or Portuguese stem that dropped the term's final vowel: gender and number
 * change that vowel (`pomodoro` → `pomodor` + `i`, `bianco` → `bianc` + `he`).
 */
const VOWEL_STEM_ENDINGS: Readonly<Record<string, readonly string[]>> = {
  it: ['a', 'e', 'i', 'o', 'he', 'hi'],
  es: ['a', 'as', 'e', 'es', 'o', 'os'],
  pt: ['a', 'as', 'e', 'es', 'o', 'os'],
}

/** The endings after a stem without the final vowel, for languages whose inflections change it. */
export const vowelStemEndings = (lang: string): readonly string[] | undefined =>
  VOWEL_STEM_ENDINGS[lang.split('-')[0] ?? 'und']

/** The endings of a language (BCP 47; the primary subtag decides). */
export const endingsFor = (lang: string): readonly string[] => {
  const primary = lang.split('-')[0] ?? 'und'
  return ENDINGS[primary] ?? ENDINGS.en ?? []
}

/** True for languages with English stem changes (e-dropping, y → i). */
export const hasEnglishStems = (lang: string): boolean => {
  const primary = lang.split('-')[0]
  return primary === 'en' || primary === 'und'
}

/** The tables above as one string: part of every snapshot version, so a change of them invalidates caches. */
export const INFLECTIONS_FINGERPRINT = JSON.stringify([
  ENDINGS,
  VOWEL_STEM_ENDINGS,
  E_DROP_ENDINGS,
  Y_TO_I_ENDINGS,
])
