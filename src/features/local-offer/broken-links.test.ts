/**
 * The broken links list (the editor's home and the links page): each link whose latest check failed, with the
 * services that use it and how many of its checks failed, checked against the list worked out afresh from every check
 * (the latest of each link), on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser } from '../../../test/helpers/factories.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { generateDemoLocalOffer } from './demo-services.ts';
import { brokenLinks } from './home.ts';
import { insertLocalOffer } from './store.ts';

type CheckStatus = 'ok' | 'broken' | 'redirected' | 'timeout' | 'error';
const FAILED: readonly CheckStatus[] = ['broken', 'timeout', 'error'];

describe.each(ENGINES)('broken links on %s', (engine) => {
  let t: TestApp;
  const offer = generateDemoLocalOffer({ today: todayInLondon(), services: 6 });
  const used = offer.services.find((s) => s.url)!.url!;
  // Each link's checks, oldest first, a day apart.
  const histories: Record<string, CheckStatus[]> = {
    [used]: ['ok', 'broken', 'timeout'], // failing now, two failures
    'https://fixed.invalid/': ['broken', 'ok'], // failed, then mended: not listed
    'https://never.invalid/': ['ok', 'redirected'], // never failed
    'https://once.invalid/': ['error'], // failing, one check
    'https://back.invalid/': ['broken', 'ok', 'broken'], // failing again
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, '901');
    await createAuthority(db, '902');
    const editor = await createUser(db, '901', 'local-offer-editor');
    await db.transaction().execute((trx) => insertLocalOffer(trx, '901', offer, editor.id));
    for (const [url, statuses] of Object.entries(histories))
      for (const [i, status] of statuses.entries())
        await db
          .insertInto('local_offer_link_check')
          .values({
            la_code: '901',
            url,
            status,
            http_status: status === 'broken' ? 404 : null,
            checked_at: new Date(Date.UTC(2026, 0, 1 + i)),
          })
          .execute();
    // Another authority's failing check is not this one's.
    await db
      .insertInto('local_offer_link_check')
      .values({ la_code: '902', url: 'https://fixed.invalid/', status: 'broken', checked_at: new Date() })
      .execute();
  }, 120_000);
  afterAll(() => t?.close());

  it('lists each link whose latest check failed, with its services and failures, as worked out from every check', async () => {
    const links = await brokenLinks(t.database.db, '901');
    const users = (url: string) => offer.services.filter((s) => s.url === url);
    const expected = Object.entries(histories)
      .filter(([, statuses]) => FAILED.includes(statuses.at(-1)!))
      .flatMap(([url, statuses]): Array<Record<string, unknown>> => {
        const row = {
          url,
          status: statuses.at(-1),
          failures: statuses.filter((s) => FAILED.includes(s)).length,
        };
        const services = users(url);
        return services.length
          ? services.map((s) => ({ ...row, service_name: s.name }))
          : [{ ...row, service_name: null }];
      });
    expect(
      links.map((l) => ({
        url: l.url,
        status: l.status,
        failures: l.failures,
        service_name: l.service_name,
      })),
    ).toEqual(expect.arrayContaining(expected));
    expect(links).toHaveLength(expected.length);
    expect(links.find((l) => l.url === used)?.checked_at).toEqual(new Date(Date.UTC(2026, 0, 3)));
    expect(await brokenLinks(t.database.db, '902')).toHaveLength(1);
  });
});
