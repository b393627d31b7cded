/**
 * @module middleware/extract
 * Reads the texts to judge from a request, decoded the way search backends decode them
 * (`application/x-www-form-urlencoded`: `+` is a space, percent-escapes are UTF-8). Anything that cannot be
 * decoded is a request problem with a clear 4xx, never a crash and never a silent allow: a value the
 * middleware cannot read is a value the backend might read differently.
 */

import type { Context } from 'hono'

/** A request problem: the status and a stable code, with a message that never repeats the input. */
export interface RequestProblem {
  readonly status: 400 | 413 | 414
  readonly code:
    | 'invalid-encoding'
    | 'invalid-text'
    | 'query-too-long'
    | 'too-many-values'
    | 'invalid-json'
    | 'body-too-large'
  readonly message: string
}

/** Limits on what is read. */
export interface ExtractLimits {
  /** Longest value accepted, in UTF-16 units (after decoding). */
  readonly maxLength: number
  /** Most values accepted across all sources (duplicate parameters count). */
  readonly maxValues: number
}

/** The texts of a request, or the problem that prevents reading them. */
export type Extracted =
  | { readonly ok: true; readonly values: readonly string[] }
  | { readonly ok: false; readonly problem: RequestProblem }

const problem = (
  status: RequestProblem['status'],
  code: RequestProblem['code'],
  message: string,
): Extracted => ({
  ok: false,
  problem: { status, code, message },
})

const decodeComponent = (s: string): string | undefined => {
  const spaced = s.includes('+') ? s.replaceAll('+', ' ') : s
  // most names and many values need no percent-decoding at all
  if (!spaced.includes('%')) return spaced
  try {
    return decodeURIComponent(spaced)
  } catch {
    return undefined
  }
}

/** Adds `value` to `values` within the limits, or returns the limit it breaks (naming the `kind` `name`). */
const accept = (
  values: string[],
  value: string,
  limits: ExtractLimits,
  tooLong: 400 | 414,
  kind: 'parameter' | 'field',
  name: string,
): Extracted | undefined => {
  if (value.length > limits.maxLength) {
    return problem(
      tooLong,
      'query-too-long',
      `${kind} "${name}" is longer than ${limits.maxLength} characters`,
    )
  }
  values.push(value)
  if (values.length > limits.maxValues) {
    return problem(
      400,
      'too-many-values',
      `more than ${limits.maxValues} search values in one request`,
    )
  }
  return undefined
}

/**
 * Every value of the parameters `names` in the raw query string of `url`, in order (duplicates included).
 */
export const queryValues = (
  url: string,
  names: readonly string[],
  limits: ExtractLimits,
): Extracted => {
  const q = url.indexOf('?')
  if (q === -1) return { ok: true, values: [] }
  const hash = url.indexOf('#', q)
  const end = hash === -1 ? url.length : hash
  const values: string[] = []
  for (let from = q + 1, amp = 0; from < end; from = amp + 1) {
    amp = url.indexOf('&', from)
    if (amp === -1 || amp > end) amp = end
    if (amp === from) continue
    const pair = url.slice(from, amp)
    const eq = pair.indexOf('=')
    const key = decodeComponent(eq === -1 ? pair : pair.slice(0, eq))
    if (key === undefined)
      return problem(
        400,
        'invalid-encoding',
        'a query parameter name is not valid percent-encoding',
      )
    if (!names.includes(key)) continue
    const raw = eq === -1 ? '' : pair.slice(eq + 1)
    // the encoded length bounds the decoded length: refuse early, before decoding a huge value
    if (raw.length > limits.maxLength * 12)
      return problem(414, 'query-too-long', `parameter "${key}" is too long`)
    const value = decodeComponent(raw)
    if (value === undefined) {
      return problem(
        400,
        'invalid-encoding',
        `parameter "${key}" is not valid percent-encoded UTF-8`,
      )
    }
    const refused = accept(values, value, limits, 414, 'parameter', key)
    if (refused) return refused
  }
  return { ok: true, values }
}

/** Values at dotted paths of a parsed JSON body (`query`, `filters.text`); arrays of strings are flattened. */
export const jsonValues = (
  body: unknown,
  paths: readonly string[],
  limits: ExtractLimits,
): Extracted => {
  const values: string[] = []
  for (const path of paths) {
    let node: unknown = body
    for (const key of path.split('.')) {
      node =
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[key]
          : undefined
    }
    const found = Array.isArray(node) ? node : [node]
    for (const v of found) {
      if (v === undefined || v === null) continue
      if (typeof v !== 'string') return problem(400, 'invalid-json', `field "${path}" must be text`)
      const refused = accept(values, v, limits, 400, 'field', path)
      if (refused) return refused
    }
  }
  return { ok: true, values }
}

/** Rejects text that is not well-formed UTF-16 (lone surrogates cannot be judged reliably). */
export const checkWellFormed = (values: readonly string[]): Extracted => {
  for (const v of values) {
    if (!v.isWellFormed())
      return problem(400, 'invalid-text', 'a search value contains an unpaired surrogate')
  }
  return { ok: true, values }
}

/** {@link queryValues}, then {@link checkWellFormed}: the texts of a query string, ready to judge. */
export const queryTexts = (
  url: string,
  names: readonly string[],
  limits: ExtractLimits,
): Extracted => {
  const fromQuery = queryValues(url, names, limits)
  return fromQuery.ok ? checkWellFormed(fromQuery.values) : fromQuery
}

/** Reads the JSON body through the context (Hono caches it, so the search handler can read it again). */
export const readJsonBody = async (
  c: Context,
): Promise<{ ok: true; body: unknown } | Extracted> => {
  try {
    return { ok: true, body: await c.req.json() }
  } catch {
    return problem(400, 'invalid-json', 'the request body is not valid JSON')
  }
}
