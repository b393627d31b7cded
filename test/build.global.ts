/**
 * @module test/build.global
 * Builds `dist/` once before the tests (vitest `globalSetup`). The CLI, the accuracy evaluation and the
 * benchmark's own tests run the compiled package, as users do; building first means they never run a
 * stale build of the sources under test. `tsc` takes about a second.
 */

import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function buildDist(): void {
  execFileSync('npm', ['run', 'build'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
