/**
 * @module match/scan
 * Runs an automaton over normalized units. Most units have one reading and the scan is one table look-up per
 * unit; a unit with several readings (`1` → i, l, 1) forks the scan into a small set of automaton states, at
 * most {@link MAX_STATES}, so every reading is tried at bounded cost. Every unit consumes exactly one symbol
 * in every reading, so a match's start is its end minus the pattern length.
 *
 * A second, rarer pass tries a mask placeholder (`purp*e`, `purpl#`) as each letter of the alphabet, inside
 * the word around it only, and a `+` as a `t` (`c4r+`), where the other ambiguous characters around it keep
 * all their readings (`purp1e e1ephan+`) and the words after it are read too (`viole+ lantern`).
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

const addState = (
  a: Automaton,
  set: Int32Array,
  size: number,
  t: number,
  limit = MAX_STATES,
): number => {
  for (let j = 0; j < size; j++) if (set[j] === t) return size
  if (size < limit) {
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

/** States followed at once by the site pass where characters have several readings (`e13phan+`). */
export const MAX_SITE_STATES = 4

const siteCur = new Int32Array(MAX_SITE_STATES)
const siteNext = new Int32Array(MAX_SITE_STATES)

/**
 * Runs the automaton over `units[from..to)` with a wildcard read as `cls` just before unit `at`. In virtual
 * positions, units before `at` keep their index, the wildcard is `at`, and later units shift by one; a
 * candidate's `start`/`end` are unit indices with the wildcard counted as unit `at` (so `end` excludes it
 * when the occurrence ends on it: `end === at`, `mask` says where it is). With `fork`, every reading of an
 * ambiguous unit is followed (at most {@link MAX_SITE_STATES} states), and a leetspeak unit may repeat the
 * letter before it as in {@link scanUnits} (`p!110w`); starts are then approximate, recovered by the resolver.
 */
const scanWithWildcard = (
  a: Automaton,
  units: Units,
  from: number,
  to: number,
  cls: number,
  mask: MaskSite,
  fork: boolean,
  found: Candidate[],
  out: Candidate[],
): void => {
  const { at } = mask
  const { c0, c1, c2, raw } = units
  let size = 1
  siteCur[0] = 0
  found.length = 0
  let approximate = false
  for (let v = from; v <= to; v++) {
    let m = 0
    if (v === at) {
      for (let j = 0; j < size; j++) {
        m = addState(a, siteNext, m, a.next(siteCur[j]!, cls), MAX_SITE_STATES)
      }
    } else {
      const u = v < at ? v : v - 1
      const r0 = a.classOf(c0[u]!)
      const r1 = fork && c1[u] !== NONE ? a.classOf(c1[u]!) : -1
      const r2 = fork && c2[u] !== NONE ? a.classOf(c2[u]!) : -1
      const leety = fork && (raw[u] !== c0[u] || r1 >= 0)
      for (let j = 0; j < size; j++) {
        const s = siteCur[j]!
        m = addState(a, siteNext, m, a.next(s, r0), MAX_SITE_STATES)
        if (r1 >= 0) m = addState(a, siteNext, m, a.next(s, r1), MAX_SITE_STATES)
        if (r2 >= 0) m = addState(a, siteNext, m, a.next(s, r2), MAX_SITE_STATES)
        // a leetspeak unit read like the letter before it may repeat it (`p!110w`)
        const l = s === 0 ? 0 : a.label[s]!
        if (leety && l !== 0 && (l === r0 || l === r1 || l === r2)) {
          m = addState(a, siteNext, m, s, MAX_SITE_STATES)
          approximate = true
        }
      }
    }
    size = 0
    for (let j = 0; j < m; j++) {
      const s = siteNext[j]!
      // the root carries no information once other states are live
      if (s === 0 && m > 1) continue
      siteCur[size++] = s
      if (a.hasOutput(s)) pushOutputs(a, s, v + 1, found, approximate)
    }
    if (size === 0) siteCur[size++] = 0
  }
  for (const c of found) {
    // keep occurrences that contain the wildcard: start <= at < end (virtual); an approximate start is only
    // an upper bound, the resolver checks it
    if ((c.start > at && !c.approximate) || c.end <= at) continue
    out.push(
      c.approximate
        ? { pattern: c.pattern, start: c.start, end: c.end - 1, mask, approximate: true }
        : { pattern: c.pattern, start: c.start, end: c.end - 1, mask },
    )
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
    // after a trailing site the next words are read too: a multi-word term goes on there (`velve+ pillow`)
    const to = site.at >= n ? n : units.tokenEnd(Math.min(n - 1, site.at + SITE_WINDOW - 1))
    if (site.readings === undefined) {
      // a mask is only tried between whole words of at least two letters (`p.u.r.p.l.e` is spacing)
      const before = site.at - units.tokenStart(site.at - 1)
      const after = site.trailing ? 0 : units.tokenEnd(site.at) - site.at
      if (before < 2 && after < 2) continue
      for (let cls = 1; cls < a.stay; cls++) {
        scanWithWildcard(a, units, from, to, cls, site, false, found, out)
      }
    } else {
      // a character with a few readings (`+`): the other ambiguous characters around it are read every way
      for (const r of site.readings) {
        const cls = a.classOf(r)
        if (cls !== 0) scanWithWildcard(a, units, from, to, cls, site, true, found, out)
      }
    }
  }
}

/** True when units `i-1` and `i` are in different words. */
export const isBoundary = (units: Units, i: number): boolean =>
  i <= 0 || i >= units.length || (units.flags[i]! & UNIT_BOUNDARY) !== 0
