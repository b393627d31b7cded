import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { combineLexicons, lexiconFromWords, spellWord } from '../../src/lexicon/index.js'
import { folderExceptionCache } from '../../src/termlist/file-cache.js'

describe('spellWord()', () => {
  it.each([
    ['Coffee', 'coffee'],
    ['cooool', 'cool'],
    ['Café', 'cafe'],
    ['Straße', 'strasse'],
    ['x-ray', undefined],
    ['3d', undefined],
    ['', undefined],
  ])('spells %s as %s', (word, spelling) => {
    expect(spellWord(word)).toBe(spelling)
  })
})

describe('lexicons', () => {
  it('dedupes words and combines ids and languages', () => {
    const a = lexiconFromWords('a', ['en'], ['Cart', 'cart', 'garden'])
    const b = lexiconFromWords('b', ['fr'], ['carte'])
    const both = combineLexicons([a, b])
    expect(both.id).toBe('a+b')
    expect(both.languages).toEqual(['en', 'fr'])
    expect([...both.groups()].map((g) => `${g.lang}:${g.root}`)).toEqual([
      'en:cart',
      'en:garden',
      'fr:carte',
    ])
  })
})

describe('folderExceptionCache()', () => {
  it('stores and reads entries, and reads a missing entry as undefined', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-cache-'))
    const cache = folderExceptionCache(dir)
    expect(cache.get('k1')).toBeUndefined()
    cache.set('k1', ['carton', 'cartoon'])
    cache.set('k2', [])
    expect(cache.get('k1')).toEqual(['carton', 'cartoon'])
    expect(cache.get('k2')).toEqual([])
    expect(readdirSync(dir).sort()).toEqual(['k1.txt', 'k2.txt'])
  })
})
