/**
 * The search's cache (ADR 0069): answers kept per directory version, and every edit path through the local-offer
 * service giving the directory a new version, on both engines, so a cached answer is never served after an edit,
 * in this process or another (two caches over one database stand for two processes).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { actorFor, createAuthority, createUser } from '../../../test/helpers/factories.ts';
import type { Actor } from '../../platform/access/access.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { generateDemoLocalOffer } from './demo-services.ts';
import { cachedServiceIds } from './api.ts';
import { createOrganisation, createService, type NewServiceInput } from './new-service.ts';
import { parseQuery, type ServicesQuery } from './oruk/query.ts';
import { readSearch } from './search-page.ts';
import { cachedSearch, DirectoryCache } from './search-cache.ts';
import { decideEdit, listPendingEdits } from './approvals.ts';
import { confirmCurrent, editValuesOf, submitEdit } from './editing.ts';
import { directoryVersion, insertLocalOffer, loadServices } from './store.ts';

/** A computation that answers `value` at once. */
const answer =
  <T>(value: T) =>
  () =>
    Promise.resolve(value);

describe('DirectoryCache', () => {
  it('computes an answer once while the version holds, and again under a new version', async () => {
    const cache = new DirectoryCache();
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    expect(await cache.get('901', 'v1', 'k', compute)).toBe(1);
    expect(await cache.get('901', 'v1', 'k', compute)).toBe(1);
    expect(await cache.get('901', 'v2', 'k', compute)).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it("drops an authority's old answers when it sees a new version, and keeps other authorities'", async () => {
    const cache = new DirectoryCache();
    await cache.get('901', 'v1', 'a', answer('a1'));
    await cache.get('901', 'v1', 'b', answer('b1'));
    await cache.get('902', 'w1', 'a', answer('other'));
    expect(cache.size).toBe(3);
    await cache.get('901', 'v2', 'a', answer('a2'));
    expect(cache.size).toBe(2);
    expect(await cache.get('902', 'w1', 'a', answer('recomputed'))).toBe('other');
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const cache = new DirectoryCache(2);
    await cache.get('901', 'v', 'a', answer('a'));
    await cache.get('901', 'v', 'b', answer('b'));
    await cache.get('901', 'v', 'a', answer('not again'));
    await cache.get('901', 'v', 'c', answer('c'));
    expect(cache.size).toBe(2);
    expect(await cache.get('901', 'v', 'a', answer('again'))).toBe('a');
    expect(await cache.get('901', 'v', 'b', answer('b again'))).toBe('b again');
  });

  it('shares one computation between requests at the same moment, and does not keep a failure', async () => {
    const cache = new DirectoryCache();
    let runs = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 10));
    const [a, b] = await Promise.all([cache.get('901', 'v', 'k', slow), cache.get('901', 'v', 'k', slow)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    await expect(cache.get('901', 'v', 'bad', () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await cache.get('901', 'v', 'bad', answer('fine'))).toBe('fine');
  });
});

describe.each(ENGINES)('The directory version and the cached search on %s', (engine) => {
  let t: TestDatabase;
  const today = todayInLondon();
  const offer = generateDemoLocalOffer({ today, services: 30 });
  const owned = offer.services.find((s) => s.status === 'active' && s.owner.kind === 'organisation')!;
  const ownOrg = offer.organisations.find(
    (o) => owned.owner.kind === 'organisation' && o.id === owned.owner.organisationId,
  )!;
  let editor: Actor;
  let provider: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await createAuthority(t.db, '901');
    editor = actorFor(await createUser(t.db, '901', 'local-offer-editor'));
    provider = actorFor(await createUser(t.db, '901', 'local-offer-provider'));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  /** Runs `edit` and says whether the directory's version changed. */
  async function changesVersion(edit: () => Promise<unknown>): Promise<boolean> {
    const before = await directoryVersion(t.db, '901');
    await edit();
    return (await directoryVersion(t.db, '901')) !== before;
  }

  const newService = (name: string): NewServiceInput => ({
    token: randomUUID(),
    organisationId: ownOrg.id,
    name,
    description: 'A quiet swimming session with small groups.',
    categories: ['leisure'],
    needs: ['ASD'],
    needsNote: '',
    minAge: '5',
    maxAge: '16',
    isFree: true,
    costDetails: '',
    howToGetIt: 'Book by phone.',
    when: 'Saturdays',
    locationName: 'Riverside Leisure Centre',
    addressLine1: '1 River Walk',
    addressLine2: '',
    town: 'Denmoor',
    postcode: 'DM1 4AB',
    accessibility: '',
    staffTraining: '',
    contactPhone: '01234 567890',
    contactEmail: '',
    url: '',
  });

  it('gives the directory a new version with each edit path, and not for a change still waiting', async () => {
    expect(
      await changesVersion(() =>
        t.db.transaction().execute((trx) => insertLocalOffer(trx, '901', offer, editor.userId)),
      ),
    ).toBe(true);
    await t.db
      .insertInto('local_offer_provider_user')
      .values({ la_code: '901', user_id: provider.userId, organisation_id: ownOrg.id })
      .execute();
    expect(
      await changesVersion(() => createService(t.db, editor, newService('Kingfisher Swim'), today)),
    ).toBe(true);
    const org = {
      token: randomUUID(),
      name: 'Heronsgate Parents Forum',
      kind: 'charity' as const,
      description: 'Parents helping parents.',
      website: '',
      email: '',
      phone: '',
    };
    expect(await changesVersion(() => createOrganisation(t.db, editor, org))).toBe(true);
    const service = owned;
    const values = { ...editValuesOf(service), name: 'Otter Holt Club' };
    expect(await changesVersion(() => submitEdit(t.db, editor, service.id, values, today))).toBe(true);
    expect(await changesVersion(() => confirmCurrent(t.db, editor, service.id, today))).toBe(true);
    // A provider's change and a provider's new service wait for the editor: nothing public changes yet...
    const renamed = { ...values, name: 'Otter Holt Evening Club' };
    expect(await changesVersion(() => submitEdit(t.db, provider, service.id, renamed, today))).toBe(false);
    // ...but a new service's row is written (inactive), so the version moves; the search does not show it.
    expect(await changesVersion(() => createService(t.db, provider, newService('Pike Pool'), today))).toBe(
      true,
    );
    const pending = await listPendingEdits(t.db, editor);
    expect(pending.length).toBe(2);
    for (const p of pending) {
      expect(
        await changesVersion(() => decideEdit(t.db, editor, p.id, 'approve', undefined, today, undefined)),
      ).toBe(true);
    }
  });

  it('serves a cached answer until an edit in another process, then the new answer', async () => {
    const here = new DirectoryCache();
    const there = new DirectoryCache();
    const search = (cache: DirectoryCache, q: string) =>
      cachedSearch(t.db, cache, '901', readSearch({ q }), 20).then((r) => r.result);
    const before = await search(here, 'Grebe');
    expect(before.total).toBe(0);
    expect(await search(there, 'Grebe')).toEqual(before);
    expect([here.hits, here.misses]).toEqual([0, 2]);
    await search(here, 'Grebe');
    expect(here.hits).toBe(2); // the search and the areas

    const { id } = await createService(t.db, editor, newService('Grebe Paddlers'), today);
    const after = await search(here, 'Grebe');
    expect(after.ids).toEqual([id]);
    expect((await cachedSearch(t.db, here, '901', readSearch({ q: '' }), 20)).areas).toContain('Denmoor');

    // The service taken off the list (another process's write) is gone from the next answer here.
    const loaded = await loadServices(t.db, '901', [id]);
    const values = { ...editValuesOf(loaded.services[0]!), name: 'Swan Paddlers' };
    await submitEdit(t.db, editor, id, values, today);
    expect((await search(here, 'Grebe')).total).toBe(0);
    expect((await search(here, 'Swan Paddlers')).ids).toEqual([id]);
  });

  it("keeps the Open Referral API's /services answers the same way", async () => {
    const cache = new DirectoryCache();
    const query = (search: string): ServicesQuery => {
      const parsed = parseQuery('/services', { search });
      if (!parsed.ok) throw new Error('bad query');
      return parsed.query;
    };
    expect((await cachedServiceIds(t.db, cache, '901', query('Moorhen'))).total).toBe(0);
    await cachedServiceIds(t.db, cache, '901', query('Moorhen'));
    expect(cache.hits).toBe(1);
    const { id } = await createService(t.db, editor, newService('Moorhen Rowing'), today);
    expect(await cachedServiceIds(t.db, cache, '901', query('Moorhen'))).toEqual({ ids: [id], total: 1 });
  });
});
