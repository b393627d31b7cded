/**
 * @module policy
 * Hits → verdict. Deterministic, in this order of precedence:
 *
 * 1. **exceptions**: an allowed phrase cancels every hit whose span it fully covers;
 * 2. **support**: any remaining hit of a `support` entry (help-seeking, reporting, survivor) → `support`,
 *    even when the query also has `deter` hits (both suppress results; a person asking for help sees help);
 * 3. **deter**: any remaining hit of a `deter` term → `deter`, rule `term`;
 * 4. **rules**: a combination rule whose every class has a hit (class members, built-in `age-under-18`)
 *    → the rule's action, rule = its id (first rule in file order wins);
 * 5. otherwise `allow`.
 *
 * The verdict names the rule, the entries' ids and categories with spans, and the list version. It never
 * contains the text of a query or of a term.
 */

/** What the search should do. */
export type VerdictAction = 'allow' | 'deter' | 'support'

/** One hit as reported in a verdict: ids and spans only. */
export interface VerdictHit {
  /** The entry's id (for a plain-text list, the term as written). Built-in classes use their name. */
  readonly termId: string
  readonly category: string
  /** UTF-16 offsets into the judged text, half-open. */
  readonly start: number
  readonly end: number
}

/** The decision for one text (a query or a suggestion). */
export interface Verdict {
  readonly action: VerdictAction
  /** `term`, `intent`, a combination rule's id, or `null` for `allow`. */
  readonly rule: string | null
  readonly hits: readonly VerdictHit[]
  /** Content hash of the compiled term list that decided. */
  readonly listVersion: string
}

/** An entry as the policy sees it. */
export interface PolicyEntry {
  readonly id: string
  readonly category: string
  readonly action: 'deter' | 'support'
  readonly className?: string
}

/** A combination rule as the policy sees it. */
export interface PolicyRule {
  readonly id: string
  readonly all: readonly string[]
  readonly action: 'deter' | 'support'
  readonly category: string
}

/** Everything found in one text. Spans are UTF-16 offsets, half-open. */
export interface Findings {
  readonly hits: readonly { readonly entry: number; readonly start: number; readonly end: number }[]
  readonly exceptions: readonly { readonly start: number; readonly end: number }[]
  readonly ages: readonly { readonly age: number; readonly start: number; readonly end: number }[]
}

/** The age below which an age expression is in the built-in class `age-under-18`. */
export const ADULT_AGE = 18

const covers = (
  outer: { readonly start: number; readonly end: number },
  inner: { readonly start: number; readonly end: number },
): boolean => outer.start <= inner.start && inner.end <= outer.end

const coveredByAny = (
  exceptions: Findings['exceptions'],
  span: { readonly start: number; readonly end: number },
): boolean => {
  for (const e of exceptions) if (covers(e, span)) return true
  return false
}

type Hit = Findings['hits'][number]

const longestFirst = (a: Hit, b: Hit): number =>
  b.end - b.start - (a.end - a.start) || a.start - b.start

const byStart = (a: VerdictHit, b: VerdictHit): number => a.start - b.start || a.end - b.end

/**
 * Sorts `items` in place (stably) and returns them. A query has a hit or two: insertion sort orders two
 * in ~15 ns, `Array.prototype.sort` with a comparator took ~90 ns more (Node 20, a million calls of each,
 * 2026-12-02); arrays longer than 16 go to it.
 */
const sorted = <T>(items: T[], compare: (a: T, b: T) => number): T[] => {
  if (items.length > 16) return items.sort(compare)
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!
    let j = i
    for (; j > 0 && compare(items[j - 1]!, item) > 0; j--) items[j] = items[j - 1]!
    items[j] = item
  }
  return items
}

/** True when hit `live[i]` overlaps an earlier kept hit of the same entry. */
const overlapsKept = (live: readonly Hit[], kept: readonly number[], i: number): boolean => {
  const h = live[i]!
  for (const k of kept) {
    const t = live[k]!
    if (t.entry === h.entry && t.start < h.end && h.start < t.end) return true
  }
  return false
}

/** Applies the precedence above. Never throws. Cost: O(hits × (exceptions + rule classes)). */
export const decide = (
  entries: readonly PolicyEntry[],
  rules: readonly PolicyRule[],
  listVersion: string,
  findings: Findings,
): Verdict => {
  const live: Hit[] = []
  for (const h of findings.hits) {
    if (entries[h.entry] !== undefined && !coveredByAny(findings.exceptions, h)) live.push(h)
  }
  // one hit per entry and place: of overlapping hits of the same entry, the longest (`COMPA$S` read as
  // `compas` + an ending and as `compass`)
  sorted(live, longestFirst)
  // lists that only some verdicts need are made when needed (overlap checks need two hits or more)
  const kept: number[] | undefined = live.length > 1 ? [] : undefined
  const deter: VerdictHit[] = []
  let support: VerdictHit[] | undefined
  let members: { readonly className: string; readonly hit: VerdictHit }[] | undefined
  for (let i = 0; i < live.length; i++) {
    if (kept !== undefined) {
      if (overlapsKept(live, kept, i)) continue
      kept.push(i)
    }
    const h = live[i]!
    const entry = entries[h.entry]!
    const hit: VerdictHit = {
      termId: entry.id,
      category: entry.category,
      start: h.start,
      end: h.end,
    }
    if (entry.className !== undefined) {
      if (members === undefined) members = []
      members.push({ className: entry.className, hit })
    } else if (entry.action === 'support') {
      if (support === undefined) support = []
      support.push(hit)
    } else deter.push(hit)
  }
  if (support !== undefined) {
    return { action: 'support', rule: 'intent', hits: sorted(support, byStart), listVersion }
  }
  if (deter.length > 0)
    return { action: 'deter', rule: 'term', hits: sorted(deter, byStart), listVersion }
  const ruled = rules.length > 0 ? byRule(rules, listVersion, findings, members ?? []) : undefined
  return ruled ?? { action: 'allow', rule: null, hits: [], listVersion }
}

/** The first combination rule whose every class has a hit, as a verdict; `undefined` when none has. */
const byRule = (
  rules: readonly PolicyRule[],
  listVersion: string,
  findings: Findings,
  members: readonly { readonly className: string; readonly hit: VerdictHit }[],
): Verdict | undefined => {
  const byClass = new Map<string, VerdictHit[]>()
  for (const { className, hit } of members) {
    const list = byClass.get(className)
    if (list === undefined) byClass.set(className, [hit])
    else list.push(hit)
  }
  const minors = findings.ages
    .filter((a) => a.age < ADULT_AGE && !coveredByAny(findings.exceptions, a))
    .map((a) => ({ termId: 'age-under-18', category: 'age', start: a.start, end: a.end }))
  if (minors.length > 0) byClass.set('age-under-18', minors)
  for (const rule of rules) {
    if (rule.all.every((c) => (byClass.get(c)?.length ?? 0) > 0)) {
      const hits = sorted(
        rule.all.flatMap((c) => byClass.get(c) ?? []),
        byStart,
      )
      return { action: rule.action, rule: rule.id, hits, listVersion }
    }
  }
  return undefined
}
