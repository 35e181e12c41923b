/** The register store's SQL, kept in ./queries.sql for review. */
import { describe, expect, it } from 'vitest';
import { sqlSnapshot } from '../../../test/helpers/sql-snapshot.ts';
import type { Tx } from '../../platform/change/change.ts';
import { DEFAULT_POLICY } from '../../domain/register/index.ts';
import {
  countBy,
  countByMonth,
  countByTheme,
  insertItem,
  insertYouSaid,
  itemById,
  itemsOfChild,
  itemsOfFamily,
  listItems,
  listYouSaid,
  markTaskDone,
  openTasksOf,
  policyRow,
  raiseTask,
  recentFromAddress,
  savePolicy,
  setThemes,
  setYouSaidPublished,
  taskOfItem,
  themesOf,
  updateItem,
  youSaidById,
} from './store.ts';
import {
  commentsIn,
  insertOffer,
  insertResponse,
  markAnswered,
  offerByShortCode,
  offerByToken,
  offerCommunity,
  offerOfEvent,
  offerCounts,
  offeredEvents,
  responseById,
  responseFacts,
  responseThemeCounts,
  responseThemesOf,
  setResponseThemes,
  surveyCodeKey,
  unansweredOffersOf,
} from './store/survey.ts';

const LA = '999';
const CHILD = '00000000-0000-4000-8000-000000000001';
const USER = '00000000-0000-4000-8000-000000000002';
const ITEM = '00000000-0000-4000-8000-000000000003';
const TODAY = '2026-03-02';
const trx = (db: unknown) => db as Tx;

