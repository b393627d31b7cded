/**
 * @module match/automaton
 * An Aho-Corasick automaton over code points, built once and immutable. States are numbered in breadth-first
 * order; the shallow states (where searching spends nearly all its time) get a dense transition row in one
 * `Int32Array` indexed through an alphabet map, deeper states keep their trie children sparsely and fall back
 * along failure links. That keeps 100k-term lists within a memory budget while the hot loop stays a table
 * look-up. Building can fail (empty pattern); searching never does.
 *
 * One exception to the breadth-first numbers: past depth 8 a large list is mostly *chains*, the unshared rest
 * of one term, one child a state (70k of the 75k dense states of the 10k-term benchmark list). A chain is
 * numbered in one run and stepped through {@link Automaton.chain}, the class of each state's only child, side
 * by side in memory, instead of through one cold dense row per letter: text that holds a term then reads one
 * or two cache lines for the term's rest, not one a letter. Ordinary text rarely goes that deep (0.04% of the
 * benchmark's queries without a term). Measured on the 10k-term list, same process, builds alternating
 * (2026-12-02): 3-8% less time per query over the 1M queries, 100k-term compile unchanged.
 *
 * The dense table ({@link Automaton.jump}) holds, for the common case, the *row offset* of the next state
 * rather than its number: a hot loop then does one addition and one load per character, with no
 * multiplication and no second look-up to learn whether a pattern ends there (measured on the 10k-term
 * benchmark list: the prescan takes ~0.8× the time it took with state numbers and an `emits` look-up).
 * Every other target (a state where a pattern ends, or one without a dense row) is stored as `-1 - state`.
 * The last column of each dense row is {@link Automaton.stay}: a class no code point has, whose transition
 * stays in the state. The prescan reads a space or a squeezed repeat through it, without a branch.
 *
 * The trie is built from the patterns in sorted order ({@link sortPatterns}): each then shares its first
 * nodes with the one before and only adds nodes, where inserting in list order searched a sibling list at
 * every letter, a cache miss each in a large trie. Measured on the 100k-term benchmark list with its joined
 * and shortened forms (300k patterns; same process, builds alternating, 2026-12-02): buildAutomaton 533 ms
 * against 783 ms (medians of 12), the same states and tables but for the order of siblings.
 *
 * Semantics: *overlapping* (every occurrence of every pattern is reported), spans half-open, in code units of
 * the searched sequence. `findAll('abcd')` with patterns `['bc', 'abcd', 'c']` reports `[0,1,3]`, `[2,2,3]`,
 * `[1,0,4]`, ordered by end, then longest first.
 */

import { DeterrenceError } from '../errors.js'

/** One occurrence: the pattern's index in the build list and its half-open span. */
export interface AutomatonMatch {
  readonly pattern: number
  readonly start: number
  readonly end: number
}

/** Build options. */
export interface AutomatonOptions {
  /**
   * At most this many transition-table entries (4 bytes each) are stored densely; deeper states use sparse
   * children. Default 2M entries (8 MiB): the states a search spends its time in.
   */
  readonly denseBudget?: number
  /**
   * States deeper than this with one child form chains, stepped through {@link Automaton.chain} (default 8).
   * Below it a large list is mostly the unshared rest of one term, which only text holding that term reaches.
   */
  readonly chainDepth?: number
}

const DEFAULT_DENSE_BUDGET = 2 * 1024 * 1024
const DEFAULT_CHAIN_DEPTH = 8

/** An immutable Aho-Corasick automaton. Create it with {@link buildAutomaton}. */
export class Automaton {
  /** Number of patterns given to the build. */
  readonly patternCount: number
  /** Number of states, the root included. */
  readonly stateCount: number
  /**
   * Alphabet classes (the width of a dense row), including class 0 for every code point that no pattern
   * contains and the last class, {@link stay}.
   */
  readonly alphabetSize: number
  /** The class whose transition stays in the state (no code point has it): `alphabetSize - 1`. */
  readonly stay: number
  /** States `0 .. denseCount-1` have a dense row. */
  readonly denseCount: number
  /** Length (in code points) of each pattern. */
  readonly patternLength: Int32Array

