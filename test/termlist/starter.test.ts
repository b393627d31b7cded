/**
 * @module test/termlist/starter.test
 * The shipped starter list, compiled as the demo compiles it (with the bundled hunspell lexicon), catches
 * every one of its own entries: an ordinary-word exception must never cancel a term of the list, even where
 * a dictionary word that contains one term is another term of the list. The entries are read from the file,
 * so no term text lives in this test.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadTermList } from '../../src/cli/load.js'
import {
  pluralSkeleton,
  skeletonOf,
  spellingOf,
  stemsOf,
  type TermListSnapshot,
  wordsOf,
} from '../../src/termlist/compile.js'
import { endingsFor } from '../../src/termlist/inflections.js'
import { parseTermList } from '../../src/termlist/parse.js'

const FILE = fileURLToPath(new URL('../../termlists/starter.yaml', import.meta.url))
const source = parseTermList(readFileSync(FILE, 'utf8'), 'starter.yaml')

let lists: TermListSnapshot
beforeAll(async () => {
  lists = await loadTermList(FILE)
}, 600_000)

describe('the starter list, with the bundled lexicon', () => {
  it('uses the lexicon (the case this guards)', () => {
    expect(lists.exceptionWordCount).toBeGreaterThan(0)
  })

  it('catches every term and intent of its own, written alone', () => {
    const missed = source.terms
      .filter((t) => t.className === undefined)
      .filter((t) => {
        const v = lists.judge(t.term)
        return v.action !== t.action || !v.hits.some((h) => h.termId === t.id)
      })
      .map((t) => t.id)
    expect(missed).toEqual([])
  })

  it('catches every deter term with each inflection ending of its language', () => {
    const missed = source.terms
      .filter((t) => t.className === undefined && t.action === 'deter')
      .flatMap((t) => endingsFor(t.lang).map((e) => ({ id: t.id, text: `${t.term}${e}` })))
      .filter(({ text }) => lists.judge(text).action !== 'deter')
      .map(({ id, text }) => `${id}+${text.length}`)
    expect(missed).toEqual([])
  })

  it('catches every deter term in each form its stems make (purpl + ing, pornografic + a)', () => {
    const missed = source.terms
      .filter((t) => t.className === undefined && t.action === 'deter')
      .flatMap((t) =>
        stemsOf(skeletonOf(t.term), t.lang).flatMap((stem) =>
          stem.endings.map((e) => ({ id: t.id, text: `${spellingOf(stem)}${e}` })),
        ),
      )
      .filter(({ text }) => lists.judge(text).action !== 'deter')
      .map(({ id, text }) => `${id}+${text.length}`)
    expect(missed).toEqual([])
  })

  it('catches every deter phrase with its head in the plural (fr, es, pt, it)', () => {
    const plurals = source.terms
      .filter((t) => t.className === undefined && t.action === 'deter')
      .flatMap((t) => {
        const plural = pluralSkeleton(t.term, t.lang)
        if (plural === undefined) return []
        const text = wordsOf(plural)
          .map((w) => spellingOf(plural, w))
          .join(' ')
        return [{ id: t.id, text }]
      })
    // the case this guards exists in the list
    expect(plurals.length).toBeGreaterThan(10)
    const missed = plurals
      .filter(({ id, text }) => !lists.judge(text).hits.some((h) => h.termId === id))
      .map(({ id, text }) => `${id}+${text.length}`)
    expect(missed).toEqual([])
  })

  it('catches every class member inside its rule (an age under 18 with the member)', () => {
    const members = source.terms.filter((t) => t.className !== undefined)
    const missed = members
      .filter((t) => lists.judge(`12 year old ${t.term}`).action !== 'deter')
      .map((t) => t.id)
    expect(missed).toEqual([])
  })
})
