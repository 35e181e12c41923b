/** A plan version's snapshot: its shape, made from the loaded plan, and its lines section by section. */
import type { Plan } from '../../domain/plan-quality/model.ts';
import { planLines, type SectionLines } from './describe.ts';
import { childName } from './notify.ts';
import type { LoadedPlan } from './read.ts';

/** What a version keeps: the plan model and what its documents need, as the plan stood when it was issued. */
export interface Snapshot {
  plan: Plan;
  child: { name: string; fullName: string; reference: string; dateOfBirth: string };
  writer: string | null;
  adviceSummaries: Record<string, string>;
  placementType: string | null;
}

export function snapshotOf(loaded: LoadedPlan, status: Plan['status']): Snapshot {
  const r = loaded.record;
  return {
    plan: { ...loaded.plan, status },
    child: {
      name: childName(r),
      fullName: `${r.given_name} ${r.family_name}`,
      reference: r.reference,
      dateOfBirth: r.date_of_birth,
    },
    writer: r.writer_name,
    adviceSummaries: Object.fromEntries(loaded.advice.map((a) => [a.id, a.summary])),
    placementType: r.placement_type,
  };
}

export const snapshotLines = (s: Snapshot): SectionLines[] => planLines(s.plan);
