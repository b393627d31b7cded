/**
 * @module normalize/normalize
 * Text → canonical units with a map back to the original offsets. Three passes over a bounded input:
 *
 * 1. characters: each code point is folded on its own (NFKC, case folding, diacritics, Latin look-alikes);
 *    invisible characters vanish without breaking the word, combining marks are dropped into the character
 *    before them. Folding one code point at a time keeps the cost linear: NFKC never sees a run of marks.
 * 2. words: each run of non-space characters is read as a word: leetspeak symbols between letters, joiners
 *    (`don't`), a single mask placeholder between letters (`purp*e`), camelCase changes.
 * 3. per word: look-alike letters of other scripts are folded to Latin only when the word also has Latin
 *    letters; digits get letter readings only when the word has letters; runs of one letter are squeezed
 *    into one unit that remembers its run length.
 */

import { foldCodePoint, isMark } from './fold.js'
import {
  isInvisible,
  isRegionalIndicator,
  isUnspacedScript,
  LEET_READINGS,
  MASK_PLACEHOLDERS,
  SCRIPT_CONFUSABLES,
  WORD_JOINERS,
} from './tables.js'
import {
  NONE,
  UNIT_BOUNDARY,
  UNIT_CAMEL,
  UNIT_DIGIT,
  UNIT_LETTERED,
  UNIT_MASK,
  UNIT_UNSPACED,
  Units,
} from './units.js'

/** Characters beyond this many UTF-16 units are not read (the middleware rejects longer queries first). */
export const DEFAULT_MAX_LENGTH = 4096

const K_SEP = 0
const K_LETTER = 1
const K_DIGIT = 2
const K_LEET = 3
const K_PLACE = 4
const K_JOIN = 5

const R_UPPER = 1
const R_UNSPACED = 2
const R_LETTERED = 4

const ASCII_KIND = new Uint8Array(128)
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c)
  if (/[a-zA-Z]/.test(ch)) ASCII_KIND[c] = K_LETTER
  else if (/[0-9]/.test(ch)) ASCII_KIND[c] = K_DIGIT
  else if (LEET_READINGS.has(c)) ASCII_KIND[c] = K_LEET
  else if (MASK_PLACEHOLDERS.has(c)) ASCII_KIND[c] = K_PLACE
  else if (WORD_JOINERS.has(c)) ASCII_KIND[c] = K_JOIN
}

/** Characters with several letter readings (`1` → i or l): never squeezed, each may read differently. */
const AMBIGUOUS: ReadonlySet<number> = new Set(
  [...LEET_READINGS]
    .filter(([, r]) => r.filter((c) => c >= 97 && c <= 122).length > 1)
    .map(([c]) => c),
)

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u

interface CodePointMeta {
  readonly mark: boolean
  /** The Latin letter the character as written looks like, or NONE. */
  readonly look: number
  readonly folded: readonly number[]
  readonly kinds: readonly number[]
  readonly flags: number
}
const metaCache = new Map<number, CodePointMeta>()

const kindOf = (c: number): number => {
  if (c < 128) return ASCII_KIND[c]!
  if (LEET_READINGS.has(c)) return K_LEET
  if (WORD_JOINERS.has(c)) return K_JOIN
  if (isRegionalIndicator(c)) return K_SEP
  return LETTER_OR_NUMBER.test(String.fromCodePoint(c)) ? K_LETTER : K_SEP
}

const metaOf = (c: number): CodePointMeta => {
  let m = metaCache.get(c)
  if (m !== undefined) return m
  const ch = String.fromCodePoint(c)
  const mark = isMark(c)
  const folded = mark || isRegionalIndicator(c) ? [] : foldCodePoint(c)
  const kinds = isRegionalIndicator(c) ? [K_SEP] : folded.map(kindOf)
  const upper = ch !== ch.toLowerCase() ? R_UPPER : 0
  const look = SCRIPT_CONFUSABLES.get(c) ?? NONE
  m = { mark, look, folded, kinds, flags: upper | (isUnspacedScript(c) ? R_UNSPACED : 0) }
  if (metaCache.size < 65_536) metaCache.set(c, m)
  return m
}

/** Scratch arrays for the character pass, reused between calls. */
class Chars {
  length = 0
  cp = new Int32Array(64)
  start = new Uint32Array(64)
  end = new Uint32Array(64)
  kind = new Uint8Array(64)
  flags = new Uint8Array(64)
  role = new Uint8Array(64)
  look = new Int32Array(64)

