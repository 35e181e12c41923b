/**
 * Mediation and the tribunal (statutory-work.md S7; docs/tribunal.md): a family's disagreement with an appealable
 * decision, recorded by staff from the letters they receive (the family's contact with the mediation adviser, the
 * certificate, mediation, agreements, the appeal, the council's response, the hearing, the order or concession).
 * Every date is computed by the clock (src/domain/tribunal) from these facts and never stored; the council's dates
 * after an order, concession or agreement are on the caseworker's first screen and the family's page, marked late
 * with their rule when missed. Access is decided here; every write is one transaction with its audit entry and the
 * child's history.
 *
 * The work is in the files beside it: what every page shows (view.ts); the staff's disagreements, their first
 * screen's dates and the child's record (disagreements.ts); mediation and its agreements (mediation.ts); the appeal
 * (appeal.ts); the council's dates after an order, concession or agreement (compliance.ts); the family's page
 * (family.ts). This file keeps the factory and what they share: the roles, the earliest decision, the feature's
 * error, finding a disagreement for staff, the views of disagreements and the child's history.
 */
import type { Actor } from '../../platform/access/access.ts';
import { CASEWORK_ROLES, isUuid, requireRole } from '../../platform/access/access.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { BANK_HOLIDAYS_FIRST_YEAR } from '../../domain/clock/index.ts';
import { appealParts } from './appeal.ts';
import { complianceParts } from './compliance.ts';
import { disagreementParts } from './disagreements.ts';
import { familyParts } from './family.ts';
import { mediationParts } from './mediation.ts';
import { agreementsOf, disagreementById, doneOf, exceptionsOf, type DisagreementRow } from './store.ts';
import { disagreementView } from './view.ts';

/** Who records and reads disagreements: casework staff and leaders. */
export const STAFF: readonly Role[] = CASEWORK_ROLES;
/** Who sees their own child's. */
export const FAMILY: readonly Role[] = ['parent', 'young-person'];

/** The earliest decision whose dates the clock can work out (its bank holidays start in 2012). */
export const EARLIEST_DECISION = `${BANK_HOLIDAYS_FIRST_YEAR}-01-01`;

/** A rule a form broke: shown against its field in the error summary. */
export class TribunalError extends FieldError {}

export const childName = (c: { given_name: string; preferred_name?: string | null; family_name: string }) =>
  `${c.preferred_name || c.given_name} ${c.family_name}`;

/** What every part of the service shares: the change runner, a disagreement for staff, views, the child's history. */
function tribunalContext(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  async function staffRow(ctx: { trx: ChangeContext['trx']; actor: Actor }, id: string) {
    requireRole(ctx.actor, STAFF, paths.tribunal.list);
    const row = isUuid(id) ? await disagreementById(ctx.trx, ctx.actor.laCode, id) : undefined;
    if (!row) throw new NotFoundError();
    return row;
  }

  async function viewsOf(
    x: ChangeContext['trx'] | typeof db,
    laCode: string,
    rows: DisagreementRow[],
    today: string,
  ) {
    const ids = rows.map((r) => r.id);
    const agreements = await agreementsOf(x, laCode, ids);
    const done = await doneOf(x, laCode, ids);
    const exceptions = await exceptionsOf(x, laCode, ids);
    return rows.map((r) => disagreementView(r, agreements, done, today, exceptions));
  }

  const event = (
    ctx: ChangeContext,
    childId: string,
    kind: string,
    summary: string,
    detail: Record<string, unknown>,
  ) => recordCaseEvent({ trx: ctx.trx, actor: ctx.actor }, { childId, kind, summary, detail });

  return { deps, db, change, staffRow, viewsOf, event };
}
export type TribunalContext = ReturnType<typeof tribunalContext>;

export function createTribunalService(deps: ServiceDeps) {
  const s = tribunalContext(deps);
  return {
    ...disagreementParts(s),
    ...mediationParts(s),
    ...appealParts(s),
    ...complianceParts(s),
    ...familyParts(s),
  };
}

export type TribunalService = ReturnType<typeof createTribunalService>;
