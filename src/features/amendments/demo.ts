/**
 * The amendments demo (issue 12 item 8), built as of the demo's day, deterministic (no clock reads, no random
 * choices: the candidates are taken in a fixed order). A few amendments in every state, through the same functions
 * the pages use (the plans feature shares the proposal and issues the amended version):
 *
 * - after a review, preparing: the decision to amend made, the proposal not yet sent;
 * - after a review, the proposal out with the family for their 15 days;
 * - after a review, the amended plan issued on time;
 * - after a review, the amended plan issued late (shown late with its rule);
 * - outside a review (a change of need), the proposal sent 10 weeks ago and the amended plan overdue.
 *
 * Candidates are issued plans with section I named and no golden-thread errors, whose reviews decided to amend, of
 * children no demo family account signs in for.
 */
import type { Transaction } from 'kysely';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { ChangeContext } from '../../platform/change/change.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { activeOfficers, userWithTeam } from '../../platform/people/users.ts';
import { amendmentDates, reviewPaperworkDates } from '../../domain/clock/index.ts';
import {
  demoNamePlacement,
  demoProposedChange,
  issueAmendedPlan,
  planForAmendment,
  plansForReviews,
  shareProposal,
} from '../plans/index.ts';
import { reviewsOf, type ReviewRow } from '../reviews/index.ts';
import { amendmentsOf, insertAmendment, updateAmendment } from './store.ts';

/** The history's time of a demo step: mid-morning of its day, so the demo is the same in every database. */
const dayAt = (day: string) => new Date(`${day}T10:00:00Z`);
/** A demo version's id, from the seeded generator: the same plan and step give the same id in every database. */
const versionIdFor = (planId: string, step: string) =>
  createRandom(hashString(`amendment:${planId}:${step}`)).uuid();

const WORDS = [
  'Speech and language therapy: 45 minutes, once a week, one to one, by a speech and language therapist, to practise the vocabulary of each new topic',
  'Small-group literacy support: 30 minutes, every school day, groups of up to 4, by a trained teaching assistant',
  'Occupational therapy programme: 20 minutes, three times a week, one to one, by a teaching assistant trained by the occupational therapist',
  'Social communication group: 40 minutes, twice a week, groups of up to 6, led by the specialist teacher',
  'Movement breaks: 5 minutes, every hour, one to one, by the class teaching assistant, following the occupational therapist’s plan',
];

type Scenario = 'preparing' | 'commenting' | 'on-time' | 'late' | 'overdue';

