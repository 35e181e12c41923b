/**
 * Who is told of a plan's changes, and in what words: the family and advisers when a draft is shared or a plan issued,
 * the plan's writer when a comment arrives, a comment's author when it is answered. The family see the child's first
 * name; advisers and staff see the full name and reference. Every message is queued in the change's transaction.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { usersByIds } from '../../platform/people/users.ts';
import { longDate } from '../../domain/calendar.ts';
import type { PlanRecord } from './store.ts';

type Child = Pick<PlanRecord, 'child_id' | 'given_name' | 'family_name' | 'preferred_name' | 'reference'>;

export const childName = (r: { given_name: string; preferred_name: string | null }) =>
  r.preferred_name || r.given_name;

/** The child as a message to an adviser or a member of staff names them. */
const childInFull = (r: Child) => `${r.given_name} ${r.family_name} (${r.reference})`;

/** The child's family and advisers with accounts, by email: who is told of a plan shared or issued. */
export const familyAndAdvisers = (trx: Executor, laCode: string, childId: string) =>
  recipientsFor(trx, laCode, childId, { family: true, advisers: true });

/** A draft shared for comment: to the advisers, and to the family unless they have been told already. */
export async function tellDraftShared(
  ctx: ChangeContext,
  record: Child,
  draft: { number: number; commentsEnd: string | null; familyTold: boolean },
) {
  const { trx, actor } = ctx;
  for (const person of await familyAndAdvisers(trx, actor.laCode, record.child_id)) {
    const family = person.kind !== 'adviser';
    if (family && draft.familyTold) continue;
    await queueNotification(trx, ctx.jobs, {
      laCode: actor.laCode,
      channel: 'email',
      recipient: person.email,
      template: family ? 'plan-draft-shared-family' : 'plan-draft-shared-adviser',
      personalisation: {
        name: person.name ?? person.email,
        child: family ? childName(record) : childInFull(record),
        version: String(draft.number),
        commentsEnd: draft.commentsEnd ? longDate(draft.commentsEnd) : 'the date in the letter',
      },
      childId: record.child_id,
      userId: person.userId,
    });
  }
}

/** A plan issued final or amended: to the advisers, and to the family unless they have been told already. */
export async function tellPlanIssued(
  ctx: ChangeContext,
  record: Child,
  issued: { kind: 'final' | 'amended'; number: number; familyTold: boolean },
) {
  const { trx, actor } = ctx;
  for (const person of await familyAndAdvisers(trx, actor.laCode, record.child_id)) {
    if (person.kind === 'adviser' || !issued.familyTold) {
      await queueNotification(trx, ctx.jobs, {
        laCode: actor.laCode,
        channel: 'email',
        recipient: person.email,
        template: 'plan-issued',
        personalisation: {
          name: person.name ?? person.email,
          child: person.kind === 'adviser' ? childInFull(record) : childName(record),
          kind: issued.kind === 'final' ? 'final' : 'amended',
          version: String(issued.number),
        },
        childId: record.child_id,
        userId: person.userId,
      });
    }
  }
}

/** A comment on the shared draft: to the plan's writer, when it has one. */
export async function tellWriterOfComment(
  ctx: ChangeContext,
  record: Child & Pick<PlanRecord, 'writer_id'>,
  section: string,
) {
  const { trx, actor } = ctx;
  const writer = record.writer_id
    ? (await usersByIds(trx, actor.laCode, [record.writer_id])).get(record.writer_id)
    : undefined;
  if (!writer) return;
  await queueNotification(trx, ctx.jobs, {
    laCode: actor.laCode,
    channel: 'email',
    recipient: writer.email,
    template: 'plan-comment-received',
    personalisation: {
      name: writer.display_name,
      child: childInFull(record),
      who: actor.role === 'professional' ? 'an adviser' : 'the family',
      section,
    },
    childId: record.child_id,
    userId: writer.id,
  });
}

/** The caseworker's answer to a comment: to its author (an adviser, or the family). */
export async function tellCommentAnswered(
  ctx: ChangeContext,
  record: Child,
  author: { id: string; email: string; display_name: string; role: string },
  answer: { section: string; changed: boolean; changeNote: string | null },
) {
  await queueNotification(ctx.trx, ctx.jobs, {
    laCode: ctx.actor.laCode,
    channel: 'email',
    recipient: author.email,
    template: 'plan-comment-answered',
    personalisation: {
      name: author.display_name,
      child: author.role === 'professional' ? childInFull(record) : childName(record),
      section: answer.section,
      change: answer.changed
        ? `The plan has been changed: ${answer.changeNote ?? ''}`.trim()
        : 'The plan has not been changed because of this comment; the answer explains why.',
    },
    childId: record.child_id,
    userId: author.id,
  });
}
