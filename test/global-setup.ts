/**
 * Vitest's global set-up: finds the database images kept for this source (see `helpers/images.ts`), building them
 * once when there are none, and hands their places to every test file; afterwards, pass or fail, drops the template
 * databases made for this run alone and removes its temporary folder. `GOLDTHREAD_TEST_IMAGES=fresh` builds every
 * image for the run alone.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  buildPgliteImages,
  buildPostgresImages,
  cachedPgliteImages,
  cachedPostgresImages,
  dropAbandonedPostgresImages,
  dropPostgresImages,
  imageKey,
  keepImages,
} from './helpers/images.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const folder = await mkdtemp(join(tmpdir(), 'goldthread-test-images-'));
  const templates: string[] = [];
  const teardown = async () => {
    await dropPostgresImages(templates);
    await rm(folder, { recursive: true, force: true });
  };
  const key = keepImages ? await imageKey() : undefined;
  try {
    await dropAbandonedPostgresImages();
    // PGlite works in this process and PostgreSQL in the server, so the two engines' images build side by side.
    const [pglite, postgres] = await Promise.all(
      key
        ? [cachedPgliteImages(key), cachedPostgresImages(key, templates)]
        : [buildPgliteImages(folder), buildPostgresImages(templates)],
    );
    project.provide('testImages', { pglite, postgres });
  } catch (err) {
    await teardown();
    throw err;
  }
  process.stdout.write(
    `Test database images ${key ? `(kept, key ${key}) ` : ''}ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return teardown;
}