export async function seedAmendmentsDemo(trx: Transaction<DB>, options: DemoSeedOptions): Promise<number> {
  const { laCode, today } = options;
  const officer = (await activeOfficers(trx, laCode))[0];
  const user = officer ? await userWithTeam(trx, laCode, officer.id) : undefined;
  if (!user) return 0;
  const actor: Actor = {
    laCode,
    userId: user.id,
    sessionId: 'demo',
    email: user.email,
    displayName: user.display_name,
    role: user.role === 'team-manager' ? 'team-manager' : 'caseworker',
    teamId: null,
    jobTitle: user.job_title,
    ip: null,
  };
  // The demo queues no messages: the family's emails are sent by the pages, not by the demo.
  const ctx: ChangeContext = {
    trx,
    actor,
    today,
    jobs: {} as Jobs,
    afterCommit: () => undefined,
  };
  const reviews = (await reviewsOf(trx, laCode)).filter(
    (r): r is ReviewRow & { held: string; decision_date: string } =>
      r.decision === 'amend' && r.held !== null && r.decision_date !== null,
  );
  // the latest decision to amend of each plan, oldest decision first
  const latest = new Map<string, ReviewRow & { held: string; decision_date: string }>();
  for (const r of reviews) {
    const seen = latest.get(r.plan_id);
    if (!seen || r.number > seen.number) latest.set(r.plan_id, r);
  }
  const candidates = [...latest.values()].sort(
    (a, b) => a.decision_date.localeCompare(b.decision_date) || a.plan_id.localeCompare(b.plan_id),
  );
  const used = new Set<string>();
  let made = 0;

  /** An issued plan fit to amend in the demo: section I named, no golden-thread errors, in force by `from`. */
  const fit = async (planId: string, from: string) => {
    if (used.has(planId)) return null;
    const plan = await planForAmendment(trx, actor, planId, today);
    if (plan.status === 'draft' || !plan.inForce || !plan.placementNamed || plan.threadErrors > 0)
      return null;
    if (plan.inForce.issuedOn > from) return null;
    // The demo accounts' children (GT-000018 and the others a family signs in to) keep their plans as the plans'
    // demo made them.
    if ((await recipientsFor(trx, laCode, plan.childId, { family: true })).length > 0) return null;
    return plan;
  };

  const make = async (
    scenario: Scenario,
    review: (ReviewRow & { held: string; decision_date: string }) | null,
  ) => {
    const planId = review?.plan_id;
    if (!planId) return false;
    const started = review.decision_date;
    const proposal =
      scenario === 'commenting'
        ? addDays(today, -6) < started
          ? started
          : addDays(today, -6)
        : scenario === 'preparing'
          ? null
          : started;
    const plan = await fit(planId, proposal ?? started);
    if (!plan) return false;
    used.add(planId);
    const row = await insertAmendment(trx, {
      la_code: laCode,
      plan_id: planId,
      child_id: plan.childId,
      trigger: 'review',
      review_id: review.id,
      meeting_date: review.held,
      details: null,
      started_on: started,
      started_by: actor.userId,
      in_force_version_id: plan.inForce!.id,
    });
    made++;
    if (!proposal) return true;
    await demoProposedChange(trx, laCode, planId, WORDS[made % WORDS.length]!);
    const shared = await shareProposal(ctx, planId, {
      date: proposal,
      at: dayAt(proposal),
      versionId: versionIdFor(planId, 'proposal'),
    });
    await updateAmendment(trx, laCode, row.id, {
      proposal_version_id: shared.versionId,
      proposal_sent: proposal,
    });
    if (scenario === 'commenting') return true;
    const due = amendmentDates({ meeting: review.held, proposalSent: proposal }).amendedPlanDue.date;
    const issueOn =
      scenario === 'late' ? addDays(due, 9) : addDays(proposal, 21) > due ? due : addDays(proposal, 21);
    const issued = await issueAmendedPlan(ctx, planId, {
      date: issueOn,
      proposalVersionId: shared.versionId,
      at: dayAt(issueOn),
      versionId: versionIdFor(planId, 'amended'),
    });
    await updateAmendment(trx, laCode, row.id, {
      amended_version_id: issued.versionId,
      amended_issued: issueOn,
    });
    return true;
  };

  const pick = async (
    scenario: Scenario,
    ok: (r: ReviewRow & { held: string; decision_date: string }) => boolean,
  ) => {
    for (const r of candidates) {
      if (used.has(r.plan_id) || !ok(r)) continue;
      if (await make(scenario, r)) return;
    }
  };
  const daysAgo = (d: string, n: number) => d <= addDays(today, -n);
  // preparing: decided in the last 4 weeks (the proposal is due with the decision, meeting + 4 weeks)
  await pick('preparing', (r) => !daysAgo(r.decision_date, 28) && r.decision_date <= today);
  // the proposal out: decided in the last 3 weeks, so the 15 days are still running
  await pick('commenting', (r) => !daysAgo(r.decision_date, 20) && r.decision_date <= today);
  // issued on time and issued late: decided long enough ago for the amended plan to be due and issued
  await pick('on-time', (r) => daysAgo(r.decision_date, 90));
  await pick('late', (r) => {
    const due = amendmentDates({ meeting: r.held, proposalSent: r.decision_date }).amendedPlanDue.date;
    return daysAgo(due, 20) && reviewPaperworkDates(r.held).decision.date >= r.decision_date;
  });

  // outside a review: a change of need, the proposal sent 10 weeks ago, the amended plan now overdue
  const proposalOn = addDays(today, -70);
  for (const r of [...candidates].reverse()) {
    const plan = await fit(r.plan_id, proposalOn);
    if (!plan) continue;
    used.add(r.plan_id);
    const row = await insertAmendment(trx, {
      la_code: laCode,
      plan_id: r.plan_id,
      child_id: plan.childId,
      trigger: 'change-of-need',
      details:
        'The school reports a marked change in communication: the speech and language therapist advises more support (demo).',
      started_on: addDays(proposalOn, -7),
      started_by: actor.userId,
      in_force_version_id: plan.inForce!.id,
    });
    made++;
    await demoProposedChange(trx, laCode, r.plan_id, WORDS[made % WORDS.length]!);
    const shared = await shareProposal(ctx, r.plan_id, {
      date: proposalOn,
      at: dayAt(proposalOn),
      versionId: versionIdFor(r.plan_id, 'proposal'),
    });
    await updateAmendment(trx, laCode, row.id, {
      proposal_version_id: shared.versionId,
      proposal_sent: proposalOn,
    });
    break;
  }
  return made;
}