  reserve(n: number): void {
    if (n <= this.cp.length) return
    let size = this.cp.length
    while (size < n) size *= 2
    this.cp = new Int32Array(size)
    this.start = new Uint32Array(size)
    this.end = new Uint32Array(size)
    this.kind = new Uint8Array(size)
    this.flags = new Uint8Array(size)
    this.role = new Uint8Array(size)
    this.look = new Int32Array(size)
  }

  push(cp: number, start: number, end: number, kind: number, flags: number, look = NONE): void {
    const n = this.length
    if (n === this.cp.length) this.grow()
    this.cp[n] = cp
    this.start[n] = start
    this.end[n] = end
    this.kind[n] = kind
    this.flags[n] = flags
    this.look[n] = look
    this.length = n + 1
  }

  private grow(): void {
    const old = { ...this }
    const size = this.cp.length * 2
    this.cp = new Int32Array(size)
    this.start = new Uint32Array(size)
    this.end = new Uint32Array(size)
    this.kind = new Uint8Array(size)
    this.flags = new Uint8Array(size)
    this.role = new Uint8Array(size)
    this.look = new Int32Array(size)
    this.cp.set(old.cp)
    this.look.set(old.look)
    this.start.set(old.start)
    this.end.set(old.end)
    this.kind.set(old.kind)
    this.flags.set(old.flags)
  }
}

/** Pass 1: code points → folded characters with their original spans. */
const readChars = (text: string, chars: Chars): void => {
  chars.length = 0
  chars.reserve(text.length + 8)
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i)
    if (c < 128) {
      const kind = ASCII_KIND[c]!
      const upper = c >= 65 && c <= 90
      chars.push(upper ? c | 0x20 : c, i, i + 1, kind, upper ? R_UPPER : 0)
      i++
      continue
    }
    const cp = text.codePointAt(i) ?? c
    const width = cp > 0xffff ? 2 : 1
    if (cp >= 0xd800 && cp <= 0xdfff) {
      // a lone surrogate is no character: it separates like punctuation
      chars.push(32, i, i + 1, K_SEP, 0)
    } else if (!isInvisible(cp)) {
      const m = metaOf(cp)
      if (m.mark) {
        const last = chars.length - 1
        if (last >= 0 && chars.kind[last] !== K_SEP && chars.end[last] === i)
          chars.end[last] = i + width
      } else {
        for (let k = 0; k < m.folded.length; k++) {
          chars.push(
            m.folded[k]!,
            i,
            i + width,
            m.kinds[k]!,
            m.flags,
            m.folded.length === 1 ? m.look : NONE,
          )
        }
      }
    }
    i += width
  }
}

const ROLE_SEP = 0
const ROLE_WORD = 1
const ROLE_SKIP = 2
const ROLE_MASK = 3
const ROLE_TRAIL = 4
/** `+` between words: a separator that may also be a `t` (`purple+elephant`, `p0r+`). */
const ROLE_ALT = 5
const ROLE_ALT_TRAIL = 6

const PLUS = 0x2b
const isWordKind = (k: number): boolean => k === K_LETTER || k === K_DIGIT || k === K_LEET
/** Word characters and mask placeholders: what may stand next to a leetspeak symbol inside a word. */
const isWordish = (k: number): boolean => isWordKind(k) || k === K_PLACE

/** Leet symbols that may end a word (`bo$$`, `kett|e`); `!` and `@` at a word's end are punctuation. */
const TRAILING_LEET = new Set([0x24, 0x7c, 0x20ac])

const leetRole = (chars: Chars, i: number, a: number, b: number, hasLetter: boolean): number => {
  const { kind, cp } = chars
  const prev = i > a ? kind[i - 1]! : K_SEP
  const next = i + 1 < b ? kind[i + 1]! : K_SEP
  if (cp[i] === PLUS) {
    if (prev === K_LETTER && next === K_LETTER) return ROLE_ALT
    if (isWordKind(prev) && next === K_SEP) return ROLE_ALT_TRAIL
  }
  if (!hasLetter) return ROLE_SEP
  if (isWordish(prev) && isWordish(next)) return ROLE_WORD
  if (prev === K_SEP && isWordKind(next)) return ROLE_WORD
  if (next === K_SEP && isWordKind(prev) && TRAILING_LEET.has(cp[i]!)) return ROLE_WORD
  // the first or last letter of letters spaced by placeholders (`|_a_n_t`, `p.h.@.n.+`)
  if (prev === K_SEP && next === K_PLACE && spacedLetter(kind, i + 2, a, b)) return ROLE_WORD
  if (next === K_SEP && prev === K_PLACE && spacedLetter(kind, i - 2, a, b)) return ROLE_WORD
  return ROLE_SEP
}

