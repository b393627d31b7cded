import { describe, expect, it } from 'vitest'
import { decide, type PolicyEntry, type PolicyRule } from '../../src/policy/index.js'

const entries: PolicyEntry[] = [
  { id: 'deter-1', category: 'placeholder', action: 'deter' },
  { id: 'help-1', category: 'help-seeking', action: 'support' },
  { id: 'class-1', category: 'colour', action: 'deter', className: 'colour' },
]
const rules: PolicyRule[] = [
  { id: 'young-colour', all: ['age-under-18', 'colour'], action: 'deter', category: 'x' },
]
const hit = (entry: number, start: number, end: number) => ({ entry, start, end })
const age = (a: number, start: number, end: number) => ({ age: a, start, end })

describe('decide()', () => {
  it.each([
    ['nothing found', [], [], [], 'allow', null],
    ['a deter term', [hit(0, 0, 5)], [], [], 'deter', 'term'],
    ['support wins over deter', [hit(0, 0, 5), hit(1, 6, 10)], [], [], 'support', 'intent'],
    [
      'an exception cancels the hit it covers',
      [hit(0, 2, 5)],
      [{ start: 0, end: 8 }],
      [],
      'allow',
      null,
    ],
    [
      'an exception does not cancel what it only overlaps',
      [hit(0, 2, 9)],
      [{ start: 0, end: 8 }],
      [],
      'deter',
      'term',
    ],
    ['a class member alone', [hit(2, 0, 5)], [], [], 'allow', null],
    [
      'a class member with an age under 18',
      [hit(2, 5, 10)],
      [],
      [age(12, 0, 4)],
      'deter',
      'young-colour',
    ],
    ['a class member with an adult age', [hit(2, 5, 10)], [], [age(30, 0, 4)], 'allow', null],
    [
      'an exception covering the age',
      [hit(2, 5, 10)],
      [{ start: 0, end: 4 }],
      [age(12, 0, 4)],
      'allow',
      null,
    ],
  ] as const)('%s', (_name, hits, exceptions, ages, action, rule) => {
    const v = decide(entries, rules, 'v1', { hits, exceptions, ages })
    expect(v.action).toBe(action)
    expect(v.rule).toBe(rule)
    expect(v.listVersion).toBe('v1')
  })

  it('reports overlapping hits of one entry once, the longest', () => {
    const v = decide(entries, rules, 'v1', {
      hits: [hit(0, 0, 6), hit(0, 0, 7)],
      exceptions: [],
      ages: [],
    })
    expect(v.hits).toEqual([{ termId: 'deter-1', category: 'placeholder', start: 0, end: 7 }])
  })

  it('names ids and categories, never text', () => {
    const v = decide(entries, rules, 'v1', { hits: [hit(0, 0, 6)], exceptions: [], ages: [] })
    expect(Object.keys(v.hits[0] ?? {}).sort()).toEqual(['category', 'end', 'start', 'termId'])
  })
})
