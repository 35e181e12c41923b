/**
 * The demo's audit history (issue 18 item 9): 26 weeks of a service in use, so the audit log and its search read like
 * a real authority's rather than one burst at the moment the demo was seeded. Pure and deterministic, from its own
 * random stream (the rest of the demo is unchanged): on each working day up to the day before the demo's day, staff
 * sign in (from the council's network, or from home on some days), open their home page, read the records of children
 * they work with, and sometimes sign out; the changes the core histories record in those weeks (a decision to assess,
 * a plan issued, a review held, a plan amended or ended) are audited by the officer who made them, when they made them;
 * advisers and families sign in now and then to read what is theirs. Every action and record type is one the service
 * itself writes (labelled in src/platform/audit/labels.ts). `auditHistory` (src/platform/audit/history.ts) writes it,
 * refusing any entry before 1 September 2014 or after the demo's day.
 */
import type { PastAuditEntry } from '../platform/audit/history.ts';
import { addDays, dayNumber } from './dates.ts';
import type { Random } from './random.ts';

/** How far back the history goes. */
export const AUDIT_HISTORY_WEEKS = 26;

export interface AuditHistoryInput {
  readonly today: string;
  readonly users: readonly { id: string; role: string; team_id?: string | null }[];
  readonly children: readonly { id: string; lead_officer_id?: string | null }[];
  readonly caseEvents: readonly { child_id: string; at: Date; kind: string; actor_user_id?: string | null }[];
  readonly accessGrants: readonly { user_id: string; child_id: string }[];
}

/** The audit entry a change in the core history stands for (the action the service writes for it). */
const CHANGES: Readonly<Record<string, { action: string; recordType: string }>> = {
  'assessment-agreed': { action: 'assessment.decide', recordType: 'assessment_case' },
  'plan-issued': { action: 'plan.final.issue', recordType: 'ehc_plan' },
  'review-held': { action: 'review.hold', recordType: 'plan_review' },
  'plan-amended': { action: 'amendment.issue', recordType: 'ehc_plan' },
  'plan-ceased': { action: 'ceasing.decide', recordType: 'plan_cessation' },
};

const CHILD_READ = { action: 'child.read', recordType: 'child' } as const;
const PLAN_READ = { action: 'plan.read', recordType: 'child' } as const;
const ASSESSMENT_READ = { action: 'assessment.read', recordType: 'child' } as const;
const REVIEW_READ = { action: 'review.read', recordType: 'child' } as const;
const ADVICE_READ = { action: 'advice.read', recordType: 'child' } as const;
const SHARED_PLAN_READ = { action: 'plan.shared.read', recordType: 'child' } as const;
type Read = { readonly action: string; readonly recordType: string };

/** How likely each role is to use the service on a working day, and how many records they open when they do. */
const HABITS: Readonly<Record<string, { daily: number; reads: [number, number]; reading: readonly Read[] }>> =
  {
    caseworker: { daily: 0.8, reads: [0, 3], reading: [CHILD_READ, PLAN_READ, ASSESSMENT_READ, REVIEW_READ] },
    'team-manager': { daily: 0.7, reads: [0, 2], reading: [CHILD_READ, ASSESSMENT_READ, REVIEW_READ] },
    'send-leader': { daily: 0.45, reads: [0, 1], reading: [CHILD_READ, PLAN_READ] },
    administrator: { daily: 0.25, reads: [0, 0], reading: [] },
    'local-offer-editor': { daily: 0.4, reads: [0, 0], reading: [] },
    professional: { daily: 0.12, reads: [1, 2], reading: [ADVICE_READ] },
    parent: { daily: 0.08, reads: [1, 1], reading: [SHARED_PLAN_READ] },
    'young-person': { daily: 0.05, reads: [1, 1], reading: [SHARED_PLAN_READ] },
  };

/** The first page each role lands on, as the service audits it (a list of the children it showed). */
const HOME: Readonly<Record<string, { action: string; recordType: string; page: string }>> = {
  caseworker: { action: 'home.list.read', recordType: 'list', page: '/' },
  'team-manager': { action: 'assessment.list.read', recordType: 'list', page: '/assessments' },
  'send-leader': { action: 'home.list.read', recordType: 'list', page: '/' },
  professional: { action: 'advice.list.read', recordType: 'list', page: '/advice' },
};

