/**
 * @module termlist/file-cache
 * An {@link ExceptionCache} in a folder: one text file per key, written to a temporary name and renamed,
 * so that a crash never leaves a half-written entry. Node only (the middleware core does not import it).
 */

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ExceptionCache } from './compile.js'

/** A folder-backed exception cache. Reading a missing or unreadable entry yields `undefined`. */
export const folderExceptionCache = (dir: string): ExceptionCache => ({
  get(key) {
    try {
      const text = readFileSync(join(dir, `${key}.txt`), 'utf8')
      return text === '' ? [] : text.split('\n')
    } catch {
      return undefined
    }
  },
  set(key, words) {
    try {
      mkdirSync(dir, { recursive: true })
      const file = join(dir, `${key}.txt`)
      const tmp = `${file}.${process.pid}.tmp`
      writeFileSync(tmp, words.join('\n'))
      renameSync(tmp, file)
    } catch {
      // a cache that cannot be written only costs time on the next compile
    }
  },
})