  /** @internal */ readonly asciiClass: Int32Array
  /** @internal */ readonly otherClass: ReadonlyMap<number, number>
  /**
   * @internal Dense rows: entry `s * alphabetSize + cls` is `t * alphabetSize` for a target `t` that has a
   * dense row and emits nothing, else `-1 - t`. See the module doc.
   */
  readonly jump: Int32Array
  /** @internal */ readonly depth: Int32Array
  /** @internal */ readonly fail: Int32Array
  /** @internal */ readonly childStart: Int32Array
  /** @internal */ readonly childLabel: Int32Array
  /** @internal */ readonly childTarget: Int32Array
  /** @internal */ readonly outStart: Int32Array
  /** @internal */ readonly outList: Int32Array
  /** @internal */ readonly dictLink: Int32Array
  /** @internal Alphabet class of the edge into each state (0 for the root). */
  readonly label: Int32Array
  /** @internal 1 where some pattern ends in the state (see {@link hasOutput}), in one look-up. */
  readonly emits: Uint8Array
  /**
   * @internal For a state of a chain (see {@link AutomatonOptions.chainDepth}), the class of its only child,
   * which is the next state; else 0. A chain is stepped here, on consecutive entries, instead of through a
   * dense row each: the states of one term's rest then share cache lines (a row is 4 × alphabet bytes and
   * every state's its own). Jump entries never point into a chain ({@link step} goes through {@link next}).
   */
  readonly chain: Uint16Array

  /** @internal Use {@link buildAutomaton}. */
  constructor(parts: {
    patternCount: number
    patternLength: Int32Array
    asciiClass: Int32Array
    otherClass: ReadonlyMap<number, number>
    alphabetSize: number
    denseCount: number
    jump: Int32Array
    depth: Int32Array
    fail: Int32Array
    childStart: Int32Array
    childLabel: Int32Array
    childTarget: Int32Array
    outStart: Int32Array
    outList: Int32Array
    dictLink: Int32Array
    label: Int32Array
    emits: Uint8Array
    chain: Uint16Array
  }) {
    this.patternCount = parts.patternCount
    this.patternLength = parts.patternLength
    this.asciiClass = parts.asciiClass
    this.otherClass = parts.otherClass
    this.alphabetSize = parts.alphabetSize
    this.stay = parts.alphabetSize - 1
    this.denseCount = parts.denseCount
    this.jump = parts.jump
    this.depth = parts.depth
    this.fail = parts.fail
    this.childStart = parts.childStart
    this.childLabel = parts.childLabel
    this.childTarget = parts.childTarget
    this.outStart = parts.outStart
    this.outList = parts.outList
    this.dictLink = parts.dictLink
    this.stateCount = parts.depth.length
    this.label = parts.label
    this.emits = parts.emits
    this.chain = parts.chain
  }

  /** The alphabet class of a code point (0 when no pattern contains it). */
  classOf(cp: number): number {
    return cp < 128 ? this.asciiClass[cp]! : (this.otherClass.get(cp) ?? 0)
  }

  /** The state reached from state `s` on alphabet class `cls`. O(1) for dense states. */
  next(s: number, cls: number): number {
    if (cls === 0) return 0
    if (cls === this.stay) return s
    const { denseCount, jump, alphabetSize, childStart, childLabel, childTarget, fail, chain } =
      this
    for (;;) {
      if (chain[s] === cls) return s + 1
      if (s < denseCount) return this.stateOf(jump[s * alphabetSize + cls]!)
      const end = childStart[s + 1]!
      for (let k = childStart[s]!; k < end; k++) if (childLabel[k] === cls) return childTarget[k]!
      s = fail[s]!
    }
  }

