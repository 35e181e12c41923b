/**
 * Runs before every test file (both projects in `vitest.config.ts` share their worker's module graph: `isolate:
 * false`, ADR 0066 and 0072): what a file may change at module level is put back, so each file starts as it would in
 * a process of its own. The environment is restored after the file (tests set single sign-on secrets in it), and the
 * factories number their records from 1 again. What is deliberately kept: the second factor's test clock (it only
 * moves forward, and every file's codes are checked against its own database), the notify template registry (every
 * file registers the same texts, and a name registered differently fails loudly), the tarballs read from the images,
 * PGlite's compiled WebAssembly, the second-factor keys a `TestClient` set up (kept per app, so per database: one
 * file's key for a demo account never reaches another file's copy of the demo) and the Nunjucks environment with its
 * compiled templates (read-only, ADR 0070).
 */
import { afterAll } from 'vitest';
import { resetFactories } from './helpers/factories.ts';

const environment = { ...process.env };
resetFactories();

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
  Object.assign(process.env, environment);
});
