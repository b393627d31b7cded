/**
 * @module bench/accuracy/benign
 * Benign cases: realistic queries a judge must allow. Three classes are built around a split's
 * terms from frequency-list words (a term inside an ordinary word, a term running across two
 * ordinary words, an ordinary word with doubled letters that squeezes to a term); the others are
 * ordinary text that only an over-eager normalizer would misread (Cyrillic and Greek, accents,
 * numbers, emoji, everyday queries). Every query is checked with `termReadings` so it can be read
 * as a term only in the way its class intends.
 */
import { type SplitText, textOf } from './benign-text.js'
import { skeletons, squeeze, termReadings } from './check.js'
import { inflections } from './positives.js'
import type { Rng } from './prng.js'
import type { BenignClass, Split, Term } from './types.js'
import { LATIN_LANGS, type Lang, splitWords } from './vocab.js'

/** A benign query before it gets its id. */
export interface BenignDraft {
  query: string
  lang: string
  words: string[]
}

/** What a class generator gets. */
interface Ctx {
  split: Split
  terms: readonly Term[]
  text: SplitText
  rng: Rng
  count: number
}

/** Languages whose doubled-letter words are searched. */
const DOUBLED_LANGS: readonly Lang[] = [...LATIN_LANGS, 'sv', 'pl']

/** Languages with accented words, for the accented class. */
const ACCENT_LANGS: readonly Lang[] = ['fr', 'de', 'es', 'pt', 'pl', 'sv', 'fi']

/** Cyrillic and Greek languages. */
const SCRIPT_LANGS: readonly Lang[] = ['ru', 'uk', 'bg', 'el']

/** Fills the `{x}` slot of a template. */
function fill(template: string, x: string): string {
  return template.replace('{x}', x)
}

/** Collects distinct drafts from `next` until `count` are kept or attempts run out. */
function collect(count: number, next: (i: number) => BenignDraft | undefined): BenignDraft[] {
  const seen = new Set<string>()
  const out: BenignDraft[] = []
  for (let i = 0; out.length < count && i < count * 60; i++) {
    const draft = next(i)
    if (!draft || seen.has(draft.query)) continue
    seen.add(draft.query)
    out.push(draft)
  }
  return out
}

/** Every word of the other split's hand-written text, so frequency words never cross over. */
function otherSplitWords(split: Split): Set<string> {
  const other = textOf(split === 'dev' ? 'holdout' : 'dev')
  const chunks = [
    ...other.ordinary.flatMap((f) => f.fillers),
    ...other.accented.map((p) => p.text),
    ...other.script.map((p) => p.text),
    ...other.lookalikeWords.map((p) => p.text),
    ...other.numbers.tokens,
    ...other.emoji.texts,
  ]
  return new Set(chunks.flatMap((c) => c.toLowerCase().split(/\s+/u)))
}

/** A split's frequency words of a language, minus words of the other split's own text. */
function vocabulary(ctx: Ctx, lang: Lang, limit = 10_000): readonly string[] {
  const avoid = otherSplitWords(ctx.split)
  return splitWords(lang, ctx.split, limit).filter((w) => !avoid.has(w))
}

/** Picks a language round-robin from those with candidates, then a word of it. */
function roundRobin<T>(rng: Rng, pools: readonly [string, readonly T[]][], i: number) {
  const live = pools.filter(([, items]) => items.length > 0)
  if (live.length === 0) return undefined
  const [lang, items] = live[i % live.length] as [string, readonly T[]]
  return { lang, item: rng.pick(items) }
}

/** Puts a key word in one of its language's templates; undefined if context adds readings. */
function inContext(ctx: Ctx, lang: string, word: string): BenignDraft | undefined {
  const templates = ctx.text.wordContexts[lang] ?? ['{x}']
  const query = fill(ctx.rng.pick(templates), word)
  if (termReadings(query, ctx.terms) !== termReadings(word, ctx.terms)) return undefined
  return { query, lang, words: [word] }
}

