/**
 * @module termlist/compile
 * Term list → immutable, versioned snapshot that judges texts. Compiling:
 *
 * 1. normalizes every term and exception with the same function as queries, into a *skeleton* (primary
 *    readings, repeated letters squeezed, separators removed) with its word breaks and run lengths;
 * 2. adds stem patterns for stem changes (`purpl` + `ing`, `pomodor` + `i`) and, for a deterred French,
 *    Spanish, Portuguese or Italian phrase, the phrase with its head in the plural (`elefanti rossi`);
 * 3. builds one Aho-Corasick automaton over all patterns;
 * 4. scans the lexicon for ordinary words that contain a term or a word of a multi-word term, other than as
 *    an inflection of it: they become *exception words*, the only part of the lexicon kept in memory. This
 *    step is the expensive one; its result is cached by content (list text, lexicon id, engine version).
 *
 * The snapshot's version is a content hash: the same list and lexicon always give the same version.
 */

import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex } from '@noble/hashes/utils'
import { TermListError, type TermListProblem } from '../errors.js'
import { EMPTY_LEXICON, type Lexicon } from '../lexicon/lexicon.js'
import { findAgeExpressions } from '../match/age.js'
import {
  type Automaton,
  type AutomatonOptions,
  buildAutomaton,
  type FlatPatterns,
} from '../match/automaton.js'
import {
  type ExceptionWords,
  MATCH_MODES,
  type MatchMode,
  type PatternSpec,
  type PatternTable,
  resolveCandidates,
} from '../match/modes.js'
import { PRESCAN_CLEAR, type Prescanner, prescan, prescanner } from '../match/prescan.js'
import { type Candidate, scanMasks, scanUnits } from '../match/scan.js'
import { NORMALIZER_VERSION } from '../normalize/index.js'
import { normalizeInto } from '../normalize/normalize.js'
import { UNIT_BOUNDARY, UNIT_MASK, UNIT_UNSPACED, Units } from '../normalize/units.js'
import { decide, type PolicyEntry, type PolicyRule, type Verdict } from '../policy/index.js'
import {
  E_DROP_ENDINGS,
  endingsFor,
  hasEnglishStems,
  hasPluralRules,
  INFLECTIONS_FINGERPRINT,
  pluralPhrase,
  primarySubtag,
  vowelStemEndings,
  Y_TO_I_ENDINGS,
} from './inflections.js'
import type { TermListSource } from './source.js'

/**
 * Bumped when compiling or matching changes what a snapshot matches: part of every version and cache key
 * (with the normalizer's version and the inflection tables).
 */
export const ENGINE_VERSION = 15

/** Where computed exception words are cached between compiles (a folder, a KV store, …). */
export interface ExceptionCache {
  get(key: string): readonly string[] | undefined
  set(key: string, words: readonly string[]): void
}

/** Options of {@link compileTermList}. */
export interface CompileOptions {
  /** Ordinary words; without one, every occurrence inside a joined token counts (default: none). */
  readonly lexicon?: Lexicon
  /** Cache for the lexicon scan, keyed by content. */
  readonly exceptionCache?: ExceptionCache
  /** Terms with at least this many letters (after squeezing) also match with one masked letter. Default 5. */
  readonly minMaskedLength?: number
  /** Automaton build options. */
  readonly automaton?: AutomatonOptions
}

/** A term as compiled: skeleton and word structure. */
export interface Skeleton {
  readonly codes: Int32Array
  readonly runs: Uint16Array
  readonly breaks: ReadonlySet<number>
  readonly unspaced: boolean
}

/** A word of a skeleton, as skeleton offsets (see {@link spellingOf}). */
export interface SkeletonWord {
  readonly start: number
  readonly end: number
}

/** The words of a skeleton: the runs of units between its word breaks. */
export const wordsOf = (sk: Pick<Skeleton, 'codes' | 'breaks'>): SkeletonWord[] => {
  const words: SkeletonWord[] = []
  let start = 0
  for (const b of [...sk.breaks].sort((x, y) => x - y)) {
    words.push({ start, end: b })
    start = b
  }
  if (sk.codes.length > 0) words.push({ start, end: sk.codes.length })
  return words
}

/** The spelling of a word of a skeleton (runs capped at two), as the lexicon writes words. */
export const spellingOf = (
  sk: Pick<Skeleton, 'codes' | 'runs'>,
  word: SkeletonWord = { start: 0, end: sk.codes.length },
): string => {
  let spelling = ''
  for (let i = word.start; i < word.end; i++) {
    const ch = String.fromCodePoint(sk.codes[i]!)
    spelling += sk.runs[i]! > 1 ? ch + ch : ch
  }
  return spelling
}

