/**
 * @module cli/load
 * Loads and compiles a term list from a file the way the CLI and the demo server do: parse by extension,
 * the hunspell lexicon of the chosen languages (cached) with the operator's own word lists, and a folder
 * cache for the lexicon scan.
 */

import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import { DeterrenceError } from '../errors.js'
import { defaultCacheDir, HUNSPELL_LANGUAGES, loadHunspellLexicon } from '../lexicon/hunspell.js'
import {
  combineLexicons,
  EMPTY_LEXICON,
  type Lexicon,
  lexiconFromWords,
} from '../lexicon/lexicon.js'
import { compileTermList, type TermListSnapshot } from '../termlist/compile.js'
import { folderExceptionCache } from '../termlist/file-cache.js'
import { parseTermList } from '../termlist/parse.js'
import type { TermListSource } from '../termlist/source.js'

/** How to load a list. */
export interface LoadOptions {
  /** Lexicon languages, or `none` for no lexicon (default: every bundled language). */
  readonly lexicon?: readonly string[] | 'none'
  /** Word-list files of the operator's own ordinary words (see {@link loadWordList}), added to it. */
  readonly words?: readonly string[]
  readonly cacheDir?: string
}

const readText = (path: string, what: string): string => {
  try {
    return readFileSync(path, 'utf8')
  } catch (cause) {
    throw new DeterrenceError('term-list-io', `cannot read ${what} ${path}`, { cause })
  }
}

/**
 * An operator's word list as a lexicon: one ordinary word per line (`#` starts a comment), such as the
 * brand, product and place names of a catalogue that the dictionaries do not know. A word that contains a
 * term then cancels the term's hit inside it, as a dictionary word does; a word that is itself a term (or
 * one of its inflections) never does. Lines that are not one word of letters (`x-ray`) are left out. The
 * lexicon's id carries a hash of the file's content, so compiled snapshots and cached exception words
 * change when the file does.
 */
export const loadWordList = (path: string): Lexicon => {
  const text = readText(path, 'word list')
  const words = text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((w) => w !== '')
  const hash = bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16)
  return lexiconFromWords(`words:${basename(path)}:${hash}`, [], words)
}

/** Loads the lexicon named by the options (cached expansion), with the operator's word lists. */
export const loadLexicon = async (options: LoadOptions = {}): Promise<Lexicon> => {
  const words = (options.words ?? []).map(loadWordList)
  const dictionaries =
    options.lexicon === 'none'
      ? []
      : [
          await loadHunspellLexicon({
            languages: options.lexicon ?? HUNSPELL_LANGUAGES,
            cacheDir: options.cacheDir ?? defaultCacheDir(),
          }),
        ]
  const all = [...dictionaries, ...words]
  return all.length === 0 ? EMPTY_LEXICON : all.length === 1 ? all[0]! : combineLexicons(all)
}

/** Reads and parses a term list file (by extension). Throws {@link DeterrenceError}s with `file:line`. */
export const readTermList = (path: string): TermListSource =>
  parseTermList(readText(path, 'term list'), path)

/** Reads, parses and compiles a term list file. Throws {@link DeterrenceError}s with `file:line`. */
export const loadTermList = async (
  path: string,
  options: LoadOptions = {},
): Promise<TermListSnapshot> => {
  const source = readTermList(path)
  const lexicon = await loadLexicon(options)
  return compileTermList(source, {
    lexicon,
    exceptionCache: folderExceptionCache(options.cacheDir ?? defaultCacheDir()),
  })
}
