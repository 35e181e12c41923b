/**
 * Children not in full-time education (statutory-work.md S4; docs/education.md). Staff record, edit and close a
 * child's episodes and attendance; an open qualifying episode for a child with a plan raises the plan's review
 * (reg 29(2), or reg 30 at 18 or over) the same day and the s19 duty with the day it starts, and the family is told
 * why. Leaders see the children with a plan not in full-time education, counted by school and primary need. Access
 * is decided here; every write is one transaction with its audit entry and the child's history.
 */
import { lowerFirst } from '../../platform/text.ts';
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  auditContext,
  authoriseChildRead,
  CASEWORK_ROLES,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { PrimaryNeed, Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import {
  childWithOfficer,
  planChildIds,
  plansByNeedAmong,
  searchChildren,
  settingsOf,
  type ChildListRow,
  type Page,
} from '../../platform/people/children.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { settingsByIds } from '../../platform/people/settings.ts';
import { authorityOf } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  EPISODE_KIND_LABELS,
  episodeLastDay,
  episodeProblems,
  isOpenOn,
  notInFullTimeEducationReasons,
  reviewDutyFor,
  s19DutyFor,
  type EpisodeInput,
  type EpisodeKind,
  type Term,
} from '../../domain/education/index.ts';
import {
  attendanceOf,
  dutiesOf,
  dutyById,
  episodeById,
  episodesOf,
  episodesOfAuthority,
  episodesOfChildren,
  insertEpisode,
  markDutyDone,
  openEpisodeChildIds,
  openEpisodesBySchool,
  openReviewDueOf,
  raiseDuty,
  updateEpisode,
  updateOpenDutyDue,
  upsertAttendance,
  type DutyRow,
  type EpisodeRow,
} from './store.ts';

/** Who records, edits and closes episodes and attendance. */
export const STAFF: readonly Role[] = ['caseworker', 'team-manager'];
/** Who sees a child's episodes and the list: casework staff and leaders. */
export const VIEWERS: readonly Role[] = CASEWORK_ROLES;

export const PAGE_SIZE = 25;

/** A rule an episode broke: shown against its field in the error summary. */
export class EducationError extends FieldError {}

const childName = (c: { given_name: string; preferred_name: string | null }) =>
  c.preferred_name || c.given_name;

async function childOf(db: Executor, laCode: string, childId: string) {
  const child = await childWithOfficer(db, laCode, childId);
  if (!child) throw new NotFoundError();
  return child;
}

type Child = NonNullable<Awaited<ReturnType<typeof childWithOfficer>>>;

/** The school the child attended on a day (the latest started that had not ended), or null. */
async function settingOn(db: Executor, laCode: string, childId: string, day: string): Promise<string | null> {
  const settings = await settingsOf(db, laCode, childId);
  const on = settings
    .filter((s) => s.start_date <= day && (s.end_date === null || s.end_date >= day))
    .sort((a, b) => (a.start_date < b.start_date ? 1 : -1));
  return on[0]?.setting_id ?? null;
}

/** One sentence for the child's history about an episode (facts, never the reason typed). */
export function episodeSentence(
  e: Pick<EpisodeRow, 'kind' | 'start_date' | 'days' | 'hours_a_week'>,
): string {
  const from = longDate(e.start_date);
  switch (e.kind) {
    case 'suspension':
      return `Suspension recorded: ${e.days ?? 0} school day${e.days === 1 ? '' : 's'} from ${from}`;
    case 'permanent-exclusion':
      return `Permanent exclusion recorded on ${from}`;
    case 'part-time-timetable':
      return `Part-time timetable recorded from ${from} (${e.hours_a_week ?? 0} hours a week)`;
    case 'missing-education':
      return `Referred as a child missing education on ${from}`;
    case 'home-education':
      return `Elective home education recorded from ${from}`;
  }
}

const facts = (e: EpisodeRow) => ({ kind: e.kind, start: e.start_date, end: e.end_date, days: e.days });

/**
 * Raises what an episode requires, once each: the plan's review (reg 29(2) or 30, due 4 weeks from today) and the
 * s19 duty (from its first day); an s19 duty already raised follows a corrected date. Records each in the history and
 * tells the family why, in the change's transaction. Returns what was newly raised.
 */
