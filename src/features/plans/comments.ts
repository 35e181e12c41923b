/**
 * Comments on a shared draft: the draft's 15 days for comment (from the assessment's dates, or from the day an
 * amendment's proposal was sent), the comments as staff and their authors see them, a family member or adviser adding
 * one (the plan's writer is told), and the caseworker's answer (the author is told).
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { computeTimeline } from '../../domain/clock/index.ts';
import type { Period } from '../../domain/clock/types.ts';
import { caseTimeline } from '../../domain/assessment/journey.ts';
import type { Section } from '../../domain/plan-quality/model.ts';
import { SECTIONS } from '../../domain/plan-quality/model.ts';
import { loadFacts, openReassessmentOf } from '../assessments/index.ts';
import { usersByIds } from '../../platform/people/users.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { editable, readableByStaff, readableVersions, SHARED_ROLES } from './access.ts';
import { tellCommentAnswered, tellWriterOfComment } from './notify.ts';
import { changeAudit, PlanError } from './service.ts';
import { snapshotLines, type Snapshot } from './snapshot.ts';
import type { PlanRecord } from './store.ts';

export function commentPeriod(
  record: Pick<PlanRecord, 'draft_served'>,
  facts: Parameters<typeof caseTimeline>[0] | undefined,
  today: string,
): Period | null {
  if (!record.draft_served) return null;
  const timeline = facts
    ? caseTimeline(facts, today)
    : computeTimeline({
        asOf: today,
        // A plan with no assessment on record (an older plan): the period runs from the draft's date all the same.
        assessment: {
          requestReceived: record.draft_served,
          decisionToAssess: { date: record.draft_served, outcome: 'assess' },
          assessmentOutcome: { date: record.draft_served, outcome: 'issue-plan' },
          draftServed: record.draft_served,
        },
      });
  return timeline.periods.find((p) => p.id === 'draft-comments') ?? null;
}

/** The child's open reassessment whose draft of this plan has been served (J8), if any. */
export async function reassessmentDraftOf(db: Executor, record: PlanRecord) {
  const reassessment = await openReassessmentOf(db, record.la_code, record.child_id);
  return reassessment && reassessment.id === record.case_id && reassessment.draft_served
    ? reassessment
    : undefined;
}

export async function periodFor(db: Executor, record: PlanRecord, today: string) {
  // An issued plan's shared draft that is not a reassessment's is an amendment's proposal (ADR 0017): its 15 days
  // run from the day it was sent (draft_served), not from the assessment's draft.
  const proposal = record.status !== 'draft' && !(await reassessmentDraftOf(db, record));
  const facts =
    record.case_id && !proposal
      ? (await loadFacts(db, record.la_code, [record.case_id])).get(record.case_id)
      : undefined;
  return commentPeriod(record, facts, today);
}

export async function listComments(db: Executor, actor: Actor, record: PlanRecord, authorId: string | null) {
  let q = db
    .selectFrom('ehc_plan_comment as c')
    .innerJoin('ehc_plan_version as v', (j) =>
      j.onRef('v.la_code', '=', 'c.la_code').onRef('v.id', '=', 'c.version_id'),
    )
    .select([
      'c.id',
      'c.section',
      'c.item_id',
      'c.version_id',
      'c.body',
      'c.author_kind',
      'c.created_at',
      'c.response',
      'c.changed',
      'c.change_note',
      'c.responded_at',
      'c.author_id',
      'c.responded_by',
      'v.number as version_number',
    ])
    .where('c.la_code', '=', actor.laCode)
    .where('c.plan_id', '=', record.id);
  if (authorId) q = q.where('c.author_id', '=', authorId);
  const comments = await q.orderBy('c.created_at').orderBy('c.id').limit(500).execute();
  // The authors' and responders' names, from the core records.
  const people = await usersByIds(db, actor.laCode, [
    ...comments.map((c) => c.author_id),
    ...comments.map((c) => c.responded_by),
  ]);
  return comments.flatMap(({ author_id: authorOf, responded_by: respondedBy, version_number, ...c }) => {
    const author = people.get(authorOf);
    if (!author) return [];
    const responder = respondedBy === null ? undefined : people.get(respondedBy);
    return [
      {
        ...c,
        author_name: author.display_name,
        author_title: author.job_title,
        responder_name: responder?.display_name ?? null,
        version_number,
      },
    ];
  });
}

/**
 * The shared version, while it takes comments: while it is a draft (a first draft, or a reassessment's draft of an
 * issued plan, J8).
 */
async function draftOpenForComment(trx: Executor, record: PlanRecord) {
  const version = record.shared_version_id
    ? await trx
        .selectFrom('ehc_plan_version')
        .select(['id', 'snapshot', 'kind'])
        .where('la_code', '=', record.la_code)
        .where('id', '=', record.shared_version_id)
        .executeTakeFirstOrThrow()
    : undefined;
  if (!version || version.kind !== 'draft') {
    throw new PlanError(
      'body',
      'The draft plan is no longer open for comments: the final plan has been issued',
    );
  }
  return version;
}