const isWorkingDay = (day: string) => {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

const at = (day: string, minutes: number) => {
  const m = Math.min(Math.max(minutes, 0), 23 * 60 + 59);
  return new Date(
    `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`,
  );
};

/** The demo's past audit entries, oldest first (fictional documentation-range addresses, RFC 5737). */
export function buildAuditHistory(input: AuditHistoryInput, rng: Random): PastAuditEntry[] {
  const { today } = input;
  const first = addDays(today, -7 * AUDIT_HISTORY_WEEKS);
  const last = addDays(today, -1);
  const entries: PastAuditEntry[] = [];

  // Whose records each user works with: a caseworker their own children, a manager their team's, a leader anyone's,
  // an adviser or a family the children they have been given access to.
  const byOfficer = new Map<string, string[]>();
  for (const c of input.children) {
    if (!c.lead_officer_id) continue;
    const list = byOfficer.get(c.lead_officer_id) ?? [];
    list.push(c.id);
    byOfficer.set(c.lead_officer_id, list);
  }
  const byGrant = new Map<string, string[]>();
  for (const g of input.accessGrants) {
    const list = byGrant.get(g.user_id) ?? [];
    list.push(g.child_id);
    byGrant.set(g.user_id, list);
  }
  const teamOf = new Map(input.users.map((u) => [u.id, u.team_id ?? null]));
  const everyone = input.children.map((c) => c.id);
  const childrenOf = (user: AuditHistoryInput['users'][number]): string[] => {
    if (user.role === 'caseworker') return byOfficer.get(user.id) ?? [];
    if (user.role === 'team-manager') {
      return input.children
        .filter((c) => c.lead_officer_id && teamOf.get(c.lead_officer_id) === user.team_id)
        .map((c) => c.id);
    }
    if (user.role === 'send-leader') return everyone;
    return byGrant.get(user.id) ?? [];
  };

  const users = input.users.filter((u) => HABITS[u.role]);
  const theirs = new Map(users.map((u) => [u.id, childrenOf(u)]));
  for (let d = dayNumber(first); d <= dayNumber(last); d++) {
    const day = addDays(first, d - dayNumber(first));
    for (const user of users) {
      const family = user.role === 'parent' || user.role === 'young-person';
      if (!isWorkingDay(day) && !family) continue; // families look at the weekend too; staff do not
      const habit = HABITS[user.role]!;
      const urng = rng.fork(`${user.id}:${day}`);
      if (!urng.chance(habit.daily)) continue;
      const mine = theirs.get(user.id)!;
      if (habit.reading.length > 0 && mine.length === 0) continue;
      const sessionId = urng.uuid();
      const ip = family
        ? `198.51.100.${urng.int(1, 254)}`
        : urng.chance(0.7)
          ? `192.0.2.${urng.int(10, 250)}`
          : `203.0.113.${urng.int(1, 254)}`;
      let minute = family ? urng.int(7 * 60, 20 * 60) : urng.int(7 * 60 + 45, 15 * 60);
      const ctx = { userId: user.id, sessionId, ip };
      entries.push({ ...ctx, at: at(day, minute), action: 'sign-in', recordType: 'user', recordId: user.id });
      const home = HOME[user.role];
      if (home && mine.length > 0) {
        minute += urng.int(0, 1);
        const shown = urng.sample(mine, Math.min(mine.length, 25));
        entries.push({
          ...ctx,
          at: at(day, minute),
          action: home.action,
          recordType: home.recordType,
          recordId: home.page,
          childId: shown.length === 1 ? shown[0]! : null,
          detail: { children: shown },
        });
      }
      const reads = mine.length > 0 ? urng.int(habit.reads[0], habit.reads[1]) : 0;
      for (const child of urng.sample(mine, reads)) {
        minute += urng.int(2, 40);
        const read = urng.pick(habit.reading);
        entries.push({
          ...ctx,
          at: at(day, minute),
          action: read.action,
          recordType: read.recordType,
          recordId: child,
          childId: child,
        });
      }
      if (urng.chance(0.35)) {
        minute += urng.int(5, 90);
        entries.push({
          ...ctx,
          at: at(day, minute),
          action: 'sign-out',
          recordType: 'user',
          recordId: user.id,
        });
      }
    }
  }

  // The changes the children's histories record in these weeks, by the officer who made them: recorded when they
  // happened, or on the Monday after for what the history dates at a weekend.
  const crng = rng.fork('changes');
  for (const e of input.caseEvents) {
    const change = CHANGES[e.kind];
    const happened = e.at.toISOString().slice(0, 10);
    const weekday = e.at.getUTCDay();
    const day = weekday === 6 ? addDays(happened, 2) : weekday === 0 ? addDays(happened, 1) : happened;
    if (!change || !e.actor_user_id || day < first || day > last) continue;
    entries.push({
      userId: e.actor_user_id,
      sessionId: crng.uuid(),
      ip: `192.0.2.${crng.int(10, 250)}`,
      at: day === happened ? e.at : at(day, crng.int(8 * 60 + 30, 16 * 60)),
      action: change.action,
      recordType: change.recordType,
      recordId: null,
      childId: e.child_id,
      detail: { kind: e.kind },
    });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
