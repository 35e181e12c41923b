/**
 * The caseworker's side of consultation, as the service's methods: the placement page for a case, recording the
 * family's preference, consulting a setting the family did not ask for, and recording the s39(4) ground for not
 * naming a preference (a case's or an issued plan's). Access is decided here; every write is one change with its
 * audit entry.
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditContext,
  authoriseChildRead,
  CASEWORK_ROLES,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext, type Tx } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { settingRegister } from '../../platform/people/settings.ts';
import { lowerFirst } from '../../platform/text.ts';
import { S39_GROUND_LABELS, type S39Ground } from '../../domain/placement/placement.ts';
import { consultOnCase, recordPreference } from './consult.ts';
import type { ConsultationNeeds, PreferenceInput } from './service.ts';
import { preferenceById, refusePreference, type PreferenceRow } from './store.ts';
import { placementSummary, planPlacementSummary } from './summary.ts';
import { childOf, ConsultationError, event, registerSetting, STAFF } from './support.ts';

/** The service's methods for casework staff (the composition root's deps, and what other features give it). */
export function caseworkService(deps: Pick<ServiceDeps, 'db' | 'jobs' | 'today'>, needs: ConsultationNeeds) {
  const { db } = deps;

  async function caseOrNotFound(db: Executor, actor: Actor, caseId: string) {
    const kase = isUuid(caseId) ? await needs.placementCase(db, actor.laCode, caseId) : undefined;
    if (!kase || kase.stage === 'linked') throw new NotFoundError();
    return kase;
  }

  async function planPreferenceOrNotFound(db: Executor, actor: Actor, preferenceId: string) {
    const preference = isUuid(preferenceId)
      ? await preferenceById(db, actor.laCode, preferenceId)
      : undefined;
    if (!preference || preference.plan_id === null) throw new NotFoundError();
    return preference;
  }

  async function refuse(
    ctx: ChangeContext,
    preference: PreferenceRow,
    input: { ground: S39Ground; reasons: string; token: string | undefined },
  ) {
    const { actor } = ctx;
    return once(ctx, input.token, async () => {
      const done = await refusePreference(ctx.trx, actor.laCode, preference.id, {
        ground: input.ground,
        reasons: input.reasons,
        on: ctx.today,
        by: actor.userId,
      });
      if (!done)
        throw new ConsultationError('ground', 'A ground has already been recorded for this preference');
      const about = { caseId: preference.case_id, planId: preference.plan_id };
      await audit(ctx.trx, auditContext(actor), {
        action: 'consultation.refuse',
        recordType: 'placement_preference',
        recordId: preference.id,
        childId: preference.child_id,
        detail: { ...about, ground: input.ground },
      });
      await event(ctx.trx, actor, {
        childId: preference.child_id,
        kind: 'placement-preference-refused',
        summary: `Decided not to name the family's preference: ${lowerFirst(S39_GROUND_LABELS[input.ground])}`,
        detail: { ...about, preferenceId: preference.id, ground: input.ground },
      });
      return preference.id;
    });
  }

  const staffChange = <T>(
    actor: Actor,
    action: string,
    fn: (ctx: Parameters<Parameters<typeof withChange>[2]>[0]) => Promise<T>,
  ) =>
    withChange(deps, actor, async (ctx) => {
      requireRole(actor, STAFF, action);
      return fn(ctx);
    });

  return {
    /** The caseworker's page: the family's preference, the consultations and their answers. */
    async casePage(actor: Actor, caseId: string) {
      requireRole(actor, CASEWORK_ROLES, 'consultation.case');
      return db.transaction().execute(async (trx: Tx) => {
        const kase = await caseOrNotFound(trx, actor, caseId);
        await authoriseChildRead(trx, actor, kase.child_id, 'consultation.case.read');
        const child = await childOf(trx, actor.laCode, kase.child_id);
        return {
          kase,
          child,
          summary: await placementSummary(trx, actor.laCode, caseId, deps.today()),
          register: await settingRegister(trx, actor.laCode),
          canChange: STAFF.includes(actor.role) && kase.is_open,
          today: deps.today(),
        };
      });
    },

    /** The family's preference, recorded by a caseworker (from a letter, a call or the family's response). */
    recordPreference: (
      actor: Actor,
      caseId: string,
      input: PreferenceInput & { received: string; token: string | undefined },
    ) =>
      staffChange(actor, 'consultation.preference', async (ctx) => {
        const kase = await caseOrNotFound(ctx.trx, actor, caseId);
        if (!kase.is_open) throw new ConsultationError('kind', 'This case is closed');
        if (input.received > ctx.today)
          throw new ConsultationError('received', 'The date must be today or in the past');
        return once(
          ctx,
          input.token,
          async () => (await recordPreference(ctx, kase, { ...input, source: 'caseworker' })) ?? '',
        );
      }),

    /** Consults a setting the family did not ask for (s40: the council consults before naming any school). */
    consultSetting: (actor: Actor, caseId: string, input: { settingId: string; token: string | undefined }) =>
      staffChange(actor, 'consultation.send', async (ctx) => {
        const kase = await caseOrNotFound(ctx.trx, actor, caseId);
        if (!kase.draft_served)
          throw new ConsultationError(
            'settingId',
            'Serve the draft plan first: the school is sent the draft and the advice',
          );
        if (kase.final_issued || !kase.is_open)
          throw new ConsultationError('settingId', 'The final plan has been issued');
        const setting = await registerSetting(ctx.trx, actor.laCode, input.settingId);
        return once(ctx, input.token, async () => {
          const made = await consultOnCase(ctx, kase, setting);
          if (!made.length)
            throw new ConsultationError('settingId', `${setting.name} has already been consulted`);
          return made[0]!;
        });
      }),

    /** Records the s39(4) ground and reasons for not naming a preference. */
    refusePreference: (
      actor: Actor,
      caseId: string,
      preferenceId: string,
      input: { ground: S39Ground; reasons: string; token: string | undefined },
    ) =>
      staffChange(actor, 'consultation.refuse', async (ctx) => {
        const kase = await caseOrNotFound(ctx.trx, actor, caseId);
        const preference = isUuid(preferenceId)
          ? await preferenceById(ctx.trx, actor.laCode, preferenceId)
          : undefined;
        if (!preference || preference.case_id !== kase.id) throw new NotFoundError();
        return refuse(ctx, preference, input);
      }),

    /** A plan's preference (an amendment's, a phase transfer's) with its round, for the refusal page. */
    async planPreference(actor: Actor, preferenceId: string) {
      requireRole(actor, CASEWORK_ROLES, 'consultation.plan');
      return db.transaction().execute(async (trx: Tx) => {
        const preference = await planPreferenceOrNotFound(trx, actor, preferenceId);
        await authoriseChildRead(trx, actor, preference.child_id, 'consultation.plan.read');
        const plan = { planId: preference.plan_id!, inForce: preference.plan_in_force! };
        return {
          preference,
          plan,
          child: await childOf(trx, actor.laCode, preference.child_id),
          summary: await planPlacementSummary(trx, actor.laCode, plan, deps.today()),
        };
      });
    },

    /**
     * Records the s39(4) ground and reasons for not naming a plan's preference (an amendment's section I); returns the
     * plan's id.
     */
    refusePlanPreference: (
      actor: Actor,
      preferenceId: string,
      input: { ground: S39Ground; reasons: string; token: string | undefined },
    ) =>
      staffChange(actor, 'consultation.refuse', async (ctx) => {
        const preference = await planPreferenceOrNotFound(ctx.trx, actor, preferenceId);
        await authoriseChildRead(ctx.trx, actor, preference.child_id, 'consultation.plan.read');
        await refuse(ctx, preference, input);
        return preference.plan_id!;
      }),
  };
}
