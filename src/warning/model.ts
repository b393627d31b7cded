/**
 * @module warning/model
 * The warning as data: one localized model that both the JSON answer and the HTML page are made from, so
 * that API clients and browsers always say the same thing. The model holds the four messages (illegal,
 * harms children, consequences, anonymous help), the help services for the user's region and audience, a
 * way to report images, and the chat hand-off. It never holds a query, a term or a link past the warning.
 */

import type { i18n, TFunction } from 'i18next'
import type { HelpDirectory, HelpService } from '../help/index.js'
import { selectHelp } from '../help/index.js'
import type { Verdict } from '../policy/index.js'

/** Who the warning speaks to: the host can say the user is a minor (age signal). */
export type Audience = 'adult' | 'young-person'

/** One help service as shown: labels are localized, contacts come from the sourced directory. */
export interface HelpLink {
  readonly id: string
  readonly name: string
  readonly phone?: { readonly display: string; readonly tel?: string; readonly label: string }
  readonly website?: { readonly url: string; readonly label: string }
  /** Localized labels of the service's other channels (live chat, secure message, self-help). */
  readonly channels: readonly string[]
  readonly notes?: string
}

/** Everything a warning says, localized. Version 1 of the documented JSON shape. */
export interface WarningModel {
  readonly kind: 'deter' | 'support'
  readonly lang: string
  readonly dir: 'ltr' | 'rtl'
  readonly audience: Audience
  /** Experiment arm whose wording is shown (`default` when none). */
  readonly arm: string
  readonly title: string
  readonly heading: string
  readonly messages: readonly string[]
  /** Says that no results are shown. */
  readonly notice: string
  readonly help: {
    readonly heading: string
    readonly summary: string
    readonly services: readonly HelpLink[]
  }
  readonly report: {
    readonly heading: string
    readonly text: string
    readonly links: readonly {
      readonly name: string
      readonly url: string
      readonly label: string
    }[]
  }
  readonly chat?: { readonly label: string; readonly description: string; readonly url: string }
  readonly labels: { readonly skipToHelp: string; readonly opensNewTab: string }
}

/** What the model is built from, besides the verdict. */
export interface WarningContext {
  readonly lang: string
  readonly region: string | undefined
  readonly audience: Audience
  readonly arm: string
  /** Where the chat hand-off link points; no chat button without it. */
  readonly chatUrl?: string
}

const helpLink = (t: TFunction, s: HelpService): HelpLink => {
  const channels: string[] = []
  if (s.chat) channels.push(t('help.chat'))
  if (s.email) channels.push(t('help.email'))
  if (s.selfHelp) channels.push(t('help.self_help'))
  return {
    id: s.id,
    name: s.name,
    ...(s.phone
      ? {
          phone: {
            display: s.phone.display,
            ...(s.phone.tel ? { tel: s.phone.tel } : {}),
            label: t('help.phone', { phone: s.phone.display }),
          },
        }
      : {}),
    ...(s.website
      ? { website: { url: s.website, label: t('help.website', { name: s.name }) } }
      : {}),
    channels,
    ...(s.notes ? { notes: s.notes } : {}),
  }
}

/** A message of the arm's wording when the arm has one, else the default wording. */
const worded = (t: TFunction, arm: string, key: string): string =>
  arm !== 'default' && t(`variants.${arm}.${key}`, { defaultValue: '' }) !== ''
    ? t(`variants.${arm}.${key}`)
    : t(`deter.${key}`)

/**
 * Builds the localized warning for a `deter` or `support` verdict. Pure; cost: a few dozen look-ups.
 *
 * @param i18next - the one i18next instance; a fixed `t` is taken per call (never a shared language).
 */
export const buildWarningModel = (
  i18next: i18n,
  directory: HelpDirectory,
  verdict: Verdict,
  context: WarningContext,
): WarningModel => {
  const { lang, region, audience, arm } = context
  const t = i18next.getFixedT(lang, 'warning')
  const kind = verdict.action === 'support' ? 'support' : 'deter'
  const youth = audience === 'young-person'
  const categories = new Set(verdict.hits.map((h) => h.category))

  let heading: string
  let messages: string[]
  if (youth) {
    heading = t('youth.heading')
    messages = [t('youth.intro'), t('youth.help')]
  } else if (kind === 'support') {
    heading = t('support.heading')
    messages = [t('support.intro')]
    if (categories.has('reporting')) messages.push(t('support.reporting'))
    if (categories.has('survivor')) messages.push(t('support.survivor'))
  } else {
    heading = worded(t, arm, 'heading')
    messages = ['illegal', 'harm', 'consequences', 'help'].map((k) => worded(t, arm, k))
  }

  // offender-prevention services are for adults; young people get services for young people (where the
  // directory has verified ones), reporting, and the people around them
  const services = selectHelp(directory, {
    region,
    language: lang,
    audience: youth ? 'youth' : 'prevention',
  })
  const links = services.map((s) => helpLink(t, s))
  const hotlines = selectHelp(directory, { region, language: lang, audience: 'reporting' })
  const summary =
    links.length > 0
      ? t('help.count', { count: links.length })
      : youth
        ? t('youth.no_services')
        : ''

  return {
    kind,
    lang,
    dir: 'ltr',
    audience,
    arm,
    title: t('page.title'),
    heading,
    messages,
    notice: t('deter.no_results'),
    help: { heading: t('help.heading'), summary, services: links },
    report: {
      heading: t('report.heading'),
      text: t('report.text'),
      links: hotlines
        .filter((h) => h.website !== undefined)
        .map((h) => ({
          name: h.name,
          url: h.website ?? '',
          label: t('report.link', { name: h.name }),
        })),
    },
    ...(context.chatUrl && !youth
      ? {
          chat: {
            label: t('chat.button'),
            description: t('chat.description'),
            url: context.chatUrl,
          },
        }
      : {}),
    labels: { skipToHelp: t('page.skip_to_help'), opensNewTab: t('page.opens_new_tab') },
  }
}
