import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Browser and network fakes share ports and two CPU cores: keep files from starving each other.
    maxWorkers: 2,
  },
});
