/**
 * @module middleware/options
 * Options shared by `deterSearch()` and `filterSuggestions()`, validated and filled with defaults once, when
 * the middleware is created: a bad configuration throws there, never during a request.
 */

import type { Context } from 'hono'
import type { i18n } from 'i18next'
import { DeterrenceError } from '../errors.js'
import { BUNDLED_HELP, type HelpDirectory } from '../help/index.js'
import type { Verdict } from '../policy/index.js'
import type { TermListSnapshot } from '../termlist/compile.js'
import { createWarningI18n, languagesOf } from '../warning/i18n.js'
import type { Audience } from '../warning/model.js'

/** Where the current snapshot comes from: a snapshot, or a holder whose snapshot may be replaced on reload. */
export type SnapshotSource = TermListSnapshot | { current(): TermListSnapshot }

/** A value, or a function of the request. */
export type PerRequest<T> = T | ((c: Context) => T)

/** Where a text was judged. */
export type Surface = 'query' | 'suggestion'

/** A verdict as the host sees it on `c.var.deterrence`. */
export interface DeterrenceVerdict extends Verdict {
  readonly surface: Surface
  /** The experiment arm whose wording the warning used. */
  readonly arm: string
}

/** What the middleware reports for every judged request: ids and categories only, never text. */
export interface VerdictEvent {
  readonly surface: Surface
  readonly action: Verdict['action']
  readonly rule: string | null
  readonly categories: readonly string[]
  readonly listVersion: string
  readonly arm: string
  readonly lang: string
  readonly region: string | undefined
  /** Suggestions only: how many the upstream offered and how many were withheld. */
  readonly suggestions?: { readonly offered: number; readonly withheld: number }
}

/** Context variables set by the middleware. */
export interface DeterrenceVariables {
  deterrence: DeterrenceVerdict
}

/** The Hono environment of an app that mounts the middleware: `new Hono<DeterrenceEnv>()`. */
export interface DeterrenceEnv {
  Variables: DeterrenceVariables
}

/** Options common to both middleware. */
export interface CommonOptions {
  /** The compiled term list, or a holder of the current one. Required. */
  readonly lists: SnapshotSource
  /** Query parameters judged, every value of each (default `['q']`). */
  readonly params?: readonly string[]
  /** Longest text accepted, in UTF-16 units (default 512). Longer: 414 (query) or 400 (JSON). */
  readonly maxQueryLength?: number
  /** Most texts accepted in one request, duplicates included (default 8). More: 400. */
  readonly maxValues?: number
  /** The user's region (ISO 3166-1 alpha-2) for help services. Default: header `x-region`, else none. */
  readonly region?: PerRequest<string | undefined>
  /** The host's choice of language; then `?hl=`, then `Accept-Language`, then `en`. */
  readonly language?: PerRequest<string | undefined>
  /** Who the user is (the host's age signal). Default `adult`. */
  readonly audience?: PerRequest<Audience>
  /** A stable pseudonymous session key for experiment arms (never stored by the middleware). */
  readonly session?: PerRequest<string | undefined>
  /** Experiment arms: wording variants of the locales (`variants.<arm>`). Default `['default']`. */
  readonly arms?: readonly string[]
  /** The i18next instance (default: the bundled locales). */
  readonly i18n?: i18n
  /** The help directory (default: the bundled, sourced directory). */
  readonly help?: HelpDirectory
  /** Where the chat hand-off link points; no chat button without it. */
  readonly chatUrl?: PerRequest<string | undefined>
  /** Called for every verdict, after the response is decided. Errors in it are swallowed. */
  readonly onVerdict?: (event: VerdictEvent) => void
  /** Called when something fails after the verdict (rendering, a hook). Errors in it are swallowed. */
  readonly onError?: (error: unknown, c: Context) => void
}

/** The options after validation. */
export interface ResolvedOptions {
  readonly current: () => TermListSnapshot
  readonly params: readonly string[]
  readonly limits: { readonly maxLength: number; readonly maxValues: number }
  readonly region: (c: Context) => string | undefined
  readonly language: (c: Context) => string | undefined
  readonly audience: (c: Context) => Audience
  readonly session: (c: Context) => string | undefined
  readonly chatUrl: (c: Context) => string | undefined
  readonly arms: readonly string[]
  readonly i18n: i18n
  readonly languages: readonly string[]
  readonly help: HelpDirectory
  readonly onVerdict: (event: VerdictEvent) => void
  /** Whether the host listens to verdicts (else allowed searches skip building the event). */
  readonly recordsVerdicts: boolean
  readonly onError: (error: unknown, c: Context) => void
}

const perRequest = <T>(value: PerRequest<T> | undefined, fallback: (c: Context) => T) => {
  if (value === undefined) return fallback
  return typeof value === 'function' ? (value as (c: Context) => T) : () => value
}

const positiveInt = (name: string, value: number | undefined, fallback: number): number => {
  const v = value ?? fallback
  if (!Number.isInteger(v) || v < 1) {
    throw new DeterrenceError(
      'invalid-option',
      `${name} must be a positive integer, got ${String(value)}`,
    )
  }
  return v
}

/** Validates options and fills defaults. Throws `DeterrenceError('invalid-option')`. */
export const resolveOptions = (options: CommonOptions): ResolvedOptions => {
  const { lists } = options
  if (lists === undefined || lists === null) {
    throw new DeterrenceError('invalid-option', 'lists is required (a compiled term list snapshot)')
  }
  const current =
    'current' in lists && typeof lists.current === 'function'
      ? () => lists.current()
      : () => lists as TermListSnapshot
  const arms = options.arms ?? ['default']
  if (arms.length === 0)
    throw new DeterrenceError('invalid-option', 'arms must name at least one arm')
  const i18n = options.i18n ?? createWarningI18n()
  const safely =
    <A extends unknown[]>(fn: ((...args: A) => void) | undefined) =>
    (...args: A) => {
      try {
        fn?.(...args)
      } catch {
        // a hook must never change the answer to a search
      }
    }
  return {
    current,
    params: options.params ?? ['q'],
    limits: {
      maxLength: positiveInt('maxQueryLength', options.maxQueryLength, 512),
      maxValues: positiveInt('maxValues', options.maxValues, 8),
    },
    region: perRequest(options.region, (c) => c.req.header('x-region') ?? undefined),
    language: perRequest(options.language, () => undefined),
    audience: perRequest<Audience>(options.audience, () => 'adult'),
    session: perRequest(options.session, () => undefined),
    chatUrl: perRequest(options.chatUrl, () => undefined),
    arms,
    i18n,
    languages: languagesOf(i18n),
    help: options.help ?? BUNDLED_HELP,
    onVerdict: safely(options.onVerdict),
    recordsVerdicts: options.onVerdict !== undefined,
    onError: safely(options.onError),
  }
}
