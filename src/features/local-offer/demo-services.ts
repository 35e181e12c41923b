/**
 * Deterministic fictional Local Offer for demo mode, tests and benchmarks: about 400 services from about 120
 * organisations in the demo authority's fictional town of Denmoor and its villages (the same places and postcode
 * districts as the authority's own records, src/demo/names.ts), or as many as asked for (`{ services: 5000 }`).
 * Services are distinct: each takes one of its kind's names (a council's "Passenger Assistant Service", a club's
 * "Quiet Swim") and, where another service already has it, says who runs it, where or for whom ("Quiet Swim at
 * Harrowfield Swimming Club"); never a number. Each is run by an organisation that fits it (a taxi firm runs the taxis,
 * a swimming club the swimming: `RUNS`), and says what it does in its own words (`SAYS`: an orthotics clinic is not
 * described as physiotherapy in general). Its description ends with who runs it, where and for what ages.
 *
 * Everything is invented. Web addresses use only reserved names: `https://<org-slug>.example.org/...` for working
 * links, and `https://old-site.example.invalid/...` (the reserved `.invalid` top-level domain, which never
 * resolves) for links that must fail the link checker. Phone numbers are from Ofcom's ranges kept for drama
 * (01632 960xxx, 07700 900xxx). People appear only by role, never by name. Postcodes are in the made-up "DM"
 * area (DM is not a real UK postcode area), each in its place's district.
 *
 * The same seed and `today` always give the same data: every draw comes from the demo's one seeded generator
 * (src/demo/random.ts), never Math.random. The tables it draws from (places, organisations, the kinds of service and
 * their names) are data modules in ./demo-data/; this file is the generator.
 */
import type {
  Contact,
  Cost,
  LocalOfferService,
  NeedCode,
  Organisation,
  Owner,
  Schedule,
  ServiceLocation,
} from './oruk/model.ts';
import { uuidV5 } from './oruk/uuid.ts';
import { TOWN } from '../../demo/names.ts';
import { createRandom, hashString, type Random } from '../../demo/random.ts';
import {
  CORE_ORGS,
  ORG_DESCRIPTIONS,
  ORG_KIND_WEIGHTS,
  ORG_PATTERNS,
  RUNS,
  BIRDS,
  TREES,
  type OrgSeed,
} from './demo-data/organisations.ts';
import {
  ACCESSIBILITY,
  INWARD_LETTERS,
  PLACE_NAMES,
  PLACES,
  STREET_FIRST,
  STREET_KIND,
  type Place,
} from './demo-data/places.ts';
import { ALSO_CALLED, SAYS } from './demo-data/service-names.ts';
import {
  CHECKERS,
  COST_NOTES,
  OFFICER_OWNERS,
  PRICES,
  type ServiceTemplate,
} from './demo-data/service-templates.ts';
import { HEALTH_EDUCATION_AND_CARE_TEMPLATES } from './demo-data/templates-health-education-and-care.ts';
import { PLAY_LEISURE_AND_SUPPORT_TEMPLATES } from './demo-data/templates-play-leisure-and-support.ts';

/** The fictional local area the demo Local Offer describes. */
export const DEMO_AREA = {
  name: TOWN,
  councilName: 'Denmoor Council',
  county: TOWN,
  councilWebsite: 'https://denmoor-council.example.org/',
  localOfferEmail: 'localoffer@denmoor-council.example.org',
  sendiassName:
    'Denmoor Special Educational Needs and Disabilities Information, Advice and Support Service (SENDIASS)',
  sendiassPhone: '01632 960100',
  sendiassEmail: 'help@denmoor-sendiass.example.org',
  sendiassWebsite: 'https://denmoor-sendiass.example.org/',
  parentCarerForumName: 'Denmoor Parent Carer Forum',
  /** The town centre, near which every location falls (a plausible point in the English Midlands). */
  centre: { latitude: 52.6123, longitude: -1.9871 },
} as const;

export type DemoArea = typeof DEMO_AREA;

export interface DemoLocalOffer {
  readonly area: DemoArea;
  readonly organisations: readonly Organisation[];
  readonly services: readonly LocalOfferService[];
}

export interface DemoOptions {
  /** Today's date (YYYY-MM-DD): review-by and last-checked dates are set around it, some in the past. */
  readonly today: string;
  /** How many services (default 400). */
  readonly services?: number;
  /** How many organisations (default: about 3.3 services each, so 120 for 400, at least 10). */
  readonly organisations?: number;
  /** The seed (default "denmoor"). */
  readonly seed?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The tables the generator draws from are data modules in ./demo-data/: places.ts (towns, streets, access),
// organisations.ts (the fixed core, the generated ones' patterns, what each runs), the kinds of service
// (service-templates.ts and templates-*.ts) and what each of a kind's names says (service-names.ts).

/** Every kind of service the demo draws from, play and leisure first. */
const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  ...PLAY_LEISURE_AND_SUPPORT_TEMPLATES,
  ...HEALTH_EDUCATION_AND_CARE_TEMPLATES,
];

