/** The ceasing store's SQL, kept in ./queries.sql for review (with the core records' update it makes). */
import { describe, expect, it } from 'vitest';
import { sqlSnapshot } from '../../../test/helpers/sql-snapshot.ts';
import type { Tx } from '../../platform/change/change.ts';
import { setPlanEnded } from '../../platform/people/children.ts';
import {
  cessationById,
  cessationsOf,
  decidedToCease,
  insertCessation,
  saveTransferOut,
  setTransferLeft,
  transfersOut,
  updateCessation,
} from './store.ts';

const LA = '999';
const CHILD = '00000000-0000-4000-8000-000000000001';
const PLAN = '00000000-0000-4000-8000-000000000002';
const CESSATION = '00000000-0000-4000-8000-000000000003';
const USER = '00000000-0000-4000-8000-000000000004';
const AT = new Date('2026-03-02T10:00:00Z');
const trx = (db: unknown) => db as Tx;
const row = () => [{ id: CESSATION, plan_id: PLAN }];

describe('ceasing store SQL', () => {
  it('matches src/features/ceasing/queries.sql', async () => {
    const text = await sqlSnapshot([
      { name: 'cessationsOf, one plan', run: (db) => cessationsOf(db, LA, [PLAN]) },
      { name: 'cessationsOf, the authority', run: (db) => cessationsOf(db, LA) },
      { name: 'cessationById', run: (db) => cessationById(db, LA, CESSATION) },
      { name: 'decidedToCease', run: (db) => decidedToCease(db, LA) },
      {
        name: 'insertCessation',
        run: (db) =>
          insertCessation(trx(db), {
            la_code: LA,
            plan_id: PLAN,
            child_id: CHILD,
            started_on: '2026-03-02',
            reason: 'Needs met',
            created_by: USER,
            created_at: AT,
            updated_at: AT,
          }),
        rows: row,
      },
      {
        name: 'updateCessation',
        run: (db) => updateCessation(trx(db), LA, CESSATION, { family_consulted: '2026-03-03' }),
        rows: row,
      },
      { name: 'transfersOut, one plan', run: (db) => transfersOut(db, LA, [PLAN]) },
      {
        name: 'saveTransferOut',
        run: (db) =>
          saveTransferOut(trx(db), {
            la_code: LA,
            plan_id: PLAN,
            child_id: CHILD,
            learned_on: '2026-03-02',
            move_date: '2026-03-10',
            to_authority: 'Eastvale Council',
            to_authority_code: '991',
            recorded_by: USER,
            created_at: AT,
            updated_at: AT,
          }),
        rows: row,
      },
      { name: 'setTransferLeft', run: (db) => setTransferLeft(trx(db), LA, PLAN, '2026-03-20') },
      { name: 'setPlanEnded (core records)', run: (db) => setPlanEnded(trx(db), LA, CHILD, true, AT) },
    ]);
    await expect(text).toMatchFileSnapshot('./queries.sql');
  });
});
