import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CLOSED_REASON_LABELS } from '../../domain/assessment/lawful-steps.ts';
import { ACTIONS as REGISTER_ACTIONS } from '../../domain/register/register.ts';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_RECORD_LABELS,
  auditActionLabel,
  auditRecordLabel,
  knownAuditActionLabel,
} from './labels.ts';

const SRC = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Template actions built from a fixed list (`register.item.${action}`): the prefix and what fills it. */
const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  'register.item.': REGISTER_ACTIONS,
  'assessment.': Object.keys(CLOSED_REASON_LABELS),
  // local-offer/feedback.ts and approvals.ts: the feedback's kind and the editor's decision on a provider's edit.
  'local-offer.feedback.': ['rating', 'problem', 'comment'],
  'local-offer.edit.': ['approve', 'reject'],
};

const isEntry = (node: ts.ObjectLiteralExpression) =>
  node.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'recordType');
const actionProperty = (node: ts.ObjectLiteralExpression) =>
  node.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'action');
const nameOf = (node: ts.Node): string | undefined =>
  (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && ts.isIdentifier(node.name)
    ? node.name.text
    : ts.isArrowFunction(node) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)
      ? node.parent.name.text
      : undefined;
const where = (node: ts.Node) => {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart());
  return `${node.getText()} (${file.fileName.slice(SRC.length)}:${line + 1})`;
};
const calleeName = (call: ts.CallExpression): string | undefined =>
  ts.isIdentifier(call.expression)
    ? call.expression.text
    : ts.isPropertyAccessExpression(call.expression)
      ? call.expression.name.text
      : undefined;

/**
 * Every audit action code written in src: the `action` of every audit entry (an object with a `recordType`), as a
 * literal, either side of a condition or a template; and where an entry's action is a function's `action`
 * parameter (or a template on it, such as `${action}.denied`), every literal passed for that parameter, through as
 * many helpers as pass it on.
 */
