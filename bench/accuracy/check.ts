/**
 * @module bench/accuracy/check
 * A deliberately over-eager "could this be read as a term?" check, used only by the corpus
 * generator to keep benign queries clean: a benign query is kept only when the places where it
 * could be read as a term are exactly the ones its class is about (the term inside `cartoon`,
 * across `music artist`, or squeezed out of `dessert`) and no others. It folds width, case,
 * accents, invisible characters, look-alike letters in mixed-script tokens and leetspeak (both
 * readings of `1` and `|`), then drops everything but letters, so word breaks are ignored too.
 */
import type { Term } from './types.js'

/** Cyrillic and Greek letters that look like Latin ones. */
export const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ѕ: 's',
  ј: 'j',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
}

const LEET: Readonly<Record<string, string>> = {
  '4': 'a',
  '@': 'a',
  '3': 'e',
  '0': 'o',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '9': 'g',
  '8': 'b',
  '!': 'i',
}

/** Maps look-alike letters to Latin in tokens that mix Latin with Cyrillic or Greek. */
function foldMixedScript(token: string): string {
  const latin = /\p{Script=Latin}/u.test(token)
  const other = /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(token)
  if (!latin || !other) return token
  return [...token].map((c) => CONFUSABLES[c] ?? c).join('')
}

/** Width, case, accents, invisibles and mixed-script look-alikes folded; spaces kept. */
export function foldText(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase()
  const tokens = nfkc.split(/\s+/u).map(foldMixedScript)
  return tokens
    .join(' ')
    .normalize('NFD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
}

/** The letters-only readings of a text (one per reading of `1` and `|`). */
export function skeletons(text: string): string[] {
  const folded = [...foldText(text)].map((c) => LEET[c] ?? c).join('')
  const readings = new Set([folded.replace(/[1|]/g, 'i'), folded.replace(/[1|]/g, 'l')])
  return [...readings].map((r) => r.replace(/[^\p{L}]/gu, ''))
}

/** Collapses runs of a repeated letter (`dessert` → `desert`). */
export function squeeze(text: string): string {
  return text.replace(/(.)\1+/gu, '$1')
}

/** Non-overlapping occurrences of `needle` in `hay`. */
function countIn(hay: string, needle: string): number {
  let n = 0
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++
  return n
}

/**
 * The letter strings that read as a term: its letters, and for a term ending in `e` its
 * e-dropping `-ing` form too (`tale` is in `vertaling`, read as `tal` + `ing`).
 */
function needles(t: Term): string[] {
  const letters = t.words.join('')
  return letters.endsWith('e') ? [letters, `${letters.slice(0, -1)}ing`] : [letters]
}

/** Which readings `termReadings` counts: as written, with repeats squeezed, or the larger. */
export type ReadingMode = 'plain' | 'squeezed' | 'both'

/**
 * How many times any term can be read in `text`, taking the reading with most (`both`: plain or
 * with repeated letters squeezed, on text and term alike).
 */
export function termReadings(text: string, terms: readonly Term[], mode: ReadingMode = 'both') {
  let best = 0
  const squeezes = mode === 'both' ? [false, true] : [mode === 'squeezed']
  for (const sk of skeletons(text)) {
    for (const squeezed of squeezes) {
      const hay = squeezed ? squeeze(sk) : sk
      let n = 0
      for (const t of terms) {
        for (const needle of needles(t)) n += countIn(hay, squeezed ? squeeze(needle) : needle)
      }
      best = Math.max(best, n)
    }
  }
  return best
}
