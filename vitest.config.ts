import { defineConfig } from 'vitest/config';
import BrowserTestsFirst from './test/sequencer.ts';

/** The browser tests: each file in a process of its own, as before (a browser, a demo server and its module state). */
const BROWSER = ['test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    // Builds the migrated and demo database images once per run; test databases are copies of them.
    globalSetup: ['test/global-setup.ts'],
    sequence: { sequencer: BrowserTestsFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores on CI machines: database and browser tests are heavy, so keep parallelism modest.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'browser', include: BROWSER } },
      {
        extends: true,
        test: {
          // Every other file shares its worker's module graph (ADR 0066): the application, PGlite and its compiled
          // WebAssembly are loaded once per worker, not once per file. `test/per-file.ts` puts back what a file may
          // change at module level.
          name: 'shared',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: BROWSER,
          isolate: false,
          setupFiles: ['test/per-file.ts'],
        },
      },
    ],
  },
});
