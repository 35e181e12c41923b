/**
 * The meeting the family may ask for about the proposed amendments (reg 22(2)(c)): asked for online from the notice
 * or recorded by the caseworker, checked against the 15 days, the child's officer emailed; and the day it was held.
 */
import { isUuid, type Actor } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { auditContext } from '../../platform/access/access.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import { datesOf, type AmendmentLateness, type FieldError } from '../../domain/review/index.ts';
import { proposalChanges } from '../plans/index.ts';
import { AmendmentFormError, amendmentFor, changeAudit, factsOf } from './support.ts';
import { openProposalOf, updateAmendment, type AmendmentRow } from './store.ts';

/** The family may ask for a meeting while the proposal is out, within its 15 days (reg 22(2)(c)). */
function checkMeetingRequest(row: AmendmentRow, date: string | null, today: string): FieldError[] {
  const dates = datesOf(factsOf(row));
  if (!row.proposal_sent || !dates || row.amended_issued || row.not_amended_on)
    return [
      {
        field: 'date',
        message: 'The family can ask for a meeting while the proposed amendments are out with them',
      },
    ];
  if (row.meeting_requested_on)
    return [
      {
        field: 'date',
        message: `The family has already asked for a meeting, on ${longDate(row.meeting_requested_on)}`,
      },
    ];
  if (!date) return [{ field: 'date', message: 'Enter the date the family asked for a meeting' }];
  if (date > today)
    return [{ field: 'date', message: 'The date the family asked must be today or in the past' }];
  if (date < row.proposal_sent)
    return [
      {
        field: 'date',
        message: `The date the family asked must be on or after ${longDate(row.proposal_sent)}, when the proposal was sent`,
      },
    ];
  if (date > dates.commentsEnd.date)
    return [
      {
        field: 'date',
        message: `The family could ask for a meeting until ${longDate(dates.commentsEnd.date)}: ${dates.commentsEnd.rule} (${dates.commentsEnd.source}). Record a later request as a comment.`,
      },
    ];
  return [];
}

function checkMeetingHeld(row: AmendmentRow, date: string | null, today: string): FieldError[] {
  if (!row.meeting_requested_on)
    return [{ field: 'date', message: 'Record the family’s request for a meeting first' }];
  if (row.meeting_held_on)
    return [
      { field: 'date', message: `The meeting was recorded as held on ${longDate(row.meeting_held_on)}` },
    ];
  if (!date) return [{ field: 'date', message: 'Enter the date the meeting was held' }];
  if (date > today)
    return [{ field: 'date', message: 'The date the meeting was held must be today or in the past' }];
  if (date < row.meeting_requested_on)
    return [
      {
        field: 'date',
        message: `The meeting cannot be before ${longDate(row.meeting_requested_on)}, when the family asked for it`,
      },
    ];
  return [];
}

