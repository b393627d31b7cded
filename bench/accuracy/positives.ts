/**
 * @module bench/accuracy/positives
 * Positive cases: a placeholder term, obfuscated by one evasion class, inside ordinary context
 * words ("watch <x> online", "<x>", "best <x> 2024"). A case is assembled from five segments,
 * `left + before + core + after + right`, where `core` is exactly the expected span and
 * `before`/`after` are glued to it without a space (a hashtag's `#`, an inflection ending, the
 * other words of a compound token).
 */
import { termReadings } from './check.js'
import {
  applyAccents,
  applyAmbiguous,
  applyCase,
  applyDots,
  applyLeet,
  applyLookalike,
  applySpacing,
  applyStretch,
  applyWidth,
  applyZeroWidth,
  type CaseStyle,
  glyphRefs,
  type LookalikeKind,
  plainRendering,
  type Rendering,
  render,
  toFullwidth,
} from './obfuscate.js'
import type { Rng } from './prng.js'
import { termLetters } from './terms.js'
import type { PositiveClass, Term } from './types.js'
import { isListedWord } from './vocab.js'

/** The pieces of a positive query; `core` is the span. */
export interface Assembled {
  left: string
  before: string
  core: string
  after: string
  right: string
}

/** What a class generator returns: the glued token, or undefined when the term does not fit. */
type Made = Omit<Assembled, 'left' | 'right'>

/** Ordinary context around the term: [words before, words after]. */
const CONTEXTS: readonly (readonly [string, string])[] = [
  ['', ''],
  ['', ''],
  ['watch ', ' online'],
  ['best ', ' 2024'],
  ['', ' video'],
  ['free ', ' download'],
  ['', ' pics'],
  ['new ', ' clips'],
  ['', ' hd'],
  ['where to find ', ''],
  ['', ' full collection'],
  ['buy ', ''],
  ['', ' near me'],
  ['what is ', '?'],
  ['search ', ' results'],
  ['', ' for sale'],
  ['cheap ', ' deals'],
  ['top 10 ', ''],
  ['how to draw ', ''],
  ['', ' wallpaper'],
]

/** Ordinary words glued to a term in compound tokens and hashtags. */
const FILLERS: readonly string[] = [
  'videos',
  'clips',
  'hd',
  'house',
  'garden',
  'pics',
  'official',
  'live',
  'tv',
  'fan',
  'club',
  'daily',
  'world',
  'my',
  'the',
  'best',
  'new',
  'free',
  'big',
  'fun',
  'shop',
  'lover',
  'party',
  'zone',
]

/** Assembles a case and its span. */
export function assemble(parts: Assembled): { query: string; start: number; end: number } {
  const start = parts.left.length + parts.before.length
  const query = parts.left + parts.before + parts.core + parts.after + parts.right
  return { query, start, end: start + parts.core.length }
}

/** A random case style, mostly lower case. */
function randomCase(rng: Rng): CaseStyle {
  return rng.pick(['lower', 'lower', 'lower', 'title', 'upper'] as const)
}

/** Wraps a rendering as a made token with nothing glued. */
function bare(r: Rendering): Made {
  return { before: '', core: render(r), after: '' }
}

/** Runs one transform on a fresh rendering; undefined when the term has nothing to transform. */
function single(t: Term, rng: Rng, transform: (r: Rendering) => boolean): Made | undefined {
  const r = plainRendering(t.words, randomCase(rng))
  return transform(r) ? bare(r) : undefined
}

const LOOKALIKE_KINDS: readonly LookalikeKind[] = [
  'cyrillic',
  'cyrillic',
  'greek',
  'mixed',
  'math-bold',
  'math-italic',
  'circled',
]

/** The transforms that can be stacked in the combinations class. */
const STACKABLE: Readonly<Record<string, (r: Rendering, rng: Rng) => boolean>> = {
  leet: (r, rng) => applyLeet(r, rng, 0.5),
  lookalike: (r, rng) => applyLookalike(r, rng, rng.pick(['cyrillic', 'greek', 'mixed'])),
  accents: (r, rng) => applyAccents(r, rng),
  width: (r, rng) => applyWidth(r, rng),
  spacing: (r) => applySpacing(r),
  dots: (r, rng) => applyDots(r, rng),
  'zero-width': (r, rng) => applyZeroWidth(r, rng),
  stretched: (r, rng) => applyStretch(r, rng),
}

