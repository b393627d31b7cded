import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  PRESCAN_CLEAR,
  PRESCAN_LOOK,
  PRESCAN_MAY_MATCH,
  PRESCAN_NOT_PLAIN,
  prescanner as plain,
  prescan,
  prescanCarefully,
  prescanQuickly,
} from '../../src/match/prescan.js'
import { type Candidate, scanMasks, scanUnits } from '../../src/match/scan.js'
import { normalizeText } from '../../src/normalize/normalize.js'
import { compileTermList } from '../../src/termlist/compile.js'
import { parsePlainTermList } from '../../src/termlist/parse.js'

// `kettle` and `puppy` also compile to stem patterns (`kettl` + ing, `puppi` + es)
const TERMS = ['purple elephant', 'kettle', 'garden gnome', 'cart', 'llama', 'tea pot', 'puppy']
const snapshot = compileTermList(parsePlainTermList(`${TERMS.join('\n')}\n`, 'test.txt'))
const { automaton, prescanner } = snapshot

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
    expect(prescan(prescanner, 'pride and prejudice')).toBe(PRESCAN_CLEAR)
    expect(prescan(prescanner, 'Pride  and   Prejudice')).toBe(PRESCAN_CLEAR)
    expect(prescan(prescanner, 'Great Expectations')).toBe(PRESCAN_CLEAR)
    expect(prescan(prescanner, '')).toBe(PRESCAN_CLEAR)
  })

  it('sends text that may hold a term the full way, across spaces, case and doubled letters', () => {
    for (const t of ['kettle', 'PurpleElephant', 'purple elephant', 'garrrden gnome', 'cartoon'])
      expect(prescan(prescanner, t)).toBe(PRESCAN_MAY_MATCH)
  })

  it('reads on past a stem when the rest of the word is none of its endings', () => {
    // `kettl` and `puppi` end inside these words, but only `kettling`, `puppies`, … are forms of the terms
    for (const t of ['kettlish', 'puppish toys', 'KettlIng', 'a puppi'])
      expect(prescan(prescanner, t)).toBe(PRESCAN_CLEAR)
    for (const t of ['kettling', 'KETTLINGS', 'kettlingPot', 'puppies', 'puppiies', 'my puppied'])
      expect(prescan(prescanner, t)).toBe(PRESCAN_MAY_MATCH)
  })

  it('reads on from where the quick loop stopped, in the reading context it had there', () => {
    // the quick loop stops at the `l` of the stem `kettl`; the one-letter word after it would be spacing
    // (`p u`) if the careful loop did not know that `kettl` was a longer word
    for (const t of ['kettl a', 'the KETTL a', 'kettlish a']) {
      expect(prescanQuickly(prescanner, t)).toBe(PRESCAN_LOOK)
      expect(prescan(prescanner, t)).toBe(PRESCAN_CLEAR)
      expect(snapshot.judge(t).action).toBe('allow')
    }
    expect(prescan(prescanner, 'kettl a b')).toBe(PRESCAN_NOT_PLAIN)
  })

  it("looks when a second stem ends inside the first one's ending", () => {
    // `kettl` + `ing`, where the stem `ling` (of `linge`) ends too
    const list = compileTermList(parsePlainTermList('kettle\nlinge\n', 'stems.txt'))
    expect(prescan(list.prescanner, 'kettling')).toBe(PRESCAN_MAY_MATCH)
    expect(list.judge('kettling').action).toBe('deter')
  })

  it('treats every pattern as one that counts without the stem tables', () => {
    expect(prescan(plain(automaton), 'kettlish')).toBe(PRESCAN_MAY_MATCH)
  })

  it('leaves to the normalizer what only it can read', () => {
    for (const t of ['k3ttle', 'kéttle', 'p u r p l e', 'tea-pot', 'pot\tpie', 'ｋettle'])
      expect(prescan(prescanner, t)).toBe(PRESCAN_NOT_PLAIN)
  })

  it('never changes a verdict: clears only texts the full path allows, and every text without a candidate', () => {
    const letters = 'purpleelephantkettlegardengnomecartllamateapotpuppyiesngxyzPELKGCTI'
    const text = fc
      .array(fc.oneof(fc.constantFrom(...letters.split('')), fc.constant(' ')), { maxLength: 40 })
      .map((cs) => cs.join(''))
    const withTerms = fc
      .tuple(
        text,
        fc.constantFrom(
          ...TERMS,
          'PurpleElephant',
          'kettttle',
          'Cart',
          'ketTle',
          'LlAma',
          'kettl',
          'puppi',
          'KettlIng',
        ),
        text,
      )
      .map(([a, t, b]) => `${a}${t}${b}`)
    fc.assert(
      fc.property(fc.oneof(text, withTerms), (t) => {
        expect(snapshot.judge(t)).toEqual(snapshot.judgeFully(t))
        const r = prescan(prescanner, t)
        if (r === PRESCAN_NOT_PLAIN) return true
        if (r === PRESCAN_CLEAR) expect(snapshot.judgeFully(t).action).toBe('allow')
        if (candidates(t).length === 0) expect(r).toBe(PRESCAN_CLEAR)
        // without stems, a pattern anywhere is a reason to look
        expect(prescan(plain(automaton), t) === PRESCAN_CLEAR).toBe(candidates(t).length === 0)
        return true
      }),
      { numRuns: 3000 },
    )
  })

  describe('the quick loop', () => {
    it('answers alone for plain text where no pattern ends, and hands over where one does', () => {
      expect(prescanQuickly(prescanner, 'pride and prejudice')).toBe(PRESCAN_CLEAR)
      expect(prescanQuickly(prescanner, 'Great Expectations')).toBe(PRESCAN_CLEAR)
      expect(prescanQuickly(prescanner, 'cart')).toBe(PRESCAN_MAY_MATCH)
      // the stem `kettl` ends: the careful loop reads the rest of the word
      expect(prescanQuickly(prescanner, 'kettle')).toBe(PRESCAN_LOOK)
      expect(prescanQuickly(prescanner, 'kettlish')).toBe(PRESCAN_LOOK)
      expect(prescanQuickly(prescanner, 'a b cart')).toBe(PRESCAN_NOT_PLAIN)
      expect(prescanQuickly(prescanner, 'p u r p l e')).toBe(PRESCAN_NOT_PLAIN)
      expect(prescanQuickly(prescanner, 'kéttle')).toBe(PRESCAN_NOT_PLAIN)
      expect(prescanQuickly(prescanner, 'tea-pot')).toBe(PRESCAN_NOT_PLAIN)
    })

    it('squeezes repeats and skips spaces as the careful loop does, camelCase humps included', () => {
      // stretched letters squeezed, runs of spaces skipped, capitals folded, camelCase words read on
      for (const t of [
        'garrrden gnome',
        'GARDEN   GNOME',
        'gardenGnome',
        'purpleElephant',
        'TeaPot',
      ]) {
        expect(prescanQuickly(prescanner, t)).not.toBe(PRESCAN_CLEAR)
        expect(prescan(prescanner, t)).toBe(PRESCAN_MAY_MATCH)
      }
      // `eE` is two units (`blue` + `Eel`): the hump keeps the double letter
      const list = compileTermList(parsePlainTermList('blue eel\n', 'eel.txt'))
      expect(list.judge('blueEel').action).toBe('deter')
      expect(prescanQuickly(list.prescanner, 'blueEel')).toBe(PRESCAN_MAY_MATCH)
      expect(prescanQuickly(list.prescanner, 'blue cheese')).toBe(PRESCAN_CLEAR)
    })

    it('never gives another answer than the careful loop', () => {
      const chars = 'purpleelephantkettlegardengnomeingsPELKGI  -é'
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...chars.split('')), { maxLength: 30 }).map((cs) => cs.join('')),
          (t) => {
            const quick = prescanQuickly(prescanner, t)
            if (quick !== PRESCAN_LOOK) expect(quick).toBe(prescanCarefully(prescanner, t))
            expect(prescan(prescanner, t)).toBe(prescanCarefully(prescanner, t))
          },
        ),
        { numRuns: 5000 },
      )
    })
  })
})
