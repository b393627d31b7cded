/**
 * @module cli/main
 * `search-deterrence <command>`: tools for policy staff and for evaluating the engine.
 *
 * - `judge --list PATH`: reads texts from stdin, one per line, writes one JSON line per text:
 *   `{"action":"deter|support|allow","hits":[{"term":"<id>","start":N,"end":N}]}` (offsets: UTF-16, into the
 *   line as read, half-open). For a plain-text list the id is the term as written.
 * - `lint --list PATH`: reports problems with `file:line`; exit 1 when there is an error.
 *
 * Common options: `--lexicon en,fr,…|none` (default: every bundled language), `--words FILE` (repeatable:
 * the operator's own ordinary words, one per line), `--cache DIR`.
 * Exit codes: 0 ok, 1 lint errors, 2 usage or list errors. Errors never print a term's text.
 */

import { parseArgs } from 'node:util'
import { DeterrenceError, formatProblems, TermListError } from '../errors.js'
import type { Verdict } from '../policy/index.js'
import { lintTermList } from '../termlist/lint.js'
import { type LoadOptions, loadLexicon, loadTermList, readTermList } from './load.js'

const USAGE = `usage: search-deterrence <command> [options]

commands:
  judge --list PATH     judge stdin, one text per line, one JSON line out per text
  lint --list PATH      check a term list; exit 1 on errors

options:
  --list PATH           term list: .yaml/.yml (project format) or plain text (one term per line)
  --lexicon LANGS       ordinary-word lexicon languages, comma-separated, or "none" (default: all bundled)
  --words FILE          your own ordinary words (brands, products, places), one per line; repeatable
  --cache DIR           cache folder for expanded dictionaries (default: node_modules/.cache/search-deterrence)
`

const fail = (message: string): never => {
  process.stderr.write(`search-deterrence: ${message}\n`)
  process.exit(2)
}

const loadOptions = (values: {
  lexicon?: string | undefined
  words?: string[] | undefined
  cache?: string | undefined
}): LoadOptions => {
  const lexicon =
    values.lexicon === undefined
      ? undefined
      : values.lexicon === 'none'
        ? ('none' as const)
        : values.lexicon.split(',').map((s) => s.trim())
  return {
    ...(lexicon === undefined ? {} : { lexicon }),
    ...(values.words === undefined ? {} : { words: values.words }),
    ...(values.cache === undefined ? {} : { cacheDir: values.cache }),
  }
}

/** Serializes a verdict the judge way, with a memo of JSON-encoded ids. */
const judgeLine = (v: Verdict, ids: Map<string, string>): string => {
  if (v.hits.length === 0) return `{"action":"${v.action}","hits":[]}\n`
  let s = `{"action":"${v.action}","hits":[`
  for (let i = 0; i < v.hits.length; i++) {
    const h = v.hits[i]!
    let id = ids.get(h.termId)
    if (id === undefined) {
      id = JSON.stringify(h.termId)
      ids.set(h.termId, id)
    }
    s += `${i > 0 ? ',' : ''}{"term":${id},"start":${h.start},"end":${h.end}}`
  }
  return `${s}]}\n`
}

const judge = async (list: string, options: LoadOptions): Promise<void> => {
  const snapshot = await loadTermList(list, options)
  const ids = new Map<string, string>()
  let rest = ''
  let out = ''
  const flush = async () => {
    if (out === '') return
    const chunk = out
    out = ''
    if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r))
  }
  const judgeLines = async (text: string, final: boolean) => {
    const lines = (rest + text).split('\n')
    rest = final ? '' : (lines.pop() ?? '')
    if (final && lines[lines.length - 1] === '') lines.pop()
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
      out += judgeLine(snapshot.judge(line), ids)
      if (out.length > 1 << 16) await flush()
    }
  }
  process.stdin.setEncoding('utf8')
  for await (const chunk of process.stdin) await judgeLines(chunk as string, false)
  await judgeLines('', true)
  await flush()
}

const lint = async (list: string, options: LoadOptions): Promise<number> => {
  const source = readTermList(list)
  const lexicon = await loadLexicon(options)
  const problems = lintTermList(source, { lexicon })
  for (const p of problems)
    process.stdout.write(`${p.file}:${p.line}: ${p.severity}: ${p.message}\n`)
  const errors = problems.filter((p) => p.severity === 'error').length
  process.stdout.write(
    `${source.terms.length} terms, ${source.exceptions.length} exceptions, ${source.rules.length} rules: ` +
      `${errors} errors, ${problems.length - errors} warnings\n`,
  )
  return errors > 0 ? 1 : 0
}

const main = async (argv: string[]): Promise<number> => {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE)
    return command === undefined ? 2 : 0
  }
  let values: {
    list?: string | undefined
    lexicon?: string | undefined
    words?: string[] | undefined
    cache?: string | undefined
  }
  try {
    values = parseArgs({
      args: rest,
      options: {
        list: { type: 'string' },
        lexicon: { type: 'string' },
        words: { type: 'string', multiple: true },
        cache: { type: 'string' },
      },
    }).values
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`)
  }
  if (values.list === undefined) return fail(`--list is required\n${USAGE}`)
  const options = loadOptions(values)
  switch (command) {
    case 'judge':
      await judge(values.list, options)
      return 0
    case 'lint':
      return lint(values.list, options)
    default:
      return fail(`unknown command "${command}"\n${USAGE}`)
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (e) {
  if (e instanceof TermListError) fail(`term list has errors:\n${formatProblems(e.problems)}`)
  else if (e instanceof DeterrenceError) fail(e.message)
  else throw e
}
