/**
 * Consultation and naming the placement (statutory-work.md S3; journey-corrections.md J7). The family's preference
 * is structured (a setting on the register, a type of setting, or otherwise than in a school); each setting asked
 * for is consulted on the draft plan and the advice when the draft is served (or when it is asked for, if later),
 * with its maintaining authority where that is another authority; the school answers in Goldthread; and a final
 * plan is refused if it names a setting that was not consulted or does not name the family's preference without a
 * recorded s39(4) ground. Access is decided here; every write runs in one transaction with an audit entry.
 */
import { lowerFirst } from '../../platform/text.ts';
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
import type { Role } from '../../platform/db/schema/index.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recordCaseEvent, type CaseEvent } from '../../platform/people/case-events.ts';
import { childWithOfficer } from '../../platform/people/children.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import {
  settingOfUser,
  settingRegister,
  settingsByIds,
  settingStaff,
  type RegisterSetting,
} from '../../platform/people/settings.ts';
import { authorityOf, userWithTeam } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  answerSentence,
  consultationState,
  placementProblems,
  preferenceText,
  S39_GROUND_LABELS,
  type Answer,
  type NamedPlacement,
  type PlacementProblem,
  type PreferenceKind,
  type S39Ground,
} from '../../domain/placement/placement.ts';
import {
  answerConsultation,
  consultationById,
  consultationsForSetting,
  consultationsOf,
  insertConsultation,
  insertPreference,
  preferenceById,
  preferencesOf,
  refusePreference,
  subjectColumns,
  type ConsultationRow,
  type PreferenceRow,
  type Subject,
} from './store.ts';

/** Who records preferences, sends consultations and records refusals. */
export const STAFF: readonly Role[] = ['caseworker', 'team-manager'];

export const PAGE_SIZE = 25;

/** A rule of consultation was broken: shown against its field in the error summary. */
export class ConsultationError extends FieldError {}

/** A change in someone else's transaction (the assessment journey's or the plan's): the parts consultation uses. */
export interface ChangeParts {
  readonly trx: Executor;
  readonly actor: Actor;
  readonly jobs: Jobs;
  readonly today: string;
}

/** The case as consultation sees it (from the assessments feature's public surface). */
export interface PlacementCase {
  readonly id: string;
  readonly child_id: string;
  readonly stage: string;
  readonly is_open: boolean;
  readonly draft_served: string | null;
  readonly final_issued: string | null;
  readonly officer_id: string | null;
}

/** What consultation asks of other features (passed by the composition root). */
export interface ConsultationNeeds {
  readonly placementCase: (
    db: Executor,
    laCode: string,
    caseId: string,
  ) => Promise<PlacementCase | undefined>;
  /** The latest draft plan shared for the case, as a PDF with the advice in its appendices (null if none). */
  readonly draftPlanPdf: (db: Executor, laCode: string, caseId: string) => Promise<PlanDocument | null>;
  /** An issued plan's latest version (the proposed amendments while out, else the plan in force) as a PDF. */
  readonly planPdf: (db: Executor, laCode: string, planId: string) => Promise<PlanDocument | null>;
}

export interface PlanDocument {
  readonly fileName: string;
  readonly content: Buffer;
  readonly number: number;
  readonly issuedOn: string;
}

/** What a school is sent, in words (the history and the school's page). */
export const DRAFT_DOCUMENT = 'the draft plan and the advice';
export const PROPOSAL_DOCUMENT = 'the proposed amendments to the plan and the advice';
export const PLAN_DOCUMENT = 'the plan in force and the advice';

export interface PreferenceInput {
  readonly kind: PreferenceKind;
  readonly settingId?: string | undefined;
  readonly settingType?: string | undefined;
}

const childName = (c: { given_name: string; preferred_name: string | null }) =>
  c.preferred_name || c.given_name;

/**
 * Records the case's history. The journey's changes (the draft, the request) reach here with their transaction typed
 * as an executor; it is always their transaction.
 */
const event = (trx: Executor, actor: Actor, e: CaseEvent) => recordCaseEvent({ trx, actor }, e);

async function childOf(db: Executor, laCode: string, childId: string) {
  const child = await childWithOfficer(db, laCode, childId);
  if (!child) throw new NotFoundError();
  return child;
}

async function registerSetting(db: Executor, laCode: string, settingId: string | undefined) {
  const setting =
    settingId && isUuid(settingId)
      ? (await settingsByIds(db, laCode, [settingId])).get(settingId)
      : undefined;
  if (!setting) throw new ConsultationError('settingId', 'Choose a school, college or nursery from the list');
  return setting;
}

// ---------------------------------------------------------------------------------------------------------------
// Writes inside another feature's change (the request, the draft, the final plan)

/**
 * Consults a setting on a case: the school itself and, when it is maintained by another authority, that authority.
 * Each consultee is consulted once; the school's staff are emailed a link, the family is told, the history records
 * it. Returns the ids of the consultations made now (none if they were already sent).
 */
