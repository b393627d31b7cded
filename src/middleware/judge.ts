/**
 * @module middleware/judge
 * Judging all the texts of one request: the request is deterred when any text is, and supported when any
 * text asks for help (the same precedence as within one text: both withhold results).
 */

import type { Verdict } from '../policy/index.js'
import type { TermListSnapshot } from '../termlist/compile.js'
import type { DeterrenceVerdict } from './options.js'

const RANK: Record<Verdict['action'], number> = { allow: 0, deter: 1, support: 2 }

/** The verdict of several texts: the highest-ranked one (support > deter > allow). Never throws. */
export const judgeAll = (snapshot: TermListSnapshot, texts: readonly string[]): Verdict => {
  let best: Verdict = { action: 'allow', rule: null, hits: [], listVersion: snapshot.version }
  for (const text of texts) {
    const v = snapshot.judge(text)
    if (RANK[v.action] > RANK[best.action]) best = v
  }
  return best
}

/**
 * The verdict with where it was reached and the session's arm. Copied field by field: the engine's shared
 * allow verdict is frozen, and spreading a frozen object takes V8's slow path (measured: most of the
 * middleware's cost per allowed request).
 */
export const withContext = (
  v: Verdict,
  surface: DeterrenceVerdict['surface'],
  arm: string,
): DeterrenceVerdict => ({
  action: v.action,
  rule: v.rule,
  hits: v.hits,
  listVersion: v.listVersion,
  surface,
  arm,
})