/** Records the family's request for a meeting (checked), audited, in the history; the child's officer is emailed. */
async function askForMeeting(
  ctx: ChangeContext,
  row: AmendmentRow,
  input: { date: string | null; via: 'online' | 'caseworker'; note: string | null },
): Promise<void> {
  const errors = checkMeetingRequest(row, input.date, ctx.today);
  if (errors.length) throw new AmendmentFormError(errors);
  const laCode = ctx.actor.laCode;
  const updated = await updateAmendment(ctx.trx, laCode, row.id, {
    meeting_requested_on: input.date,
    meeting_requested_via: input.via,
    meeting_request_note: input.note,
  });
  await audit(ctx.trx, auditContext(ctx.actor), {
    action: 'amendment.meeting-request',
    recordType: 'plan_amendment',
    recordId: row.id,
    childId: row.child_id,
    detail: { planId: row.plan_id, via: input.via, date: input.date },
  });
  await recordCaseEvent(ctx, {
    childId: row.child_id,
    kind: 'amendment-meeting-requested',
    summary: `The family asked for a meeting about the proposed amendments on ${longDate(input.date!)}${input.via === 'online' ? ' (online)' : ''}`,
    detail: { planId: row.plan_id, amendmentId: row.id },
  });
  if (input.via !== 'online') return;
  const child = (await childrenForReviews(ctx.trx, laCode, [row.child_id])).get(row.child_id);
  const officerId = child?.leadOfficerId ?? row.started_by;
  const officer = officerId ? await userWithTeam(ctx.trx, laCode, officerId) : undefined;
  const name = (await childNames(ctx.trx, laCode, [row.child_id])).get(row.child_id);
  if (!officer?.active) return;
  await queueNotification(ctx.trx, ctx.jobs, {
    laCode,
    channel: 'email',
    recipient: officer.email,
    template: 'amendment-meeting-requested',
    personalisation: {
      name: officer.display_name,
      child: name ? `${name.given_name} ${name.family_name}` : 'a child',
      reference: name?.reference ?? '',
      date: longDate(input.date!),
      note: updated.meeting_request_note ?? 'They did not say.',
      link: paths.amendments.plan(row.plan_id),
    },
    childId: row.child_id,
    userId: officer.id,
  });
}

/**
 * The family asks to meet an officer about the proposed amendments (reg 22(2)(c)), online from the notice, within
 * the 15 days for comments: recorded on the amendment, audited, in the child's history, and the child's officer
 * emailed. Only the child's parent or young person (the plans feature's check, audited); asked twice, the first
 * stands.
 */
export async function familyAsksForMeeting(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  input: { note: string | null; formToken?: string | undefined },
): Promise<void> {
  if (!isUuid(planId)) throw new NotFoundError();
  await withChange(deps, actor, async (ctx) => {
    const row = await openProposalOf(ctx.trx, actor.laCode, planId);
    // Access first, through the plan's own check (audited): an outsider learns nothing from a missing proposal.
    await proposalChanges(ctx.trx, actor, planId, row?.proposal_version_id ?? 'none');
    if (!row || (actor.role !== 'parent' && actor.role !== 'young-person')) throw new NotFoundError();
    const note = (input.note ?? '').trim();
    if (note.length > 2000)
      throw new AmendmentFormError([
        { field: 'note', message: 'What you want to talk about must be 2000 characters or fewer' },
      ]);
    await once(ctx, input.formToken, async () => {
      await askForMeeting(ctx, row, { date: ctx.today, via: 'online', note: note || null });
      return row.id;
    });
  });
}

/** The caseworker records a meeting the family asked for by phone, email or letter, or the day it was held. */
export async function recordMeeting(
  deps: ServiceDeps,
  actor: Actor,
  amendmentId: string,
  step: 'meeting' | 'meeting-held',
  input: { date: string | null; formToken?: string | undefined },
): Promise<{ planId: string; warnings: readonly AmendmentLateness[] }> {
  return withChange(deps, actor, async (ctx) => {
    const { row } = await amendmentFor(ctx, amendmentId, `amendment.${step}`);
    await once(ctx, input.formToken, async () => {
      if (step === 'meeting') {
        await askForMeeting(ctx, row, { date: input.date, via: 'caseworker', note: null });
        return row.id;
      }
      const errors = checkMeetingHeld(row, input.date, ctx.today);
      if (errors.length) throw new AmendmentFormError(errors);
      const updated = await updateAmendment(ctx.trx, actor.laCode, row.id, {
        meeting_held_on: input.date,
      });
      await changeAudit(ctx, updated, 'amendment.meeting-held', { held: input.date });
      await recordCaseEvent(ctx, {
        childId: row.child_id,
        kind: 'amendment-meeting-held',
        summary: `Meeting with the family about the proposed amendments held on ${longDate(input.date!)}`,
        detail: { planId: row.plan_id, amendmentId: row.id },
      });
      return row.id;
    });
    return { planId: row.plan_id, warnings: [] };
  });
}
