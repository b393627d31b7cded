/**
 * @module test/accuracy/engine.test
 * The engine's accuracy as an outside evaluator measures it: the seeded corpus through the real
 * `search-deterrence judge` CLI, with a plain-text list and the hunspell lexicon (expanded into the cache on
 * the first run, about a minute). Guards the targets of the detection-engine issues on both splits.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCorpus } from '../../bench/accuracy/corpus.js'
import { parseArgs, scoreSplit } from '../../bench/accuracy/score.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'bin', 'search-deterrence.js')

describe('engine accuracy through the judge CLI', () => {
  const corpus = buildCorpus({ seed: 'search-deterrence/accuracy/v1' })
  it.each(['dev', 'holdout'] as const)(
    '$0: catches 95% of evasions (macro, exact span) and flags at most 1% of benign queries',
    async (split) => {
      const opts = { ...parseArgs(['--split', split]), judge: BIN, timeoutMs: 600_000 }
      const report = await scoreSplit(
        split,
        corpus.cases.filter((c) => c.split === split),
        opts,
      )
      expect(report.errors).toEqual([])
      expect(report.macroRecall).toBeGreaterThanOrEqual(0.95)
      expect(report.benignFpRate).toBeLessThanOrEqual(0.01)
    },
    600_000,
  )
})
