/**
 * The school's side of consultation, as the service's methods: its list of consultations, one consultation with the
 * plan it is about (for the school it is addressed to, or casework staff), and the answer ("can meet the needs", or
 * an s39(4) ground), with the case's officer and the family told of it.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, authoriseChildRead, CASEWORK_ROLES, isUuid } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type Tx } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { settingOfUser, settingsByIds } from '../../platform/people/settings.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import { lowerFirst } from '../../platform/text.ts';
import {
  answerSentence,
  consultationState,
  S39_GROUND_LABELS,
  type Answer,
  type S39Ground,
} from '../../domain/placement/placement.ts';
import type { ChangeParts, ConsultationNeeds } from './service.ts';
import {
  answerConsultation,
  consultationById,
  consultationsForSetting,
  type ConsultationRow,
} from './store.ts';
import { childName, childOf, ConsultationError, event, PAGE_SIZE, STAFF } from './support.ts';

/** Who may read one consultation: casework staff, or a professional at the school it is addressed to. */
async function readableConsultation(db: Executor, actor: Actor, consultationId: string) {
  const row = isUuid(consultationId) ? await consultationById(db, actor.laCode, consultationId) : undefined;
  if (row && CASEWORK_ROLES.includes(actor.role)) {
    await authoriseChildRead(db, actor, row.child_id, 'consultation.read');
    return { row, asSchool: false };
  }
  if (row && actor.role === 'professional' && row.consultee === 'setting') {
    const school = await settingOfUser(db, actor.laCode, actor.userId);
    if (school?.id === row.setting_id) {
      await audit(db, auditContext(actor), {
        action: 'consultation.read',
        recordType: 'consultation',
        recordId: row.id,
        childId: row.child_id,
      });
      return { row, asSchool: true };
    }
  }
  throw new NotFoundError('Not found', {
    ctx: auditContext(actor),
    entry: {
      action: 'consultation.read.denied',
      recordType: 'consultation',
      recordId: isUuid(consultationId) ? consultationId : null,
      outcome: 'denied',
    },
  });
}

/** The service's methods for a school and for whoever reads or answers one consultation. */
export function answersService(deps: Pick<ServiceDeps, 'db' | 'jobs' | 'today'>, needs: ConsultationNeeds) {
  const { db } = deps;

  /** The document a consultation is about: the case's latest draft, or the plan's latest version. */
  const documentOf = (trx: Executor, laCode: string, row: ConsultationRow) =>
    row.case_id !== null
      ? needs.draftPlanPdf(trx, laCode, row.case_id)
      : needs.planPdf(trx, laCode, row.plan_id!);

  return {
    /** The consultations waiting for a school's answer (its SENCO's or head teacher's home and list). */
    async forSchool(actor: Actor, page: number) {
      if (actor.role !== 'professional') throw new ForbiddenError();
      const school = await settingOfUser(db, actor.laCode, actor.userId);
      if (!school) return { school: null, rows: [], total: 0, waiting: 0, page: 1, pages: 1 };
      const result = await consultationsForSetting(db, actor.laCode, school.id, page, PAGE_SIZE);
      const children = new Map<string, Awaited<ReturnType<typeof childOf>>>();
      for (const r of result.rows)
        if (!children.has(r.child_id)) children.set(r.child_id, await childOf(db, actor.laCode, r.child_id));
      const today = deps.today();
      return {
        school,
        ...result,
        page,
        pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
        rows: result.rows.map((r) => ({
          ...r,
          child: children.get(r.child_id)!,
          state: consultationState({ consultee: r.consultee, sent: r.sent, answered: r.answered }, today),
        })),
      };
    },

    /** One consultation, for the school it is addressed to or casework staff (404 for anyone else, audited). */
    async show(actor: Actor, consultationId: string) {
      return db.transaction().execute(async (trx: Tx) => {
        const { row, asSchool } = await readableConsultation(trx, actor, consultationId);
        const child = await childOf(trx, actor.laCode, row.child_id);
        const setting = (await settingsByIds(trx, actor.laCode, [row.setting_id])).get(row.setting_id)!;
        const answeredBy = row.answered_by
          ? await userWithTeam(trx, actor.laCode, row.answered_by)
          : undefined;
        const draft = await documentOf(trx, actor.laCode, row);
        return {
          row,
          child,
          setting,
          asSchool,
          answeredByName: row.answered_by_name ?? answeredBy?.display_name ?? null,
          state: consultationState(
            { consultee: row.consultee, sent: row.sent, answered: row.answered },
            deps.today(),
          ),
          draft: draft ? { number: draft.number, issuedOn: draft.issuedOn } : null,
          canAnswer:
            !row.answered &&
            (asSchool ? true : row.consultee === 'maintaining-authority' && STAFF.includes(actor.role)),
        };
      });
    },

    /** The draft plan (with the advice in its appendices) for one consultation's readers. */
    async draftPdf(actor: Actor, consultationId: string) {
      return db.transaction().execute(async (trx: Tx) => {
        const { row } = await readableConsultation(trx, actor, consultationId);
        const draft = await documentOf(trx, actor.laCode, row);
        if (!draft) throw new NotFoundError();
        return draft;
      });
    },

    /**
     * The answer: "can meet the needs", or an s39(4) ground with reasons. The school answers its own consultation;
     * casework staff record the answer of another maintaining authority (which has no account here).
     */
    answer: (
      actor: Actor,
      consultationId: string,
      input: {
        answer: Answer;
        ground?: S39Ground | undefined;
        reasons?: string | undefined;
        token: string | undefined;
      },
    ) =>
      withChange(deps, actor, async (ctx) => {
        const { row, asSchool } = await readableConsultation(ctx.trx, actor, consultationId);
        if (!asSchool && !(row.consultee === 'maintaining-authority' && STAFF.includes(actor.role)))
          throw new ForbiddenError();
        return once(ctx, input.token, async () => {
          const user = await userWithTeam(ctx.trx, actor.laCode, actor.userId);
          const done = await answerConsultation(ctx.trx, actor.laCode, row.id, {
            answer: input.answer,
            ground: input.answer === 'cannot-meet' ? (input.ground ?? null) : null,
            reasons: input.reasons ?? null,
            answered: ctx.today,
            answered_by: actor.userId,
            answered_by_name: asSchool ? (user?.display_name ?? null) : null,
          });
          if (!done) throw new ConsultationError('answer', 'This consultation has already been answered');
          await answered(ctx, row, input.answer, input.ground);
          return row.id;
        });
      }),
  };

  /** What follows an answer: the audit entry and history, the case's officer told, and the family for a school's. */
  async function answered(
    ctx: ChangeParts,
    row: ConsultationRow,
    answer: Answer,
    ground: S39Ground | undefined,
  ) {
    const { trx, actor } = ctx;
    const setting = (await settingsByIds(trx, actor.laCode, [row.setting_id])).get(row.setting_id)!;
    const who = row.consultee === 'setting' ? setting.name : `${row.authority_name} (for ${setting.name})`;
    const what =
      answer === 'can-meet' ? 'can meet the needs' : `cannot: ${lowerFirst(S39_GROUND_LABELS[ground!])}`;
    await recordAnswer(ctx, row, { answer, ground, who, what });
    const kase = row.case_id ? await needs.placementCase(trx, actor.laCode, row.case_id) : undefined;
    const child = await childOf(trx, actor.laCode, row.child_id);
    // A case's officer; for a plan, the child's lead officer.
    const officerId = row.case_id ? kase?.officer_id : child.lead_officer_id;
    await tellOfficer(ctx, row, officerId, { who, what, child });
    if (row.consultee !== 'setting') return;
    await tellFamilyOfAnswer(ctx, row, { school: setting.name, answer, child });
  }
}

