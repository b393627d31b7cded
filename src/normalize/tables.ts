/**
 * @module normalize/tables
 * The character data the normalizer folds with. Each table is small, explicit and tested on its own; the
 * look-alike table follows Unicode TR39 `confusables.txt` for the Cyrillic, Greek and Latin-extended letters
 * that are commonly used to disguise Latin words (mathematical, circled and fullwidth letters need no table:
 * NFKC already maps them to ASCII).
 */

const cp = (s: string): number => s.codePointAt(0) ?? 0

/**
 * Leetspeak readings of digits and symbols, most likely first. A character is read as a letter only inside a
 * word that has letters; `2024` stays a number. Digits keep their own reading last, so terms with digits match.
 */
export const LEET_READINGS: ReadonlyMap<number, readonly number[]> = new Map(
  (
    [
      ['0', 'o0'],
      ['1', 'il1'],
      ['3', 'e3'],
      ['4', 'a4'],
      ['5', 's5'],
      ['7', 't7'],
      ['8', 'b8'],
      ['9', 'g9'],
      ['@', 'a'],
      ['$', 's'],
      ['!', 'il'],
      ['|', 'li'],
      ['+', 't'],
      ['€', 'e'],
    ] as const
  ).map(([from, to]) => [cp(from), [...to].map(cp)]),
)

/**
 * Placeholders that may stand for one masked letter inside a word (`purp*e`). Between words they are
 * separators like any other punctuation.
 */
export const MASK_PLACEHOLDERS: ReadonlySet<number> = new Set([...'*#_.?'].map(cp))

/** Characters that join the parts of one word without separating them (`don't`). */
export const WORD_JOINERS: ReadonlySet<number> = new Set([...`'’ʼ`].map(cp))

/**
 * Look-alike letters of other scripts, folded to Latin only inside words that also contain Latin letters, so
 * that real Cyrillic or Greek text is left alone. Keys are the characters as written, both cases: a capital
 * letter can look like another Latin letter than its small form (Greek `Μ` is `m`, `μ` is not).
 */
export const SCRIPT_CONFUSABLES: ReadonlyMap<number, number> = new Map(
  (
    [
      // Cyrillic
      ['а', 'a'],
      ['в', 'b'],
      ['е', 'e'],
      ['ё', 'e'],
      ['к', 'k'],
      ['м', 'm'],
      ['н', 'h'],
      ['о', 'o'],
      ['р', 'p'],
      ['с', 'c'],
      ['т', 't'],
      ['у', 'y'],
      ['х', 'x'],
      ['ь', 'b'],
      ['і', 'i'],
      ['ї', 'i'],
      ['ј', 'j'],
      ['ѕ', 's'],
      ['һ', 'h'],
      ['ԁ', 'd'],
      ['ԛ', 'q'],
      ['ԝ', 'w'],
      ['ӏ', 'l'],
      ['ɡ', 'g'],
      // Greek
      ['α', 'a'],
      ['β', 'b'],
      ['γ', 'y'],
      ['ε', 'e'],
      ['η', 'n'],
      ['ι', 'i'],
      ['κ', 'k'],
      ['ν', 'v'],
      ['ο', 'o'],
      ['ρ', 'p'],
      ['τ', 't'],
      ['υ', 'u'],
      ['χ', 'x'],
      ['ω', 'w'],
      ['ϲ', 'c'],
      ['ϳ', 'j'],
      ['ζ', 'z'],
      // capitals
      ['А', 'a'],
      ['В', 'b'],
      ['Е', 'e'],
      ['Ё', 'e'],
      ['К', 'k'],
      ['М', 'm'],
      ['Н', 'h'],
      ['О', 'o'],
      ['Р', 'p'],
      ['С', 'c'],
      ['Т', 't'],
      ['У', 'y'],
      ['Х', 'x'],
      ['І', 'i'],
      ['Ї', 'i'],
      ['Ј', 'j'],
      ['Ѕ', 's'],
      ['Һ', 'h'],
      ['Ԁ', 'd'],
      ['Ԛ', 'q'],
      ['Ԝ', 'w'],
      ['Ӏ', 'l'],
      ['Α', 'a'],
      ['Β', 'b'],
      ['Ε', 'e'],
      ['Ζ', 'z'],
      ['Η', 'h'],
      ['Ι', 'i'],
      ['Κ', 'k'],
      ['Μ', 'm'],
      ['Ν', 'n'],
      ['Ο', 'o'],
      ['Ρ', 'p'],
      ['Τ', 't'],
      ['Υ', 'y'],
      ['Χ', 'x'],
      ['Ϲ', 'c'],
    ] as const
  ).map(([from, to]) => [cp(from), cp(to)]),
)

