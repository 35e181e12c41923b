/** The returns pages' view models: pure functions of what the service gives (docs/sen2.md). */
import {
  censusDateOf,
  codeLabel,
  MODULE_NAMES,
  PROBLEM_CODES,
  type ModuleId,
  type Sen2Problem,
} from '../../domain/sen2/index.ts';
import { longDate } from '../../domain/calendar.ts';
import { paths } from '../../platform/web/paths.ts';
import type { ImportSummary } from './operations.ts';

/** The census dates a leader may choose: this year's January collection and next year's. */
export function censusChoices(today: string): string[] {
  const year = Number(today.slice(0, 4));
  return [censusDateOf(year), censusDateOf(year + 1)];
}

export function returnsView(
  today: string,
  recent: readonly { id: string; census: string; format: string; status: string; persons: number | null }[],
) {
  const censuses = censusChoices(today);
  return {
    pageTitle: 'Returns and inspection data',
    today,
    todayLong: longDate(today),
    censusItems: censuses.map((c, i) => ({
      value: c,
      text: `${longDate(c)} (activity in ${Number(c.slice(0, 4)) - 1})`,
      checked: i === 0,
    })),
    formatItems: [
      { value: 'csv', text: 'CSV (person level, for COLLECT)', checked: true },
      { value: 'xml', text: 'XML' },
    ],
    downloads: [
      {
        href: `${paths.returns.inspectionList}?format=xlsx`,
        text: 'Both lists and the completeness report (XLSX)',
      },
      {
        href: `${paths.returns.inspectionList}?format=csv&list=plans`,
        text: 'Children and young people with an EHC plan (CSV)',
      },
      {
        href: `${paths.returns.inspectionList}?format=csv&list=support`,
        text: 'Children and young people without a plan (CSV)',
      },
      {
        href: `${paths.returns.inspectionList}?format=csv&list=completeness`,
        text: 'Completeness report (CSV)',
      },
    ],
    recent: recent.map((r) => ({
      href: paths.returns.sen2Export(r.id),
      census: longDate(r.census),
      format: r.format.toUpperCase(),
      status: r.status,
      persons: r.persons,
    })),
  };
}

/** Where to fix a problem: the case, the plan or the child's record. */
export function fixLink(problem: Sen2Problem): { href: string; text: string } | null {
  const l = problem.links;
  if (l.caseId && (problem.module === '2' || problem.module === '3'))
    return { href: paths.assessments.case(l.caseId), text: 'Fix it in the assessment' };
  if (l.planId && problem.module !== '1')
    return { href: paths.plans.plan(l.planId), text: 'Fix it in the plan' };
  if (l.childId) return { href: paths.children.show(l.childId), text: "Fix it in the child's record" };
  return null;
}

export function exportView(row: {
  id: string;
  census: string;
  format: string;
  status: string;
  persons: number | null;
  error: string | null;
  problems: readonly Sen2Problem[];
}) {
  const done = row.status === 'done';
  return {
    pageTitle: `SEN2 return for ${longDate(row.census)}`,
    backLink: paths.returns.index,
    census: longDate(row.census),
    format: row.format.toUpperCase(),
    status: row.status,
    waiting: row.status === 'queued' || row.status === 'running',
    done,
    error: row.error,
    persons: row.persons,
    refreshHref: paths.returns.sen2Export(row.id),
    fileHref: done ? paths.returns.sen2ExportFile(row.id) : null,
    problemCount: row.problems.length,
    problems: row.problems.slice(0, 500).map((p) => ({
      person: p.personId,
      module: `${p.module} ${MODULE_NAMES[p.module as ModuleId] ?? ''}`.trim(),
      item: p.item,
      kind: PROBLEM_CODES[p.code],
      message: p.message,
      fix: fixLink(p),
    })),
    more: Math.max(0, row.problems.length - 500),
  };
}

export function importView(summary: ImportSummary | null, fileName: string | undefined) {
  return {
    pageTitle: 'Read in a SEN2 return',
    fileName,
    summary: summary && {
      ...summary,
      createRows: Object.entries(summary.create).map(([k, n]) => ({ what: k, n })),
      unusable: summary.unusable.slice(0, 500),
      moreUnusable: Math.max(0, summary.unusable.length - 500),
      sexLabel: codeLabel('sex', 'F'),
    },
  };
}
