/**
 * @module termlist/inflections
 * Inflection endings per language: a term followed by one of them is still the term (`carts`, `cart's`),
 * and a dictionary word made of a term and one of them is not an exception. Kept short on purpose: an ending
 * here turns `term + ending` into a hit even when it spells another word of a language the lexicon lacks.
 * Unknown languages (`und`, plain-text lists) get the English endings, the ones of most placeholder and
 * coded terms.
 */

/**
 * The primary subtag of a BCP 47 tag (`pt-BR` → `pt`), the part these tables are keyed by. The tag itself
 * when it has no other subtag, as nearly every term's has (`en`, `und`): no array, no new string per call.
 * With a `split('-')` in each of these look-ups, called a few times for each term, a 100k-term compile took
 * 5–11% longer (the same snapshot; two builds alternating in one process, 2026-12-02).
 */
export const primarySubtag = (lang: string): string => {
  const dash = lang.indexOf('-')
  return dash < 0 ? lang : lang.slice(0, dash)
}

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
  VOWEL_STEM_ENDINGS[primarySubtag(lang)]

/** The endings of a language (BCP 47; the primary subtag decides). */
export const endingsFor = (lang: string): readonly string[] => {
  const primary = primarySubtag(lang)
  return ENDINGS[primary] ?? ENDINGS.en ?? []
}

/** True for languages with English stem changes (e-dropping, y → i). */
export const hasEnglishStems = (lang: string): boolean => {
  const primary = primarySubtag(lang)
  return primary === 'en' || primary === 'und'
}

/**
 * The regular plural of one word of French, Spanish, Portuguese or Italian, spelled as the normalizer spells
 * it (lower case, no accents), or the word itself where the rules leave it alone (a word already ending in
 * `s` or `x`, an Italian `i`) or the language has none here. Regular rules only: an irregular noun gets the
 * regular form (Italian `video` → `videi`), a pattern nobody types, never a false positive. Part of the
 * compile semantics: a change here bumps `ENGINE_VERSION`.
 */
export const pluralOf = (word: string, lang: string): string => {
  const primary = primarySubtag(lang)
  const n = word.length
  const last = word[n - 1]
  const ends = (suffix: string) => word.endsWith(suffix)
  const cut = (k: number, add: string) => word.slice(0, n - k) + add
  if (n < 2) return word
  switch (primary) {
    case 'fr':
      if ('sxz'.includes(last!)) return word
      if (ends('al')) return cut(2, 'aux')
      if (ends('au') || ends('eu')) return `${word}x`
      return `${word}s`
    case 'es':
      if ('sx'.includes(last!)) return word
      if ('aeiou'.includes(last!)) return `${word}s`
      if (last === 'z') return cut(1, 'ces')
      return `${word}es`
    case 'pt':
      if ('sx'.includes(last!)) return word
      if (ends('ao')) return cut(2, 'oes')
      if ('aeiou'.includes(last!)) return `${word}s`
      if (last === 'm') return cut(1, 'ns')
      if (ends('il')) return cut(1, 's')
      if (last === 'l') return cut(1, 'is')
      if (last === 'r' || last === 'z') return `${word}es`
      return `${word}s`
    case 'it':
      if (ends('ico')) return cut(1, 'i')
      if (ends('co') || ends('go')) return cut(1, 'hi')
      if (ends('ca') || ends('ga')) return cut(1, 'he')
      if (ends('io')) return cut(1, '')
      if (last === 'a') return cut(1, 'e')
      if (last === 'o' || last === 'e') return cut(1, 'i')
      return word
    default:
      return word
  }
}

/**
 * Prepositions, articles and conjunctions that end a noun phrase's head (`papel` | `de parede`), as the
 * normalizer spells them (an elided `d'` or `l'` is a word of one letter).
 */
const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  fr: new Set([
    'a',
    'au',
    'aux',
    'avec',
    'd',
    'dans',
    'de',
    'des',
    'du',
    'en',
    'entre',
    'et',
    'l',
    'la',
    'le',
    'les',
    'par',
    'pour',
    'sans',
    'sur',
  ]),
  es: new Set([
    'a',
    'al',
    'con',
    'de',
    'del',
    'el',
    'en',
    'entre',
    'la',
    'las',
    'los',
    'para',
    'por',
    'sin',
    'sobre',
    'y',
  ]),
  pt: new Set([
    'a',
    'ao',
    'com',
    'da',
    'das',
    'de',
    'do',
    'dos',
    'e',
    'em',
    'entre',
    'na',
    'nas',
    'no',
    'nos',
    'para',
    'por',
    'sem',
    'sobre',
  ]),
  it: new Set([
    'a',
    'al',
    'con',
    'da',
    'degli',
    'dei',
    'del',
    'della',
    'delle',
    'di',
    'e',
    'fra',
    'in',
    'per',
    'su',
    'sui',
    'sul',
    'sulla',
    'tra',
  ]),
}

/** True for the languages whose phrases {@link pluralPhrase} puts in the plural. */
export const hasPluralRules = (lang: string): boolean =>
  FUNCTION_WORDS[primarySubtag(lang)] !== undefined

/**
 * A multi-word term with its head in the plural, as French, Spanish, Portuguese and Italian make it agree
 * (`elefante rosso` → `elefanti rossi`, `papel de parede` → `papeis de parede`): every word before the first
 * function word is put in the plural, the complement after it is left as it is. `undefined` when nothing
 * changes (one word, a language without these rules, a head already plural).
 */
export const pluralPhrase = (
  words: readonly string[],
  lang: string,
): readonly string[] | undefined => {
  const functionWords = FUNCTION_WORDS[primarySubtag(lang)]
  if (words.length < 2 || functionWords === undefined) return undefined
  let changed = false
  let head = true
  const out = words.map((w) => {
    if (functionWords.has(w)) head = false
    if (!head) return w
    const plural = pluralOf(w, lang)
    if (plural !== w) changed = true
    return plural
  })
  return changed ? out : undefined
}

/** The tables above as one string: part of every snapshot version, so a change of them invalidates caches. */
export const INFLECTIONS_FINGERPRINT = JSON.stringify([
  Object.entries(FUNCTION_WORDS).map(([lang, words]) => [lang, [...words]]),
  ENDINGS,
  VOWEL_STEM_ENDINGS,
  E_DROP_ENDINGS,
  Y_TO_I_ENDINGS,
])
