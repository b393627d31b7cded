/**
 * @module warning/locales
 * The bundled locales, imported as JSON modules so that they travel with the code to every runtime
 * (no file system needed on the request path). `locales/{lng}/{namespace}.json` is the source of truth.
 */

import type { Resource } from 'i18next'
import de from '../../locales/de/warning.json' with { type: 'json' }
import en from '../../locales/en/warning.json' with { type: 'json' }
import es from '../../locales/es/warning.json' with { type: 'json' }
import fi from '../../locales/fi/warning.json' with { type: 'json' }
import fr from '../../locales/fr/warning.json' with { type: 'json' }
import it from '../../locales/it/warning.json' with { type: 'json' }
import nl from '../../locales/nl/warning.json' with { type: 'json' }
import pl from '../../locales/pl/warning.json' with { type: 'json' }
import pt from '../../locales/pt/warning.json' with { type: 'json' }
import sv from '../../locales/sv/warning.json' with { type: 'json' }

/** Every bundled locale, by language, then namespace. */
export const BUNDLED_LOCALES: Resource = {
  en: { warning: en },
  de: { warning: de },
  es: { warning: es },
  fi: { warning: fi },
  fr: { warning: fr },
  it: { warning: it },
  nl: { warning: nl },
  pl: { warning: pl },
  pt: { warning: pt },
  sv: { warning: sv },
}
