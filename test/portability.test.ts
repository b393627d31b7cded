/**
 * @module test/portability
 * The package's root export (middleware, engine, warning, help) runs in any runtime Hono runs in: bundled
 * for the browser platform, which has no Node built-ins, it resolves every import. `search-deterrence/node`
 * (files, dictionaries, CLI) is the Node-only part, and says so.
 */

import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

const bundle = (entry: string) =>
  build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  })

describe('the root export', () => {
  it('bundles without any Node built-in (Workers, Deno, Bun, browsers)', async () => {
    const result = await bundle('dist/src/index.js')
    expect(result.errors).toEqual([])
    const code = result.outputFiles[0]!.text
    expect(code).toContain('deterSearch')
    expect(code).not.toMatch(/from\s*["']node:/)
  })

  it('is told apart from the Node-only entry, which needs the built-ins', async () => {
    await expect(bundle('dist/src/node.js')).rejects.toThrow(/node:/)
  })
})