/**
 * Latin-script look-alikes that NFKC leaves alone (small capitals, IPA letters, dotless i). They are Latin, so
 * they are folded everywhere, not only in mixed-script words.
 */
export const LATIN_LOOKALIKES: ReadonlyMap<number, number> = new Map(
  (
    [
      ['ı', 'i'],
      ['ȷ', 'j'],
      ['ɑ', 'a'],
      ['ɡ', 'g'],
      ['ɩ', 'i'],
      ['ɪ', 'i'],
      ['ʀ', 'r'],
      ['ʏ', 'y'],
      ['ᴀ', 'a'],
      ['ʙ', 'b'],
      ['ᴄ', 'c'],
      ['ᴅ', 'd'],
      ['ᴇ', 'e'],
      ['ғ', 'f'],
      ['ɢ', 'g'],
      ['ʜ', 'h'],
      ['ᴊ', 'j'],
      ['ᴋ', 'k'],
      ['ʟ', 'l'],
      ['ᴍ', 'm'],
      ['ɴ', 'n'],
      ['ᴏ', 'o'],
      ['ᴘ', 'p'],
      ['ꞯ', 'q'],
      ['ꜱ', 's'],
      ['ᴛ', 't'],
      ['ᴜ', 'u'],
      ['ᴠ', 'v'],
      ['ᴡ', 'w'],
      ['ᴢ', 'z'],
      ['ø', 'o'],
      ['đ', 'd'],
      ['ħ', 'h'],
      ['ł', 'l'],
      ['ŧ', 't'],
      ['ƀ', 'b'],
    ] as const
  ).map(([from, to]) => [cp(from), cp(to)]),
)

/**
 * Invisible characters, removed without leaving a word break: zero-width space/joiners, word joiner, BOM,
 * soft hyphen, bidi controls, variation selectors, tag characters, fillers.
 */
export const isInvisible = (c: number): boolean =>
  c === 0xad ||
  c === 0x34f ||
  c === 0x61c ||
  c === 0x115f ||
  c === 0x1160 ||
  c === 0x17b4 ||
  c === 0x17b5 ||
  c === 0x180e ||
  (c >= 0x180b && c <= 0x180d) ||
  (c >= 0x200b && c <= 0x200f) ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2060 && c <= 0x206f) ||
  c === 0x3164 ||
  (c >= 0xfe00 && c <= 0xfe0f) ||
  c === 0xfeff ||
  c === 0xffa0 ||
  (c >= 0x1bca0 && c <= 0x1bca3) ||
  (c >= 0x1d173 && c <= 0x1d17a) ||
  (c >= 0xe0000 && c <= 0xe0fff)

/** Regional indicator symbols (flag emoji) are symbols, never letters. */
export const isRegionalIndicator = (c: number): boolean => c >= 0x1f1e6 && c <= 0x1f1ff

/**
 * Scripts written without spaces between words: terms in these scripts always match as substrings.
 * Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar.
 */
export const isUnspacedScript = (c: number): boolean =>
  (c >= 0x3040 && c <= 0x30ff) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0x20000 && c <= 0x3134f) ||
  (c >= 0x0e00 && c <= 0x0eff) ||
  (c >= 0x1780 && c <= 0x17ff) ||
  (c >= 0x1000 && c <= 0x109f)
