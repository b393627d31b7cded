import { describe, expect, it } from 'vitest'
import { createWarningI18n } from '../../src/warning/i18n.js'
import { BUNDLED_LOCALES } from '../../src/warning/locales.js'
import { BUNDLED_LANGUAGES } from '../../src/warning/negotiate.js'

type Tree = { [key: string]: string | Tree }

/** `a.b.c` → text, for every leaf. */
const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(path, v)
    else for (const [p, t] of flatten(v, path)) out.set(p, t)
  }
  return out
}

const PLURAL = /_(zero|one|two|few|many|other)$/
const leaves = (lng: string) => flatten(BUNDLED_LOCALES[lng]?.warning as Tree)
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
const english = leaves('en')
const pluralBases = new Set(
  [...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')),
)
const REQUIRED = ['en', 'fr', 'de', 'es', 'nl', 'it', 'pt', 'pl', 'sv', 'fi']
const languages = Object.keys(BUNDLED_LOCALES)
const others = languages.filter((l) => l !== 'en')
/** A web or mail address, or a phone number (five or more digits, spaces and dashes allowed between). */
const CONTACT = /http|www\.|@|\d(?:[\s-]?\d){4,}/i

describe('bundled locales', () => {
  it('cover at least the ten languages the warning is offered in', () => {
    expect(languages).toEqual(expect.arrayContaining(REQUIRED))
    expect([...languages].sort()).toEqual([...BUNDLED_LANGUAGES].sort())
  })

  it.each(others)('%s has every key of en and nothing else', (lng) => {
    const singular = (keys: Iterable<string>) =>
      [...new Set([...keys].map((k) => k.replace(PLURAL, '')))].sort()
    expect(singular(leaves(lng).keys())).toEqual(singular(english.keys()))
    // the only keys en lacks are other plural forms of en's plural keys
    const extra = [...leaves(lng).keys()].filter((k) => !english.has(k))
    expect(extra.filter((k) => !pluralBases.has(k.replace(PLURAL, '')))).toEqual([])
  })

  it.each(languages)('%s has exactly the plural forms its language uses', (lng) => {
    const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories.sort()
    const keys = [...leaves(lng).keys()]
    for (const base of pluralBases) {
      const forms = keys
        .filter((k) => k.replace(PLURAL, '') === base && PLURAL.test(k))
        .map((k) => PLURAL.exec(k)?.[1])
        .sort()
      expect(forms, `${lng} ${base}`).toEqual(categories)
    }
  })

  it.each(languages)('%s keeps the placeholders of en, and holds no contact detail', (lng) => {
    for (const [key, text] of leaves(lng)) {
      const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other'))
      expect(source, `${lng} ${key}`).toBeDefined()
      expect(placeholders(text), `${lng} ${key}`).toEqual(placeholders(source ?? ''))
      expect(text.trim(), `${lng} ${key}`).not.toBe('')
      // help-service numbers and addresses come from the help directory, never from a translation
      expect(text, `${lng} ${key}`).not.toMatch(CONTACT)
    }
  })

  it.each(others)('%s is really translated (never English through the fallback)', (lng) => {
    const t = createWarningI18n().getFixedT(lng, 'warning')
    const en = createWarningI18n().getFixedT('en', 'warning')
    for (const key of ['deter.heading', 'deter.illegal', 'support.heading', 'chat.button']) {
      expect(t(key), `${lng} ${key}`).not.toBe(en(key))
    }
    expect(t('help.count', { count: 3 })).toContain('3')
    expect(t('help.count', { count: 3 })).not.toBe(en('help.count', { count: 3 }))
  })
})
