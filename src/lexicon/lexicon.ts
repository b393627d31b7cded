/**
 * @module lexicon/lexicon
 * Ordinary words of the supported languages, from maintained hunspell dictionaries (the npm `dictionary-*`
 * packages) expanded with their affix rules, or from word lists that operators supply. The engine never
 * holds the whole lexicon while searching: when a term list is compiled, the words that contain a term
 * (other than as an inflection of it) become *exception words*, and only those stay in memory.
 *
 * Words are kept in their *spelling* form: normalized like queries (case, accents, look-alikes), with runs
 * of a repeated letter capped at two (`coffee` stays `coffee`, `cooool` becomes `cool`).
 */

import { normalizeInto } from '../normalize/normalize.js'
import { UNIT_BOUNDARY, Units } from '../normalize/units.js'

/** One dictionary root and its forms (the root's inflections), all in spelling form. */
export interface LexiconGroup {
  readonly root: string
  readonly forms: readonly string[]
  /** The language of the dictionary the group comes from, when known. */
  readonly lang?: string
}

/** A lexicon of ordinary words. `id` changes whenever the words do; compiled snapshots are keyed by it. */
export interface Lexicon {
  readonly id: string
  /** Languages it covers (BCP 47), for documentation and lint messages. */
  readonly languages: readonly string[]
  groups(): Iterable<LexiconGroup>
}

const scratch = new Units()
const PLAIN = /^[a-z]+$/

/**
 * The spelling form of one word, or `undefined` when it is not a single word of letters (`x-ray`, `3d`).
 * Cost: a short loop for plain lower-case ASCII words, one normalization (no allocation) otherwise.
 */
export const spellWord = (word: string): string | undefined => {
  if (PLAIN.test(word)) {
    // runs capped at two, as normalization would
    let s = ''
    for (let i = 0; i < word.length; i++) {
      const ch = word[i]!
      if (i >= 2 && ch === word[i - 1] && ch === word[i - 2]) continue
      s += ch
    }
    return s
  }
  const units = normalizeInto(scratch, word)
  if (units.length === 0) return undefined
  let s = ''
  for (let i = 0; i < units.length; i++) {
    if (i > 0 && units.flags[i]! & UNIT_BOUNDARY) return undefined
    const c = units.raw[i]!
    if (c >= 48 && c <= 57) return undefined
    const ch = String.fromCodePoint(units.c0[i]!)
    s += units.run[i]! > 1 ? ch + ch : ch
  }
  return s
}

/** A lexicon made from plain word lists (one word per entry); each word is its own root. */
export const lexiconFromWords = (
  id: string,
  languages: readonly string[],
  words: Iterable<string>,
) => {
  const groups: LexiconGroup[] = []
  const seen = new Set<string>()
  for (const w of words) {
    const s = spellWord(w)
    if (s === undefined || seen.has(s)) continue
    seen.add(s)
    groups.push({ root: s, forms: [s], ...(languages[0] ? { lang: languages[0] } : {}) })
  }
  const lexicon: Lexicon = { id, languages, groups: () => groups }
  return lexicon
}

/** Several lexicons as one; its id combines theirs. */
export const combineLexicons = (lexicons: readonly Lexicon[]): Lexicon => ({
  id: lexicons.map((l) => l.id).join('+') || 'none',
  languages: [...new Set(lexicons.flatMap((l) => l.languages))],
  *groups() {
    for (const l of lexicons) yield* l.groups()
  },
})

/** The empty lexicon: no word is ordinary, every occurrence inside a word counts (compound mode). */
export const EMPTY_LEXICON: Lexicon = { id: 'none', languages: [], groups: () => [] }
