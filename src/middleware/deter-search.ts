/**
 * @module middleware/deter-search
 * `deterSearch()`: judges every text of a search request before the search runs. Deterred and support
 * verdicts never reach the search handler; the answer is the localized warning (or help), `no-store`,
 * without any way to see the results.
 */

import type { Context, MiddlewareHandler, Next } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { assignArm } from './arm.js'
import { checkWellFormed, type Extracted, jsonValues, queryTexts, readJsonBody } from './extract.js'
import { judgeAll, withContext } from './judge.js'
import {
  type CommonOptions,
  type DeterrenceEnv,
  type DeterrenceVerdict,
  type ResolvedOptions,
  resolveOptions,
} from './options.js'
import {
  chooseLanguage,
  minimalWarning,
  respondWithProblem,
  respondWithWarning,
} from './respond.js'

/** Options of {@link deterSearch}. */
export interface DeterSearchOptions extends CommonOptions {
  /** Dotted paths of JSON body fields judged too (`['query', 'filters.text']`); default none. */
  readonly jsonFields?: readonly string[]
  /** Largest JSON body read, in bytes (default 64 KiB). Larger: 413. */
  readonly maxBodyBytes?: number
  /** Custom extractor: replaces the query parameters and JSON fields. */
  readonly extract?: (c: Context) => readonly string[] | Promise<readonly string[]>
}

/** The JSON body through Hono's body limit: 413 past `maxBytes`, 400 when it is not JSON. */
const readLimitedJson = async (
  c: Context,
  maxBytes: number,
): Promise<{ ok: true; body: unknown } | (Extracted & { ok: false })> => {
  const result: { value: { ok: true; body: unknown } | (Extracted & { ok: false }) } = {
    value: {
      ok: false,
      problem: {
        status: 413,
        code: 'body-too-large',
        message: `the body is larger than ${maxBytes} bytes`,
      },
    },
  }
  const limit = bodyLimit({ maxSize: maxBytes, onError: (ctx) => ctx.body(null, 413) })
  await limit(c, async () => {
    const read = await readJsonBody(c)
    result.value = read.ok && 'body' in read ? read : (read as Extracted & { ok: false })
  })
  return result.value
}

const extractTexts = async (
  c: Context,
  options: ResolvedOptions,
  jsonFields: readonly string[],
  maxBodyBytes: number,
  custom: DeterSearchOptions['extract'],
): Promise<Extracted> => {
  if (custom) return checkWellFormed(await custom(c))
  const fromQuery = queryTexts(c.req.url, options.params, options.limits)
  if (!fromQuery.ok) return fromQuery
  if (jsonFields.length === 0 || !(c.req.header('content-type') ?? '').includes('json')) {
    return fromQuery
  }
  const read = await readLimitedJson(c, maxBodyBytes)
  if (!read.ok) return read
  const fromBody = jsonValues(read.body, jsonFields, {
    ...options.limits,
    maxValues: options.limits.maxValues - fromQuery.values.length,
  })
  if (!fromBody.ok) return fromBody
  const checked = checkWellFormed(fromBody.values)
  return checked.ok ? { ok: true, values: [...fromQuery.values, ...checked.values] } : checked
}

/**
 * Withholds results for searches the term list deters, and answers with a localized warning and help.
 * Searching never throws: a failure after the verdict (rendering, hooks) still yields a warning, never
 * results. Request problems (bad encoding, too long, too many values, bad JSON) get a clear 4xx.
 *
 * @param options.lists - the compiled term list, or a holder of the current one (required).
 * @param options.params - query parameters judged (default `['q']`, every value).
 * @param options.jsonFields - JSON body fields judged (default none).
 * @param options.maxQueryLength - longest text (default 512 UTF-16 units).
 * @example
 * const lists = compileTermList(parseTermList(text, 'starter.yaml'))
 * const app = new Hono<DeterrenceEnv>()
 * app.use('/search', deterSearch({ lists }))
 * app.get('/search', (c) => c.json(search(c.req.query('q'))))
 */
export const deterSearch = (options: DeterSearchOptions): MiddlewareHandler<DeterrenceEnv> => {
  const resolved = resolveOptions(options)
  const jsonFields = options.jsonFields ?? []
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024
  /** Judges the extracted texts and answers; synchronous apart from the search handler (`next`). */
  const judgeRequest = (
    c: Context<DeterrenceEnv>,
    next: Next,
    extracted: Extracted,
  ): ReturnType<MiddlewareHandler<DeterrenceEnv>> => {
    if (!extracted.ok) return Promise.resolve(respondWithProblem(c, extracted.problem))
    if (extracted.values.length === 0) return next()

    let verdict: DeterrenceVerdict
    try {
      const v = judgeAll(resolved.current(), extracted.values)
      verdict = withContext(v, 'query', assignArm(resolved.arms, resolved.session(c)))
    } catch (error) {
      // the engine itself never throws; a failing host hook (session) must not open the results
      resolved.onError(error, c)
      return Promise.resolve(minimalWarning(c))
    }
    c.set('deterrence', verdict)
    // an allowed search that nobody records needs nothing more (the common case, kept short)
    if (verdict.action === 'allow' && !resolved.recordsVerdicts) return next()
    let lang = 'en'
    let region: string | undefined
    try {
      lang = chooseLanguage(c, resolved)
      region = resolved.region(c)
    } catch (error) {
      resolved.onError(error, c)
      if (verdict.action === 'allow') return next()
      return Promise.resolve(minimalWarning(c))
    }
    resolved.onVerdict({
      surface: 'query',
      action: verdict.action,
      rule: verdict.rule,
      categories: [...new Set(verdict.hits.map((h) => h.category))],
      listVersion: verdict.listVersion,
      arm: verdict.arm,
      lang,
      region,
    })
    if (verdict.action === 'allow') return next()
    return Promise.resolve(respondWithWarning(c, resolved, verdict, lang, region))
  }

  return createMiddleware<DeterrenceEnv>(function deterSearch(c, next) {
    // the common case (query parameters only) stays synchronous: an allowed search costs no promise of ours
    if (jsonFields.length === 0 && options.extract === undefined) {
      return judgeRequest(c, next, queryTexts(c.req.url, resolved.params, resolved.limits))
    }
    return extractTexts(c, resolved, jsonFields, maxBodyBytes, options.extract).then((extracted) =>
      judgeRequest(c, next, extracted),
    )
  })
}
