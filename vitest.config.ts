import { defineConfig } from 'vitest/config';
import BrowserTestsFirst from './test/sequencer.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds the migrated and demo database images once per run; test databases are copies of them.
    globalSetup: ['test/global-setup.ts'],
    sequence: { sequencer: BrowserTestsFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores on CI machines: database and browser tests are heavy, so keep parallelism modest.
    maxWorkers: 2,
  },
});
