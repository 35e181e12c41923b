/**
 * The review meeting's demo (ADR 0015), built as of the demo's day, deterministic (a seeded generator, no clock
 * reads), after the reviews' own demo: every review arranged by the school whose invitations have gone and which is
 * still open, or was held in the last 4 months, gets its invitees (the family, the setting's SENCO or head teacher,
 * the lead officer, often health and social care), most invited on the day the invitations went and about one in ten
 * a few days late; each such held review gets its meeting record (attendance, what is working and not, progress
 * toward each outcome of the plan, sometimes recommended changes and a disagreement, preparation for adulthood from
 * year 9).
 */
import type { Insertable, Transaction } from 'kysely';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import type { DB, PlanReviewInviteeTable, PlanReviewMeetingTable } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import { organisationAccounts } from '../../platform/people/organisations.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { settingStaff } from '../../platform/people/settings.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import {
  PERSPECTIVES,
  preparationForAdulthoodDue,
  type Attendance,
  type InviteeKind,
  type Progress,
} from '../../domain/review/index.ts';
import { planOutcomesForReviews } from '../plans/index.ts';
import { insertInvitees, insertMeeting } from './store/meeting.ts';
import { reviewsOf } from './store.ts';

const WORKING: Record<(typeof PERSPECTIVES)[number], readonly string[]> = {
  family: ['Happier going to school in the mornings', 'Talks about friends at home now', 'Sleeping better'],
  child: ['I like the quiet room at lunch', 'My reading group helps', 'I like my key adult'],
  school: [
    'Settled well in class with the visual timetable',
    'Reading age up by a year',
    'Fewer incidents at break',
  ],
  others: ['Therapy targets mostly met', 'Family support plan in place'],
};
const NOT_WORKING: Record<(typeof PERSPECTIVES)[number], readonly string[]> = {
  family: ['Homework causes upset every evening', 'Transport is often late'],
  child: ['The corridors are too noisy', 'I do not like writing'],
  school: ['Writing stamina still low', 'Unstructured times remain hard'],
  others: ['Speech and language sessions were missed this term'],
};
const PFA = {
  employment: 'Talked about work experience and the college open days next year.',
  'independent-living': 'Starting travel training with the school in the spring.',
  'community-inclusion': 'Joining a youth club with a friend; looking at clubs in the holidays.',
  health: 'Annual health check booked; moving to adult services discussed.',
} as const;

