import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that build the bot open SQLite files; forks keep native handles apart.
    pool: 'forks',
    testTimeout: 20_000,
    env: { LANG: 'C.UTF-8' },
  },
})