  /**
   * One step in the row encoding of the hot loops: from `r` (a state's row offset in {@link jump}, or
   * `-1 - state` for a state without a dense row) on class `cls`. Returns the next row offset when the
   * target has a dense row and no pattern ends there, else `-1 - target` (then see {@link rowOf}).
   */
  step(r: number, cls: number): number {
    return r >= 0 ? this.jump[r + cls]! : -1 - this.next(-1 - r, cls)
  }

  /** The row encoding of state `s` (see {@link step}). */
  rowOf(s: number): number {
    return s < this.denseCount && this.chain[s] === 0 ? s * this.alphabetSize : -1 - s
  }

  /** The state of row encoding `r` (see {@link step}). */
  stateOf(r: number): number {
    return r >= 0 ? r / this.alphabetSize : -1 - r
  }

  /** True when some pattern ends in state `s`. */
  hasOutput(s: number): boolean {
    return this.emits[s] === 1
  }

  /**
   * Calls `emit(pattern)` for every pattern that ends in state `s` (longest first).
   */
  forEachOutput(s: number, emit: (pattern: number) => void): void {
    const { outStart, outList, dictLink } = this
    for (let t = s; t !== -1; t = dictLink[t]!) {
      const end = outStart[t + 1]!
      for (let k = outStart[t]!; k < end; k++) emit(outList[k]!)
    }
  }

  /**
   * Every occurrence of every pattern in `text` (overlapping), in UTF-16 code units. Never throws.
   * Cost: O(text length + occurrences).
   */
  findAll(text: string): AutomatonMatch[] {
    const out: AutomatonMatch[] = []
    const { outStart, outList, dictLink, patternLength, emits } = this
    let r = 0
    for (let i = 0; i < text.length; i++) {
      const v = this.step(r, this.classOf(text.charCodeAt(i)))
      if (v >= 0) {
        r = v
        continue
      }
      const s = -1 - v
      r = this.rowOf(s)
      if (emits[s] === 0) continue
      const end = i + 1
      for (let t = s; t !== -1; t = dictLink[t]!) {
        for (let k = outStart[t]!; k < outStart[t + 1]!; k++) {
          const pattern = outList[k]!
          out.push({ pattern, start: end - patternLength[pattern]!, end })
        }
      }
    }
    return out
  }

  /** Approximate memory held by the automaton's tables, in bytes. */
  get byteSize(): number {
    return (
      this.jump.byteLength +
      this.depth.byteLength +
      this.fail.byteLength +
      this.childStart.byteLength +
      this.childLabel.byteLength +
      this.childTarget.byteLength +
      this.outStart.byteLength +
      this.outList.byteLength +
      this.dictLink.byteLength +
      this.label.byteLength +
      this.emits.byteLength +
      this.chain.byteLength +
      this.otherClass.size * 16
    )
  }
}

/** The fields of a trie node while building, side by side: `trie[node * TRIE_FIELDS + field]`. */
const TRIE_FIELDS = 4
const FIRST_CHILD = 0
const NEXT_SIBLING = 1
const LABEL = 2
/** The patterns that end in the node: index + 1 of the newest, linked through `termNext`. */
const TERMS = 3

/** Every state, shallowest first, in number order within a depth (a counting sort). */
const depthOrder = (depth: Int32Array): Int32Array => {
  const n = depth.length
  let deepest = 0
  for (let s = 0; s < n; s++) if (depth[s]! > deepest) deepest = depth[s]!
  const start = new Int32Array(deepest + 2)
  for (let s = 0; s < n; s++) start[depth[s]! + 1]!++
  for (let d = 1; d <= deepest + 1; d++) start[d]! += start[d - 1]!
  const out = new Int32Array(n)
  for (let s = 0; s < n; s++) out[start[depth[s]!]!++] = s
  return out
}

