import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The checks over the full published data run with `npm run test:data` (vitest.data.config.ts):
    // `npm test` reads only the repository's own files.
    exclude: [...configDefaults.exclude, 'test/data/**'],
    env: { TZ: 'Europe/London', LOG_LEVEL: 'silent' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: two test files at a time keeps argon2 and Chromium from starving each other.
    maxWorkers: 2,
  },
})
