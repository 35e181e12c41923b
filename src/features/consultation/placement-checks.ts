/**
 * The rules section I must meet before a final or amended plan is issued (S3): a setting named must have been
 * consulted, and every preference of the family's not met must have a recorded s39(4) ground.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { settingsByIds } from '../../platform/people/settings.ts';
import {
  placementProblems,
  type NamedPlacement,
  type PlacementProblem,
} from '../../domain/placement/placement.ts';
import type { PlanSubject } from './service.ts';
import { consultationsOf, preferencesOf, type Subject } from './store.ts';

/**
 * Why a final plan may not be issued with this placement (S3): naming a setting not consulted, or leaving a
 * preference unmet without a recorded ground. `named` null is a final plan issued without a structured section I
 * (the case page): allowed only when the family asked for nothing.
 */
export async function finalPlacementProblems(
  db: Executor,
  laCode: string,
  caseId: string,
  named: NamedPlacement | null,
): Promise<PlacementProblem[]> {
  return problemsOf(db, laCode, { caseId }, named, null);
}

/**
 * Why an amended plan may not be issued with this section I (S3, as a final plan): against the plan's round (the
 * preferences and consultations since the version in force). A setting named unchanged from the plan in force
 * (`inForceSettingId`) needs no new consultation; every preference of the round it does not meet needs its ground.
 */
export async function amendedPlacementProblems(
  db: Executor,
  laCode: string,
  plan: Pick<PlanSubject, 'planId' | 'inForce'>,
  named: NamedPlacement,
  inForceSettingId: string | null,
): Promise<PlacementProblem[]> {
  return problemsOf(db, laCode, { planId: plan.planId, inForce: plan.inForce }, named, inForceSettingId);
}

async function problemsOf(
  db: Executor,
  laCode: string,
  subject: Subject,
  named: NamedPlacement | null,
  alreadyNamed: string | null,
): Promise<PlacementProblem[]> {
  const preferences = await preferencesOf(db, laCode, subject);
  if (!named) {
    return preferences.length
      ? [
          {
            rule: 'preference-refused-without-ground',
            message:
              'The family asked for a school or setting: issue the final plan from the plan, with section I naming the setting, so that Goldthread can check the consultation and the family’s preference',
          },
        ]
      : [];
  }
  const consulted = (await consultationsOf(db, laCode, subject)).filter((c) => c.consultee === 'setting');
  const names = await settingsByIds(
    db,
    laCode,
    preferences.flatMap((p) => (p.setting_id ? [p.setting_id] : [])),
  );
  return placementProblems(
    named,
    preferences.map((p) => ({
      kind: p.kind,
      settingId: p.setting_id,
      settingName: p.setting_id ? (names.get(p.setting_id)?.name ?? null) : null,
      settingType: p.setting_type,
      refusal:
        p.refusal_ground && p.refusal_reasons
          ? { ground: p.refusal_ground, reasons: p.refusal_reasons }
          : null,
    })),
    [
      ...consulted.map((c) => ({ settingId: c.setting_id, sent: c.sent })),
      ...(alreadyNamed ? [{ settingId: alreadyNamed, sent: '' }] : []),
    ],
  );
}
