/**
 * The demo authority's Local Offer: about 400 fictional services from about 120 organisations
 * (`generateDemoLocalOffer`), with what makes every page show something: two link checks a week apart (so the
 * `.invalid` links are broken twice in a row), feedback waiting for triage, published "You said, we did" entries
 * for last year, eight weeks of usage counts with some searches that found nothing, a provider account
 * (provider@demo.example) linked to one organisation, and one change waiting for the editor's approval.
 * Deterministic: a fixed reference date and a seeded generator; no clock, no network.
 */
import type { Executor } from '../../platform/audit/audit.ts';
import { DEFAULT_TODAY } from '../../demo/build.ts';
import { userByEmail } from '../../platform/people/users.ts';
import { createRandom, hashString } from '../../demo/random.ts';
import { generateDemoLocalOffer } from './demo-services.ts';
import { insertLocalOffer } from './store.ts';
import { uuidV5 } from './oruk/uuid.ts';

export const DEMO_EDITOR_EMAIL = 'editor@demo.example';
export const DEMO_PROVIDER_EMAIL = 'provider@demo.example';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Answers the link checker in demo mode and tests: reserved `.invalid` hosts fail as a DNS error would. */
export function demoLinkStatus(url: string): 'ok' | 'error' {
  try {
    return new URL(url).hostname.endsWith('.invalid') ? 'error' : 'ok';
  } catch {
    return 'error';
  }
}

const COMMENTS: Array<{
  kind: 'problem' | 'comment';
  body: string;
  triage: 'new' | 'publishable' | 'complaint' | 'vexatious';
}> = [
  {
    kind: 'comment',
    body: 'I could not find any holiday clubs for teenagers with autism.',
    triage: 'publishable',
  },
  {
    kind: 'comment',
    body: 'It would help to know if staff at clubs can give medicine.',
    triage: 'publishable',
  },
  { kind: 'comment', body: 'The pages are much easier to read on my phone now.', triage: 'new' },
  { kind: 'problem', body: 'The phone number for this group is wrong. It rings a shop.', triage: 'new' },
  {
    kind: 'comment',
    body: 'My son was refused a place at the club and nobody told us why.',
    triage: 'complaint',
  },
  { kind: 'comment', body: 'Please list more short breaks in Bramblecote.', triage: 'publishable' },
  { kind: 'problem', body: 'The link to the website does not work.', triage: 'new' },
  {
    kind: 'comment',
    body: 'There is nothing for young people over 18 who want to find work.',
    triage: 'new',
  },
  { kind: 'comment', body: 'Say which places have a quiet room.', triage: 'new' },
];

const ZERO_TERMS = ['sensory room saturday', 'trampoline', 'autism dentist', 'sleep clinic', 'makaton class'];

