import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  PRESCAN_CLEAR,
  PRESCAN_MAY_MATCH,
  PRESCAN_NOT_PLAIN,
  prescan,
} from '../../src/match/prescan.js'
import { type Candidate, scanMasks, scanUnits } from '../../src/match/scan.js'
import { normalizeText } from '../../src/normalize/normalize.js'
import { compileTermList } from '../../src/termlist/compile.js'
import { parsePlainTermList } from '../../src/termlist/parse.js'

const TERMS = ['purple elephant', 'kettle', 'garden gnome', 'cart', 'llama', 'tea pot']
const { automaton } = compileTermList(parsePlainTermList(`${TERMS.join('\n')}\n`, 'test.txt'))

/** What the full path finds: every candidate of the normalizer's units. */
const candidates = (text: string): Candidate[] => {
  const units = normalizeText(text)
  const out: Candidate[] = []
  scanUnits(automaton, units, out)
  if (units.sites.length > 0) scanMasks(automaton, units, out)
  return out
}

describe('prescan', () => {
  it('clears plain text without any term', () => {
    expect(prescan(automaton, 'pride and prejudice')).toBe(PRESCAN_CLEAR)
    expect(prescan(automaton, 'Great Expectations')).toBe(PRESCAN_CLEAR)
    expect(prescan(automaton, '')).toBe(PRESCAN_CLEAR)
  })

  it('sends text that may hold a term the full way, across spaces, case and doubled letters', () => {
    for (const t of ['kettle', 'PurpleElephant', 'purple elephant', 'garrrden gnome', 'cartoon'])
      expect(prescan(automaton, t)).toBe(PRESCAN_MAY_MATCH)
  })

  it('leaves to the normalizer what only it can read', () => {
    for (const t of ['k3ttle', 'kéttle', 'p u r p l e', 'tea-pot', 'pot\tpie', 'ｋettle'])
      expect(prescan(automaton, t)).toBe(PRESCAN_NOT_PLAIN)
  })

  it('clears exactly the plain texts in which the full scan finds no candidate', () => {
    const letters = 'purpleelephantkettlegardengnomecartllamateapotxyzPELKGCT'
    const text = fc
      .array(fc.oneof(fc.constantFrom(...letters.split('')), fc.constant(' ')), { maxLength: 40 })
      .map((cs) => cs.join(''))
    const withTerms = fc
      .tuple(
        text,
        fc.constantFrom(...TERMS, 'PurpleElephant', 'kettttle', 'Cart', 'ketTle', 'LlAma'),
        text,
      )
      .map(([a, t, b]) => `${a}${t}${b}`)
    fc.assert(
      fc.property(fc.oneof(text, withTerms), (t) => {
        const r = prescan(automaton, t)
        if (r === PRESCAN_NOT_PLAIN) return true
        expect(r === PRESCAN_CLEAR).toBe(candidates(t).length === 0)
        return true
      }),
      { numRuns: 3000 },
    )
  })
})
