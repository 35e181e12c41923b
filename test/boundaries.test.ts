/** The layer rules (eslint.boundaries.js) catch what they should and let through what they should. */
import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript config module, without types
import { boundaries, notYetMigrated } from '../eslint.boundaries.js';

const linter = new Linter({ configType: 'flat' });
const config = [
  { languageOptions: { ecmaVersion: 2024, sourceType: 'module' } },
  ...(boundaries as Linter.Config[]),
] as Linter.Config[];

function refused(file: string, specifier: string): boolean {
  const messages = linter.verify(`import { x } from '${specifier}';\nexport { x };\n`, config, file);
  return messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('the layer rules', () => {
  it('keep the domain free of I/O and of everything above it', () => {
    const file = 'src/domain/clock/something.ts';
    expect(refused(file, 'node:fs')).toBe(true);
    expect(refused(file, 'kysely')).toBe(true);
    expect(refused(file, '../../platform/db/database.ts')).toBe(true);
    expect(refused(file, '../../features/plans/index.ts')).toBe(true);
    expect(refused(file, '../../demo/random.ts')).toBe(true);
    expect(refused(file, './dates.ts')).toBe(false);
    expect(refused(file, '../school-year.ts')).toBe(false);
    expect(refused(file, 'zod')).toBe(false);
    expect(refused('src/domain/clock/something.test.ts', 'node:fs')).toBe(false);
  });

  it('keep features, the demo and the composition root out of the platform', () => {
    const file = 'src/platform/web/something.ts';
    expect(refused(file, '../../features/children/index.ts')).toBe(true);
    expect(refused(file, '../../demo/generator.ts')).toBe(true);
    expect(refused(file, '../../app/compose.ts')).toBe(true);
    expect(refused(file, '../db/database.ts')).toBe(false);
    expect(refused(file, '../../domain/calendar.ts')).toBe(false);
  });

  it('let a feature use another only through its index.ts, at any depth', () => {
    expect(refused('src/features/admin/service.ts', '../assessments/service.ts')).toBe(true);
    expect(refused('src/features/admin/service.ts', '../assessments/index.ts')).toBe(false);
    expect(refused('src/features/admin/service.ts', '../../features/assessments/store.ts')).toBe(true);
    expect(refused('src/features/admin/service.ts', './store.ts')).toBe(false);
    expect(refused('src/features/admin/service.ts', '../../platform/web/forms.ts')).toBe(false);
    expect(refused('src/features/local-offer/oruk/map.ts', '../store.ts')).toBe(false);
    expect(refused('src/features/local-offer/oruk/map.ts', '../../plans/service.ts')).toBe(true);
    expect(refused('src/features/local-offer/oruk/map.ts', '../../plans/index.ts')).toBe(false);
    expect(refused('src/features/admin/pages/users/page.ts', '../../../children/store.ts')).toBe(true);
    expect(refused('src/features/admin/pages/users/page.ts', '../../store.ts')).toBe(false);
  });

  it('keep the composition root out of features, but not out of their tests', () => {
    expect(refused('src/features/admin/service.ts', '../../app/compose.ts')).toBe(true);
    expect(refused('src/features/admin/admin.test.ts', '../../app/demo.ts')).toBe(false);
    expect(refused('src/features/admin/admin.test.ts', '../plans/fixtures.ts')).toBe(true);
  });

  it('switch the rules off only for the listed files, each of which still breaks them (the list only shrinks)', () => {
    const listed = notYetMigrated as string[];
    expect(refused(listed[1]!, '../assessments/service.ts')).toBe(false);
    expect(new Set(listed).size).toBe(listed.length);
    const strict = [
      { languageOptions: { parser: tseslint.parser, ecmaVersion: 2024, sourceType: 'module' } },
      ...(boundaries as Linter.Config[]).filter((config) => config.files !== notYetMigrated),
    ] as Linter.Config[];
    const clean = listed.filter(
      (file) =>
        !linter
          .verify(readFileSync(file, 'utf8'), strict, file)
          .some((m) => m.ruleId === 'no-restricted-imports'),
    );
    expect(clean).toEqual([]);
  });
});
