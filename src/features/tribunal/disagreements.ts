/**
 * The staff's disagreements: recording one from a letter (the decision and when the family contacted the adviser),
 * every disagreement of the authority, one disagreement's page, a caseworker's open dates on their first screen
 * (`tasksFor`), and the child's record's "Mediation and appeals" section.
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  auditContext,
  authoriseChildRead,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { once } from '../../platform/change/once.ts';
import {
  childByReference as findChild,
  childWithOfficer,
  searchChildren,
} from '../../platform/people/children.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import { appealDeadline, BANK_HOLIDAYS_FIRST_YEAR } from '../../domain/clock/index.ts';
import { decisionPhrase, factsProblem, type DecisionKind } from '../../domain/tribunal/index.ts';
import { childName, EARLIEST_DECISION, STAFF, TribunalError, type TribunalContext } from './service.ts';
import { disagreementChildIds, disagreementsOf, insertDisagreement } from './store.ts';

type Child = NonNullable<Awaited<ReturnType<typeof childWithOfficer>>>;

export interface NewDisagreement {
  readonly childReference: string;
  readonly decisionKind: DecisionKind;
  readonly decisionSent: string;
  readonly adviserContacted?: string | undefined;
}

async function childByReference(x: Executor, laCode: string, reference: string): Promise<Child> {
  const child = await findChild(x, laCode, reference);
  if (!child)
    throw new TribunalError('childReference', 'Enter the reference of a child known to the service');
  return child;
}

/** The staff's pages, their recording of a disagreement, their first screen's dates and the child's record's section. */
export function disagreementParts(s: TribunalContext) {
  const { db, deps, change, staffRow, viewsOf, event } = s;
  return {
    /** Every disagreement of the authority, open ones first (late first), with the child's name. */
    list: async (actor: Actor, filter: { status?: 'open' | 'closed' | undefined }) => {
      requireRole(actor, STAFF, paths.tribunal.list);
      const today = deps.today();
      const rows = await disagreementsOf(db, actor.laCode);
      const views = (await viewsOf(db, actor.laCode, rows, today)).filter((v) =>
        filter.status === 'closed' ? v.closed : filter.status === 'open' ? !v.closed : true,
      );
      const names = new Map<string, { name: string; reference: string }>();
      for (const id of new Set(views.map((v) => v.child_id))) {
        const c = await childWithOfficer(db, actor.laCode, id);
        if (c) names.set(id, { name: childName(c), reference: c.reference });
      }
      views.sort((a, b) => Number(a.closed) - Number(b.closed) || b.lateCount - a.lateCount);
      const rowsShown = views.map((v) => ({ ...v, child: names.get(v.child_id) ?? null }));
      await auditChildrenShown(
        db,
        actor,
        'tribunal.list.read',
        paths.tribunal.list,
        rowsShown.map((v) => v.child_id),
      );
      return { today, rows: rowsShown };
    },

    /** The staff form's child, when recording from the child's record. */
    recordForm: async (actor: Actor, childId: string | undefined) => {
      requireRole(actor, STAFF, paths.tribunal.new);
      const child =
        childId && isUuid(childId) ? await childWithOfficer(db, actor.laCode, childId) : undefined;
      return { child: child ? { id: child.id, name: childName(child), reference: child.reference } : null };
    },

    /** Records a disagreement from a letter: the decision and (if known) when the family contacted the adviser. */
    record: (actor: Actor, input: NewDisagreement, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        requireRole(actor, STAFF, paths.tribunal.new);
        if (input.decisionSent > ctx.today)
          throw new TribunalError(
            'decisionSent',
            'The date the decision was sent must be today or in the past',
          );
        // The clock holds bank holidays from 2012: an earlier decision's appeal date cannot be worked out.
        if (input.decisionSent < EARLIEST_DECISION)
          throw new TribunalError(
            'decisionSent',
            `The date the decision was sent must be in ${BANK_HOLIDAYS_FIRST_YEAR} or later`,
          );
        const problem = factsProblem(
          { decisionSent: input.decisionSent, adviserContacted: input.adviserContacted ?? null },
          ctx.today,
        );
        if (problem) throw new TribunalError(problem.field, problem.message);
        const child = await childByReference(ctx.trx, actor.laCode, input.childReference);
        const result = await once(ctx, formToken, async () => {
          const id = await insertDisagreement(ctx.trx, actor.laCode, {
            childId: child.id,
            decisionKind: input.decisionKind,
            decisionSent: input.decisionSent,
            recordedBy: actor.userId,
            adviser_contacted_on: input.adviserContacted ?? null,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'tribunal.disagreement.create',
            recordType: 'disagreement',
            recordId: id,
            childId: child.id,
            detail: { decisionKind: input.decisionKind, decisionSent: input.decisionSent },
          });
          const appeal = appealDeadline(input.decisionSent);
          await event(
            ctx,
            child.id,
            'tribunal.disagreement',
            `The family disagrees with the decision sent on ${longDate(input.decisionSent)} (${decisionPhrase(input.decisionKind)}); last day to appeal ${longDate(appeal.date)}`,
            { disagreementId: id },
          );
          return id;
        });
        return result.resultId;
      }),

    /** One disagreement for staff, with every date. Audited as a read of the child. */
    page: (actor: Actor, id: string) =>
      db.transaction().execute(async (trx) => {
        const row = await staffRow({ trx, actor }, id);
        await authoriseChildRead(trx, actor, row.child_id, 'tribunal.read');
        const child = await childWithOfficer(trx, actor.laCode, row.child_id);
        const today = deps.today();
        const [view] = await viewsOf(trx, actor.laCode, [row], today);
        return {
          today,
          d: view!,
          child: child ? { id: child.id, name: childName(child), reference: child.reference } : null,
        };
      }),
    /**
     * A caseworker's first screen: the council's open dates in the disagreements of the children they lead
     * (after an order, concession or agreement, mediation and the response), soonest first, late marked.
     */
    tasksFor: async (actor: Actor) => {
      if (!STAFF.includes(actor.role)) return [];
      const today = deps.today();
      const mine = await searchChildren(db, {
        laCode: actor.laCode,
        officer: actor.userId,
        among: disagreementChildIds(db, actor.laCode),
        page: 1,
        pageSize: 200,
      });
      if (!mine.rows.length) return [];
      const names = new Map(mine.rows.map((c) => [c.id, `${c.given_name} ${c.family_name}`]));
      const views = await viewsOf(
        db,
        actor.laCode,
        await disagreementsOf(db, actor.laCode, [...names.keys()]),
        today,
      );
      return views
        .flatMap((v) =>
          v.steps
            // Once an appeal is registered, the mediation's dates no longer lead anywhere: only the response and
            // what follows an order or concession are the council's work.
            .filter(
              (s) =>
                s.owner === 'local-authority' &&
                s.completed === null &&
                !s.excused &&
                (!v.appeal_registered_on || s.compliance || s.id === 'response') &&
                !(s.id === 'response' && v.outcome),
            )
            .map((s) => ({
              child_id: v.child_id,
              childName: names.get(v.child_id) ?? '',
              label: s.label,
              due: s.due,
              rule: s.source,
              late: s.late,
              href: paths.tribunal.show(v.id),
            })),
        )
        .sort((a, b) => a.due.localeCompare(b.due));
    },
    /** The child's record: the child's disagreements, each with where it stands (staff; null for anyone else). */
    childSection: async (x: Executor, actor: Actor, childId: string) => {
      if (!STAFF.includes(actor.role)) return null;
      const views = await viewsOf(
        x,
        actor.laCode,
        await disagreementsOf(x, actor.laCode, [childId]),
        deps.today(),
      );
      if (!views.length) return null;
      return {
        heading: 'Mediation and appeals',
        lines: views.map((v) => ({
          text: `${v.decisionLabel}, sent ${longDate(v.decision_sent)}: ${v.stateLabel.toLowerCase()}${v.lateCount ? ` (${v.lateCount} late)` : ''}`,
          href: paths.tribunal.show(v.id),
        })),
      };
    },
  };
}