export async function seedLocalOfferDemo(
  trx: Executor,
  options: { laCode: string; today?: string | undefined; localOfferServices?: number },
): Promise<void> {
  const today = options.today ?? DEFAULT_TODAY;
  const { laCode } = options;
  const rng = createRandom(hashString(`local-offer:${laCode}:${today}`));
  const offer = generateDemoLocalOffer(
    options.localOfferServices === undefined ? { today } : { today, services: options.localOfferServices },
  );
  const editor = await userByEmail(trx, laCode, DEMO_EDITOR_EMAIL);
  if (!editor) throw new Error(`The demo has no Local Offer editor (${DEMO_EDITOR_EMAIL})`);
  await insertLocalOffer(trx, laCode, offer, editor.id);

  // The provider account: the first charity with three or more services, one of them stale.
  const counts = new Map<string, number>();
  for (const s of offer.services) counts.set(s.organisationId, (counts.get(s.organisationId) ?? 0) + 1);
  const providerOrg =
    offer.organisations.find(
      (o) =>
        o.kind === 'charity' &&
        (counts.get(o.id) ?? 0) >= 3 &&
        offer.services.some((s) => s.organisationId === o.id && s.reviewBy < today),
    ) ?? offer.organisations.find((o) => o.kind === 'charity')!;
  const provider = await userByEmail(trx, laCode, DEMO_PROVIDER_EMAIL);
  if (provider) {
    await trx
      .insertInto('local_offer_provider_user')
      .values({ la_code: laCode, user_id: provider.id, organisation_id: providerOrg.id })
      .execute();
    const own = offer.services.find((s) => s.organisationId === providerOrg.id && s.status === 'active')!;
    await trx
      .insertInto('local_offer_pending_edit')
      .values({
        la_code: laCode,
        id: uuidV5(`demo:${laCode}:pending-edit:1`),
        service_id: own.id,
        submitted_by: provider.id,
        submitted_at: `${addDays(today, -2)}T10:15:00Z`,
        previous: JSON.stringify({ description: own.description, howToGetIt: own.howToGetIt ?? '' }),
        changes: JSON.stringify({
          description: `${own.description} We now also run sessions on Saturday mornings.`,
          howToGetIt: own.howToGetIt ?? '',
        }),
      })
      .execute();
  }

  // Two link checks a week apart: broken links have failed twice in a row.
  const urls = [
    ...new Set([
      ...offer.services.flatMap((s) => (s.url ? [s.url] : [])),
      ...offer.organisations.flatMap((o) => (o.website ? [o.website] : [])),
    ]),
  ];
  const checks = [-8, -1].flatMap((days) =>
    urls.map((url, i) => {
      const ok = demoLinkStatus(url) === 'ok';
      return {
        la_code: laCode,
        id: uuidV5(`demo:${laCode}:link-check:${days}:${i}`),
        url,
        status: ok ? ('ok' as const) : ('error' as const),
        http_status: ok ? 200 : null,
        final_url: null,
        error: ok ? null : 'The web address could not be found (DNS error)',
        checked_at: `${addDays(today, days)}T03:00:00Z`,
      };
    }),
  );
  for (let i = 0; i < checks.length; i += 500)
    await trx
      .insertInto('local_offer_link_check')
      .values(checks.slice(i, i + 500))
      .execute();

  // "You said, we did" for last year, published; one for this year, not yet published.
  const year = Number(today.slice(0, 4));
  const entries = [
    {
      year: year - 1,
      title: 'Out-of-date entries',
      you_said: 'Many of you told us that entries were out of date and that phone numbers did not work.',
      response: 'We agree. Families must be able to trust what they read.',
      action:
        'Every entry now has a date by which it must be checked, and the date it was last checked is on the page.',
      owner: 'Local Offer officer',
      status: 'done' as const,
    },
    {
      year: year - 1,
      title: 'Short breaks staff skills',
      you_said:
        'You told us that some short breaks said they were for disabled children but staff could not meet your child’s needs.',
      response: 'Each short break now says what its staff are trained in and which needs they can meet.',
      action:
        'We asked every short break provider to fill in their staff training before their entry is checked again.',
      owner: 'Short breaks team manager',
      status: 'in-progress' as const,
    },
    {
      year,
      title: 'Clubs for teenagers',
      you_said: 'You told us there are not enough holiday clubs for teenagers with autism.',
      response: 'We are talking to youth clubs about running sessions in the holidays.',
      action: 'Two new holiday sessions will be listed by the summer.',
      owner: 'Short breaks team manager',
      status: 'planned' as const,
    },
  ];
  const entryIds: string[] = [];
  for (const [i, e] of entries.entries()) {
    const id = uuidV5(`demo:${laCode}:you-said:${i}`);
    entryIds.push(id);
    const published = e.year < year;
    await trx
      .insertInto('local_offer_you_said')
      .values({
        la_code: laCode,
        id,
        ...e,
        published,
        published_at: published ? `${e.year}-12-15T12:00:00Z` : null,
        created_by: editor.id,
      })
      .execute();
  }

  // Feedback: ratings on service pages and comments at various triage stages.
  const sample = offer.services.filter((_, i) => i % 9 === 0);
  const feedback = [];
  for (let i = 0; i < 60; i++) {
    const s = rng.pick(sample);
    feedback.push({
      la_code: laCode,
      id: uuidV5(`demo:${laCode}:feedback:rating:${i}`),
      created_at: `${addDays(today, -rng.int(0, 55))}T${String(rng.int(8, 21)).padStart(2, '0')}:00:00Z`,
      kind: 'rating' as const,
      page_path: `/local-offer/services/${s.id}`,
      service_id: s.id,
      useful: rng.chance(0.8),
      accurate: rng.chance(0.85),
      body: null,
      triage: null,
    });
  }
  for (const [i, c] of COMMENTS.entries()) {
    const s = c.kind === 'problem' ? rng.pick(sample) : null;
    feedback.push({
      la_code: laCode,
      id: uuidV5(`demo:${laCode}:feedback:comment:${i}`),
      created_at: `${addDays(today, -rng.int(1, 40))}T12:00:00Z`,
      kind: c.kind,
      page_path: s ? `/local-offer/services/${s.id}` : '/local-offer',
      service_id: s?.id ?? null,
      useful: null,
      accurate: null,
      body: c.body,
      triage: c.triage,
      triaged_by: c.triage === 'new' ? null : editor.id,
      triaged_at: c.triage === 'new' ? null : `${today}T09:00:00Z`,
      you_said_id: c.triage === 'publishable' && i === 0 ? entryIds[2]! : null,
    });
  }
  await trx.insertInto('local_offer_feedback').values(feedback).execute();

  // Eight weeks of daily counts, and the searches that found nothing.
  const usage = [];
  const terms = [];
  for (let d = 56; d >= 1; d--) {
    const day = addDays(today, -d);
    const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    const searches = rng.int(weekend ? 20 : 40, weekend ? 45 : 90) + (56 - d);
    const zero = rng.int(1, 6);
    usage.push(
      { la_code: laCode, day, metric: 'search' as const, count: searches },
      { la_code: laCode, day, metric: 'zero-result' as const, count: zero },
      { la_code: laCode, day, metric: 'page-view' as const, count: searches * 3 + rng.int(0, 40) },
      { la_code: laCode, day, metric: 'feedback' as const, count: rng.int(0, 4) },
    );
    for (const term of rng.sample(ZERO_TERMS, Math.min(zero, ZERO_TERMS.length)))
      terms.push({ la_code: laCode, day, term, count: 1 });
  }
  await trx.insertInto('local_offer_usage_daily').values(usage).execute();
  await trx.insertInto('local_offer_zero_result_term').values(terms).execute();
}
