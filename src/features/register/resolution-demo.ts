/**
 * The demo's disagreement resolution records (docs/register.md "Disagreement resolution"; issue 15 item 5): one in
 * every state, dated relative to the demo's day, so the family's "Meetings to sort out a disagreement" on /your-say,
 * the caseworker's "Disagreement resolution agreements" and the leaders' counts have something to show. parent@'s
 * child has an agreement whose actions are to do, late and done, and a meeting asked for and not held; parent2@'s
 * child an agreement on some of it, its action done after its date; other children an agreement with its action still
 * to do, meetings with no agreement, and more over the year for the counts by month and outcome. Lines in the
 * children's histories as the service writes them. Drawn from the register demo's own stream (`fork('resolution')`),
 * so nothing else in the demo moves.
 */
import type { Transaction } from 'kysely';
import type { DB, ResolutionOutcome, ResolutionRequester } from '../../platform/db/schema/index.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childWithOfficer } from '../../platform/people/children.ts';
import { longDate } from '../../domain/calendar.ts';
import { RESOLUTION_OUTCOME_LABELS } from '../../domain/register/index.ts';
import { addDays } from '../../demo/dates.ts';
import type { Random } from '../../demo/random.ts';
import { insertObligation, insertResolution, markObligationDone } from './store/resolution.ts';

const PROVIDER = 'Fictional Resolution Service';
const at = (day: string) => new Date(`${day}T11:00:00Z`);

interface Obligation {
  what: string;
  /** Days from the demo's day (negative: past). */
  due: number;
  /** Done this many days from the demo's day, or not done. */
  done?: number;
}

interface Spec {
  who: 'parent' | 'parent2' | 'other';
  requestedBy: ResolutionRequester;
  askedAgo: number;
  heldAfter: number | null;
  outcome: ResolutionOutcome;
  about: string;
  agreement?: string;
  obligations?: Obligation[];
}

const SPECS: readonly Spec[] = [
  {
    who: 'parent',
    requestedBy: 'parent',
    askedAgo: 40,
    heldAfter: 14,
    outcome: 'agreed',
    about: 'The speech and language therapy in section F and how often it is given.',
    agreement:
      'The council will buy in therapy sessions until the school appoints a new therapist, and review the plan early.',
    obligations: [
      {
        what: 'Arrange weekly speech and language therapy sessions with an outside provider',
        due: -6,
        done: -9,
      },
      { what: 'Write to the family with the date of the early review', due: -3 },
      { what: 'Hold the early review of the plan', due: 30 },
    ],
  },
  {
    who: 'parent',
    requestedBy: 'parent',
    askedAgo: 12,
    heldAfter: null,
    outcome: 'not-held',
    about: 'The school named in the draft plan.',
  },
  {
    who: 'parent2',
    requestedBy: 'parent',
    askedAgo: 75,
    heldAfter: 20,
    outcome: 'partly-agreed',
    about: 'The hours of teaching assistant support and the transport to school.',
    agreement:
      'The council will add the teaching assistant hours to the plan; transport was not agreed and stays with the transport team.',
    obligations: [{ what: 'Issue the amended plan with the agreed support hours', due: -30, done: -24 }],
  },
  {
    who: 'other',
    requestedBy: 'school',
    askedAgo: 25,
    heldAfter: 10,
    outcome: 'agreed',
    about: 'Who pays for the specialist equipment in the plan.',
    agreement: 'The council will fund the equipment and the school will arrange the training for staff.',
    obligations: [{ what: 'Order the specialist seating and send the school the delivery date', due: 20 }],
  },
  {
    who: 'other',
    requestedBy: 'parent',
    askedAgo: 50,
    heldAfter: 18,
    outcome: 'not-agreed',
    about: 'Whether the child needs a place at a special school.',
  },
];

/** More over the year for the leaders' counts: outcomes in turn, a month or so apart. */
const YEAR_OUTCOMES: readonly ResolutionOutcome[] = ['agreed', 'not-agreed', 'partly-agreed', 'not-held'];
const YEAR_ABOUT = [
  'The outcomes in section E and how progress is measured.',
  'Speech and language therapy in section F.',
  'The school named in section I.',
  'Support at lunchtime and break.',
];

