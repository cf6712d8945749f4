import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests spawn CLI processes and loopback servers; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
  },
});
