/** The dry-run summary `goldthread improvement import --dry-run` prints: counts, the refs to look at, problems, notes. */
import { isOverdue } from './flags.ts';
import type { ImportNote, ImportProblem, ParsedPlan, Status } from './types.ts';

export interface ImportSummary {
  areas: number;
  focusAreas: number;
  actions: number;
  byStatus: Record<Status, number>;
  /** Refs of actions overdue as of the date, in the plan's order. */
  overdue: string[];
  /** Refs of actions with no end date ("On-going", "and then following board decisions", blank). */
  undatedEnd: string[];
  /** Refs of actions marked ongoing. */
  ongoing: string[];
  problems: ImportProblem[];
  /** Rows imported all the same that are worth a look (a focus area's overall impact differing row to row). */
  notes: ImportNote[];
}

/** Summarises a parsed plan as of a date ('YYYY-MM-DD'). Keys are built in the documented order. */
export function summarise(plan: ParsedPlan, asOf: string): ImportSummary {
  const byStatus: Record<Status, number> = {
    complete: 0,
    'on-track': 0,
    'significant-risk': 0,
    'high-risk': 0,
    'not-started': 0,
  };
  for (const action of plan.actions) byStatus[action.status] += 1;
  return {
    areas: plan.areas.length,
    focusAreas: plan.focusAreas.length,
    actions: plan.actions.length,
    byStatus,
    overdue: plan.actions.filter((a) => isOverdue(a, asOf)).map((a) => a.ref),
    undatedEnd: plan.actions.filter((a) => a.end === null).map((a) => a.ref),
    ongoing: plan.actions.filter((a) => a.ongoing).map((a) => a.ref),
    problems: plan.problems.map(({ row, column, message }) => ({ row, column, message })),
    notes: plan.notes.map(({ row, column, message }) => ({ row, column, message })),
  };
}