export function actionCodes(): Set<string> {
  const files = sourceFiles(SRC).map((f) =>
    ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true),
  );
  const codes = new Set<string>();
  /** Helper name → the index of its `action` parameter and the suffixes it writes (`''` for the code itself). */
  const helpers = new Map<
    string,
    { file: string; index: number; suffixes: Set<string>; fallback: string | undefined }
  >();
  /** Names each file imports: a helper's call counts in its own file or where its name is imported. */
  const imported = new Map(
    files.map((f) => [
      f.fileName,
      new Set(
        f.statements.flatMap((st) =>
          ts.isImportDeclaration(st) &&
          st.importClause?.namedBindings &&
          ts.isNamedImports(st.importClause.namedBindings)
            ? st.importClause.namedBindings.elements.map((e) => e.name.text)
            : [],
        ),
      ),
    ]),
  );
  const helperCalled = (call: ts.CallExpression) => {
    const name = calleeName(call) ?? '';
    const helper = helpers.get(name);
    if (!helper) return undefined;
    const file = call.getSourceFile().fileName;
    const reaches =
      file === helper.file ||
      imported.get(file)!.has(name) ||
      // A method of a service object: by its property name.
      ts.isPropertyAccessExpression(call.expression);
    return reaches ? helper : undefined;
  };
  const enclosingHelper = (node: ts.Node) => {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isFunctionLike(n)) {
        const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'action');
        const name = nameOf(n);
        if (index >= 0 && name) {
          const def = n.parameters[index]!.initializer;
          const fallback = def && ts.isStringLiteral(def) ? def.text : undefined;
          return { name, index, file: n.getSourceFile().fileName, fallback };
        }
        // A callback inside the helper (a transaction's): the helper is further out.
        if (index >= 0) return undefined;
      }
    }
    return undefined;
  };
  const addSuffix = (node: ts.Node, suffix: string) => {
    const helper = enclosingHelper(node);
    if (!helper) throw new Error(`an action from a variable outside a helper: ${where(node)}`);
    const known = helpers.get(helper.name) ?? {
      file: helper.file,
      index: helper.index,
      suffixes: new Set<string>(),
      fallback: helper.fallback,
    };
    const before = known.suffixes.size;
    known.suffixes.add(suffix);
    helpers.set(helper.name, known);
    return known.suffixes.size !== before;
  };
  const collect = (expr: ts.Expression) => {
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) codes.add(expr.text);
    else if (ts.isConditionalExpression(expr)) {
      collect(expr.whenTrue);
      collect(expr.whenFalse);
    } else if (ts.isParenthesizedExpression(expr)) collect(expr.expression);
    else if (ts.isIdentifier(expr) && expr.text === 'action') addSuffix(expr, '');
    else if (ts.isTemplateExpression(expr)) {
      const [span] = expr.templateSpans;
      if (expr.head.text === '' && expr.templateSpans.length === 1 && ts.isIdentifier(span!.expression))
        addSuffix(expr, span!.literal.text);
      else if (EXPANSIONS[expr.head.text] && expr.templateSpans.length === 1 && span!.literal.text === '')
        for (const a of EXPANSIONS[expr.head.text]!) codes.add(`${expr.head.text}${a}`);
      else throw new Error(`an action template the test cannot expand: ${where(expr)}`);
    } else if (!ts.isPropertyAccessExpression(expr))
      throw new Error(`an action the test cannot read: ${where(expr)}`);
  };
  for (const file of files) {
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node) && isEntry(node)) {
        const prop = actionProperty(node);
        if (prop && ts.isPropertyAssignment(prop)) collect(prop.initializer);
        else if (prop && ts.isShorthandPropertyAssignment(prop)) addSuffix(prop, '');
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  // Helpers that pass their `action` on to another helper, until nothing changes; then the literals passed.
  for (let changed = true; changed;) {
    changed = false;
    for (const file of files) {
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node)) {
          const helper = helperCalled(node);
          const arg = helper && node.arguments[helper.index];
          if (helper && arg && ts.isIdentifier(arg) && arg.text === 'action')
            for (const s of helper.suffixes) changed = addSuffix(arg, s) || changed;
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
  }
  // A helper's default action (authoriseChildRead's 'child.read'), then the literals passed to each helper.
  for (const helper of helpers.values())
    if (helper.fallback) for (const s of helper.suffixes) codes.add(`${helper.fallback}${s}`);
  for (const file of files) {
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const helper = helperCalled(node);
        const arg = helper && node.arguments[helper.index];
        if (helper && arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)))
          for (const s of helper.suffixes) codes.add(`${arg.text}${s}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return codes;
}

describe('audit action labels', () => {
  const codes = actionCodes();

  it('finds the actions written across src', () => {
    for (const code of ['child.read', 'child.read.denied', 'plan.final.issue', 'page.denied', 'sign-in'])
      expect(codes.has(code), code).toBe(true);
    expect(codes.size).toBeGreaterThan(150);
  });

  it('has a plain-words label for every action code written anywhere in src', () => {
    const missing = [...codes].filter((c) => !knownAuditActionLabel(c)).sort();
    expect(missing).toEqual([]);
  });

  it('labels in plain words: a capital first, no codes', () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label, code).toMatch(/^"?[A-Z]/);
      expect(label, code).not.toMatch(/[a-z]\.[a-z]|_/);
    }
  });

  it('says a refusal or a failed check with the action it was, and shows a code it does not know as the code', () => {
    expect(auditActionLabel('plan.final.issue')).toBe('Plan issued');
    expect(auditActionLabel('child.read.denied')).toBe("Child's record read: refused");
    expect(auditActionLabel('second-factor.verification.failed')).toBe('Security code check: failed');
    expect(auditActionLabel('page.denied')).toBe('Page refused');
    expect(auditActionLabel('something.new')).toBe('something.new');
    expect(knownAuditActionLabel('something.new')).toBeUndefined();
  });
});

describe('audit record labels (issue 18, finding 4)', () => {
  /** Every record type an audit entry is written with in src (each is a literal: `recordType: 'ehc_plan'`). */
  const types = new Set(
    sourceFiles(SRC).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/recordType: '([^']+)'/g)].map((m) => m[1]!),
    ),
  );

  it('has a plain-words label for every record type written anywhere in src', () => {
    expect(types.has('ehc_plan')).toBe(true);
    expect(types.size).toBeGreaterThan(50);
    expect([...types].filter((t) => !AUDIT_RECORD_LABELS[t]).sort()).toEqual([]);
  });

  it('labels in plain words, and names the child by reference', () => {
    for (const [code, label] of Object.entries(AUDIT_RECORD_LABELS)) {
      expect(label, code).toMatch(/^[A-Z]/);
      expect(label, code).not.toMatch(/[a-z]\.[a-z]|_/);
    }
    expect(auditRecordLabel('ehc_plan', 'GT-000143')).toBe('Plan for GT-000143');
    expect(auditRecordLabel('plan_review')).toBe('Review');
    expect(auditRecordLabel('something_new')).toBe('something_new');
  });
});