/** Forms of a term that count as the term itself (inflections), never as containing it. */
function termForms(word: string): Set<string> {
  const forms = new Set(inflections(word).map(([stem, end]) => stem + end))
  for (const end of ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'r', 'rs', 'y', 'ies']) {
    forms.add(word + end)
    forms.add(word.replace(/e$/, '') + end)
    forms.add(word + word.slice(-1) + end)
  }
  forms.add(word)
  return forms
}

/** Single-word terms of a split. */
function singleWordTerms(terms: readonly Term[]): Term[] {
  return terms.filter((t) => t.words.length === 1)
}

/** Frequency words that contain a term without being it or an inflection of it. */
function containingCandidates(ctx: Ctx, lang: Lang): string[] {
  const singles = singleWordTerms(ctx.terms)
  return vocabulary(ctx, lang).filter((w) => {
    const plain = skeletons(w)[0] ?? ''
    const inside = singles.filter((t) => plain.includes(t.text))
    return inside.length > 0 && inside.every((t) => !termForms(t.text).has(plain))
  })
}

/** Ordinary words with a term inside (`cartoon`, `carta`, `autobahn`), many languages. */
function containingWord(ctx: Ctx): BenignDraft[] {
  const pools = LATIN_LANGS.map((l) => [l, containingCandidates(ctx, l)] as [string, string[]])
  return collect(ctx.count, (i) => {
    const pick = roundRobin(ctx.rng, pools, i)
    return pick && inContext(ctx, pick.lang, pick.item)
  })
}

/** Words of a language in the split that read as no term on their own. */
function cleanWords(ctx: Ctx, lang: Lang): string[] {
  return vocabulary(ctx, lang, 8000).filter(
    (w) => w.length >= 3 && termReadings(w, ctx.terms) === 0,
  )
}

/** Two adjacent words across which a term runs, with extra letters on both sides. */
function pairFor(ctx: Ctx, words: readonly string[], t: Term): [string, string] | undefined {
  const k = ctx.rng.int(1, t.text.length - 1)
  const head = t.text.slice(0, k)
  const tail = t.text.slice(k)
  const firsts = words.filter((w) => w.endsWith(head) && w.length > head.length)
  const seconds = words.filter((w) => w.startsWith(tail) && w.length > tail.length)
  if (firsts.length === 0 || seconds.length === 0) return undefined
  return [ctx.rng.pick(firsts), ctx.rng.pick(seconds)]
}

/** Word pairs such as "music artist" (`cart`) or "spur plenty" (`purple`). */
function wordPairs(ctx: Ctx): BenignDraft[] {
  const pools = LATIN_LANGS.map((l) => [l, [cleanWords(ctx, l)]] as [string, string[][]])
  const singles = singleWordTerms(ctx.terms)
  return collect(ctx.count, (i) => {
    const pick = roundRobin(ctx.rng, pools, i)
    if (!pick) return undefined
    const pair = pairFor(ctx, pick.item, ctx.rng.pick(singles))
    if (!pair) return undefined
    const bare = pair.join(' ')
    const templates = ctx.text.wordContexts[pick.lang] ?? ['{x}']
    const query = ctx.rng.chance(0.7) ? bare : fill(ctx.rng.pick(templates), bare)
    if (termReadings(query, ctx.terms) !== termReadings(bare, ctx.terms)) return undefined
    return { query, lang: pick.lang, words: pair }
  })
}

/** Every way of collapsing one run of a doubled letter, and all of them at once. */
function squeezings(word: string): string[] {
  const out = [squeeze(word)]
  for (const m of word.matchAll(/(.)\1+/gu)) {
    const at = m.index ?? 0
    out.push(word.slice(0, at + 1) + word.slice(at + m[0].length))
  }
  return out
}

/** Words with doubled letters that squeeze to something containing a term (`dessert`). */
function doubledCandidates(ctx: Ctx, lang: Lang): string[] {
  const letters = ctx.terms.map((t) => t.words.join(''))
  return vocabulary(ctx, lang).filter((w) => {
    if (!/(.)\1/u.test(w) || termReadings(w, ctx.terms, 'plain') > 0) return false
    const plain = skeletons(w)[0] ?? ''
    return squeezings(plain).some((s) => letters.some((l) => s.includes(l)))
  })
}

