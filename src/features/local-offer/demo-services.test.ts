import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_AREA, generateDemoLocalOffer } from './demo-services.ts';
import { RUNS } from './demo-data/organisations.ts';
import { ALSO_CALLED } from './demo-data/service-names.ts';
import { CATEGORY_CODES, isStale, NEED_CODES } from './oruk/model.ts';
import { isUuid } from './oruk/uuid.ts';
import { DISTRICTS } from '../../demo/names.ts';

/** A service's kind: its name without who runs it, where or for whom. */
const kindOf = (name: string) => name.replace(/ (at|in|for) .*$/, '');

const TODAY = '2026-03-01';
const demo = generateDemoLocalOffer({ today: TODAY });
const orgIds = new Set(demo.organisations.map((o) => o.id));

// The generator is the demo's (src/demo/random.ts): its sequences and bounds are tested in src/demo/random.test.ts.
describe('the demo Local Offer’s randomness', () => {
  it('is not Math.random, in the generator or its data', () => {
    const data = readdirSync(new URL('./demo-data/', import.meta.url)).map((f) => `./demo-data/${f}`);
    expect(data.length).toBeGreaterThan(0);
    for (const file of ['./demo-services.ts', ...data]) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source.includes('Math.random('), file).toBe(false);
    }
  });
});