async function raiseDuties(ctx: ChangeContext, child: Child, episode: EpisodeRow) {
  const la = ctx.actor.laCode;
  const review = reviewDutyFor(
    { dateOfBirth: child.date_of_birth, hasPlan: child.plan_status === 'plan' },
    facts(episode),
    ctx.today,
  );
  const s19 =
    child.plan_status === 'plan'
      ? s19DutyFor({ dateOfBirth: child.date_of_birth }, facts(episode), ctx.today)
      : null;
  let newReview = false;
  let newS19 = false;
  if (review) {
    newReview = await raiseDuty(ctx.trx, la, {
      childId: child.id,
      episodeId: episode.id,
      kind: 'review',
      regulation: review.regulation,
      raisedOn: ctx.today,
      due: review.due.date,
    });
    if (newReview)
      await recordCaseEvent(ctx, {
        childId: child.id,
        kind: 'education.review-raised',
        summary: `${review.title} raised: ${lowerFirst(EPISODE_KIND_LABELS[episode.kind])}; review by ${longDate(review.due.date)}`,
        detail: { episodeId: episode.id, regulation: review.regulation, due: review.due.date },
      });
  }
  if (s19?.applies) {
    newS19 = await raiseDuty(ctx.trx, la, {
      childId: child.id,
      episodeId: episode.id,
      kind: 's19',
      regulation: 's19',
      raisedOn: ctx.today,
      due: s19.from.date,
    });
    if (newS19)
      await recordCaseEvent(ctx, {
        childId: child.id,
        kind: 'education.s19-raised',
        summary: `Suitable full-time education to be arranged (Education Act 1996, s19) from ${longDate(s19.from.date)}`,
        detail: { episodeId: episode.id, from: s19.from.date },
      });
    else await updateOpenDutyDue(ctx.trx, la, episode.id, 's19', s19.from.date);
  }
  if (newReview && review) {
    const s19Sentence = s19?.applies
      ? `The council must also arrange suitable full-time education for ${childName(child)} from ${longDate(s19.from.date)}.`
      : '';
    await notifyFamily(ctx, child, {
      child: childName(child),
      reason: review.reason,
      due: longDate(review.due.date),
      s19: s19Sentence,
    });
  }
  return { review: newReview ? review : null, s19: newS19 && s19?.applies ? s19.from : null };
}

async function notifyFamily(ctx: ChangeContext, child: Child, personalisation: Record<string, string>) {
  const authority = await authorityOf(ctx.trx, ctx.actor.laCode);
  const contact = {
    team: child.team_name ?? `${authority?.name ?? 'the council'} SEND team`,
    teamPhone: child.team_phone ?? authority?.team_phone ?? '',
    teamEmail: child.team_email ?? authority?.team_email ?? '',
  };
  const recipients = await recipientsFor(ctx.trx, ctx.actor.laCode, child.id, {
    family: true,
    unlinkedFamily: true,
  });
  for (const r of recipients) {
    await queueNotification(ctx.trx, ctx.jobs, {
      laCode: ctx.actor.laCode,
      channel: 'email',
      recipient: r.email,
      template: 'education-review-raised',
      personalisation: { ...personalisation, ...contact },
      childId: child.id,
      userId: r.userId,
    });
  }
}

function check(input: EpisodeInput, today: string): void {
  const problem = episodeProblems(input, today)[0];
  if (problem) throw new EducationError(problem.field, problem.message);
}

/** A duty's title and the rule and source its date comes from (recomputed from the episode as raised). */
function dutyText(
  child: Child,
  d: DutyRow,
  episode: EpisodeRow | undefined,
): { title: string; rule: string; source: string } {
  const e = episode ? facts(episode) : null;
  if (d.kind === 'review') {
    const review = e
      ? reviewDutyFor({ dateOfBirth: child.date_of_birth, hasPlan: true }, e, d.raised_on)
      : null;
    return {
      title: review?.title ?? 'Review the plan',
      rule: review?.due.rule ?? '',
      source: review?.due.source ?? '',
    };
  }
  const s19 = e ? s19DutyFor({ dateOfBirth: child.date_of_birth }, e, d.raised_on) : null;
  return {
    title: 'Arrange suitable full-time education (s19)',
    rule: s19?.applies ? s19.from.rule : '',
    source: s19?.applies ? s19.from.source : 'Education Act 1996, s19(1) [V]',
  };
}