function postcode(rnd: Random, place: Place): string {
  return `${place.district} ${rnd.int(1, 9)}${rnd.pick([...INWARD_LETTERS])}${rnd.pick([...INWARD_LETTERS])}`;
}

function street(rnd: Random): string {
  return `${rnd.int(1, 180)} ${rnd.pick(STREET_FIRST)} ${rnd.pick(STREET_KIND)}`;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('’', '')
    .replaceAll("'", '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${isoDate}`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function phone(rnd: Random): string {
  return rnd.chance(0.75)
    ? `01632 960${String(rnd.int(0, 999)).padStart(3, '0')}`
    : `07700 900${String(rnd.int(0, 999)).padStart(3, '0')}`;
}

interface BuiltOrg {
  readonly org: Organisation;
  readonly first: string | undefined;
  /** The kinds of service it runs (RUNS, by its name or the pattern its name came from). */
  readonly runs: readonly string[];
  readonly slug: string;
  readonly place: Place;
  readonly venues: readonly ServiceLocation[];
}

/** Generates the fictional Local Offer. Pure and deterministic in (seed, today, counts). */
export function generateDemoLocalOffer(options: DemoOptions): DemoLocalOffer {
  const seed = options.seed ?? 'denmoor';
  const serviceCount = options.services ?? 400;
  const orgCount = options.organisations ?? Math.max(10, Math.round(serviceCount / 3.33));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today))
    throw new Error(`today must be YYYY-MM-DD: ${options.today}`);
  // The demo's one generator (src/demo/random.ts): the organisations and the services each draw from their own stream.
  const random = createRandom(hashString(`local-offer:${seed}:${serviceCount}:${orgCount}`));
  const orgRnd = random.fork('local-offer-organisations');
  const rnd = random.fork('local-offer-services');
  const id = (name: string): string => uuidV5(`demo:${seed}:${name}`);

  const orgs: BuiltOrg[] = [];
  const usedNames = new Set<string>();
  const addOrg = (seedOrg: OrgSeed, place: Place): void => {
    const name = seedOrg.name;
    usedNames.add(name);
    const slug = slugify(name);
    const index = orgs.length;
    const orgId = id(`organisation:${index}`);
    const venueCount = seedOrg.kind === 'council' || seedOrg.kind === 'nhs' ? 2 : orgRnd.chance(0.2) ? 2 : 1;
    const venues: ServiceLocation[] = [];
    for (let v = 0; v < venueCount; v++) {
      const vPlace = v === 0 ? place : orgRnd.pick(PLACES);
      venues.push({
        id: id(`location:${index}:${v}`),
        name: v === 0 ? `${name}` : `${vPlace.name} Community Centre`,
        addressLine1: street(orgRnd),
        town: vPlace.name,
        county: DEMO_AREA.county,
        postcode: postcode(orgRnd, vPlace),
        latitude: round6(DEMO_AREA.centre.latitude + vPlace.dLat + (orgRnd.next() - 0.5) * 0.01),
        longitude: round6(DEMO_AREA.centre.longitude + vPlace.dLon + (orgRnd.next() - 0.5) * 0.016),
        accessibility: orgRnd.pick(ACCESSIBILITY),
      });
    }
    orgs.push({
      org: {
        id: orgId,
        name,
        description: fill(seedOrg.description, { place: place.name }),
        kind: seedOrg.kind,
        website: `https://${slug}.example.org/`,
        email: `hello@${slug}.example.org`,
        phone: phone(orgRnd),
      },
      first: seedOrg.first,
      runs: RUNS[seedOrg.pattern ?? name] ?? [],
      slug,
      place,
      venues,
    });
  };

  for (const core of CORE_ORGS.slice(0, Math.min(CORE_ORGS.length, orgCount))) addOrg(core, PLACES[0]!);
  while (orgs.length < orgCount) {
    const kind = orgRnd.weighted(ORG_KIND_WEIGHTS);
    const place = orgRnd.pick(PLACES);
    const pattern = orgRnd.pick(ORG_PATTERNS[kind]);
    let name = fill(pattern, { place: place.name, tree: orgRnd.pick(TREES), bird: orgRnd.pick(BIRDS) });
    // A second organisation of the same name is told apart by its street, as local groups are ("... , Mill Lane").
    while (usedNames.has(name))
      name = `${name.split(',')[0]}, ${orgRnd.pick(STREET_FIRST)} ${orgRnd.pick(STREET_KIND)}`;
    addOrg({ name, kind, pattern, description: orgRnd.pick(ORG_DESCRIPTIONS[kind]) }, place);
  }

  const byName = new Map(SERVICE_TEMPLATES.map((t) => [t.name, t]));
  const randomTemplates = SERVICE_TEMPLATES.filter((t) => !t.coreOnly);
  // An organisation runs only the kinds of service that fit it (RUNS: a taxi firm its taxis, a swimming club its
  // swimming); only kinds some organisation here runs are drawn (a small Local Offer may have no college).
  const fits = (t: ServiceTemplate, o: BuiltOrg) => t.kinds.includes(o.org.kind) && o.runs.includes(t.name);
  const runnable = randomTemplates.filter((t) => orgs.some((o) => fits(t, o)));
  const fitting = (t: ServiceTemplate): BuiltOrg[] => orgs.filter((o) => fits(t, o));

  const services: LocalOfferService[] = [];
  const usedServiceNames = new Set<string>();
  for (let i = 0; i < serviceCount; i++) {
    let built: BuiltOrg;
    let template: ServiceTemplate;
    if (i < orgs.length) {
      // Every organisation runs at least one service: the fixed ones their own, the others one that fits them.
      built = orgs[i]!;
      const own = built;
      template = byName.get(built.first ?? '') ?? rnd.pick(randomTemplates.filter((t) => fits(t, own)));
    } else {
      // The rest: a template drawn evenly (so every category is well filled), run by an organisation that fits.
      template = rnd.pick(runnable);
      built = rnd.pick(fitting(template));
    }
    services.push(makeService(rnd, id(`service:${i}`), built, template, usedServiceNames, options.today));
  }
  return { area: DEMO_AREA, organisations: orgs.map((o) => o.org), services };
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Who an age range is for, in a service's name. */
function forAges(minAge: number | null, maxAge: number | null): string {
  if (maxAge !== null && maxAge <= 5) return 'for Under-5s';
  if (minAge !== null && minAge >= 16) return 'for Young Adults';
  if (minAge !== null && minAge >= 11) return 'for Teenagers';
  if (maxAge !== null && maxAge <= 11) return 'for Primary-Age Children';
  return 'for Families';
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * A name no other service has: one of the kind's names not yet used, else one qualified by who runs it, where or for
 * whom, then by the day it meets; combining the parts, never numbering.
 */
function serviceName(
  rnd: Random,
  template: ServiceTemplate,
  built: BuiltOrg,
  ages: readonly [number | null, number | null],
  usedNames: Set<string>,
): { name: string; base: string } {
  const names = [template.name, ...(ALSO_CALLED[template.name] ?? [])];
  if (!usedNames.has(template.name)) return { name: template.name, base: template.name };
  const fresh = names.filter((n) => !usedNames.has(n));
  if (fresh.length) {
    const name = rnd.pick(fresh);
    return { name, base: name };
  }
  const base = rnd.pick(names);
  const runBy = built.org.kind === 'council' || built.org.kind === 'nhs' ? null : `at ${built.org.name}`;
  const towns = [built.place.name, ...rnd.sample(PLACE_NAMES, PLACE_NAMES.length)];
  const qualifiers = [
    ...(runBy ? [runBy] : []),
    ...towns.map((t) => `in ${t}`),
    ...towns.map((t) => `${forAges(...ages)} in ${t}`),
  ];
  for (const q of qualifiers) if (!usedNames.has(`${base} ${q}`)) return { name: `${base} ${q}`, base };
  for (const q of qualifiers)
    for (const n of names)
      for (const day of DAYS)
        if (!usedNames.has(`${day} ${n} ${q}`)) return { name: `${day} ${n} ${q}`, base: n };
  throw new Error(`no name left for ${template.name}`);
}

function ageText(minAge: number | null, maxAge: number | null): string {
  if (minAge === null && maxAge === null) return 'people of any age';
  if (minAge === null) return `people up to ${maxAge}`;
  if (maxAge === null) return `people from ${minAge}`;
  return minAge === 0 ? `children from birth to ${maxAge}` : `people aged ${minAge} to ${maxAge}`;
}

const ORG_NEEDS: readonly (readonly [RegExp, NeedCode])[] = [
  [/Autism/, 'ASD'],
  [/Deaf/, 'HI'],
  [/Sight Loss/, 'VI'],
  [/Dyslexia/, 'SPLD'],
];

function makeService(
  rnd: Random,
  serviceId: string,
  built: BuiltOrg,
  template: ServiceTemplate,
  usedNames: Set<string>,
  today: string,
): LocalOfferService {
  const { org, slug } = built;
  const [minAge, maxAge] = rnd.pick(template.ages);
  const { name, base } = serviceName(rnd, template, built, [minAge, maxAge], usedNames);
  usedNames.add(name);
  const serviceSlug = slugify(name);
  const drawn = rnd.sample(template.needs, rnd.int(template.needsCount[0], template.needsCount[1]));
  // A service named for autism, deafness or sight loss (or run by a charity that is) is for those children.
  const named = ORG_NEEDS.find(([words]) => words.test(`${name} ${org.name}`))?.[1];
  const needs = named && !drawn.includes(named) ? [named, ...drawn] : drawn;
  const training = rnd.sample(template.training, Math.min(template.training.length, rnd.int(1, 3)));

  const paid = template.cost === 'paid' || (template.cost === 'either' && rnd.chance(0.4));
  const note = rnd.chance(0.2) ? rnd.pick(COST_NOTES) : undefined;
  const cost: Cost = paid
    ? {
        kind: 'paid',
        options: rnd
          .sample(PRICES, rnd.chance(0.25) ? 2 : 1)
          .map(([amount, description]) => ({ amount, description })),
        ...(note ? { note } : {}),
      }
    : { kind: 'free' };

  const atVenue = template.where === 'venue' || (template.where === 'either' && rnd.chance(0.6));
  const locations = atVenue
    ? built.venues.length > 1 && rnd.chance(0.3)
      ? built.venues
      : [built.venues[0]!]
    : [];

  const contacts: Contact[] = [
    {
      role: rnd.pick(['Bookings', 'Reception', 'Team leader', 'Family liaison worker', 'Coordinator']),
      phone: phone(rnd),
      email: `${rnd.pick(['hello', 'info', 'bookings', 'enquiries'])}@${slug}.example.org`,
    },
  ];

  // Links: most on the organisation's site; some on an old site that no longer exists; a few with none.
  const linkRoll = rnd.next();
  const url =
    linkRoll < 0.07
      ? `https://old-site.example.invalid/${slug}/${serviceSlug}`
      : linkRoll < 0.1
        ? null
        : `https://${slug}.example.org/${serviceSlug}`;

  // Review-by within the next year for most; about one in eight is past it (stale).
  const stale = rnd.chance(0.125);
  const reviewBy = stale ? addDays(today, -rnd.int(1, 300)) : addDays(today, rnd.int(0, 365));
  const checkedOn = addDays(reviewBy, -365);
  const lastModified = new Date(
    Date.parse(`${checkedOn}T09:00:00.000Z`) + rnd.int(0, 8 * 3600) * 1000 + rnd.int(0, 999),
  ).toISOString();

  const owner: Owner =
    org.kind === 'council' ? rnd.pick(OFFICER_OWNERS) : { kind: 'organisation', organisationId: org.id };
  const checker = rnd.pick(CHECKERS);

  const schedule = rnd.pick(template.when);
  const validFrom = stale ? undefined : rnd.chance(0.15) ? addDays(today, -rnd.int(30, 200)) : undefined;
  const schedules: Schedule[] = [{ ...schedule, ...(validFrom ? { validFrom } : {}) }];

  return {
    id: serviceId,
    organisationId: org.id,
    name,
    // Each of a kind's names says what it does (SAYS); the kind's own name keeps the kind's description.
    description: `${SAYS[base] ?? template.description} Run by ${org.name}${
      locations.length ? ` in ${locations[0]!.town}` : ` across ${DEMO_AREA.name}`
    }, for ${ageText(minAge, maxAge)}.`,
    howToGetIt: template.howToGetIt,
    minAge,
    maxAge,
    needs,
    ...(template.needsNote && rnd.chance(0.7) ? { needsNote: template.needsNote } : {}),
    staffTraining: training,
    categories: template.categories,
    cost,
    schedules,
    locations,
    ...(locations.length === 0 ? { serviceArea: `All of ${DEMO_AREA.name}` } : {}),
    contacts,
    url,
    owner,
    reviewBy,
    lastChecked: {
      on: checkedOn,
      by: checker === 'Provider (self-checked)' ? `${org.name} (provider)` : checker,
      ...(checker === 'Local Offer editor' ? { byEmail: DEMO_AREA.localOfferEmail } : {}),
    },
    status: rnd.chance(0.04) ? 'inactive' : 'active',
    lastModified,
  };
}
