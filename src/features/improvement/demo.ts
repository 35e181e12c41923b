/**
 * The demo authority's improvement plan: the fictional plan in src/domain/improvement/fixtures/demo-plan.csv, moved in
 * time so that it sits around the demo's "today", with its governance groups, owners linked to demo staff and about a
 * year of progress updates and evidence, so that every view and flag shows something. Deterministic: a seeded
 * generator (src/demo/random.ts), never Math.random or the clock. Job titles only; no real people.
 */
import { readFileSync } from 'node:fs';
import type { Executor } from '../../platform/audit/audit.ts';
import type { BragStatus, EvidenceKind, GroupKind, ReportAudience } from '../../platform/db/schema/index.ts';
import { parsePlanCsv } from '../../domain/improvement/csv-import.ts';
import type { PlanAction } from '../../domain/improvement/types.ts';
import { suggestFigure } from '../../domain/figures/index.ts';
import { daysInMonth } from '../../domain/calendar.ts';
import { DEFAULT_TODAY } from '../../demo/build.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import type { Random } from '../../demo/random.ts';
import { addDays } from './compute.ts';
import { userIdsByEmail } from '../../platform/people/users.ts';
import { createImprovementPlanStore, insertUpdate, nameFiguresOfPlan } from './store.ts';

const FIXTURE = new URL('../../domain/improvement/fixtures/demo-plan.csv', import.meta.url);

/** The plan was written as of this date; the demo moves it so that this month is the demo's current month. */
const WRITTEN_AS_OF = '2022-11-15';

export const DEMO_PLAN_TITLE = 'Written statement of action';

/** Fictional inspection findings for each area (written for this project). */
const FINDINGS: Record<string, string> = {
  '1': 'Leaders across the partnership describe different priorities. Families say services do not talk to each other, so they have to tell their story many times.',
  '2': "Leaders' view of how well the area is doing is more positive than the evidence supports. Families' views are not used when leaders judge their work.",
  '3': 'Parents and carers are consulted late, after decisions are made. The parent carer forum is not an equal partner in planning.',
  '4': 'Many caseworkers and therapists are new or agency staff. Families lose contact with the person who knows their child.',
  '5': 'Too few education, health and care plans are issued within 20 weeks. Waits for speech and language therapy and for neurodevelopmental assessment are long.',
  '6': 'Children with SEND are excluded more often than their peers. Too many are on part-time timetables or missing education.',
  '7': 'Planning for adulthood starts late. Young people and families do not know what options there are after school.',
  '8': 'Schools identify needs in different ways. Early help for children without a plan is hard to find and varies by school.',
};

const WORKSTREAMS: Array<{ area: string; name: string; lead: string }> = [
  { area: '1', name: 'Workstream 1: leadership and culture', lead: "Director of Children's Services" },
  { area: '2', name: 'Workstream 2: self-evaluation', lead: 'Head of performance and analysis' },
  { area: '3', name: 'Workstream 3: co-production', lead: 'Co-production lead' },
  { area: '4', name: 'Workstream 4: workforce', lead: 'Workforce development manager' },
  { area: '5', name: 'Workstream 5: assessment and therapies', lead: 'EHC assessment team manager' },
  { area: '6', name: 'Workstream 6: inclusion', lead: 'Head of SEND and Inclusion' },
  { area: '7', name: 'Workstream 7: preparing for adulthood', lead: 'Preparing for adulthood lead' },
  {
    area: '8',
    name: 'Workstream 8: identification and early help',
    lead: 'Principal educational psychologist',
  },
];

interface Member {
  title: string;
  email?: string;
  role?: 'chair' | 'lead' | 'member';
}

const BOARD: Member[] = [
  { title: 'Independent chair of the SEND improvement board', role: 'chair' },
  { title: "Director of Children's Services" },
  { title: 'Head of SEND', email: 'leader@demo.example' },
  { title: 'Associate director of commissioning, integrated care board' },
  { title: 'Designated Clinical Officer' },
  { title: 'Parent carer forum vice lead' },
  { title: 'Parent carer forum chair' },
  { title: 'Department for Education SEND adviser' },
  { title: 'NHS England SEND adviser' },
  { title: 'Headteacher representative, primary schools' },
];

const PROGRAMME_GROUP: Member[] = [
  { title: 'Head of SEND', email: 'leader@demo.example', role: 'chair' },
  { title: 'SEND programme manager' },
  { title: 'EHC assessment team manager', email: 'manager@demo.example' },
  { title: 'Head of performance and analysis' },
  { title: 'Parent carer forum vice lead' },
  { title: 'Co-production lead' },
  { title: 'Designated Clinical Officer' },
];

