/**
 * Measures the structure issue 11 is about and prints it as JSON:
 *
 *   node scripts/measure-structure.ts [--detail]
 *
 * - route handlers (functions passed to app.get/post/… in src/) and how many are over 30 and over 40 lines;
 * - .ts files under src/ over 600 and over 1,000 lines;
 * - tables named in SQL (Kysely's selectFrom/insertInto/updateTable/deleteFrom/…Join string arguments and raw `sql`
 *   templates) outside their owner (`OWNERS` in src/platform/db/schema/owners.ts): outside the owner's folder
 *   ("cross-feature") and, stricter, outside the owner's store files; counted as distinct (file, table) pairs;
 * - imports of another feature other than through its index.ts; imports of a feature or the demo from the platform.
 *
 * Test files and migrations are left out. `--detail` adds the lists behind each number.
 */
import { OWNERS, ownerFolder, storeFiles, type Owner } from '../src/platform/db/schema/owners.ts';
import {
  crossFeatureImports,
  handlers,
  imports,
  lineCount,
  sourceFiles,
  tableUses,
} from '../test/helpers/structure.ts';

const detail = process.argv.includes('--detail');
const files = sourceFiles('src');
const allFiles = sourceFiles('src', { tests: true });
const tables = new Set(Object.keys(OWNERS));
const ownerOf = (table: string) => (OWNERS as Record<string, Owner>)[table]!;
const under = (file: string, prefixes: readonly string[]) => prefixes.some((p) => file.startsWith(p));

const allHandlers = files.flatMap(handlers);
const sizes = allFiles.map((file) => ({ file, lines: lineCount(file) }));

const sqlFiles = files.filter((f) => !f.includes('/migrations/') && !f.startsWith('src/platform/db/schema'));
const uses = sqlFiles.flatMap((f) => tableUses(f, tables));
const pairs = (list: typeof uses) => [...new Set(list.map((u) => `${u.file} ${u.table}`))].sort();
const outsideOwner = pairs(uses.filter((u) => !u.file.startsWith(ownerFolder(ownerOf(u.table)))));
const outsideStore = pairs(uses.filter((u) => !under(u.file, storeFiles(ownerOf(u.table)))));
const filesWithSql = [...new Set(uses.map((u) => u.file))].sort();

const featureImports = files.flatMap(crossFeatureImports);
const platformImports = files
  .filter((f) => f.startsWith('src/platform/'))
  .flatMap(imports)
  .filter((i) => i.target.startsWith('src/features/') || i.target.startsWith('src/demo/'));

const result = {
  handlers: {
    count: allHandlers.length,
    over30: allHandlers.filter((h) => h.lines > 30).length,
    over40: allHandlers.filter((h) => h.lines > 40).length,
    longest: Math.max(0, ...allHandlers.map((h) => h.lines)),
    ...(detail
      ? {
          long: allHandlers
            .filter((h) => h.lines > 30)
            .sort((a, b) => b.lines - a.lines)
            .map((h) => `${h.lines} ${h.file}:${h.line} ${h.method}`),
        }
      : {}),
  },
  files: {
    over600: sizes.filter((s) => s.lines > 600).length,
    over1000: sizes.filter((s) => s.lines > 1000).length,
    ...(detail
      ? {
          large: sizes
            .filter((s) => s.lines > 600)
            .sort((a, b) => b.lines - a.lines)
            .map((s) => `${s.lines} ${s.file}`),
        }
      : {}),
  },
  tables: {
    filesNamingTablesInSql: filesWithSql.length,
    crossFeatureUse: outsideOwner.length,
    outsideOwnerStore: outsideStore.length,
    ...(detail ? { crossFeature: outsideOwner, outsideStore } : {}),
  },
  imports: {
    featureNotThroughIndex: featureImports.length,
    platformToFeatureOrDemo: platformImports.length,
    ...(detail
      ? {
          featureList: featureImports.map((i) => `${i.file}:${i.line} -> ${i.target}`),
          platformList: platformImports.map((i) => `${i.file}:${i.line} -> ${i.target}`),
        }
      : {}),
  },
};

process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
