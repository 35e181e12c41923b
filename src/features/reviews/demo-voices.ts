/**
 * The voices demo (issue 12 items 2 and 7), deterministic and dated from the demo's day: the demo family accounts'
 * children (parent@demo.example's and youngperson@demo.example's) have a review coming up where their views are asked
 * (one added when none is open), the parent with a draft started; their past reviews carry views sent (one before the
 * meeting, one after); and about half the open or recently held reviews have advice asked of the demo professionals
 * (educational psychology, health, social care, and the SENCO for her own school's pupils), some answered on time,
 * some late, some waiting; each says what its own agency would (issue 18).
 */
import type { Insertable, Transaction } from 'kysely';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import type {
  DB,
  PlanReviewAdviceTable,
  PlanReviewTable,
  PlanReviewViewTable,
} from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { searchChildren } from '../../platform/people/children.ts';
import { currentSettingsOf, organisationOfUser } from '../../platform/people/organisations.ts';
import { userByEmail } from '../../platform/people/users.ts';
import { reviewAdviceDue } from '../../domain/review/index.ts';
import { plansForReviews } from '../plans/index.ts';
import { insertReviews, reviewsOf, type ReviewRow } from './store.ts';
import { insertAdviceRows, insertViewRows } from './store/voices.ts';

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

/** What each agency says at a review: its own kind of advice (the school speaks of the provision it runs). */
const ADVICE_WORDS: Readonly<
  Record<
    'educational-psychology' | 'health' | 'social-care' | 'setting',
    Record<'progress' | 'working' | 'notWorking' | 'changes', readonly string[]>
  >
> = {
  setting: {
    progress: [
      'Good progress towards the communication outcome: now starts conversations with familiar adults most days.',
      'Some progress: reading age up by a year; the maths outcome is not yet met.',
      'Attendance has improved to 92%. Friendships are more settled since the summer.',
    ],
    working: [
      'The visual timetable and a quiet space at lunch.',
      'Small group sessions three times a week with the same adult.',
      'Regular contact between home and school through the home-school book.',
    ],
    notWorking: [
      'Unstructured times (break and lunch) are still hard.',
      'The therapy sessions were missed for six weeks when the therapist left.',
      '',
    ],
    changes: [
      'Keep the speech and language therapy at 30 minutes a week; add a target for joining group work.',
      'Add a preparing for adulthood outcome about travelling to college on their own.',
      'None: the plan is working and should stay as it is.',
    ],
  },
  'educational-psychology': {
    progress: [
      'Working memory strategies are now used in class most days; reading age is up by a year.',
      'More confident with new work: now asks for help rather than leaving the task.',
    ],
    working: [
      'Instructions given in short steps with visual prompts.',
      'New vocabulary taught before each topic.',
    ],
    notWorking: ['Strategies are used less in lessons with supply teachers.', ''],
    changes: [
      'Keep the working memory strategies; add an outcome about asking for help in class.',
      'None from educational psychology: the plan is working and should stay as it is.',
    ],
  },
  health: {
    progress: [
      'Sleep has improved since the sleep plan started; reviewed in clinic every six months.',
      'General health is good and the health care plan is up to date.',
    ],
    working: [
      'The health care plan is known by staff and followed on school trips.',
      'Medicines are given in school as the care plan says.',
    ],
    notWorking: ['Clinic letters have not always reached school in time.', ''],
    changes: [
      'Update section C: the sleep difficulties are now managed at home.',
      'Review the sensory needs section; an occupational therapy assessment is recommended.',
      'None from health: section C and G are still right.',
    ],
  },
  'social-care': {
    progress: [
      'The family now has monthly short breaks and says they are coping better.',
      'Goes to the youth club most weeks and has more time with friends.',
    ],
    working: ['Monthly overnight short breaks.', 'Fortnightly visits from the family support worker.'],
    notWorking: ['Transport to the short breaks unit is not reliable.', ''],
    changes: [
      'Add the short breaks to section H1 so they are part of the plan.',
      'None from social care: the support should stay as it is.',
    ],
  },
};

