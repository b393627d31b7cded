/**
 * @module warning
 * The localized warning: one i18next instance, language negotiation, the warning model shared by JSON and
 * HTML, and the accessible HTML page.
 */

export { escapeHtml, renderWarningPage, WARNING_CSS } from './html.js'
export { createWarningI18n, languagesOf } from './i18n.js'
export { BUNDLED_LOCALES } from './locales.js'
export {
  type Audience,
  buildWarningModel,
  type HelpLink,
  type WarningContext,
  type WarningModel,
} from './model.js'
export {
  BUNDLED_LANGUAGES,
  matchLanguage,
  negotiateLanguage,
  parseAcceptLanguage,
} from './negotiate.js'
