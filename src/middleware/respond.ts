/**
 * @module middleware/respond
 * The answer to a deterred (or support) search, by content negotiation: an HTML page for browsers, JSON for
 * API clients, both from one localized model. Every answer is `Cache-Control: no-store`. When building the
 * model or the page fails, a minimal built-in warning is sent instead: a failure never turns into results.
 */

import type { Context } from 'hono'
import { renderWarningPage } from '../warning/html.js'
import { buildWarningModel, type WarningModel } from '../warning/model.js'
import { negotiateLanguage } from '../warning/negotiate.js'
import type { RequestProblem } from './extract.js'
import type { DeterrenceVerdict, ResolvedOptions } from './options.js'

/** Version of the JSON shape below; bumped on any incompatible change. */
export const RESPONSE_VERSION = 1

/** The JSON answer for API clients (version 1). */
export interface DeterrenceResponse {
  readonly version: typeof RESPONSE_VERSION
  readonly blocked: true
  readonly verdict: {
    readonly action: 'deter' | 'support'
    readonly rule: string | null
    readonly categories: readonly string[]
    readonly listVersion: string
    readonly arm: string
  }
  readonly warning: Omit<WarningModel, 'help' | 'report' | 'chat'>
  readonly help: WarningModel['help']
  readonly report: WarningModel['report']
  readonly chat: WarningModel['chat'] | null
}

/** True when the client prefers HTML (browsers) over JSON. */
export const wantsHtml = (c: Context): boolean => {
  const accept = c.req.header('accept') ?? ''
  return /\btext\/html\b/i.test(accept)
}

const nonce = (): string => {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

/** The CSP of the warning page: nothing but its own inline style. */
export const warningCsp = (n: string): string =>
  `default-src 'none'; style-src 'nonce-${n}'; img-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'`

const MINIMAL_TEXT =
  'This search may be for sexual images of children, which is illegal and harms children. ' +
  'No results are shown. Confidential, anonymous help is available: Stop It Now, https://www.stopitnow.org.uk'

/** The answer of last resort, with no dependency on locales, help data or templates. */
export const minimalWarning = (c: Context): Response => {
  c.header('Cache-Control', 'no-store')
  if (wantsHtml(c)) {
    const n = nonce()
    c.header('Content-Security-Policy', warningCsp(n))
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Search stopped</title></head><body><main><h1>Search stopped</h1><p>${MINIMAL_TEXT}</p></main></body></html>`,
    )
  }
  return c.json({ version: RESPONSE_VERSION, blocked: true, warning: { messages: [MINIMAL_TEXT] } })
}

/** The localized warning for a verdict. Never throws: falls back to {@link minimalWarning}. */
export const respondWithWarning = (
  c: Context,
  options: ResolvedOptions,
  verdict: DeterrenceVerdict,
  lang: string,
  region: string | undefined,
): Response => {
  try {
    const chatUrl = options.chatUrl(c)
    const model = buildWarningModel(options.i18n, options.help, verdict, {
      lang,
      region,
      audience: options.audience(c),
      arm: verdict.arm,
      ...(chatUrl ? { chatUrl } : {}),
    })
    c.header('Cache-Control', 'no-store')
    c.header('Content-Language', model.lang)
    c.header('Vary', 'Accept, Accept-Language')
    if (wantsHtml(c)) {
      const n = nonce()
      c.header('Content-Security-Policy', warningCsp(n))
      c.header('X-Content-Type-Options', 'nosniff')
      c.header('Referrer-Policy', 'no-referrer')
      return c.html(renderWarningPage(model, n))
    }
    const { help, report, chat, ...warning } = model
    const body: DeterrenceResponse = {
      version: RESPONSE_VERSION,
      blocked: true,
      verdict: {
        action: verdict.action === 'support' ? 'support' : 'deter',
        rule: verdict.rule,
        categories: [...new Set(verdict.hits.map((h) => h.category))],
        listVersion: verdict.listVersion,
        arm: verdict.arm,
      },
      warning,
      help,
      report,
      chat: chat ?? null,
    }
    return c.json(body)
  } catch (error) {
    options.onError(error, c)
    return minimalWarning(c)
  }
}

/** A request problem as a JSON error (never echoing the input). */
export const respondWithProblem = (c: Context, problem: RequestProblem): Response => {
  c.header('Cache-Control', 'no-store')
  return c.json({ error: { code: problem.code, message: problem.message } }, problem.status)
}

/** The language of the answer: the host's choice, `?hl=`, `Accept-Language`, then English. */
export const chooseLanguage = (c: Context, options: ResolvedOptions): string =>
  negotiateLanguage(
    [options.language(c), c.req.query('hl')],
    c.req.header('accept-language'),
    options.languages,
  )