/** True when `kind[j]` is a word character standing alone between placeholders (or the chunk's edges). */
const spacedLetter = (kind: Uint8Array, j: number, a: number, b: number): boolean =>
  j >= a &&
  j < b &&
  isWordKind(kind[j]!) &&
  (j === a || kind[j - 1] === K_PLACE) &&
  (j + 1 === b || kind[j + 1] === K_PLACE)

/**
 * Pass 2: decides for each character whether it is part of a word, a joiner, a mask or a separator. A lone
 * digit or symbol between single letters (`b i $ c u i t`, `c o r 3`) is a letter of the spaced word.
 */
const assignRoles = (chars: Chars): void => {
  const { kind, role } = chars
  const n = chars.length
  const chunks: number[] = []
  let a = 0
  while (a < n) {
    if (kind[a] === K_SEP) {
      role[a] = ROLE_SEP
      a++
      continue
    }
    let b = a
    let hasLetter = false
    while (b < n && kind[b] !== K_SEP) {
      if (kind[b] === K_LETTER) hasLetter = true
      b++
    }
    chunks.push(a, b)
    for (let i = a; i < b; i++) {
      if (hasLetter) chars.flags[i]! |= R_LETTERED
      const k = kind[i]!
      const prev = i > a ? kind[i - 1]! : K_SEP
      const next = i + 1 < b ? kind[i + 1]! : K_SEP
      if (k === K_LETTER || k === K_DIGIT) role[i] = ROLE_WORD
      else if (k === K_LEET) role[i] = leetRole(chars, i, a, b, hasLetter)
      else if (k === K_JOIN) role[i] = isWordKind(prev) && isWordKind(next) ? ROLE_SKIP : ROLE_SEP
      else if (k === K_PLACE) {
        if (isWordKind(prev) && isWordKind(next)) role[i] = ROLE_MASK
        else if (prev === K_LETTER && i + 1 === b && (i < 2 || kind[i - 2] !== K_PLACE))
          role[i] = ROLE_TRAIL
        else role[i] = ROLE_SEP
      } else role[i] = ROLE_SEP
    }
    a = b
  }
  // single characters between single letters: `b i $ c u i t`
  const single = (c: number): boolean =>
    c >= 0 &&
    c < chunks.length &&
    chunks[c + 1]! - chunks[c]! === 1 &&
    isWordKind(kind[chunks[c]!]!)
  for (let c = 0; c < chunks.length; c += 2) {
    const i = chunks[c]!
    if (chunks[c + 1]! - i !== 1 || (kind[i] !== K_LEET && kind[i] !== K_DIGIT)) continue
    const left = c === 0 ? undefined : single(c - 2)
    const right = c + 2 >= chunks.length ? undefined : single(c + 2)
    if (left || right) {
      role[i] = ROLE_WORD
      chars.flags[i]! |= R_LETTERED
    }
  }
}

