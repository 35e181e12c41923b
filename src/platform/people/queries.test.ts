/** The SQL of the platform's shared stores (people, change), kept in ./queries.sql for review. */
import { describe, expect, it } from 'vitest';
import { sqlSnapshot } from '../../../test/helpers/sql-snapshot.ts';
import type { Actor } from '../access/access.ts';
import type { ChangeContext, Tx } from '../change/change.ts';
import { once } from '../change/once.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { caseEventDays, historyMatching, recordCaseEvent } from './case-events.ts';
import { caseworkChildren, caseworkPlacements, caseworkSettings } from './casework.ts';
import {
  childIdsAtSetting,
  childIdsWithNeed,
  grantedChildren,
  movePlanStatus,
  planIssued,
  searchChildren,
} from './children.ts';
import {
  childByNamesAndBirth,
  createRequestedChild,
  grantUnlessHeld,
  linkFamilyMemberAccount,
} from './online-requests.ts';
import { schoolOfUser } from './organisations.ts';
import { partiesOfRow, partiesOfRows, userOfRow } from './row-parties.ts';
import { activeOfficer, caseOfficersOf, teamForNewRequest } from './users.ts';
import { familyContactsFor, recipientsFor } from './recipients.ts';

const LA = '999';
const CHILD = '00000000-0000-4000-8000-000000000001';
const TEAM = '00000000-0000-4000-8000-0000000000bb';
const SETTING = '00000000-0000-4000-8000-0000000000cc';
const TOKEN = '00000000-0000-4000-8000-0000000000aa';
const AT = new Date('2026-03-02T10:00:00Z');
const actor: Actor = {
  laCode: LA,
  userId: '00000000-0000-4000-8000-000000000002',
  sessionId: 'session',
  email: 'caseworker@demo.example',
  displayName: 'Caseworker',
  role: 'caseworker',
  teamId: null,
  jobTitle: null,
  ip: null,
};
const context = (trx: unknown): ChangeContext => ({
  trx: trx as Tx,
  actor,
  today: '2026-03-02',
  jobs: {} as Jobs,
  afterCommit: () => undefined,
});

