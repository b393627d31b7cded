/**
 * @module lexicon/hunspell
 * Loads the hunspell dictionaries of the npm `dictionary-*` packages, expands every root with its affix
 * rules (through `hunspell-reader`), and caches the result as one text file per language, so that expansion
 * (seconds to a minute for the largest languages) runs once per dictionary version, not per start or reload.
 *
 * Cache file: one line per root, `root<TAB>form form form`, all in spelling form (see `spellWord`). The
 * name carries the package version, the expansion depth and the normalizer version, so a change of any of
 * them builds a new file. Files are written to a temporary name and renamed, so a crash never leaves a
 * half-written cache behind.
 */

import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IterableHunspellReader } from 'hunspell-reader'
import { DeterrenceError } from '../errors.js'
import { NORMALIZER_VERSION } from '../normalize/index.js'
import { combineLexicons, type Lexicon, type LexiconGroup, spellWord } from './lexicon.js'

/** Languages with a bundled hunspell dictionary (npm `dictionary-<lang>`). */
export const HUNSPELL_LANGUAGES = ['en', 'fr', 'de', 'es', 'nl', 'it', 'pt', 'pl', 'sv'] as const

/**
 * Affix expansion depth per language. Italian, Portuguese and Polish expand to tens of millions of forms at
 * full depth (verb forms with clitic pronouns); one level of affixes keeps the plural and common verb forms.
 */
export const DEFAULT_DEPTHS: Readonly<Record<string, number>> = {
  en: 3,
  fr: 1,
  de: 3,
  es: 3,
  nl: 3,
  it: 1,
  pt: 1,
  pl: 1,
  sv: 3,
}

/** Options of {@link loadHunspellLexicon}. */
export interface HunspellLexiconOptions {
  /** Languages to load (default: all of {@link HUNSPELL_LANGUAGES}). */
  readonly languages?: readonly string[]
  /** Where expanded dictionaries are cached (default: `node_modules/.cache/search-deterrence`). */
  readonly cacheDir?: string
  /** Affix expansion depth per language (default {@link DEFAULT_DEPTHS}). */
  readonly depths?: Readonly<Record<string, number>>
}

/** The default cache folder, the convention most tools follow. */
export const defaultCacheDir = (): string =>
  process.env.SEARCH_DETERRENCE_CACHE ??
  join(process.cwd(), 'node_modules', '.cache', 'search-deterrence')

const packageDir = (lang: string): string => {
  try {
    return fileURLToPath(new URL('.', import.meta.resolve(`dictionary-${lang}`)))
  } catch (cause) {
    throw new DeterrenceError('lexicon-io', `no dictionary package for language "${lang}"`, {
      cause,
    })
  }
}

/** Reads a cache file one root line at a time, in chunks (never the whole file as one string). */
function* readGroups(file: string, lang: string): Generator<LexiconGroup> {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(1 << 20)
    let rest = ''
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null)
      if (n === 0) break
      const text = rest + buf.toString('utf8', 0, n)
      const lines = text.split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) {
        const tab = line.indexOf('\t')
        if (tab <= 0) continue
        yield { root: line.slice(0, tab), forms: line.slice(tab + 1).split(' '), lang }
      }
    }
  } finally {
    closeSync(fd)
  }
}

/** Expands one dictionary into the cache file `file`. Cost: seconds to a minute, once per version. */
const buildCache = async (lang: string, depth: number, file: string): Promise<void> => {
  const dir = packageDir(lang)
  const reader = await IterableHunspellReader.createFromFiles(
    join(dir, 'index.aff'),
    join(dir, 'index.dic'),
  )
  const tmp = `${file}.${process.pid}.tmp`
  const fd = openSync(tmp, 'w')
  try {
    let out = ''
    for (const entry of reader.seqTransformDictionaryEntries(undefined, depth)) {
      const first = entry[0]
      if (first === undefined) continue
      const root = spellWord(first.base || first.word)
      if (root === undefined) continue
      const forms = new Set<string>()
      for (const aw of entry) {
        const s = spellWord(aw.word)
        if (s !== undefined) forms.add(s)
      }
      if (forms.size === 0) continue
      out += `${root}\t${[...forms].join(' ')}\n`
      if (out.length > 1 << 20) {
        writeSync(fd, out)
        out = ''
      }
    }
    writeSync(fd, out)
  } finally {
    closeSync(fd)
  }
  renameSync(tmp, file)
}

/**
 * Loads the hunspell lexicon of the given languages, expanding and caching each dictionary the first time.
 * Throws `DeterrenceError('lexicon-io')` when a dictionary package is missing.
 */
export const loadHunspellLexicon = async (
  options: HunspellLexiconOptions = {},
): Promise<Lexicon> => {
  const languages = options.languages ?? HUNSPELL_LANGUAGES
  const cacheDir = options.cacheDir ?? defaultCacheDir()
  mkdirSync(cacheDir, { recursive: true })
  const lexicons: Lexicon[] = []
  for (const lang of languages) {
    const dir = packageDir(lang)
    const version = (
      JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }
    ).version
    const depth = options.depths?.[lang] ?? DEFAULT_DEPTHS[lang] ?? 1
    const id = `hunspell-${lang}@${version}/d${depth}/n${NORMALIZER_VERSION}`
    const file = join(cacheDir, `${id.replaceAll('/', '_').replaceAll('@', '-')}.txt`)
    if (!existsSync(file)) await buildCache(lang, depth, file)
    lexicons.push({ id, languages: [lang], groups: () => readGroups(file, lang) })
  }
  return combineLexicons(lexicons)
}
