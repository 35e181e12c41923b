/**
 * The Local Offer's jobs: reminders to owners before and after an entry's review-by date (each stage once), and
 * the weekly link check (the link checker's time-outs and polite concurrency; the owner is told only after two
 * failed checks in a row). Outside production the link checker never reaches the internet: it is given a fetch
 * that answers from the demo's rules (`.invalid` hosts fail as a DNS error would, everything else answers 200),
 * unless GOLDTHREAD_LINK_CHECK=live (`config.linkCheckLive`).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema/index.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import type { JobDeps } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import type { Template } from '../../platform/notify/templates.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { authorities, usersByIds } from '../../platform/people/users.ts';
import { demoLinkStatus } from './demo.ts';
import { checkLinks } from './link-checker.ts';
import { addDays } from './service.ts';

export const STALE_QUEUE = 'local-offer-stale-reminders';
export const LINK_QUEUE = 'local-offer-link-check';

/** The jobs' messages (registered by the composition root from the feature's index.ts). */
export const JOB_TEMPLATES = {
  'local-offer-review-due': {
    subject: 'Please check your Local Offer entry: ((service)) by ((review_by))',
    body:
      'Hello,\n\nYour entry "((service))" in the ((council)) Local Offer must be checked by ((review_by)). ' +
      'Families rely on it being right.\n\nWhat to do: sign in, open the entry and either change what is out of date ' +
      'or choose "These details are still right". ((link))\n\nIf you do nothing, from ((review_by_next)) the entry ' +
      'will show families a warning that it has not been checked recently.',
  },
  'local-offer-review-overdue': {
    subject: 'Your Local Offer entry ((service)) is out of date',
    body:
      'Hello,\n\nYour entry "((service))" in the ((council)) Local Offer was due to be checked by ((review_by)) and ' +
      'has not been checked since ((last_checked)). Families now see a warning on it.\n\nWhat to do: sign in, open ' +
      'the entry and either change what is out of date or choose "These details are still right". ((link))\n\n' +
      'We will remind you each week until it is checked.',
  },
  'local-offer-link-moved': {
    subject: 'The web address on your Local Offer entry ((service)) has moved',
    body:
      'Hello,\n\nThe web address on your entry "((service))" in the ((council)) Local Offer now sends people on to ' +
      'another address for good: ((url)) goes to ((final_url)).\n\nWhat to do: sign in and change the link to the ' +
      'new address. ((link))\n\nWe will not tell you about this again unless the address moves somewhere else.',
  },
  'local-offer-broken-link': {
    subject: 'A link on your Local Offer entry ((service)) is not working',
    body:
      'Hello,\n\nThe web address on your entry "((service))" in the ((council)) Local Offer did not work in our ' +
      'last two checks: ((url)) (((problem))).\n\nWhat to do: sign in and put the right address on the entry, or ' +
      'remove it. ((link))\n\nWe check links every week and will not tell you about this link again unless it ' +
      'works and then breaks again.',
  },
} satisfies Record<string, Template>;

export interface JobContext {
  readonly db: Kysely<DB>;
  readonly jobs: Jobs;
  /** Where sign-in links point. */
  readonly baseUrl?: string;
}

/** The people to tell about a service: its provider accounts (else the organisation's email), or the officer. */
async function recipients(db: Kysely<DB>, laCode: string, serviceId: string) {
  const s = await db
    .selectFrom('local_offer_service as s')
    .leftJoin('local_offer_organisation as o', (j) =>
      j.onRef('o.la_code', '=', 's.la_code').onRef('o.id', '=', 's.owner_organisation_id'),
    )
    .select(['s.owner_organisation_id', 's.owner_user_id', 'o.email as org_email'])
    .where('s.la_code', '=', laCode)
    .where('s.id', '=', serviceId)
    .executeTakeFirstOrThrow();
  const owner = (await usersByIds(db, laCode, [s.owner_user_id])).get(s.owner_user_id ?? '');
  if (owner) return [{ email: owner.email, userId: owner.id }];
  const linked = s.owner_organisation_id
    ? await db
        .selectFrom('local_offer_provider_user')
        .select('user_id')
        .where('la_code', '=', laCode)
        .where('organisation_id', '=', s.owner_organisation_id)
        .execute()
    : [];
  const accounts = await usersByIds(
    db,
    laCode,
    linked.map((p) => p.user_id),
  );
  const providers = linked.flatMap((p) => {
    const u = accounts.get(p.user_id);
    return u?.active ? [{ email: u.email, userId: u.id }] : [];
  });
  if (providers.length) return providers;
  return s.org_email ? [{ email: s.org_email, userId: null }] : [];
}