/** Units plus sites, before the per-word pass compacts them. */
const emitUnits = (chars: Chars, units: Units): void => {
  const { kind, role, cp, flags, start, end } = chars
  const n = chars.length
  units.length = 0
  units.sites.length = 0
  units.reserve(n + 1)
  let boundary = true
  let mask = false
  let prevChar = -1
  for (let i = 0; i < n; i++) {
    const r = role[i]!
    if (r === ROLE_SKIP) continue
    if (r !== ROLE_WORD) {
      if (r === ROLE_MASK || r === ROLE_ALT) {
        mask = true
        units.sites.push({
          at: units.length,
          start: start[i]!,
          end: end[i]!,
          trailing: false,
          ...(r === ROLE_ALT ? { readings: LEET_READINGS.get(cp[i]!) ?? [] } : {}),
        })
      } else if (r === ROLE_TRAIL || r === ROLE_ALT_TRAIL) {
        units.sites.push({
          at: units.length,
          start: start[i]!,
          end: end[i]!,
          trailing: true,
          ...(r === ROLE_ALT_TRAIL ? { readings: LEET_READINGS.get(cp[i]!) ?? [] } : {}),
        })
      }
      boundary = true
      prevChar = -1
      continue
    }
    const u = units.length
    let f = 0
    if (boundary) f |= UNIT_BOUNDARY
    if (mask) f |= UNIT_MASK
    const cf = flags[i]!
    if (
      cf & R_UPPER &&
      prevChar >= 0 &&
      kind[prevChar] === K_LETTER &&
      !(flags[prevChar]! & R_UPPER)
    ) {
      f |= UNIT_CAMEL
    }
    if (kind[i] === K_DIGIT) f |= UNIT_DIGIT
    if (cf & R_UNSPACED) f |= UNIT_UNSPACED
    if (cf & R_LETTERED) f |= UNIT_LETTERED
    units.raw[u] = cp[i]!
    units.look[u] = chars.look[i]!
    units.start[u] = start[i]!
    units.end[u] = end[i]!
    units.flags[u] = f
    units.run[u] = 1
    units.length = u + 1
    boundary = false
    mask = false
    prevChar = i
  }
}

const setReadings = (units: Units, u: number, readings: readonly number[] | undefined): void => {
  units.c0[u] = readings?.[0] ?? units.raw[u]!
  units.c1[u] = readings?.[1] ?? NONE
  units.c2[u] = readings?.[2] ?? NONE
}

/**
 * The words of the text for script and leetspeak decisions: each word on its own, except that a run of
 * single-letter words (`p u r p l e`, also with a letter stretched: `k e ttt t l e`) is one word. Returns
 * boundaries as a list of unit indices.
 */
const wordGroups = (units: Units): number[] => {
  const { flags, raw } = units
  const n = units.length
  const tokens: number[] = []
  for (let i = 0; i < n; i++) if (flags[i]! & UNIT_BOUNDARY) tokens.push(i)
  tokens.push(n)
  // a token of one letter, maybe repeated (not across a camelCase hump: `tT` is two)
  const single = (t: number): boolean => {
    for (let i = tokens[t]! + 1; i < tokens[t + 1]!; i++) {
      if (raw[i] !== raw[i - 1] || flags[i]! & UNIT_CAMEL) return false
    }
    return true
  }
  const groups: number[] = []
  let prevSingle = false
  for (let t = 0; t + 1 < tokens.length; t++) {
    const isSingle = single(t)
    if (!(isSingle && prevSingle)) groups.push(tokens[t]!)
    prevSingle = isSingle
  }
  groups.push(n)
  return groups
}

/**
 * Pass 3: per word, mixed-script look-alikes, leetspeak readings and squeezing of repeated letters (also
 * across spaced single letters: `p i l l o w`). Sites are renumbered to the compacted units.
 */
const foldWords = (units: Units): void => {
  const { raw, flags, run, start, end, look } = units
  const n = units.length
  const groups = wordGroups(units)
  // where each old unit went (sites point at old indices)
  const moved = new Int32Array(n + 1)
  let w = 0
  for (let g = 0; g + 1 < groups.length; g++) {
    const gs = groups[g]!
    const ge = groups[g + 1]!
    let hasLatin = false
    let hasConfusable = false
    let hasLetter = false
    for (let i = gs; i < ge; i++) {
      const c = raw[i]!
      if (c >= 97 && c <= 122) hasLatin = true
      else if (look[i] !== NONE) hasConfusable = true
      if (!(flags[i]! & UNIT_DIGIT) && !LEET_READINGS.has(c)) hasLetter = true
    }
    const groupStart = w
    for (let i = gs; i < ge; i++) {
      let c = raw[i]!
      if (hasLatin && hasConfusable && look[i] !== NONE) c = look[i]!
      const f = flags[i]!
      // a repeat inside a word, or a repeated single letter of a spaced word
      const spacedRepeat =
        ge - gs > 1 && f & UNIT_BOUNDARY && (i + 1 === ge || flags[i + 1]! & UNIT_BOUNDARY)
      const joinable = !(f & UNIT_BOUNDARY) || spacedRepeat
      if (
        w > groupStart &&
        joinable &&
        raw[w - 1] === c &&
        !(f & UNIT_CAMEL) &&
        !AMBIGUOUS.has(c) &&
        run[w - 1]! + run[i]! <= 0xffff &&
        (!(f & UNIT_BOUNDARY) || flags[w - 1]! & UNIT_BOUNDARY || spacedRepeat)
      ) {
        run[w - 1]! += run[i]!
        end[w - 1] = end[i]!
        moved[i] = -1
        continue
      }
      moved[i] = w
      raw[w] = c
      flags[w] = f
      run[w] = run[i]!
      start[w] = start[i]!
      end[w] = end[i]!
      const lettered = hasLetter || (f & UNIT_LETTERED) !== 0
      const leet = !(f & UNIT_DIGIT) || lettered ? LEET_READINGS.get(c) : undefined
      setReadings(units, w, leet)
      w++
    }
  }
  moved[n] = w
  const sites = units.sites
  let k = 0
  for (const site of sites) {
    const to = moved[site.at]!
    if (to < 0) continue // the letters on both sides merged: `p.i.l.l.o.w`
    site.at = to
    sites[k++] = site
  }
  sites.length = k
  units.length = w
}

