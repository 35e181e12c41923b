/**
 * The phase-transfer demo (issue 13 item 6, docs/transfers.md), built as of the demo's day and deterministic (no
 * clock reads; children taken in reference order; ids from the seeded generator): this school year's cohort, as the
 * core records make it, spread over the stages the day allows. The reviews demo has already held some reviews in the
 * window; of the children with nothing more yet (leaving out those a demo family signs in for), those with an
 * assessment case (where the consultation feature keeps preferences) are taken in turn to two settings consulted
 * (one answered), a preference only, and the proposal sent after consulting; of the others, one in four has the
 * proposal naming the setting sent and one in four the amended plan issued naming it. The facts go in through the
 * owners' demo functions (consultation `seedTransferPlacements`, amendments `seedTransferAmendments`), dated between
 * the start of the review window and the demo's day; a stage whose dates do not fit is skipped. Of the children
 * without a case, one in four more has the family's preference in the feature's own table (stated online, or given
 * at the review, in turn). Two destinations change the law's date: the first Year 11 at an 11-16 school goes to
 * another school's sixth form (out of the cohort: local deadline), and the first student at a college outside the
 * cohort moves to another post-16 institution in about 8 months (reg 18(2): named 5 months before). No child is late
 * before the first deadline (15 February) has passed.
 */
import type { Transaction } from 'kysely';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import { parseDate, schoolYearStart } from '../../domain/calendar.ts';
import { isoWeekday } from '../../domain/clock/dates.ts';
import { cohortEntry } from '../../domain/transfer/index.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { childForTransfer, settingsForTransfers } from '../../platform/people/transfers.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { settingStaff } from '../../platform/people/settings.ts';
import { seedTransferAmendments, type TransferAmendmentWanted } from '../amendments/index.ts';
import { seedTransferPlacements, type TransferPlacementWanted } from '../consultation/index.ts';
import { latestCasesOfChildren } from '../assessments/index.ts';
import { plansForReviews } from '../plans/index.ts';
import { cohortOn, type CohortRow } from './service.ts';
import { insertTransferPreference, saveDestination } from './store.ts';

/** How many children the demo takes to each later stage, at most (the rest of the cohort stays where it is). */
const PER_STAGE = 60;
type Later = 'preference' | 'consulting' | 'proposal' | 'named' | 'own-preference';

export async function seedTransfersDemo(
  trx: Transaction<DB>,
  options: DemoSeedOptions,
): Promise<Record<string, number>> {
  const { laCode, today } = options;
  const cohort = (await cohortOn(trx, laCode, today))
    .filter((r) => r.stage === 'in-cohort' || r.stage === 'review-held')
    .sort((a, b) => a.child.reference.localeCompare(b.child.reference));
  if (!cohort.length) return { transferPreferences: 0, transferAmendments: 0, transferDestinations: 0 };
  const year = schoolYearStart(today);
  // Children with an assessment case are kept for the consultation stages (few in a small demo).
  const withCases = await latestCasesOfChildren(
    trx,
    laCode,
    cohort.map((r) => r.child.id),
  );
  const destinations = await seedDestinations(
    trx,
    options,
    cohort.filter((r) => !withCases.has(r.child.id)),
    new Set(cohort.map((r) => r.child.id)),
  );
  // Settings with staff accounts (the demo SENCO's school) and children a demo family signs in for keep the views
  // the other features' demos give them.
  const settings: Awaited<ReturnType<typeof settingsForTransfers>> = [];
  for (const s of await settingsForTransfers(trx, laCode)) {
    if ((await settingStaff(trx, laCode, s.id)).length === 0) settings.push(s);
  }
  const planOf = new Map((await plansForReviews(trx, laCode)).map((p) => [p.childId, p.id]));
  /** Two settings a child in their setting's last year group could move to, in name order. */
  const nextSettings = (r: CohortRow, n: number) => {
    const next = r.child.setting.lastYear + 1;
    const fits = settings.filter((s) =>
      next >= 12
        ? s.kind === 'college' || (s.firstYear <= 12 && s.lastYear >= 12 && s.kind !== 'early-years')
        : s.kind === 'school' && s.firstYear === next,
    );
    return fits
      .slice(n % Math.max(1, fits.length - 1), (n % Math.max(1, fits.length - 1)) + 2)
      .map((s) => s.id);
  };
  const clamp = (r: CohortRow, daysAgo: number) => {
    const d = addDays(today, -daysAgo);
    return d < r.dates.reviewFrom.date ? r.dates.reviewFrom.date : d;
  };
  const placements: TransferPlacementWanted[] = [];
  const amendments: TransferAmendmentWanted[] = [];
  const taken: Record<Later, number> = {
    preference: 0,
    consulting: 0,
    proposal: 0,
    named: 0,
    'own-preference': 0,
  };
  const eligible: CohortRow[] = [];
  const ownPreferences: Array<{ r: CohortRow; settingIds: string[]; received: string; n: number }> = [];
  for (const r of cohort) {
    if (destinations.has(r.child.id)) continue;
    if (!planOf.has(r.child.id)) continue;
    if ((await recipientsFor(trx, laCode, r.child.id, { family: true })).length > 0) continue;
    eligible.push(r);
  }
  // Preferences need the assessment case the consultation feature keeps them on: children with one are taken to the
  // preference, consulting and proposal stages in turn; of the others, one in four is named and one in four has the
  // proposal out.
  const caseOf = withCases;
  let withCase = 0;
  let without = 0;
  for (const r of eligible) {
    const caseId = caseOf.get(r.child.id) ?? null;
    const stage: Later | undefined = caseId
      ? (['consulting', 'preference', 'proposal'] as const)[withCase++ % 3]
      : ([undefined, 'own-preference', 'proposal', 'named'] as const)[without++ % 4];
    if (!stage || taken[stage] >= PER_STAGE) continue;
    if (stage === 'own-preference') {
      const settingIds = nextSettings(r, taken[stage]).slice(0, 1 + (taken[stage] % 2));
      if (!settingIds.length) continue;
      ownPreferences.push({ r, settingIds, received: clamp(r, 4 + (taken[stage] % 20)), n: taken[stage] });
      taken[stage]++;
      continue;
    }
    const received = clamp(
      r,
      stage === 'named' ? 70 : stage === 'proposal' ? 45 : stage === 'consulting' ? 25 : 8,
    );
    const consulted = stage === 'preference' ? null : received;
    const answered = consulted && addDays(consulted, 10) <= today ? addDays(consulted, 10) : null;
    const proposalOn = stage === 'proposal' ? clamp(r, 6) : stage === 'named' ? clamp(r, 30) : null;
    const issueOn =
      stage === 'named' && proposalOn && addDays(proposalOn, 16) <= today ? addDays(proposalOn, 16) : null;
    if (stage === 'named' && !issueOn) continue;
    const settingIds = nextSettings(r, taken[stage]);
    if (caseId && settingIds.length) {
      placements.push({
        caseId,
        childId: r.child.id,
        settingIds,
        received,
        consultedOn: consulted,
        answeredOn: answered,
      });
    } else if (stage === 'preference' || stage === 'consulting') continue;
    if (proposalOn)
      amendments.push({ childId: r.child.id, proposalOn, issueOn, settingId: settingIds[0] ?? null });
    taken[stage]++;
  }
  let transferPreferences = await seedTransferPlacements(trx, laCode, placements);
  // The family's preference in the feature's own table: stated online, or given at the transfer review, in turn.
  for (const { r, settingIds, received, n } of ownPreferences) {
    const rng = createRandom(hashString(`transfer-preference:${r.child.id}:${year}`));
    for (const settingId of settingIds) {
      const made = await insertTransferPreference(trx, {
        id: rng.uuid(),
        la_code: laCode,
        child_id: r.child.id,
        school_year: year,
        setting_id: settingId,
        setting_text: null,
        reasons: n % 2 === 0 ? 'Close to home, and their friends are going there' : null,
        received,
        source: n % 2 === 0 ? 'family' : 'review',
        recorded_by: null,
      });
      if (made) transferPreferences++;
    }
  }
  const transferAmendments = (await seedTransferAmendments(trx, options, amendments)).length;
  return { transferPreferences, transferAmendments, transferDestinations: destinations.size };
}

