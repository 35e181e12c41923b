import { defineConfig } from 'vitest/config';
import BrowserTestsFirst from './test/sequencer.ts';

/** The browser tests: a project of their own, so a worker runs them one after another with the worker's Chromium. */
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
    // Every file shares its worker's module graph (ADR 0066, 0072): the application, PGlite and its compiled
    // WebAssembly are loaded once per worker, not once per file, and the browser files share the worker's Chromium
    // (`launchBrowser`). `test/per-file.ts` puts back what a file may change at module level. Vitest 4 keeps a worker
    // for the next file only when that file is of the same project, so the browser files are a project of their own
    // and the sequencer starts them one after another.
    isolate: false,
    setupFiles: ['test/per-file.ts'],
    projects: [
      { extends: true, test: { name: 'browser', include: BROWSER } },
      {
        extends: true,
        test: { name: 'shared', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: BROWSER },
      },
    ],
  },
});
