/**
 * @module bench/matching/job
 * Child-process entry of one benchmark job: `node --expose-gc --import tsx job.ts '<json>'` with
 * `{ spec, config }`. Writes `@@progress <event>` lines while it runs and one `@@figures <json>` line at
 * the end; anything else on stdout (a package's own logging) is ignored by the parent.
 */

import { type JobConfig, type JobSpec, loadMaterial, runJob } from './jobs.js'

/** Prefix of a progress line. */
export const PROGRESS = '@@progress '
/** Prefix of the result line. */
export const FIGURES = '@@figures '

const main = async (): Promise<void> => {
  const { spec, config } = JSON.parse(process.argv[2] ?? '{}') as {
    spec: JobSpec
    config: JobConfig
  }
  const material = loadMaterial(config)
  const figures = await runJob(spec, config, material, (event) =>
    process.stdout.write(`${PROGRESS}${event}\n`),
  )
  process.stdout.write(`${FIGURES}${JSON.stringify(figures)}\n`)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await main()
}
