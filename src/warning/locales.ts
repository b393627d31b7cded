/**
 * @module warning/locales
 * The bundled locales, imported as JSON modules so that they travel with the code to every runtime
 * (no file system needed on the request path). `locales/{lng}/{namespace}.json` is the source of truth.
 */

import type { Resource } from 'i18next'
import en from '../../locales/en/warning.json' with { type: 'json' }

/** Every bundled locale, by language, then namespace. */
export const BUNDLED_LOCALES: Resource = {
  en: { warning: en },
}
