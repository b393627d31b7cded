import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  foldCodePoint,
  isInvisible,
  normalizeText,
  UNIT_BOUNDARY,
  UNIT_CAMEL,
  UNIT_MASK,
} from '../../src/normalize/index.js'

const canon = (s: string) => normalizeText(s).toString()
const fold = (s: string) => String.fromCodePoint(...foldCodePoint(s.codePointAt(0) ?? 0))

describe('foldCodePoint()', () => {
  it.each([
    ['Ａ', 'a', 'fullwidth (NFKC)'],
    ['ﬁ', 'fi', 'ligature (NFKC)'],
    ['𝐁', 'b', 'mathematical bold (NFKC)'],
    ['Ⓟ', 'p', 'circled (NFKC)'],
    ['É', 'e', 'case and diacritics'],
    ['ß', 'ss', 'full case folding'],
    ['ᴘ', 'p', 'small capital look-alike'],
    ['ø', 'o', 'letter with stroke'],
    ['\u0301', '', 'a combining mark folds to nothing'],
  ])('folds %s to %s (%s)', (input, expected) => {
    expect(fold(input)).toBe(expected)
  })
})

describe('isInvisible()', () => {
  it.each([
    '\u200b',
    '\u200c',
    '\u200d',
    '\u2060',
    '\ufeff',
    '\u00ad',
    '\u202e',
    '\u2066',
    '\ufe0f',
  ])('treats U+%s as invisible', (ch) => {
    expect(isInvisible(ch.codePointAt(0) ?? 0)).toBe(true)
  })
  it('keeps letters and spaces visible', () => {
    expect(isInvisible(0x61)).toBe(false)
    expect(isInvisible(0x20)).toBe(false)
  })
})

describe('normalizeText()', () => {
  it.each([
    ['case and width', 'ＰＵＲＰＬＥ', 'purple'],
    ['accents', 'pürplé', 'purple'],
    ['combining marks', 'pu\u0308rple\u0301', 'purple'],
    ['invisible characters keep the word whole', 'pur\u200bp\u00adle', 'purple'],
    ['bidi controls', 'pur\u202eple', 'purple'],
    ['Cyrillic look-alikes in a Latin word', 'рurрlе', 'purple'],
    ['Greek look-alikes in a Latin word', 'ρurplε', 'purple'],
    ['real Cyrillic words stay Cyrillic', 'мама рор', 'мама рор'],
    ['real Greek words stay Greek', 'καλημέρα', 'καλημερα'],
    ['leetspeak inside words', 'p4rty 5t4r', 'party star'],
    ['numbers stay numbers', 'room 2024', 'room 2024'],
    ['separators between single letters stay visible', 'p.u.r.p.l.e', 'p u r p l e'],
    ['hyphens separate', 'purple-elephant', 'purple elephant'],
    ['apostrophes join', "don't", 'dont'],
    ['stretched letters keep their run', 'purrrrple', 'purrrrple'],
    ['flag emoji are not letters', '🇬🇧 purple', 'purple'],
    ['emoji are separators', 'purple🐘elephant', 'purple elephant'],
    ['mathematical letters', '𝐩𝐮𝐫𝐩𝐥𝐞', 'purple'],
    ['trailing punctuation is not a letter', 'purple! purple?', 'purple purple'],
    [
      'leetspeak at the edges of letters spaced by placeholders',
      '|_i_n_7 c.a.r.+',
      'l i n t c a r t',
    ],
    ['punctuation after a word and a placeholder', 'really.! ok_|', 'really ok'],
    [
      'a stretched letter among spaced letters squeezes with its neighbour',
      'k e ttt t l e',
      'k e tttt l e',
    ],
  ])('%s: %s → %s', (_name, input, expected) => {
    expect(canon(input)).toBe(expected)
  })

  it('maps every unit back to its original span', () => {
    const u = normalizeText('ｐ\u200bu-𝐫ple')
    expect(u.start[0]).toBe(0)
    expect(u.end[0]).toBe(1)
    expect(u.start[1]).toBe(2) // after the zero-width space
    expect(u.start[2]).toBe(4) // the mathematical r is a surrogate pair
    expect(u.end[2]).toBe(6)
  })

  it('squeezes repeated letters into one unit with a run length', () => {
    const u = normalizeText('coffee')
    expect(u.length).toBe(4)
    expect([...u.run.subarray(0, 4)]).toEqual([1, 1, 2, 2])
    expect(u.end[3]).toBe(6)
  })

  it('marks word boundaries, camelCase changes and masks', () => {
    const u = normalizeText('purpleElephant purp*e')
    expect(u.flags[0]! & UNIT_BOUNDARY).toBeTruthy()
    expect(u.flags[6]! & UNIT_CAMEL).toBeTruthy()
    const masked = [...u.flags.subarray(0, u.length)].findIndex((f) => (f & UNIT_MASK) !== 0)
    expect(masked).toBeGreaterThan(0)
    expect(String.fromCodePoint(u.c0[masked]!)).toBe('e')
  })

  it('gives ambiguous leetspeak characters every reading', () => {
    const u = normalizeText('purp1e')
    const one = 4
    expect([u.c0[one], u.c1[one], u.c2[one]].map((c) => String.fromCodePoint(c ?? 0))).toEqual([
      'i',
      'l',
      '1',
    ])
  })

  it('records a mask placeholder after the last letter of a word', () => {
    const u = normalizeText('purpl# elephant')
    expect(u.sites).toEqual([{ at: 5, start: 5, end: 6, trailing: true }])
  })

  it('stays linear on long runs of combining marks', () => {
    // a quadratic NFKC over a 100k-mark run would not finish within the test timeout
    const hostile = `a${'\u0301'.repeat(100_000)}b`
    const u = normalizeText(hostile, 200_000)
    expect(u.toString()).toBe('ab')
    expect(u.end[0]).toBe(100_001)
  })

  it('reads at most maxLength code units', () => {
    expect(normalizeText('purple elephant', 6).toString()).toBe('purple')
  })

  it('survives lone surrogates', () => {
    expect(canon('pur\ud800ple')).toBe('pur ple')
  })

  it('gives the same units on its ASCII fast path as on the general path', () => {
    // a trailing zero-width space forces the general path and changes nothing else
    const view = (t: string) => {
      const u = normalizeText(t)
      return [...Array(u.length).keys()].map((i) =>
        [u.c0[i], u.c1[i], u.raw[i], u.run[i], u.start[i], u.end[i], u.flags[i]].join(','),
      )
    }
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'o', 'O', ' ', 'x', 'X') }),
        (t) => {
          expect(view(t)).toEqual(view(`${t}\u200b`))
        },
      ),
      { numRuns: 500 },
    )
  })
})
