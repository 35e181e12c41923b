/**
 * Demo plans: every child with a plan (and GT-000018) gets a structured plan of realistic, mixed quality: about a
 * third exemplary, most mixed (a vaguer provision or an outcome with no measure), a quarter weak (golden-thread gaps:
 * a need with no provision, provision linked to nothing, health advice unused). The first DEMO_FULL_PLANS by reference
 * are full (two or three areas of need, health, up to four pieces of advice); the rest are lighter (one area of need,
 * health, two pieces of advice) so the demo stays quick to build. What a plan says follows the child's primary need
 * and phase (`demo-library/`, issue 18 item 9): every outcome says by when and how success is seen, every provision
 * how much, how often, who and in what grouping (nothing prints "Not given"), and a young person's plan prepares for
 * adult life in all four areas. Each has its draft and final versions, dated from the
 * child's record, and most have an audit history with blind moderation of a sample. Fully deterministic: a seeded
 * generator and the date the demo is built as of, no clock reads. The next review is due 12 months after the last
 * review meeting the child's history records (about one in ten is overdue, as the core records leave it).
 * Section A ("about me") is the child's own: put together for their age (a nursery child's parent speaks for them; a
 * young person past Year 11 speaks for themselves) and their main need, from likes, strengths, what helps and hopes,
 * so no two plans read the same (issue 18).
 */
import { lowerFirst } from '../../platform/text.ts';
import { computeTimeline } from '../../domain/clock/index.ts';
import { MONTH_NAMES } from '../../domain/clock/dates.ts';
import type {
  Advice,
  AreaOfNeed,
  Need,
  Outcome,
  Plan,
  Provision,
  Timescale,
} from '../../domain/plan-quality/model.ts';
import { yearGroupOn } from '../../domain/school-year.ts';
import { DEFAULT_TODAY, EHC_PLANS_BEGAN } from '../../demo/build.ts';
import { createRandom, hashString, type Random } from '../../demo/random.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { caseEventDays } from '../../platform/people/case-events.ts';
import {
  childrenWithPlansAndOne,
  currentSettingIds,
  settingsByName,
  usersWithRoles,
} from '../../platform/people/demo-seeding.ts';
import { userIdsByEmail } from '../../platform/people/users.ts';
import { sql, type Insertable } from 'kysely';
import type { EhcPlanItemTable } from '../../platform/db/schema/index.ts';
import { AUDIT_AREAS, insertDemoAudits, type Grade, type Grades } from '../plan-audits/index.ts';
import {
  AREAS_BY_NEED,
  HEALTH_BY_NEED,
  HEALTH_OTHERWISE,
  PFA_OUTCOMES,
  SOCIAL_CARE,
  phased,
  WHERE_BY_PHASE,
  type HealthSeed,
  type Phase,
  type Phased,
  type ProvisionSeed,
} from './demo-library/index.ts';
import type { Snapshot } from './snapshot.ts';

/** The first children with plans (by reference) whose plans are full: two or three areas of need, health, K's advice. */
export const DEMO_FULL_PLANS = 300;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

/** The later of two ISO days. */
const maxDay = (a: string, b: string) => (a > b ? a : b);
/** The four-item library the plans once drew their areas from: sampling it keeps each plan's draws (issue 18). */
const SLOTS = [0, 1, 2, 3] as const;

/** One of several ways of saying a thing, drawn from the content stream. */
const oneOf = (words: Random, text: Phased | readonly Phased[]): Phased =>
  typeof text === 'string' || !Array.isArray(text) ? (text as Phased) : words.pick(text as readonly Phased[]);

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An outcome's by-when, from the plan's last review or issue: by the end of the school or college year at least six
 * months on ("By the end of July 2027"), or within twelve months (by the end of that month).
 */
export function byWhen(anchor: string, kind: 'school-year' | 'twelve-months', phase: Phase): Timescale {
  const [y, m] = anchor.split('-').map(Number) as [number, number];
  if (kind === 'twelve-months') {
    const last = new Date(Date.UTC(y + 1, m, 0)).toISOString().slice(0, 10);
    return { text: `By the end of ${MONTH_NAMES[m - 1]} ${y + 1}`, by: last };
  }
  // Six months on, then the next 31 July.
  const sixOn = addDays(anchor, 183);
  const year = Number(sixOn.slice(0, 4)) + (sixOn.slice(5) > '07-31' ? 1 : 0);
  const end = { early: 'the summer term', school: 'the summer term', adult: 'the college year' }[phase];
  return { text: `By the end of ${end}, July ${year}`, by: `${year}-07-31` };
}