const chars = new Chars()

/**
 * The common case in one pass: text of ASCII letters and spaces only (no digit, symbol or other script, so
 * no reading, look-alike, mask or joiner can apply). Produces exactly what the three passes would. Returns
 * false, having written nothing that matters, as soon as another character appears.
 */
const normalizeAsciiWords = (units: Units, text: string): boolean => {
  const n = text.length
  units.reserve(n + 1)
  const { c0, c1, c2, raw, look, run, start, end, flags } = units
  let w = 0
  let boundary = true
  let prevLower = false
  // spaced single letters (`p u r p l e`) squeeze across words: left to the general path
  let tokenUnits = 0
  let prevSingle = false
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i)
    if (c === 32) {
      if (tokenUnits > 0) {
        if (tokenUnits === 1 && prevSingle) return false
        prevSingle = tokenUnits === 1
        tokenUnits = 0
      }
      boundary = true
      prevLower = false
      continue
    }
    const upper = c >= 65 && c <= 90
    if (!upper && (c < 97 || c > 122)) return false
    if (upper) c |= 0x20
    const camel = upper && prevLower
    if (!boundary && !camel && w > 0 && raw[w - 1] === c) {
      run[w - 1]! += 1
      end[w - 1] = i + 1
      prevLower = !upper
      continue
    }
    tokenUnits++
    raw[w] = c
    c0[w] = c
    c1[w] = NONE
    c2[w] = NONE
    look[w] = NONE
    run[w] = 1
    start[w] = i
    end[w] = i + 1
    flags[w] = UNIT_LETTERED | (boundary ? UNIT_BOUNDARY : 0) | (camel ? UNIT_CAMEL : 0)
    w++
    boundary = false
    prevLower = !upper
  }
  if (tokenUnits === 1 && prevSingle) return false
  units.length = w
  units.sites.length = 0
  return true
}

/**
 * Normalizes `text` into `units` (reused storage; the previous content is overwritten). The engine calls
 * this on its own scratch {@link Units}; use {@link normalizeText} for a result of your own.
 *
 * @param maxLength - UTF-16 units read at most (default {@link DEFAULT_MAX_LENGTH}).
 */
export const normalizeInto = (
  units: Units,
  text: string,
  maxLength = DEFAULT_MAX_LENGTH,
): Units => {
  const source = text.length > maxLength ? text.slice(0, maxLength) : text
  units.source = source
  if (normalizeAsciiWords(units, source)) return units
  readChars(source, chars)
  assignRoles(chars)
  emitUnits(chars, units)
  foldWords(units)
  return units
}

/**
 * Normalizes a query, a suggestion or a term into canonical units with a map back to the original offsets.
 * Cost: linear in the text, bounded by `maxLength`.
 *
 * @example
 * normalizeText('P.u.r.p.1.e').toString() // 'p u r p i e'
 * normalizeText('ｐｕｒｒｒｐｌｅ').toString() // 'purrrple' (one `r` unit with run 3)
 */
export const normalizeText = (text: string, maxLength = DEFAULT_MAX_LENGTH): Units =>
  normalizeInto(new Units(), text, maxLength)
