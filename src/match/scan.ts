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

import { NONE, type Site, UNIT_BOUNDARY, type Units } from '../normalize/units.js'
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
  /**
   * Set when ambiguous characters may have repeated a letter (`pi|1ow`): `start` is then only a guess and
   * the resolver recovers it by matching the pattern backwards.
   */
  readonly approximate?: boolean
  /** Set when the occurrence reads a mask placeholder as a letter: its original span. */
  readonly mask?: MaskSite
}

/** A site (mask placeholder or `+`): see {@link Units.sites}. */
export type MaskSite = Site

const cur = new Int32Array(MAX_STATES)
const nxt = new Int32Array(MAX_STATES)

const pushOutputs = (
  a: Automaton,
  s: number,
  end: number,
  out: Candidate[],
  approximate = false,
): void => {
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
      if (!dup)
        out.push(approximate ? { pattern, start, end, approximate } : { pattern, start, end })
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
  const { asciiClass, otherClass, emits } = a
  const { raw } = units
  let size = 1
  cur[0] = 0
  // the state while one reading is followed, in the row encoding of `Automaton.step`
  let r = 0
  // once a character had several readings, starts are recovered by the resolver (see Candidate)
  let approximate = false
  for (let u = 0; u < n; u++) {
    if (size === 1 && c1[u] === NONE && (u === 0 || raw[u - 1] === c0[u - 1])) {
      const c = c0[u]!
      const cls = c < 128 ? asciiClass[c]! : (otherClass.get(c) ?? 0)
      const v = a.step(r, cls)
      if (v >= 0) {
        r = v
        continue
      }
      const t = -1 - v
      if (emits[t] === 1) pushOutputs(a, t, u + 1, out, approximate)
      r = a.rowOf(t)
      continue
    }
    if (size === 1) cur[0] = a.stateOf(r)
    approximate = true
    // several readings: follow each; a letter read like the one before may also repeat it (`pi|1ow`)
    const leety =
      units.raw[u] !== c0[u] || c1[u] !== NONE || (u > 0 && units.raw[u - 1] !== c0[u - 1])
    let m = 0
    for (let j = 0; j < size; j++) {
      const s = cur[j]!
      for (const reading of [c0[u]!, c1[u]!, c2[u]!]) {
        if (reading === NONE) continue
        const cls = a.classOf(reading)
        m = addState(a, nxt, m, a.next(s, cls))
        if (leety && s !== 0 && cls !== 0 && a.label[s] === cls) m = addState(a, nxt, m, s)
      }
    }
    size = 0
    for (let j = 0; j < m; j++) {
      const s = nxt[j]!
      // the root carries no information once other states are live
      if (s === 0 && m > 1) continue
      cur[size++] = s
      if (emits[s] === 1) pushOutputs(a, s, u + 1, out, true)
    }
    if (size === 0) cur[size++] = 0
    r = a.rowOf(cur[0]!)
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

/** Units on each side of a site that the site pass reads (a multi-word term may span several words). */
export const SITE_WINDOW = 48

/**
 * The site pass: for each mask placeholder (`purp*e`, `purpl#`) and each `+` between words, tries the
 * letters it may stand for (every alphabet letter for a mask) in its place, within the words around it.
 * Appends occurrences that read the site as a letter, flagged with `mask`. Cost: letters tried × window
 * length per site; nothing when the text has no site.
 */
export const scanMasks = (a: Automaton, units: Units, out: Candidate[]): void => {
  const n = units.length
  const found: Candidate[] = []
  for (const site of units.sites) {
    if (site.at <= 0) continue
    const from = units.tokenStart(Math.max(0, site.at - SITE_WINDOW))
    const to = site.trailing ? site.at : units.tokenEnd(Math.min(n - 1, site.at + SITE_WINDOW - 1))
    if (site.readings === undefined) {
      // a mask is only tried between whole words of at least two letters (`p.u.r.p.l.e` is spacing)
      const before = site.at - units.tokenStart(site.at - 1)
      const after = site.trailing ? 0 : units.tokenEnd(site.at) - site.at
      if (before < 2 && after < 2) continue
      for (let cls = 1; cls < a.alphabetSize; cls++) {
        scanWithWildcard(a, units, from, to, cls, site, found, out)
      }
    } else {
      for (const r of site.readings) {
        const cls = a.classOf(r)
        if (cls !== 0) scanWithWildcard(a, units, from, to, cls, site, found, out)
      }
    }
  }
}

/** True when units `i-1` and `i` are in different words. */
export const isBoundary = (units: Units, i: number): boolean =>
  i <= 0 || i >= units.length || (units.flags[i]! & UNIT_BOUNDARY) !== 0
