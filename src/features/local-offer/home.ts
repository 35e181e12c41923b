/**
 * The editor's and the provider's home pages, and the lists behind them: the entries an account manages (or those
 * past their review date) and the links whose latest check failed.
 */
import { sql } from 'kysely';
import type { Actor } from '../../platform/access/access.ts';
import { requireRole } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { listPendingEdits } from './approvals.ts';
import { feedbackToTriage } from './feedback.ts';
import { isStale } from './oruk/model.ts';
import { providerOrganisations } from './providers.ts';
import { addDays, EDITOR_ROLES, MANAGE_ROLES } from './service.ts';
import { usageByWeek } from './usage.ts';

export async function editorHome(db: Executor, actor: Actor, today: string) {
  requireRole(actor, EDITOR_ROLES, 'local-offer.home');
  const approvals = await listPendingEdits(db, actor);
  const stale = await listManagedServices(db, actor, { page: 1, perPage: 10, stale: true, today });
  const links = await brokenLinks(db, actor.laCode);
  const toTriage = await feedbackToTriage(db, actor, 'new');
  const terms = await db
    .selectFrom('local_offer_zero_result_term')
    .select(['term', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('la_code', '=', actor.laCode)
    .where('day', '>=', addDays(today, -56))
    .groupBy('term')
    .orderBy(sql`sum(count)`, 'desc')
    .orderBy('term')
    .limit(10)
    .execute();
  const usage = await usageByWeek(db, actor.laCode, today);
  const max = Math.max(1, ...usage.map((u) => u.search));
  return {
    approvals,
    stale,
    links,
    toTriage,
    zeroTerms: terms.map((t) => ({ term: t.term, n: Number(t.n) })),
    usage,
    chart: usage.map((u, i) => ({
      ...u,
      // The axis names each week by the day it starts ('5 Oct'), never 'weeks 1..8'.
      label: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        new Date(`${u.weekStarting}T00:00:00Z`),
      ),
      x: 50 + i * 60,
      height: Math.round((u.search / max) * 150),
      zeroHeight: Math.round((u['zero-result'] / max) * 150),
    })),
  };
}

export async function providerHome(db: Executor, actor: Actor, today: string, page: number) {
  requireRole(actor, ['local-offer-provider'], 'local-offer.provider-home');
  const orgIds = await providerOrganisations(db, actor);
  const organisations = orgIds.length
    ? await db
        .selectFrom('local_offer_organisation')
        .select(['id', 'name'])
        .where('la_code', '=', actor.laCode)
        .where('id', 'in', orgIds)
        .orderBy('name')
        .execute()
    : [];
  const services = await listManagedServices(db, actor, { page, perPage: 50, today });
  return { organisations, services };
}

// ---------------------------------------------------------------------------------------------------------------
// Lists for the provider and the editor.

export async function listManagedServices(
  db: Executor,
  actor: Actor,
  options: { page: number; perPage: number; q?: string | undefined; stale?: boolean; today: string },
) {
  requireRole(actor, MANAGE_ROLES, 'local-offer.manage');
  const orgs = actor.role === 'local-offer-provider' ? await providerOrganisations(db, actor) : null;
  let q = db
    .selectFrom('local_offer_service as s')
    .innerJoin('local_offer_organisation as o', (j) =>
      j.onRef('o.la_code', '=', 's.la_code').onRef('o.id', '=', 's.organisation_id'),
    )
    .where('s.la_code', '=', actor.laCode);
  if (orgs)
    q = q.where('s.organisation_id', 'in', orgs.length ? orgs : ['00000000-0000-0000-0000-000000000000']);
  if (options.q)
    q = q.where((eb) =>
      eb.or([
        eb('s.name', 'ilike', `%${options.q!.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
        eb('o.name', 'ilike', `%${options.q!.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
      ]),
    );
  if (options.stale) q = q.where('s.review_by', '<', options.today).where('s.status', '=', 'active');
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .leftJoin('local_offer_pending_edit as e', (j) =>
      j
        .onRef('e.la_code', '=', 's.la_code')
        .onRef('e.service_id', '=', 's.id')
        .on('e.status', '=', 'pending'),
    )
    .select([
      's.id',
      's.name',
      's.status',
      's.review_by',
      's.last_checked_on',
      's.last_checked_by',
      'o.name as organisation_name',
      'e.id as pending_id',
    ])
    .orderBy(options.stale ? 's.review_by' : 's.name')
    .orderBy('s.id')
    .limit(options.perPage)
    .offset((options.page - 1) * options.perPage)
    .execute();
  const total = Number(n);
  return {
    rows: rows.map((r) => ({ ...r, stale: isStale({ reviewBy: r.review_by }, options.today) })),
    total,
    page: options.page,
    pages: Math.max(1, Math.ceil(total / options.perPage)),
  };
}

/**
 * Links whose latest check failed, with the services that use them. A link whose latest check failed has failed at
 * least once: only those links' latest checks are read (each by the (la_code, url, checked_at) index), not every
 * link's history sorted to find each one's latest (12,714 checks of 6,357 links at 5,000 services, issue 20).
 */
export async function brokenLinks(db: Executor, laCode: string) {
  const { rows } = await sql<{
    url: string;
    status: string;
    http_status: number | null;
    error: string | null;
    checked_at: Date;
    failures: number;
    service_id: string | null;
    service_name: string | null;
    organisation_name: string | null;
  }>`
    with failing as (
      select distinct url from local_offer_link_check
      where la_code = ${laCode} and status in ('broken', 'timeout', 'error')
    ), latest as (
      select f.url, c.status, c.http_status, c.error, c.checked_at
      from failing f cross join lateral (
        select status, http_status, error, checked_at from local_offer_link_check
        where la_code = ${laCode} and url = f.url
        order by checked_at desc limit 1
      ) c
    )
    select l.url, l.status, l.http_status, l.error, l.checked_at,
      (select count(*) from local_offer_link_check c where c.la_code = ${laCode} and c.url = l.url
        and c.status in ('broken', 'timeout', 'error')) as failures,
      s.id as service_id, s.name as service_name, o.name as organisation_name
    from latest l
    left join local_offer_service s on s.la_code = ${laCode} and s.url = l.url
    left join local_offer_organisation o on o.la_code = ${laCode} and o.id = s.organisation_id
    where l.status in ('broken', 'timeout', 'error')
    order by o.name nulls last, s.name nulls last, l.url`.execute(db);
  return rows.map((r) => ({ ...r, failures: Number(r.failures) }));
}
