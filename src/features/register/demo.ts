/**
 * The demo authority's register (docs/register.md): fictional items in every state, dated relative to the demo's
 * day, with the s42 task one of them raised, lines in the children's histories, and a year of closed items for the
 * leaders' counts; "You said, we did" entries published and in draft. Deterministic: the same ids, children and
 * dates on every seeding. parent@ has a report of provision not delivered with an open task for caseworker@ (their
 * child's caseworker) and a complaint at stage 2; parent2@ has a concern not yet acknowledged. The survey after each
 * milestone is seeded by survey-demo.ts; disagreement resolution records in every state by resolution-demo.ts.
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import type { DB, RegisterTheme } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childWithOfficer, searchChildren } from '../../platform/people/children.ts';
import { teamIdOf, userByEmail } from '../../platform/people/users.ts';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import { addWorkingDays } from '../../domain/clock/index.ts';
import {
  DEFAULT_POLICY,
  itemDates,
  KIND_LABELS,
  notDeliveredSummary,
  provisionTaskDue,
  THEMES,
  type Channel,
  type ItemKind,
  type Outcome,
} from '../../domain/register/index.ts';
import { insertItem, insertYouSaid, raiseTask, setThemes, updateItem, type ItemChange } from './store.ts';
import { seedResolutionDemo } from './resolution-demo.ts';
import { seedSurveyDemo } from './survey-demo.ts';

/** The last working day on or before a date (demo items arrive on working days). */
function workingDayOnOrBefore(date: string): string {
  let d = date;
  while (addWorkingDays(addDays(d, -1), 1) !== d) d = addDays(d, -1);
  return d;
}

const at = (day: string) => new Date(`${day}T09:30:00Z`);

interface Spec {
  kind: ItemKind;
  channel: Channel;
  who: 'parent' | 'parent2' | 'child' | 'none';
  ago: number;
  themes: RegisterTheme[];
  summary: string;
  provision?: string;
  /** How far it got: 'received', 'acknowledged', 'answered', 'stage-2', 'closed-stage-2', 'ombudsman', 'withdrawn'. */
  reached:
    'received' | 'acknowledged' | 'answered' | 'stage-2' | 'closed-stage-2' | 'ombudsman' | 'withdrawn';
  outcome?: Outcome;
  /** Answered this many working days after the due date (late), default on time. */
  late?: number;
}

const OPEN_ITEMS: readonly Spec[] = [
  {
    kind: 'provision-not-delivered',
    channel: 'online',
    who: 'parent',
    ago: 3,
    themes: ['provision-not-delivered'],
    summary:
      'The weekly speech and language therapy sessions in the plan have not happened since the start of half term. The school says the therapist has left.',
    provision:
      'Speech and language therapy: one 45-minute session a week with a speech and language therapist',
    reached: 'acknowledged',
  },
  {
    kind: 'complaint',
    channel: 'online',
    who: 'parent',
    ago: 45,
    themes: ['communication', 'delay'],
    summary:
      'Nobody replied to three emails about the annual review meeting, and the paperwork arrived after the meeting.',
    reached: 'stage-2',
    outcome: 'partly-upheld',
  },
  {
    kind: 'concern',
    channel: 'online',
    who: 'parent2',
    ago: 1,
    themes: ['assessment-and-plans'],
    summary: 'We asked for an assessment and have not heard when the decision will be made.',
    reached: 'received',
  },
  {
    kind: 'concern',
    channel: 'online-public',
    who: 'none',
    ago: 20,
    themes: ['transport'],
    summary: 'The taxi to the special school has been late four times this month.',
    reached: 'acknowledged',
  },
  {
    kind: 'complaint',
    channel: 'letter',
    who: 'child',
    ago: 6,
    themes: ['placement'],
    summary:
      'The family disagree with the school named in the draft plan and say their preference was not considered.',
    reached: 'received',
  },
  {
    kind: 'compliment',
    channel: 'phone',
    who: 'child',
    ago: 2,
    themes: ['communication'],
    summary: 'Thanks to the caseworker for explaining the review paperwork over the phone.',
    reached: 'received',
  },
  {
    kind: 'complaint',
    channel: 'email',
    who: 'child',
    ago: 120,
    themes: ['delay', 'assessment-and-plans'],
    summary: 'The plan was issued six weeks after the 20-week limit.',
    reached: 'ombudsman',
    outcome: 'not-upheld',
  },
  {
    kind: 'complaint',
    channel: 'phone',
    who: 'child',
    ago: 30,
    themes: ['health'],
    summary: 'Occupational therapy advice was missing from the draft plan.',
    reached: 'withdrawn',
  },
];

