/**
 * The assessments store's queries for the online request's drafts (docs/assessments.md): a person's open draft, its
 * answers saved step by step, and the case (or their own request) it became when sent.
 */
import type { Executor } from '../../../platform/audit/audit.ts';

/** The person's latest draft not yet sent. */
export function openDraft(db: Executor, laCode: string, userId: string) {
  return db
    .selectFrom('assessment_request_draft')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('user_id', '=', userId)
    .where('submitted_case_id', 'is', null)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
}

/** The person's own draft, locked for sending (a second press of the button waits, then finds it sent). */
export function lockDraft(trx: Executor, laCode: string, userId: string, draftId: string) {
  return trx
    .selectFrom('assessment_request_draft')
    .selectAll()
    .where('la_code', '=', laCode)
    .where('id', '=', draftId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** Replaces a draft's answers. */
export async function saveDraftAnswers(db: Executor, laCode: string, draftId: string, answers: object) {
  await db
    .updateTable('assessment_request_draft')
    .set({ answers: JSON.stringify(answers), updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', '=', draftId)
    .execute();
}

/** Starts a draft with its first answers. */
export async function newDraft(db: Executor, laCode: string, userId: string, answers: object) {
  await db
    .insertInto('assessment_request_draft')
    .values({ la_code: laCode, user_id: userId, answers: JSON.stringify(answers) })
    .execute();
}

/** Marks a draft sent, with the page its sender follows it on. */
export async function markDraftSent(db: Executor, laCode: string, draftId: string, caseId: string) {
  await db
    .updateTable('assessment_request_draft')
    .set({ submitted_case_id: caseId, updated_at: new Date() })
    .where('la_code', '=', laCode)
    .where('id', '=', draftId)
    .execute();
}
