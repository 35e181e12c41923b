/**
 * Each table has one owner (OWNERS in ./schema/owners.ts), and only the owner's store names it in SQL. Today's
 * exceptions are listed, file by file, in ./ownership-allowlist.json: the list may only shrink. The test fails when a
 * file names a table it may not (move the query into the owner's store and call it through the owner's public
 * surface), and when the list names a use that no longer exists (delete the entry).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFiles, tableUses } from '../../../test/helpers/structure.ts';
import { OWNERS, storeFiles, type Owner } from './schema/owners.ts';

const allowlist = JSON.parse(
  readFileSync(new URL('./ownership-allowlist.json', import.meta.url), 'utf8'),
) as Record<string, string[]>;

const owners = OWNERS as Record<string, Owner>;
const tables = new Set(Object.keys(owners));

function violations(): Record<string, string[]> {
  const found: Record<string, Set<string>> = {};
  for (const file of sourceFiles('src')) {
    if (file.includes('/migrations/') || file.startsWith('src/platform/db/schema/')) continue;
    for (const use of tableUses(file, tables)) {
      if (storeFiles(owners[use.table]!).some((prefix) => file.startsWith(prefix))) continue;
      (found[file] ??= new Set()).add(use.table);
    }
  }
  return Object.fromEntries(Object.entries(found).map(([file, set]) => [file, [...set].sort()]));
}

describe('table ownership', () => {
  const found = violations();

  it('names each table in SQL only in its owner’s store (or a listed, not yet migrated file)', () => {
    const unlisted = Object.entries(found).flatMap(([file, used]) =>
      used
        .filter((t) => !allowlist[file]?.includes(t))
        .map((t) => `${file} names ${t} (owner: ${owners[t]})`),
    );
    expect(unlisted).toEqual([]);
  });

  it('lists no use that has gone (the allowlist only shrinks)', () => {
    const stale = Object.entries(allowlist).flatMap(([file, listed]) =>
      listed.filter((t) => !found[file]?.includes(t)).map((t) => `${file}: ${t}`),
    );
    expect(stale).toEqual([]);
  });

  it('gives every table an owner, and every owner its tables', () => {
    expect(Object.keys(owners).length).toBeGreaterThan(40);
    for (const owner of new Set(Object.values(owners))) expect(storeFiles(owner).length).toBeGreaterThan(0);
  });

  it('finds tables in Kysely calls, aliases, arrays and raw SQL', () => {
    // The scanner itself, on a file known to use each form: a store names its own tables, so none is a violation.
    const uses = tableUses('src/platform/people/recipients.ts', tables).map((u) => u.table);
    expect(new Set(uses)).toEqual(new Set(['access_grant', 'app_user', 'family_member']));
    const raw = tableUses('src/features/plan-audits/service.ts', tables).map((u) => u.table);
    expect(raw).toContain('plan_audit');
  });
});
