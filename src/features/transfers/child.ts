/**
 * One child's phase transfer (issue 13 items 1 and 5; docs/transfers.md): the family's page (what will happen and by
 * when, the preferences they have stated, the form to state one on a phone, the Local Offer's school and college
 * information linked) and the caseworker's (the same dates and stage, with the forms to record a preference from the
 * review and where the child goes when that changes the law's date: another school's sixth form, or a move between
 * post-16 institutions at another time, reg 18(2)). Every change is one transaction with an audit entry and a line
 * in the child's history; a form's one-use token stores a double submit once.
 */
import { schoolYearStart, yearGroupOn } from '../../domain/calendar.ts';
import {
  checkDestination,
  checkPreference,
  cohortEntry,
  type CohortEntry,
  type DestinationValue,
} from '../../domain/transfer/index.ts';
import { longDate } from '../../domain/calendar.ts';
import { auditContext, authoriseChildRead, requireRole, type Actor } from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { withChange } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { settingsByIds } from '../../platform/people/settings.ts';
import {
  childForTransfer,
  settingsForTransfers,
  type ChildForTransfer,
} from '../../platform/people/transfers.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import {
  destinationOf,
  insertTransferPreference,
  preferencesOfChild,
  saveDestination,
  type TransferPreferenceRow,
} from './store.ts';
import { tellPreferenceReceived } from './notices.ts';
import {
  PLAN_DOCUMENT,
  planPlacementSummary,
  recordPlanPreference,
  type PlacementSummary,
} from '../consultation/index.ts';
import { planInForceOfChild } from '../plans/index.ts';

/** The consultations about the child's plan in force (its round, ADR 0032): each setting asked and its answer. */
async function consultationsOf(db: Executor, laCode: string, childId: string, today: string) {
  const round = await planInForceOfChild(db, laCode, childId);
  return round ? { planId: round.planId, ...(await planPlacementSummary(db, laCode, round, today)) } : null;
}

/** Families: a parent, or a young person for themselves (a live grant to the child). */
export const FAMILY_ROLES: readonly Role[] = ['parent', 'young-person'];
/** Who records preferences from the review and where a child goes. */
export const TRANSFER_WRITERS: readonly Role[] = ['caseworker', 'team-manager'];

/** A rule of the form was broken: every problem in the error summary, each against its field. */
export class TransferFormError extends FieldError {
  readonly errors: ReadonlyArray<{ readonly field: string; readonly message: string }>;
  constructor(errors: ReadonlyArray<{ readonly field: string; readonly message: string }>) {
    super(errors[0]?.field ?? 'settingId', errors[0]?.message ?? 'There is a problem');
    this.errors = errors;
  }
}

export interface PreferenceView extends TransferPreferenceRow {
  readonly name: string;
}

/** A setting that teaches the year group the child moves into, for the preference list. */
export interface SettingChoice {
  readonly id: string;
  readonly name: string;
}

/** A preference as the form sends it, with the form's one-use token. */
interface PreferenceFields {
  readonly settingId?: string;
  readonly settingText?: string;
  readonly reasons?: string;
  readonly formToken?: string | undefined;
}

interface TransferDeps {
  readonly db: ServiceDeps['db'];
  readonly jobs: ServiceDeps['jobs'];
  readonly today: () => string;
}

/** The child's place in this school year's cohort, with where they go next if the council has recorded it. */
async function transferOf(db: Executor, laCode: string, child: ChildForTransfer, today: string) {
  const year = schoolYearStart(today);
  const destination = await destinationOf(db, laCode, child.id, year);
  const entry: CohortEntry = cohortEntry({
    dateOfBirth: child.dateOfBirth,
    on: today,
    setting: child.setting,
    destination: destination?.destination ?? null,
    moveDate: destination?.move_date ?? null,
  });
  return { year, destination: destination ?? null, entry };
}

async function preferencesWithNames(db: Executor, laCode: string, childId: string, year: number) {
  const rows = await preferencesOfChild(db, laCode, childId, year);
  const names = await settingsByIds(
    db,
    laCode,
    rows.flatMap((r) => (r.setting_id ? [r.setting_id] : [])),
  );
  return rows.map((r): PreferenceView => ({
    ...r,
    name: r.setting_id ? (names.get(r.setting_id)?.name ?? 'A setting') : (r.setting_text ?? ''),
  }));
}

