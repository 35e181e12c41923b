/**
 * What the consultation files share: who records preferences and sends consultations, the list's page size, the
 * feature's form error, what a school is sent (in words), and the look-ups and history entry every part uses.
 */
import type { Actor } from '../../platform/access/access.ts';
import { isUuid } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { recordCaseEvent, type CaseEvent } from '../../platform/people/case-events.ts';
import { childWithOfficer } from '../../platform/people/children.ts';
import { settingsByIds } from '../../platform/people/settings.ts';
import { FieldError } from '../../platform/web/forms.ts';

/** Who records preferences, sends consultations and records refusals. */
export const STAFF: readonly Role[] = ['caseworker', 'team-manager'];

export const PAGE_SIZE = 25;

/** A rule of consultation was broken: shown against its field in the error summary. */
export class ConsultationError extends FieldError {}

/** What a school is sent, in words (the history and the school's page). */
export const DRAFT_DOCUMENT = 'the draft plan and the advice';
export const PROPOSAL_DOCUMENT = 'the proposed amendments to the plan and the advice';
export const PLAN_DOCUMENT = 'the plan in force and the advice';

export const childName = (c: { given_name: string; preferred_name: string | null }) =>
  c.preferred_name || c.given_name;

/**
 * Records the case's history. The journey's changes (the draft, the request) reach here with their transaction typed
 * as an executor; it is always their transaction.
 */
export const event = (trx: Executor, actor: Actor, e: CaseEvent) => recordCaseEvent({ trx, actor }, e);

export async function childOf(db: Executor, laCode: string, childId: string) {
  const child = await childWithOfficer(db, laCode, childId);
  if (!child) throw new NotFoundError();
  return child;
}

export async function registerSetting(db: Executor, laCode: string, settingId: string | undefined) {
  const setting =
    settingId && isUuid(settingId)
      ? (await settingsByIds(db, laCode, [settingId])).get(settingId)
      : undefined;
  if (!setting) throw new ConsultationError('settingId', 'Choose a school, college or nursery from the list');
  return setting;
}
