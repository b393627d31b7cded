import { describe, expect, it } from 'vitest'
import { TermListError } from '../../src/errors.js'
import { lexiconFromWords } from '../../src/lexicon/index.js'
import {
  compileTermList,
  type ExceptionCache,
  parsePlainTermList,
  parseYamlTermList,
} from '../../src/termlist/index.js'

// Placeholder terms only. The lexicon stands in for the hunspell dictionaries.
const lexicon = lexiconFromWords(
  'test-words',
  ['en'],
  [
    'cartoon',
    'carton',
    'garden',
    'house',
    'good',
    'spur',
    'plenty',
    'coffee',
    'elephantine',
    'scarlet',
  ],
)
const plain = compileTermList(
  parsePlainTermList('purple\ncart\npurple elephant\ngod\nbanana\n', 'test.txt'),
  { lexicon },
)

const judged = (q: string) => {
  const v = plain.judge(q)
  return { action: v.action, hits: v.hits.map((h) => `${h.termId}@${q.slice(h.start, h.end)}`) }
}

describe('TermListSnapshot.judge() — evasions are caught with the term and its span', () => {
  it.each([
    ['plain', 'buy purple now', 'purple@purple'],
    ['case and width', 'ＰＵＲＰＬＥ', 'purple@ＰＵＲＰＬＥ'],
    ['accents', 'pürplé', 'purple@pürplé'],
    ['look-alikes', 'рurрlе', 'purple@рurрlе'],
    ['mathematical letters', '𝐩𝐮𝐫𝐩𝐥𝐞', 'purple@𝐩𝐮𝐫𝐩𝐥𝐞'],
    ['leetspeak', 'purp1e', 'purple@purp1e'],
    ['ambiguous reading', 'b4n4n4', 'banana@b4n4n4'],
    ['zero-width', 'pur\u200bple', 'purple@pur\u200bple'],
    ['spaced letters', 'p u r p l e', 'purple@p u r p l e'],
    ['dotted letters', 'p.u.r.p.l.e', 'purple@p.u.r.p.l.e'],
    ['stretched', 'purrrrple', 'purple@purrrrple'],
    ['doubled', 'purrple', 'purple@purrple'],
    ['inflection', 'purples', 'purple@purple'],
    ['e-dropping inflection', 'purpling', 'purple@purpl'],
    ['consonant doubling', 'carting', 'cart@cart'],
    ['masked letter', 'purp*e', 'purple@purp*e'],
    ['masked last letter', 'purpl#', 'purple@purpl#'],
    ['split word', 'pur ple', 'purple@pur ple'],
    ['joined words', 'gardenpurplehouse', 'purple@purple'],
    ['hashtag', '#purpleelephantvideos', 'purple elephant@purpleelephant'],
    ['camelCase', 'PurpleElephantClips', 'purple elephant@PurpleElephant'],
    ['underscores', 'purple_elephant_hd', 'purple elephant@purple_elephant'],
    ['other separators', 'purple.elephant', 'purple elephant@purple.elephant'],
    ['combination', 'p.u.r.p.1.e', 'purple@p.u.r.p.1.e'],
    ['short term, exact', 'god', 'god@god'],
    ['plus between words', 'purple+elephant', 'purple elephant@purple+elephant'],
    ['plus as a t', 'c4r+', 'cart@c4r+'],
    ['spaced doubled letters', 'b a n a n a', 'banana@b a n a n a'],
    ['ambiguous characters repeating a letter', 'purp|1e', 'purple@purp|1e'],
    ['lone leetspeak between spaced letters', 'c 4 r t', 'cart@c 4 r t'],
    ['capital Greek look-alikes', 'ΡURΡLE', 'purple@ΡURΡLE'],
    ['stretched letters beat a lexicon word', 'gooood', 'god@gooood'],
    ['plus as a t, with other leetspeak', 'purple e1ephan+', 'purple elephant@purple e1ephan+'],
    [
      'plus as a t, with a leetspeak letter repeated',
      'purp1e e11ephan+',
      'purple elephant@purp1e e11ephan+',
    ],
  ])('%s: %s', (_name, query, expected) => {
    const v = judged(query)
    expect(v.action).toBe('deter')
    expect(v.hits).toContain(expected)
  })
})