export interface EpisodeView extends EpisodeRow {
  readonly label: string;
  readonly lastDay: string | null;
  readonly open: boolean;
}

/** The children with a plan not in full-time education: counts and a page of them. */
export interface ListFilters {
  /** A setting id, 'none' for no school, or undefined for all. */
  readonly school?: string | undefined;
  readonly need?: PrimaryNeed | 'none' | undefined;
  readonly page: number;
}

export interface ListRow extends ChildListRow {
  readonly reasons: EpisodeKind[];
  readonly since: string | null;
  readonly reviewDue: string | null;
}

/**
 * For other features (the review backlog): which of these children are not in full-time education on `asOf`, with
 * the kinds of their open qualifying episodes. Children with none are left out.
 */
export async function notInFullTimeEducation(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  asOf: string,
): Promise<Map<string, EpisodeKind[]>> {
  const episodes = await episodesOfChildren(db, laCode, childIds);
  const byChild = new Map<string, EpisodeRow[]>();
  for (const e of episodes) byChild.set(e.child_id, [...(byChild.get(e.child_id) ?? []), e]);
  const result = new Map<string, EpisodeKind[]>();
  for (const [childId, list] of byChild) {
    const reasons = notInFullTimeEducationReasons(list.map(facts), asOf);
    if (reasons.length) result.set(childId, reasons);
  }
  return result;
}

/**
 * `notInFullTimeEducation` on several days at once (one query of the authority's episodes): for each day, which of these children were out of
 * full-time education then and why (the leaders' figures and their trend, docs/figures.md).
 */
export async function notInFullTimeEducationOn(
  db: Executor,
  laCode: string,
  childIds: readonly string[],
  days: readonly string[],
): Promise<Map<string, Map<string, EpisodeKind[]>>> {
  const wanted = new Set(childIds);
  const byChild = new Map<string, EpisodeRow[]>();
  for (const e of await episodesOfAuthority(db, laCode)) {
    if (wanted.has(e.child_id)) byChild.set(e.child_id, [...(byChild.get(e.child_id) ?? []), e]);
  }
  const result = new Map<string, Map<string, EpisodeKind[]>>();
  for (const day of days) {
    const onDay = new Map<string, EpisodeKind[]>();
    for (const [childId, list] of byChild) {
      const reasons = notInFullTimeEducationReasons(list.map(facts), day);
      if (reasons.length) onDay.set(childId, reasons);
    }
    result.set(day, onDay);
  }
  return result;
}

/** What the child's record shows of education (open episodes and open duties), for staff; null for anyone else. */
export async function educationSummary(db: Executor, actor: Actor, childId: string, asOf: string) {
  if (!VIEWERS.includes(actor.role)) return null;
  const episodes = (await episodesOf(db, actor.laCode, childId)).filter((e) => isOpenOn(facts(e), asOf));
  const duties = (await dutiesOf(db, actor.laCode, childId)).filter((d) => d.done_on === null);
  return {
    href: paths.education.child(childId),
    open: episodes.map((e) => ({ ...e, label: EPISODE_KIND_LABELS[e.kind] })),
    duties,
  };
}

export type EducationSummary = Awaited<ReturnType<typeof educationSummary>>;

/** What the education feature asks of others, given by the composition root. */
export interface EducationNeeds {
  /**
   * Told, in the same transaction, that these children's episodes changed: the review backlog (src/features/reviews)
   * re-ranks their plans at once rather than at its daily refresh (S4: the child is top of the backlog the same day).
   */
  readonly episodesChanged?: (
    trx: Executor,
    laCode: string,
    childIds: readonly string[],
    today: string,
  ) => Promise<void>;
}