/** What a weaker outcome says it will make progress with. */
const WEAK_TOPIC: Readonly<Record<AreaOfNeed, string>> = {
  'communication-and-interaction': 'their communication',
  'cognition-and-learning': 'their learning',
  'social-emotional-mental-health': 'managing their feelings',
  'sensory-physical': 'their physical skills',
};

/** "30 minutes, once a week". */
function howMuch(p: Provision): string {
  const times = p.frequency ? ({ 1: 'once', 2: 'twice' } as Record<number, string>)[p.frequency.times] : '';
  const often = p.frequency ? `${times ?? `${p.frequency.times} times`} a ${p.frequency.per}` : '';
  return [p.amount ? `${p.amount.value} ${p.amount.unit}` : '', often].filter(Boolean).join(', ');
}

type Stage = 'early' | 'primary' | 'secondary' | 'adult';

const stageOf = (yearGroup: number): Stage =>
  yearGroup <= 0 ? 'early' : yearGroup <= 6 ? 'primary' : yearGroup <= 11 ? 'secondary' : 'adult';

/** What a child likes, by age: two are drawn for each child. */
const LIKES: Readonly<Record<Stage, readonly string[]>> = {
  early: [
    'splashing in the bath',
    'the swings at the park',
    'bubbles',
    'songs with actions',
    'lining up toy cars',
    'books with flaps',
    'playing in the sand',
    'cuddles with their big sister',
  ],
  primary: [
    'drawing',
    'football',
    'Lego',
    'swimming',
    'dinosaurs',
    'baking with my nan',
    'trains',
    'animals',
    'my scooter',
    'dancing',
  ],
  secondary: [
    'gaming with my friends',
    'art',
    'basketball',
    'cooking',
    'films',
    'coding',
    'music',
    'fishing with my dad',
    'looking after our animals',
    'photography',
  ],
  adult: [
    'cooking',
    'the gym',
    'music',
    'computers',
    'being outdoors',
    'fixing bikes',
    'drama',
    'volunteering at the animal rescue',
    'football',
    'photography',
  ],
};

/** What the family says the child is good at. */
const STRENGTHS: Readonly<Record<Stage, readonly string[]>> = {
  early: ['a happy, loving child', 'very determined', 'curious about everything', 'quick to laugh'],
  primary: ['kind to younger children', 'very determined', 'funny', 'good at remembering facts', 'creative'],
  secondary: [
    'loyal to friends',
    'good with their hands',
    'funny',
    'hard-working when interested',
    'creative',
  ],
  adult: ['reliable', 'good with people', 'practical', 'patient', 'determined'],
};

/** What helps, by the child's main need, in the child's own words (two ways of saying each). */
const WHAT_HELPS: Readonly<Record<string, readonly string[]>> = {
  ASD: [
    'Changes to my routine worry me. It helps when I know what is happening next.',
    'Noisy, busy places are too much for me. I need somewhere quiet to go.',
    'I like things to be the same. A visual timetable helps me get ready for changes.',
  ],
  SLCN: [
    'Sometimes people do not understand what I say. It helps when they give me time.',
    'Long instructions are hard to follow. I do better when adults say one thing at a time.',
  ],
  SPLD: [
    'Reading and spelling are hard for me. It helps when I can show what I know in other ways.',
    'I get muddled with letters. Coloured overlays and a laptop help me.',
  ],
  MLD: [
    'Learning new things takes me longer. It helps when adults explain things more than once.',
    'I need to practise a lot to remember things, and I like to be shown how.',
  ],
  SLD: [
    'I use signs, pictures and a few words to tell people what I want.',
    'I learn best with the same adults, in small steps, with lots of practice.',
  ],
  PMLD: [
    'I tell people how I feel with my face, sounds and body. People who know me well understand me.',
    'I need help with everything I do, and I enjoy music, touch and being with people.',
  ],
  SEMH: [
    'When I feel worried or angry I need a quiet place to calm down.',
    'It helps when there is one adult I trust who I can talk to.',
  ],
  HI: [
    'I need people to face me when they talk. Quiet rooms help me hear.',
    'I use hearing aids and a radio aid. It helps when teachers check I have heard.',
  ],
  VI: [
    'I need things in large print and help to find my way around new places.',
    'I use a magnifier and sit near the front. Good light helps me see.',
  ],
  MSI: ['I need people to tell me who they are and to let me touch things to understand them.'],
  PD: [
    'My legs get tired and I use a wheelchair for longer distances. I want to join in with everything.',
    'Writing and getting around take me longer. A laptop and extra time help.',
  ],
};
const HELPS_OTHERWISE = [
  'I need a bit more help than others to keep up, and I try hard.',
  'It helps when adults check that I understand.',
];

