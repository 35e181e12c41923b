/**
 * The education pages' view models: pure functions from what the service returned to what the templates show.
 */
import { lowerFirst } from '../../platform/text.ts';
import type { PrimaryNeed } from '../../platform/db/schema/index.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { labelled, radioItems } from '../../platform/web/items.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  EPISODE_KIND_LABELS,
  EPISODE_KINDS,
  persistentlyAbsent,
  TERM_LABELS,
  TERMS,
  termName,
  type EpisodeKind,
} from '../../domain/education/index.ts';
import { PRIMARY_NEED_LABELS } from '../children/index.ts';
import { END_LABELS, START_LABELS } from './forms.ts';
import type { EducationService, EpisodeView } from './service.ts';

type ChildPage = Awaited<ReturnType<EducationService['childPage']>>;
type ListData = Awaited<ReturnType<EducationService['list']>>;
type Child = { id: string; given_name: string; family_name: string; reference: string };

const fullName = (c: Pick<Child, 'given_name' | 'family_name'>) => `${c.given_name} ${c.family_name}`;

const DONE_MESSAGES: Record<string, string> = {
  recorded: 'The episode is recorded.',
  updated: 'The episode is updated.',
  closed: 'The episode is closed.',
  attendance: 'Attendance is recorded.',
  duty: 'The task is marked as done.',
};

/** What an episode's row says about it beyond its dates. */
export function episodeDetail(e: EpisodeView): string {
  switch (e.kind) {
    case 'suspension':
      return `${e.days} school day${e.days === 1 ? '' : 's'}, to ${longDate(e.lastDay ?? e.start_date)}`;
    case 'part-time-timetable':
      return `${e.hours_a_week} hours a week; agreed end or review ${longDate(e.review_date ?? e.start_date)}. Reason: ${e.reason ?? ''}`;
    case 'missing-education':
      return `Reason: ${e.reason ?? ''}`;
    default:
      return '';
  }
}

export function childPageView(data: ChildPage, done: string | undefined) {
  const { child } = data;
  return {
    pageTitle: `Education: ${fullName(child)}`,
    backLink: paths.children.show(child.id),
    child,
    canEdit: data.canEdit,
    done: done ? DONE_MESSAGES[done] : undefined,
    duties: data.duties.map((d) => ({
      ...d,
      dueText: longDate(d.due_date),
      dueLabel: d.kind === 'review' ? 'Review by' : 'From',
      doneText: d.done_on ? longDate(d.done_on) : null,
      doneHref: paths.education.dutyDone(child.id, d.id),
    })),
    episodes: data.episodes.map((e) => ({
      ...e,
      startText: longDate(e.start_date),
      endText: e.kind === 'suspension' ? null : e.end_date ? longDate(e.end_date) : null,
      detail: episodeDetail(e),
      school: e.setting_id ? (data.settingNames.get(e.setting_id) ?? '') : 'No school recorded',
      status: e.open ? 'Open' : e.start_date > data.today ? 'Coming' : 'Ended',
      editHref: paths.education.episode(child.id, e.id),
      closeHref: e.kind !== 'suspension' && !e.end_date ? paths.education.close(child.id, e.id) : null,
    })),
    attendance: data.attendance.map((a) => ({
      term: termName(a.term, a.school_year),
      percent: a.percent,
      persistent: persistentlyAbsent(a.percent),
    })),
    placements: data.settings.map((s) => ({
      ...s,
      area: s.in_area ? 'In area' : `Out of area${s.location_authority ? ` (${s.location_authority})` : ''}`,
      startText: longDate(s.start_date),
      endText: s.end_date ? longDate(s.end_date) : 'Now',
    })),
    recordLinks: EPISODE_KINDS.map((k) => ({
      href: paths.education.newEpisode(child.id, k),
      text: `Record ${lowerFirst(EPISODE_KIND_LABELS[k])}`,
    })),
    attendanceHref: paths.education.attendance(child.id),
  };
}