/** What the phase-transfer demo asks of an amendment: a proposal on a day and, if `issueOn`, the plan amended then. */
export interface TransferAmendmentWanted {
  readonly childId: string;
  /** The setting section I names for the move (S2's "named"), or null to keep it. */
  readonly settingId: string | null;
  readonly proposalOn: string;
  readonly issueOn: string | null;
}

/**
 * For the phase-transfer demo (docs/transfers.md): amendments naming the next setting for the children asked for,
 * through the same plan functions as above (a change of placement, outside a review): the proposal shared on its day
 * and, when asked, the amended plan issued. A child whose plan is not fit to amend in the demo (no section I, thread
 * errors, a demo family account, already amended by this demo) is passed over. Returns the children amended.
 */
export async function seedTransferAmendments(
  trx: Transaction<DB>,
  options: DemoSeedOptions,
  wanted: readonly TransferAmendmentWanted[],
): Promise<string[]> {
  const { laCode, today } = options;
  const officer = (await activeOfficers(trx, laCode))[0];
  const user = officer ? await userWithTeam(trx, laCode, officer.id) : undefined;
  if (!user || !wanted.length) return [];
  const actor: Actor = {
    laCode,
    userId: user.id,
    sessionId: 'demo',
    email: user.email,
    displayName: user.display_name,
    role: user.role === 'team-manager' ? 'team-manager' : 'caseworker',
    teamId: null,
    jobTitle: user.job_title,
    ip: null,
  };
  const ctx: ChangeContext = { trx, actor, today, jobs: {} as Jobs, afterCommit: () => undefined };
  const planOf = new Map<string, string>();
  for (const p of await plansForReviews(trx, laCode)) planOf.set(p.childId, p.id);
  const done: string[] = [];
  for (const w of wanted) {
    const planId = planOf.get(w.childId);
    if (!planId) continue;
    const plan = await planForAmendment(trx, actor, planId, today);
    if (plan.status === 'draft' || !plan.inForce || !plan.placementNamed || plan.threadErrors > 0) continue;
    if (plan.inForce.issuedOn > w.proposalOn || plan.proposal) continue;
    // A plan can have one amendment open at a time: one the review demo started (no proposal yet) keeps it.
    const open = await amendmentsOf(trx, laCode, planId);
    if (open.some((a) => a.amended_issued === null && a.not_amended_on === null)) continue;
    if ((await recipientsFor(trx, laCode, plan.childId, { family: true })).length > 0) continue;
    const row = await insertAmendment(trx, {
      la_code: laCode,
      plan_id: planId,
      child_id: plan.childId,
      trigger: 'change-of-placement',
      details:
        'Phase transfer: the plan is amended to name the setting the child moves to next September (demo).',
      started_on: w.proposalOn,
      started_by: actor.userId,
      in_force_version_id: plan.inForce.id,
    });
    if (w.settingId) await demoNamePlacement(trx, laCode, planId, w.settingId);
    await demoProposedChange(trx, laCode, planId, WORDS[done.length % WORDS.length]!);
    const shared = await shareProposal(ctx, planId, {
      date: w.proposalOn,
      at: dayAt(w.proposalOn),
      versionId: versionIdFor(planId, 'transfer-proposal'),
    });
    await updateAmendment(trx, laCode, row.id, {
      proposal_version_id: shared.versionId,
      proposal_sent: w.proposalOn,
    });
    if (w.issueOn) {
      const issued = await issueAmendedPlan(ctx, planId, {
        date: w.issueOn,
        proposalVersionId: shared.versionId,
        at: dayAt(w.issueOn),
        versionId: versionIdFor(planId, 'transfer-amended'),
      });
      await updateAmendment(trx, laCode, row.id, {
        amended_version_id: issued.versionId,
        amended_issued: w.issueOn,
      });
    }
    done.push(w.childId);
  }
  return done;
}