/** Patterns laid end to end: pattern `p` is `codes[starts[p] .. starts[p + 1])`. */
export interface FlatPatterns {
  readonly codes: Int32Array
  /** `patternCount + 1` offsets into `codes`. */
  readonly starts: Int32Array
}

const flatten = (patterns: readonly (string | ArrayLike<number>)[]): FlatPatterns => {
  let total = 0
  for (const p of patterns) total += p.length
  const codes = new Int32Array(total)
  const starts = new Int32Array(patterns.length + 1)
  let at = 0
  patterns.forEach((p, i) => {
    starts[i] = at
    if (typeof p === 'string') for (let k = 0; k < p.length; k++) codes[at++] = p.charCodeAt(k)
    else for (let k = 0; k < p.length; k++) codes[at++] = p[k]!
  })
  starts[patterns.length] = at
  return { codes, starts }
}

/** Groups this small are sorted by insertion in {@link sortPatterns}. */
const SMALL_GROUP = 16

/**
 * Pattern indices in lexicographic order of their classes (a prefix before its extensions; equal patterns in
 * index order), which makes the trie build one pass without searches. See {@link sortPatterns}.
 */
const insertionOrder = (classes: Int32Array, starts: Int32Array): Int32Array => {
  const count = starts.length - 1
  let top = 1
  for (let i = 0; i < classes.length; i++) if (classes[i]! > top) top = classes[i]!
  const order = new Int32Array(count)
  for (let p = 0; p < count; p++) order[p] = p
  // groups still to sort, three numbers each: from, to, depth (a stack, not recursion: the optimized code
  // of a recursive function deoptimizes once per frame on the stack)
  const groups = [0, count, 0]
  while (groups.length > 0) {
    const depth = groups.pop()!
    const to = groups.pop()!
    const from = groups.pop()!
    sortPatterns(classes, starts, top + 2, order, from, to, depth, groups)
  }
  return order
}

/**
 * Sorts `order[from..to)`, patterns whose first `depth` classes are the same, stably, on the classes from
 * `depth` on: as many of them as fit in a number beside the position in the group (`base` values a class,
 * 0 where the pattern has ended) are packed into one number each, the numbers sorted as numbers (several
 * times faster than a comparator), and groups that still tie pushed on `groups` to be sorted on the
 * classes after.
 */
const sortPatterns = (
  classes: Int32Array,
  starts: Int32Array,
  base: number,
  order: Int32Array,
  from: number,
  to: number,
  depth: number,
  groups: number[],
): void => {
  const n = to - from
  if (n <= SMALL_GROUP) {
    sortSmallGroup(classes, starts, order, from, to, depth)
    return
  }
  const indexBits = Math.ceil(Math.log2(n))
  const scale = 2 ** indexBits
  const digits = Math.max(1, Math.floor((53 - indexBits) / Math.log2(base)))
  const keys = packKeys(classes, starts, base, order, from, to, depth, digits, scale)
  keys.sort()
  reorder(order, from, keys, scale)
  pushTies(starts, order, from, keys, scale, depth, digits, groups)
}

// The loops of sortPatterns are functions of their own: a loop that runs long enough is optimized while it
// runs (on-stack replacement), and code optimized that way inside a larger function, before the code after
// the loop had ever run, deoptimized at every later call (hundreds of times in one 100k-term build)

/** `order[from..to)`'s keys: `digits` classes from `depth` on in base `base`, times `scale`, plus the position. */
const packKeys = (
  classes: Int32Array,
  starts: Int32Array,
  base: number,
  order: Int32Array,
  from: number,
  to: number,
  depth: number,
  digits: number,
  scale: number,
): Float64Array => {
  const keys = new Float64Array(to - from)
  for (let i = 0; i < keys.length; i++) {
    const p = order[from + i]!
    const at = starts[p]! + depth
    const end = starts[p + 1]!
    let k = 0
    for (let d = 0; d < digits; d++) k = k * base + (at + d < end ? classes[at + d]! + 1 : 0)
    keys[i] = k * scale + i
  }
  return keys
}

