/**
 * @module errors
 * One base error class for the whole package. Every error carries a stable `code` so that callers can branch
 * on it, and a message that names the offending value but never a query's or a term's text.
 */

/** Stable error codes, one per kind of failure. */
export type DeterrenceErrorCode =
  | 'invalid-option'
  | 'term-list-syntax'
  | 'term-list-schema'
  | 'term-list-empty'
  | 'term-list-io'
  | 'automaton-build'
  | 'lexicon-io'

/** Base class of every error this package throws. */
export class DeterrenceError extends Error {
  readonly code: DeterrenceErrorCode

  constructor(code: DeterrenceErrorCode, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'DeterrenceError'
    this.code = code
  }
}

/** One problem in a term list file, located at `file:line`. */
export interface TermListProblem {
  readonly file: string
  readonly line: number
  readonly message: string
}

/** A term list that cannot be compiled: every problem found, each with its `file:line`. */
export class TermListError extends DeterrenceError {
  readonly problems: readonly TermListProblem[]

  constructor(code: DeterrenceErrorCode, problems: readonly TermListProblem[]) {
    const first = problems[0]
    const where = first ? `${first.file}:${first.line}: ${first.message}` : 'no details'
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
    super(code, `${where}${more}`)
    this.name = 'TermListError'
    this.problems = problems
  }
}

/** Formats problems one per line, as compilers do: `file:line: message`. */
export const formatProblems = (problems: readonly TermListProblem[]): string =>
  problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n')
