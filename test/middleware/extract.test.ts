import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { queryValues } from '../../src/middleware/extract.js'

const limits = { maxLength: 512, maxValues: 8 }
const values = (url: string, names = ['q']) => {
  const e = queryValues(url, names, limits)
  return e.ok ? e.values : e.problem.code
}

describe('queryValues()', () => {
  it.each([
    ['/s', []],
    ['/s?', []],
    ['/s?q=a+b', ['a b']],
    ['/s?q=a%2Bb', ['a+b']],
    ['/s?&&q=a&&', ['a']],
    ['/s?q', ['']],
    ['/s?q=', ['']],
    ['/s?x=1&q=a&Q=b&q=c', ['a', 'c']],
    ['/s?%71=encoded+name', ['encoded name']],
    ['/s?q=a#q=b', ['a']],
    ['/s?q=a=b', ['a=b']],
  ])('%s → %j', (url, expected) => {
    expect(values(url)).toEqual(expected)
  })

  it('refuses what it cannot decode, in a name or a value', () => {
    expect(values('/s?q=%E0%A4%A')).toBe('invalid-encoding')
    expect(values('/s?%ZZ=a')).toBe('invalid-encoding')
  })

  it('reads what URLSearchParams reads, on well-formed query strings', () => {
    const pair = fc.tuple(
      fc.constantFrom('q', 'x', 'qq', ''),
      fc.option(fc.string({ unit: 'grapheme', maxLength: 12 })),
    )
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 6 }), fc.boolean(), (pairs, plus) => {
        const search = pairs
          .map(([k, v]) => {
            if (v === null) return k
            const encoded = encodeURIComponent(v)
            return `${k}=${plus ? encoded.replaceAll('%20', '+') : encoded}`
          })
          .join('&')
        const expected = new URLSearchParams(search).getAll('q')
        const got = queryValues(`/s?${search}`, ['q'], { ...limits, maxValues: 99 })
        expect(got.ok && got.values).toEqual(expected)
      }),
      { numRuns: 500 },
    )
  })
})