export async function seedMeetingDemo(
  trx: Transaction<DB>,
  options: DemoSeedOptions,
): Promise<{ invitees: number; meetings: number }> {
  const { laCode, today } = options;
  const rng = createRandom(hashString(`review-meetings:${today}`));
  const since = addDays(today, -120);
  const reviews = (await reviewsOf(trx, laCode)).filter(
    (r) =>
      r.arranged_by === 'school' &&
      r.invitations_sent !== null &&
      r.meeting_date !== null &&
      (r.held === null || r.held >= since),
  );
  if (reviews.length === 0) return { invitees: 0, meetings: 0 };
  const children = await childrenForReviews(trx, laCode, [...new Set(reviews.map((r) => r.child_id))]);
  const settings = await authoritySettings(trx, laCode);
  const health = settings.commissioner.organisationId
    ? await organisationAccounts(trx, laCode, settings.commissioner.organisationId)
    : [];
  const social = settings.socialCare.organisationId
    ? await organisationAccounts(trx, laCode, settings.socialCare.organisationId)
    : [];
  const staff = new Map<string, Awaited<ReturnType<typeof settingStaff>>>();
  const officers = new Map<string, Awaited<ReturnType<typeof userWithTeam>>>();
  let invited = 0;
  let meetings = 0;
  for (const r of reviews) {
    const child = children.get(r.child_id);
    const people: Array<{ kind: InviteeKind; userId: string | null; name: string; email: string }> = [];
    const add = (kind: InviteeKind, userId: string | null, name: string, email: string) => {
      if (!people.some((p) => p.email.toLowerCase() === email.toLowerCase())) {
        people.push({ kind, userId, name, email });
      }
    };
    for (const f of await recipientsFor(trx, laCode, r.child_id, { family: true, unlinkedFamily: true })) {
      add('family', f.userId, f.name ?? f.email, f.email);
    }
    if (child?.setting) {
      if (!staff.has(child.setting.id))
        staff.set(child.setting.id, await settingStaff(trx, laCode, child.setting.id));
      const first = staff.get(child.setting.id)![0];
      if (first) add('setting', first.id, first.display_name, first.email);
    }
    if (child?.leadOfficerId) {
      if (!officers.has(child.leadOfficerId)) {
        officers.set(child.leadOfficerId, await userWithTeam(trx, laCode, child.leadOfficerId));
      }
      const officer = officers.get(child.leadOfficerId);
      if (officer?.active) add('authority', officer.id, officer.display_name, officer.email);
    }
    if (health[0] && rng.chance(0.8)) add('health', health[0].id, health[0].email, health[0].email);
    if (social[0] && rng.chance(0.5)) add('social-care', social[0].id, social[0].email, social[0].email);
    const meeting = r.held ?? r.meeting_date!;
    const late = rng.chance(0.1) ? people.length - 1 : -1;
    const rows: Insertable<PlanReviewInviteeTable>[] = people.map((p, i) => {
      const on = i === late ? addDays(meeting, -rng.int(7, 13)) : r.invitations_sent!;
      const attendance: Attendance | null =
        r.held === null
          ? null
          : rng.weighted<Attendance>([
              ['attended', p.kind === 'family' || p.kind === 'setting' ? 9 : 5],
              ['apologies', 3],
              ['absent', 1],
            ]);
      return {
        la_code: laCode,
        review_id: r.id,
        child_id: r.child_id,
        kind: p.kind,
        user_id: p.userId,
        name: p.name,
        email: p.email,
        invited_on: on > today ? today : on,
        attendance,
      };
    });
    invited += (await insertInvitees(trx, rows)).length;
    if (r.held === null) continue;
    const outcomes = await planOutcomesForReviews(trx, laCode, r.plan_id);
    const pfaDue = preparationForAdulthoodDue(child?.dateOfBirth ?? null, r.held);
    const views = Object.fromEntries(
      PERSPECTIVES.map((p) => [
        p,
        {
          working: p === 'others' && rng.chance(0.5) ? '' : rng.pick(WORKING[p]),
          notWorking: rng.chance(0.6) ? rng.pick(NOT_WORKING[p]) : '',
        },
      ]),
    );
    const row: Insertable<PlanReviewMeetingTable> = {
      la_code: laCode,
      review_id: r.id,
      child_id: r.child_id,
      views: JSON.stringify(views),
      outcome_progress: JSON.stringify(
        outcomes.map((o) => ({
          outcomeId: o.id,
          outcome: o.text,
          progress: rng.weighted<Progress>([
            ['achieved', 2],
            ['on-track', 5],
            ['some-progress', 3],
            ['no-progress', 1],
          ]),
          notes: rng.chance(0.4) ? 'Evidence from the school’s termly tracking.' : '',
        })),
      ),
      recommended_changes: JSON.stringify(
        rng.chance(0.5)
          ? [
              rng.pick([
                {
                  section: 'F',
                  change: 'Add a daily reading intervention of 20 minutes with a trained assistant.',
                },
                {
                  section: 'E',
                  change: 'Replace the achieved outcome with a new one for the next key stage.',
                },
                {
                  section: 'B',
                  change: 'Update the description of needs with the new speech and language report.',
                },
              ]),
            ]
          : [],
      ),
      differences: rng.chance(0.2)
        ? 'The family would like more speech and language therapy than the school and the therapist recommend.'
        : '',
      pfa_considered: pfaDue,
      pfa: pfaDue
        ? JSON.stringify(
            (['employment', 'independent-living', 'community-inclusion', 'health'] as const)
              .filter((_, i) => i === 0 || rng.chance(0.5))
              .map((topic) => ({ topic, text: PFA[topic] })),
          )
        : null,
    };
    await insertMeeting(trx, row);
    meetings += 1;
  }
  return { invitees: invited, meetings };
}
