/**
 * Writes inside another feature's change (the request, the draft, an issued plan's amendment or phase transfer):
 * recording the family's preference and consulting a setting on it, the setting itself and, when another authority
 * maintains it, that authority; each consultee once, with the school's staff and the family told and the history
 * recording it.
 */
import { auditContext } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { settingsByIds, settingStaff, type RegisterSetting } from '../../platform/people/settings.ts';
import { authorityOf } from '../../platform/people/users.ts';
import { longDate } from '../../domain/calendar.ts';
import { consultationState, preferenceText } from '../../domain/placement/placement.ts';
import type { ChangeParts, PlacementCase, PlanSubject, PreferenceInput } from './service.ts';
import {
  insertConsultation,
  insertPreference,
  preferencesOf,
  subjectColumns,
  type Subject,
} from './store.ts';
import {
  childName,
  childOf,
  ConsultationError,
  DRAFT_DOCUMENT,
  event,
  PLAN_DOCUMENT,
  registerSetting,
} from './support.ts';

/** What a consultation is about: the case or the plan's round, its child, and what the school is sent (in words). */
interface About {
  readonly subject: Subject;
  readonly childId: string;
  readonly document: string;
}

type Child = Awaited<ReturnType<typeof childOf>>;

/**
 * Consults a setting on a case: the school itself and, when it is maintained by another authority, that authority.
 * Each consultee is consulted once; the school's staff are emailed a link, the family is told, the history records
 * it. Returns the ids of the consultations made now (none if they were already sent).
 */
async function consult(
  ctx: ChangeParts,
  about: About,
  setting: RegisterSetting,
  sent: string,
): Promise<string[]> {
  const { trx, actor } = ctx;
  const { made, school, other } = await insertConsultations(ctx, about, setting, sent);
  if (!made.length) return made;
  const child = await childOf(trx, actor.laCode, about.childId);
  const due = consultationState({ consultee: 'setting', sent, answered: null }, sent).due.date;
  const council = (await authorityOf(trx, actor.laCode))?.name ?? 'The council';
  await recordSent(ctx, about, setting, { made, other, due });
  if (school) await tellSchoolStaff(ctx, setting, about.childId, { council, child, due });
  await tellFamilyOfSending(ctx, about.childId, { child, school: setting.name, due });
  return made;
}

/** The consultations themselves: the setting's and, out of area, its maintaining authority's (each only once). */
async function insertConsultations(ctx: ChangeParts, about: About, setting: RegisterSetting, sent: string) {
  const { trx, actor } = ctx;
  const made: string[] = [];
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
  return { made, school, other };
}

/** The audit entry and the child's history for the consultations just sent. */
async function recordSent(
  ctx: ChangeParts,
  about: About,
  setting: RegisterSetting,
  sent: { made: string[]; other: string | null; due: string },
) {
  const { trx, actor } = ctx;
  const { made, other } = sent;
  const kase = { id: 'caseId' in about.subject ? about.subject.caseId : null, child_id: about.childId };
  const planId = 'planId' in about.subject ? about.subject.planId : null;
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
    summary: `${setting.name}${other ? ` and ${other} (the authority maintaining it)` : ''} consulted on ${about.document}; answer expected by ${longDate(sent.due)}`,
    detail: { caseId: kase.id, planId, settingId: setting.id, consultations: made },
  });
}

/** The school's staff are emailed a link to the consultation. */
async function tellSchoolStaff(
  ctx: ChangeParts,
  setting: RegisterSetting,
  childId: string,
  told: { council: string; child: Child; due: string },
) {
  const { trx, actor } = ctx;
  const { child } = told;
  for (const person of await settingStaff(trx, actor.laCode, setting.id)) {
    await queueNotification(trx, ctx.jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: person.email,
      template: 'consultation-sent',
      personalisation: {
        name: person.display_name,
        council: told.council,
        school: setting.name,
        child: `${child.given_name} ${child.family_name} (${child.reference})`,
        due: longDate(told.due),
      },
      childId,
      userId: person.id,
    });
  }
}

/** The family is told which school was consulted and when to expect its answer. */
async function tellFamilyOfSending(
  ctx: ChangeParts,
  childId: string,
  told: { child: Child; school: string; due: string },
) {
  const { trx, actor } = ctx;
  for (const person of await recipientsFor(trx, actor.laCode, childId, {
    family: true,
    unlinkedFamily: true,
  })) {
    await queueNotification(trx, ctx.jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: person.email,
      template: 'consultation-family-sent',
      personalisation: { child: childName(told.child), school: told.school, due: longDate(told.due) },
      childId,
      ...(person.userId ? { userId: person.userId } : {}),
    });
  }
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
 * Consults a setting the family did not ask for on a case's draft (s40: the council consults before naming any
 * school). Returns the ids of the consultations made now (none if they were already sent).
 */
export function consultOnCase(
  ctx: ChangeParts,
  kase: Pick<PlacementCase, 'id' | 'child_id'>,
  setting: RegisterSetting,
): Promise<string[]> {
  return consult(
    ctx,
    { subject: { caseId: kase.id }, childId: kase.child_id, document: DRAFT_DOCUMENT },
    setting,
    ctx.today,
  );
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
  about: About,
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