/** Two or three stacked transforms; letter substitutions first, width last among them. */
function makeCombination(t: Term, rng: Rng): Made | undefined {
  const order = [
    'leet',
    'lookalike',
    'accents',
    'width',
    'spacing',
    'dots',
    'zero-width',
    'stretched',
  ]
  let chosen = rng.sample(order, rng.int(2, 3))
  if (chosen.includes('spacing') && chosen.includes('dots')) {
    chosen = chosen.filter((c) => c !== 'dots')
  }
  if (chosen.length < 2) return undefined
  const r = plainRendering(t.words, randomCase(rng))
  for (const name of order.filter((o) => chosen.includes(o))) {
    if (!STACKABLE[name]?.(r, rng)) return undefined
  }
  return bare(r)
}

/** The term inside a compound token: run together, hashtag, camelCase or snake_case. */
function makeJoined(t: Term, rng: Rng): Made | undefined {
  const style = rng.pick(['run', 'hashtag', 'camel', 'snake'] as const)
  const pre = rng.chance(0.5) ? rng.pick(FILLERS) : ''
  const post = pre === '' || rng.chance(0.5) ? rng.pick(FILLERS) : ''
  if (!joinedIsNovel(t, pre, post)) return undefined
  if (style === 'camel') {
    const cap = (w: string) => applyCase(w, 'title')
    const first = pre === '' && rng.chance(0.5) ? t.words[0] : cap(t.words[0] ?? '')
    const core = [first, ...t.words.slice(1).map(cap)].join('')
    return { before: pre, core, after: cap(post) }
  }
  if (style === 'snake') {
    return {
      before: pre === '' ? '' : `${pre}_`,
      core: t.words.join('_'),
      after: post === '' ? '' : `_${post}`,
    }
  }
  const core = t.words.join('')
  return { before: (style === 'hashtag' ? '#' : '') + pre, core, after: post }
}

/** False when gluing the fillers would spell an ordinary word (`cart` + `on`). */
function joinedIsNovel(t: Term, pre: string, post: string): boolean {
  const first = t.words[0] ?? ''
  const last = t.words[t.words.length - 1] ?? ''
  const pieces = [pre + first, last + post, pre + termLetters(t) + post]
  return pieces.every((p) => p === first || p === last || !isListedWord(p))
}

/** Inflection endings an English term can take, as [span of the term, glued ending]. */
export function inflections(word: string): [string, string][] {
  const out: [string, string][] = []
  if (/e$/.test(word)) {
    out.push([word, 's'], [word, 'd'], [word.slice(0, -1), 'ing'], [word, 'r'], [word, 'rs'])
    return out
  }
  out.push([word, /(s|x|z|ch|sh)$/.test(word) ? 'es' : 's'])
  const doubles = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(word)
  const extra = doubles ? word.slice(-1) : ''
  for (const end of ['ed', 'ing', 'er', 'ers']) out.push([word, extra + end])
  return out
}

/** The term with an English ending on its last word; the span excludes the ending. */
function makeInflection(t: Term, rng: Rng): Made | undefined {
  const last = t.words[t.words.length - 1] ?? ''
  if (/y$/.test(last)) return undefined
  const [stem, ending] = rng.pick(inflections(last))
  const style = randomCase(rng)
  const words = [...t.words.slice(0, -1), stem].map((w) => applyCase(w, style))
  const after = style === 'upper' ? ending.toUpperCase() : ending
  return { before: '', core: words.join(' '), after }
}

/** One inside letter (not the first or last of its word) masked by *, #, _, . or ?. */
function makeMasked(t: Term, rng: Rng): Made | undefined {
  if (termLetters(t).length < 6) return undefined
  const r = plainRendering(t.words, randomCase(rng))
  const inside = glyphRefs(r).filter(({ w, i }) => i > 0 && i < (r.words[w]?.length ?? 0) - 1)
  if (inside.length === 0) return undefined
  const { g } = rng.pick(inside)
  g.out = rng.pick(['*', '#', '_', '.', '?'])
  g.subst = true
  return bare(r)
}