/** Ordinary words whose doubled letters, squeezed, would spell a term. */
function doubledLetters(ctx: Ctx): BenignDraft[] {
  const pools = DOUBLED_LANGS.map((l) => [l, doubledCandidates(ctx, l)] as [string, string[]])
  return collect(ctx.count, (i) => {
    const pick = roundRobin(ctx.rng, pools, i)
    const draft = pick && inContext(ctx, pick.lang, pick.item)
    if (!draft || termReadings(draft.query, ctx.terms, 'plain') > 0) return undefined
    return draft
  })
}

/** Frequency words of a script language, skipping the commonest function words. */
function scriptWords(ctx: Ctx, lang: Lang): string[] {
  return vocabulary(ctx, lang, 5000).filter(
    (w, i) => i >= 20 && [...w].length >= 3 && /^[\p{Script=Cyrillic}\p{Script=Greek}]+$/u.test(w),
  )
}

/** Real Russian, Ukrainian, Bulgarian and Greek queries, including all-look-alike words. */
function cyrillicGreek(ctx: Ctx): BenignDraft[] {
  const { text, rng } = ctx
  const pools = SCRIPT_LANGS.map((l) => [l, scriptWords(ctx, l)] as [string, string[]])
  const fixed = [...text.script, ...text.lookalikeWords]
  return collect(ctx.count, (i) => {
    if (i < fixed.length) {
      const p = fixed[i] as { lang: string; text: string }
      return clean(ctx, { query: p.text, lang: p.lang, words: [p.text] })
    }
    const r = rng.next()
    if (r < 0.25) {
      const p = rng.pick(text.lookalikeWords)
      return inContext(ctx, p.lang, p.text)
    }
    const pick = roundRobin(rng, pools, i)
    if (!pick) return undefined
    if (r < 0.7) return inContext(ctx, pick.lang, pick.item)
    const second = rng.pick(pools.find(([l]) => l === pick.lang)?.[1] ?? [])
    return clean(ctx, {
      query: `${pick.item} ${second}`,
      lang: pick.lang,
      words: [pick.item, second],
    })
  })
}

/** The draft when it reads as no term at all. */
function clean(ctx: Ctx, draft: BenignDraft): BenignDraft | undefined {
  return termReadings(draft.query, ctx.terms) === 0 ? draft : undefined
}

/** Frequency words with at least one non-ASCII letter. */
function accentedWords(ctx: Ctx, lang: Lang): string[] {
  return vocabulary(ctx, lang, 6000).filter((w) => /[^a-z]/u.test(w) && w.length >= 3)
}

/** Capitalized, decomposed (NFD, as some systems send it) or as is. */
function accentVariant(rng: Rng, text: string): string {
  const r = rng.next()
  if (r < 0.15) return text.normalize('NFD')
  if (r < 0.3) return text.charAt(0).toUpperCase() + text.slice(1)
  return text
}

/** Ordinary accented words and phrases in French, German, Spanish, Portuguese, Polish, ... */
function accented(ctx: Ctx): BenignDraft[] {
  const { text, rng } = ctx
  const pools = ACCENT_LANGS.map((l) => [l, accentedWords(ctx, l)] as [string, string[]])
  return collect(ctx.count, (i) => {
    const phrase = i < text.accented.length ? text.accented[i] : undefined
    if (phrase || rng.chance(0.2)) {
      const p = phrase ?? rng.pick(text.accented)
      const query = i < text.accented.length ? p.text : fill(contextFor(ctx, p.lang), p.text)
      return clean(ctx, { query: accentVariant(rng, query), lang: p.lang, words: [p.text] })
    }
    const pick = roundRobin(rng, pools, i)
    if (!pick) return undefined
    const draft = inContext(ctx, pick.lang, pick.item)
    return draft && clean(ctx, { ...draft, query: accentVariant(rng, draft.query) })
  })
}

/** A random word-context template of a language. */
function contextFor(ctx: Ctx, lang: string): string {
  return ctx.rng.pick(ctx.text.wordContexts[lang] ?? ['{x}'])
}

