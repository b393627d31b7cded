/**
 * @module termlist/parse
 * Parses term list files: the YAML format of `docs/term-lists.md`, or plain text (one term per line, `#`
 * comments). Every problem is collected with its `file:line` and reported together, so that policy staff fix
 * a file in one pass. Nothing here compiles: see `compile.ts`.
 */

import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type YAMLMap } from 'yaml'
import { TermListError, type TermListProblem } from '../errors.js'
import { MATCH_MODES, type MatchMode } from '../match/modes.js'
import type {
  ExceptionEntry,
  Provenance,
  RuleEntry,
  TermAction,
  TermEntry,
  TermListSource,
} from './source.js'

const ACTIONS: readonly TermAction[] = ['deter', 'support']
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/
const DATE = /^\d{4}-\d{2}-\d{2}$/
const MAX_TERM_LENGTH = 200

/** Defaults for entries that do not say otherwise (and for every line of a plain-text list). */
export const ENTRY_DEFAULTS = {
  match: 'compound' as MatchMode,
  action: 'deter' as TermAction,
  category: 'unspecified',
  lang: 'und',
} as const

/** Collects problems while walking a YAML document. */
class Reader {
  readonly problems: TermListProblem[] = []
  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0] ?? 0
    return this.lines.linePos(offset).line
  }

  problem(node: Node | null | undefined, message: string): void {
    this.problems.push({ file: this.file, line: this.lineOf(node), message })
  }

  /** A string field; `undefined` when absent and optional. */
  string(map: YAMLMap, key: string, required: boolean, pattern?: RegExp): string | undefined {
    const node = map.get(key, true) as Node | undefined
    if (node === undefined || node === null) {
      if (required) this.problem(map, `missing "${key}"`)
      return undefined
    }
    const value = isScalar(node) ? node.value : undefined
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.problem(node, `"${key}" must be text`)
      return undefined
    }
    const text = String(value).trim()
    if (text === '' && required) {
      this.problem(node, `"${key}" is empty`)
      return undefined
    }
    if (pattern && !pattern.test(text)) {
      this.problem(node, `"${key}" has an invalid value "${text.slice(0, 40)}"`)
      return undefined
    }
    return text
  }

  oneOf<T extends string>(map: YAMLMap, key: string, values: readonly T[]): T | undefined {
    const text = this.string(map, key, false)
    if (text === undefined) return undefined
    if (!(values as readonly string[]).includes(text)) {
      this.problem(
        map.get(key, true) as Node,
        `unknown ${key} "${text}" (one of: ${values.join(', ')})`,
      )
      return undefined
    }
    return text as T
  }

  /** Rejects keys outside `allowed`, which catches typos such as `mtach:`. */
  keys(map: YAMLMap, allowed: readonly string[]): void {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      if (!allowed.includes(key)) this.problem(pair.key as Node, `unknown field "${key}"`)
    }
  }

  provenance(map: YAMLMap): Provenance | undefined {
    const node = map.get('provenance', true) as Node | undefined
    if (node === undefined) return undefined
    if (!isMap(node)) {
      this.problem(node, '"provenance" must be a mapping with by, date, source, note')
      return undefined
    }
    this.keys(node, ['by', 'date', 'source', 'note'])
    const p: { by?: string; date?: string; source?: string; note?: string } = {}
    const by = this.string(node, 'by', false)
    const date = this.string(node, 'date', false, DATE)
    const source = this.string(node, 'source', false)
    const note = this.string(node, 'note', false)
    if (by !== undefined) p.by = by
    if (date !== undefined) p.date = date
    if (source !== undefined) p.source = source
    if (note !== undefined) p.note = note
    return p
  }
}

interface Defaults {
  match: MatchMode
  action: TermAction
  category: string
  lang: string
}

const readDefaults = (r: Reader, root: YAMLMap): Defaults => {
  const node = root.get('defaults', true) as Node | undefined
  const d: Defaults = { ...ENTRY_DEFAULTS }
  if (node === undefined) return d
  if (!isMap(node)) {
    r.problem(node, '"defaults" must be a mapping')
    return d
  }
  r.keys(node, ['match', 'action', 'category', 'lang'])
  d.match = r.oneOf(node, 'match', MATCH_MODES) ?? d.match
  d.action = r.oneOf(node, 'action', ACTIONS) ?? d.action
  d.category = r.string(node, 'category', false) ?? d.category
  d.lang = r.string(node, 'lang', false, LANG) ?? d.lang
  return d
}

const readTerm = (
  r: Reader,
  node: Node,
  defaults: Defaults,
  className: string | undefined,
): TermEntry | undefined => {
  if (!isMap(node)) {
    r.problem(node, 'an entry must be a mapping with at least id and term')
    return undefined
  }
  const fields = ['id', 'term', 'lang', 'match', 'category', 'provenance']
  r.keys(node, className === undefined ? [...fields, 'action'] : fields)
  const id = r.string(node, 'id', true, ID)
  const term = r.string(node, 'term', true)
  if (term !== undefined && term.length > MAX_TERM_LENGTH) {
    r.problem(node.get('term', true) as Node, `term is longer than ${MAX_TERM_LENGTH} characters`)
  }
  const lang = r.string(node, 'lang', false, LANG) ?? defaults.lang
  const match = r.oneOf(node, 'match', MATCH_MODES) ?? defaults.match
  const action = r.oneOf(node, 'action', ACTIONS) ?? defaults.action
  const category = r.string(node, 'category', false) ?? defaults.category
  const provenance = r.provenance(node)
  if (id === undefined || term === undefined) return undefined
  return {
    id,
    term,
    lang,
    match,
    action,
    category,
    ...(className === undefined ? {} : { className }),
    ...(provenance === undefined ? {} : { provenance }),
    line: r.lineOf(node),
  }
}

