/**
 * @module match
 * Aho-Corasick matching over normalized units, and the match modes that decide what a hit is.
 */

export { type AgeExpression, findAgeExpressions } from './age.js'
export {
  Automaton,
  type AutomatonMatch,
  type AutomatonOptions,
  buildAutomaton,
  type FlatPatterns,
} from './automaton.js'
export {
  type ExceptionWords,
  MATCH_MODES,
  type MatchMode,
  type PatternSpec,
  type PatternTable,
  type ResolvedHit,
  resolveCandidates,
  spellUnits,
} from './modes.js'
export { type Candidate, MAX_STATES, type MaskSite, scanMasks, scanUnits } from './scan.js'