async function consult(
  ctx: ChangeParts,
  about: { subject: Subject; childId: string; document: string },
  setting: RegisterSetting,
  sent: string,
): Promise<string[]> {
  const { trx, actor } = ctx;
  const made: string[] = [];
  const kase = { id: 'caseId' in about.subject ? about.subject.caseId : null, child_id: about.childId };
  const planId = 'planId' in about.subject ? about.subject.planId : null;
  const base = {
    la_code: actor.laCode,
    ...subjectColumns(about.subject),
    child_id: about.childId,
    setting_id: setting.id,
    sent,
    sent_by: actor.userId,
  };
  const school = await insertConsultation(trx, { ...base, consultee: 'setting', authority_name: null });
  if (school) made.push(school);
  const other = !setting.in_area && setting.location_authority ? setting.location_authority : null;
  const authority = other
    ? await insertConsultation(trx, { ...base, consultee: 'maintaining-authority', authority_name: other })
    : undefined;
  if (authority) made.push(authority);
  if (!made.length) return made;
  const child = await childOf(trx, actor.laCode, kase.child_id);
  const due = consultationState({ consultee: 'setting', sent, answered: null }, sent).due;
  const council = (await authorityOf(trx, actor.laCode))?.name ?? 'The council';
  await audit(trx, auditContext(actor), {
    action: 'consultation.send',
    recordType: 'consultation',
    recordId: made[0]!,
    childId: kase.child_id,
    detail: {
      caseId: kase.id,
      planId,
      settingId: setting.id,
      maintainingAuthority: other,
      consultations: made,
    },
  });
  await event(trx, actor, {
    childId: kase.child_id,
    kind: 'consultation-sent',
    summary: `${setting.name}${other ? ` and ${other} (the authority maintaining it)` : ''} consulted on ${about.document}; answer expected by ${longDate(due.date)}`,
    detail: { caseId: kase.id, planId, settingId: setting.id, consultations: made },
  });
  if (school) {
    for (const person of await settingStaff(trx, actor.laCode, setting.id)) {
      await queueNotification(trx, ctx.jobs, {
        laCode: actor.laCode,
        channel: 'email',
        recipient: person.email,
        template: 'consultation-sent',
        personalisation: {
          name: person.display_name,
          council,
          school: setting.name,
          child: `${child.given_name} ${child.family_name} (${child.reference})`,
          due: longDate(due.date),
        },
        childId: kase.child_id,
        userId: person.id,
      });
    }
  }
  for (const person of await recipientsFor(trx, actor.laCode, kase.child_id, {
    family: true,
    unlinkedFamily: true,
  })) {
    await queueNotification(trx, ctx.jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: person.email,
      template: 'consultation-family-sent',
      personalisation: { child: childName(child), school: setting.name, due: longDate(due.date) },
      childId: kase.child_id,
      ...(person.userId ? { userId: person.userId } : {}),
    });
  }
  return made;
}

/**
 * When the draft plan is served: every setting the family asked for is consulted the same day, with the draft and
 * the advice (a request for a school must produce a consultation: the council cannot refuse to consult).
 */
export async function consultOnDraft(
  ctx: ChangeParts,
  input: { caseId: string; childId: string; date: string },
): Promise<string[]> {
  const subject = { caseId: input.caseId };
  const preferences = await preferencesOf(ctx.trx, ctx.actor.laCode, subject);
  const settings = await settingsByIds(
    ctx.trx,
    ctx.actor.laCode,
    preferences.flatMap((p) => (p.setting_id ? [p.setting_id] : [])),
  );
  const made: string[] = [];
  for (const setting of settings.values()) {
    made.push(
      ...(await consult(
        ctx,
        { subject, childId: input.childId, document: DRAFT_DOCUMENT },
        setting,
        input.date,
      )),
    );
  }
  return made;
}

/**
 * Records the family's preference for a case (from the request journey, or by a caseworker). A setting asked for
 * after the draft was served is consulted at once. Returns the preference's id (undefined if already recorded).
 */
export async function recordPreference(
  ctx: ChangeParts,
  kase: Pick<PlacementCase, 'id' | 'child_id' | 'draft_served'>,
  input: PreferenceInput & { received: string; source: 'request' | 'caseworker' },
): Promise<string | undefined> {
  return addPreference(
    ctx,
    { subject: { caseId: kase.id }, childId: kase.child_id, document: DRAFT_DOCUMENT },
    input,
    kase.draft_served,
  );
}

/** An issued plan as consultation sees it: the plan, its child and the round (the version in force's issue day). */
export interface PlanSubject {
  readonly planId: string;
  readonly childId: string;
  /** The day the plan's version in force was issued: one round of asking and consulting (ADR 0032). */
  readonly inForce: string;
}

/**
 * Records the family's preference about an issued plan (an amendment's school request, a phase transfer's
 * preference): one per setting in the plan's round. A setting on the register is consulted at once, from
 * `consult.from` (the day the proposal was sent, or the day asked), on `consult.document` (what the school is sent,
 * in words); with no `consult`, it is recorded only. Returns the preference's id (undefined if already recorded).
 */