/** A single-word term of six or more letters split once by a space, hyphen or dot. */
function makeSplit(t: Term, rng: Rng): Made | undefined {
  const word = t.words[0] ?? ''
  if (t.words.length !== 1 || word.length < 6) return undefined
  const r = plainRendering(t.words, randomCase(rng))
  const at = rng.int(2, word.length - 2)
  const seps = r.inner[0] as string[]
  seps[at - 1] = rng.pick([' ', ' ', '-', '.'])
  return bare(r)
}

/** A multi-word term with a separator other than a space, or none. */
function makeMultiword(t: Term, rng: Rng): Made | undefined {
  if (t.words.length < 2) return undefined
  const style = rng.pick(['-', '', '_', '.', 'camel', '+', '/'] as const)
  const words =
    style === 'camel'
      ? t.words.map((w) => applyCase(w, 'title'))
      : t.words.map((w) => applyCase(w, rng.pick(['lower', 'lower', 'title', 'upper'] as const)))
  return { before: '', core: words.join(style === 'camel' ? '' : style), after: '' }
}

/** One letter doubled (`purrple`), never spelling an ordinary word (`desert` → `dessert`). */
function makeDoubled(t: Term, rng: Rng): Made | undefined {
  const r = plainRendering(t.words, randomCase(rng))
  const refs = glyphRefs(r).filter(({ w, i }) => {
    const word = t.words[w] ?? ''
    return word[i - 1] !== word[i] && word[i + 1] !== word[i]
  })
  if (refs.length === 0) return undefined
  const ref = rng.pick(refs)
  ref.g.reps = 2
  const word = t.words[ref.w] ?? ''
  const doubled = word.slice(0, ref.i + 1) + word.slice(ref.i)
  return isListedWord(doubled) ? undefined : bare(r)
}

/** The generator of each positive class. */
const MAKERS: Readonly<Record<PositiveClass, (t: Term, rng: Rng) => Made | undefined>> = {
  leet: (t, rng) => single(t, rng, (r) => applyLeet(r, rng)),
  lookalike: (t, rng) => single(t, rng, (r) => applyLookalike(r, rng, rng.pick(LOOKALIKE_KINDS))),
  width: (t, rng) => single(t, rng, (r) => applyWidth(r, rng)),
  accents: (t, rng) => single(t, rng, (r) => applyAccents(r, rng)),
  spacing: (t, rng) => single(t, rng, (r) => applySpacing(r)),
  dots: (t, rng) => single(t, rng, (r) => applyDots(r, rng)),
  'zero-width': (t, rng) => single(t, rng, (r) => applyZeroWidth(r, rng)),
  stretched: (t, rng) => single(t, rng, (r) => applyStretch(r, rng)),
  combinations: makeCombination,
  joined: makeJoined,
  inflection: makeInflection,
  masked: makeMasked,
  split: makeSplit,
  multiword: makeMultiword,
  doubled: makeDoubled,
  ambiguous: (t, rng) => single(t, rng, (r) => applyAmbiguous(r, rng)),
}

/** Places a made token in a random context; width cases are sometimes fullwidth throughout. */
function placeInContext(cls: PositiveClass, made: Made, rng: Rng): Assembled {
  const [left, right] = rng.pick(CONTEXTS)
  const parts: Assembled = { left, right, before: made.before, core: made.core, after: made.after }
  if (cls === 'width' && rng.chance(0.3)) {
    return { ...parts, left: toFullwidth(left), right: toFullwidth(right) }
  }
  return parts
}

/** Context words must not themselves read as a term. */
export function checkContexts(terms: readonly Term[]): void {
  for (const [l, r] of CONTEXTS) {
    if (termReadings(`${l} ${r}`, terms) > 0) throw new Error(`context "${l}…${r}" reads as a term`)
  }
  for (const f of FILLERS) {
    if (termReadings(f, terms) > 0) throw new Error(`filler "${f}" reads as a term`)
  }
}

/** One positive of a class for a term, or undefined when the term does not suit the class. */
export function makePositive(
  cls: PositiveClass,
  t: Term,
  rng: Rng,
): { query: string; start: number; end: number } | undefined {
  const made = MAKERS[cls](t, rng)
  if (!made || made.core === '') return undefined
  return assemble(placeInContext(cls, made, rng))
}
