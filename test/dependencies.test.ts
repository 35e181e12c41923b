/**
 * Every runtime dependency is used by the code (issue 16): a package nobody imports is attack surface and upkeep for
 * nothing (the rate-limit plugin stayed registered, unused, after the sign-in throttle moved to the database).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Dependencies used without an import of their own, and why. */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  pino: "Fastify's logger: pinned here so its version is ours (docs/architecture.md)",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('runtime dependencies', () => {
  it('are each imported (or resolved) by the service', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const code = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'bin'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = Object.keys(pkg.dependencies).filter((name) => {
      if (name in USED_WITHOUT_IMPORT) return false;
      const quoted = name.replace(/[/.-]/g, (c) => `\\${c}`);
      return !new RegExp(`['"]${quoted}(/[^'"]*)?['"]`).test(code);
    });
    expect(unused).toEqual([]);
  });
});
