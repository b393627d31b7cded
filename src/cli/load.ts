/**
 * @module cli/load
 * Loads and compiles a term list from a file the way the CLI and the demo server do: parse by extension,
 * the hunspell lexicon of the chosen languages (cached), and a folder cache for the lexicon scan.
 */

import { readFileSync } from 'node:fs'
import { DeterrenceError } from '../errors.js'
import { defaultCacheDir, HUNSPELL_LANGUAGES, loadHunspellLexicon } from '../lexicon/hunspell.js'
import { EMPTY_LEXICON, type Lexicon } from '../lexicon/lexicon.js'
import { compileTermList, type TermListSnapshot } from '../termlist/compile.js'
import { folderExceptionCache } from '../termlist/file-cache.js'
import { parseTermList } from '../termlist/parse.js'

/** How to load a list. */
export interface LoadOptions {
  /** Lexicon languages, or `none` for no lexicon (default: every bundled language). */
  readonly lexicon?: readonly string[] | 'none'
  readonly cacheDir?: string
}

/** Loads the lexicon named by the options (cached expansion). */
export const loadLexicon = async (options: LoadOptions = {}): Promise<Lexicon> => {
  if (options.lexicon === 'none') return EMPTY_LEXICON
  return loadHunspellLexicon({
    languages: options.lexicon ?? HUNSPELL_LANGUAGES,
    cacheDir: options.cacheDir ?? defaultCacheDir(),
  })
}

/** Reads, parses and compiles a term list file. Throws {@link DeterrenceError}s with `file:line`. */
export const loadTermList = async (
  path: string,
  options: LoadOptions = {},
): Promise<TermListSnapshot> => {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new DeterrenceError('term-list-io', `cannot read term list ${path}`, { cause })
  }
  const source = parseTermList(text, path)
  const lexicon = await loadLexicon(options)
  return compileTermList(source, {
    lexicon,
    exceptionCache: folderExceptionCache(options.cacheDir ?? defaultCacheDir()),
  })
}