export async function seedResolutionDemo(
  trx: Transaction<DB>,
  laCode: string,
  today: string,
  random: Random,
  children: { parent?: string | undefined; parent2?: string | undefined; others: readonly string[] },
  recordedBy: string,
): Promise<void> {
  const others = [...children.others];
  // Start the other children at a drawn place in the list, so these are not the register items' children.
  let next = others.length ? random.int(0, others.length - 1) : 0;
  const other = () => (others.length ? others[next++ % others.length] : undefined);
  const specs: Spec[] = [
    ...SPECS,
    ...Array.from({ length: 8 }, (_, i): Spec => {
      const outcome = YEAR_OUTCOMES[i % YEAR_OUTCOMES.length]!;
      return {
        who: 'other',
        requestedBy: random.pick(['parent', 'parent', 'school', 'young-person'] as const),
        askedAgo: 90 + i * 33 + random.int(0, 10),
        heldAfter: outcome === 'not-held' ? null : random.int(10, 30),
        outcome,
        about: YEAR_ABOUT[i % YEAR_ABOUT.length]!,
        ...(outcome === 'agreed' || outcome === 'partly-agreed'
          ? {
              agreement:
                'The council and the school agreed the changes to the support and when they will be made.',
              obligations: [
                { what: 'Make the agreed changes to the plan', due: -(60 + i * 30), done: -(60 + i * 30) },
              ],
            }
          : {}),
      };
    }),
  ];
  for (const spec of specs) {
    const childId =
      spec.who === 'parent' ? children.parent : spec.who === 'parent2' ? children.parent2 : other();
    const child = childId ? await childWithOfficer(trx, laCode, childId) : undefined;
    if (!child) continue;
    const requestedOn = addDays(today, -spec.askedAgo);
    const heldOn = spec.heldAfter === null ? null : addDays(requestedOn, spec.heldAfter);
    const id = await insertResolution(trx, laCode, {
      id: random.uuid(),
      child_id: child.id,
      item_id: null,
      requested_by: spec.requestedBy,
      requested_on: requestedOn,
      provider: PROVIDER,
      parties: 'The family, the caseworker and the school’s SENCO',
      about: spec.about,
      held_on: heldOn,
      outcome: spec.outcome,
      agreement: spec.agreement ?? null,
      recorded_by: recordedBy,
    });
    const actor = { laCode, userId: recordedBy };
    await recordCaseEvent(
      { trx, actor },
      {
        at: at(heldOn ?? requestedOn),
        childId: child.id,
        kind: 'register.resolution',
        summary: heldOn
          ? `Disagreement resolution meeting held on ${longDate(heldOn)} (${PROVIDER}): ${RESOLUTION_OUTCOME_LABELS[spec.outcome].toLowerCase()}`
          : `Disagreement resolution asked for on ${longDate(requestedOn)} (${PROVIDER}): not held`,
        detail: { resolutionId: id, itemId: null },
      },
    );
    for (const o of spec.obligations ?? []) {
      const due = addDays(today, o.due);
      const obligationId = await insertObligation(trx, laCode, {
        id: random.uuid(),
        resolution_id: id,
        child_id: child.id,
        what: o.what,
        due,
        assigned_to: child.lead_officer_id,
      });
      await recordCaseEvent(
        { trx, actor },
        {
          at: at(heldOn!),
          childId: child.id,
          kind: 'register.resolution-obligation',
          summary: `Disagreement resolution agreement: ${o.what} (by ${longDate(due)})`,
          detail: { resolutionId: id, obligationId, due },
        },
      );
      if (o.done === undefined) continue;
      const doneOn = addDays(today, o.done);
      await markObligationDone(trx, laCode, obligationId, doneOn, 'Done as agreed; the family were told.');
      await recordCaseEvent(
        { trx, actor },
        {
          at: at(doneOn),
          childId: child.id,
          kind: 'register.resolution-obligation-done',
          summary: `Disagreement resolution agreement done on ${longDate(doneOn)}: ${o.what}`,
          detail: { resolutionId: id, obligationId },
        },
      );
    }
  }
}
