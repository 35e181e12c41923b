/**
 * Reads the source with the TypeScript compiler's parser to find what the structure rules are about: route handlers
 * and their length, the tables each file names in SQL, and the imports between features. Used by
 * `scripts/measure-structure.ts` and by the ownership test (`src/platform/db/ownership.test.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Every `.ts` file under a folder (relative to the project root, with forward slashes), sorted. */
export function sourceFiles(folder = 'src', options: { tests?: boolean } = {}): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && (options.tests || !isTestFile(path))) found.push(path);
    }
  };
  walk(folder);
  return found.sort();
}

export function isTestFile(path: string): boolean {
  return /\.test\.ts$/.test(path);
}

const parsed = new Map<string, ts.SourceFile>();

export function parse(file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) {
    source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(file, source);
  }
  return source;
}

export function lineCount(file: string): number {
  return parse(file).getLineAndCharacterOfPosition(parse(file).getEnd()).line + 1;
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function visit(node: ts.Node, fn: (node: ts.Node) => void): void {
  fn(node);
  ts.forEachChild(node, (child) => visit(child, fn));
}

// ---------------------------------------------------------------------------------------------------------------
// Route handlers

export interface Handler {
  file: string;
  line: number;
  method: string;
  lines: number;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'all']);

/** Functions passed as the last argument of `app.get(path, …, handler)` and its siblings. */
export function handlers(file: string): Handler[] {
  const source = parse(file);
  const found: Handler[] = [];
  visit(source, (node) => {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
    const method = node.expression.name.text;
    if (!HTTP_METHODS.has(method) || node.arguments.length < 2) return;
    if (!ts.isIdentifier(node.expression.expression) || node.expression.expression.text !== 'app') return;
    const last = node.arguments[node.arguments.length - 1]!;
    if (!ts.isArrowFunction(last) && !ts.isFunctionExpression(last)) return;
    const start = lineOf(source, last);
    const end = source.getLineAndCharacterOfPosition(last.getEnd()).line + 1;
    found.push({ file, line: start, method, lines: end - start + 1 });
  });
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables named in SQL

export interface TableUse {
  file: string;
  line: number;
  table: string;
}

const QUERY_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'mergeInto',
  'using',
]);

function tableOfArgument(text: string): string {
  return text
    .trim()
    .split(/\s+as\s+/i)[0]!
    .trim();
}

/**
 * The tables a file names in SQL: string arguments of Kysely's query methods (`selectFrom('child as c')`), and
 * table names written inside raw `sql` templates and `sql.table(…)`. Only names in `tables` count.
 */
export function tableUses(file: string, tables: ReadonlySet<string>): TableUse[] {
  const source = parse(file);
  const found: TableUse[] = [];
  const add = (node: ts.Node, table: string) => {
    if (tables.has(table)) found.push({ file, line: lineOf(source, node), table });
  };
  const strings = (node: ts.Node): ts.StringLiteralLike[] => {
    if (ts.isStringLiteralLike(node)) return [node];
    if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(strings);
    return [];
  };
  visit(source, (node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      const first = node.arguments[0];
      if (first && QUERY_METHODS.has(name)) {
        for (const literal of strings(first)) add(literal, tableOfArgument(literal.text));
      }
      if (
        first &&
        name === 'table' &&
        ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === 'sql'
      ) {
        for (const literal of strings(first)) add(literal, tableOfArgument(literal.text));
      }
    }
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql') {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template.text]
        : [template.head.text, ...template.templateSpans.map((s) => s.literal.text)];
      for (const part of parts) {
        for (const match of part.matchAll(/(?<![.\w])([a-z_]+)(?![\w(])/g)) add(node, match[1]!);
      }
    }
  });
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Imports

export interface Import {
  file: string;
  line: number;
  /** The imported file, relative to the project root. */
  target: string;
  typeOnly: boolean;
}

/** Relative imports and re-exports of a file, resolved to project paths. */
export function imports(file: string): Import[] {
  const source = parse(file);
  const found: Import[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const spec = statement.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec)) continue;
    const line = lineOf(source, statement);
    if (!spec.text.startsWith('.')) {
      found.push({ file, line, target: spec.text, typeOnly: false });
      continue;
    }
    const typeOnly = ts.isImportDeclaration(statement)
      ? Boolean(statement.importClause?.isTypeOnly)
      : statement.isTypeOnly;
    const target = relative(ROOT, resolve(ROOT, dirname(file), spec.text))
      .split('\\')
      .join('/');
    found.push({ file, line, target, typeOnly });
  }
  return found;
}

/** The feature a file belongs to (`src/features/<name>/…`), if any. */
export function featureOf(path: string): string | undefined {
  return /^src\/features\/([^/]+)\//.exec(path)?.[1];
}

/** Imports from one feature into another that do not go through the other's `index.ts`. */
export function crossFeatureImports(file: string): Import[] {
  const from = featureOf(file);
  if (!from) return [];
  return imports(file).filter((i) => {
    const to = featureOf(i.target);
    return to !== undefined && to !== from && i.target !== `src/features/${to}/index.ts`;
  });
}
