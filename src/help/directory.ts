/**
 * @module help/directory
 * The help directory: services the warning hands people off to, as sourced facts. Every entry carries the
 * addresses it was copied from and the date it was verified; validation refuses an entry without them.
 * Selection is by region and language, with the international online services as the fallback where a region
 * has no national service: never an invented entry.
 */

/**
 * Who a service is for: `prevention` (people worried about their own thoughts or behaviour), `crisis`,
 * `reporting` (hotlines for illegal material), `youth` (Childline-type services for young people; the bundled
 * directory has none verified yet, operators add their own).
 */
export type HelpAudience = 'prevention' | 'crisis' | 'reporting' | 'youth'

/** One help service. */
export interface HelpService {
  readonly id: string
  readonly name: string
  readonly audience: HelpAudience
  /** ISO 3166-1 alpha-2 codes, or `*` for international online services. */
  readonly regions: readonly string[]
  /** Languages offered (BCP 47); empty when the source does not say. */
  readonly languages: readonly string[]
  readonly phone?: { readonly display: string; readonly tel?: string; readonly note?: string }
  readonly website?: string
  readonly chat?: boolean
  readonly email?: boolean
  readonly selfHelp?: boolean
  readonly notes?: string
  /** Where the facts were copied from. */
  readonly source: readonly string[]
  /** When they were last checked against the source (YYYY-MM-DD). */
  readonly verified: string
}

/** A validated directory. */
export interface HelpDirectory {
  readonly services: readonly HelpService[]
}

const AUDIENCES: readonly HelpAudience[] = ['prevention', 'crisis', 'reporting', 'youth']
const DATE = /^\d{4}-\d{2}-\d{2}$/
const REGION = /^([A-Z]{2}|\*)$/
const TEL = /^\+?[0-9]{3,15}$/

const fail = (id: string, field: string, why: string): never => {
  throw new TypeError(`help service "${id}": ${field} ${why}`)
}

const isHttpUrl = (s: unknown, httpsOnly: boolean): boolean => {
  if (typeof s !== 'string') return false
  try {
    const u = new URL(s)
    return u.protocol === 'https:' || (!httpsOnly && u.protocol === 'http:')
  } catch {
    return false
  }
}

const validateService = (raw: unknown, index: number): HelpService => {
  if (raw === null || typeof raw !== 'object')
    throw new TypeError(`help service #${index} is not an object`)
  const s = raw as Record<string, unknown>
  const id =
    typeof s.id === 'string' && /^[a-z0-9-]+$/.test(s.id)
      ? s.id
      : fail(`#${index}`, 'id', 'must be kebab-case')
  if (typeof s.name !== 'string' || s.name.trim() === '') fail(id, 'name', 'is missing')
  if (!AUDIENCES.includes(s.audience as HelpAudience))
    fail(id, 'audience', `must be one of ${AUDIENCES.join(', ')}`)
  const regions = s.regions
  if (
    !Array.isArray(regions) ||
    regions.length === 0 ||
    !regions.every((r) => typeof r === 'string' && REGION.test(r))
  )
    fail(id, 'regions', 'must list ISO 3166-1 alpha-2 codes or "*"')
  if (!Array.isArray(s.languages) || !s.languages.every((l) => typeof l === 'string'))
    fail(id, 'languages', 'must be a list of language tags')
  if (
    !Array.isArray(s.source) ||
    s.source.length === 0 ||
    !s.source.every((u) => isHttpUrl(u, false))
  )
    fail(id, 'source', 'must list the addresses the facts were copied from')
  if (
    typeof s.verified !== 'string' ||
    !DATE.test(s.verified) ||
    Number.isNaN(Date.parse(s.verified))
  )
    fail(id, 'verified', 'must be a date YYYY-MM-DD')
  if (s.website !== undefined && !isHttpUrl(s.website, true))
    fail(id, 'website', 'must be an https address')
  if (s.phone !== undefined) {
    const p = s.phone as Record<string, unknown>
    if (
      p === null ||
      typeof p !== 'object' ||
      typeof p.display !== 'string' ||
      p.display.trim() === ''
    )
      fail(id, 'phone', 'needs a display string')
    if (p.tel !== undefined && (typeof p.tel !== 'string' || !TEL.test(p.tel)))
      fail(id, 'phone.tel', 'must be digits')
  }
  if (s.website === undefined && s.phone === undefined)
    fail(id, 'contact', 'needs a website or a phone')
  for (const flag of ['chat', 'email', 'selfHelp'] as const) {
    if (s[flag] !== undefined && typeof s[flag] !== 'boolean')
      fail(id, flag, 'must be true or false')
  }
  return s as unknown as HelpService
}

/**
 * Validates a directory (the bundled one, or an operator's). Throws a `TypeError` naming the entry and field.
 */
export const validateHelpDirectory = (data: unknown): HelpDirectory => {
  const services = (data as { services?: unknown } | null)?.services
  if (!Array.isArray(services)) throw new TypeError('a help directory needs a "services" list')
  const out = services.map(validateService)
  const ids = new Set<string>()
  for (const s of out) {
    if (ids.has(s.id)) fail(s.id, 'id', 'is used twice')
    ids.add(s.id)
  }
  return { services: out }
}

/** The operator's entries over the bundled ones: same id replaces, new ids are added. Both are validated. */
export const mergeHelpDirectories = (bundled: HelpDirectory, operator: unknown): HelpDirectory => {
  const extra = validateHelpDirectory(operator).services
  const replaced = new Set(extra.map((s) => s.id))
  return validateHelpDirectory({
    services: [...bundled.services.filter((s) => !replaced.has(s.id)), ...extra],
  })
}

/** What to select. */
export interface HelpQuery {
  readonly region: string | undefined
  readonly language: string | undefined
  readonly audience: HelpAudience
}

const primary = (tag: string | undefined) => (tag ?? '').toLowerCase().split('-')[0] ?? ''

/**
 * The services for a region, language and audience: national services of the region first (those offering
 * the user's language before others; a national service in a language the user does not speak is left out
 * when the region has several languages, e.g. Flemish services for French-speaking Belgium), then the
 * international ones. Unknown region: international only. Pure; cost linear in the directory.
 */
export const selectHelp = (directory: HelpDirectory, query: HelpQuery): HelpService[] => {
  const region = (query.region ?? '').toUpperCase()
  const lang = primary(query.language)
  const ofAudience = directory.services.filter((s) => s.audience === query.audience)
  const speaks = (s: HelpService) =>
    s.languages.length === 0 || s.languages.some((l) => primary(l) === lang)
  const national = ofAudience.filter((s) => region !== '' && s.regions.includes(region))
  const multilingual = new Set(MULTILINGUAL_REGIONS).has(region)
  const usable = national
    .filter((s) => !multilingual || lang === '' || speaks(s))
    .sort((a, b) => Number(speaks(b)) - Number(speaks(a)))
  const international = ofAudience.filter((s) => s.regions.includes('*'))
  return [...usable, ...international]
}

/** Regions where a national service in one language does not serve speakers of another. */
export const MULTILINGUAL_REGIONS: readonly string[] = ['BE', 'CH', 'CA', 'FI', 'LU']
