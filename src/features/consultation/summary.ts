/**
 * Reading a case's or a plan round's placement: the family's preferences and the consultations, each with its state
 * on a day (for the caseworker's page, the case pages and the plan), and what the family is told of them.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { settingsByIds } from '../../platform/people/settings.ts';
import {
  answerSentence,
  consultationState,
  preferenceText,
  S39_GROUND_LABELS,
} from '../../domain/placement/placement.ts';
import type { PlanSubject } from './service.ts';
import {
  consultationsOf,
  preferencesOf,
  type ConsultationRow,
  type PreferenceRow,
  type Subject,
} from './store.ts';

export interface ConsultationView extends ConsultationRow {
  readonly settingName: string;
  readonly consulteeName: string;
  readonly state: ReturnType<typeof consultationState>;
  readonly groundLabel: string | null;
}

export interface PreferenceView extends PreferenceRow {
  readonly text: string;
  readonly settingName: string | null;
  readonly groundLabel: string | null;
}

/** A case's preferences and consultations with each one's state on `today` (no access check: callers check). */
export function placementSummary(db: Executor, laCode: string, caseId: string, today: string) {
  return summaryOf(db, laCode, { caseId }, today);
}

/** A plan round's preferences and consultations on `today` (no access check: callers check). */
export function planPlacementSummary(
  db: Executor,
  laCode: string,
  plan: Pick<PlanSubject, 'planId' | 'inForce'>,
  today: string,
) {
  return summaryOf(db, laCode, { planId: plan.planId, inForce: plan.inForce }, today);
}

async function summaryOf(db: Executor, laCode: string, subject: Subject, today: string) {
  const preferences = await preferencesOf(db, laCode, subject);
  const consultations = await consultationsOf(db, laCode, subject);
  const settings = await settingsByIds(db, laCode, [
    ...preferences.flatMap((p) => (p.setting_id ? [p.setting_id] : [])),
    ...consultations.map((c) => c.setting_id),
  ]);
  const name = (id: string | null) => (id ? (settings.get(id)?.name ?? 'Unknown setting') : null);
  return {
    preferences: preferences.map((p): PreferenceView => ({
      ...p,
      settingName: name(p.setting_id),
      text: preferenceText({ kind: p.kind, settingName: name(p.setting_id), settingType: p.setting_type }),
      groundLabel: p.refusal_ground ? S39_GROUND_LABELS[p.refusal_ground] : null,
    })),
    consultations: consultations.map((c): ConsultationView => ({
      ...c,
      settingName: name(c.setting_id)!,
      consulteeName: c.consultee === 'setting' ? name(c.setting_id)! : c.authority_name!,
      state: consultationState({ consultee: c.consultee, sent: c.sent, answered: c.answered }, today),
      groundLabel: c.ground ? S39_GROUND_LABELS[c.ground] : null,
    })),
  };
}

export type PlacementSummary = Awaited<ReturnType<typeof summaryOf>>;

/** What the family is told of consultation: who was consulted and when, and each answer's outcome. */
export function familyPlacementLines(summary: PlacementSummary): string[] {
  return summary.consultations
    .filter((c) => c.consultee === 'setting')
    .map((c) =>
      answerSentence(
        c.settingName,
        c.answer && c.answered ? { answer: c.answer, answered: c.answered } : null,
        c.state.due,
      ),
    );
}