export function createEducationService(deps: ServiceDeps, needs: EducationNeeds = {}) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);
  /** A change to a child's episodes, after which the review backlog hears of it (same transaction). */
  const episodeChange = <T>(actor: Actor, childId: string, fn: (ctx: ChangeContext) => Promise<T>) =>
    change(actor, async (ctx) => {
      const result = await fn(ctx);
      await needs.episodesChanged?.(ctx.trx, actor.laCode, [childId], ctx.today);
      return result;
    });

  async function staffChild(ctx: ChangeContext, childId: string) {
    requireRole(ctx.actor, STAFF, paths.education.childPattern);
    if (!isUuid(childId)) throw new NotFoundError();
    return childOf(ctx.trx, ctx.actor.laCode, childId);
  }

  async function episodeOf(ctx: ChangeContext, childId: string, episodeId: string) {
    const episode = isUuid(episodeId) ? await episodeById(ctx.trx, ctx.actor.laCode, episodeId) : undefined;
    if (!episode || episode.child_id !== childId) throw new NotFoundError();
    return episode;
  }

  return {
    /** The child's education page: episodes, duties, attendance and placements. Audited read. */
    childPage: (actor: Actor, childId: string) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, VIEWERS, paths.education.childPattern);
        await authoriseChildRead(trx, actor, childId, 'education.read');
        const child = await childOf(trx, actor.laCode, childId);
        const today = deps.today();
        const episodes: EpisodeView[] = (await episodesOf(trx, actor.laCode, childId)).map((e) => ({
          ...e,
          label: EPISODE_KIND_LABELS[e.kind],
          lastDay: episodeLastDay(facts(e)),
          open: isOpenOn(facts(e), today),
        }));
        const settings = await settingsOf(trx, actor.laCode, childId);
        const names = new Map(settings.map((s) => [s.setting_id, s.name]));
        const byId = new Map(episodes.map((e) => [e.id, e]));
        const duties = (await dutiesOf(trx, actor.laCode, childId)).map((d) => ({
          ...d,
          ...dutyText(child, d, byId.get(d.episode_id)),
        }));
        return {
          child,
          today,
          episodes,
          settingNames: names,
          duties,
          attendance: await attendanceOf(trx, actor.laCode, childId),
          settings,
          canEdit: STAFF.includes(actor.role),
        };
      }),

    /** The form's episode (for editing or closing); 404 for another child's or an unknown one. Audited read. */
    episodeForForm: (actor: Actor, childId: string, episodeId: string) =>
      change(actor, async (ctx) => {
        const child = await staffChild(ctx, childId);
        await authoriseChildRead(ctx.trx, actor, childId, 'education.read');
        return { child, episode: await episodeOf(ctx, childId, episodeId) };
      }),

    /** The child, for a form's heading (staff only). Audited read. */
    childForForm: (actor: Actor, childId: string) =>
      change(actor, async (ctx) => {
        const child = await staffChild(ctx, childId);
        await authoriseChildRead(ctx.trx, actor, childId, 'education.read');
        return child;
      }),

    /** Records an episode; raises the review and s19 duty it requires and tells the family. Returns its id. */
    record: (actor: Actor, childId: string, input: EpisodeInput, formToken: string | undefined) =>
      episodeChange(actor, childId, async (ctx) => {
        const child = await staffChild(ctx, childId);
        check(input, ctx.today);
        const result = await once(ctx, formToken, async () => {
          const la = ctx.actor.laCode;
          const settingId = await settingOn(ctx.trx, la, childId, input.start);
          const id = await insertEpisode(ctx.trx, la, childId, input, {
            settingId,
            recordedOn: ctx.today,
            recordedBy: ctx.actor.userId,
          });
          const episode = (await episodeById(ctx.trx, la, id))!;
          await audit(ctx.trx, auditContext(ctx.actor), {
            action: 'education.episode.create',
            recordType: 'education_episode',
            recordId: id,
            childId,
            detail: { kind: input.kind, start: input.start },
          });
          await recordCaseEvent(ctx, {
            childId,
            kind: 'education.episode',
            summary: episodeSentence(episode),
            detail: { episodeId: id, kind: input.kind },
          });
          if (input.end)
            await recordCaseEvent(ctx, {
              childId,
              kind: 'education.episode-closed',
              summary: `${EPISODE_KIND_LABELS[input.kind]} ended on ${longDate(input.end)}`,
              detail: { episodeId: id },
            });
          await raiseDuties(ctx, child, episode);
          return id;
        });
        return result.resultId;
      }),

    /** Changes an episode's facts (its kind stays); a duty it now requires is raised. */
    edit: (actor: Actor, childId: string, episodeId: string, input: Omit<EpisodeInput, 'kind'>) =>
      episodeChange(actor, childId, async (ctx) => {
        const child = await staffChild(ctx, childId);
        const before = await episodeOf(ctx, childId, episodeId);
        const values = { ...input, kind: before.kind };
        check(values, ctx.today);
        await updateEpisode(ctx.trx, ctx.actor.laCode, episodeId, values);
        const after = (await episodeById(ctx.trx, ctx.actor.laCode, episodeId))!;
        await audit(ctx.trx, auditContext(ctx.actor), {
          action: 'education.episode.update',
          recordType: 'education_episode',
          recordId: episodeId,
          childId,
          detail: {
            kind: before.kind,
            start: [before.start_date, after.start_date],
            end: [before.end_date, after.end_date],
          },
        });
        await recordCaseEvent(ctx, {
          childId,
          kind: 'education.episode-updated',
          summary: `${EPISODE_KIND_LABELS[before.kind]} from ${longDate(after.start_date)} updated`,
          detail: { episodeId },
        });
        await raiseDuties(ctx, child, after);
      }),

    /** Closes an episode on the day it ended: its s19 duty is done then; the plan's review stays until held. */
    close: (actor: Actor, childId: string, episodeId: string, end: string) =>
      episodeChange(actor, childId, async (ctx) => {
        await staffChild(ctx, childId);
        const episode = await episodeOf(ctx, childId, episodeId);
        if (episode.kind === 'suspension' || episode.end_date !== null) throw new NotFoundError();
        const values = {
          kind: episode.kind,
          start: episode.start_date,
          end,
          days: episode.days,
          hoursAWeek: episode.hours_a_week,
          reason: episode.reason,
          reviewDate: episode.review_date,
        };
        check(values, ctx.today);
        await updateEpisode(ctx.trx, ctx.actor.laCode, episodeId, values);
        for (const d of await dutiesOf(ctx.trx, ctx.actor.laCode, childId)) {
          if (d.episode_id === episodeId && d.kind === 's19' && d.done_on === null)
            await markDutyDone(ctx.trx, ctx.actor.laCode, d.id, end < d.raised_on ? d.raised_on : end);
        }
        await audit(ctx.trx, auditContext(ctx.actor), {
          action: 'education.episode.close',
          recordType: 'education_episode',
          recordId: episodeId,
          childId,
          detail: { kind: episode.kind, end },
        });
        await recordCaseEvent(ctx, {
          childId,
          kind: 'education.episode-closed',
          summary: `${EPISODE_KIND_LABELS[episode.kind]} ended on ${longDate(end)}`,
          detail: { episodeId },
        });
      }),

    /** Marks a duty done today (the review held, or suitable education arranged). */
    dutyDone: (actor: Actor, childId: string, dutyId: string) =>
      change(actor, async (ctx) => {
        await staffChild(ctx, childId);
        const duty = isUuid(dutyId) ? await dutyById(ctx.trx, ctx.actor.laCode, dutyId) : undefined;
        if (!duty || duty.child_id !== childId || duty.done_on !== null) throw new NotFoundError();
        const doneOn = ctx.today < duty.raised_on ? duty.raised_on : ctx.today;
        await markDutyDone(ctx.trx, ctx.actor.laCode, dutyId, doneOn);
        await audit(ctx.trx, auditContext(ctx.actor), {
          action: 'education.duty.done',
          recordType: 'education_duty',
          recordId: dutyId,
          childId,
          detail: { kind: duty.kind, regulation: duty.regulation },
        });
        await recordCaseEvent(ctx, {
          childId,
          kind: 'education.duty-done',
          summary:
            duty.kind === 'review'
              ? 'Review of the plan for a child not in full-time education marked as done'
              : 'Suitable full-time education (s19) marked as arranged',
          detail: { dutyId },
        });
      }),

    /** Records a term's attendance (replacing that term's figure). */
    recordAttendance: (
      actor: Actor,
      childId: string,
      input: { schoolYear: number; term: Term; percent: number },
    ) =>
      change(actor, async (ctx) => {
        await staffChild(ctx, childId);
        if (input.schoolYear > Number(ctx.today.slice(0, 4)))
          throw new EducationError('schoolYear', 'The school year must not be in the future');
        const id = await upsertAttendance(ctx.trx, ctx.actor.laCode, {
          childId,
          ...input,
          recordedBy: ctx.actor.userId,
        });
        await audit(ctx.trx, auditContext(ctx.actor), {
          action: 'education.attendance.record',
          recordType: 'education_attendance',
          recordId: id,
          childId,
          detail: input,
        });
        await recordCaseEvent(ctx, {
          childId,
          kind: 'education.attendance',
          summary: `Attendance recorded for the ${input.term} term ${input.schoolYear} to ${input.schoolYear + 1}: ${input.percent}%`,
          detail: { attendanceId: id },
        });
      }),

    /**
     * Children with a plan not in full-time education today: counts by school and by primary need (each opening
     * the children behind it) and a page of them; audited with the children shown.
     */
    list: (actor: Actor, filters: ListFilters) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, VIEWERS, paths.education.list);
        const la = actor.laCode;
        const today = deps.today();
        const plans = planChildIds(trx, la);
        const bySchoolRows = await openEpisodesBySchool(trx, la, today, plans);
        const names = await settingsByIds(
          trx,
          la,
          bySchoolRows.flatMap((r) => (r.setting_id ? [r.setting_id] : [])),
        );
        const bySchool = bySchoolRows
          .map((r) => ({
            settingId: r.setting_id,
            name: r.setting_id ? (names.get(r.setting_id)?.name ?? '') : null,
            n: r.n,
          }))
          .sort((a, b) => b.n - a.n || (a.name ?? '~').localeCompare(b.name ?? '~'));
        const byNeed = await plansByNeedAmong(trx, la, openEpisodeChildIds(trx, la, today));
        const school =
          filters.school === 'none'
            ? null
            : filters.school && isUuid(filters.school)
              ? filters.school
              : undefined;
        const page: Page<ChildListRow> = await searchChildren(trx, {
          laCode: la,
          withPlan: true,
          among: openEpisodeChildIds(trx, la, today, school),
          need: filters.need === 'none' ? undefined : filters.need,
          needMissing: filters.need === 'none',
          page: filters.page,
          pageSize: PAGE_SIZE,
        });
        const ids = page.rows.map((r) => r.id);
        const episodes = await episodesOfChildren(trx, la, ids);
        const due = await openReviewDueOf(trx, la, ids);
        const rows: ListRow[] = page.rows.map((r) => {
          const mine = episodes.filter((e) => e.child_id === r.id);
          const open = mine.filter(
            (e) => isOpenOn(facts(e), today) && notInFullTimeEducationReasons([facts(e)], today).length,
          );
          return {
            ...r,
            reasons: notInFullTimeEducationReasons(mine.map(facts), today),
            since: open.map((e) => e.start_date).sort()[0] ?? null,
            reviewDue: due.get(r.id) ?? null,
          };
        });
        await auditChildrenShown(trx, actor, 'education.list.read', paths.education.list, ids);
        return {
          today,
          total: byNeed.reduce((sum, r) => sum + r.n, 0),
          bySchool,
          byNeed,
          result: { ...page, rows },
        };
      }),

    /** For the review backlog: which of these children are not in full-time education today, and why. */
    notInFullTimeEducation: (laCode: string, childIds: readonly string[]) =>
      notInFullTimeEducation(db, laCode, childIds, deps.today()),

    /** The child record's education section (staff only; null for anyone else). */
    summary: (trx: Executor, actor: Actor, childId: string) =>
      educationSummary(trx, actor, childId, deps.today()),
  };
}

export type EducationService = ReturnType<typeof createEducationService>;
