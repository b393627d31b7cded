import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  BUNDLED_HELP,
  mergeHelpDirectories,
  selectHelp,
  validateHelpDirectory,
} from '../../src/help/index.js'

const facts = new URL('../../../shared/help-services.md', import.meta.url)

describe('the bundled help directory', () => {
  it('has sources and a verified date on every entry', () => {
    expect(BUNDLED_HELP.services.length).toBeGreaterThan(10)
    for (const s of BUNDLED_HELP.services) {
      expect(s.source.length, s.id).toBeGreaterThan(0)
      expect(s.verified, s.id).toBe('2026-11-22')
      if (s.website) expect(s.website, s.id).toMatch(/^https:\/\//)
    }
  })

  it('copies every phone number, website and source verbatim from the sourced facts', () => {
    expect(existsSync(facts), 'shared/help-services.md beside the repository').toBe(true)
    const text = readFileSync(facts, 'utf8')
    let phones = 0
    for (const s of BUNDLED_HELP.services) {
      for (const url of s.source) expect(text, `${s.id} source`).toContain(url)
      if (s.website)
        expect(text, `${s.id} website`).toContain(
          s.website.replace('https://www.', '').replace('https://', ''),
        )
      if (s.phone && s.id !== 'nhs-111-mental-health') {
        expect(text, `${s.id} phone`).toContain(s.phone.display)
        phones++
      }
    }
    expect(phones).toBeGreaterThanOrEqual(8)
  })

  it('ships no field the facts mark unverified', () => {
    const byId = new Map(BUNDLED_HELP.services.map((s) => [s.id, s]))
    expect(byId.get('stop-it-now-nl')?.website).toBeUndefined()
    expect(byId.get('talking-for-change')?.website).toBeUndefined()
    expect(byId.get('preventell')?.phone).toBeUndefined()
    expect(byId.has('prevensi')).toBe(false)
    expect(BUNDLED_HELP.services.some((s) => /samaritans/i.test(s.name))).toBe(false)
  })
})

const ids = (
  region: string | undefined,
  language: string,
  audience: 'prevention' | 'reporting' = 'prevention',
) => selectHelp(BUNDLED_HELP, { region, language, audience }).map((s) => s.id)

describe('selectHelp()', () => {
  it.each([
    ['GB', 'en', ['stop-it-now-uk', 'troubled-desire', 'redirection']],
    ['gb', 'en', ['stop-it-now-uk', 'troubled-desire', 'redirection']],
    ['IE', 'en', ['stop-it-now-ie', 'troubled-desire', 'redirection']],
    ['US', 'en', ['stop-it-now-us', 'troubled-desire', 'redirection']],
    ['NL', 'nl', ['stop-it-now-nl', 'troubled-desire', 'redirection']],
    ['BE', 'nl', ['stop-it-now-vlaanderen', 'troubled-desire', 'redirection']],
    ['BE', 'fr', ['troubled-desire', 'redirection']],
    ['FR', 'fr', ['stop-fr', 'troubled-desire', 'redirection']],
    ['DE', 'de', ['kein-taeter-werden', 'troubled-desire', 'redirection']],
    ['IT', 'it', ['troubled-desire', 'redirection']],
    ['CA', 'en', ['talking-for-change', 'troubled-desire', 'redirection']],
    ['ZZ', 'en', ['troubled-desire', 'redirection']],
    [undefined, 'en', ['troubled-desire', 'redirection']],
  ])('%s/%s → %j', (region, language, expected) => {
    expect(ids(region, language)).toEqual(expected)
  })

  it('lists the national hotline, then INHOPE, for reporting', () => {
    expect(ids('GB', 'en', 'reporting')).toEqual(['iwf', 'inhope'])
    expect(ids('US', 'en', 'reporting')).toEqual(['ncmec-cybertipline', 'inhope'])
    expect(ids('IT', 'it', 'reporting')).toEqual(['inhope'])
  })
})

const entry = (over: Record<string, unknown>) => ({
  id: 'local-line',
  name: 'Local line',
  audience: 'prevention',
  regions: ['GB'],
  languages: ['en'],
  website: 'https://example.org',
  source: ['https://example.org/about'],
  verified: '2026-11-01',
  ...over,
})

describe('validateHelpDirectory()', () => {
  it.each([
    ['no source', { source: [] }, /source/],
    ['no verified date', { verified: 'yesterday' }, /verified/],
    ['a plain-http website', { website: 'http://example.org' }, /website/],
    ['a phone without display', { phone: { tel: '123' } }, /phone/],
    ['an unknown audience', { audience: 'everyone' }, /audience/],
    ['no region', { regions: [] }, /regions/],
  ])('refuses an entry with %s, naming it', (_name, over, message) => {
    expect(() => validateHelpDirectory({ services: [entry(over)] })).toThrow(message)
    expect(() => validateHelpDirectory({ services: [entry(over)] })).toThrow(/local-line/)
  })

  it('merges operator entries over the bundled ones', () => {
    const merged = mergeHelpDirectories(BUNDLED_HELP, {
      services: [
        entry({}),
        entry({ id: 'iwf', audience: 'reporting', name: 'IWF (operator copy)' }),
      ],
    })
    expect(merged.services.find((s) => s.id === 'iwf')?.name).toBe('IWF (operator copy)')
    expect(
      selectHelp(merged, { region: 'GB', language: 'en', audience: 'prevention' })[1]?.id,
    ).toBe('local-line')
  })
})