/** Hopes for the future, by age. */
const HOPES: Readonly<Record<Stage, readonly string[]>> = {
  early: [
    'to make friends at nursery',
    'to say more words so they can tell us what they want',
    'to be happy and settled when they start school',
    'to sleep through the night',
  ],
  primary: [
    'be a vet',
    'play football for a team',
    'have a best friend to play with at lunchtime',
    'read my favourite books by myself',
    'be a chef',
    'work with animals',
    'be a firefighter',
  ],
  secondary: [
    'go to college to study art',
    'be a mechanic',
    'work with computers',
    'feel less worried at school',
    'pass my maths and English',
    'be a chef',
    'work with children',
  ],
  adult: [
    'get a paid job in a kitchen',
    'live in my own flat with some support',
    'travel on the bus on my own',
    'work in a garage',
    'go to university',
    'work with animals',
    'have a job in a shop',
  ],
};

/**
 * Section A, the child's own: the child's or young person's words (a nursery child's parent speaks for them) and,
 * until they are a young person, a parent's.
 */
export function aboutMe(
  rng: Random,
  name: string,
  yearGroup: number,
  need: string | null,
): { text: string; whose: 'child' | 'young person' | 'parent' }[] {
  const stage = stageOf(yearGroup);
  const [a, b] = rng.sample(LIKES[stage], 2);
  const helps = rng.pick(WHAT_HELPS[need ?? ''] ?? HELPS_OTHERWISE);
  const hope = rng.pick(HOPES[stage]);
  const strength = rng.pick(STRENGTHS[stage]);
  if (stage === 'early')
    return [
      {
        text: `${name} is ${strength} and loves ${a} and ${b}. ${thirdPerson(helps, name)} We would like them ${hope}.`,
        whose: 'parent',
      },
    ];
  const own = `I like ${a} and ${b}. ${helps} When I am older I want to ${hope}.`;
  if (stage === 'adult') return [{ text: own, whose: 'young person' }];
  return [
    { text: own, whose: 'child' },
    {
      text: `${name} is ${strength}. We want them to be happy and to ${rng.pick(FAMILY_HOPES)}.`,
      whose: 'parent',
    },
  ];
}

const FAMILY_HOPES = [
  'have friends who understand them',
  'feel safe at school',
  'grow in confidence',
  'do as much for themselves as they can',
  'get the help they need without a fight',
];

/** A child's sentence about what helps them, as their parent says it. */
function thirdPerson(sentence: string, name: string): string {
  return sentence
    .replace(/^I /, `${name} `)
    .replaceAll(/\bI am\b/g, 'they are')
    .replaceAll(/\bI\b/g, 'they')
    .replaceAll(/\bme\b/g, 'them')
    .replaceAll(/\bmy\b/gi, (m) => (m === 'My' ? 'Their' : 'their'));
}

interface AdviceSeed {
  agency: string;
  authorRole: string;
}
const ADVICE: readonly AdviceSeed[] = [
  { agency: 'Educational psychology', authorRole: 'Educational psychologist' },
  { agency: 'Health', authorRole: 'Community paediatrician' },
  { agency: 'The school, college or nursery', authorRole: 'SENCO' },
  { agency: 'Social care', authorRole: "Social worker, disabled children's team" },
];

type Tier = 'exemplary' | 'mixed' | 'weak';

export interface PlansDemoOptions {
  laCode: string;
  today?: string | undefined;
  /** At most this many plans (default: every child with a plan). */
  count?: number;
}

function chunked<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Each demo plan's "last changed" as its own last change in the demo's time (issue 18), not the moment the demo was
 * seeded: its latest version issued (a draft, the final, an amendment's proposal or amended plan, at 10:00 on its
 * day), or a comment on it made or answered later; never after the demo's day. Run after every feature's demo (`demoAfter`), since the amendments
 * and reviews seeders change plans through the plans service, which stamps the wall clock. Returns how many plans.
 */
