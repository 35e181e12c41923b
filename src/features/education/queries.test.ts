/** The education store's SQL, kept in ./queries.sql for review (with the core records' queries it composes with). */
import { describe, expect, it } from 'vitest';
import { sqlSnapshot } from '../../../test/helpers/sql-snapshot.ts';
import type { Tx } from '../../platform/change/change.ts';
import { planChildIds, plansByNeedAmong, searchChildren } from '../../platform/people/children.ts';
import {
  attendanceOf,
  dutiesOf,
  episodesOf,
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
} from './store.ts';

const LA = '999';
const CHILD = '00000000-0000-4000-8000-000000000001';
const EPISODE = '00000000-0000-4000-8000-000000000003';
const SETTING = '00000000-0000-4000-8000-000000000004';
const USER = '00000000-0000-4000-8000-000000000002';
const TODAY = '2026-03-02';
const PTT = {
  kind: 'part-time-timetable' as const,
  start: TODAY,
  end: null,
  days: null,
  hoursAWeek: 12.5,
  reason: 'Anxiety',
  reviewDate: '2026-04-17',
};
const trx = (db: unknown) => db as Tx;

describe('education store SQL', () => {
  it('matches src/features/education/queries.sql', async () => {
    const text = await sqlSnapshot([
      {
        name: 'insertEpisode',
        run: (db) =>
          insertEpisode(trx(db), LA, CHILD, PTT, { settingId: SETTING, recordedOn: TODAY, recordedBy: USER }),
        rows: () => [{ id: EPISODE }],
      },
      { name: 'updateEpisode', run: (db) => updateEpisode(trx(db), LA, EPISODE, PTT) },
      { name: 'episodesOf', run: (db) => episodesOf(db, LA, CHILD) },
      { name: 'episodesOfChildren', run: (db) => episodesOfChildren(db, LA, [CHILD]) },
      {
        name: 'the list: children with a plan and an open episode begun at one school, a page',
        run: (db) =>
          searchChildren(db, {
            laCode: LA,
            withPlan: true,
            among: openEpisodeChildIds(db, LA, TODAY, SETTING),
            page: 1,
            pageSize: 25,
          }),
        rows: (_q, n) => (n === 0 ? [{ n: 0 }] : []),
      },
      {
        name: 'the list: counted by school',
        run: (db) => openEpisodesBySchool(db, LA, TODAY, planChildIds(db, LA)),
      },
      {
        name: 'the list: counted by primary need',
        run: (db) => plansByNeedAmong(db, LA, openEpisodeChildIds(db, LA, TODAY)),
      },
      {
        name: 'raiseDuty',
        run: (db) =>
          raiseDuty(trx(db), LA, {
            childId: CHILD,
            episodeId: EPISODE,
            kind: 'review',
            regulation: 'reg-29-2',
            raisedOn: TODAY,
            due: '2026-03-30',
          }),
      },
      {
        name: 'updateOpenDutyDue',
        run: (db) => updateOpenDutyDue(trx(db), LA, EPISODE, 's19', '2026-03-09'),
      },
      { name: 'markDutyDone', run: (db) => markDutyDone(trx(db), LA, EPISODE, TODAY) },
      { name: 'dutiesOf', run: (db) => dutiesOf(db, LA, CHILD) },
      { name: 'openReviewDueOf', run: (db) => openReviewDueOf(db, LA, [CHILD]) },
      { name: 'attendanceOf', run: (db) => attendanceOf(db, LA, CHILD) },
      {
        name: 'upsertAttendance',
        run: (db) =>
          upsertAttendance(trx(db), LA, {
            childId: CHILD,
            schoolYear: 2025,
            term: 'autumn',
            percent: 91.5,
            recordedBy: USER,
          }),
        rows: () => [{ id: EPISODE }],
      },
    ]);
    await expect(text).toMatchFileSnapshot('./queries.sql');
  });
});
