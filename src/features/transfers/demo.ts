/**
 * The phase-transfer demo (issue 13 item 6, docs/transfers.md), built as of the demo's day and deterministic (no
 * clock reads; children taken in reference order; ids from the seeded generator): this school year's cohort, as the
 * core records make it, spread over the stages the day allows. The reviews demo has already held some reviews in the
 * window; of the children with nothing more yet (leaving out those a demo family signs in for), those with an
 * assessment case (where the consultation feature keeps preferences) are taken in turn to two settings consulted
 * (one answered), a preference only, and the proposal sent after consulting; of the others, one in four has the
 * proposal naming the setting sent and one in four the amended plan issued naming it. The facts go in through the
 * owners' demo functions (consultation `seedTransferPlacements`, amendments `seedTransferAmendments`), dated between
 * the start of the review window and the demo's day; a stage whose dates do not fit is skipped. No child is late
 * before the first deadline (15 February) has passed.
 */
import type { Transaction } from 'kysely';
import { addDays } from '../../demo/dates.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import { settingsForTransfers } from '../../platform/people/transfers.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { settingStaff } from '../../platform/people/settings.ts';
import { seedTransferAmendments, type TransferAmendmentWanted } from '../amendments/index.ts';
import { seedTransferPlacements, type TransferPlacementWanted } from '../consultation/index.ts';
import { latestCasesOfChildren } from '../assessments/index.ts';
import { plansForReviews } from '../plans/index.ts';
import { cohortOn, type CohortRow } from './service.ts';

/** How many children the demo takes to each later stage, at most (the rest of the cohort stays where it is). */
const PER_STAGE = 60;
type Later = 'preference' | 'consulting' | 'proposal' | 'named';

export async function seedTransfersDemo(
  trx: Transaction<DB>,
  options: DemoSeedOptions,
): Promise<Record<string, number>> {
  const { laCode, today } = options;
  const cohort = (await cohortOn(trx, laCode, today))
    .filter((r) => r.stage === 'in-cohort' || r.stage === 'review-held')
    .sort((a, b) => a.child.reference.localeCompare(b.child.reference));
  if (!cohort.length) return { transferPreferences: 0, transferAmendments: 0 };
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
  const taken: Record<Later, number> = { preference: 0, consulting: 0, proposal: 0, named: 0 };
  const eligible: CohortRow[] = [];
  for (const r of cohort) {
    if (!planOf.has(r.child.id)) continue;
    if ((await recipientsFor(trx, laCode, r.child.id, { family: true })).length > 0) continue;
    eligible.push(r);
  }
  // Preferences need the assessment case the consultation feature keeps them on: children with one are taken to the
  // preference, consulting and proposal stages in turn; of the others, one in four is named and one in four has the
  // proposal out.
  const caseOf = await latestCasesOfChildren(
    trx,
    laCode,
    eligible.map((r) => r.child.id),
  );
  let withCase = 0;
  let without = 0;
  for (const r of eligible) {
    const caseId = caseOf.get(r.child.id) ?? null;
    const stage: Later | undefined = caseId
      ? (['consulting', 'preference', 'proposal'] as const)[withCase++ % 3]
      : ([undefined, undefined, 'proposal', 'named'] as const)[without++ % 4];
    if (!stage || taken[stage] >= PER_STAGE) continue;
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
    if (proposalOn) amendments.push({ childId: r.child.id, proposalOn, issueOn });
    taken[stage]++;
  }
  const transferPreferences = await seedTransferPlacements(trx, laCode, placements);
  const transferAmendments = (await seedTransferAmendments(trx, options, amendments)).length;
  return { transferPreferences, transferAmendments };
}