function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * Reminds owners: once in the 30 days before the review-by date ("due-soon"), then once a week after it
 * ("overdue-0", "overdue-1", ...). Each (service, review-by date, stage) is recorded, so nobody is reminded twice.
 */
export async function runStaleReminders(ctx: JobContext, options: { laCode?: string; today?: string } = {}) {
  const today = options.today ?? todayInLondon();
  const { db, jobs } = ctx;
  const due = await db
    .selectFrom('local_offer_service as s')
    .select(['s.la_code', 's.id', 's.name', 's.review_by', 's.last_checked_on'])
    .where('s.status', '=', 'active')
    .where('s.review_by', '<=', addDays(today, 30))
    .$if(options.laCode !== undefined, (q) => q.where('s.la_code', '=', options.laCode!))
    .orderBy('s.la_code')
    .orderBy('s.review_by')
    .execute();
  const councils = new Map((await authorities(db, options.laCode)).map((a) => [a.la_code, a.name]));
  let sent = 0;
  for (const s of due) {
    const council = councils.get(s.la_code)!;
    const overdueDays = Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${s.review_by}T00:00:00Z`)) / 86_400_000,
    );
    const stage = overdueDays <= 0 ? 'due-soon' : `overdue-${Math.floor((overdueDays - 1) / 7)}`;
    await db.transaction().execute(async (trx) => {
      const to = await recipients(trx, s.la_code, s.id);
      if (to.length === 0) return;
      const inserted = await trx
        .insertInto('local_offer_reminder')
        .values({
          la_code: s.la_code,
          service_id: s.id,
          review_by: s.review_by,
          stage,
          recipient: to.map((t) => t.email).join(', '),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('stage')
        .executeTakeFirst();
      if (!inserted) return;
      for (const r of to) {
        await queueNotification(trx, jobs, {
          laCode: s.la_code,
          channel: 'email',
          recipient: r.email,
          userId: r.userId,
          template: stage === 'due-soon' ? 'local-offer-review-due' : 'local-offer-review-overdue',
          reference: `local-offer:${s.id}:${s.review_by}:${stage}`,
          personalisation: {
            service: s.name,
            council,
            review_by: formatDay(s.review_by),
            review_by_next: formatDay(addDays(s.review_by, 1)),
            last_checked: formatDay(s.last_checked_on),
            link: `${ctx.baseUrl ?? ''}/local-offer/manage/services/${s.id}/edit`,
          },
        });
        sent++;
      }
    });
  }
  return { services: due.length, sent };
}

/** A fetch that never leaves the machine: the demo's rules. */
export const demoFetch: typeof fetch = (input) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (demoLinkStatus(url) === 'error') {
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${new URL(url).hostname}`), {
        code: 'ENOTFOUND',
      }),
    });
  }
  return Promise.resolve(new Response(null, { status: 200 }));
};

const FAILED = new Set(['broken', 'timeout', 'error']);