describe('register store SQL', () => {
  it('matches src/features/register/queries.sql', async () => {
    const text = await sqlSnapshot([
      { name: 'policyRow', run: (db) => policyRow(db, LA) },
      { name: 'savePolicy', run: (db) => savePolicy(trx(db), LA, DEFAULT_POLICY, USER) },
      {
        name: 'insertItem (with its reference)',
        run: (db) =>
          insertItem(trx(db), LA, {
            kind: 'complaint',
            channel: 'phone',
            childId: CHILD,
            raisedBy: null,
            recordedBy: USER,
            raiserName: 'A parent',
            raiserContact: null,
            summary: 'Late',
            provision: null,
            receivedOn: TODAY,
            ownerId: USER,
            teamId: null,
            ethnicity: 'WBRI',
            firstLanguage: 'ENG',
            addressKey: null,
          }),
        rows: (_q, n) => (n === 0 ? [{ n: '0' }] : [{ id: ITEM, reference: 'FR-00001' }]),
      },
      { name: 'setThemes', run: (db) => setThemes(trx(db), LA, ITEM, ['delay', 'communication']) },
      { name: 'themesOf', run: (db) => themesOf(db, LA, [ITEM]) },
      { name: 'itemById', run: (db) => itemById(db, LA, ITEM) },
      { name: 'updateItem', run: (db) => updateItem(trx(db), LA, ITEM, { acknowledged_on: TODAY }) },
      {
        name: 'listItems, open, of one kind and theme',
        run: (db) => listItems(db, LA, { status: 'open', kind: 'complaint', theme: 'delay' }, 1, 25),
        rows: (_q, n) => (n === 0 ? [{ n: '0' }] : []),
      },
      {
        name: 'listItems, closed, one owner',
        run: (db) => listItems(db, LA, { status: 'closed', ownerId: USER }, 2, 25),
        rows: (_q, n) => (n === 0 ? [{ n: '0' }] : []),
      },
      { name: 'itemsOfFamily', run: (db) => itemsOfFamily(db, LA, USER, [CHILD]) },
      { name: 'itemsOfChild', run: (db) => itemsOfChild(db, LA, CHILD) },
      {
        name: 'recentFromAddress',
        run: (db) => recentFromAddress(db, LA, 'abc', new Date('2026-03-02T09:00:00Z')),
        rows: () => [{ n: '0' }],
      },
      {
        name: 'raiseTask',
        run: (db) =>
          raiseTask(trx(db), LA, {
            itemId: ITEM,
            childId: CHILD,
            assignedTo: USER,
            raisedOn: TODAY,
            due: '2026-03-09',
          }),
        rows: () => [{ id: ITEM }],
      },
      { name: 'taskOfItem', run: (db) => taskOfItem(db, LA, ITEM) },
      { name: 'openTasksOf', run: (db) => openTasksOf(db, LA, USER) },
      { name: 'markTaskDone', run: (db) => markTaskDone(trx(db), LA, ITEM, TODAY, 'Booked') },
      { name: 'countBy team', run: (db) => countBy(db, LA, 'team_id', '2025-03-01', TODAY) },
      { name: 'countByMonth', run: (db) => countByMonth(db, LA, '2025-03-01', TODAY) },
      { name: 'countByTheme', run: (db) => countByTheme(db, LA, '2025-03-01', TODAY) },
      { name: 'listYouSaid, published', run: (db) => listYouSaid(db, LA, true) },
      { name: 'youSaidById', run: (db) => youSaidById(db, LA, ITEM) },
      {
        name: 'insertYouSaid',
        run: (db) =>
          insertYouSaid(trx(db), LA, {
            theme: 'delay',
            youSaid: 'a',
            weDid: 'b',
            publishedOn: null,
            createdBy: USER,
          }),
        rows: () => [{ id: ITEM }],
      },
      { name: 'setYouSaidPublished', run: (db) => setYouSaidPublished(trx(db), LA, ITEM, TODAY) },
      {
        name: 'survey: insertOffer',
        run: (db) =>
          insertOffer(db, LA, {
            token: 'token-token-token-token',
            childId: CHILD,
            eventId: 7,
            milestone: 'plan-issued',
            milestoneOn: TODAY,
            offeredOn: TODAY,
            teamId: null,
            ethnicity: 'WBRI',
            firstLanguage: 'English',
          }),
        rows: () => [],
      },
      { name: 'survey: offeredEvents', run: (db) => offeredEvents(db, LA, [7, 8]) },
      { name: 'survey: offerByToken', run: (db) => offerByToken(db, LA, 'token-token-token-token') },
      { name: 'survey: offerByShortCode', run: (db) => offerByShortCode(db, LA, 'K7QM4RXP') },
      { name: 'survey: offerOfEvent', run: (db) => offerOfEvent(db, LA, 7) },
      {
        name: 'survey: surveyCodeKey, made on first use',
        run: (db) => surveyCodeKey(db, LA, () => '0'.repeat(64)),
        rows: (_q, n) => (n === 2 ? [{ key: '0'.repeat(64) }] : []),
      },
      { name: 'survey: unansweredOffersOf', run: (db) => unansweredOffersOf(db, LA, [CHILD], '2026-01-06') },
      { name: 'survey: markAnswered', run: (db) => markAnswered(db, LA, ITEM) },
      {
        name: 'survey: offerCommunity',
        run: (db) => offerCommunity(db, LA, ITEM),
        rows: () => [{ team_id: null, ethnicity: null, first_language: null }],
      },
      {
        name: 'survey: insertResponse',
        run: (db) =>
          insertResponse(db, LA, {
            milestone: 'plan-issued',
            month: '2026-03',
            teamId: null,
            ethnicity: null,
            firstLanguage: null,
            overall: 'good',
            listened: 'yes',
            comment: null,
            contactName: null,
            contact: null,
          }),
        rows: () => [{ id: ITEM }],
      },
      { name: 'survey: offerCounts', run: (db) => offerCounts(db, LA, '2025-04-01', TODAY) },
      { name: 'survey: responseFacts', run: (db) => responseFacts(db, LA, '2025-04', '2026-03') },
      { name: 'survey: commentsIn', run: (db) => commentsIn(db, LA, '2025-04', '2026-03', 100) },
      { name: 'survey: responseById', run: (db) => responseById(db, LA, ITEM) },
      { name: 'survey: responseThemesOf', run: (db) => responseThemesOf(db, LA, [ITEM]) },
      { name: 'survey: setResponseThemes', run: (db) => setResponseThemes(db, LA, ITEM, ['delay']) },
      { name: 'survey: responseThemeCounts', run: (db) => responseThemeCounts(db, LA, '2025-04', '2026-03') },
    ]);
    await expect(text).toMatchFileSnapshot('./queries.sql');
  });
});
