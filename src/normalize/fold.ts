/**
 * @module normalize/fold
 * Folding of one code point: NFKC (width, ligatures, mathematical and circled letters), full case folding,
 * removal of diacritics, and Latin look-alikes. The result is a short list of code points; results are
 * memoized per code point, so the cost of `String.prototype.normalize` is paid once per distinct character.
 */

import { LATIN_LOOKALIKES } from './tables.js'

const MARK = /\p{M}/u
const cache = new Map<number, readonly number[]>()
const CACHE_LIMIT = 65_536

/** Special full case foldings that `toLowerCase` does not do. */
const FOLDINGS: ReadonlyMap<number, string> = new Map([
  [0xdf, 'ss'], // ß
  [0x1e9e, 'ss'], // ẞ
  [0x3c2, 'σ'], // final sigma
])

/** True for combining marks (diacritics, enclosing marks): they are dropped. */
export const isMark = (c: number): boolean =>
  c >= 0x300 && (c <= 0x36f || MARK.test(String.fromCodePoint(c)))

const compute = (c: number): readonly number[] => {
  const out: number[] = []
  const nfkc = String.fromCodePoint(c).normalize('NFKC')
  for (const ch of nfkc) {
    const lower = FOLDINGS.get(ch.codePointAt(0) ?? 0) ?? ch.toLowerCase()
    for (const d of lower.normalize('NFD')) {
      const dc = d.codePointAt(0) ?? 0
      if (isMark(dc)) continue
      out.push(LATIN_LOOKALIKES.get(dc) ?? dc)
    }
  }
  return out
}

/**
 * Folds one code point to its canonical code points: `Ａ` → `a`, `ﬁ` → `fi`, `é` → `e`, `𝐁` → `b`, `ß` → `ss`,
 * `ᴀ` → `a`. Marks fold to nothing. Cost: one Map look-up after the first call for a code point.
 */
export const foldCodePoint = (c: number): readonly number[] => {
  let r = cache.get(c)
  if (r === undefined) {
    r = compute(c)
    if (cache.size < CACHE_LIMIT) cache.set(c, r)
  }
  return r
}