export async function seedReviewVoicesDemo(
  trx: Transaction<DB>,
  options: Pick<DemoSeedOptions, 'laCode' | 'today'>,
): Promise<{ views: number; advice: number }> {
  const { laCode, today } = options;
  const rng = createRandom(hashString(`review-voices:${today}`));
  const user = async (email: string) => (await userByEmail(trx, laCode, email))?.id ?? null;
  const pros = {
    'educational-psychology': await user('ep@demo.example'),
    health: await user('health@demo.example'),
    'social-care': await user('socialcare@demo.example'),
    setting: await user('senco@demo.example'),
  } as const;
  const plans = await plansForReviews(trx, laCode);
  let reviews = await reviewsOf(trx, laCode);
  // The SENCO gives the school's advice for her own school's pupils only.
  const sencoSchool = pros.setting ? (await organisationOfUser(trx, laCode, pros.setting))?.name : undefined;

  // The demo family accounts: a review coming up for each of their children with a plan.
  const families: Array<{ userId: string; kind: 'parent' | 'young-person'; childIds: string[] }> = [];
  for (const [email, kind] of [
    ['parent@demo.example', 'parent'],
    ['youngperson@demo.example', 'young-person'],
  ] as const) {
    const id = await user(email);
    if (!id) continue;
    const linked = await searchChildren(trx, {
      laCode,
      grantedTo: { userId: id, kind },
      withPlan: true,
      page: 1,
      pageSize: 10,
    });
    families.push({ userId: id, kind, childIds: linked.rows.map((c) => c.id) });
  }
  const added: Insertable<PlanReviewTable>[] = [];
  for (const f of families) {
    for (const childId of f.childIds) {
      const plan = plans.find((p) => p.childId === childId && p.firstIssued <= today);
      if (!plan) continue;
      const own = reviews.filter((r) => r.plan_id === plan.id);
      if (own.some((r) => r.held === null)) continue; // a review already coming up: the family is asked for it
      added.push({
        la_code: laCode,
        plan_id: plan.id,
        child_id: childId,
        number: own.length + 1,
        kind: 'annual',
        arranged_by: 'school',
        meeting_date: addDays(today, 24),
      });
    }
  }
  if (added.length) {
    await insertReviews(trx, added);
    reviews = await reviewsOf(trx, laCode);
  }

  const views: Insertable<PlanReviewViewTable>[] = [];
  for (const f of families) {
    for (const childId of f.childIds) {
      const own = reviews.filter((r) => r.child_id === childId);
      const open = own.find((r) => r.held === null && r.decision === null);
      if (open && f.kind === 'parent') {
        views.push({
          ...keyOf(laCode, open, f.userId, 'family'),
          going_well: 'He is happier going into school and has a friend in his class.',
          hard: 'Assemblies and wet play are still very hard. He is tired when he gets home.',
        });
      }
      const last = own.filter((r) => r.held !== null).at(-1);
      if (last?.held) {
        const before = addDays(last.held, -rng.int(3, 12));
        views.push({
          ...keyOf(laCode, last, f.userId, f.kind === 'parent' ? 'family' : 'child'),
          going_well: 'Settled well; the help in class makes a difference.',
          hard: 'Changes to the timetable without warning.',
          changed: 'A new teaching assistant since January.',
          next: 'Keep the same help, and more practice with travelling on the bus.',
          future:
            f.kind === 'parent'
              ? 'That he has friends and enjoys learning.'
              : 'Go to college to study computing, then get a job and live with friends.',
          meeting: '',
          sent_on: before,
          sent_at: new Date(`${before}T18:30:00Z`),
        });
        if (f.kind === 'parent') {
          const after = addDays(last.held, rng.int(1, 4));
          if (after <= today) {
            views.push({
              ...keyOf(laCode, last, f.userId, 'child'),
              easy_read: true,
              going_well: 'I like art and my teacher.',
              hard: 'Noisy rooms.',
              next: 'More art.',
              future: 'I want to make games.',
              sent_on: after,
              sent_at: new Date(`${after}T17:00:00Z`),
            });
          }
        }
      }
    }
  }
  await insertViewRows(trx, views);

  // Advice asked for open and recently held reviews (and always for the family accounts' children).
  const familyChildren = new Set(families.flatMap((f) => f.childIds));
  const atSencoSchool = new Set(
    (
      await currentSettingsOf(
        trx,
        laCode,
        reviews.map((r) => r.child_id),
      )
    )
      .filter((s) => s.name === sencoSchool)
      .map((s) => s.child_id),
  );
  const advice: Insertable<PlanReviewAdviceTable>[] = [];
  for (const r of reviews) {
    if (!r.meeting_date || r.decision !== null) continue;
    if (r.held !== null && r.held < addDays(today, -60)) continue;
    if (!familyChildren.has(r.child_id) && !rng.chance(0.5)) continue;
    const agencies = (Object.keys(pros) as Array<keyof typeof pros>).filter(
      (a) => pros[a] !== null && rng.chance(a === 'educational-psychology' ? 0.6 : 0.35),
    );
    for (const agency of agencies) {
      const due = reviewAdviceDue(r.meeting_date).date;
      const requested = minDay(today, addDays(r.meeting_date, -rng.int(28, 42)));
      const answered = due <= today ? rng.chance(0.8) : rng.chance(0.3);
      const received = answered
        ? minDay(
            today,
            maxDay(
              requested,
              addDays(
                due,
                -rng.weighted([
                  [rng.int(1, 10), 75],
                  [-rng.int(1, 9), 25],
                ] as const),
              ),
            ),
          )
        : null;
      const row: Insertable<PlanReviewAdviceTable> = {
        la_code: laCode,
        review_id: r.id,
        plan_id: r.plan_id,
        child_id: r.child_id,
        agency,
        professional_user_id: pros[agency]!,
        question: rng.chance(0.4)
          ? 'Please comment on progress since the last review and any changes to the help.'
          : '',
        requested,
        due,
        received,
        progress: received ? rng.pick(ADVICE_WORDS[agency].progress) : null,
        working: received ? rng.pick(ADVICE_WORDS[agency].working) : null,
        not_working: received ? rng.pick(ADVICE_WORDS[agency].notWorking) : null,
        changes: received ? rng.pick(ADVICE_WORDS[agency].changes) : null,
        submitted_by: received ? pros[agency] : null,
      };
      // Drawn as before, so the rest of the demo is unchanged; the SENCO advises only on her own school's pupils.
      if (agency !== 'setting' || atSencoSchool.has(r.child_id)) advice.push(row);
    }
  }
  await insertAdviceRows(trx, advice);
  return { views: views.length, advice: advice.length };
}

function keyOf(laCode: string, r: ReviewRow, userId: string, about: 'family' | 'child') {
  return {
    la_code: laCode,
    review_id: r.id,
    plan_id: r.plan_id,
    child_id: r.child_id,
    about,
    author_user_id: userId,
  } as const;
}
