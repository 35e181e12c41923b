/**
 * Moving the work of an officer who is leaving (issue 18 item 5). The manager chooses the leaver and who receives
 * their work, sees what will move on a confirmation page, and confirms. Then, in one transaction: every child the
 * leaver holds (named officer, or caseworker of an open assessment) goes to one receiver with the child's open
 * assessments (the rule is the domain's shareOutLeaversWork), each child's history says so, each family is told
 * who their new contact is, and one audit entry records the move.
 */
import { auditContext, isUuid, requireRole, type Actor } from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import {
  childNames,
  childrenLedBy,
  childrenLedCounts,
  setLeadOfficer,
} from '../../platform/people/children.ts';
import { authorityOf, officerContact } from '../../platform/people/users.ts';
import { shareOutLeaversWork } from '../../domain/assessment/leaver.ts';
import { openCaseCounts, openCasesOf, reassignCases } from './store.ts';
import { JourneyError, MANAGERS, notifyFamily } from './case-support.ts';

type Officer = NonNullable<Awaited<ReturnType<typeof officerContact>>>;

export interface LeaverMove {
  readonly from: Officer;
  readonly receivers: ReadonlyArray<Officer & { children: number; assessments: number }>;
  /** Child id to receiving officer id, with the leaver's open assessments of each child. */
  readonly given: ReadonlyMap<string, string>;
  readonly casesByChild: ReadonlyMap<string, readonly string[]>;
  readonly children: number;
  readonly assessments: number;
}

/** Works out what would move (nothing changes): the confirmation page shows it, and the move does it. */
export async function planLeaverMove(
  db: Executor,
  actor: Actor,
  fromOfficerId: string,
  toOfficerIds: readonly string[],
): Promise<LeaverMove> {
  requireRole(actor, MANAGERS, 'assessment.move-all');
  const from = isUuid(fromOfficerId) ? await officerContact(db, actor.laCode, fromOfficerId) : undefined;
  if (!from) throw new JourneyError('from', 'Select the officer who is leaving');
  const chosen: Officer[] = [];
  for (const id of new Set(toOfficerIds)) {
    if (id === from.id) throw new JourneyError('to', 'Choose officers other than the one who is leaving');
    const officer = isUuid(id) ? await officerContact(db, actor.laCode, id) : undefined;
    if (!officer?.active) throw new JourneyError('to', 'Select officers from the list');
    chosen.push(officer);
  }
  if (!chosen.length) throw new JourneyError('to', 'Select at least one officer to receive the work');
  const ids = chosen.map((o) => o.id);
  const [cases, led, openCounts, childCounts] = await Promise.all([
    openCasesOf(db, actor.laCode, from.id),
    childrenLedBy(db, actor.laCode, from.id),
    openCaseCounts(db, actor.laCode, ids),
    childrenLedCounts(db, actor.laCode, ids),
  ]);
  const casesByChild = new Map<string, string[]>();
  for (const c of cases) casesByChild.set(c.child_id, [...(casesByChild.get(c.child_id) ?? []), c.id]);
  const given = shareOutLeaversWork(
    [
      ...[...casesByChild].map(([childId, open]) => ({ childId, openAssessments: open.length })),
      ...led.map((c) => ({ childId: c.id, openAssessments: 0 })),
    ],
    chosen.map((o) => ({
      id: o.id,
      openAssessments: openCounts.get(o.id)!,
      children: childCounts.get(o.id)!,
    })),
  );
  const receivers = chosen.map((o) => {
    const mine = [...given].filter(([, to]) => to === o.id).map(([child]) => child);
    return {
      ...o,
      children: mine.length,
      assessments: mine.reduce((n, child) => n + (casesByChild.get(child)?.length ?? 0), 0),
    };
  });
  if (!given.size)
    throw new JourneyError('from', `${from.display_name} holds no children or open assessments`);
  return { from, receivers, given, casesByChild, children: given.size, assessments: cases.length };
}

/** Moves the leaver's work as planned, tells each family, and returns the plan (for the page that says so). */
export async function moveLeaversWork(
  ctx: ChangeContext,
  fromOfficerId: string,
  toOfficerIds: readonly string[],
): Promise<LeaverMove> {
  const { trx, actor } = ctx;
  const move = await planLeaverMove(trx, actor, fromOfficerId, toOfficerIds);
  const authority = await authorityOf(trx, actor.laCode);
  const names = await childNames(trx, actor.laCode, [...move.given.keys()]);
  for (const r of move.receivers) {
    const children = [...move.given].filter(([, to]) => to === r.id).map(([child]) => child);
    if (!children.length) continue;
    await reassignCases(
      trx,
      actor.laCode,
      children.flatMap((c) => move.casesByChild.get(c) ?? []),
      r.id,
    );
    await setLeadOfficer(trx, actor.laCode, children, r.id);
    for (const childId of children) {
      const name = names.get(childId)!;
      const child = `${name.given_name} ${name.family_name}`;
      const caseIds = move.casesByChild.get(childId) ?? [];
      await recordCaseEvent(ctx, {
        childId,
        kind: caseIds.length ? 'assessment-reallocated' : 'named-officer-changed',
        summary: `Named officer changed from ${move.from.display_name} to ${r.display_name} (${move.from.display_name} is leaving)`,
        detail: { caseIds, officerId: r.id, previousOfficerId: move.from.id },
      });
      await notifyFamily(ctx, { child_id: childId }, 'named-officer-changed', {
        child,
        officer: r.display_name,
        officerEmail: r.email,
        previous: move.from.display_name,
        team: r.team_name ?? 'the SEND team',
        teamPhone: r.team_phone ?? authority.team_phone,
        teamEmail: r.team_email ?? authority.team_email,
      });
    }
  }
  await audit(trx, auditContext(actor), {
    action: 'assessment.move-all',
    recordType: 'app_user',
    recordId: move.from.id,
    detail: {
      children: move.children,
      assessments: move.assessments,
      to: move.receivers.map((r) => ({ id: r.id, children: r.children, assessments: r.assessments })),
    },
  });
  return move;
}