export async function recordPlanPreference(
  ctx: ChangeParts,
  plan: PlanSubject,
  input: PreferenceInput & { received: string; source: 'caseworker' | 'family' | 'review' },
  consultOn: { from: string; document: string } | null,
): Promise<string | undefined> {
  return addPreference(
    ctx,
    {
      subject: { planId: plan.planId, inForce: plan.inForce },
      childId: plan.childId,
      document: consultOn?.document ?? PLAN_DOCUMENT,
    },
    { ...input, source: input.source === 'family' ? 'request' : 'caseworker' },
    consultOn?.from ?? null,
  );
}

async function addPreference(
  ctx: ChangeParts,
  about: { subject: Subject; childId: string; document: string },
  input: PreferenceInput & { received: string; source: 'request' | 'caseworker' },
  consultFrom: string | null,
): Promise<string | undefined> {
  const kase = { id: 'caseId' in about.subject ? about.subject.caseId : null, child_id: about.childId };
  const planId = 'planId' in about.subject ? about.subject.planId : null;
  const { trx, actor } = ctx;
  const setting =
    input.kind === 'setting' ? await registerSetting(trx, actor.laCode, input.settingId) : undefined;
  const settingType = input.kind === 'type' ? input.settingType?.trim() : undefined;
  if (input.kind === 'type' && !settingType)
    throw new ConsultationError('settingType', 'Choose the type of school or setting');
  const id = await insertPreference(trx, {
    la_code: actor.laCode,
    ...subjectColumns(about.subject),
    child_id: kase.child_id,
    kind: input.kind,
    setting_id: setting?.id ?? null,
    setting_type: settingType ?? null,
    received: input.received,
    source: input.source,
    recorded_by: actor.userId,
  });
  if (!id) return undefined;
  const described = preferenceText({
    kind: input.kind,
    settingName: setting?.name ?? null,
    settingType: settingType ?? null,
  });
  await audit(trx, auditContext(actor), {
    action: 'consultation.preference',
    recordType: 'placement_preference',
    recordId: id,
    childId: kase.child_id,
    detail: {
      caseId: kase.id,
      planId,
      kind: input.kind,
      settingId: setting?.id ?? null,
      source: input.source,
    },
  });
  await event(trx, actor, {
    childId: kase.child_id,
    kind: 'placement-preference',
    summary: `The family asked for ${described} to be named in the plan`,
    detail: { caseId: kase.id, planId, preferenceId: id },
  });
  if (setting && consultFrom) {
    const sent = input.received > consultFrom ? input.received : consultFrom;
    await consult(ctx, about, setting, sent);
  }
  return id;
}

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

// ---------------------------------------------------------------------------------------------------------------
// Reading

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

// ---------------------------------------------------------------------------------------------------------------
// The service the pages use

export function createConsultationService(
  deps: Pick<ServiceDeps, 'db' | 'jobs' | 'today'>,
  needs: ConsultationNeeds,
) {
  const { db } = deps;

  /** The document a consultation is about: the case's latest draft, or the plan's latest version. */
  const documentOf = (trx: Executor, laCode: string, row: ConsultationRow) =>
    row.case_id !== null
      ? needs.draftPlanPdf(trx, laCode, row.case_id)
      : needs.planPdf(trx, laCode, row.plan_id!);

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
          const made = await consult(
            ctx,
            { subject: { caseId: kase.id }, childId: kase.child_id, document: DRAFT_DOCUMENT },
            setting,
            ctx.today,
          );
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
      summary: `${who} answered the consultation: ${what}`,
      detail: { caseId: row.case_id, planId: row.plan_id, consultationId: row.id, answer },
    });
    const kase = row.case_id ? await needs.placementCase(trx, actor.laCode, row.case_id) : undefined;
    const child = await childOf(trx, actor.laCode, row.child_id);
    // A case's officer; for a plan, the child's lead officer.
    const officerId = row.case_id ? kase?.officer_id : child.lead_officer_id;
    const officer = officerId ? await userWithTeam(trx, actor.laCode, officerId) : undefined;
    if (officer?.active) {
      await queueNotification(trx, ctx.jobs, {
        laCode: actor.laCode,
        channel: 'email',
        recipient: officer.email,
        template: 'consultation-answered',
        personalisation: {
          name: officer.display_name,
          who,
          child: `${child.given_name} ${child.family_name} (${child.reference})`,
          answer: what,
        },
        childId: row.child_id,
        userId: officer.id,
      });
    }
    if (row.consultee !== 'setting') return;
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
          child: childName(child),
          sentence: answerSentence(
            setting.name,
            { answer, answered: ctx.today },
            consultationState(row, ctx.today).due,
          ),
        },
        childId: row.child_id,
        ...(person.userId ? { userId: person.userId } : {}),
      });
    }
  }
}

export type ConsultationService = ReturnType<typeof createConsultationService>;
