/**
 * Importing into the database on both engines: every row of the file is accounted for (an action, a problem, or a
 * heading or blank row), the plan reads back as it was written and exports to the same plan, a second import with
 * the same title is refused with nothing saved, and owners are linked to staff by job title only when unambiguous.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { createAuthority, createUser } from '../../../test/helpers/factories.ts';
import { parsePlanCsv } from '../../domain/improvement/csv-import.ts';
import { generatePlanCsv } from '../../domain/improvement/generate.ts';
import { importPlan } from '../../domain/improvement/import-plan.ts';
import type { ParsedPlan } from '../../domain/improvement/types.ts';
import { planCsv } from './service.ts';
import {
  createImprovementPlanStore,
  DuplicatePlanTitleError,
  loadImprovementPlan,
  UnknownAuthorityError,
} from './store.ts';

const demoCsv = readFileSync(
  new URL('../../domain/improvement/fixtures/demo-plan.csv', import.meta.url),
  'utf8',
);

const CSV_WITH_PROBLEMS = [
  'area,area_title,focus_area,focus_area_title,ref,action,owner,start,end,status',
  '1,Leadership,1.1,Values,1 A,Agree values,Head of SEND / Parent carer forum vice lead,Jan 22,Mar 22,Complete',
  '1,,1.1,,1 B,"Publish values, with ""easy read""",Local Offer lead,Apr 22,On-going,On track',
  '',
  '1,,1.2,Board,,,,,,',
  '1,,1.2,,1 C,Bad status,Head of SEND,Apr 22,May 22,Purple',
  '1,,1.2,,1 A,Duplicate,Head of SEND,Apr 22,May 22,',
  '1,,1.2,,1 D,Backwards,Head of SEND,Jun 22,Mar 22,',
  '1,,1.2,,1 E,Undated,Head of SEND,Underway,and then following board decisions,Amber',
  '1,,1.2,,,No reference,Head of SEND,Apr 22,May 22,',
  '',
].join('\n');

describe.each(ENGINES)('saving an imported plan on %s', (engine) => {
  let database: TestDatabase;
  const audit = { laCode: '901', userId: null, sessionId: null, ip: null };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await createAuthority(database.db, '901');
  });
  afterAll(() => database?.close());

  const save = (parsed: ParsedPlan, title: string, laCode = '901') =>
    database.db.transaction().execute((trx) =>
      importPlan(
        parsed,
        createImprovementPlanStore(trx, {
          laCode,
          title,
          kind: 'written-statement-of-action',
          createdBy: null,
          audit,
        }),
      ),
    );

  it('saves the demo plan with every row accounted for, and reads it back as written', async () => {
    const parsed = parsePlanCsv(demoCsv);
    expect(parsed.problems).toEqual([]);
    const outcome = await save(parsed, 'Demo plan');
    expect(outcome).toMatchObject({ areas: 8, focusAreas: 36, actions: 112 });
    const data = (await loadImprovementPlan(database.db, '901', outcome.planId))!;
    expect(data.areas).toHaveLength(8);
    expect(data.focusAreas).toHaveLength(36);
    expect(data.actions).toHaveLength(112);
    for (const [i, a] of parsed.actions.entries()) {
      const saved = data.actions[i]!;
      expect(saved.ref).toBe(a.ref);
      expect(saved.action).toBe(a.action);
      expect(saved.owners.map((o) => o.jobTitle)).toEqual(a.owners);
      expect([saved.start, saved.end, saved.startNote, saved.endNote, saved.ongoing]).toEqual([
        a.start,
        a.end,
        a.startNote,
        a.endNote,
        a.ongoing,
      ]);
      expect([saved.status, saved.initialStatus]).toEqual([a.status, a.status]);
      expect(saved.evidenceTypes).toEqual(a.evidenceTypes);
      expect(saved.evidenceExpected).toBe(a.evidenceOfImpact);
    }
    // Every line of the file is the header, an action, or a blank or heading row.
    const lines = parsePlanCsv(demoCsv).actions.map((a) => a.row);
    const { rows } = await database.db
      .selectFrom('improvement_action')
      .select((eb) => eb.fn.agg<number[]>('array_agg', ['source_row']).as('rows'))
      .where('la_code', '=', '901')
      .where('plan_id', '=', outcome.planId)
      .executeTakeFirstOrThrow();
    expect([...rows].sort((a, b) => a - b)).toEqual([...lines].sort((a, b) => a - b));
    // Export then import gives the same plan.
    const again = parsePlanCsv(planCsv(data));
    expect(again.problems).toEqual([]);
    expect(again.actions.map(({ row: _row, ...rest }) => rest)).toEqual(
      parsed.actions.map(({ row: _row, ...rest }) => rest),
    );
    const logged = await database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('la_code', '=', '901')
      .where('record_id', '=', outcome.planId)
      .execute();
    expect(logged.map((l) => l.action)).toEqual(['improvement.plan.import']);
  });

  it('saves every row with a reference and an action, and the notes about them with the plan', async () => {
    const parsed = parsePlanCsv(CSV_WITH_PROBLEMS);
    expect(parsed.problems.map((p) => p.row)).toEqual([10]);
    expect(parsed.notes.map((p) => p.row)).toEqual([6, 7, 8]);
    const outcome = await save(parsed, 'Plan with problems');
    expect(outcome.actions).toBe(6);
    const data = (await loadImprovementPlan(database.db, '901', outcome.planId))!;
    expect(data.actions.map((a) => a.ref)).toEqual(['1 A', '1 B', '1 C', '1 A (2)', '1 D', '1 E']);
    // Rows 2, 3, 6, 7, 8, 9 imported; 10 (no reference) refused; 4 blank; 5 a heading: all nine accounted for.
    const imported = data.actions.length;
    const reported = new Set(parsed.problems.map((p) => p.row)).size;
    expect(imported + reported + 2).toBe(9);
    expect(data.actions[1]).toMatchObject({
      ongoing: true,
      end: null,
      action: 'Publish values, with "easy read"',
    });
    expect(data.actions[2]).toMatchObject({ status: 'not-started' });
    expect(data.actions[4]).toMatchObject({ start: '2022-06-01', end: null, endNote: 'Mar 22' });
    expect(data.actions[5]).toMatchObject({
      start: null,
      startNote: 'Underway',
      endNote: 'and then following board decisions',
      status: 'significant-risk',
    });
    expect(data.focusAreas.map((f) => f.title)).toEqual(['Values', 'Board']);
    expect(data.plan.importNotes).toEqual(parsed.notes);
    expect(data.plan.importNotes).toHaveLength(3);
  });

  it('refuses a second plan with the same title and saves nothing', async () => {
    const count = async () =>
      Number(
        (
          await database.db
            .selectFrom('improvement_action')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('la_code', '=', '901')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await expect(save(parsePlanCsv(demoCsv), 'Demo plan')).rejects.toBeInstanceOf(DuplicatePlanTitleError);
    expect(await count()).toBe(before);
    await expect(save(parsePlanCsv(demoCsv), 'Anywhere', '903')).rejects.toBeInstanceOf(
      UnknownAuthorityError,
    );
  });

  it('links an owner to the one staff member with that job title, and never guesses between two', async () => {
    const db = database.db;
    const head = await createUser(db, '901', 'send-leader');
    await db.updateTable('app_user').set({ job_title: 'Head of SEND' }).where('id', '=', head.id).execute();
    for (const role of ['team-manager', 'caseworker'] as const) {
      const u = await createUser(db, '901', role);
      await db
        .updateTable('app_user')
        .set({ job_title: 'Local Offer lead' })
        .where('id', '=', u.id)
        .execute();
    }
    const parent = await createUser(db, '901', 'parent');
    await db
      .updateTable('app_user')
      .set({ job_title: 'Parent carer forum vice lead' })
      .where('id', '=', parent.id)
      .execute();
    const outcome = await save(parsePlanCsv(CSV_WITH_PROBLEMS), 'Linked plan');
    const data = (await loadImprovementPlan(db, '901', outcome.planId))!;
    const owners = data.actions.flatMap((a) => a.owners);
    expect(owners.find((o) => o.jobTitle === 'Head of SEND')?.userId).toBe(head.id);
    expect(owners.find((o) => o.jobTitle === 'Local Offer lead')?.userId).toBeNull();
    expect(owners.find((o) => o.jobTitle === 'Parent carer forum vice lead')?.userId).toBeNull();
  });

  // Its speed is measured by `npm run bench -- improvement-db-import`, not here: test machines are too noisy to time.
  it('saves a generated 2,000-action plan in one transaction', async () => {
    const parsed = parsePlanCsv(generatePlanCsv({ actions: 2000, seed: 7 }));
    expect(parsed.actions.length).toBe(2000);
    const outcome = await save(parsed, 'Large plan');
    expect(outcome.actions).toBe(2000);
    const saved = (await loadImprovementPlan(database.db, '901', outcome.planId))!;
    expect(saved.actions).toHaveLength(2000);
    expect(saved.actions.every((a) => a.owners.length > 0)).toBe(true);
  });
});
