/**
 * @module normalize/units
 * The normalizer's output: a sequence of canonical *units*, one per letter (or digit) of the text after
 * folding, with the span of the original text each one came from (UTF-16 offsets, half-open). Separators
 * are not units: they become a flag on the unit after them, so that the matcher sees letters only and word
 * breaks stay visible to the match modes.
 */

/** A word break (separator, start of text) precedes this unit. */
export const UNIT_BOUNDARY = 1
/** A lower-to-upper case change (camelCase) precedes this unit, without a separator. */
export const UNIT_CAMEL = 2
/** One mask placeholder (`* # _ . ?`) stands between the previous unit and this one. */
export const UNIT_MASK = 4
/** The unit is a digit as written (its readings may be letters, inside a word). */
export const UNIT_DIGIT = 8
/** The unit belongs to a script written without spaces (Han, Kana, Thai, ...). */
export const UNIT_UNSPACED = 16

/** The unit is in a run of non-space characters that has letters (`p.u.r.p.1.e`): digits read as letters. */
export const UNIT_LETTERED = 32

/** A place where one character may stand for a letter: see {@link Units.sites}. */
export interface Site {
  at: number
  readonly start: number
  readonly end: number
  /** After the last letter of a word (nothing follows in the word). */
  readonly trailing: boolean
  /** The letters it may stand for; `undefined`: any letter (a mask placeholder). */
  readonly readings?: readonly number[]
}

/** No reading. */
export const NONE = -1

/**
 * Units in parallel typed arrays, grown on demand and reused between calls by the engine (searching never
 * allocates per character). `c0` is the most likely reading of a unit; `c1`, `c2` are further readings of
 * ambiguous characters (`1` → i, l, 1) or {@link NONE}.
 */
export class Units {
  length = 0
  /** The text the units were made from (after the length cap). */
  source = ''
  c0 = new Int32Array(64)
  c1 = new Int32Array(64)
  c2 = new Int32Array(64)
  /** The folded character as written, before leetspeak readings (digits stay digits here). */
  raw = new Int32Array(64)
  /** The Latin letter a character of another script looks like (`р` → p), or {@link NONE}. */
  look = new Int32Array(64)
  /** How many times the character was repeated in a row (`purrrple`: the `r` unit has run 3). */
  run = new Uint16Array(64)
  start = new Uint32Array(64)
  end = new Uint32Array(64)
  flags = new Uint8Array(64)
  /**
   * Places where one character may stand for a letter the main scan does not read: a mask placeholder
   * between letters or after a word (`purp*e`, `purpl#`: any letter), or a `+` between words (`t`, or a
   * separator). `at` is the unit index the letter would stand before.
   */
  sites: Site[] = []

  /** Makes room for `n` units, keeping nothing (called before filling). */
  reserve(n: number): void {
    if (n <= this.c0.length) return
    let size = this.c0.length
    while (size < n) size *= 2
    this.c0 = new Int32Array(size)
    this.c1 = new Int32Array(size)
    this.c2 = new Int32Array(size)
    this.raw = new Int32Array(size)
    this.look = new Int32Array(size)
    this.run = new Uint16Array(size)
    this.start = new Uint32Array(size)
    this.end = new Uint32Array(size)
    this.flags = new Uint8Array(size)
  }

  /** Index one past the last unit of the word (token) that contains unit `i`. */
  tokenEnd(i: number): number {
    let j = i + 1
    while (j < this.length && !(this.flags[j]! & UNIT_BOUNDARY)) j++
    return j
  }

  /** Index of the first unit of the word (token) that contains unit `i`. */
  tokenStart(i: number): number {
    let j = i
    while (j > 0 && !(this.flags[j]! & UNIT_BOUNDARY)) j--
    return j
  }

  /** A copy that later calls cannot overwrite. */
  clone(): Units {
    const u = new Units()
    u.reserve(Math.max(this.length, 1))
    u.length = this.length
    u.source = this.source
    u.c0.set(this.c0.subarray(0, this.length))
    u.c1.set(this.c1.subarray(0, this.length))
    u.c2.set(this.c2.subarray(0, this.length))
    u.raw.set(this.raw.subarray(0, this.length))
    u.look.set(this.look.subarray(0, this.length))
    u.run.set(this.run.subarray(0, this.length))
    u.start.set(this.start.subarray(0, this.length))
    u.end.set(this.end.subarray(0, this.length))
    u.flags.set(this.flags.subarray(0, this.length))
    u.sites = this.sites.map((m) => ({ ...m }))
    return u
  }

  /**
   * The canonical text for people and tests: primary readings, repeated as written, words separated by one
   * space (`P.u.r.p.1.e  Elephant` → `p u r p i e elephant`).
   */
  toString(): string {
    let s = ''
    for (let i = 0; i < this.length; i++) {
      if (i > 0 && (this.flags[i] ?? 0) & UNIT_BOUNDARY) s += ' '
      s += String.fromCodePoint(this.c0[i] ?? 0).repeat(this.run[i] ?? 1)
    }
    return s
  }
}