const CLOSED_SUMMARIES: Record<RegisterTheme, string> = {
  communication: 'Calls to the SEND team were not returned.',
  delay: 'The decision letter came later than promised.',
  'provision-not-delivered': 'Teaching assistant support in the plan was not in place.',
  placement: 'The family were not told which schools had been consulted.',
  'assessment-and-plans': 'The plan did not reflect the advice from the educational psychologist.',
  health: 'Physiotherapy in the plan had a long wait.',
  'social-care': 'Short breaks were not mentioned in the plan.',
  transport: 'Home to school transport was not arranged for the first week of term.',
  other: 'The online form did not work on a phone.',
};

export async function seedRegisterDemo(
  trx: Transaction<DB>,
  { laCode, today }: DemoSeedOptions,
): Promise<void> {
  const caseworker = await userByEmail(trx, laCode, 'caseworker@demo.example');
  const parent = await userByEmail(trx, laCode, 'parent@demo.example');
  const parent2 = await userByEmail(trx, laCode, 'parent2@demo.example');
  if (!caseworker || !parent || !parent2) return;
  const actorOf = (userId: string, displayName: string): Actor => ({
    laCode,
    userId,
    sessionId: 'demo',
    email: '',
    displayName,
    role: 'caseworker',
    teamId: null,
    jobTitle: null,
    ip: null,
  });
  const staff = actorOf(caseworker.id, caseworker.display_name);
  const random = createRandom(hashString(`register:${laCode}:${today}`));
  const granted = async (userId: string) =>
    (await searchChildren(trx, { laCode, grantedTo: { userId, kind: 'parent' }, page: 1, pageSize: 1 }))
      .rows[0];
  const parentChild = await granted(parent.id);
  const parent2Child = await granted(parent2.id);
  const others = (await searchChildren(trx, { laCode, withPlan: true, page: 1, pageSize: 80 })).rows.filter(
    (c) => c.id !== parentChild?.id && c.id !== parent2Child?.id,
  );
  let otherIndex = 0;

  async function add(spec: Spec) {
    const listed =
      spec.who === 'parent'
        ? parentChild
        : spec.who === 'parent2'
          ? parent2Child
          : spec.who === 'child'
            ? others[otherIndex++]
            : undefined;
    const child = listed ? await childWithOfficer(trx, laCode, listed.id) : undefined;
    const receivedOn = workingDayOnOrBefore(addDays(today, -spec.ago));
    const raisedBy = spec.who === 'parent' ? parent! : spec.who === 'parent2' ? parent2! : null;
    const id = random.uuid();
    const made = await insertItem(trx, laCode, {
      id,
      kind: spec.kind,
      channel: spec.channel,
      childId: child?.id ?? null,
      raisedBy: raisedBy?.id ?? null,
      recordedBy: spec.channel.startsWith('online') ? null : caseworker!.id,
      raiserName:
        raisedBy?.display_name ?? (child ? `Parent of ${child.given_name}` : 'A parent (no account)'),
      raiserContact: spec.channel === 'online-public' ? 'a.parent@example.com' : null,
      summary: spec.summary,
      provision: spec.provision ?? null,
      receivedOn,
      ownerId: child?.lead_officer_id ?? (spec.who === 'none' ? caseworker!.id : null),
      teamId: child?.lead_officer_id ? await teamIdOf(trx, laCode, child.lead_officer_id) : null,
      ethnicity: child?.ethnicity ?? null,
      firstLanguage: child?.first_language ?? null,
      addressKey: null,
    });
    await setThemes(trx, laCode, made.id, spec.themes);
    const dates = itemDates(
      {
        kind: spec.kind,
        receivedOn,
        acknowledgedOn: null,
        answeredOn: null,
        stage2RequestedOn: null,
        stage2AnsweredOn: null,
        ombudsmanOn: null,
        withdrawnOn: null,
      },
      DEFAULT_POLICY,
    );
    const cap = (d: string) => (d > today ? today : d);
    const acknowledged = cap(addWorkingDays(receivedOn, 1));
    const answered = dates.answerBy ? cap(addWorkingDays(dates.answerBy.date, spec.late ?? 0)) : null;
    const change: ItemChange = {};
    const r = spec.reached;
    if (r !== 'received') change.acknowledged_on = acknowledged;
    if (['answered', 'stage-2', 'closed-stage-2', 'ombudsman'].includes(r) && answered) {
      change.answered_on = answered;
      change.answer =
        'We looked into what you told us and have explained what went wrong and what we will do.';
      change.outcome = spec.outcome ?? 'upheld';
    }
    if (['stage-2', 'closed-stage-2', 'ombudsman'].includes(r) && answered) {
      const asked = cap(addWorkingDays(answered, 5));
      change.stage2_requested_on = asked;
      if (r !== 'stage-2') {
        change.stage2_answered_on = cap(addWorkingDays(asked, 15));
        change.stage2_answer = 'A senior manager reviewed the complaint and the stage 1 answer.';
        change.stage2_outcome = spec.outcome ?? 'upheld';
      }
      if (r === 'ombudsman') change.ombudsman_on = cap(addWorkingDays(change.stage2_answered_on!, 10));
    }
    if (r === 'withdrawn') change.withdrawn_on = cap(addWorkingDays(receivedOn, 4));
    if (Object.keys(change).length) await updateItem(trx, laCode, made.id, change);
    if (child) {
      await recordCaseEvent(
        { trx, actor: raisedBy ? actorOf(raisedBy.id, raisedBy.display_name) : staff },
        {
          at: at(receivedOn),
          childId: child.id,
          kind: 'register.item',
          summary: `${KIND_LABELS[spec.kind]} received (${made.reference}) by ${spec.channel.startsWith('online') ? 'the family online' : 'the SEND team'}`,
          detail: { itemId: made.id, kind: spec.kind },
        },
      );
      if (spec.kind === 'provision-not-delivered') {
        const due = provisionTaskDue(receivedOn, DEFAULT_POLICY);
        const taskId = await raiseTask(trx, laCode, {
          id: random.uuid(),
          itemId: made.id,
          childId: child.id,
          assignedTo: child.lead_officer_id,
          raisedOn: receivedOn,
          due: due.date,
        });
        await recordCaseEvent(
          { trx, actor: staff },
          {
            at: at(receivedOn),
            childId: child.id,
            kind: 'register.s42-task',
            summary: notDeliveredSummary(due.date),
            detail: { itemId: made.id, taskId, due: due.date },
          },
        );
      }
    }
  }

  for (const spec of OPEN_ITEMS) await add(spec);
  // A year of closed items for the leaders' counts: two or three a month, themes and kinds in turn.
  const kinds: ItemKind[] = ['complaint', 'concern', 'concern', 'compliment', 'complaint'];
  const channels: Channel[] = ['phone', 'email', 'letter', 'online', 'in-person'];
  for (let i = 0; i < 30; i++) {
    const theme = THEMES[(i * 4) % THEMES.length]!;
    const kind = kinds[i % kinds.length]!;
    await add({
      kind,
      channel: channels[i % channels.length] === 'online' ? 'phone' : channels[i % channels.length]!,
      who: 'child',
      ago: 50 + i * 11,
      themes:
        i % 3 === 0
          ? ([theme, 'communication'].filter((t, j, all) => all.indexOf(t) === j) as RegisterTheme[])
          : [theme],
      summary: kind === 'compliment' ? 'Thanks to the team for their help.' : CLOSED_SUMMARIES[theme],
      reached: kind === 'complaint' && i % 4 === 0 ? 'closed-stage-2' : 'answered',
      outcome: (['upheld', 'partly-upheld', 'not-upheld', 'resolved'] as const)[i % 4],
      late: i % 5 === 1 ? 3 : 0,
    });
  }

  const entries: Array<{ theme: RegisterTheme; youSaid: string; weDid: string; ago: number | null }> = [
    {
      theme: 'communication',
      youSaid: 'You told us it was hard to reach your caseworker and calls were not returned.',
      weDid:
        'Every family now has a named caseworker and a team phone line answered from 9am to 5pm, and we reply to messages within 3 working days.',
      ago: 40,
    },
    {
      theme: 'provision-not-delivered',
      youSaid: 'You told us support in plans was sometimes not given and nobody checked.',
      weDid:
        'When you tell us support in section F is not being given, your caseworker now gets a task with a date to check and put it right.',
      ago: 12,
    },
    {
      theme: 'delay',
      youSaid: 'You told us you did not know when decisions would be made.',
      weDid: 'Your page now shows each date the council must meet, and whether it was met.',
      ago: 70,
    },
    {
      theme: 'transport',
      youSaid: 'You told us transport was not ready at the start of term.',
      weDid:
        'We are agreeing transport for new placements before the summer holiday (draft, not yet published).',
      ago: null,
    },
  ];
  for (const e of entries)
    await insertYouSaid(trx, laCode, {
      id: random.uuid(),
      theme: e.theme,
      youSaid: e.youSaid,
      weDid: e.weDid,
      publishedOn: e.ago === null ? null : addDays(today, -e.ago),
      createdBy: caseworker.id,
    });
  await seedSurveyDemo(trx, laCode, today, random.fork('survey'), parentChild?.id);
  await seedResolutionDemo(
    trx,
    laCode,
    today,
    random.fork('resolution'),
    { parent: parentChild?.id, parent2: parent2Child?.id, others: others.map((c) => c.id) },
    caseworker.id,
  );
}