describe('TermListSnapshot.judge() — ordinary text is left alone', () => {
  it.each([
    ['a word that contains a term', 'cartoon'],
    ['a compound of ordinary words', 'gardencartoon'],
    ['a word pair across which a term runs', 'spur plenty'],
    ['doubled letters that squeeze into a term', 'good'],
    ['a multi-word term followed by a longer ordinary word', 'elephantine'],
    ['real Cyrillic', 'мама рор'],
    ['numbers', '2024 1337 3.14'],
    ['emoji and flags', '🇬🇧 🍌🐘'],
    ['a short term needs its letters as written', 'gd'],
    ['a lexicon word before a plus', 'cartoon+ 2'],
    ['a lexicon word in leetspeak before a plus', 'c4rt00n+'],
  ])('%s: %s', (_name, query) => {
    expect(judged(query)).toEqual({ action: 'allow', hits: [] })
  })
})

const yaml = (body: string) => `list: test
defaults: { category: placeholder }
${body}`

describe('TermListSnapshot.judge() — a plus read as a t ends a word of a multi-word term', () => {
  const s = compileTermList(parsePlainTermList('violet lantern\n', 'plus.txt'), { lexicon })
  it.each([
    ['viole+ lantern', 'viole+ lantern'],
    ['vi0le+ l4ntern', 'vi0le+ l4ntern'],
    ['vio1e+ 1antern', 'vio1e+ 1antern'],
  ])('%s', (query, span) => {
    expect(s.judge(query).hits.map((h) => query.slice(h.start, h.end))).toEqual([span])
  })
  it('leaves other words after it alone', () => {
    expect(s.judge('viole+ lamp').action).toBe('allow')
  })
})

