import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on a 2-core machine. Most files
    // wait on servers (PostgreSQL, Chroma, Chromium, loopback fakes), so two run side by side without starving.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || 2,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