/** Owners, by the job title the plan gives, who are demo staff. */
const OWNER_ACCOUNTS: Record<string, string> = {
  'head of send': 'leader@demo.example',
  'head of send and inclusion': 'leader@demo.example',
  'ehc assessment team manager': 'manager@demo.example',
};

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/** Moves a date by whole months; a month's last day stays its last day, any other day is kept (or clamped). */
export function shiftMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const wasLast = day === daysInMonth(year, month);
  const index = year * 12 + month - 1 + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = wasLast ? daysInMonth(y, m) : Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

const PROGRESS_NOTES = [
  'Task and finish group met; actions agreed and shared with the programme group.',
  'Draft shared with the parent carer forum for comment; feedback received and being worked through.',
  'Work is on schedule. Next milestone agreed at the programme group.',
  'Partners have signed off the approach. Delivery has started in two localities.',
  'Progress reported to the board. Families involved in testing the changes.',
  'Data reviewed with the performance team; early signs of improvement.',
];
const RISK_NOTES = [
  'Recruitment delays have slowed this work. A recovery plan is agreed with the programme group.',
  'Capacity in the team is stretched. Work re-phased and reported to the board.',
];
const HIGH_RISK_NOTES = [
  'Funding for this action is not yet agreed between partners. Escalated to the improvement board.',
  'Still blocked: escalated to the chief executives of both partners.',
];

interface EvidencePlan {
  kind: EvidenceKind;
  description: string;
  url?: string;
  meeting?: string;
  meetingDate?: string;
  indicatorName?: string;
  indicatorValue?: number;
  fileName?: string;
  contentType?: string;
  content?: Uint8Array;
}

function evidenceFor(action: PlanAction, date: string, rng: Random): EvidencePlan {
  const types = action.evidenceTypes;
  const kind = types.length > 0 ? rng.pick(types) : 'Voice';
  switch (kind) {
    case 'Minutes':
      return {
        kind: 'minutes',
        description: `Board agreed the outcome of action ${action.ref}`,
        meeting: 'SEND improvement board',
        meetingDate: date,
      };
    case 'PI':
      return {
        kind: 'indicator',
        description: `Performance indicator for action ${action.ref} reported to the board`,
        indicatorName: rng.pick([
          'New EHC plans issued within 20 weeks (%)',
          'Families who say they were listened to (%)',
          'Children waiting over 18 weeks for therapy',
          'Annual reviews completed within 12 months (%)',
        ]),
        indicatorValue: rng.int(35, 92),
      };
    case 'Audit': {
      const text = `Audit of action ${action.ref}\r\nSample checked: ${rng.int(20, 60)} cases.\r\nFinding: improvement seen in most cases.\r\n`;
      return {
        kind: 'file',
        description: `Audit report for action ${action.ref}`,
        fileName: `audit-${action.ref.replace(/\s+/g, '')}.txt`,
        contentType: 'text/plain',
        content: new TextEncoder().encode(text),
      };
    }
    case 'Review':
      return {
        kind: 'link',
        description: `Published review for action ${action.ref}`,
        url: `https://www.example.org/send-improvement/review-${action.ref.replace(/\s+/g, '').toLowerCase()}`,
      };
    default:
      return {
        kind: 'text',
        description: `Feedback from ${rng.int(12, 140)} families and young people about action ${action.ref}, summarised by the parent carer forum`,
      };
  }
}

export interface ImprovementDemoOptions {
  laCode: string;
  /** The demo's today, 'YYYY-MM-DD' (default the demo generator's fixed date). */
  today?: string | undefined;
  seed?: number;
}

/**
 * Seeds the demo authority's improvement plan inside the caller's transaction. Does nothing if a plan with the demo
 * title already exists, so seeding twice is harmless. Resolves to the plan's id.
 */