/** Checks every service and organisation link, stores the results, and tells owners after two failures in a row. */
export async function runLinkCheck(
  ctx: JobContext,
  options: { laCode?: string; fetch?: typeof fetch; now?: () => Date; timeoutMs?: number } = {},
) {
  const { db, jobs } = ctx;
  let checked = 0;
  let notified = 0;
  for (const a of await authorities(db, options.laCode)) {
    const services = await db
      .selectFrom('local_offer_service')
      .select(['id', 'name', 'url'])
      .where('la_code', '=', a.la_code)
      .where('status', '=', 'active')
      .where('url', 'is not', null)
      .execute();
    const orgs = await db
      .selectFrom('local_offer_organisation')
      .select(['website'])
      .where('la_code', '=', a.la_code)
      .where('website', 'is not', null)
      .execute();
    const urls = [...new Set([...services.map((s) => s.url!), ...orgs.map((o) => o.website!)])];
    if (urls.length === 0) continue;
    const results = await checkLinks(urls, {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.now ? { now: options.now } : {}),
      timeoutMs: options.timeoutMs ?? 10_000,
      concurrency: 8,
      perHost: 2,
    });
    checked += results.length;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < results.length; i += 500) {
        await trx
          .insertInto('local_offer_link_check')
          .values(
            results.slice(i, i + 500).map((r) => ({
              la_code: a.la_code,
              url: r.url,
              status: r.status,
              http_status: r.httpStatus ?? null,
              final_url: r.finalUrl ?? null,
              permanent: r.permanent ?? false,
              error: r.error ?? null,
              checked_at: r.checkedAt,
            })),
          )
          .execute();
      }
      for (const r of results.filter((x) => x.status === 'redirected' && x.permanent && x.finalUrl)) {
        const [, previous] = await trx
          .selectFrom('local_offer_link_check')
          .select(['status', 'permanent', 'final_url'])
          .where('la_code', '=', a.la_code)
          .where('url', '=', r.url)
          .orderBy('checked_at', 'desc')
          .limit(2)
          .execute();
        if (previous?.permanent && previous.final_url === r.finalUrl) continue; // told last time
        for (const s of services.filter((x) => x.url === r.url)) {
          for (const to of await recipients(trx, a.la_code, s.id)) {
            await queueNotification(trx, jobs, {
              laCode: a.la_code,
              channel: 'email',
              recipient: to.email,
              userId: to.userId,
              template: 'local-offer-link-moved',
              reference: `local-offer-link:${s.id}`,
              personalisation: {
                service: s.name,
                council: a.name,
                url: r.url,
                final_url: r.finalUrl!,
                link: `${ctx.baseUrl ?? ''}/local-offer/manage/services/${s.id}/edit`,
              },
            });
            notified++;
          }
        }
      }
      for (const r of results.filter((x) => FAILED.has(x.status))) {
        const lastTwo = await trx
          .selectFrom('local_offer_link_check')
          .select('status')
          .where('la_code', '=', a.la_code)
          .where('url', '=', r.url)
          .orderBy('checked_at', 'desc')
          .orderBy('id')
          .limit(3)
          .execute();
        // Tell the owner exactly once: when this is the second failure in a row (not the third or later).
        const failedInARow = lastTwo.findIndex((c) => !FAILED.has(c.status));
        const run = failedInARow === -1 ? lastTwo.length : failedInARow;
        if (run !== 2) continue;
        for (const s of services.filter((x) => x.url === r.url)) {
          for (const to of await recipients(trx, a.la_code, s.id)) {
            await queueNotification(trx, jobs, {
              laCode: a.la_code,
              channel: 'email',
              recipient: to.email,
              userId: to.userId,
              template: 'local-offer-broken-link',
              reference: `local-offer-link:${s.id}`,
              personalisation: {
                service: s.name,
                council: a.name,
                url: r.url,
                problem: r.error ?? (r.httpStatus ? `the site answered ${r.httpStatus}` : r.status),
                link: `${ctx.baseUrl ?? ''}/local-offer/manage/services/${s.id}/edit`,
              },
            });
            notified++;
          }
        }
      }
    });
  }
  return { checked, notified };
}

/** Registers the handlers and their schedules (daily reminders at 07:00, the link check on Sundays at 03:00). */
export function localOfferJobs(deps: JobDeps): void {
  const live = deps.config.linkCheckLive;
  const ctx = { db: deps.database.db, jobs: deps.jobs };
  deps.jobs.handle(STALE_QUEUE, async (data) => {
    const d = (data ?? {}) as { laCode?: string; today?: string };
    await runStaleReminders(ctx, {
      ...(d.laCode ? { laCode: d.laCode } : {}),
      ...(d.today ? { today: d.today } : {}),
    });
  });
  deps.jobs.handle(LINK_QUEUE, async (data) => {
    const d = (data ?? {}) as { laCode?: string };
    await runLinkCheck(ctx, {
      ...(d.laCode ? { laCode: d.laCode } : {}),
      ...(live ? {} : { fetch: demoFetch }),
    });
  });
  deps.jobs.schedule(STALE_QUEUE, '0 7 * * *');
  deps.jobs.schedule(LINK_QUEUE, '0 3 * * 0');
}
