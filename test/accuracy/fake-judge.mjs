/**
 * @module test/accuracy/fake-judge
 * A tiny stand-in for `bin/search-deterrence.js judge --list PATH`, used to test the accuracy
 * scorer before the real engine exists. It keeps the CLI contract (one JSON verdict line per query
 * line) but is deliberately naive: it folds width, case, accents, invisibles, Cyrillic/Greek
 * look-alikes and a few leet digits, drops every non-letter, and reports each place where a
 * term's letters appear. So it misses masks, stretching and doubling, and flags words that merely
 * contain a term.
 *
 *   node test/accuracy/fake-judge.mjs judge --list terms.txt < queries.txt
 */
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'

const LOOKALIKE = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ѕ: 's',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
}
const LEET = {
  4: 'a',
  '@': 'a',
  3: 'e',
  1: 'i',
  '!': 'i',
  0: 'o',
  5: 's',
  $: 's',
  7: 't',
  9: 'g',
  8: 'b',
}

/** Terms of a plain-text list: one per line, `#` starts a comment. */
function readList(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
    .map((term) => ({ term, letters: term.toLowerCase().replace(/[^a-z]/g, '') }))
}

/** The folded letter of one character, or '' when it is not a letter. */
function fold(ch) {
  const base = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
  const mapped = [...base].map((c) => LOOKALIKE[c] ?? LEET[c] ?? c).join('')
  return /^[a-z]+$/.test(mapped) ? mapped : ''
}

/** Folded letters of a query, each with the UTF-16 range it came from. */
function letters(query) {
  const out = []
  let i = 0
  for (const ch of query) {
    const end = i + ch.length
    if (/^\p{M}$/u.test(ch) && out.length > 0) out[out.length - 1].end = end
    else for (const c of fold(ch)) out.push({ c, start: i, end })
    i = end
  }
  return out
}

/** The verdict on one query. */
function judge(query, terms) {
  const ls = letters(query)
  const text = ls.map((l) => l.c).join('')
  const hits = []
  for (const { term, letters: t } of terms) {
    if (t === '') continue
    for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) {
      hits.push({ term, start: ls[at].start, end: ls[at + t.length - 1].end })
    }
  }
  return { action: hits.length > 0 ? 'deter' : 'allow', hits }
}

const args = process.argv.slice(2)
if (args[0] !== 'judge' || args[1] !== '--list' || !args[2]) {
  process.stderr.write('usage: fake-judge.mjs judge --list PATH\n')
  process.exit(2)
}
const terms = readList(args[2])
const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
for await (const line of rl) process.stdout.write(`${JSON.stringify(judge(line, terms))}\n`)
