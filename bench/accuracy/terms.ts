/**
 * @module bench/accuracy/terms
 * The harmless placeholder terms of each split. They stand in for a real term list: ordinary
 * English words and two-word phrases, chosen so every evasion and benign class has material:
 * short "container" terms that hide inside ordinary words of many languages (`cart` in
 * `cartoon`, `carta`), "squeeze" terms that ordinary words with doubled letters collapse to
 * (`halo` from `hallo`, `desert` from `dessert`), terms that an all-Greek word looks like (`auto` and `αυτο`), a term
 * with a sibilant ending for the `-es` plural, and longer words rich in leet-able letters.
 */
import type { Split, Term } from './types.js'

type Role = Term['roles'][number]

/** Builds a term from its text and roles. */
function term(text: string, ...roles: Role[]): Term {
  return { text, words: text.toLowerCase().split(' '), roles }
}

const DEV: readonly Term[] = [
  term('purple elephant'),
  term('velvet pillow'),
  term('paper lantern'),
  term('silver kettle'),
  term('cart', 'container'),
  term('port', 'container'),
  term('auto', 'container', 'script'),
  term('core', 'squeeze', 'container'),
  term('role', 'squeeze', 'container'),
  term('halo', 'squeeze'),
  term('tune', 'squeeze', 'container'),
  term('biscuit'),
  term('marigold'),
  term('tangerine'),
  term('whistle'),
  term('paintbrush'),
]

const HOLDOUT: readonly Term[] = [
  term('orange giraffe'),
  term('copper teapot'),
  term('woolen mitten'),
  term('maple syrup'),
  term('plan', 'container'),
  term('star', 'container'),
  term('tote', 'script'),
  term('meter', 'squeeze', 'container'),
  term('case', 'squeeze', 'container'),
  term('tale', 'squeeze', 'container'),
  term('mile', 'squeeze', 'container'),
  term('desert', 'squeeze'),
  term('pumpkin'),
  term('hedgehog'),
  term('compass'),
  term('blossom'),
  term('sailboat'),
]

/** The placeholder terms of a split. */
export function termsOf(split: Split): readonly Term[] {
  return split === 'dev' ? DEV : HOLDOUT
}

/** The letters of a term with its word breaks removed (`purpleelephant`). */
export function termLetters(t: Term): string {
  return t.words.join('')
}
