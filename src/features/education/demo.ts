/**
 * The demo authority's children not in full-time education (docs/education.md): a handful of realistic, fictional
 * episodes dated relative to the demo's day, each with the review and s19 duty it raised and a line in the child's
 * history, plus some attendance. Deterministic: the children are the first of compulsory school age with a plan, by
 * name. No messages are sent.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import type { Actor } from '../../platform/access/access.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { searchChildren, settingsOf } from '../../platform/people/children.ts';
import { activeOfficers } from '../../platform/people/users.ts';
import { addDays } from '../../demo/dates.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import { longDate, schoolYearStart } from '../../domain/calendar.ts';
import {
  isOfCompulsorySchoolAge,
  reviewDutyFor,
  s19DutyFor,
  type EpisodeKind,
} from '../../domain/education/index.ts';
import {
  dutiesOf,
  episodeById,
  insertEpisode,
  markDutyDone,
  raiseDuty,
  upsertAttendance,
  type EpisodeValues,
} from './store.ts';
import { episodeSentence } from './service.ts';

interface DemoEpisode {
  readonly kind: EpisodeKind;
  /** Days before the demo's day it began (moved back to a weekday). */
  readonly ago: number;
  readonly endedAgo?: number;
  readonly days?: number;
  readonly hoursAWeek?: number;
  readonly reason?: string;
  /** Days after the start of the agreed end or review date. */
  readonly reviewAfter?: number;
}

/** One child each, in order. */
const EPISODES: readonly DemoEpisode[] = [
  { kind: 'permanent-exclusion', ago: 8 },
  {
    kind: 'part-time-timetable',
    ago: 33,
    hoursAWeek: 12.5,
    reason:
      'Anxiety-based school avoidance: a phased return agreed with the family and the educational psychologist',
    reviewAfter: 42,
  },
  {
    kind: 'missing-education',
    ago: 19,
    reason: 'The family moved within the area and the new school place has not been taken up',
  },
  { kind: 'home-education', ago: 61 },
  { kind: 'suspension', ago: 15, days: 3 },
  {
    kind: 'part-time-timetable',
    ago: 150,
    endedAgo: 90,
    hoursAWeek: 20,
    reason: 'Reintegration after a hospital stay',
    reviewAfter: 56,
  },
  {
    kind: 'part-time-timetable',
    ago: 12,
    hoursAWeek: 15,
    reason: 'Awaiting one-to-one support',
    reviewAfter: 28,
  },
];

/** The day itself, or the Friday before when it falls at a weekend. */
function weekday(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return dow === 6 ? addDays(date, -1) : dow === 0 ? addDays(date, -2) : date;
}

export async function seedEducationDemo(
  trx: Transaction<DB>,
  { laCode, today }: DemoSeedOptions,
): Promise<void> {
  const officer = (await activeOfficers(trx, laCode))[0];
  if (!officer) return;
  const actor: Actor = {
    laCode,
    userId: officer.id,
    sessionId: 'demo',
    email: '',
    displayName: officer.display_name,
    role: 'caseworker',
    teamId: null,
    jobTitle: null,
    ip: null,
  };
  const page = await searchChildren(trx, { laCode, withPlan: true, page: 1, pageSize: 60 });
  const children = page.rows.filter((c) => isOfCompulsorySchoolAge(c.date_of_birth, today));
  const random = createRandom(hashString(`education:${laCode}:${today}`));
  /** A moment on a day, in the morning (London is UTC or UTC+1: 09:30 UTC is that day either way). */
  const at = (day: string) => new Date(`${day}T09:30:00Z`);
  for (const [i, spec] of EPISODES.entries()) {
    const child = children[i];
    if (!child) break;
    const start = weekday(addDays(today, -spec.ago));
    const values: EpisodeValues = {
      kind: spec.kind,
      start,
      end: spec.endedAgo === undefined ? null : weekday(addDays(today, -spec.endedAgo)),
      days: spec.days ?? null,
      hoursAWeek: spec.hoursAWeek ?? null,
      reason: spec.reason ?? null,
      reviewDate: spec.reviewAfter === undefined ? null : addDays(start, spec.reviewAfter),
    };
    const settings = await settingsOf(trx, laCode, child.id);
    const setting = settings.find(
      (s) => s.start_date <= start && (s.end_date === null || s.end_date >= start),
    );
    const id = await insertEpisode(trx, laCode, child.id, values, {
      id: random.uuid(),
      settingId: setting?.setting_id ?? null,
      recordedOn: start,
      recordedBy: officer.id,
    });
    const episode = (await episodeById(trx, laCode, id))!;
    await recordCaseEvent(
      { trx, actor },
      {
        at: at(start),
        childId: child.id,
        kind: 'education.episode',
        summary: episodeSentence(episode),
        detail: { episodeId: id, kind: spec.kind },
      },
    );
    const facts = { kind: spec.kind, start, end: null, days: values.days };
    const review = reviewDutyFor({ dateOfBirth: child.date_of_birth, hasPlan: true }, facts, start);
    if (review) {
      await raiseDuty(trx, laCode, {
        childId: child.id,
        episodeId: id,
        kind: 'review',
        regulation: review.regulation,
        raisedOn: start,
        due: review.due.date,
      });
    }
    const s19 = s19DutyFor({ dateOfBirth: child.date_of_birth }, facts, start);
    if (s19.applies) {
      await raiseDuty(trx, laCode, {
        childId: child.id,
        episodeId: id,
        kind: 's19',
        regulation: 's19',
        raisedOn: start,
        due: s19.from.date,
      });
    }
    if (values.end) {
      await recordCaseEvent(
        { trx, actor },
        {
          at: at(values.end),
          childId: child.id,
          kind: 'education.episode-closed',
          summary: `Part-time timetable ended on ${longDate(values.end)}`,
          detail: { episodeId: id },
        },
      );
    }
  }
  // the episode that ended: its duties were done when it ended
  const ended = children[5];
  if (ended) {
    for (const r of await dutiesOf(trx, laCode, ended.id))
      await markDutyDone(trx, laCode, r.id, addDays(r.raised_on, 27));
  }
  // attendance for the last school year's three terms, for the first five children
  const year = schoolYearStart(today) - 1;
  for (const [i, child] of children.slice(0, 5).entries()) {
    const figures = [
      [96.1, 91.4, 88.0],
      [72.5, 64.0, 81.2],
      [90.3, 85.7, 58.9],
      [94.0, 93.2, 0.0],
      [97.8, 95.5, 89.6],
    ][i]!;
    const terms = [
      { schoolYear: year, term: 'autumn' as const },
      { schoolYear: year, term: 'spring' as const },
      { schoolYear: year, term: 'summer' as const },
    ];
    for (const [j, t] of terms.entries()) {
      if (i === 3 && j === 2) continue; // home educated since: no school figure
      await upsertAttendance(trx, laCode, {
        childId: child.id,
        ...t,
        percent: figures[j]!,
        recordedBy: officer.id,
      });
    }
  }
}