describe('platform store SQL', () => {
  it('matches src/platform/people/queries.sql', async () => {
    const text = await sqlSnapshot([
      {
        name: 'recordCaseEvent',
        run: (db) =>
          recordCaseEvent(context(db), { childId: CHILD, kind: 'plan.issued', summary: 'Plan issued' }),
      },
      {
        name: 'recipientsFor, family and advisers',
        run: (db) => recipientsFor(db, LA, CHILD, { family: true, advisers: true }),
      },
      {
        name: 'recipientsFor, family or else a family member with parental responsibility',
        run: (db) => recipientsFor(db, LA, CHILD, { family: true, unlinkedFamily: true }),
      },
      {
        name: 'familyContactsFor (accounts, then members without one by email or post)',
        run: (db) => familyContactsFor(db, LA, CHILD),
      },
      {
        name: 'once, first submission',
        rows: (_q, n) => (n === 0 ? [{ token: TOKEN }] : []),
        run: (db) => once(context(db), TOKEN, () => Promise.resolve('result')),
      },
      {
        name: 'once, repeated submission',
        rows: (_q, n) => (n === 1 ? [{ user_id: actor.userId, result_id: 'result' }] : []),
        run: (db) => once(context(db), TOKEN, () => Promise.resolve('never')),
      },
      { name: 'caseworkChildren (the returns)', run: (db) => caseworkChildren(db, LA) },
      { name: 'caseworkSettings (the returns)', run: (db) => caseworkSettings(db, LA) },
      { name: 'caseworkPlacements (the returns)', run: (db) => caseworkPlacements(db, LA) },
      { name: 'caseEventDays (the demo plans)', run: (db) => caseEventDays(db, LA, 'review-held') },
      {
        name: 'searchChildren, granted to a parent (a full first page with the current setting, then the count)',
        rows: (_q, n) => (n === 0 ? [{ id: 'a' }, { id: 'b' }] : n === 1 ? [{ n: 5 }] : []),
        run: (db) =>
          searchChildren(db, {
            laCode: LA,
            grantedTo: { userId: actor.userId, kind: 'parent' },
            page: 1,
            pageSize: 2,
          }),
      },
      {
        name: 'grantedChildren (whom a family may ask about, with the current setting)',
        run: (db) => grantedChildren(db, LA, actor.userId, 'parent'),
      },
      {
        name: 'partiesOfRows (a page of case rows: child and current setting, officer, team, in one query)',
        run: (db) =>
          partiesOfRows(db, LA, [
            { childId: CHILD, officerId: actor.userId, teamId: TEAM },
            { childId: CHILD, officerId: null, teamId: TEAM },
          ]),
      },
      {
        name: 'partiesOfRow and userOfRow (json columns a feature adds to its own select; here over the child and a user)',
        run: async (db) => {
          await db
            .selectFrom('child as r')
            .select(
              partiesOfRow({ laCode: 'r.la_code', childId: 'r.id', officerId: 'r.lead_officer_id' }).as(
                'parties',
              ),
            )
            .where('r.la_code', '=', LA)
            .where('r.id', '=', CHILD)
            .execute();
          await db
            .selectFrom('app_user as r')
            .select(userOfRow('r.la_code', 'r.id').as('user'))
            .where('r.la_code', '=', LA)
            .where('r.id', '=', actor.userId)
            .execute();
        },
      },
      {
        name: 'childIdsWithNeed and childIdsAtSetting (the workspace filters, as queries of child ids)',
        run: async (db) => {
          await childIdsWithNeed(db, LA, 'ASD').execute();
          await childIdsAtSetting(db, LA, SETTING).execute();
        },
      },
      { name: "caseOfficersOf (a team manager's officers)", run: (db) => caseOfficersOf(db, LA, TEAM) },
      {
        name: "teamForNewRequest (the named officer's team, else the first team manager's)",
        run: (db) => teamForNewRequest(db, LA, CHILD),
      },
      { name: 'activeOfficer (who may be allocated)', run: (db) => activeOfficer(db, LA, actor.userId) },
      {
        name: 'movePlanStatus and planIssued (an assessment starts; its final plan is issued)',
        run: async (db) => {
          await movePlanStatus(db, LA, CHILD, 'none', 'assessment', AT);
          await planIssued(db, LA, CHILD, '2026-03-02', AT);
        },
      },
      {
        name: 'childByNamesAndBirth (an online request matched quietly to a child on record)',
        run: (db) =>
          childByNamesAndBirth(db, LA, {
            givenName: ' Ada ',
            familyName: 'Lovelace',
            dateOfBirth: '2016-04-12',
          }),
      },
      {
        name: 'createRequestedChild (the next GT- reference, the child, the setting)',
        rows: (_q, n) => (n === 0 ? [{ n: 41 }] : n === 1 ? [{ id: CHILD }] : []),
        run: (db) =>
          createRequestedChild(db, LA, {
            givenName: 'Ada',
            familyName: 'Lovelace',
            dateOfBirth: '2016-04-12',
            sex: 'F',
            postcode: 'AB1 2CD',
            settingId: SETTING,
            startDate: '2026-03-02',
          }),
      },
      {
        name: 'grantUnlessHeld (no live grant: one is made) and linkFamilyMemberAccount',
        run: async (db) => {
          await grantUnlessHeld(db, LA, {
            userId: actor.userId,
            childId: CHILD,
            kind: 'parent',
            reason: 'Link checked',
            grantedBy: actor.userId,
          });
          await linkFamilyMemberAccount(db, LA, {
            childId: CHILD,
            userId: actor.userId,
            email: 'Parent@Example.org',
          });
        },
      },
      {
        name: "schoolOfUser (a SENCO's school and its setting)",
        run: (db) => schoolOfUser(db, LA, actor.userId),
      },
      {
        name: "historyMatching (an assessment's history: its case id in the detail, with the reason noted)",
        run: (db) => historyMatching(db, LA, CHILD, { caseId: TOKEN }, 'withoutAdviceReason'),
      },
    ]);
    await expect(text).toMatchFileSnapshot('./queries.sql');
  });
});
