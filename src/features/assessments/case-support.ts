/**
 * What the journey's steps share: who may act (the role lists), the journey's form error, the change context, the case
 * as a step reads it (with its child, team and officer), its history entry, the family's messages, the checks of a
 * step's date and of a form already sent, and the end of an assessment without a plan.
 */
import type { Actor } from '../../platform/access/access.ts';
import { isUuid } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import type { Timeline } from '../../domain/clock/types.ts';
import { familySentence, nextStep } from '../../domain/assessment/journey.ts';
import { longDate } from '../../domain/calendar.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { movePlanStatus } from '../../platform/people/children.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { authorityOf } from '../../platform/people/users.ts';
import { partiesOfRow } from '../../platform/people/row-parties.ts';

export const STAFF: readonly Role[] = ['caseworker', 'team-manager'];
export const MANAGERS: readonly Role[] = ['team-manager'];
/** Who may read the team view (the SEND leader reads it for the whole authority; only managers move work). */
export const TEAM_READERS: readonly Role[] = ['team-manager', 'send-leader'];

/** A rule of the journey was broken (wrong stage, bad date): shown to the user as a form error. */
export class JourneyError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
    this.name = 'JourneyError';
  }
}

export interface ChangeContext {
  trx: Executor;
  actor: Actor;
  jobs: Jobs;
  today: string;
}

export async function caseOrNotFound(trx: Executor, actor: Actor, caseId: string) {
  if (!isUuid(caseId)) throw new NotFoundError();
  // The case and its people in one statement: the child, team and officer are the people store's (partiesOfRow).
  const row = await trx
    .selectFrom('assessment_case as a')
    .selectAll('a')
    .select(
      partiesOfRow({
        laCode: 'a.la_code',
        childId: 'a.child_id',
        teamId: 'a.team_id',
        officerId: 'a.officer_id',
      }).as('parties'),
    )
    .where('a.la_code', '=', actor.laCode)
    .where('a.id', '=', caseId)
    .executeTakeFirst();
  const p = row?.parties;
  if (!row || !p || p.team_name === null) throw new NotFoundError();
  const { parties: _parties, ...kase } = row;
  return {
    ...kase,
    given_name: p.given_name,
    family_name: p.family_name,
    preferred_name: p.preferred_name,
    reference: p.reference,
    date_of_birth: p.date_of_birth,
    named_officer_id: p.named_officer_id,
    team_name: p.team_name,
    team_email: p.team_email,
    team_phone: p.team_phone,
    officer_name: p.officer_name,
    officer_email: p.officer_email,
  };
}

export type CaseRecord = Awaited<ReturnType<typeof caseOrNotFound>>;

export const childName = (c: { given_name: string; preferred_name: string | null }) =>
  c.preferred_name || c.given_name;

export async function recordEvent(
  trx: Executor,
  actor: Actor,
  childId: string,
  caseId: string,
  kind: string,
  summary: string,
  detail: Record<string, unknown> = {},
) {
  await recordCaseEvent({ trx, actor }, { childId, kind, summary, detail: { caseId, ...detail } });
}

/** The authority's own record (name, team and SENDIASS contacts). */
export function authority(trx: Executor, laCode: string) {
  return authorityOf(trx, laCode);
}

export async function notifyFamily(
  ctx: ChangeContext,
  record: { child_id: string },
  template: string,
  personalisation: Record<string, string>,
) {
  // The parents' and young person's linked accounts, else the first family member with responsibility and an email.
  const family = await recipientsFor(ctx.trx, ctx.actor.laCode, record.child_id, {
    family: true,
    unlinkedFamily: true,
  });
  for (const { email: recipient } of family) {
    await queueNotification(ctx.trx, ctx.jobs, {
      laCode: ctx.actor.laCode,
      channel: 'email',
      recipient,
      template,
      personalisation,
      childId: record.child_id,
    });
  }
}

export function teamContact(record: CaseRecord) {
  return {
    team: record.team_name,
    teamPhone: record.team_phone ?? '',
    teamEmail: record.team_email ?? '',
  };
}

/** The sentence for what happens next, from the clock's next step. */
export function nextSentence(timeline: Timeline, name: string): string {
  const step = nextStep(timeline);
  return step
    ? familySentence(step, name)
    : 'There is nothing more the council has to do by a legal deadline.';
}

export function checkDate(field: string, date: string, notBefore: string, today: string, what: string) {
  if (date > today) throw new JourneyError(field, 'The date must be today or in the past');
  if (date < notBefore)
    throw new JourneyError(field, `The date must be on or after the day ${what} (${longDate(notBefore)})`);
}

/** Whether a form token was already used; marks it used otherwise (same transaction as the change). */
export async function useFormToken(
  trx: Executor,
  laCode: string,
  token: string,
  caseId: string,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('assessment_form_token')
    .values({ la_code: laCode, token: token.slice(0, 100), case_id: caseId })
    .onConflict((oc) => oc.columns(['la_code', 'token']).doNothing())
    .returning('token')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A refusal to assess, or a decision not to issue a plan, ends the assessment: the child no longer shows as being assessed. */
export async function assessmentEndedWithoutPlan(
  trx: Executor,
  laCode: string,
  childId: string,
): Promise<void> {
  await movePlanStatus(trx, laCode, childId, 'assessment', 'none');
}
