/**
 * @module termlist/lint
 * Checks a parsed term list for mistakes that still compile: duplicate ids, terms that normalize to the same
 * thing, terms too short to be safe, exceptions that cover no term, classes no rule uses, and terms that sit
 * inside many ordinary words (candidates for `match: word`). Problems name `file:line` and ids, never a term.
 */

import type { Lexicon } from '../lexicon/lexicon.js'
import { EMPTY_LEXICON } from '../lexicon/lexicon.js'
import { findExceptionWords, type Probe, probesOf, skeletonOf } from './compile.js'
import type { TermListSource } from './source.js'

/** One lint finding. Errors stop a compile; warnings are for review. */
export interface LintProblem {
  readonly file: string
  readonly line: number
  readonly severity: 'error' | 'warning'
  readonly message: string
}

/** Options of {@link lintTermList}. */
export interface LintOptions {
  /** Lexicon for the "inside many ordinary words" check (default: none, check skipped). */
  readonly lexicon?: Lexicon
  /** A term inside at least this many ordinary words is reported. Default 25. */
  readonly manyWords?: number
  /** Terms with fewer letters than this (after normalization) are reported. Default 3. */
  readonly minLetters?: number
}

const key = (codes: Int32Array): string => String.fromCodePoint(...codes)

/** Lints a parsed list. Cost: linear in the list, plus one lexicon pass when a lexicon is given. */
export const lintTermList = (source: TermListSource, options: LintOptions = {}): LintProblem[] => {
  const out: LintProblem[] = []
  const report = (line: number, severity: LintProblem['severity'], message: string) =>
    out.push({ file: source.file, line, severity, message })
  const minLetters = options.minLetters ?? 3
  const manyWords = options.manyWords ?? 25

  const ids = new Map<string, number>()
  for (const e of [...source.terms, ...source.exceptions]) {
    const first = ids.get(e.id)
    if (first !== undefined)
      report(e.line, 'error', `duplicate id "${e.id}" (first on line ${first})`)
    else ids.set(e.id, e.line)
  }

  const skeletons = new Map<string, { id: string; line: number }>()
  const termKeys: string[] = []
  const probes: Probe[] = []
  source.terms.forEach((t, entry) => {
    const sk = skeletonOf(t.term)
    if (sk.codes.length === 0) {
      report(t.line, 'error', `term "${t.id}" has no letters after normalization`)
      return
    }
    if (sk.codes.length < minLetters) {
      report(
        t.line,
        'warning',
        `term "${t.id}" normalizes to ${sk.codes.length} letter(s): it may match too much`,
      )
    }
    const k = `${t.className ?? ''}|${t.match}|${key(sk.codes)}`
    const first = skeletons.get(k)
    if (first) {
      report(t.line, 'warning', `term "${t.id}" normalizes like "${first.id}" (line ${first.line})`)
    } else skeletons.set(k, { id: t.id, line: t.line })
    termKeys.push(key(sk.codes))
    if (t.match === 'compound' || t.match === 'prefix')
      probes.push(...probesOf(sk, t.lang, entry, t.match))
  })

  for (const x of source.exceptions) {
    const phrase = key(skeletonOf(x.phrase).codes)
    if (!termKeys.some((t) => phrase.includes(t))) {
      report(x.line, 'warning', `exception "${x.id}" covers no term of this list`)
    }
  }

  const used = new Set(source.rules.flatMap((r) => r.all))
  for (const [name, line] of source.classes) {
    if (!used.has(name)) report(line, 'warning', `class "${name}" is used by no rule`)
  }
  const known = new Set([...source.classes.keys(), 'age-under-18'])
  for (const r of source.rules) {
    for (const c of r.all)
      if (!known.has(c)) report(r.line, 'error', `rule "${r.id}" names unknown class "${c}"`)
  }

  const lexicon = options.lexicon ?? EMPTY_LEXICON
  if (lexicon !== EMPTY_LEXICON && probes.length > 0) {
    const { perEntry } = findExceptionWords(lexicon, probes, source.terms.length)
    source.terms.forEach((t, i) => {
      const n = perEntry[i] ?? 0
      if (n >= manyWords) {
        report(
          t.line,
          'warning',
          `term "${t.id}" occurs inside ${n} ordinary words: consider "match: word" if it is not distinctive`,
        )
      }
    })
  }
  return out.sort((a, b) => a.line - b.line)
}
