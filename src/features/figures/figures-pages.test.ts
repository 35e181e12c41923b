/**
 * The leaders' figures' pages against the database, on both engines, over the casework of
 * test/helpers/figures-casework.ts: access for every role (403 for all but the leader and team managers); a day not
 * counted is said to be being counted, never counted on the request, and shown once the job kept its count; the
 * children behind a number as a page (audited as a list shown) and as CSV (audited as a bulk export of special
 * category data); a broken query answered with the GOV.UK error summary and the input kept; another council's leader
 * sees none of these children.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { actorFor, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import {
  AS_OF,
  buildFiguresCasework,
  comparable,
  figuresLookups,
  type FiguresCasework,
} from '../../../test/helpers/figures-casework.ts';
import type { Actor } from '../../platform/access/access.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { ROLES } from '../../platform/db/schema/index.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { withQuery } from '../../platform/web/paths.ts';

describe.each(ENGINES)('the leaders’ figures on %s: pages and access', (engine) => {
  let t: TestApp;
  let casework: FiguresCasework;
  let la: string;
  let leader: Actor;
  let kids: FiguresCasework['kids'];
  const clients = new Map<Role, TestClient>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    casework = await buildFiguresCasework(t.database.db);
    ({ la, leader, kids } = casework);
    for (const [role, user] of casework.roleUsers) {
      const client = new TestClient(t.app);
      await client.signIn(user.email, TEST_PASSWORD);
      clients.set(role, client);
    }
  });
  afterAll(() => t?.close());

  const { service, listed } = figuresLookups(() => ({ t, casework }));

  /**
   * Runs `fn` with the job's counts of these days kept, then deletes them (the other tests count live): the pages
   * read only a kept count (ADR 0061).
   */
  const withCounts = async (days: readonly string[], fn: () => Promise<void>) => {
    for (const day of days) await service().recount(la, day);
    try {
      await fn();
    } finally {
      await t.database.db
        .deleteFrom('figure_count')
        .where('la_code', '=', la)
        .where('as_of', 'in', [...days])
        .execute();
    }
  };

  it('shows the figures to the leader and team managers and refuses every other role (403)', async () => {
    await withCounts([service().today()], async () => {
      for (const role of ROLES) {
        const client = clients.get(role)!;
        for (const path of [
          '/figures',
          '/figures/requests-6-weeks',
          '/figures/requests-6-weeks/children.csv',
        ]) {
          const res = await client.get(path);
          expect([role, path, res.statusCode]).toEqual([
            role,
            path,
            ['send-leader', 'team-manager'].includes(role) ? 200 : 403,
          ]);
        }
      }
      const page = await clients.get('send-leader')!.get('/figures?by=team');
      expect(page.body).toContain('Requests for an assessment decided within 6 weeks');
      expect(page.body).toContain('North team');
      expect(page.body).toContain('role="img"');
      expect(page.body).toContain('84.8%');
      expect(page.body).toContain('Phase transfers named by the deadline');
      expect(page.body).toContain('Goldthread does not yet count every appealable decision');
    });
  });

  it('never counts a day not counted on the request: says it is being counted, and shows the kept count once the job made it', async () => {
    await t.database.db.deleteFrom('figure_count').where('la_code', '=', la).execute();
    const client = clients.get('send-leader')!;
    const query = { ...dateInputValues('asOf', AS_OF), by: 'team' };
    const pending = await client.get(withQuery('/figures', query));
    expect(pending.statusCode).toBe(200);
    expect(pending.body).toContain('The figures as of 31 October 2026 are being counted');
    expect(pending.body).toContain('Being counted');
    expect(pending.body).not.toContain('role="img"');
    expect(pending.body).toContain(
      `href="${withQuery('/figures', query).replace(/&/g, '&amp;')}">Check again`,
    );
    const list = await client.get(
      withQuery('/figures/requests-6-weeks', { ...dateInputValues('asOf', AS_OF), show: 'met' }),
    );
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('are being counted');
    expect(list.body).not.toContain('Ava Figures');
    const csv = await client.get(
      withQuery('/figures/requests-6-weeks/children.csv', dateInputValues('asOf', AS_OF)),
    );
    expect(csv.statusCode).toBe(303);
    expect(csv.headers.location).toBe(withQuery('/figures/requests-6-weeks', dateInputValues('asOf', AS_OF)));
    // Asked for three times, queued once; the job counts it and keeps it, and the same page now shows the count.
    try {
      expect(await t.jobs.runPending('figures-count')).toBe(1);
      const ready = await client.get(withQuery('/figures', query));
      expect(ready.body).toContain('Counted at');
      expect(ready.body).not.toContain('being counted');
      expect(ready.body).toContain('North team');
      const shown = await service().figures(leader, { asOf: AS_OF, by: 'team' });
      const live = comparable(await service().countFigures(leader, { asOf: AS_OF, by: 'team' }));
      expect(shown.ready && comparable(shown)).toEqual({ ...live, ready: true });
      const met = await client.get(
        withQuery('/figures/requests-6-weeks', { ...dateInputValues('asOf', AS_OF), show: 'met' }),
      );
      expect(met.body).toContain('Ava Figures');
    } finally {
      await t.database.db.deleteFrom('figure_count').where('la_code', '=', la).execute();
    }
  }, 240_000);

  it('downloads the children behind a number as CSV, audited as a bulk export of special category data', async () => {
    await withCounts([AS_OF, service().today()], async () => {
      const client = clients.get('send-leader')!;
      const query = { ...dateInputValues('asOf', AS_OF), show: 'not-met' };
      const list = await listed('advice-6-weeks', { show: 'not-met' });
      const page = await client.get(withQuery('/figures/advice-6-weeks', query));
      expect(page.body).toContain('/figures/advice-6-weeks/children.csv?');
      const res = await client.get(withQuery('/figures/advice-6-weeks/children.csv', query));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = res.body.trim().split(/\r?\n/);
      expect(lines[0]).toBe(
        'Reference,Name,Done on,Due by,Outcome,Confirmed exception,Agency,Setting,Primary need',
      );
      expect(lines).toHaveLength(list.total + 1);
      expect(lines[1]).toContain('Ben Figures');
      expect(lines[1]).toContain('Received late');
      const entry = await t.database.db
        .selectFrom('audit_log')
        .select(['detail', 'record_id', 'user_id'])
        .where('la_code', '=', la)
        .where('action', '=', 'figures.children.export')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry.record_id).toBe('advice-6-weeks');
      expect(entry.detail).toMatchObject({ bulkExport: true, specialCategoryData: true, rows: list.total });
      expect((entry.detail as { children: string[] }).children).toContain(kids.Ben);
      expect((await client.get('/figures/advice-6-weeks/children.csv?page=x')).statusCode).toBe(400);
      expect((await client.get('/figures/no-such-figure/children.csv')).statusCode).toBe(404);
    });
  });

  it('answers a broken date or choice with the error summary and the input kept', async () => {
    const client = clients.get('send-leader')!;
    const bad = await client.get('/figures?asOf-day=31&asOf-month=2&asOf-year=2026&by=team');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('The date must be a real date');
    expect(bad.body).toMatch(/name="asOf-day"[^>]*value="31"/);
    const by = await client.get('/figures?by=colour');
    expect(by.statusCode).toBe(400);
    expect(by.body).toContain('Choose team, school, primary need, ethnicity, age or no breakdown');
    const future = await client.get(withQuery('/figures', dateInputValues('asOf', '2099-01-01')));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date must be today or in the past');
    const list = await client.get('/figures/requests-6-weeks?asOf-day=x&asOf-month=1&asOf-year=2026');
    expect(list.statusCode).toBe(400);
    expect(list.body).toContain('govuk-error-summary');
    expect(list.body).toMatch(/name="asOf-day"[^>]*value="x"/);
    expect((await client.get('/figures/requests-6-weeks?page=abc')).statusCode).toBe(400);
    expect((await client.get('/figures/no-such-figure')).statusCode).toBe(404);
    expect((await clients.get('caseworker')!.get('/figures?asOf-day=x')).statusCode).toBe(403);
  });

  it('lists the children behind a number, audited as a list shown, and says when a figure has no data', async () => {
    await withCounts([AS_OF], async () => {
      const client = clients.get('send-leader')!;
      const page = await client.get(
        withQuery('/figures/requests-6-weeks', { ...dateInputValues('asOf', AS_OF) }),
      );
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Ava Figures');
      expect(page.body).toContain('Ben Figures');
      const entry = await t.database.db
        .selectFrom('audit_log')
        .select(['detail', 'record_id'])
        .where('la_code', '=', la)
        .where('action', '=', 'figures.children.read')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry.record_id).toBe('/figures/requests-6-weeks');
      expect([...(entry.detail as { children: string[] }).children].sort()).toEqual(
        [kids.Ava, kids.Ben].sort(),
      );
      const transfers = await client.get(
        withQuery('/figures/phase-transfers', { ...dateInputValues('asOf', AS_OF), show: 'not-met' }),
      );
      expect(transfers.statusCode).toBe(200);
      expect(transfers.body).toContain('Hal Figures');
      expect(transfers.body).not.toContain('Gus Figures');
      expect(transfers.body).toContain('Named after the deadline');
      expect(transfers.body).toContain('Deadline');
      const appeals = await client.get(
        withQuery('/figures/tribunal-appeals', { ...dateInputValues('asOf', AS_OF) }),
      );
      expect(appeals.statusCode).toBe(200);
      expect(appeals.body).toContain('2 appeals registered from');
      expect(appeals.body).toContain('Ben Figures');
      expect(appeals.body).toContain('Not decided yet');
      const csv = await client.get(
        withQuery('/figures/tribunal-appeals/children.csv', { ...dateInputValues('asOf', AS_OF) }),
      );
      const lines = csv.body.trim().split(/\r?\n/);
      expect(lines[0]).toBe('Reference,Name,Registered on,Where it stands,Setting,Primary need');
      expect(lines).toHaveLength(3);
      const index = await client.get(withQuery('/figures', { ...dateInputValues('asOf', AS_OF) }));
      expect(index.body).toContain('Tribunal appeals registered');
      expect(index.body).toContain('Registered in the month');
    });
  });

  it('keeps to the authority: another council’s leader sees none of these children', async () => {
    const other = actorFor(await createUser(t.database.db, '932', 'send-leader'));
    const page = await service().countFigures(other, { asOf: AS_OF });
    expect(page.figures.every((f) => f.year.counted === 0)).toBe(true);
  });
});