/** The form for a new episode of one kind, or for editing one (`episodeId`). */
export function episodeFormView(input: {
  child: Child;
  kind: EpisodeKind;
  episodeId?: string;
  values: Record<string, string>;
  errors: FormErrors | undefined;
  formToken: string;
}) {
  const { child, kind } = input;
  const label = EPISODE_KIND_LABELS[kind];
  return {
    pageTitle: input.episodeId ? `Change: ${lowerFirst(label)}` : `Record ${lowerFirst(label)}`,
    caption: `${fullName(child)}, ${child.reference}`,
    backLink: paths.education.child(child.id),
    action: input.episodeId
      ? paths.education.episode(child.id, input.episodeId)
      : paths.education.newEpisode(child.id, kind),
    kind,
    editing: Boolean(input.episodeId),
    startLabel: START_LABELS[kind],
    endLabel: END_LABELS[kind],
    values: input.values,
    errors: input.errors,
    formToken: input.formToken,
  };
}

export function closeFormView(input: {
  child: Child;
  episode: { kind: EpisodeKind; start_date: string };
  episodeId: string;
  values: Record<string, string>;
  errors: FormErrors | undefined;
}) {
  const { child, episode } = input;
  return {
    pageTitle: `Close: ${lowerFirst(EPISODE_KIND_LABELS[episode.kind])}`,
    caption: `${fullName(child)}, ${child.reference}`,
    backLink: paths.education.child(child.id),
    action: paths.education.close(child.id, input.episodeId),
    startText: longDate(episode.start_date),
    endLabel: END_LABELS[episode.kind].replace(/ \(if .*\)$/, ''),
    values: input.values,
    errors: input.errors,
  };
}

export function attendanceFormView(input: {
  child: Child;
  values: Record<string, string>;
  errors: FormErrors | undefined;
}) {
  const { child } = input;
  return {
    pageTitle: 'Record attendance for a term',
    caption: `${fullName(child)}, ${child.reference}`,
    backLink: paths.education.child(child.id),
    action: paths.education.attendance(child.id),
    termItems: radioItems(labelled(TERMS, TERM_LABELS), input.values.term),
    values: input.values,
    errors: input.errors,
  };
}

/** The list's filters as the user gave them (kept in links). */
export interface ListQuery {
  readonly school?: string | undefined;
  readonly need?: string | undefined;
}

export function listView(data: ListData, query: ListQuery) {
  const link = (q: { school?: string | undefined; need?: string | undefined; page?: number }) =>
    withQuery(paths.education.list, { school: q.school, need: q.need, page: q.page });
  const needLabel = (n: PrimaryNeed | null) => (n ? PRIMARY_NEED_LABELS[n] : 'Not recorded');
  const schoolName = data.bySchool.find((s) => (s.settingId ?? 'none') === query.school)?.name;
  const filtered = [
    query.school ? (schoolName ?? (query.school === 'none' ? 'No school recorded' : 'that school')) : null,
    query.need ? needLabel(query.need === 'none' ? null : (query.need as PrimaryNeed)) : null,
  ].filter((v): v is string => Boolean(v));
  return {
    pageTitle: 'Children with a plan not in full-time education',
    total: data.total,
    filtered: filtered.join(', '),
    clearHref: paths.education.list,
    bySchool: data.bySchool.map((s) => ({
      name: s.name ?? 'No school recorded',
      n: s.n,
      href: link({ school: s.settingId ?? 'none', need: query.need }),
    })),
    byNeed: data.byNeed.map((r) => ({
      name: needLabel(r.need),
      n: r.n,
      href: link({ school: query.school, need: r.need ?? 'none' }),
    })),
    rows: data.result.rows.map((r) => ({
      ...r,
      href: paths.education.child(r.id),
      need: needLabel(r.primary_need),
      reasons: r.reasons.map((k) => EPISODE_KIND_LABELS[k]).join(', '),
      sinceText: r.since ? longDate(r.since) : '',
      reviewDueText: r.reviewDue ? longDate(r.reviewDue) : 'None open',
    })),
    shown: data.result.total,
    pagination: govukPagination(data.result.page, data.result.pages, (page) =>
      link({ school: query.school, need: query.need, page }),
    ),
  };
}