const seqItems = (r: Reader, root: YAMLMap, key: string): Node[] => {
  const node = root.get(key, true) as Node | undefined
  if (node === undefined || node === null) return []
  if (!isSeq(node)) {
    r.problem(node, `"${key}" must be a list`)
    return []
  }
  return node.items as Node[]
}

/**
 * Parses the YAML term list format. Throws a {@link TermListError} listing every problem with `file:line`.
 */
export const parseYamlTermList = (text: string, file: string): TermListSource => {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  const r = new Reader(file, lines)
  for (const e of doc.errors) {
    r.problems.push({
      file,
      line: lines.linePos(e.pos[0]).line,
      message: e.message.split('\n')[0] ?? '',
    })
  }
  if (r.problems.length > 0) throw new TermListError('term-list-syntax', r.problems)
  const root = doc.contents
  if (!isMap(root)) {
    throw new TermListError('term-list-schema', [
      {
        file,
        line: 1,
        message: 'a term list is a mapping with list, terms, and optional sections',
      },
    ])
  }
  r.keys(root, ['list', 'description', 'defaults', 'terms', 'classes', 'rules', 'exceptions'])
  const listId = r.string(root, 'list', true, ID) ?? 'invalid'
  const description = r.string(root, 'description', false)
  const defaults = readDefaults(r, root)

  const terms: TermEntry[] = []
  for (const item of seqItems(r, root, 'terms')) {
    const t = readTerm(r, item, defaults, undefined)
    if (t) terms.push(t)
  }

  const classes = new Map<string, number>()
  const classNode = root.get('classes', true) as Node | undefined
  if (classNode !== undefined && classNode !== null) {
    if (!isMap(classNode)) r.problem(classNode, '"classes" must map class names to lists of terms')
    else {
      for (const pair of classNode.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : ''
        if (!ID.test(name)) r.problem(pair.key as Node, `invalid class name "${name}"`)
        classes.set(name, r.lineOf(pair.key as Node))
        const members = pair.value as Node | null
        if (!isSeq(members)) {
          r.problem(pair.key as Node, `class "${name}" must be a list of terms`)
          continue
        }
        for (const item of members.items as Node[]) {
          const t = readTerm(r, item, defaults, name)
          if (t) terms.push(t)
        }
      }
    }
  }

  const rules: RuleEntry[] = []
  for (const item of seqItems(r, root, 'rules')) {
    if (!isMap(item)) {
      r.problem(item, 'a rule must be a mapping with id and all')
      continue
    }
    r.keys(item, ['id', 'all', 'action', 'category'])
    const id = r.string(item, 'id', true, ID)
    const allNode = item.get('all', true) as Node | undefined
    const all: string[] = []
    if (!isSeq(allNode) || allNode.items.length < 2) {
      r.problem(allNode ?? item, '"all" must list at least two classes')
    } else {
      for (const c of allNode.items as Node[]) all.push(isScalar(c) ? String(c.value) : '')
    }
    const action = r.oneOf(item, 'action', ACTIONS) ?? 'deter'
    const category = r.string(item, 'category', false) ?? defaults.category
    if (id !== undefined) rules.push({ id, all, action, category, line: r.lineOf(item) })
  }

  const exceptions: ExceptionEntry[] = []
  for (const item of seqItems(r, root, 'exceptions')) {
    if (!isMap(item)) {
      r.problem(item, 'an exception must be a mapping with id and phrase')
      continue
    }
    r.keys(item, ['id', 'phrase', 'lang', 'provenance'])
    const id = r.string(item, 'id', true, ID)
    const phrase = r.string(item, 'phrase', true)
    const lang = r.string(item, 'lang', false, LANG) ?? defaults.lang
    const provenance = r.provenance(item)
    if (id !== undefined && phrase !== undefined) {
      exceptions.push({
        id,
        phrase,
        lang,
        ...(provenance === undefined ? {} : { provenance }),
        line: r.lineOf(item),
      })
    }
  }

  if (r.problems.length > 0) throw new TermListError('term-list-schema', r.problems)
  return {
    file,
    listId,
    ...(description === undefined ? {} : { description }),
    format: 'yaml',
    terms,
    exceptions,
    rules,
    classes,
    text,
  }
}

/**
 * Parses a plain-text list: one term per line; `#` starts a comment; blank lines are skipped. Each term gets
 * the defaults and is its own id. Throws a {@link TermListError} for over-long lines.
 */
export const parsePlainTermList = (
  text: string,
  file: string,
  listId = 'plain',
): TermListSource => {
  const problems: TermListProblem[] = []
  const terms: TermEntry[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? ''
    const hash = raw.indexOf('#')
    const term = (hash === -1 ? raw : raw.slice(0, hash)).trim()
    if (term === '') continue
    if (term.length > MAX_TERM_LENGTH) {
      problems.push({
        file,
        line: i + 1,
        message: `term is longer than ${MAX_TERM_LENGTH} characters`,
      })
      continue
    }
    terms.push({ id: term, term, ...ENTRY_DEFAULTS, line: i + 1 })
  }
  if (problems.length > 0) throw new TermListError('term-list-schema', problems)
  return {
    file,
    listId,
    format: 'text',
    terms,
    exceptions: [],
    rules: [],
    classes: new Map(),
    text,
  }
}

/** Parses by file name: `.yaml`/`.yml` as YAML, anything else as plain text. */
export const parseTermList = (text: string, file: string): TermListSource =>
  /\.ya?ml$/i.test(file) ? parseYamlTermList(text, file) : parsePlainTermList(text, file)