/** A stem of a term: the term less the letter its inflections change, and the endings that follow it. */
export interface Stem {
  readonly codes: Int32Array
  readonly runs: Uint16Array
  readonly endings: readonly string[]
}

const VOWELS = new Set([0x61, 0x65, 0x69, 0x6f, 0x75])

/**
 * The stems of a term: English drops a final `e` (`purpl` + `ing`) or turns `y` into `i` (`puppi` + `es`);
 * Italian, Spanish and Portuguese change a final vowel (`pomodor` + `i`). Terms of at least 4 (English)
 * or 5 letters whose last letter is single; none for scripts without spaces.
 */
export const stemsOf = (sk: Skeleton, lang: string): Stem[] => {
  const n = sk.codes.length
  if (sk.unspaced || n < 4 || sk.runs[n - 1] !== 1) return []
  const last = sk.codes[n - 1]!
  if (hasEnglishStems(lang)) {
    if (last === 0x65) {
      return [
        {
          codes: sk.codes.subarray(0, n - 1),
          runs: sk.runs.subarray(0, n - 1),
          endings: E_DROP_ENDINGS,
        },
      ]
    }
    if (last !== 0x79) return []
    const codes = sk.codes.slice()
    codes[n - 1] = 0x69
    return [{ codes, runs: sk.runs, endings: Y_TO_I_ENDINGS }]
  }
  const endings = vowelStemEndings(lang)
  if (endings === undefined || n < 5 || !VOWELS.has(last)) return []
  // an ending that starts with the stem's last letter would squeeze into it (`farmaci` + `i`)
  const before = String.fromCodePoint(sk.codes[n - 2]!)
  return [
    {
      codes: sk.codes.subarray(0, n - 1),
      runs: sk.runs.subarray(0, n - 1),
      endings: endings.filter((e) => e[0] !== before),
    },
  ]
}

