/**
 * @module warning/negotiate
 * Chooses the warning's language: an explicit choice (a request parameter or the host's), then the
 * `Accept-Language` header by quality, then the fallback. Only languages that have a complete locale are
 * ever chosen; `fr-CA` falls back to `fr`.
 */

import { LRUCache } from 'lru-cache'

/** The languages of the bundled locales. */
export const BUNDLED_LANGUAGES = [
  'en',
  'fr',
  'de',
  'es',
  'nl',
  'it',
  'pt',
  'pl',
  'sv',
  'fi',
] as const

const primary = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''

/** The supported language for a tag (`fr-CA` → `fr`), or `undefined`. */
export const matchLanguage = (
  tag: string | undefined,
  supported: readonly string[],
): string | undefined => {
  if (tag === undefined || tag === '') return undefined
  const lower = tag.trim().toLowerCase()
  return (
    supported.find((s) => s.toLowerCase() === lower) ?? supported.find((s) => s === primary(lower))
  )
}

/** Parsed headers: browsers send a handful of distinct values. */
const parsedHeaders = new LRUCache<string, readonly string[]>({ max: 256 })

/**
 * Parses `Accept-Language` (`fr-CH, fr;q=0.9, en;q=0.8`) into tags by descending quality. At most 16 entries
 * are read; malformed parts are skipped. Results are cached (a small LRU).
 */
export const parseAcceptLanguage = (header: string | undefined): readonly string[] => {
  if (!header) return []
  let tags = parsedHeaders.get(header)
  if (tags === undefined) {
    tags = parseHeader(header)
    if (header.length <= 200) parsedHeaders.set(header, tags)
  }
  return tags
}

const parseHeader = (header: string): readonly string[] => {
  const parts = header.split(',', 16).map((part, index) => {
    const [tag = '', ...params] = part.trim().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const quality = q === undefined ? 1 : Number(q.slice(2))
    return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index }
  })
  return Object.freeze(
    parts
      .filter((p) => p.tag !== '' && p.tag !== '*' && p.quality > 0)
      .sort((a, b) => b.quality - a.quality || a.index - b.index)
      .map((p) => p.tag),
  )
}

/** Picks the language: explicit choices first, then `Accept-Language`, then `fallback`. */
export const negotiateLanguage = (
  explicit: readonly (string | undefined)[],
  acceptLanguage: string | undefined,
  supported: readonly string[],
  fallback = 'en',
): string => {
  for (const tag of explicit) {
    const m = matchLanguage(tag, supported)
    if (m) return m
  }
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const m = matchLanguage(tag, supported)
    if (m) return m
  }
  return fallback
}