/** Puts `order[from..)` in the order of sorted `keys` (each ends in a position, below `scale`). */
const reorder = (order: Int32Array, from: number, keys: Float64Array, scale: number): void => {
  const before = order.slice(from, from + keys.length)
  for (let i = 0; i < keys.length; i++) order[from + i] = before[keys[i]! % scale]!
}

/** Pushes on `groups` every run of sorted `keys` that ties on its classes and goes on past them. */
const pushTies = (
  starts: Int32Array,
  order: Int32Array,
  from: number,
  keys: Float64Array,
  scale: number,
  depth: number,
  digits: number,
  groups: number[],
): void => {
  const n = keys.length
  for (let i = 0; i < n; ) {
    const prefix = Math.floor(keys[i]! / scale)
    let j = i + 1
    while (j < n && Math.floor(keys[j]! / scale) === prefix) j++
    // a tie on digits that include the patterns' end (0) is a run of equal patterns, in index order already
    const p = order[from + i]!
    if (j - i > 1 && starts[p + 1]! - starts[p]! >= depth + digits) {
      groups.push(from + i, from + j, depth + digits)
    }
    i = j
  }
}

/** {@link sortPatterns} for a small group: insertion sort, comparing the classes from `depth` on. */
const sortSmallGroup = (
  classes: Int32Array,
  starts: Int32Array,
  order: Int32Array,
  from: number,
  to: number,
  depth: number,
): void => {
  const after = (a: number, b: number): boolean => {
    const fa = starts[a]!
    const fb = starts[b]!
    const la = starts[a + 1]! - fa
    const lb = starts[b + 1]! - fb
    const shared = Math.min(la, lb)
    for (let d = depth; d < shared; d++) {
      if (classes[fa + d] !== classes[fb + d]) return classes[fa + d]! > classes[fb + d]!
    }
    return la > lb
  }
  for (let i = from + 1; i < to; i++) {
    const p = order[i]!
    let j = i
    while (j > from && after(order[j - 1]!, p)) {
      order[j] = order[j - 1]!
      j--
    }
    order[j] = p
  }
}

/**
 * Builds an automaton from patterns given as arrays of code points (or strings, read as UTF-16 code units).
 * Identical patterns are allowed and each is reported. Throws `DeterrenceError('automaton-build')` on an
 * empty pattern. Cost: O(total pattern length × small constant); memory bounded by `denseBudget`.
 */
