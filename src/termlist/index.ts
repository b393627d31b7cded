/**
 * @module termlist
 * Term lists: the file formats policy staff edit, parsing with `file:line` problems, lint, and compilation
 * into immutable, versioned snapshots that judge texts.
 */

export {
  type CompileOptions,
  compileTermList,
  ENGINE_VERSION,
  type ExceptionCache,
  TermListSnapshot,
} from './compile.js'
export { SnapshotHolder } from './holder.js'
export { endingsFor } from './inflections.js'
export {
  ENTRY_DEFAULTS,
  parsePlainTermList,
  parseTermList,
  parseYamlTermList,
} from './parse.js'
export {
  BUILT_IN_CLASSES,
  type ExceptionEntry,
  type Provenance,
  type RuleEntry,
  type TermAction,
  type TermEntry,
  type TermListSource,
} from './source.js'