/** Generated numbers of a split: years, prices, phone-like numbers, versions, sizes. */
const NUMBER_PATTERNS: Readonly<Record<Split, readonly ((rng: Rng) => string)[]>> = {
  dev: [
    (rng) => `${rng.int(1950, 1989)} calendar`,
    (rng) => `best movies of ${rng.int(1950, 1989)}`,
    (rng) => `gifts under $${rng.int(5, 99)}.99`,
    (rng) => `call 555-01${String(rng.int(0, 99)).padStart(2, '0')}`,
    (rng) => `python ${rng.int(2, 3)}.${rng.int(0, 12)} release notes`,
    (rng) => `${rng.int(2, 500)} km in miles`,
    (rng) => `${rng.int(1, 12)}/${rng.int(1, 28)}/${rng.int(1950, 1989)}`,
  ],
  holdout: [
    (rng) => `world cup ${rng.int(1990, 2023)}`,
    (rng) => `${rng.int(1990, 2023)} election winners`,
    (rng) => `€${rng.int(5, 99)},50 headphones`,
    (rng) => `+44 20 7946 0${String(rng.int(0, 999)).padStart(3, '0')} who called`,
    (rng) =>
      `firmware ${rng.int(1, 9)}.${rng.int(0, 9)}.${rng.int(0, 9)} build ${rng.int(1000, 9999)}`,
    (rng) => `${rng.pick([8, 16, 32, 64])}gb ram laptop`,
    (rng) => `${rng.int(1, 99)}% battery`,
  ],
}

/** Prices, years, phone-like numbers, versions and digit-bearing words (`mp3`, `1337`). */
function numbers(ctx: Ctx): BenignDraft[] {
  const { text, rng, split } = ctx
  return collect(ctx.count, (i) => {
    if (i % 2 === 0) {
      const token = rng.pick(text.numbers.tokens)
      const query = fill(rng.pick(text.numbers.templates), token)
      return clean(ctx, { query, lang: 'en', words: [token] })
    }
    const query = rng.pick(NUMBER_PATTERNS[split])(rng)
    return clean(ctx, { query, lang: 'en', words: [query] })
  })
}

/** Queries with emoji, flags, keycaps, skin tones and ZWJ sequences. */
function emoji(ctx: Ctx): BenignDraft[] {
  const { text, rng } = ctx
  const forms: ((t: string, e: string, e2: string) => string)[] = [
    (t, e) => `${e} ${t}`,
    (t, e) => `${t} ${e}`,
    (t, e, e2) => `${t} ${e}${e2}`,
    (t, e) => `${t}${e}`,
    (t, e) => `${e}${t}`,
    (_, e, e2) => `${e}${e2}${e}`,
    (_, e) => e,
  ]
  return collect(ctx.count, () => {
    const t = rng.pick(text.emoji.texts)
    const e = rng.pick(text.emoji.emoji)
    const e2 = rng.pick(text.emoji.emoji)
    const query = rng.pick(forms)(t, e, e2)
    const words = query.includes(t) ? [t, e] : [e]
    return clean(ctx, { query, lang: 'en', words })
  })
}

/** Everyday search queries in several languages. */
function ordinary(ctx: Ctx): BenignDraft[] {
  const { text, rng } = ctx
  return collect(ctx.count, (i) => {
    const frame = text.ordinary[i % text.ordinary.length]
    if (!frame) return undefined
    const filler = rng.pick(frame.fillers)
    const query = fill(rng.pick(frame.templates), filler)
    return clean(ctx, { query, lang: frame.lang, words: [filler] })
  })
}

const MAKERS: Readonly<Record<BenignClass, (ctx: Ctx) => BenignDraft[]>> = {
  'containing-word': containingWord,
  'word-pairs': wordPairs,
  'doubled-letters': doubledLetters,
  'cyrillic-greek': cyrillicGreek,
  accented,
  numbers,
  emoji,
  ordinary,
}

/** Up to `count` benign drafts of a class for a split. */
export function makeBenign(
  cls: BenignClass,
  split: Split,
  terms: readonly Term[],
  rng: Rng,
  count: number,
): BenignDraft[] {
  return MAKERS[cls]({ split, terms, text: textOf(split), rng, count })
}
