import { describe, expect, it } from 'vitest'
import { BUNDLED_HELP, mergeHelpDirectories } from '../../src/help/index.js'
import type { Verdict } from '../../src/policy/index.js'
import {
  buildWarningModel,
  createWarningI18n,
  negotiateLanguage,
  parseAcceptLanguage,
  renderWarningPage,
} from '../../src/warning/index.js'

const i18n = createWarningI18n()
const deter: Verdict = {
  action: 'deter',
  rule: 'term',
  hits: [{ termId: 't1', category: 'csam', start: 0, end: 5 }],
  listVersion: 'v1',
}
const support = (category: string): Verdict => ({
  action: 'support',
  rule: 'intent',
  hits: [{ termId: 'h1', category, start: 0, end: 5 }],
  listVersion: 'v1',
})
const context = { lang: 'en', region: 'GB', audience: 'adult' as const, arm: 'default' }

describe('buildWarningModel()', () => {
  it('says the four messages, with help for the region and report routes', () => {
    const m = buildWarningModel(i18n, BUNDLED_HELP, deter, context)
    expect(m.kind).toBe('deter')
    expect(m.messages).toHaveLength(4)
    expect(m.messages[0]).toMatch(/illegal/)
    expect(m.help.services[0]?.name).toMatch(/Stop It Now/)
    expect(m.help.services[0]?.phone?.display).toBe('0808 1000 900')
    expect(m.report.links.map((l) => l.url)).toContain('https://report.iwf.org.uk')
    expect(m.chat).toBeUndefined()
  })

  it('uses the wording of the experiment arm, and the default wording where the arm has none', () => {
    const d = buildWarningModel(i18n, BUNDLED_HELP, deter, context)
    const h = buildWarningModel(i18n, BUNDLED_HELP, deter, { ...context, arm: 'harm-focused' })
    expect(h.heading).not.toBe(d.heading)
    expect(h.messages[1]).not.toBe(d.messages[1])
    expect(h.messages[0]).toBe(d.messages[0])
  })

  it('speaks to a young person without offender-prevention services', () => {
    const m = buildWarningModel(i18n, BUNDLED_HELP, deter, { ...context, audience: 'young-person' })
    expect(m.help.services).toEqual([])
    expect(m.messages.join(' ')).toMatch(/trust/)
    expect(m.report.links.length).toBeGreaterThan(0)
  })

  it("lists an operator's youth services for a young person, and never to an adult", () => {
    // placeholder entry: the bundled directory has no verified youth service
    const withYouth = mergeHelpDirectories(BUNDLED_HELP, {
      services: [
        {
          id: 'test-youth-line',
          name: 'Test youth line',
          audience: 'youth',
          regions: ['GB'],
          languages: ['en'],
          website: 'https://example.org/youth',
          source: ['https://example.org/youth/about'],
          verified: '2026-11-01',
        },
      ],
    })
    const young = buildWarningModel(i18n, withYouth, deter, {
      ...context,
      audience: 'young-person',
    })
    expect(young.help.services.map((s) => s.name)).toEqual(['Test youth line'])
    expect(young.help.summary).not.toBe(i18n.getFixedT('en', 'warning')('youth.no_services'))
    const adult = buildWarningModel(i18n, withYouth, deter, context)
    expect(adult.help.services.map((s) => s.name)).not.toContain('Test youth line')
    const elsewhere = buildWarningModel(i18n, withYouth, deter, {
      ...context,
      region: 'FR',
      audience: 'young-person',
    })
    expect(elsewhere.help.services).toEqual([])
  })

  it.each([
    ['help-seeking', 1],
    ['reporting', 2],
    ['survivor', 2],
  ])('answers a %s intent with help, not a warning', (category, messages) => {
    const m = buildWarningModel(i18n, BUNDLED_HELP, support(category), context)
    expect(m.kind).toBe('support')
    expect(m.messages).toHaveLength(messages)
    expect(m.messages.join(' ')).not.toMatch(/illegal|arrest/)
  })

  it('adds the chat hand-off when the host gives its address', () => {
    const m = buildWarningModel(i18n, BUNDLED_HELP, deter, { ...context, chatUrl: '/chat/start' })
    expect(m.chat?.url).toBe('/chat/start')
    expect(renderWarningPage(m, 'n0nce')).toContain('href="/chat/start"')
  })

  it('escapes everything it renders', () => {
    const m = buildWarningModel(i18n, BUNDLED_HELP, deter, {
      ...context,
      chatUrl: '"><script>x</script>',
    })
    const page = renderWarningPage(m, 'n')
    expect(page).not.toContain('<script>')
    expect(page).toContain('&quot;&gt;&lt;script&gt;')
  })
})

describe('negotiateLanguage()', () => {
  const supported = ['en', 'fr', 'de']
  it.each([
    [['de'], undefined, 'de'],
    [[undefined, 'fr'], 'de', 'fr'],
    [[undefined, undefined], 'fr-CH, de;q=0.9', 'fr'],
    [[undefined], 'it, de;q=0.5', 'de'],
    [[undefined], 'de;q=0.2, fr;q=0.8', 'fr'],
    [['xx'], 'zz', 'en'],
    [[], '*', 'en'],
  ] as const)('%j with %s → %s', (explicit, header, expected) => {
    expect(negotiateLanguage(explicit, header, supported)).toBe(expected)
  })

  it('reads at most 16 Accept-Language entries', () => {
    expect(
      parseAcceptLanguage(Array.from({ length: 40 }, (_, i) => `x${i}`).join(',')),
    ).toHaveLength(16)
  })
})