describe('generateDemoLocalOffer', () => {
  it('makes 400 services from 120 organisations by default', () => {
    expect(demo.services).toHaveLength(400);
    expect(demo.organisations).toHaveLength(120);
  });

  it('is deterministic for the same seed and today, and different for another seed', () => {
    expect(generateDemoLocalOffer({ today: TODAY })).toEqual(demo);
    const other = generateDemoLocalOffer({ today: TODAY, seed: 'elsewhere' });
    expect(other.services.map((s) => s.id)).not.toEqual(demo.services.map((s) => s.id));
  });

  it('makes 5,000 for benchmarks, with unique ids and names', () => {
    const big = generateDemoLocalOffer({ today: TODAY, services: 5000 });
    expect(big.services).toHaveLength(5000);
    expect(big.organisations.length).toBe(1502);
    expect(new Set(big.services.map((s) => s.id)).size).toBe(5000);
    expect(new Set(big.services.map((s) => s.name)).size).toBe(5000);
    expect(new Set(big.organisations.map((o) => o.name)).size).toBe(big.organisations.length);
    // Told apart by combining parts (who runs it, where, for whom, which day), never by a number.
    expect(big.services.filter((s) => /\d\)$|\(\d/.test(s.name))).toEqual([]);
    expect(big.organisations.filter((o) => /\(|Branch \d/.test(o.name))).toEqual([]);
    expect(new Set(big.services.map((s) => kindOf(s.name))).size).toBeGreaterThan(200);
  });

  it('lists distinct services, not numbered copies of a few (issue 18 item 9)', () => {
    expect(new Set(demo.services.map((s) => s.name)).size).toBe(400);
    expect(demo.services.filter((s) => /\(\d+\)$/.test(s.name))).toEqual([]);
    const kinds = new Map<string, number>();
    for (const s of demo.services) kinds.set(kindOf(s.name), (kinds.get(kindOf(s.name)) ?? 0) + 1);
    expect(kinds.size).toBeGreaterThan(120);
    expect(Math.max(...kinds.values())).toBeLessThanOrEqual(10);
    expect(new Set(demo.services.map((s) => s.description)).size).toBeGreaterThan(0.7 * 400);
    // Each says who runs it, where and for whom.
    const orgs = new Map(demo.organisations.map((o) => [o.id, o.name]));
    for (const s of demo.services) expect(s.description).toContain(`Run by ${orgs.get(s.organisationId)!}`);
  });

  it('has each service run by an organisation that fits it, saying in its own words what it does (issue 18)', () => {
    // Each name of each kind, to its kind (the template the fitting is by).
    const kindOfName = new Map<string, string>([['SENDIASS Helpline', 'SENDIASS Helpline']]);
    for (const [kind, others] of Object.entries(ALSO_CALLED))
      for (const n of [kind, ...others]) kindOfName.set(n, kind);
    const names = [...kindOfName.keys()].sort((a, b) => b.length - a.length);
    const baseOf = (name: string) => {
      const rest = name.replace(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) /, '');
      const named = (text: string) => names.find((n) => text === n || text.startsWith(`${n} `));
      return (named(name) ?? named(rest))!;
    };
    // An organisation's pattern: its own name (the fixed ones) or the pattern its name fits.
    const patterns = Object.keys(RUNS).map((p) => ({
      p,
      re: new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^,]+')}(, .+)?$`),
    }));
    const runsOf = (orgName: string) =>
      RUNS[orgName] ?? RUNS[patterns.find(({ re }) => re.test(orgName))?.p ?? ''] ?? [];
    const orgs = new Map(demo.organisations.map((o) => [o.id, o.name]));
    const firstSentence = new Map<string, Set<string>>();
    for (const s of demo.services) {
      const base = baseOf(s.name);
      expect(base, s.name).toBeDefined();
      const org = orgs.get(s.organisationId)!;
      expect(runsOf(org), `${s.name}, run by ${org}`).toContain(kindOfName.get(base));
      const first = s.description.split('. ')[0]!;
      firstSentence.set(first, (firstSentence.get(first) ?? new Set()).add(base));
    }
    // A kind's other names each say what they do: one first sentence, one name.
    for (const [sentence, bases] of firstSentence) expect([...bases], sentence).toHaveLength(1);
    expect(firstSentence.size).toBeGreaterThan(120);
    // None of the walk-through's odd pairings.
    for (const s of demo.services) {
      const org = orgs.get(s.organisationId)!;
      if (/Accessible Taxis/.test(org))
        expect(kindOfName.get(baseOf(s.name))).toBe('Accessible Taxi Service');
      if (/Climbing Centre|Trampoline Park/.test(org)) expect(s.name).not.toMatch(/Taxi|Dyslexia|Assistant/);
    }
  });

  it('gives every service valid ids, an existing organisation and every organisation a service', () => {
    for (const s of demo.services) {
      expect(isUuid(s.id)).toBe(true);
      expect(orgIds.has(s.organisationId)).toBe(true);
      for (const l of s.locations) expect(isUuid(l.id)).toBe(true);
    }
    const withServices = new Set(demo.services.map((s) => s.organisationId));
    expect(withServices.size).toBe(120);
    expect(new Set(demo.services.map((s) => s.id)).size).toBe(400);
  });

  it('covers every category with at least 10 services, and every need', () => {
    for (const c of CATEGORY_CODES) {
      expect(demo.services.filter((s) => s.categories.includes(c)).length, c).toBeGreaterThanOrEqual(10);
    }
    for (const n of NEED_CODES) {
      expect(demo.services.filter((s) => s.needs.includes(n)).length, n).toBeGreaterThan(0);
    }
  });

  it('has some stale entries, relative to today, and most current', () => {
    const stale = demo.services.filter((s) => isStale(s, TODAY)).length;
    expect(stale).toBeGreaterThanOrEqual(20);
    expect(stale).toBeLessThanOrEqual(80);
    // Move today on a year and nearly everything is stale.
    const later = demo.services.filter((s) => isStale(s, '2027-03-02')).length;
    expect(later).toBe(400);
  });

  it('checks each entry before today and sets review-by a year after the check', () => {
    for (const s of demo.services) {
      expect(s.lastChecked.on <= TODAY).toBe(true);
      const yearOn = new Date(`${s.lastChecked.on}T00:00:00Z`);
      yearOn.setUTCDate(yearOn.getUTCDate() + 365);
      expect(yearOn.toISOString().slice(0, 10)).toBe(s.reviewBy);
      expect(s.lastModified.startsWith(s.lastChecked.on)).toBe(true);
      expect(s.lastChecked.by.length).toBeGreaterThan(0);
    }
  });

  it('uses reserved domains only, with some links on .invalid hosts that will fail', () => {
    const urls = demo.services.map((s) => s.url).filter((u): u is string => u !== null);
    const hosts = urls.map((u) => new URL(u).hostname);
    expect(hosts.every((h) => h.endsWith('.example.org') || h.endsWith('.example.invalid'))).toBe(true);
    const broken = hosts.filter((h) => h.endsWith('.invalid')).length;
    expect(broken).toBeGreaterThanOrEqual(10);
    expect(broken).toBeLessThan(urls.length / 5);
    const emails = demo.services.flatMap((s) => s.contacts.map((c) => c.email ?? ''));
    expect(emails.every((e) => e.endsWith('.example.org'))).toBe(true);
    for (const o of demo.organisations) expect(o.website).toMatch(/^https:\/\/[a-z0-9-]+\.example\.org\/$/);
  });

  it('uses drama phone numbers and DM postcodes near the centre, in the authority’s own towns and districts', () => {
    const towns = new Map(DISTRICTS.map((d) => [d.district, d.town]));
    for (const s of demo.services) {
      for (const c of s.contacts) expect(c.phone).toMatch(/^(01632 960\d{3}|07700 900\d{3})$/);
      for (const l of s.locations) {
        expect(l.postcode).toMatch(/^DM\d{1,2} [1-9][ABDEFGHJLNPQRSTUWXYZ]{2}$/);
        expect(towns.get(l.postcode.split(' ')[0]!), l.postcode).toBe(l.town);
        expect(Math.abs(l.latitude - DEMO_AREA.centre.latitude)).toBeLessThan(0.1);
        expect(Math.abs(l.longitude - DEMO_AREA.centre.longitude)).toBeLessThan(0.1);
        expect(l.county).toBe('Denmoor');
      }
    }
  });

  it('gives plain-English who, what and how for every service', () => {
    for (const s of demo.services) {
      expect(s.description.length).toBeGreaterThan(40);
      expect(s.howToGetIt?.length ?? 0).toBeGreaterThan(10);
      if (s.minAge !== null && s.maxAge !== null) expect(s.minAge).toBeLessThanOrEqual(s.maxAge);
      expect(s.schedules.length).toBe(1);
      expect(s.locations.length > 0 || s.serviceArea === 'All of Denmoor').toBe(true);
      if (s.cost.kind === 'paid') expect(s.cost.options.length).toBeGreaterThan(0);
    }
    expect(demo.services.some((s) => s.staffTraining.includes('Makaton'))).toBe(true);
    expect(demo.services.filter((s) => s.cost.kind === 'free').length).toBeGreaterThan(200);
  });

  it('has an owner for every entry: the organisation, or a council officer for council teams', () => {
    const byId = new Map(demo.organisations.map((o) => [o.id, o]));
    for (const s of demo.services) {
      const org = byId.get(s.organisationId)!;
      if (org.kind === 'council') expect(s.owner.kind).toBe('officer');
      else expect(s.owner).toEqual({ kind: 'organisation', organisationId: org.id });
    }
  });

  it('gives the fixed organisations their own services', () => {
    const names = (orgName: string) => {
      const org = demo.organisations.find((o) => o.name === orgName)!;
      return demo.services.filter((s) => s.organisationId === org.id).map((s) => s.name);
    };
    expect(names('Denmoor SEND Information, Advice and Support Service')).toContain('SENDIASS Helpline');
    expect(demo.services.filter((s) => s.name.startsWith('SENDIASS Helpline'))).toHaveLength(1);
    expect(names('Denmoor Council SEND Travel Team')).toContain('Home to School Transport');
  });

  it('refuses a bad today', () => {
    expect(() => generateDemoLocalOffer({ today: '1/3/2026' })).toThrow('today must be YYYY-MM-DD: 1/3/2026');
  });
});
