/**
 * What every part of the amendments service shares: who may read and change amendments, the form error a refused
 * change shows, an amendment's facts for the review rules (src/domain/review), and the steps' common moves (the
 * amendment and its plan for a change, a rule's warnings or refusal, a plan rule's refusal as a form error, the audit).
 */
import { auditContext, CASEWORK_ROLES, isUuid, requireRole } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { FieldError as FormFieldError } from '../../platform/web/forms.ts';
import type {
  AmendmentCheck,
  AmendmentFacts,
  AmendmentLateness,
  FieldError,
} from '../../domain/review/index.ts';
import { planForAmendment, PlanError } from '../plans/index.ts';
import { amendmentById, type AmendmentRow } from './store.ts';

export const AMENDMENT_READERS: readonly Role[] = CASEWORK_ROLES;
export const AMENDMENT_EDITORS: readonly Role[] = ['caseworker', 'team-manager'];
/** Who may read the notice of a proposal besides staff: the plans feature checks they are the child's. */
export const NOTICE_READERS: readonly Role[] = ['parent', 'young-person', 'professional'];

/** A rule refused the change: shown as the GOV.UK error summary, with the input kept. */
export class AmendmentFormError extends FormFieldError {
  readonly errors: readonly FieldError[];
  constructor(errors: readonly FieldError[]) {
    super(errors[0]?.field ?? 'form', errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

export function factsOf(r: AmendmentRow): AmendmentFacts {
  return {
    trigger: r.trigger,
    meeting: r.meeting_date,
    started: r.started_on,
    proposalSent: r.proposal_sent,
    amendedIssued: r.amended_issued,
    notAmended: r.not_amended_on,
  };
}

export function ensure(result: AmendmentCheck): readonly AmendmentLateness[] {
  if (!result.ok) throw new AmendmentFormError(result.errors);
  return result.warnings;
}

/** A plan rule's refusal, as this feature's form error. */
export async function asForm<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof PlanError) throw new AmendmentFormError([{ field: e.field, message: e.message }]);
    throw e;
  }
}

/** The amendment and its plan, for a change: 404 when it is not of the actor's authority. */
export async function amendmentFor(ctx: ChangeContext, amendmentId: string, action: string) {
  requireRole(ctx.actor, AMENDMENT_EDITORS, action);
  if (!isUuid(amendmentId)) throw new NotFoundError();
  const row = await amendmentById(ctx.trx, ctx.actor.laCode, amendmentId);
  if (!row) throw new NotFoundError();
  const plan = await planForAmendment(ctx.trx, ctx.actor, row.plan_id, ctx.today);
  return { row, plan };
}

export const changeAudit = async (ctx: ChangeContext, row: AmendmentRow, action: string, detail = {}) =>
  audit(ctx.trx, auditContext(ctx.actor), {
    action,
    recordType: 'plan_amendment',
    recordId: row.id,
    childId: row.child_id,
    detail: { planId: row.plan_id, ...detail },
  });
