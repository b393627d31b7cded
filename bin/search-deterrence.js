#!/usr/bin/env node
// The command-line entry point: runs the compiled CLI (`npm run build`, done by `npm ci` through `prepare`).
import { existsSync } from 'node:fs'

const main = new URL('../dist/src/cli/main.js', import.meta.url)
if (!existsSync(main)) {
  process.stderr.write('search-deterrence: dist/ is missing; run `npm run build` first\n')
  process.exit(2)
}
await import(main.href)