export const buildAutomaton = (
  patterns: readonly (string | ArrayLike<number>)[] | FlatPatterns,
  options: AutomatonOptions = {},
): Automaton => {
  const denseBudget = options.denseBudget ?? DEFAULT_DENSE_BUDGET
  const chainDepth = options.chainDepth ?? DEFAULT_CHAIN_DEPTH
  const { codes: flat, starts } = Array.isArray(patterns)
    ? flatten(patterns)
    : (patterns as FlatPatterns)
  const patternCount = starts.length - 1

  // alphabet
  const asciiClass = new Int32Array(128)
  const otherClass = new Map<number, number>()
  let alphabetSize = 1
  const classOf = (cp: number): number => {
    if (cp < 128) {
      if (asciiClass[cp] === 0) asciiClass[cp] = alphabetSize++
      return asciiClass[cp]!
    }
    let c = otherClass.get(cp)
    if (c === undefined) {
      c = alphabetSize++
      otherClass.set(cp, c)
    }
    return c
  }

  // every code point's class, in pattern order (classes are numbered in order of first appearance)
  const classes = new Int32Array(flat.length)
  for (let i = 0; i < flat.length; i++) classes[i] = classOf(flat[i]!)
  const patternLength = new Int32Array(patternCount)
  for (let p = 0; p < patternCount; p++) {
    patternLength[p] = starts[p + 1]! - starts[p]!
    if (patternLength[p]! <= 0)
      throw new DeterrenceError('automaton-build', `pattern ${p} is empty`)
  }

  // trie: first-child / next-sibling lists, at most one node per pattern code point plus the root; a node's
  // four fields side by side (see TRIE_FIELDS). Patterns go in in sorted order (see insertionOrder): a
  // pattern then shares its first `lcp` nodes with the one before and adds new nodes for the rest, so no
  // sibling list is ever searched
  const capacity = flat.length + 1
  // 0 is "none" in these lists: the root is nobody's child or sibling; pattern lists hold index + 1
  const trie = new Int32Array(capacity * TRIE_FIELDS)
  let size = 1
  const termNext = new Int32Array(patternCount)
  const order = insertionOrder(classes, starts)
  // the nodes of the pattern before, by depth (path[0]: the root)
  let deepest = 0
  for (let p = 0; p < patternCount; p++)
    if (patternLength[p]! > deepest) deepest = patternLength[p]!
  const path = new Int32Array(deepest + 1)
  let previous = -1
  for (let o = 0; o < patternCount; o++) {
    const p = order[o]!
    const from = starts[p]!
    const length = patternLength[p]!
    let lcp = 0
    if (previous >= 0) {
      const before = starts[previous]!
      const shared = Math.min(length, patternLength[previous]!)
      while (lcp < shared && classes[from + lcp] === classes[before + lcp]) lcp++
    }
    let node = path[lcp]!
    for (let d = lcp; d < length; d++) {
      const child = size++
      trie[child * TRIE_FIELDS + LABEL] = classes[from + d]!
      trie[child * TRIE_FIELDS + NEXT_SIBLING] = trie[node * TRIE_FIELDS + FIRST_CHILD]!
      trie[node * TRIE_FIELDS + FIRST_CHILD] = child
      node = child
      path[d + 1] = child
    }
    termNext[p] = trie[node * TRIE_FIELDS + TERMS]!
    trie[node * TRIE_FIELDS + TERMS] = p + 1
    previous = p
  }

  // final numbers: breadth first, except that a *chain* (states deeper than `chainDepth` with one child: the
  // unshared rest of a term) is numbered in one run, so that a state's only child is the next number and the
  // chain's labels lie side by side in `chain` (see Automaton.chain). Dense rows go to the first numbers.
  const n = size
  const stay = alphabetSize++
  const A = alphabetSize
  const oldOf = new Int32Array(n) // final number → trie node
  // the class of the edge into each state, in final numbers: read here anyway, and in number order later
  const stateLabel = new Int32Array(n)
  const depth = new Int32Array(n)
  const parent = new Int32Array(n)
  const chain = new Uint16Array(n)
  const chains = stay < 65536
  // children of every state but a chain's (the fail walk needs them), in final numbers: the states that are
  // not in a chain are expanded in number order, so their lists are written in that order too
  const childStart = new Int32Array(n + 1)
  let childLabel = new Int32Array(Math.max(0, n - 1))
  let childTarget = new Int32Array(Math.max(0, n - 1))
  let k = 0
  let listed = 0
  // states whose children are still to be numbered: the root, then the last state of every run
  const queue = new Int32Array(n)
  let next = 1
  for (let head = 0, tail = 1; head < tail; ) {
    const from = queue[head++]!
    while (listed <= from) childStart[listed++] = k
    const first = trie[oldOf[from]! * TRIE_FIELDS + FIRST_CHILD]!
    for (let c = first; c !== 0; c = trie[c * TRIE_FIELDS + NEXT_SIBLING]!) {
      let cls = trie[c * TRIE_FIELDS + LABEL]!
      childLabel[k] = cls
      childTarget[k++] = next
      let x = c
      let up = from
      for (;;) {
        const s = next++
        oldOf[s] = x
        stateLabel[s] = cls
        depth[s] = depth[up]! + 1
        parent[s] = up
        const only = trie[x * TRIE_FIELDS + FIRST_CHILD]!
        if (
          !chains ||
          depth[s]! <= chainDepth ||
          only === 0 ||
          trie[only * TRIE_FIELDS + NEXT_SIBLING] !== 0
        ) {
          queue[tail++] = s
          break
        }
        cls = trie[only * TRIE_FIELDS + LABEL]!
        chain[s] = cls
        up = s
        x = only
      }
    }
  }
  while (listed <= n) childStart[listed++] = k
  childLabel = childLabel.slice(0, k)
  childTarget = childTarget.slice(0, k)
  const denseCount = Math.max(1, Math.min(n, Math.floor(denseBudget / A)))

  // shallowest first: the order of the fail links (a fail target is always shallower)
  const byDepth = depthOrder(depth)

  // state numbers while building; encoded as jump entries at the end (see Automaton.jump)
  const dense = new Int32Array(denseCount * A)
  const fail = new Int32Array(n)

  const goto = (s: number, cls: number): number => {
    for (;;) {
      if (chain[s] === cls) return s + 1
      if (s < denseCount) return dense[s * A + cls]!
      const end = childStart[s + 1]!
      for (let j = childStart[s]!; j < end; j++) if (childLabel[j] === cls) return childTarget[j]!
      s = fail[s]!
    }
  }

  // failure links and dense rows, shallowest first (a state's fail target is always shallower)
  for (let i = 0; i < n; i++) {
    const s = byDepth[i]!
    if (s > 0) {
      const p = parent[s]!
      fail[s] = p === 0 ? 0 : goto(fail[p]!, stateLabel[s]!)
    }
    if (s < denseCount) {
      const row = s * A
      const f = fail[s]!
      if (s === 0) {
        // the root's missing transitions stay at the root (0)
      } else if (f < denseCount) {
        dense.copyWithin(row, f * A, f * A + A)
      } else {
        for (let cls = 1; cls < stay; cls++) dense[row + cls] = goto(f, cls)
      }
      for (let j = childStart[s]!; j < childStart[s + 1]!; j++) {
        dense[row + childLabel[j]!] = childTarget[j]!
      }
      if (chain[s] !== 0) dense[row + chain[s]!] = s + 1
      dense[row + stay] = s
    }
  }

  // outputs: own patterns per state, then the nearest fail ancestor with outputs
  const outStart = new Int32Array(n + 1)
  // every pattern ends in exactly one state
  const outList = new Int32Array(patternCount)
  let outs = 0
  for (let s = 0; s < n; s++) {
    outStart[s] = outs
    const first = trie[oldOf[s]! * TRIE_FIELDS + TERMS]!
    if (first === 0) continue
    // patterns were linked newest first: store them in build order
    const from = outs
    for (let q = first; q !== 0; q = termNext[q - 1]!) outList[outs++] = q - 1
    outList.subarray(from, outs).reverse()
  }
  outStart[n] = outs
  const dictLink = new Int32Array(n).fill(-1)
  // shallowest first: the fail target's link is known
  for (let i = 1; i < n; i++) {
    const s = byDepth[i]!
    const f = fail[s]!
    dictLink[s] = outStart[f] !== outStart[f + 1] ? f : dictLink[f]!
  }
  const emits = new Uint8Array(n)
  for (let s = 0; s < n; s++)
    if (outStart[s] !== outStart[s + 1] || dictLink[s] !== -1) emits[s] = 1
  for (let i = 0; i < dense.length; i++) {
    const t = dense[i]!
    dense[i] = t < denseCount && emits[t] === 0 && chain[t] === 0 ? t * A : -1 - t
  }

  return new Automaton({
    patternCount,
    patternLength,
    asciiClass,
    otherClass,
    alphabetSize: A,
    denseCount,
    jump: dense,
    depth,
    fail,
    childStart,
    childLabel,
    childTarget,
    outStart,
    outList,
    dictLink,
    label: stateLabel,
    emits,
    chain,
  })
}
