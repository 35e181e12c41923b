/**
 * Disagreement resolution records (statutory-work.md S12 `disagreement_resolution`; docs/register.md "Disagreement
 * resolution"; ADR 0047): the record of one disagreement resolution meeting about a child (CFA 2014 s57; not
 * mediation, which the tribunal feature keeps), who asked, the parties, the meeting, the outcome and what an agreement
 * obliges and by when. Each obligation is a task for the child's caseworker until it is done. Casework staff and
 * leaders record and read them; every write is one transaction with its audit entry and a line in the child's
 * history, and the record links the register item it came from where there is one.
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  auditContext,
  authoriseChildRead,
  CASEWORK_ROLES,
  grantKindFor,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import {
  childByReference as findChild,
  childDisplayNames,
  childWithOfficer,
  searchChildren,
} from '../../platform/people/children.ts';
import { activeOfficers } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { daysInMonth, longDate } from '../../domain/calendar.ts';
import {
  hasAgreement,
  obligationStatus,
  REQUESTER_LABELS,
  RESOLUTION_OUTCOME_LABELS,
  resolutionProblems,
  type ResolutionOutcome,
  type ResolutionRequester,
} from '../../domain/register/index.ts';
import {
  insertObligation,
  insertResolution,
  itemByReference,
  itemReferences,
  listResolutions,
  markObligationDone,
  obligationsOf,
  openObligationsOf,
  resolutionById,
  resolutionsOfChildren,
  countResolutions,
  overdueObligations,
  type ObligationRow,
  type ResolutionFilter,
  type ResolutionRow,
} from './store/resolution.ts';

const STAFF = CASEWORK_ROLES;
const FAMILY: readonly Role[] = ['parent', 'young-person'];
const LEADERS: readonly Role[] = ['team-manager', 'send-leader'];
export const RESOLUTION_PAGE_SIZE = 25;

export interface ObligationInput {
  readonly what: string;
  readonly due: string;
}

export interface ResolutionInput {
  readonly childReference: string;
  readonly itemReference?: string | undefined;
  readonly requestedBy: ResolutionRequester;
  readonly requestedOn: string;
  readonly provider: string;
  readonly parties: string;
  readonly about: string;
  readonly heldOn?: string | undefined;
  readonly outcome: ResolutionOutcome;
  readonly agreement?: string | undefined;
  readonly obligation?: ObligationInput | undefined;
}

/** A rule a record broke: shown against its field in the error summary. */
export class ResolutionError extends FieldError {}

const childName = (c: { given_name: string; preferred_name?: string | null; family_name: string }) =>
  `${c.preferred_name || c.given_name} ${c.family_name}`;

function checked(facts: Parameters<typeof resolutionProblems>[0], today: string) {
  const [problem] = resolutionProblems(facts, today);
  if (problem) throw new ResolutionError(problem.field, problem.message);
}

const factsOf = (r: ResolutionRow, obligations: readonly ObligationInput[]) => ({
  requestedOn: r.requested_on,
  heldOn: r.held_on,
  outcome: r.outcome,
  agreement: r.agreement,
  obligations,
});