export async function seedImprovementDemo(db: Executor, options: ImprovementDemoOptions): Promise<string> {
  const { laCode } = options;
  const today = options.today ?? DEFAULT_TODAY;
  const existing = await db
    .selectFrom('improvement_plan')
    .select('id')
    .where('la_code', '=', laCode)
    .where('title', '=', DEMO_PLAN_TITLE)
    .executeTakeFirst();
  if (existing) return existing.id;

  const rng = createRandom(options.seed ?? hashString('goldthread-improvement-demo'));
  const ids = rng.fork('ids');
  const newId = () => ids.uuid();
  const shift = monthIndex(today) - monthIndex(WRITTEN_AS_OF);
  const parsed = parsePlanCsv(readFileSync(FIXTURE, 'utf8'));
  const actions: Array<PlanAction & { target: BragStatus }> = parsed.actions.map((a) => ({
    ...a,
    start: a.start === null ? null : shiftMonths(a.start, shift),
    end: a.end === null ? null : shiftMonths(a.end, shift),
    target: a.status,
    // The plan as written: nothing had started. The updates below bring each action to its status today.
    status: 'not-started',
  }));
  const planStart = addDays(today, -400);
  const planId = await createImprovementPlanStore(db, {
    laCode,
    title: DEMO_PLAN_TITLE,
    kind: 'written-statement-of-action',
    createdBy: null,
    audit: { laCode, userId: null, sessionId: null, ip: null },
    published: true,
    newId,
    createdAt: new Date(`${planStart}T09:00:00Z`),
  }).savePlan({ areas: parsed.areas, focusAreas: parsed.focusAreas, actions, notes: parsed.notes });
  await db
    .updateTable('improvement_plan')
    .set({ inspection_date: addDays(planStart, -60) })
    .where('la_code', '=', laCode)
    .where('id', '=', planId)
    .execute();

  // Each action whose evidence is a performance indicator follows the leaders' figure its words name (issue 14 item
  // 6): its page shows that figure counted from the casework, not a typed value.
  await nameFiguresOfPlan(db, laCode, planId, suggestFigure);

  // Findings for each area.
  for (const [key, findings] of Object.entries(FINDINGS)) {
    await db
      .updateTable('improvement_area')
      .set({ findings })
      .where('la_code', '=', laCode)
      .where('plan_id', '=', planId)
      .where('key', '=', key)
      .execute();
  }

  // Demo staff: link owners by job title.
  const users = await userIdsByEmail(db, laCode, ['leader@demo.example', 'manager@demo.example']);
  const ownerRows = await db
    .selectFrom('improvement_action_owner as o')
    .innerJoin('improvement_action as a', (j) =>
      j.onRef('a.la_code', '=', 'o.la_code').onRef('a.id', '=', 'o.action_id'),
    )
    .select(['o.id', 'o.action_id', 'o.job_title', 'o.user_id', 'a.ref'])
    .where('o.la_code', '=', laCode)
    .where('a.plan_id', '=', planId)
    .orderBy('a.position')
    .orderBy('o.position')
    .execute();
  const ownersByRef = new Map<string, Array<{ userId: string | null; title: string }>>();
  for (const o of ownerRows) {
    const email = OWNER_ACCOUNTS[(o.job_title ?? '').toLowerCase()];
    const userId = o.user_id ?? (email ? (users.get(email) ?? null) : null);
    if (userId !== o.user_id) {
      await db
        .updateTable('improvement_action_owner')
        .set({ user_id: userId })
        .where('la_code', '=', laCode)
        .where('id', '=', o.id)
        .execute();
    }
    ownersByRef.set(o.ref, [...(ownersByRef.get(o.ref) ?? []), { userId, title: o.job_title ?? '' }]);
  }

  // Governance: the board, the programme group and a workstream for each area.
  const groups: Array<{ kind: GroupKind; name: string; meets: string; members: Member[] }> = [
    { kind: 'board', name: 'SEND improvement board', meets: 'every six weeks', members: BOARD },
    { kind: 'programme-group', name: 'SEND programme group', meets: 'every month', members: PROGRAMME_GROUP },
    ...WORKSTREAMS.map((w) => ({
      kind: 'workstream' as const,
      name: w.name,
      meets: 'every two weeks',
      members: [
        {
          title: w.lead,
          role: 'lead' as const,
          ...(OWNER_ACCOUNTS[w.lead.toLowerCase()] ? { email: OWNER_ACCOUNTS[w.lead.toLowerCase()] } : {}),
        },
        { title: 'Parent carer forum representative' },
        { title: 'SEND programme manager' },
      ],
    })),
  ];
  const areaIds = new Map(
    (
      await db
        .selectFrom('improvement_area')
        .select(['id', 'key'])
        .where('la_code', '=', laCode)
        .where('plan_id', '=', planId)
        .execute()
    ).map((a) => [a.key, a.id]),
  );
  for (const [position, g] of groups.entries()) {
    const groupId = newId();
    await db
      .insertInto('improvement_group')
      .values({
        la_code: laCode,
        id: groupId,
        plan_id: planId,
        kind: g.kind,
        name: g.name,
        meets: g.meets,
        position,
      })
      .execute();
    await db
      .insertInto('improvement_group_member')
      .values(
        g.members.map((m, i) => ({
          la_code: laCode,
          id: newId(),
          group_id: groupId,
          user_id: m.email ? (users.get(m.email) ?? null) : null,
          job_title: m.title,
          role_in_group: m.role ?? 'member',
          position: i,
        })),
      )
      .execute();
    const workstream = WORKSTREAMS.find((w) => w.name === g.name);
    const areaId = workstream ? areaIds.get(workstream.area) : undefined;
    if (areaId) {
      await db
        .updateTable('improvement_action')
        .set({ workstream_id: groupId })
        .where('la_code', '=', laCode)
        .where('plan_id', '=', planId)
        .where('area_id', '=', areaId)
        .execute();
    }
  }

  // About a year of updates and evidence.
  const actionIds = new Map(
    (
      await db
        .selectFrom('improvement_action')
        .select(['id', 'ref'])
        .where('la_code', '=', laCode)
        .where('plan_id', '=', planId)
        .execute()
    ).map((a) => [a.ref, a.id]),
  );
  const earliest = addDays(today, -380);
  let completeCount = 0;
  for (const action of actions) {
    const actionId = actionIds.get(action.ref);
    if (!actionId) continue;
    const r = rng.fork(`action:${action.ref}`);
    const owners = ownersByRef.get(action.ref) ?? [];
    const author = owners.find((o) => o.userId !== null) ?? owners[0];
    const post = (date: string, status: BragStatus, body: string, evidence: EvidencePlan[]) =>
      insertUpdate(db, {
        laCode,
        actionId,
        date,
        status,
        body,
        authorUserId: author?.userId ?? null,
        authorTitle: author?.title ?? null,
        evidence,
        createdAt: new Date(
          `${date}T${String(9 + r.int(0, 8)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00Z`,
        ),
        newId,
      });

    const start = action.start ?? addDays(today, -300);
    if (start > today) continue; // not started yet: no updates
    const from = maxDate(addDays(start, r.int(5, 25)), earliest);
    if (from > today) continue;
    const target = action.target;
    // The date the action is finished, for complete ones: by its end, or a little late now and then.
    let finish: string | null = null;
    if (target === 'complete') {
      const due = action.end ?? addDays(today, -r.int(10, 60));
      const late = r.chance(0.2) ? r.int(5, 40) : -r.int(0, 20);
      finish = minDate(maxDate(addDays(minDate(due, today), late), from), today);
    }
    // Some actions stop being updated: "no update for six weeks".
    const stale = target !== 'complete' && target !== 'not-started' && r.chance(0.2);
    const lastDate = finish ?? (stale ? addDays(today, -r.int(50, 90)) : addDays(today, -r.int(0, 20)));
    const dates: string[] = [];
    for (let d = from; d < lastDate; d = addDays(d, r.int(26, 45))) dates.push(d);
    if (target !== 'not-started' || dates.length === 0) dates.push(lastDate);
    if (target === 'not-started') {
      // Planning notes only, and not for every action, so some show as never updated.
      if (r.chance(0.5)) continue;
      await post(
        dates[0] ?? lastDate,
        'not-started',
        'Planning has begun; the start depends on another action.',
        [],
      );
      continue;
    }
    for (const [i, date] of dates.entries()) {
      const last = i === dates.length - 1;
      const part = (i + 1) / dates.length;
      let status: BragStatus = 'on-track';
      if (target === 'significant-risk' && part > 0.5) status = 'significant-risk';
      if (target === 'high-risk')
        status = part > 0.75 ? 'high-risk' : part > 0.4 ? 'significant-risk' : 'on-track';
      if (last) status = target;
      let body = r.pick(PROGRESS_NOTES);
      if (status === 'significant-risk') body = r.pick(RISK_NOTES);
      if (status === 'high-risk') body = r.pick(HIGH_RISK_NOTES);
      const evidence: EvidencePlan[] = [];
      if (status === 'complete') {
        completeCount += 1;
        body = 'Action complete. Evidence of impact attached and reported to the board.';
        // Every tenth completion is recorded without evidence, as happens in real plans: the flag finds them.
        if (completeCount % 10 === 3) body = 'Action complete. Evidence to follow.';
        else evidence.push(evidenceFor(action, date, r));
      } else if (r.chance(0.25)) {
        evidence.push(evidenceFor(action, date, r));
      }
      await post(date, status, body, evidence);
    }
  }

  // Reports: the programme group monthly, the board every six weeks, families and government each quarter.
  const reports: Array<{ audience: ReportAudience; date: string }> = [];
  for (let k = 0; k < 12; k++)
    reports.push({ audience: 'programme-group', date: addDays(today, -24 - 30 * k) });
  for (let k = 0; k < 8; k++) reports.push({ audience: 'board', date: addDays(today, -10 - 42 * k) });
  for (let k = 0; k < 4; k++) reports.push({ audience: 'families', date: addDays(today, -40 - 91 * k) });
  for (let k = 0; k < 4; k++) reports.push({ audience: 'government', date: addDays(today, -45 - 91 * k) });
  const leader = users.get('leader@demo.example') ?? null;
  for (const report of reports) {
    await db
      .insertInto('improvement_report')
      .values({
        la_code: laCode,
        id: newId(),
        plan_id: planId,
        meeting_date: report.date,
        audience: report.audience,
        generated_at: new Date(`${addDays(report.date, -3)}T10:00:00Z`),
        generated_by: leader,
      })
      .execute();
  }
  return planId;
}