/** A comment is on a section of the plan, and on an item the version commented on has in that section (if any). */
function checkCommentPlace(snapshot: Snapshot, section: Section, itemId: string | null) {
  if (!SECTIONS.includes(section)) throw new PlanError('section', 'Select a section of the plan');
  if (itemId) {
    const lines = snapshotLines(snapshot);
    const found = lines.find((l) => l.section === section)?.items.some((i) => i.id === itemId);
    if (!found) throw new PlanError('section', 'Select a part of the plan from the list');
  }
}

export async function addComment(
  ctx: ChangeContext,
  planId: string,
  input: { section: Section; itemId: string | null; body: string; token: string },
): Promise<void> {
  const { trx, actor } = ctx;
  const record = await readableVersions(trx, actor, planId);
  if (!SHARED_ROLES.includes(actor.role)) throw new NotFoundError();
  const version = await draftOpenForComment(trx, record);
  checkCommentPlace(version.snapshot as Snapshot, input.section, input.itemId);
  const inserted = await trx
    .insertInto('ehc_plan_comment')
    .values({
      la_code: actor.laCode,
      plan_id: planId,
      version_id: version.id,
      section: input.section,
      item_id: input.itemId,
      author_id: actor.userId,
      author_kind: actor.role === 'professional' ? 'adviser' : 'family',
      body: input.body,
      idempotency_key: `${actor.userId}:${input.token}`,
      response: null,
      changed: null,
      change_note: null,
      responded_by: null,
      responded_at: null,
    })
    .onConflict((oc) => oc.columns(['la_code', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  await audit(trx, auditContext(actor), {
    action: 'plan.comment.add',
    recordType: 'ehc_plan_comment',
    recordId: inserted.id,
    childId: record.child_id,
    detail: { planId, section: input.section },
  });
  await tellWriterOfComment(ctx, record, input.section);
}

export async function commentsForStaff(db: Executor, actor: Actor, planId: string) {
  const record = await readableByStaff(db, actor, planId, 'plan.comments.read');
  const comments = await listComments(db, actor, record, null);
  // The words of the item each comment is about, as the version commented on had them (issue 18: staff saw only
  // "on section F, one item" and had to open the plan in another tab to find which).
  const versionIds = [...new Set(comments.filter((c) => c.item_id).map((c) => c.version_id))];
  const versions = versionIds.length
    ? await db
        .selectFrom('ehc_plan_version')
        .select(['id', 'snapshot'])
        .where('la_code', '=', actor.laCode)
        .where('id', 'in', versionIds)
        .execute()
    : [];
  const itemText = new Map<string, string>();
  for (const v of versions)
    for (const l of snapshotLines(v.snapshot as Snapshot))
      for (const i of l.items) itemText.set(`${v.id}:${i.id}`, i.text);
  return {
    record,
    comments: comments.map((c) => ({
      ...c,
      item_text: c.item_id ? (itemText.get(`${c.version_id}:${c.item_id}`) ?? null) : null,
    })),
  };
}

export async function respondToComment(
  ctx: ChangeContext,
  planId: string,
  commentId: string,
  input: { response: string; changed: boolean; changeNote: string | null },
): Promise<void> {
  const { trx, actor } = ctx;
  const record = await editable(trx, actor, planId, 'plan.comment.respond');
  if (!isUuid(commentId)) throw new NotFoundError();
  const updated = await trx
    .updateTable('ehc_plan_comment')
    .set({
      response: input.response,
      changed: input.changed,
      change_note: input.changed ? input.changeNote : null,
      responded_by: actor.userId,
      responded_at: new Date(),
    })
    .where('la_code', '=', actor.laCode)
    .where('plan_id', '=', planId)
    .where('id', '=', commentId)
    .where('response', 'is', null)
    .returning(['id', 'author_id', 'section'])
    .executeTakeFirst();
  if (!updated) {
    const exists = await trx
      .selectFrom('ehc_plan_comment')
      .select('id')
      .where('la_code', '=', actor.laCode)
      .where('plan_id', '=', planId)
      .where('id', '=', commentId)
      .executeTakeFirst();
    if (!exists) throw new NotFoundError();
    return; // already answered: a double submit changes nothing
  }
  await changeAudit(ctx, record, 'plan.comment.respond', { commentId, changed: input.changed });
  const author = (await usersByIds(trx, actor.laCode, [updated.author_id])).get(updated.author_id);
  if (!author) throw new NotFoundError();
  await tellCommentAnswered(ctx, record, author, {
    section: updated.section,
    changed: input.changed,
    changeNote: input.changeNote,
  });
}