type Child = Awaited<ReturnType<typeof childOf>>;

/** The audit entry and the child's history for an answer. */
async function recordAnswer(
  ctx: ChangeParts,
  row: ConsultationRow,
  said: { answer: Answer; ground: S39Ground | undefined; who: string; what: string },
) {
  const { trx, actor } = ctx;
  const { answer, ground } = said;
  await audit(trx, auditContext(actor), {
    action: 'consultation.answer',
    recordType: 'consultation',
    recordId: row.id,
    childId: row.child_id,
    detail: { caseId: row.case_id, planId: row.plan_id, answer, ground: ground ?? null },
  });
  await event(trx, actor, {
    childId: row.child_id,
    kind: 'consultation-answered',
    summary: `${said.who} answered the consultation: ${said.what}`,
    detail: { caseId: row.case_id, planId: row.plan_id, consultationId: row.id, answer },
  });
}

/** The officer (a case's, or for a plan the child's lead officer) is emailed the answer, if still active. */
async function tellOfficer(
  ctx: ChangeParts,
  row: ConsultationRow,
  officerId: string | null | undefined,
  said: { who: string; what: string; child: Child },
) {
  const { trx, actor } = ctx;
  const { child } = said;
  const officer = officerId ? await userWithTeam(trx, actor.laCode, officerId) : undefined;
  if (officer?.active) {
    await queueNotification(trx, ctx.jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: officer.email,
      template: 'consultation-answered',
      personalisation: {
        name: officer.display_name,
        who: said.who,
        child: `${child.given_name} ${child.family_name} (${child.reference})`,
        answer: said.what,
      },
      childId: row.child_id,
      userId: officer.id,
    });
  }
}

/** The family is told a school's answer, in the sentence their pages use. */
async function tellFamilyOfAnswer(
  ctx: ChangeParts,
  row: ConsultationRow,
  said: { school: string; answer: Answer; child: Child },
) {
  const { trx, actor } = ctx;
  for (const person of await recipientsFor(trx, actor.laCode, row.child_id, {
    family: true,
    unlinkedFamily: true,
  })) {
    await queueNotification(trx, ctx.jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: person.email,
      template: 'consultation-family-answered',
      personalisation: {
        child: childName(said.child),
        sentence: answerSentence(
          said.school,
          { answer: said.answer, answered: ctx.today },
          consultationState(row, ctx.today).due,
        ),
      },
      childId: row.child_id,
      ...(person.userId ? { userId: person.userId } : {}),
    });
  }
}
