import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // the CLI and the benchmark run the compiled package: build it from the sources under test
    globalSetup: ['test/build.global.ts'],
    testTimeout: 60_000,
  },
})
