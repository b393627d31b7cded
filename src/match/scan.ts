/**
 * @module match/scan
 * Runs an automaton over normalized units. Most units have one reading and the scan is one table look-up per
 * unit; a unit with several readings (`1` → i, l, 1) forks the scan into a small set of automaton states, at
 * most {@link MAX_STATES}, so every reading is tried at bounded cost. Every unit consumes exactly one symbol
 * in every reading, so a match's start is its end minus the pattern length.
 *
 * A second, rarer pass tries a mask placeholder (`purp*e`, `purpl#`) as each letter of the alphabet, inside
 * the word around it only.
 */

import { NONE, UNIT_BOUNDARY, UNIT_MASK, type Units } from '../normalize/units.js'
import type { Automaton } from './automaton.js'

/** States followed at once while readings fork. Deeper states win when the set is full. */
export const MAX_STATES = 16

/** A raw occurrence of a pattern over units `[start, end)`, before match modes are applied. */
export interface Candidate {
  readonly pattern: number
  /** First unit of the occurrence. */
  readonly start: number
  /** One past the last unit. */
  readonly end: number
  /** Set when the occurrence reads a mask placeholder as a letter: its original span. */
  readonly mask?: MaskSite
}

/** A mask placeholder: its original span, and the unit index it stands before. */
export interface MaskSite {
  readonly start: number
  readonly end: number
  readonly at: number
}

const cur = new Int32Array(MAX_STATES)
const nxt = new Int32Array(MAX_STATES)

const pushOutputs = (a: Automaton, s: number, end: number, out: Candidate[]): void => {
  const { outStart, outList, dictLink, patternLength } = a
  for (let t = s; t !== -1; t = dictLink[t]!) {
    const e = outStart[t + 1]!
    for (let k = outStart[t]!; k < e; k++) {
      const pattern = outList[k]!
      const start = end - patternLength[pattern]!
      let dup = false
      for (let j = out.length - 1; j >= 0 && out[j]!.end === end; j--) {
        if (out[j]!.pattern === pattern) dup = true
      }
      if (!dup) out.push({ pattern, start, end })
    }
  }
}

const addState = (a: Automaton, set: Int32Array, size: number, t: number): number => {
  for (let j = 0; j < size; j++) if (set[j] === t) return size
  if (size < MAX_STATES) {
    set[size] = t
    return size + 1
  }
  // full: replace the shallowest state if this one is deeper (it can still complete a longer match)
  let low = 0
  for (let j = 1; j < size; j++) if (a.depth[set[j]!]! < a.depth[set[low]!]!) low = j
  if (a.depth[t]! > a.depth[set[low]!]!) set[low] = t
  return size
}

/**
 * Appends every pattern occurrence in `units` to `out`. Never throws. Cost: one step per unit, times the
 * number of live readings where characters are ambiguous (at most {@link MAX_STATES}).
 */
export const scanUnits = (a: Automaton, units: Units, out: Candidate[]): void => {
  const { c0, c1, c2 } = units
  const n = units.length
  const { asciiClass, otherClass, dense, denseCount, alphabetSize, outStart, dictLink } = a
  let size = 1
  cur[0] = 0
  for (let u = 0; u < n; u++) {
    if (size === 1 && c1[u] === NONE) {
      const c = c0[u]!
      const cls = c < 128 ? asciiClass[c]! : (otherClass.get(c) ?? 0)
      const s0: number = cur[0]!
      const s: number = s0 < denseCount ? dense[s0 * alphabetSize + cls]! : a.next(s0, cls)
      cur[0] = s
      if (outStart[s] !== outStart[s + 1] || dictLink[s] !== -1) pushOutputs(a, s, u + 1, out)
      continue
    }
    let m = 0
    for (let j = 0; j < size; j++) {
      const s = cur[j]!
      m = addState(a, nxt, m, a.next(s, a.classOf(c0[u]!)))
      if (c1[u] !== NONE) m = addState(a, nxt, m, a.next(s, a.classOf(c1[u]!)))
      if (c2[u] !== NONE) m = addState(a, nxt, m, a.next(s, a.classOf(c2[u]!)))
    }
    size = 0
    for (let j = 0; j < m; j++) {
      const s = nxt[j]!
      // the root carries no information once other states are live
      if (s === 0 && m > 1) continue
      cur[size++] = s
      if (outStart[s] !== outStart[s + 1] || dictLink[s] !== -1) pushOutputs(a, s, u + 1, out)
    }
    if (size === 0) cur[size++] = 0
  }
}

/**
 * Runs the automaton over `units[from..to)` with a wildcard read as `cls` just before unit `at`. In virtual
 * positions, units before `at` keep their index, the wildcard is `at`, and later units shift by one; a
 * candidate's `start`/`end` are unit indices with the wildcard counted as unit `at` (so `end` excludes it
 * when the occurrence ends on it: `end === at`, `mask` says where it is).
 */
const scanWithWildcard = (
  a: Automaton,
  units: Units,
  from: number,
  to: number,
  cls: number,
  mask: MaskSite,
  found: Candidate[],
  out: Candidate[],
): void => {
  const { at } = mask
  let s = 0
  found.length = 0
  for (let v = from; v <= to; v++) {
    const sym = v < at ? a.classOf(units.c0[v]!) : v === at ? cls : a.classOf(units.c0[v - 1]!)
    s = a.next(s, sym)
    if (a.hasOutput(s)) pushOutputs(a, s, v + 1, found)
  }
  for (const c of found) {
    // keep occurrences that contain the wildcard: start <= at < end (virtual)
    if (c.start > at || c.end <= at) continue
    out.push({ pattern: c.pattern, start: c.start, end: c.end - 1, mask })
  }
}

/**
 * The mask pass: for each single placeholder between two letters, or after the last letter of a word, tries
 * every alphabet letter in its place within the surrounding word(s). Appends occurrences that read the
 * placeholder as a letter, flagged with `mask`. Cost: alphabet size × word length per placeholder; nothing
 * when the text has no placeholder.
 */
export const scanMasks = (a: Automaton, units: Units, out: Candidate[]): void => {
  const n = units.length
  const { flags } = units
  const sites: { site: MaskSite; trailing: boolean }[] = []
  for (let u = 1; u < n; u++) {
    if (flags[u]! & UNIT_MASK) {
      sites.push({
        site: { at: u, start: units.end[u - 1]!, end: units.start[u]! },
        trailing: false,
      })
    }
  }
  for (const t of units.trailingMasks) if (t.at > 0) sites.push({ site: t, trailing: true })
  const found: Candidate[] = []
  for (const { site, trailing } of sites) {
    const from = units.tokenStart(site.at - 1)
    const to = trailing ? site.at : units.tokenEnd(site.at)
    // the wildcard is only tried between whole words of at least two letters (`p.u.r.p.l.e` is spacing)
    if (site.at - from < 2 && to - site.at < 2) continue
    for (let cls = 1; cls < a.alphabetSize; cls++) {
      scanWithWildcard(a, units, from, to, cls, site, found, out)
    }
  }
}

/** True when units `i-1` and `i` are in different words. */
export const isBoundary = (units: Units, i: number): boolean =>
  i <= 0 || i >= units.length || (units.flags[i]! & UNIT_BOUNDARY) !== 0
