/**
 * Where a parsed plan is saved. The database store is written on the web foundation; the command and the import page
 * call `importPlan` with it, so the rules for what gets saved live here and not in either caller.
 */
import type { ParsedPlan, PlanContent } from './types.ts';

/** What saving a plan needs from storage. */
export interface ImprovementPlanStore {
  /** Saves the areas, focus areas, actions and the import's notes together, or nothing. Resolves to the plan's id. */
  savePlan(plan: PlanContent): Promise<string>;
}

export interface ImportOutcome {
  planId: string;
  areas: number;
  focusAreas: number;
  actions: number;
}

/**
 * Saves the rows that were read. Rows with problems were never turned into actions, so they are not saved; the
 * caller shows the problems and notes (the dry-run summary or the preview page) before asking to save.
 */
export async function importPlan(parsed: ParsedPlan, store: ImprovementPlanStore): Promise<ImportOutcome> {
  const { areas, focusAreas, actions, notes } = parsed;
  const planId = await store.savePlan({ areas, focusAreas, actions, notes });
  return { planId, areas: areas.length, focusAreas: focusAreas.length, actions: actions.length };
}
