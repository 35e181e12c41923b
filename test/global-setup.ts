/**
 * Vitest's global set-up: builds the run's database images once (see `helpers/images.ts`) and hands their places to
 * every test file; afterwards, pass or fail, drops the template databases and removes the temporary folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  buildPgliteImages,
  buildPostgresImages,
  dropAbandonedPostgresImages,
  dropPostgresImages,
} from './helpers/images.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const folder = await mkdtemp(join(tmpdir(), 'goldthread-test-images-'));
  const templates: string[] = [];
  const teardown = async () => {
    await dropPostgresImages(templates);
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await dropAbandonedPostgresImages();
    // PGlite works in this process and PostgreSQL in the server, so the two engines' images build side by side.
    const [pglite, postgres] = await Promise.all([buildPgliteImages(folder), buildPostgresImages(templates)]);
    project.provide('testImages', { pglite, postgres });
  } catch (err) {
    await teardown();
    throw err;
  }
  process.stdout.write(
    `Test database images built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return teardown;
}