export async function settleDemoPlanTimes(db: Executor, laCode: string, today: string): Promise<number> {
  // Never later than the end of the demo's day, whatever a seeder stamped.
  const result = await sql`
    update ehc_plan p set updated_at = least(coalesce(
      greatest(
        (select (max(v.issued_on) + time '10:00') at time zone 'UTC' from ehc_plan_version v
          where v.la_code = p.la_code and v.plan_id = p.id),
        (select max(coalesce(c.responded_at, c.created_at)) from ehc_plan_comment c
          where c.la_code = p.la_code and c.plan_id = p.id),
        (select max(c.created_at) from ehc_plan_comment c where c.la_code = p.la_code and c.plan_id = p.id)
      ),
      p.updated_at
    ), (${today}::date + time '18:00') at time zone 'UTC')
    where p.la_code = ${laCode}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Seeds the demo plans and audits inside the demo authority's transaction. Returns how many plans. */
export async function seedPlansDemo(db: Executor, options: PlansDemoOptions): Promise<number> {
  const la = options.laCode;
  const today = options.today ?? DEFAULT_TODAY;
  const count = options.count;
  const rng0 = createRandom(hashString(`plans:${la}`));
  const { children, one: special } = await childrenWithPlansAndOne(db, la, 'GT-000018', count);
  if (special && !children.some((c) => c.id === special.id)) {
    if (count !== undefined && children.length >= count) children[children.length - 1] = special;
    else children.push(special);
  }
  const staff = await usersWithRoles(db, la, ['caseworker', 'team-manager', 'send-leader']);
  const writers = staff.filter((s) => s.role === 'caseworker');
  const auditors = staff.filter((s) => s.role !== 'caseworker');
  const settings = await settingsByName(db, la, 500);
  const current = await currentSettingIds(db, la);
  const parentId = (await userIdsByEmail(db, la, ['parent@demo.example'])).get('parent@demo.example');
  const parent = parentId ? { id: parentId } : undefined;
  if (!writers.length || !settings.length) return 0;
  // The review meetings the child's history records, so the next review is due 12 months after the last one held.
  const reviewsHeld = new Map<string, string[]>();
  for (const e of await caseEventDays(db, la, 'review-held')) {
    reviewsHeld.set(e.child_id, [...(reviewsHeld.get(e.child_id) ?? []), e.day]);
  }

  const plans: Record<string, unknown>[] = [];
  const adviceRows: Record<string, unknown>[] = [];
  const summaries = new Map<string, string>();
  const items: Insertable<EhcPlanItemTable>[] = [];
  const versions: Record<string, unknown>[] = [];
  const audits: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  const comments: Record<string, unknown>[] = [];
  let firstAudits = 0;

  for (const [index, child] of children.entries()) {
    const rng: Random = rng0.fork(child.reference);
    const special18 = child.reference === 'GT-000018';
    // After the first DEMO_FULL_PLANS, a lighter plan (one area of need, two pieces of advice, no health section) keeps
    // the demo quick to build: real plans all the same, with versions, audits and the golden thread checked.
    const light = index >= DEMO_FULL_PLANS && !special18;
    const tier: Tier = special18
      ? 'mixed'
      : rng.weighted<Tier>([
          ['exemplary', 3],
          ['mixed', 4.5],
          ['weak', 2.5],
        ]);
    const writer =
      (child.lead_officer_id && writers.find((w) => w.id === child.lead_officer_id)) ||
      writers[index % writers.length]!;
    const planId = rng.uuid();
    const finalIssued =
      child.plan_first_issued && child.plan_first_issued < today
        ? child.plan_first_issued
        : rng.dateBetween(addDays(today, -700), addDays(today, -60));
    // Nothing before EHC plans began (1 September 2014), for a plan issued in their first weeks (no draw changed).
    const draftIssued = maxDay(addDays(finalIssued, -rng.int(20, 40)), EHC_PLANS_BEGAN);
    const yearGroup = yearGroupOn(child.date_of_birth, finalIssued);
    // The plan as it stands now is written for the child's phase today: a young person past Year 11 (at college, in a
    // sixth form, in training) has a plan that prepares them for adult life (issue 18 item 9). Its outcomes are due
    // from its last review meeting, or its issue (the meetings the child's history records).
    const yearNow = yearGroupOn(child.date_of_birth, today);
    const phase: Phase = yearNow <= 0 ? 'early' : yearNow <= 11 ? 'school' : 'adult';
    const meetings = (reviewsHeld.get(child.id) ?? []).filter((day) => day > finalIssued && day <= today);
    const anchor = meetings.reduce((m, d) => (d > m ? d : m), finalIssued);
    // What the plan says is drawn from its own stream, so the draws below (and the rest of the demo) are unchanged.
    const words = rng.fork('content');
    const settingId = current.get(child.id) ?? rng.pick(settings).id;
    const setting = settings.find((s) => s.id === settingId) ?? rng.pick(settings);

    // Section K
    const adviceCount = light ? 2 : rng.int(2, 4);
    const advice: Advice[] = ADVICE.slice(0, adviceCount).map((a, i) => ({
      id: rng.uuid(),
      agency: a.agency,
      authorRole: a.authorRole,
      received: maxDay(addDays(draftIssued, -rng.int(20, 50) + i), EHC_PLANS_BEGAN),
    }));
    advice.forEach((a, i) => {
      summaries.set(
        a.id,
        `${a.agency} advice for ${child.given_name}, written after meeting them and their family.`,
      );
      adviceRows.push({
        la_code: la,
        id: a.id,
        plan_id: planId,
        assessment_advice_id: null,
        agency: a.agency,
        author_role: a.authorRole,
        service_name: null,
        received: a.received,
        summary: summaries.get(a.id),
        position: i + 1,
      });
    });

    // Needs, outcomes and provision: B follows the child's primary need (its own area first, then others that go with
    // it); the draws are those of the four-item library this replaced, so each plan keeps its shape and quality.
    const library = AREAS_BY_NEED[child.primary_need ?? ''] ?? AREAS_BY_NEED.OTH!;
    const count = rng.sample(SLOTS, light ? 1 : rng.int(2, 3)).length;
    const areas = [library[0]!, ...words.sample(library.slice(1), count - 1)];
    const name = child.preferred_name || child.given_name;
    const setWords = (text: Phased) => phased(text, phase);
    const needs: Need[] = [];
    const outcomes: Outcome[] = [];
    const provision: Provision[] = [];
    const specific = (seed: ProvisionSeed) => ({
      what: setWords(seed.what),
      amount: { value: seed.amount, unit: seed.unit },
      frequency: { times: seed.times, per: seed.per },
      deliverer: { role: capitalise(setWords(seed.role)), qualification: setWords(seed.qualification) },
      grouping:
        seed.grouping === 'group'
          ? ({ kind: 'group', size: seed.size ?? 4 } as const)
          : ({ kind: 'one-to-one' } as const),
      where: setWords(seed.where ?? WHERE_BY_PHASE[phase]),
    });
    for (const [ai, lib] of areas.entries()) {
      const needId = rng.uuid();
      const outcomeId = rng.uuid();
      needs.push({ id: needId, section: 'B', area: lib.area, text: setWords(oneOf(words, lib.need)) });
      const weakOutcome = tier === 'weak' ? rng.chance(0.6) : tier === 'mixed' && rng.chance(0.25);
      // A weaker outcome still says by when, but not what will be different (a measure no one can check).
      const by = byWhen(anchor, ai === 0 ? 'school-year' : 'twelve-months', phase);
      outcomes.push({
        id: outcomeId,
        text: weakOutcome
          ? `${name} will make progress with ${WEAK_TOPIC[lib.area]}.`
          : `${name} ${setWords(lib.outcome)}`,
        // (A young person's first outcome drew no chance here before, so none is drawn now.)
        needIds: tier === 'weak' && ai === 0 && phase !== 'adult' && rng.chance(0.5) ? [] : [needId],
        timescale: weakOutcome ? { text: 'By their next annual review', by: null } : by,
        successMeasure: weakOutcome
          ? 'Staff will keep an eye on how they are getting on.'
          : setWords(lib.measure),
        preparationForAdulthood: (phase === 'adult' || yearGroup >= 9) && !weakOutcome ? lib.pfa : null,
      });
      const skip = tier === 'weak' && ai === areas.length - 1 && rng.chance(0.6); // a need left without provision
      if (skip) continue;
      // Vaguer provision in a weaker plan: how much, how often and who are still given, but the wording leaves too
      // much to the reader, and where, who oversees and how it is reviewed are not said.
      const vague = tier === 'weak' ? rng.chance(0.7) : tier === 'mixed' && rng.chance(0.35);
      // The first area's provision cites the educational psychologist; the second, the school's or college's advice.
      const src = (ai === 1 && advice.find((a) => a.agency === ADVICE[2]!.agency)) || advice[0]!;
      const good = specific(lib.provision);
      provision.push({
        id: rng.uuid(),
        section: 'F',
        ...good,
        what: vague ? setWords(lib.vague) : good.what,
        where: vague ? '' : good.where,
        oversight: vague ? '' : setWords('{senco}'),
        review: vague ? '' : 'Termly, against the outcome',
        needIds: [needId],
        outcomeIds: tier === 'weak' && rng.chance(0.4) ? [] : [outcomeId],
        source: { kind: 'advice', adviceId: src.id },
      });
    }
    // A young person's plan covers all four preparing-for-adulthood areas: an outcome, following from their main
    // need, for each area the needs above do not already cover, with the provision that works towards it.
    if (phase === 'adult') {
      const covered = new Set(outcomes.map((o) => o.preparationForAdulthood));
      const college = advice.find((a) => a.agency === ADVICE[2]!.agency) ?? advice[0]!;
      for (const pfa of PFA_OUTCOMES.filter((p) => !covered.has(p.area))) {
        const outcomeId = words.uuid();
        outcomes.push({
          id: outcomeId,
          text: `${name} ${pfa.text}`,
          needIds: [needs[0]!.id],
          timescale: byWhen(anchor, 'school-year', phase),
          successMeasure: pfa.measure,
          preparationForAdulthood: pfa.area,
        });
        provision.push({
          id: words.uuid(),
          section: 'F',
          ...specific(pfa.provision),
          oversight: setWords('{senco}'),
          review: 'At each review, against the outcome',
          needIds: [needs[0]!.id],
          outcomeIds: [outcomeId],
          source: { kind: 'advice', adviceId: college.id },
        });
      }
    }
    // Health (C, G) and social care (D, H1): the need that goes with the primary need and, unless the plan is weak,
    // an outcome for it and provision citing that agency's advice. Only the health need and provision ids of a full
    // plan come from the plan's own draws, as before; the rest from the content stream.
    const other = (section: 'C' | 'D', seed: HealthSeed, from: Advice, ids: Random) => {
      const needId = ids.uuid();
      needs.push({ id: needId, section, text: setWords(seed.need) });
      if (tier === 'weak') return;
      const provisionId = ids.uuid();
      const outcomeId = words.uuid();
      outcomes.push({
        id: outcomeId,
        text: `${name} ${setWords(seed.outcome)}`,
        needIds: [needId],
        timescale: byWhen(anchor, 'twelve-months', phase),
        successMeasure: setWords(seed.measure),
        preparationForAdulthood: null,
      });
      provision.push({
        id: provisionId,
        section: section === 'C' ? 'G' : 'H1',
        ...specific(seed.provision),
        oversight: section === 'C' ? setWords('{senco}') : 'The disabled children’s team',
        review: 'Each year at the annual review',
        needIds: [needId],
        outcomeIds: [outcomeId],
        source: { kind: 'advice', adviceId: from.id },
      });
    };
    const healthAdvice = advice.find((a) => a.agency === 'Health');
    if (healthAdvice) {
      const seeds = HEALTH_BY_NEED[child.primary_need ?? ''] ?? HEALTH_OTHERWISE;
      other('C', 'need' in seeds ? seeds : words.pick(seeds), healthAdvice, light ? words : rng);
    }
    const socialAdvice = advice.find((a) => a.agency === ADVICE[3]!.agency);
    if (socialAdvice && tier !== 'weak') other('D', words.pick(SOCIAL_CARE), socialAdvice, words);
    // The same draws as the stock sentence it replaced (an id and two picks), so the rest of the plan is unchanged.
    const firstId = rng.uuid();
    rng.next();
    rng.next();
    const about = rng.fork('about-me');
    const aspirations = aboutMe(
      about,
      child.preferred_name || child.given_name,
      yearGroupOn(child.date_of_birth, today),
      child.primary_need,
    ).map((a, i) => ({ id: i === 0 ? firstId : about.uuid(), ...a }));
    const placement = { settingId: setting.id, name: setting.name };
    const finalPlan: Plan = {
      id: planId,
      status: 'final',
      yearGroup,
      aspirations,
      needs,
      outcomes,
      provision,
      placement,
      personalBudget: { requested: false, annualAmountPence: null, directPayments: [] },
      advice,
    };
    // The draft: section I blank, and the first provision item as the draft first had it (vaguer).
    const draftProvision = provision.map((p, i) =>
      i === 0 && p.amount ? { ...p, what: `${p.what}, as appropriate`, frequency: null } : p,
    );
    const draftPlan: Plan = {
      ...finalPlan,
      status: 'draft',
      placement: null,
      provision: draftProvision.slice(0, Math.max(1, draftProvision.length - (tier === 'exemplary' ? 0 : 1))),
    };
    const childInfo = {
      name: child.preferred_name || child.given_name,
      fullName: `${child.given_name} ${child.family_name}`,
      reference: child.reference,
      dateOfBirth: child.date_of_birth,
    };
    const snap = (plan: Plan): Snapshot => ({
      plan,
      child: childInfo,
      writer: writer.display_name,
      adviceSummaries: Object.fromEntries(advice.map((a) => [a.id, summaries.get(a.id)!])),
      placementType: plan.placement ? setting.type : null,
    });
    const reviewDue =
      computeTimeline({
        asOf: today,
        plan: { firstIssued: finalIssued, reviews: meetings.map((meeting) => ({ meeting })) },
      }).steps.find((s) => s.id === `review:${meetings.length + 1}`)?.due ?? null;
    const draftVersion = rng.uuid();
    const finalVersion = rng.uuid();
    plans.push({
      la_code: la,
      id: planId,
      child_id: child.id,
      case_id: null,
      status: 'final',
      writer_id: writer.id,
      team_id: writer.team_id,
      placement_setting_id: setting.id,
      budget_requested: false,
      budget_pence: null,
      revision: 1,
      shared_version_id: finalVersion,
      draft_served: draftIssued,
      final_issued: finalIssued,
      review_due: reviewDue,
    });
    const row = (
      text: string,
      section: EhcPlanItemTable['section'],
      position: number,
      extra: Partial<Insertable<EhcPlanItemTable>>,
    ): Insertable<EhcPlanItemTable> => ({
      la_code: la,
      plan_id: planId,
      section,
      position,
      text,
      whose: null,
      area: null,
      timescale_text: null,
      timescale_by: null,
      success_measure: null,
      pfa_area: null,
      amount_value: null,
      amount_unit: null,
      frequency_times: null,
      frequency_per: null,
      deliverer_role: null,
      deliverer_qualification: null,
      grouping_kind: null,
      grouping_size: null,
      where_text: null,
      oversight: null,
      review: null,
      source_kind: null,
      source_advice_id: null,
      source_recommendation: null,
      source_reason: null,
      annual_amount_pence: null,
      need_ids: '[]',
      outcome_ids: '[]',
      provision_ids: '[]',
      ...extra,
    });
    aspirations.forEach((a, i) => items.push(row(a.text, 'A', i + 1, { id: a.id, whose: a.whose })));
    needs.forEach((n, i) =>
      items.push(row(n.text, n.section, i + 1, { id: n.id, area: n.section === 'B' ? n.area : null })),
    );
    outcomes.forEach((o, i) =>
      items.push(
        row(o.text, 'E', i + 1, {
          id: o.id,
          timescale_text: o.timescale.text || null,
          success_measure: o.successMeasure || null,
          pfa_area: o.preparationForAdulthood,
          need_ids: JSON.stringify(o.needIds),
        }),
      ),
    );
    provision.forEach((p, i) =>
      items.push(
        row(p.what, p.section, i + 1, {
          id: p.id,
          amount_value: p.amount?.value ?? null,
          amount_unit: p.amount?.unit ?? null,
          frequency_times: p.frequency?.times ?? null,
          frequency_per: p.frequency?.per ?? null,
          deliverer_role: p.deliverer?.role ?? null,
          deliverer_qualification: p.deliverer?.qualification ?? null,
          grouping_kind: p.grouping?.kind ?? null,
          grouping_size: p.grouping?.kind === 'group' ? p.grouping.size : null,
          where_text: p.where || null,
          oversight: p.oversight || null,
          review: p.review || null,
          source_kind: p.source.kind,
          source_advice_id: p.source.kind === 'advice' ? p.source.adviceId : null,
          source_reason: p.source.kind === 'authority-decision' ? p.source.reason : null,
          need_ids: JSON.stringify(p.needIds),
          outcome_ids: JSON.stringify(p.outcomeIds),
        }),
      ),
    );
    versions.push({
      la_code: la,
      id: draftVersion,
      plan_id: planId,
      number: 1,
      kind: 'draft',
      issued_on: draftIssued,
      issued_by: writer.id,
      snapshot: JSON.stringify(snap(draftPlan)),
      thread_errors: 0,
      override_id: null,
    });
    versions.push({
      la_code: la,
      id: finalVersion,
      plan_id: planId,
      number: 2,
      kind: 'final',
      issued_on: finalIssued,
      issued_by: writer.id,
      snapshot: JSON.stringify(snap(finalPlan)),
      thread_errors: 0,
      override_id: null,
    });
    if (special18 && parent) {
      comments.push({
        la_code: la,
        id: rng.uuid(),
        plan_id: planId,
        version_id: draftVersion,
        section: 'F',
        item_id: null,
        author_id: parent.id,
        author_kind: 'family',
        body: `Please say how often the ${lowerFirst(provision[0]!.what)} will happen. "As appropriate" does not tell us anything.`,
        idempotency_key: `demo-${planId}`,
        response: `Thank you. The final plan says how much and how often: ${howMuch(provision[0]!)}.`,
        changed: true,
        change_note: 'Section F now gives the amount and frequency.',
        responded_by: writer.id,
        responded_at: new Date(`${addDays(draftIssued, 10)}T10:00:00Z`),
        created_at: new Date(`${addDays(draftIssued, 5)}T18:30:00Z`),
      });
    }

    // Audits: most plans, graded from the tier with some noise; one in four sampled; most samples moderated blind.
    if (auditors.length && rng.chance(0.65)) {
      const base: Grade =
        tier === 'exemplary'
          ? rng.pick<Grade>([1, 2, 2])
          : tier === 'mixed'
            ? rng.pick<Grade>([2, 3, 3])
            : rng.pick<Grade>([3, 4, 4]);
      // Soon after the plan was issued, or for a plan issued long ago, within the last two years (the plan in force
      // audited as part of the quarter's sample): never before plans began, never in the future.
      const soonAfter = addDays(finalIssued, rng.int(14, 90));
      const recent = addDays(today, -rng.int(7, 730));
      const latest = soonAfter > recent ? soonAfter : recent;
      const auditedOn = latest < today ? latest : today;
      const grades: Grades = {};
      for (const area of AUDIT_AREAS) {
        const g = Math.min(4, Math.max(1, base + rng.pick([-1, 0, 0, 0, 1]))) as Grade;
        grades[area.key] = {
          grade: g,
          evidence:
            g >= 3
              ? `Section ${area.key} does not yet meet the criterion: ${area.criterion}`
              : 'Meets the criterion.',
        };
      }
      const auditor = rng.pick(auditors);
      const auditId = rng.uuid();
      const sampled = firstAudits % 4 === 0;
      firstAudits++;
      audits.push({
        la_code: la,
        id: auditId,
        plan_id: planId,
        version_id: finalVersion,
        kind: 'first',
        moderates_id: null,
        auditor_id: auditor.id,
        writer_id: writer.id,
        team_id: writer.team_id,
        grades: JSON.stringify(grades),
        overall: base,
        overall_evidence: `Overall: ${tier === 'exemplary' ? 'a clear thread from aspirations to quantified provision.' : tier === 'mixed' ? 'mostly clear, with some vague provision.' : 'gaps in the golden thread and vague provision.'}`,
        sampled,
        audited_on: auditedOn,
        idempotency_key: `demo-audit-${auditId}`,
      });
      for (const area of AUDIT_AREAS) {
        const g = grades[area.key]!;
        if (g.grade >= 3) {
          actions.push({
            la_code: la,
            id: rng.uuid(),
            audit_id: auditId,
            plan_id: planId,
            child_id: child.id,
            section: area.key,
            text: g.evidence,
            assigned_to: writer.id,
            done_at: rng.chance(0.4) ? new Date(`${addDays(auditedOn, 20)}T12:00:00Z`) : null,
            done_by: null,
          });
        }
      }
      const moderator = auditors.find((a) => a.id !== auditor.id);
      if (sampled && moderator && rng.chance(0.8)) {
        // First auditors tend to be a little generous: the moderator is as strict or one grade stricter.
        const m = (g: number) => Math.min(4, Math.max(1, g + rng.pick([0, 0, 0, 1, 1, -1]))) as Grade;
        const mg: Grades = {};
        for (const area of AUDIT_AREAS)
          mg[area.key] = { grade: m(grades[area.key]!.grade), evidence: 'Moderated.' };
        const modId = rng.uuid();
        audits.push({
          la_code: la,
          id: modId,
          plan_id: planId,
          version_id: finalVersion,
          kind: 'moderation',
          moderates_id: auditId,
          auditor_id: moderator.id,
          writer_id: writer.id,
          team_id: writer.team_id,
          grades: JSON.stringify(mg),
          overall: m(base),
          overall_evidence: 'Moderated blind against the same criteria.',
          sampled: false,
          audited_on: addDays(auditedOn, 7) < today ? addDays(auditedOn, 7) : today,
          idempotency_key: `demo-audit-${modId}`,
        });
      }
    }
  }

  for (const c of chunked(plans, 500))
    await db
      .insertInto('ehc_plan')
      .values(c as never)
      .execute();
  for (const c of chunked(adviceRows, 500))
    await db
      .insertInto('ehc_plan_advice')
      .values(c as never)
      .execute();
  for (const c of chunked(items, 300)) await db.insertInto('ehc_plan_item').values(c).execute();
  for (const c of chunked(versions, 100))
    await db
      .insertInto('ehc_plan_version')
      .values(c as never)
      .execute();
  for (const c of chunked(comments, 100))
    await db
      .insertInto('ehc_plan_comment')
      .values(c as never)
      .execute();
  await insertDemoAudits(db, audits, actions);
  return plans.length;
}