/** The settings teaching the child's next year group, other than the one they attend now, by name. */
async function choicesFor(db: Executor, laCode: string, child: ChildForTransfer, today: string) {
  const next = yearGroupOn(child.dateOfBirth, today) + 1;
  return (await settingsForTransfers(db, laCode))
    .filter(
      (s) => s.kind !== 'other' && s.id !== child.setting.id && s.firstYear <= next && s.lastYear >= next,
    )
    .map((s): SettingChoice => ({ id: s.id, name: s.name }));
}

async function childOrNotFound(db: Executor, laCode: string, childId: string) {
  const child = await childForTransfer(db, laCode, childId);
  if (!child) throw new NotFoundError();
  return child;
}

export function transferChildService(deps: TransferDeps) {
  const change = <T>(actor: Actor, fn: Parameters<typeof withChange<T>>[2]) => withChange(deps, actor, fn);

  /** A preference, from the family or from the review: one transaction, audited, in the child's history. */
  async function addPreference(
    actor: Actor,
    childId: string,
    input: PreferenceFields & { source: 'family' | 'review'; received?: string },
  ): Promise<{ id: string | null }> {
    return change(actor, async (ctx) => {
      await authoriseChildRead(ctx.trx, actor, childId, 'transfers.child.read');
      const child = await childOrNotFound(ctx.trx, actor.laCode, childId);
      const { year, entry } = await transferOf(ctx.trx, actor.laCode, child, ctx.today);
      if (!entry.inCohort) throw new NotFoundError();
      const dates = entry.dates;
      const choices = await choicesFor(ctx.trx, actor.laCode, child, ctx.today);
      const checked = checkPreference(
        input,
        choices.map((c) => c.id),
      );
      if (!checked.ok) throw new TransferFormError(checked.errors);
      const received = input.received ?? ctx.today;
      const made = await once(ctx, input.formToken, async () => {
        const v = checked.value;
        const name = v.settingId ? choices.find((c) => c.id === v.settingId)!.name : v.settingText!;
        const id = await insertTransferPreference(ctx.trx, {
          la_code: actor.laCode,
          child_id: child.id,
          school_year: year,
          setting_id: v.settingId,
          setting_text: v.settingText,
          reasons: v.reasons,
          received,
          source: input.source,
          recorded_by: actor.userId,
        });
        if (!id)
          throw new TransferFormError([
            { field: 'settingId', message: `${name} has already been asked for` },
          ]);
        await audit(ctx.trx, auditContext(actor), {
          action: 'transfers.preference',
          recordType: 'transfer_preference',
          recordId: id,
          childId: child.id,
          detail: { schoolYear: year, settingId: v.settingId, source: input.source, received },
        });
        await recordCaseEvent(ctx, {
          childId: child.id,
          kind: 'transfer-preference',
          summary: `${input.source === 'family' ? 'The family asked online' : 'At the transfer review the family asked'} for ${name} to be named in the plan for the move in ${entry.moveYear}`,
          detail: { preferenceId: id, schoolYear: year },
        });
        await tellPreferenceReceived(ctx, child, name, received, dates);
        // A setting on the register is consulted at once on the plan in force and the advice, with its maintaining
        // authority when out of area, through the consultation flow (S3; issue 13 item 2); it answers in Goldthread.
        const round = v.settingId ? await planInForceOfChild(ctx.trx, actor.laCode, child.id) : undefined;
        if (round && v.settingId) {
          await recordPlanPreference(
            ctx,
            round,
            { kind: 'setting', settingId: v.settingId, received, source: input.source },
            { from: received, document: PLAN_DOCUMENT },
          );
        }
        return id;
      });
      return { id: made.resultId };
    });
  }

  return {
    /** The family's page: what will happen and by when, the preferences stated, the settings they can choose. */
    async familyTransfer(actor: Actor, childId: string) {
      requireRole(actor, FAMILY_ROLES, paths.transfers.familyPattern);
      await authoriseChildRead(deps.db, actor, childId, 'transfers.family.read');
      const today = deps.today();
      const child = await childOrNotFound(deps.db, actor.laCode, childId);
      const { year, entry } = await transferOf(deps.db, actor.laCode, child, today);
      return {
        today,
        child,
        entry,
        preferences: entry.inCohort ? await preferencesWithNames(deps.db, actor.laCode, child.id, year) : [],
        choices: entry.inCohort ? await choicesFor(deps.db, actor.laCode, child, today) : [],
      };
    },

    /** The family states a preference online (today). */
    statePreference: (actor: Actor, childId: string, input: PreferenceFields) => {
      requireRole(actor, FAMILY_ROLES, paths.transfers.familyPattern);
      return addPreference(actor, childId, { ...input, source: 'family' });
    },

    /** The caseworker's page for one child: the dates, the preferences, where the child goes next. */
    async childTransfer(actor: Actor, childId: string, readers: readonly Role[]) {
      requireRole(actor, readers, paths.transfers.childPattern);
      await authoriseChildRead(deps.db, actor, childId, 'transfers.child.read');
      const today = deps.today();
      const child = await childOrNotFound(deps.db, actor.laCode, childId);
      const { year, entry, destination } = await transferOf(deps.db, actor.laCode, child, today);
      return {
        today,
        child,
        entry,
        destination,
        mayWrite: TRANSFER_WRITERS.includes(actor.role),
        preferences: entry.inCohort ? await preferencesWithNames(deps.db, actor.laCode, child.id, year) : [],
        consultation: entry.inCohort
          ? await consultationsOf(deps.db, actor.laCode, child.id, today)
          : (null as (PlacementSummary & { planId: string }) | null),
        choices: entry.inCohort ? await choicesFor(deps.db, actor.laCode, child, today) : [],
      };
    },

    /** A preference the family gave at the transfer review, recorded by the council with the day it was given. */
    recordReviewPreference: (
      actor: Actor,
      childId: string,
      input: PreferenceFields & { received: string | null },
    ) => {
      requireRole(actor, TRANSFER_WRITERS, paths.transfers.childPattern);
      const today = deps.today();
      if (input.received === null || input.received === 'invalid' || input.received > today) {
        throw new TransferFormError([
          {
            field: 'received',
            message:
              input.received === null
                ? 'Enter the day the family gave the preference'
                : input.received === 'invalid'
                  ? 'The day must be a real date, for example 3 11 2026'
                  : 'The day must be today or in the past',
          },
        ]);
      }
      const { received, ...rest } = input;
      return addPreference(actor, childId, { ...rest, received, source: 'review' });
    },

    /** Where the child goes next, when it changes the law's date: recorded or corrected, audited, in the history. */
    recordDestination: (
      actor: Actor,
      childId: string,
      input: { destination?: string; moveDate: string | null; formToken?: string | undefined },
    ) => {
      requireRole(actor, TRANSFER_WRITERS, paths.transfers.childPattern);
      return change(actor, async (ctx) => {
        await authoriseChildRead(ctx.trx, actor, childId, 'transfers.child.read');
        const child = await childOrNotFound(ctx.trx, actor.laCode, childId);
        const checked = checkDestination(input, ctx.today);
        if (!checked.ok) throw new TransferFormError(checked.errors);
        const v: DestinationValue = checked.value;
        const year = schoolYearStart(ctx.today);
        await once(ctx, input.formToken, async () => {
          const before = await saveDestination(ctx.trx, {
            la_code: actor.laCode,
            child_id: child.id,
            school_year: year,
            destination: v.destination,
            move_date: v.moveDate,
            recorded_on: ctx.today,
            recorded_by: actor.userId,
          });
          const after = cohortEntry({
            dateOfBirth: child.dateOfBirth,
            on: ctx.today,
            setting: child.setting,
            destination: v.destination,
            moveDate: v.moveDate,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'transfers.destination',
            recordType: 'transfer_destination',
            recordId: child.id,
            childId: child.id,
            detail: {
              schoolYear: year,
              destination: v.destination,
              moveDate: v.moveDate,
              before: before ? { destination: before.destination, moveDate: before.move_date } : null,
            },
          });
          await recordCaseEvent(ctx, {
            childId: child.id,
            kind: 'transfer-destination',
            summary: after.inCohort
              ? `Next setting recorded: the amended plan must name it by ${longDate(after.dates.deadline.date)} (${after.dates.deadline.rule})`
              : `Next setting recorded: ${after.label}`,
            detail: { schoolYear: year, destination: v.destination },
          });
          return child.id;
        });
      });
    },
  };
}