/**
 * The two destinations that change the law's date (S2's acceptance cases): the first Year 11 of the cohort at an
 * 11-16 school goes to another school's sixth form (not a statutory phase transfer: out of the cohort), and the first
 * student with a plan at a college, not in the cohort, moves to another post-16 institution on the first Monday 8
 * months on (reg 18(2): the plan must name it 5 months before). Returns the children given one.
 */
async function seedDestinations(
  trx: Transaction<DB>,
  options: DemoSeedOptions,
  cohort: readonly CohortRow[],
  inCohort: ReadonlySet<string>,
): Promise<Set<string>> {
  // `cohort`: the children this may take for another school's sixth form; `inCohort`: the whole cohort.
  const { laCode, today } = options;
  const year = schoolYearStart(today);
  const done = new Set<string>();
  const signedIn = async (id: string) => (await recipientsFor(trx, laCode, id, { family: true })).length > 0;
  let sixthForm: CohortRow | undefined;
  for (const r of cohort) {
    if (r.child.setting.kind !== 'school' || r.child.setting.lastYear !== 11 || r.stage !== 'in-cohort')
      continue;
    if (await signedIn(r.child.id)) continue;
    sixthForm = r;
    break;
  }
  if (sixthForm) {
    await saveDestination(trx, {
      la_code: laCode,
      child_id: sixthForm.child.id,
      school_year: year,
      destination: 'school-sixth-form',
      move_date: null,
      recorded_on: today,
      recorded_by: null,
    });
    done.add(sixthForm.child.id);
  }
  const candidates = (await plansForReviews(trx, laCode))
    .map((p) => p.childId)
    .filter((id) => !inCohort.has(id))
    .sort();
  let move = addDays(today, 240);
  while (isoWeekday(parseDate(move)) !== 1) move = addDays(move, 1);
  for (const id of candidates) {
    const child = await childForTransfer(trx, laCode, id);
    if (!child || child.setting.kind !== 'college') continue;
    const entry = cohortEntry({
      dateOfBirth: child.dateOfBirth,
      on: today,
      setting: child.setting,
      destination: 'post-16-institution',
      moveDate: move,
    });
    if (!entry.inCohort || entry.dates.deadline.date < today || (await signedIn(id))) continue;
    await saveDestination(trx, {
      la_code: laCode,
      child_id: id,
      school_year: year,
      destination: 'post-16-institution',
      move_date: move,
      recorded_on: today,
      recorded_by: null,
    });
    done.add(id);
    break;
  }
  return done;
}