describe('compileTermList()', () => {
  it('gives the same version for the same list and lexicon, another for another list', () => {
    const a = compileTermList(parsePlainTermList('purple\n', 'a.txt'), { lexicon })
    const b = compileTermList(parsePlainTermList('purple\n', 'b.txt'), { lexicon })
    const c = compileTermList(parsePlainTermList('purple\ncart\n', 'a.txt'), { lexicon })
    expect(a.version).toBe(b.version)
    expect(a.version).not.toBe(c.version)
    expect(a.version).toMatch(/^[0-9a-f]{16}$/)
  })

  it('applies match modes', () => {
    const s = compileTermList(
      parseYamlTermList(
        yaml(`terms:
  - { id: w, term: cart, match: word }
  - { id: p, term: plum, match: prefix }
  - { id: s, term: lime, match: substring }
`),
        'modes.yaml',
      ),
      { lexicon },
    )
    expect(s.judge('cart').action).toBe('deter')
    expect(s.judge('carts').action).toBe('deter')
    expect(s.judge('gardencart').action).toBe('allow')
    expect(s.judge('plumcake').action).toBe('deter')
    expect(s.judge('applum').action).toBe('allow')
    expect(s.judge('sublimestuff').action).toBe('deter')
  })

  it('lets an exception cancel the hits it covers, and only those', () => {
    const s = compileTermList(
      parseYamlTermList(
        yaml(`terms:
  - { id: t1, term: purple }
exceptions:
  - { id: x1, phrase: purple sanctuary }
`),
        'exc.yaml',
      ),
    )
    expect(s.judge('purple sanctuary').action).toBe('allow')
    expect(s.judge('purple sanctuary purple').hits.map((h) => h.start)).toEqual([17])
  })

  it('never turns a term of the list into an exception word, even where it contains another term', () => {
    // `elephantine` is an ordinary word containing the term `elephant`: alone, it is an exception word;
    // once it is a term itself, it and its inflections must stay terms
    const both = compileTermList(parsePlainTermList('elephant\nelephantine\n', 'two.txt'), {
      lexicon: lexiconFromWords('test-words', ['en'], ['elephantine', 'elephantines', 'scarlet']),
    })
    expect(both.exceptionWordCount).toBe(0)
    for (const q of ['elephantine', 'elephantines', 'red elephantine vase']) {
      expect(both.judge(q).hits.map((h) => h.termId)).toContain('elephantine')
    }
    const one = compileTermList(parsePlainTermList('elephant\n', 'one.txt'), {
      lexicon: lexiconFromWords('test-words', ['en'], ['elephantine', 'elephantines']),
    })
    expect(one.judge('elephantine').action).toBe('allow')
  })

  it("knows a term's irregular form from its dictionary root, whatever dictionary lists the form first", () => {
    const lexicon = {
      id: 'two-dictionaries',
      languages: ['sv', 'en'],
      groups: () => [
        { root: 'elephantos', forms: ['elephantos'], lang: 'sv' },
        { root: 'elephant', forms: ['elephant', 'elephantos'], lang: 'en' },
      ],
    }
    const s = compileTermList(parsePlainTermList('elephant\n', 'irregular.txt'), { lexicon })
    expect(s.judge('elephantos').action).toBe('deter')
  })

  it("reads a prefixed form of a term's root as another word (hunspell prefixes: port → report)", () => {
    const lexicon = {
      id: 'prefixes',
      languages: ['en'],
      groups: () => [
        { root: 'cart', forms: ['cart', 'carts', 'recart', 'recarts'], lang: 'en' },
        { root: 'recart', forms: ['recart'], lang: 'en' },
      ],
    }
    const s = compileTermList(parsePlainTermList('cart\n', 'prefixed.txt'), { lexicon })
    expect(s.judge('recart').action).toBe('allow')
    expect(s.judge('recarts').action).toBe('allow')
    expect(s.judge('carts').action).toBe('deter')
  })

  it('never turns a compound of a long term and another word into an exception word', () => {
    const words = lexiconFromWords(
      'test-words',
      ['en'],
      ['elephantine', 'elephanthouse', 'elephantshouse', 'house', 'cartridge', 'ridge'],
    )
    const s = compileTermList(parsePlainTermList('elephant\ncart\n', 'compounds.txt'), {
      lexicon: words,
    })
    // term + word (with or without a linking s): a compound of the term, deterred
    expect(s.judge('elephanthouse').action).toBe('deter')
    expect(s.judge('elephantshouse').action).toBe('deter')
    // term + letters that are no word: an ordinary word
    expect(s.judge('elephantine').action).toBe('allow')
    // a short term starts ordinary words whose rest is a word by chance
    expect(s.judge('cartridge').action).toBe('allow')
    expect(s.exceptionWordCount).toBe(2)
  })

  it('reads the adjective of an English -y noun as the term (photography, photographic)', () => {
    const s = compileTermList(parsePlainTermList('purple geography\n', 'y.txt'), {
      lexicon: lexiconFromWords('test-words', ['en'], ['geographic', 'geographical']),
    })
    const hits = (q: string) => s.judge(q).hits.map((h) => q.slice(h.start, h.end))
    expect(hits('purple geographic maps')).toEqual(['purple geographi'])
    expect(hits('purple geographically')).toEqual(['purple geographi'])
    expect(s.judge('geographic maps').action).toBe('allow')
  })

  it('reads Italian, Spanish and Portuguese inflections that change the final vowel', () => {
    const s = compileTermList(
      parseYamlTermList(
        yaml(`terms:
  - { id: it1, term: pomodoro, lang: it }
  - { id: es1, term: amarillo, lang: es }
  - { id: en1, term: odor }
`),
        'romance.yaml',
      ),
      // the Italian plural is a dictionary word, and it contains another term of the list
      { lexicon: lexiconFromWords('test-words', ['it'], ['pomodori', 'pomodorini']) },
    )
    const hits = (q: string) => s.judge(q).hits.map((h) => `${h.termId}@${q.slice(h.start, h.end)}`)
    expect(hits('pomodori')).toContain('it1@pomodor')
    expect(hits('due pomodore')).toContain('it1@pomodor')
    expect(hits('amarillas')).toEqual(['es1@amarill'])
    // another ending is another word (a diminutive here): the dictionary word wins
    expect(s.judge('pomodorini').action).toBe('allow')
  })

  it('reads a French, Spanish, Portuguese or Italian phrase with its head in the plural', () => {
    const s = compileTermList(
      parseYamlTermList(
        yaml(`terms:
  - { id: it1, term: elefante rosso, lang: it }
  - { id: pt1, term: papel de parede, lang: pt }
  - { id: fr1, term: cheval blanc, lang: fr }
  - { id: es1, term: luz azul, lang: es }
  - { id: es2, term: quiero luz azul, lang: es, action: support }
  - { id: fr2, term: "maison d'ami", lang: fr }
`),
        'plural.yaml',
      ),
      // the plural head is a dictionary word that contains the singular: still the term
      { lexicon: lexiconFromWords('test-words', ['fr'], ['chevaux', 'chevauxblancs']) },
    )
    const hits = (q: string) => s.judge(q).hits.map((h) => `${h.termId}@${q.slice(h.start, h.end)}`)
    expect(hits('elefanti rossi')).toEqual(['it1@elefanti rossi'])
    expect(hits('#ElefantiRossi')).toEqual(['it1@ElefantiRossi'])
    // the complement after a preposition keeps its number
    expect(hits('papéis de parede')).toEqual(['pt1@papéis de parede'])
    expect(hits('chevaux blancs')).toEqual(['fr1@chevaux blancs'])
    // an elided preposition ends the head too
    expect(hits("maisons d'ami")).toEqual(["fr2@maisons d'ami"])
    expect(hits('maisons d’ami')).toEqual(['fr2@maisons d’ami'])
    expect(hits('luces azules')).toEqual(['es1@luces azules'])
    // a head in the plural with its adjective in the singular is no agreement: not this term
    expect(s.judge('elefanti rosso').action).toBe('allow')
    // intents are sentences: no plural made for them
    expect(s.judge('quieros luces azules').hits.map((h) => h.termId)).toEqual(['es1'])
  })

  it('lets a support intent win over a deter term in the same query', () => {
    const s = compileTermList(
      parseYamlTermList(
        yaml(`terms:
  - { id: t1, term: purple }
  - { id: i1, term: help me stop, action: support, category: help-seeking }
`),
        'intent.yaml',
      ),
    )
    const v = s.judge('help me stop purple')
    expect(v.action).toBe('support')
    expect(v.rule).toBe('intent')
    expect(v.hits.map((h) => h.termId)).toEqual(['i1'])
  })

  it('applies a combination rule with the built-in age class', () => {
    const s = compileTermList(
      parseYamlTermList(
        yaml(`terms:
  - { id: t1, term: purple elephant }
classes:
  colour:
    - { id: c1, term: mauve, match: word }
rules:
  - { id: young-colour, all: [age-under-18, colour], category: placeholder }
exceptions:
  - { id: x1, phrase: mauve paint }
`),
        'rule.yaml',
      ),
    )
    for (const q of [
      '12yo mauve',
      'mauve 12 y.o.',
      '12-year-old mauve',
      'mauve 12 ans',
      'twelve year old mauve',
    ]) {
      const v = s.judge(q)
      expect(v.action, q).toBe('deter')
      expect(v.rule, q).toBe('young-colour')
    }
    expect(s.judge('mauve').action).toBe('allow')
    expect(s.judge('12yo').action).toBe('allow')
    expect(s.judge('30yo mauve').action).toBe('allow')
    expect(s.judge('mauve paint for 12 year olds').action).toBe('allow')
  })

  it('matches scripts without spaces as substrings', () => {
    const s = compileTermList(parsePlainTermList('紫象\n', 'cjk.txt'))
    expect(s.judge('我喜欢紫象视频').action).toBe('deter')
  })

  it('reports every bad entry with file:line and never yields a snapshot', () => {
    let error: unknown
    try {
      compileTermList(
        parseYamlTermList(
          yaml(`terms:
  - { id: t1, term: "!!!" }
rules:
  - { id: r1, all: [nope, age-under-18] }
`),
          'bad.yaml',
        ),
      )
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(TermListError)
    const problems = (error as TermListError).problems.map(
      (p) => `${p.file}:${p.line}: ${p.message}`,
    )
    expect(problems).toEqual([
      'bad.yaml:6: rule "r1" names unknown class "nope"',
      'bad.yaml:4: term "t1" has no letters after normalization',
    ])
  })

  it('caches the lexicon scan by content', () => {
    const store = new Map<string, readonly string[]>()
    let gets = 0
    const cache: ExceptionCache = {
      get: (k) => {
        gets++
        return store.get(k)
      },
      set: (k, w) => store.set(k, w),
    }
    const list = parsePlainTermList('cart\n', 'c.txt')
    const first = compileTermList(list, { lexicon, exceptionCache: cache })
    expect(first.exceptionWordCount).toBe(2) // cartoon, carton
    const [words] = [...store.values()]
    expect(words).toEqual(['carton', 'cartoon'])
    // a second compile reads the cache instead of the lexicon
    const empty = lexiconFromWords('test-words', ['en'], [])
    const second = compileTermList(list, { lexicon: empty, exceptionCache: cache })
    expect(second.exceptionWordCount).toBe(2)
    expect(gets).toBe(2)
  })

  it('never throws while judging, whatever the input', () => {
    const inputs = [
      '',
      ' ',
      '\u0000',
      '\ud800',
      '#',
      '*'.repeat(5000),
      'a'.repeat(10_000),
      '🏳️‍🌈'.repeat(50),
    ]
    for (const q of inputs) expect(['allow', 'deter']).toContain(plain.judge(q).action)
  })
})
