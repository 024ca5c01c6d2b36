import { defineConfig } from 'vitest/config'

// glibc gives each thread that decodes an image its own memory arena and keeps
// it: the production server runs with two (Dockerfile, `npm start`), and so do the
// test workers forked from here, so that memory is measured as it is served.
process.env.MALLOC_ARENA_MAX ??= '2'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.spec.ts', 'tests/int/**/*.int.spec.ts'],
    globalSetup: ['tests/int/globalSetup.ts'],
    setupFiles: ['tests/int/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
