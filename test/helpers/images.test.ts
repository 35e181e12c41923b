import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageKey } from './images.ts';

describe('the kept images’ key', () => {
  const roots: string[] = [];
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  /** A project folder with the files the key reads. */
  async function project(files: Record<string, string>): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'goldthread-image-key-'));
    roots.push(root);
    const all = {
      'test/helpers/images.ts': 'export const DEMO_IMAGE_CHILDREN = 400;',
      'package-lock.json': '{}',
      ...files,
    };
    for (const [path, text] of Object.entries(all)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return root;
  }

  const source = {
    'src/platform/db/migrations/0001-start.ts': 'export const up = 1;',
    'src/demo/build.ts': 'export const children = 1;',
    'src/domain/improvement/fixtures/demo-plan.csv': 'a,b',
  };

  it('is the same for the same source, whatever the tests say', async () => {
    const one = await imageKey(await project(source));
    const two = await imageKey(await project({ ...source, 'src/demo/build.test.ts': 'it()' }));
    expect(one).toMatch(/^[0-9a-f]{16}$/);
    expect(two).toBe(one);
  });

  it('changes with a migration, the demo code, a data file it reads, the image settings or the lock file', async () => {
    const base = await imageKey(await project(source));
    const changed = await Promise.all([
      project({ ...source, 'src/platform/db/migrations/0002-more.ts': 'export const up = 2;' }),
      project({ ...source, 'src/demo/build.ts': 'export const children = 2;' }),
      project({ ...source, 'src/domain/improvement/fixtures/demo-plan.csv': 'a,c' }),
      project({ ...source, 'test/helpers/images.ts': 'export const DEMO_IMAGE_CHILDREN = 50;' }),
      project({ ...source, 'package-lock.json': '{"pglite":"1"}' }),
    ]);
    const keys = await Promise.all(changed.map((root) => imageKey(root)));
    expect(new Set([base, ...keys]).size).toBe(6);
  });
});