export function createResolutionService(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  async function staffRecord(x: Executor, actor: Actor, id: string) {
    requireRole(actor, STAFF, paths.register.resolutionPattern);
    const r = isUuid(id) ? await resolutionById(x, actor.laCode, id) : undefined;
    if (!r) throw new NotFoundError();
    return r;
  }

  function obligationView(o: ObligationRow, today: string, officers: Map<string, string>) {
    const status = obligationStatus({ due: o.due, doneOn: o.done_on }, today);
    return {
      ...o,
      status,
      overdue: status === 'overdue',
      assignedName: o.assigned_to ? (officers.get(o.assigned_to) ?? null) : null,
    };
  }

  async function addObligation(
    ctx: ChangeContext,
    r: ResolutionRow,
    o: ObligationInput,
    assignedTo: string | null,
  ) {
    const id = await insertObligation(ctx.trx, ctx.actor.laCode, {
      resolution_id: r.id,
      child_id: r.child_id,
      what: o.what,
      due: o.due,
      assigned_to: assignedTo,
    });
    await audit(ctx.trx, auditContext(ctx.actor), {
      action: 'register.resolution.obligation.create',
      recordType: 'disagreement_resolution_obligation',
      recordId: id,
      childId: r.child_id,
      detail: { resolutionId: r.id, due: o.due, assignedTo },
    });
    await recordCaseEvent(ctx, {
      childId: r.child_id,
      kind: 'register.resolution-obligation',
      summary: `Disagreement resolution agreement: ${o.what} (by ${longDate(o.due)})`,
      detail: { resolutionId: r.id, obligationId: id, due: o.due },
    });
    return id;
  }

  return {
    /**
     * Every record the filter keeps (asked for in a period, with an outcome), newest request first, with the child,
     * the outcome and the obligations still open.
     */
    resolutions: async (actor: Actor, page: number, filter: ResolutionFilter = {}) => {
      requireRole(actor, STAFF, paths.register.resolutions);
      const today = deps.today();
      const { rows, total } = await listResolutions(db, actor.laCode, page, RESOLUTION_PAGE_SIZE, filter);
      const obligations = await obligationsOf(
        db,
        actor.laCode,
        rows.map((r) => r.id),
      );
      const shown = [];
      for (const r of rows) {
        const child = await childWithOfficer(db, actor.laCode, r.child_id);
        const own = obligations.filter((o) => o.resolution_id === r.id && !o.done_on);
        shown.push({
          ...r,
          childName: child ? childName(child) : '',
          childReference: child?.reference ?? '',
          outcomeLabel: RESOLUTION_OUTCOME_LABELS[r.outcome],
          open: own.length,
          overdue: own.filter((o) => today > o.due).length,
        });
      }
      await auditChildrenShown(
        db,
        actor,
        'register.resolution.list.read',
        paths.register.resolutions,
        rows.map((r) => r.child_id),
      );
      return {
        rows: shown,
        total,
        pages: Math.max(1, Math.ceil(total / RESOLUTION_PAGE_SIZE)),
      };
    },

    /** What agreements oblige that is past its date and not done, soonest first: the leaders' overdue count's list. */
    overdueAgreements: async (actor: Actor, page: number) => {
      requireRole(actor, STAFF, paths.register.resolutions);
      const { rows, total } = await overdueObligations(
        db,
        actor.laCode,
        deps.today(),
        page,
        RESOLUTION_PAGE_SIZE,
      );
      const shown = [];
      for (const o of rows) {
        const child = await childWithOfficer(db, actor.laCode, o.child_id);
        shown.push({
          child_id: o.child_id,
          what: o.what,
          due: o.due,
          childName: child ? childName(child) : '',
          childReference: child?.reference ?? '',
          href: paths.register.resolution(o.resolution_id),
        });
      }
      await auditChildrenShown(
        db,
        actor,
        'register.resolution.list.read',
        paths.register.resolutions,
        rows.map((o) => o.child_id),
      );
      return { rows: shown, total, pages: Math.max(1, Math.ceil(total / RESOLUTION_PAGE_SIZE)) };
    },

    /**
     * The leaders' counts of records asked for in [from, to]: by month and by outcome, each with the filter of the
     * list it counts (a month clipped to the period), and how many agreed actions are overdue today.
     */
    resolutionCounts: async (actor: Actor, from: string, to: string) => {
      requireRole(actor, LEADERS, paths.register.counts);
      const counts = await countResolutions(db, actor.laCode, from, to);
      const overdue = await overdueObligations(db, actor.laCode, deps.today(), 1, 1);
      return {
        byMonth: counts.byMonth.map((r) => {
          const [year, month] = r.key.split('-').map(Number) as [number, number];
          const first = `${r.key}-01`;
          const last = `${r.key}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
          return {
            ...r,
            label: longDate(first).replace(/^1 /, ''),
            filter: { from: first > from ? first : from, to: last < to ? last : to },
          };
        }),
        byOutcome: counts.byOutcome.map((r) => ({
          ...r,
          label: RESOLUTION_OUTCOME_LABELS[r.key as ResolutionOutcome],
          filter: { from, to, outcome: r.key as ResolutionOutcome },
        })),
        overdue: overdue.total,
      };
    },

    /** The form's child, when recording from the child's record or a register item. */
    resolutionForm: async (actor: Actor, childId: string | undefined) => {
      requireRole(actor, STAFF, paths.register.resolutionNew);
      const child =
        childId && isUuid(childId) ? await childWithOfficer(db, actor.laCode, childId) : undefined;
      return { today: deps.today(), childReference: child?.reference ?? '' };
    },

    /**
     * Records a meeting and, from an agreement, what it obliges (a task for the child's caseworker). Returns its id
     * (the first one's on a repeat of the same form).
     */
    recordResolution: (actor: Actor, input: ResolutionInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        requireRole(actor, STAFF, paths.register.resolutionNew);
        const la = actor.laCode;
        const child = await findChild(ctx.trx, la, input.childReference);
        if (!child)
          throw new ResolutionError('childReference', 'Enter the reference of a child known to the service');
        const item = input.itemReference ? await itemByReference(ctx.trx, la, input.itemReference) : null;
        if (input.itemReference && (!item || item.child_id !== child.id))
          throw new ResolutionError(
            'itemReference',
            'Enter the reference of a register item about this child, or leave it empty',
          );
        const facts = {
          requestedOn: input.requestedOn,
          heldOn: input.heldOn ?? null,
          outcome: input.outcome,
          agreement: input.agreement ?? null,
          obligations: input.obligation ? [input.obligation] : [],
        };
        checked(facts, ctx.today);
        const result = await once(ctx, formToken, async () => {
          const row = {
            child_id: child.id,
            item_id: item?.id ?? null,
            requested_by: input.requestedBy,
            requested_on: input.requestedOn,
            provider: input.provider,
            parties: input.parties,
            about: input.about,
            held_on: input.heldOn ?? null,
            outcome: input.outcome,
            agreement: hasAgreement(input.outcome) ? (input.agreement ?? null) : null,
            recorded_by: actor.userId,
          };
          const id = await insertResolution(ctx.trx, la, row);
          await audit(ctx.trx, auditContext(actor), {
            action: 'register.resolution.create',
            recordType: 'disagreement_resolution',
            recordId: id,
            childId: child.id,
            detail: { outcome: input.outcome, itemId: item?.id ?? null, requestedBy: input.requestedBy },
          });
          await recordCaseEvent(ctx, {
            childId: child.id,
            kind: 'register.resolution',
            summary: input.heldOn
              ? `Disagreement resolution meeting held on ${longDate(input.heldOn)} (${input.provider}): ${RESOLUTION_OUTCOME_LABELS[input.outcome].toLowerCase()}${item ? `, from ${item.reference}` : ''}`
              : `Disagreement resolution asked for on ${longDate(input.requestedOn)} (${input.provider}): not held${item ? `, from ${item.reference}` : ''}`,
            detail: { resolutionId: id, itemId: item?.id ?? null },
          });
          if (input.obligation)
            await addObligation(ctx, { id, ...row }, input.obligation, child.lead_officer_id);
          return id;
        });
        return result.resultId;
      }),

    /** One record with its obligations. Audited as a read of the child. */
    resolution: (actor: Actor, id: string) =>
      db.transaction().execute(async (trx) => {
        const r = await staffRecord(trx, actor, id);
        await authoriseChildRead(trx, actor, r.child_id, 'register.resolution.read');
        const today = deps.today();
        const child = await childWithOfficer(trx, actor.laCode, r.child_id);
        const officers = new Map(
          (await activeOfficers(trx, actor.laCode)).map((o) => [o.id, o.display_name]),
        );
        const item = r.item_id ? (await itemReferences(trx, actor.laCode, [r.item_id])).get(r.item_id) : null;
        return {
          today,
          record: {
            ...r,
            requesterLabel: REQUESTER_LABELS[r.requested_by],
            outcomeLabel: RESOLUTION_OUTCOME_LABELS[r.outcome],
            agreed: hasAgreement(r.outcome),
          },
          child: child ? { id: child.id, name: childName(child), reference: child.reference } : null,
          item: item && r.item_id ? { id: r.item_id, reference: item } : null,
          obligations: (await obligationsOf(trx, actor.laCode, [r.id])).map((o) =>
            obligationView(o, today, officers),
          ),
        };
      }),

    /** Adds something the agreement obliges, by a date, as a task for the child's caseworker. */
    addResolutionObligation: (
      actor: Actor,
      id: string,
      input: ObligationInput,
      formToken: string | undefined,
    ) =>
      change(actor, async (ctx) => {
        const r = await staffRecord(ctx.trx, actor, id);
        checked(factsOf(r, [input]), ctx.today);
        const child = await childWithOfficer(ctx.trx, actor.laCode, r.child_id);
        const result = await once(ctx, formToken, () =>
          addObligation(ctx, r, input, child?.lead_officer_id ?? null),
        );
        return result.resultId;
      }),

    /** An obligation done: when, and what was done. A second tab's "done" changes nothing. */
    resolutionObligationDone: (actor: Actor, id: string, obligationId: string, note: string) =>
      change(actor, async (ctx) => {
        const r = await staffRecord(ctx.trx, actor, id);
        const obligation = isUuid(obligationId)
          ? (await obligationsOf(ctx.trx, actor.laCode, [r.id])).find((o) => o.id === obligationId)
          : undefined;
        if (!obligation) throw new NotFoundError();
        if (!(await markObligationDone(ctx.trx, actor.laCode, obligation.id, ctx.today, note))) return;
        await audit(ctx.trx, auditContext(actor), {
          action: 'register.resolution.obligation.done',
          recordType: 'disagreement_resolution_obligation',
          recordId: obligation.id,
          childId: r.child_id,
          detail: { resolutionId: r.id, on: ctx.today, due: obligation.due },
        });
        await recordCaseEvent(ctx, {
          childId: r.child_id,
          kind: 'register.resolution-obligation-done',
          summary: `Disagreement resolution agreement done on ${longDate(ctx.today)}: ${obligation.what}`,
          detail: { resolutionId: r.id, obligationId: obligation.id },
        });
      }),

    /**
     * The records about a family's own children (those they hold a live grant for), newest first, with what each
     * agreement obliges and whether it is done: what the family may see (no notes for staff: who took part, what it
     * was about as staff wrote it, who is assigned, what was done). Audited as the children shown.
     */
    familyResolutions: async (actor: Actor) => {
      requireRole(actor, FAMILY, paths.register.family);
      const kind = grantKindFor(actor.role);
      const children = kind
        ? (
            await searchChildren(db, {
              laCode: actor.laCode,
              grantedTo: { userId: actor.userId, kind },
              page: 1,
              pageSize: 100,
            })
          ).rows
        : [];
      const names = new Map(children.map((c) => [c.id, `${c.given_name} ${c.family_name}`]));
      const rows = await resolutionsOfChildren(db, actor.laCode, [...names.keys()]);
      const obligations = await obligationsOf(
        db,
        actor.laCode,
        rows.map((r) => r.id),
      );
      await auditChildrenShown(
        db,
        actor,
        'register.resolution.family.read',
        paths.register.family,
        rows.map((r) => r.child_id),
      );
      const today = deps.today();
      return rows.map((r) => ({
        id: r.id,
        childName: names.get(r.child_id) ?? '',
        requestedOn: r.requested_on,
        provider: r.provider,
        heldOn: r.held_on,
        outcome: r.outcome,
        agreement: r.agreement,
        obligations: obligations
          .filter((o) => o.resolution_id === r.id)
          .map((o) => ({
            what: o.what,
            due: o.due,
            doneOn: o.done_on,
            status: obligationStatus({ due: o.due, doneOn: o.done_on }, today),
          })),
      }));
    },

    /** A caseworker's open obligations from agreements, soonest first, for their first screen. */
    resolutionTasksFor: async (actor: Actor) => {
      if (!STAFF.includes(actor.role)) return [];
      const today = deps.today();
      const obligations = await openObligationsOf(db, actor.laCode, actor.userId);
      // The children's names in one query, not a read of each child (issue 20).
      const names = await childDisplayNames(
        db,
        actor.laCode,
        obligations.map((o) => o.child_id),
      );
      return obligations.map((o) => {
        const child = names.get(o.child_id);
        return {
          child_id: o.child_id,
          what: o.what,
          due: o.due,
          childName: child ? childName(child) : '',
          href: paths.register.resolution(o.resolution_id),
          overdue: today > o.due,
        };
      });
    },
  };
}
