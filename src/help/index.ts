/**
 * @module help
 * The help directory: sourced, dated help services chosen by region, language and audience.
 */

import data from '../../help/services.json' with { type: 'json' }
import { type HelpDirectory, validateHelpDirectory } from './directory.js'

export {
  type HelpAudience,
  type HelpDirectory,
  type HelpQuery,
  type HelpService,
  MULTILINGUAL_REGIONS,
  mergeHelpDirectories,
  selectHelp,
  validateHelpDirectory,
} from './directory.js'

/** The bundled directory (`help/services.json`), validated when the module loads. */
export const BUNDLED_HELP: HelpDirectory = validateHelpDirectory(data)
