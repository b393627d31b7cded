import { describe, expect, it } from 'vitest'
import { pluralOf, pluralPhrase } from '../../src/termlist/inflections.js'

// Ordinary words only, spelled as the normalizer spells them (lower case, no accents).
describe('pluralOf()', () => {
  it.each([
    ['fr', 'cheval', 'chevaux'],
    ['fr', 'bateau', 'bateaux'],
    ['fr', 'jeu', 'jeux'],
    ['fr', 'maison', 'maisons'],
    ['fr', 'prix', 'prix'],
    ['es', 'casa', 'casas'],
    ['es', 'papel', 'papeles'],
    ['es', 'luz', 'luces'],
    ['es', 'mes', 'mes'],
    ['pt', 'casa', 'casas'],
    ['pt', 'papel', 'papeis'],
    ['pt', 'funil', 'funis'],
    ['pt', 'jardim', 'jardins'],
    ['pt', 'flor', 'flores'],
    ['pt', 'limao', 'limoes'],
    ['it', 'casa', 'case'],
    ['it', 'libro', 'libri'],
    ['it', 'fiore', 'fiori'],
    ['it', 'banca', 'banche'],
    ['it', 'parco', 'parchi'],
    ['it', 'tecnico', 'tecnici'],
    ['it', 'negozio', 'negozi'],
    ['it', 'crisi', 'crisi'],
    ['en', 'house', 'house'],
  ])('%s %s → %s', (lang, word, plural) => {
    expect(pluralOf(word, lang)).toBe(plural)
  })
})

describe('pluralPhrase()', () => {
  it('puts the words before the first function word in the plural', () => {
    expect(pluralPhrase(['papel', 'de', 'parede'], 'pt')).toEqual(['papeis', 'de', 'parede'])
    expect(pluralPhrase(['elefante', 'rosso'], 'it')).toEqual(['elefanti', 'rossi'])
    expect(pluralPhrase(['maison', 'd', 'ami'], 'fr-CA')).toEqual(['maisons', 'd', 'ami'])
  })

  it('is undefined when nothing changes', () => {
    expect(pluralPhrase(['maison'], 'fr')).toBeUndefined()
    expect(pluralPhrase(['green', 'house'], 'en')).toBeUndefined()
    expect(pluralPhrase(['prix', 'fixes'], 'fr')).toBeUndefined()
  })
})