/** An elided article or preposition (`d'`, `l'`, `dell'`): a word of its own for the plural's head. */
const ELISION = /(\p{L})['\u2019\u02bc](?=\p{L})/gu

/**
 * The skeleton of a multi-word term with its head in the plural ({@link pluralPhrase}), or `undefined` when
 * the plural changes nothing. An elided word ends the head like any function word (`maison d'ami`). Letters
 * doubled by an ending squeeze into one unit, as the normalizer reads them.
 */
export const pluralSkeleton = (term: string, lang: string): Skeleton | undefined => {
  // most terms of a large list: no second normalization
  if (!hasPluralRules(lang)) return undefined
  const sk = skeletonOf(term.replace(ELISION, '$1 '))
  if (sk.unspaced) return undefined
  const plural = pluralPhrase(
    wordsOf(sk).map((w) => spellingOf(sk, w)),
    lang,
  )
  if (plural === undefined) return undefined
  const codes: number[] = []
  const runs: number[] = []
  const breaks = new Set<number>()
  for (const word of plural) {
    const start = codes.length
    if (start > 0) breaks.add(start)
    for (const ch of word) {
      const cp = ch.codePointAt(0)!
      if (codes.length > start && codes[codes.length - 1] === cp) runs[runs.length - 1]! += 1
      else {
        codes.push(cp)
        runs.push(1)
      }
    }
  }
  return {
    codes: Int32Array.from(codes),
    runs: Uint16Array.from(runs),
    breaks,
    unspaced: false,
  }
}

const skeletonScratch = new Units()

/** @internal The skeleton of a term or phrase (exported for lint). */
export const skeletonOf = (text: string): Skeleton => {
  const u = normalizeInto(skeletonScratch, text)
  const codes = new Int32Array(u.length)
  const runs = new Uint16Array(u.length)
  let breaks: Set<number> | undefined
  let unspaced = false
  for (let i = 0; i < u.length; i++) {
    if (i > 0 && u.flags[i]! & (UNIT_BOUNDARY | UNIT_MASK)) {
      breaks ??= new Set()
      breaks.add(i)
    }
    codes[i] = u.c0[i]!
    runs[i] = u.run[i]!
    if (u.flags[i]! & UNIT_UNSPACED) unspaced = true
  }
  return { codes, runs, breaks: breaks ?? NO_BREAKS, unspaced }
}

/**
 * The lexicon probes of a term: what an ordinary word must contain to cancel one of its hits. A single-word
 * term anywhere inside the word (`cartoon`); a multi-word term joined, anywhere; its first word at the end of
 * a word (`grandchild` cancels a hit starting inside it) and its last word at the start of one
 * (`materialistic`). A `word`-mode term can only be cancelled by a whole word that squeezes into it (`good`).
 */
export const probesOf = (sk: Skeleton, lang: string, entry: number, mode: MatchMode): Probe[] => {
  const out: Probe[] = []
  if (mode === 'substring') return out
  const whole = spellingOf(sk)
  // the term's stems, so that a word made of a stem and its ending is known as the term
  for (const stem of stemsOf(sk, lang)) {
    out.push({ spelling: spellingOf(stem), lang, entry, where: 'stem', endings: stem.endings })
  }
  if (mode === 'word') {
    out.push({ spelling: whole, lang, entry, where: 'whole' })
    return out
  }
  out.push({ spelling: whole, lang, entry, where: 'inside' })
  const words = wordsOf(sk)
  if (words.length === 1) return out
  const first = words[0]
  const last = words[words.length - 1]
  if (first && first.end - first.start >= 3)
    out.push({ spelling: spellingOf(sk, first), lang, entry, where: 'end' })
  if (last && last.end - last.start >= 3)
    out.push({ spelling: spellingOf(sk, last), lang, entry, where: 'start' })
  return out
}

/** The skeleton with units merged where a word ends and the next starts with the same letter. */
const joinedVariant = (sk: Skeleton): { codes: Int32Array; runs: Uint16Array } | undefined => {
  // a merge happens exactly where a word starts with the letter the one before it ends with; most terms have
  // no such place, and nothing is built for them
  let meets = false
  for (const b of sk.breaks) if (sk.codes[b - 1] === sk.codes[b]) meets = true
  if (!meets) return undefined
  const codes: number[] = []
  const runs: number[] = []
  for (let i = 0; i < sk.codes.length; i++) {
    if (sk.breaks.has(i) && codes[codes.length - 1] === sk.codes[i]) {
      runs[runs.length - 1]! += sk.runs[i]!
      continue
    }
    codes.push(sk.codes[i]!)
    runs.push(sk.runs[i]!)
  }
  if (codes.length === sk.codes.length) return undefined
  return { codes: Int32Array.from(codes), runs: Uint16Array.from(runs) }
}

const squeeze = (s: string): string => s.replace(/(.)\1+/gu, '$1')

/** The language whose inflections a term has: its primary subtag, English for unknown (`und`). */
const primaryLanguage = (lang: string): string => {
  const primary = primarySubtag(lang)
  return primary === 'und' ? 'en' : primary
}

type EndingSets = { readonly spelled: ReadonlySet<string>; readonly squeezed: ReadonlySet<string> }
const endingSetsByLang = new Map<string, EndingSets>()

/** A language's spelled ending set and its squeezed twin, shared by every term of the language. */
const endingSets = (lang: string): EndingSets => {
  let sets = endingSetsByLang.get(lang)
  if (sets === undefined) {
    const spelled = new Set(endingsFor(lang))
    sets = { spelled, squeezed: new Set([...spelled].map(squeeze)) }
    endingSetsByLang.set(lang, sets)
  }
  return sets
}

const stemSuffixSets = new Map<string, ReadonlySet<string>>()

/** The squeezed set of a stem's endings, shared by every stem with the same endings. */
const stemSuffixes = (endings: readonly string[]): ReadonlySet<string> => {
  const key = endings.join(' ')
  let set = stemSuffixSets.get(key)
  if (set === undefined) {
    set = new Set(endings.map(squeeze))
    stemSuffixSets.set(key, set)
  }
  return set
}
/** Most terms are one word: they share one empty set of inner word breaks. */
const NO_BREAKS: ReadonlySet<number> = new Set()
/** No hits, exceptions or ages: shared, so that the common verdict allocates no empty list. */
const NO_HITS: readonly never[] = Object.freeze([])

/** The compiled, immutable form of a term list. Create it with {@link compileTermList}. */
export class TermListSnapshot {
  /** The list's id (`list:` in YAML). */
  readonly listId: string
  /** Content hash of list, lexicon and engine: the `listVersion` of every verdict. */
  readonly version: string
  /** Number of entries (terms, intents, class members). */
  readonly termCount: number
  /** Number of allowed phrases. */
  readonly exceptionCount: number
  /** Number of lexicon words kept as exception words. */
  readonly exceptionWordCount: number
  /** The automaton (for statistics). */
  readonly automaton: Automaton
  /** Id of the lexicon the exception words came from. */
  readonly lexiconId: string

  readonly #specs: PatternTable
  readonly #entries: readonly PolicyEntry[]
  readonly #rules: readonly PolicyRule[]
  readonly #exceptionWords: ExceptionWords
  /** Some rule combines an age expression with a class: ages are read when a class member is hit. */
  readonly #needsAges: boolean
  /** Some rule fires on an age expression alone: ages are read in every query. */
  readonly #agesAlone: boolean
  /** @internal The prescan tables of the automaton (see `match/prescan`). */
  readonly prescanner: Prescanner
  readonly #scratch = new Units()
  /** The verdict of most texts, shared (frozen). */
  readonly #allow: Verdict
  readonly #candidates: Candidate[] = []

  /** @internal Use {@link compileTermList}. */
  constructor(parts: {
    listId: string
    version: string
    automaton: Automaton
    specs: PatternTable
    prescanner: Prescanner
    entries: PolicyEntry[]
    rules: PolicyRule[]
    exceptionWords: ExceptionWords
    exceptionCount: number
    lexiconId: string
  }) {
    this.listId = parts.listId
    this.version = parts.version
    this.automaton = parts.automaton
    this.#specs = parts.specs
    this.prescanner = parts.prescanner
    this.#entries = parts.entries
    this.#rules = parts.rules
    this.#exceptionWords = parts.exceptionWords
    this.termCount = parts.entries.length
    this.exceptionCount = parts.exceptionCount
    this.exceptionWordCount = parts.exceptionWords.size
    this.lexiconId = parts.lexiconId
    const ageRules = parts.rules.filter((r) => r.all.includes('age-under-18'))
    this.#needsAges = ageRules.length > 0
    this.#agesAlone = ageRules.some((r) => r.all.every((c) => c === 'age-under-18'))
    this.#allow = Object.freeze({
      action: 'allow',
      rule: null,
      hits: Object.freeze([]),
      listVersion: this.version,
    })
  }

  /**
   * Judges one text (a query or a suggestion). Never throws: an internal failure yields a `deter` verdict
   * with rule `engine-error` (fail closed: a crafted input must not open a way around the list).
   * Cost: about one table look-up per character for ordinary text.
   */
  judge(text: string): Verdict {
    try {
      if (!this.#agesAlone && prescan(this.prescanner, text) === PRESCAN_CLEAR) return this.#allow
    } catch {
      return this.#engineError()
    }
    return this.judgeFully(text)
  }

  /** @internal {@link judge} without the prescan: the same verdict, always the long way (for tests). */
  judgeFully(text: string): Verdict {
    try {
      const units = normalizeInto(this.#scratch, text)
      const candidates = this.#candidates
      candidates.length = 0
      scanUnits(this.automaton, units, candidates)
      if (units.sites.length > 0) scanMasks(this.automaton, units, candidates)
      const resolved =
        candidates.length === 0
          ? []
          : resolveCandidates(units, candidates, this.#specs, this.#exceptionWords)
      if (resolved.length === 0 && !this.#agesAlone) return this.#allow
      const entries = this.#entries
      const terms = entries.length
      // hits of exception entries (numbered after the terms) are rare: split only when there are some
      let exception = false
      let classHit = false
      for (const h of resolved) {
        if (h.entry >= terms) exception = true
        else if (entries[h.entry]!.className !== undefined) classHit = true
      }
      const hits = exception ? resolved.filter((h) => h.entry < terms) : resolved
      const exceptions = exception ? resolved.filter((h) => h.entry >= terms) : NO_HITS
      // an age expression matters only to a rule, and a combination rule only when one of its classes is hit
      const readAges = this.#agesAlone || (this.#needsAges && classHit)
      const ages = readAges ? findAgeExpressions(units) : NO_HITS
      return decide(entries, this.#rules, this.version, { hits, exceptions, ages })
    } catch {
      return this.#engineError()
    }
  }

  /** Fail closed: a crafted input must not open a way around the list. */
  #engineError(): Verdict {
    return { action: 'deter', rule: 'engine-error', hits: [], listVersion: this.version }
  }
}

/** A word of a term (or a whole multi-word term, joined) looked for in the lexicon. */
export interface Probe {
  readonly spelling: string
  readonly lang: string
  readonly entry: number
  /**
   * Where in an ordinary word the probe must sit to cancel a hit (see {@link probesOf}); `stem`: a stem of
   * the term, which never cancels a hit but marks the word made of it and one of its `endings` as the term.
   */
  readonly where: 'inside' | 'start' | 'end' | 'whole' | 'stem'
  readonly endings?: readonly string[]
}

/**
 * A term at least this long that starts a dictionary word whose rest is itself a dictionary word makes a
 * compound of the term (`elephant` + `house`), never an exception. Shorter terms start ordinary words whose
 * rest is a word by chance (`car` + `pet`, `scar` + `let`).
 */
export const MIN_COMPOUND_HEAD = 6

/** The shortest rest read as the second word of a compound. */
const MIN_COMPOUND_TAIL = 3

/**
 * @internal The lexicon scan: ordinary words that contain a term's word other than as its inflection.
 * Never an exception: a word that is a term of the list or one of its inflections (`elephantine`
 * contains the term `elephant` but may be a term too), nor a compound made of a term and another word of the
 * lexicon (`elephanthouse`: see {@link MIN_COMPOUND_HEAD}). `perEntry[i]` counts the exception words found
 * for entry `i` (for lint). Cost: one automaton pass over every lexicon word, and a second plain pass when
 * some word may be a compound.
 */
export const findExceptionWords = (
  lexicon: Lexicon,
  probes: readonly Probe[],
  entryCount = 0,
): { words: string[]; perEntry: Int32Array } => {
  const perEntry = new Int32Array(entryCount)
  if (probes.length === 0 || lexicon === EMPTY_LEXICON) return { words: [], perEntry }
  const automaton = buildAutomaton(
    probes.map((p) => [...squeeze(p.spelling)].map((c) => c.codePointAt(0)!)),
  )
  const bySpelling = new Set(probes.map((p) => p.spelling))
  const info = probes.map((p) => {
    const spelled = p.endings ? new Set(p.endings) : endingSets(p.lang).spelled
    const s = p.spelling
    return {
      spelling: s,
      lang: primaryLanguage(p.lang),
      /** The form is the probe and one of its endings (a stem needs one). */
      isInflection(form: string): boolean {
        if (!form.startsWith(s)) return false
        const rest = form.slice(s.length)
        if (rest === '') return p.where !== 'stem'
        if (spelled.has(rest)) return true
        // consonant doubling: stop → stopping
        return p.where !== 'stem' && rest[0] === s[s.length - 1] && spelled.has(rest.slice(1))
      },
    }
  })
  // exception words with the entries they cancel; compound candidates with their possible second words
  const found = new Map<string, number[]>()
  const compounds = new Map<string, string[]>()
  // forms known to be a term: another group (the term's own root) may say so after the form was found
  const termForms = new Set<string>()
  const codes = new Int32Array(256)
  for (const group of lexicon.groups()) {
    const ownRoot = bySpelling.has(group.root)
    // a root's forms are inflections of a term spelled like it only in the term's own language (German
    // `starre` is no form of English `star`); a form spelled term + ending is one in any language
    const groupLang = group.lang ?? 'und'
    for (const form of group.forms) {
      if (form.length > 255 || termForms.has(form) || (found.has(form) && !ownRoot)) continue
      // squeeze into code points and run the automaton
      let n = 0
      let prev = -1
      for (const ch of form) {
        const c = ch.codePointAt(0)!
        if (c !== prev) codes[n++] = c
        prev = c
      }
      let s = 0
      // entries for which the form is an exception word; and whether the form is itself a term (or one of
      // its inflections), which no exception may cancel: `elephantine` contains the term
      // `elephant`, and may be a term of the list too
      let exceptionFor: number[] | undefined
      let tails: string[] | undefined
      let isTerm = false
      for (let i = 0; i < n; i++) {
        s = automaton.next(s, automaton.classOf(codes[i]!))
        if (!automaton.hasOutput(s)) continue
        automaton.forEachOutput(s, (p) => {
          const probe = info[p]!
          const where = probes[p]!.where
          const at = i + 1 - automaton.patternLength[p]!
          if (where === 'stem') {
            if (at === 0 && probe.isInflection(form)) isTerm = true
            return
          }
          if ((where === 'start' || where === 'whole') && at !== 0) return
          if (where === 'end' && i + 1 !== n) return
          const wholeTerm = where === 'inside' || where === 'whole'
          const sameLanguage = groupLang === 'und' || probe.lang === groupLang
          if (
            form === probe.spelling || // the term itself, in any language
            // a form of the term's own root, unless a prefix made another word of it (`port` → `report`)
            (sameLanguage && ownRoot && at === 0 && group.root === probe.spelling) ||
            (at === 0 && probe.isInflection(form))
          ) {
            if (wholeTerm) isTerm = true
            return
          }
          exceptionFor ??= []
          exceptionFor.push(probes[p]!.entry)
          const head = probe.spelling
          if (wholeTerm && at === 0 && head.length >= MIN_COMPOUND_HEAD && form.startsWith(head)) {
            const rest = form.slice(head.length)
            tails ??= []
            if (rest.length >= MIN_COMPOUND_TAIL) tails.push(rest)
            // a linking `s` (German, Swedish, Dutch compounds)
            if (rest[0] === 's' && rest.length > MIN_COMPOUND_TAIL) tails.push(rest.slice(1))
          }
        })
      }
      if (isTerm) {
        termForms.add(form)
        found.delete(form)
        compounds.delete(form)
        continue
      }
      if (exceptionFor === undefined) continue
      found.set(form, exceptionFor)
      if (tails !== undefined && tails.length > 0) compounds.set(form, tails)
    }
  }
  if (compounds.size > 0) {
    const wanted = new Set([...compounds.values()].flat())
    const words = new Set<string>()
    for (const group of lexicon.groups()) {
      for (const form of group.forms) if (wanted.has(form)) words.add(form)
    }
    for (const [form, tails] of compounds) if (tails.some((t) => words.has(t))) found.delete(form)
  }
  for (const entries of found.values()) {
    for (const entry of entries) if (entry < entryCount) perEntry[entry]! += 1
  }
  return { words: [...found.keys()].sort(), perEntry }
}

/** Word breaks of a term as a bit mask (terms of up to 31 units; longer ones keep their set). */
class BreakMask {
  constructor(readonly mask: number) {}
  has(offset: number): boolean {
    return offset < 31 && ((this.mask >>> offset) & 1) === 1
  }
}

/** Break masks repeat across a list (every two-word term whose first word has six letters): shared. */
const breakMasks = new Map<number, BreakMask>()

const compactBreaks = (breaks: ReadonlySet<number>): PatternSpec['breaks'] => {
  if (breaks.size === 0) return NO_BREAKS
  let mask = 0
  for (const b of breaks) {
    if (b >= 31) return breaks
    mask |= 1 << b
  }
  let shared = breakMasks.get(mask)
  if (shared === undefined) {
    shared = new BreakMask(mask)
    breakMasks.set(mask, shared)
  }
  return shared
}

const NO_RUNS = new Uint16Array(0)

/**
 * The patterns of a list, with every skeleton and run length in flat arrays: a 100k-term list has ~140k
 * patterns, and one small typed array each would cost ~250 bytes apiece (and keep the garbage collector
 * busy copying them while the list compiles). The automaton is built straight from the flat skeletons; the
 * resolver reads `codes` and `runs` only for candidates, as views.
 */
class PatternStore {
  codes: Int32Array
  starts: Int32Array
  runs = new Uint16Array(256)
  count = 0
  #codeLength = 0
  #runLength = 0
  // one column per field: no object per pattern until the resolver asks for one (see `at`)
  #entry: Int32Array
  #runsAt: Int32Array
  #mode: Uint8Array
  #flags: Uint8Array
  readonly #breaks: PatternSpec['breaks'][] = []
  readonly #suffixes: ReadonlySet<string>[] = []
  #made: (PatternSpec | undefined)[] = []

  /** Sized for `letters` code units over `entries` entries (about what a list needs: fewer regrowths). */
  constructor(letters: number, entries: number) {
    this.codes = new Int32Array(Math.max(1024, Math.ceil(letters * 1.5)))
    const patterns = Math.max(256, entries * 2)
    this.starts = new Int32Array(patterns + 1)
    this.#entry = new Int32Array(patterns)
    this.#runsAt = new Int32Array(patterns)
    this.#mode = new Uint8Array(patterns)
    this.#flags = new Uint8Array(patterns)
  }

  add(codes: ArrayLike<number>, spec: Omit<PatternSpec, 'codes'>): void {
    const at = this.#codeLength
    const n = codes.length
    const i = this.count
    this.codes = ensure(this.codes, at + n)
    for (let k = 0; k < n; k++) this.codes[at + k] = codes[k]!
    this.#codeLength += n
    this.starts = ensure(this.starts, i + 2)
    this.#entry = ensure(this.#entry, i + 1)
    this.#runsAt = ensure(this.#runsAt, i + 1)
    this.#mode = ensure(this.#mode, i + 1)
    this.#flags = ensure(this.#flags, i + 1)
    this.starts[i] = at
    this.starts[i + 1] = this.#codeLength
    let runsAt = -1
    const runs = spec.runs
    for (let k = 0; k < runs.length; k++) {
      if (runs[k] === 1) continue
      runsAt = this.#runLength
      this.runs = ensure(this.runs, runsAt + n)
      for (let j = 0; j < n; j++) this.runs[runsAt + j] = runs[j] ?? 1
      this.#runLength += n
      break
    }
    this.#entry[i] = spec.entry
    this.#runsAt[i] = runsAt
    this.#mode[i] = MATCH_MODES.indexOf(spec.mode)
    this.#flags[i] = (spec.stem ? 1 : 0) | (spec.maskable ? 2 : 0) | (spec.strictRuns ? 4 : 0)
    this.#breaks.push(spec.breaks)
    this.#suffixes.push(spec.suffixes)
    this.count = i + 1
  }

  /** The endings stem pattern `i` needs (see `match/prescan`), or `undefined` when it is no stem. */
  stemEndings(i: number): ReadonlySet<string> | undefined {
    return (this.#flags[i]! & 1) === 1 ? this.#suffixes[i] : undefined
  }

  /** Trims the arrays to their content; call once, after the last `add`. */
  finish(): FlatPatterns {
    this.codes = this.codes.slice(0, this.#codeLength)
    this.starts = this.starts.slice(0, this.count + 1)
    this.runs = this.runs.slice(0, this.#runLength)
    this.#made = new Array<PatternSpec | undefined>(this.count)
    return { codes: this.codes, starts: this.starts }
  }

  /** Pattern `i` as the resolver reads it, made on first use (only patterns that occur ever are). */
  at(i: number): PatternSpec | undefined {
    if (i < 0 || i >= this.count) return undefined
    let spec = this.#made[i]
    if (spec === undefined) {
      const at = this.starts[i]!
      const end = this.starts[i + 1]!
      const runsAt = this.#runsAt[i]!
      const flags = this.#flags[i]!
      spec = {
        entry: this.#entry[i]!,
        mode: MATCH_MODES[this.#mode[i]!]!,
        codes: this.codes.subarray(at, end),
        runs: runsAt < 0 ? NO_RUNS : this.runs.subarray(runsAt, runsAt + end - at),
        breaks: this.#breaks[i]!,
        suffixes: this.#suffixes[i]!,
        stem: (flags & 1) !== 0,
        maskable: (flags & 2) !== 0,
        strictRuns: (flags & 4) !== 0,
      }
      this.#made[i] = spec
    }
    return spec
  }
}

/** `array`, or a copy at least `size` long. */
const ensure = <T extends Int32Array | Uint16Array | Uint8Array>(array: T, size: number): T => {
  if (size <= array.length) return array
  const grown = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2))
  grown.set(array)
  return grown
}

/**
 * Compiles a parsed term list into a snapshot. Throws a {@link TermListError} (with `file:line`) when an
 * entry normalizes to nothing or a rule names an unknown class; a bad list never yields a snapshot.
 * Cost: linear in the list for the automaton; the lexicon scan reads every lexicon word once (cached).
 */
export const compileTermList = (
  source: TermListSource,
  options: CompileOptions = {},
): TermListSnapshot => {
  const lexicon = options.lexicon ?? EMPTY_LEXICON
  const minMasked = options.minMaskedLength ?? 5
  const problems: TermListProblem[] = []
  const problem = (line: number, message: string) =>
    problems.push({ file: source.file, line, message })

  if (source.terms.length === 0) problem(1, 'the list has no terms')
  const classes = new Set([...source.classes.keys(), 'age-under-18'])
  for (const rule of source.rules) {
    for (const c of rule.all)
      if (!classes.has(c)) problem(rule.line, `rule "${rule.id}" names unknown class "${c}"`)
  }
  const ids = new Map<string, number>()
  for (const e of [...source.terms, ...source.exceptions]) {
    const first = ids.get(e.id)
    if (first !== undefined && source.format === 'yaml') {
      problem(e.line, `duplicate id "${e.id}" (first on line ${first})`)
    }
    ids.set(e.id, e.line)
  }

  let letters = 0
  for (const t of source.terms) letters += t.term.length
  for (const x of source.exceptions) letters += x.phrase.length
  const store = new PatternStore(letters, source.terms.length + source.exceptions.length)
  const probes: Probe[] = []

  source.terms.forEach((t, entry) => {
    const sk = skeletonOf(t.term)
    if (sk.codes.length === 0) {
      problem(t.line, `term "${t.id}" has no letters after normalization`)
      return
    }
    const mode = sk.unspaced ? 'substring' : t.match
    const { squeezed } = endingSets(t.lang)
    const breaks = compactBreaks(sk.breaks)
    const strictRuns = sk.codes.length <= 3
    // one object shape for every pattern (no spreads: this runs once per pattern of a 100k-term list)
    const add = (
      codes: Int32Array,
      runs: ArrayLike<number>,
      patternBreaks: PatternSpec['breaks'],
      suffixes: ReadonlySet<string>,
      stem: boolean,
    ) =>
      store.add(codes, {
        entry,
        mode,
        runs,
        breaks: patternBreaks,
        suffixes,
        stem,
        maskable: codes.length >= minMasked,
        strictRuns,
      })
    add(sk.codes, sk.runs, breaks, squeezed, false)
    // written joined, words that meet on the same letter squeeze into one unit (`purpleelephant`)
    const joined = joinedVariant(sk)
    if (joined) add(joined.codes, joined.runs, NO_BREAKS, squeezed, false)
    for (const stem of stemsOf(sk, t.lang)) {
      add(stem.codes, stem.runs, breaks, stemSuffixes(stem.endings), true)
    }
    // a deterred phrase with its head in the plural (`elefanti rossi`); intents are sentences, left alone
    const plural = t.action === 'deter' ? pluralSkeleton(t.term, t.lang) : undefined
    if (plural) {
      add(plural.codes, plural.runs, compactBreaks(plural.breaks), squeezed, false)
      const joinedPlural = joinedVariant(plural)
      if (joinedPlural) add(joinedPlural.codes, joinedPlural.runs, NO_BREAKS, squeezed, false)
    }
    if (!sk.unspaced && lexicon !== EMPTY_LEXICON) {
      probes.push(...probesOf(sk, t.lang, entry, mode))
      if (plural) probes.push(...probesOf(plural, t.lang, entry, mode))
    }
  })
  const termCount = source.terms.length
  source.exceptions.forEach((x, i) => {
    const sk = skeletonOf(x.phrase)
    if (sk.codes.length === 0) {
      problem(x.line, `exception "${x.id}" has no letters after normalization`)
      return
    }
    store.add(sk.codes, {
      entry: termCount + i,
      mode: sk.unspaced ? 'substring' : 'word',
      runs: sk.runs,
      breaks: compactBreaks(sk.breaks),
      suffixes: endingSets(x.lang).squeezed,
      stem: false,
      maskable: false,
      strictRuns: false,
    })
  })
  if (problems.length > 0) throw new TermListError('term-list-schema', problems)

  // a pure-JS SHA-256 (no `node:crypto`): compiling works in every runtime the middleware runs in
  const hash = sha256.create()
  hash.update(`engine ${ENGINE_VERSION} normalizer ${NORMALIZER_VERSION}\n`)
  hash.update(`inflections ${INFLECTIONS_FINGERPRINT}\n`)
  hash.update(`lexicon ${lexicon.id}\n`)
  hash.update(source.text)
  const version = bytesToHex(hash.digest()).slice(0, 16)

  const cacheKey = `exceptions-${version}`
  let words = options.exceptionCache?.get(cacheKey)
  if (words === undefined) {
    words = findExceptionWords(lexicon, probes).words
    options.exceptionCache?.set(cacheKey, words)
  }

  const entries: PolicyEntry[] = source.terms.map((t) => ({
    id: t.id,
    category: t.category,
    action: t.action,
    ...(t.className === undefined ? {} : { className: t.className }),
  }))
  const rules: PolicyRule[] = source.rules.map((r) => ({
    id: r.id,
    all: r.all,
    action: r.action,
    category: r.category,
  }))
  const automaton = buildAutomaton(store.finish(), options.automaton)
  return new TermListSnapshot({
    listId: source.listId,
    version,
    automaton,
    specs: store,
    prescanner: prescanner(automaton, (p) => store.stemEndings(p)),
    entries,
    rules,
    exceptionWords: new Set(words),
    exceptionCount: source.exceptions.length,
    lexiconId: lexicon.id,
  })
}
