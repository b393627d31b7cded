/**
 * @module bench/matching/npm-modules
 * Type declarations for the two benchmarked npm packages that ship none (`aho-corasick`, `ahocorasick`),
 * written from their READMEs and sources.
 */

declare module 'aho-corasick' {
  /** hsujian/aho-corasick: add words, call `build_fail()`, then search with a callback. */
  class AhoCorasick {
    add(word: string, data: unknown): void
    build_fail(): this
    /** Calls `callback(word, data, offset)` for every occurrence; `offset` is its start. */
    search(text: string, callback: (word: string, data: unknown[], offset: number) => void): this
  }
  export = AhoCorasick
}

declare module 'ahocorasick' {
  /** BrunoRB/ahocorasick: keywords at construction; `search` returns `[lastIndex, words][]`. */
  class AhoCorasick {
    constructor(keywords: readonly string[])
    search(text: string): [number, string[]][]
  }
  export = AhoCorasick
}
