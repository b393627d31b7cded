/**
 * @module middleware/filter-suggestions
 * `filterSuggestions()`: judges the typed prefix before the autocomplete handler runs (a deterred prefix gets
 * no suggestions at all, and the handler is never called), then every suggestion of the upstream answer,
 * dropping those that are not `allow`. Suggestions repeat across prefixes, so verdicts are cached in a
 * bounded LRU keyed by list version (cleared when the list changes).
 */

import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { LRUCache } from 'lru-cache'
import type { TermListSnapshot } from '../termlist/compile.js'
import { assignArm } from './arm.js'
import { queryTexts } from './extract.js'
import { judgeAll, withContext } from './judge.js'
import {
  type CommonOptions,
  type DeterrenceEnv,
  resolveOptions,
  type VerdictEvent,
} from './options.js'
import { chooseLanguage, respondWithProblem } from './respond.js'

/** The shapes of autocomplete answers understood. */
export type SuggestionFormat = 'opensearch' | 'strings' | 'objects'

/** Options of {@link filterSuggestions}. */
export interface FilterSuggestionsOptions extends CommonOptions {
  /** The upstream answer's shape (default: recognized from the answer; `opensearch` for a deterred prefix). */
  readonly format?: SuggestionFormat
  /** For `objects`: the field that holds the suggestion text (default `text`). */
  readonly textField?: string
  /** Verdicts cached (default 10 000; 0 disables the cache). */
  readonly cacheSize?: number
}

/** Whether a suggestion may be shown. */
export type Judge = (text: string) => boolean

/** A verdict cache of `size` entries (0: none) that forgets everything when the list version changes. */
export const createVerdictCache = (size: number) => {
  type Judging = Pick<TermListSnapshot, 'version' | 'judge'>
  if (size === 0)
    return (snapshot: Judging): Judge =>
      (t) =>
        snapshot.judge(t).action === 'allow'
  const cache = new LRUCache<string, boolean>({ max: size })
  let version = ''
  return (snapshot: Judging): Judge => {
    if (snapshot.version !== version) {
      cache.clear()
      version = snapshot.version
    }
    return (text) => {
      let ok = cache.get(text)
      if (ok === undefined) {
        ok = snapshot.judge(text).action === 'allow'
        cache.set(text, ok)
      }
      return ok
    }
  }
}

/** Filters a parsed answer; returns the new answer and counts, or `undefined` for an unknown shape. */
export const filterAnswer = (
  body: unknown,
  allowed: Judge,
  textField: string,
): { body: unknown; offered: number; withheld: number } | undefined => {
  if (!Array.isArray(body)) return undefined
  // OpenSearch suggestions: [query, [completions], [descriptions]?, [urls]?]
  if (typeof body[0] === 'string' && Array.isArray(body[1])) {
    const completions = body[1] as unknown[]
    const keep = completions.map((s) => typeof s === 'string' && allowed(s))
    const pick = (list: unknown) => (Array.isArray(list) ? list.filter((_, i) => keep[i]) : list)
    const filtered = [body[0], ...body.slice(1).map(pick)]
    return { body: filtered, offered: completions.length, withheld: keep.filter((k) => !k).length }
  }
  if (body.every((s) => typeof s === 'string')) {
    const kept = (body as string[]).filter(allowed)
    return { body: kept, offered: body.length, withheld: body.length - kept.length }
  }
  if (body.every((s) => s !== null && typeof s === 'object')) {
    const kept = body.filter((s: Record<string, unknown>) => {
      const text = s[textField]
      return typeof text === 'string' && allowed(text)
    })
    return { body: kept, offered: body.length, withheld: body.length - kept.length }
  }
  return undefined
}

const emptyAnswer = (format: SuggestionFormat | undefined, prefix: string): unknown =>
  format === 'strings' || format === 'objects' ? [] : [prefix, []]

/**
 * Withholds autocomplete suggestions that the term list deters. A deterred prefix gets an empty answer and
 * the handler is not called; otherwise every suggestion of the handler's JSON answer is judged.
 * Filtering never fails open: an answer that cannot be read is replaced by an empty one.
 *
 * @param options.lists - the compiled term list, or a holder of the current one (required).
 * @param options.format - `opensearch` | `strings` | `objects` (default: recognized).
 * @param options.textField - text field of `objects` suggestions (default `text`).
 * @param options.cacheSize - LRU verdict cache size (default 10 000).
 * @example
 * const app = new Hono<DeterrenceEnv>()
 * app.use('/suggest', filterSuggestions({ lists }))
 * app.get('/suggest', (c) => c.json([c.req.query('q'), complete(c.req.query('q'))]))
 */
export const filterSuggestions = (
  options: FilterSuggestionsOptions,
): MiddlewareHandler<DeterrenceEnv> => {
  const resolved = resolveOptions(options)
  const textField = options.textField ?? 'text'
  const judgeFor = createVerdictCache(options.cacheSize ?? 10_000)
  return createMiddleware<DeterrenceEnv>(async function filterSuggestions(c, next) {
    const checked = queryTexts(c.req.url, resolved.params, resolved.limits)
    if (!checked.ok) return respondWithProblem(c, checked.problem)
    const snapshot = resolved.current()
    const verdict = judgeAll(snapshot, checked.values)
    const arm = assignArm(resolved.arms, resolved.session(c))
    c.set('deterrence', withContext(verdict, 'suggestion', arm))
    const event = (suggestions?: VerdictEvent['suggestions']): VerdictEvent => ({
      surface: 'suggestion',
      action: verdict.action,
      rule: verdict.rule,
      categories: [...new Set(verdict.hits.map((h) => h.category))],
      listVersion: verdict.listVersion,
      arm,
      lang: chooseLanguage(c, resolved),
      region: resolved.region(c),
      ...(suggestions ? { suggestions } : {}),
    })
    if (verdict.action !== 'allow') {
      resolved.onVerdict(event())
      c.header('Cache-Control', 'no-store')
      return c.json(emptyAnswer(options.format, checked.values[0] ?? ''))
    }

    await next()
    const res = c.res
    if (!(res.headers.get('content-type') ?? '').includes('json')) return
    let filtered: ReturnType<typeof filterAnswer>
    try {
      filtered = filterAnswer(await res.clone().json(), judgeFor(snapshot), textField)
    } catch (error) {
      resolved.onError(error, c)
      filtered = undefined
    }
    const headers = new Headers(res.headers)
    headers.delete('content-length')
    if (filtered === undefined) {
      // unknown shape or unreadable: withhold everything rather than pass unjudged suggestions
      c.res = new Response(JSON.stringify(emptyAnswer(options.format, checked.values[0] ?? '')), {
        status: res.status,
        headers,
      })
      return
    }
    if (filtered.withheld > 0) headers.set('Cache-Control', 'no-store')
    resolved.onVerdict(event({ offered: filtered.offered, withheld: filtered.withheld }))
    c.res = new Response(JSON.stringify(filtered.body), { status: res.status, headers })
  })
}
