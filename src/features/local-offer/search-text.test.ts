import { describe, expect, it } from 'vitest';
import { generateDemoLocalOffer } from './demo-services.ts';
import { NEED_CODES, CATEGORY_CODES } from './oruk/model.ts';
import { BARE_SERVICE, ORG, SERVICE } from './oruk/test-fixtures.ts';
import {
  needSearchWords,
  normaliseText,
  queryHints,
  searchDocument,
  SEARCH_WEIGHTS,
  SYNONYMS,
} from './search-text.ts';

describe('searchDocument', () => {
  it('gives the fields to index for a service', () => {
    const doc = searchDocument(SERVICE, ORG);
    expect(doc.name).toBe('Saturday Sensory Club');
    expect(doc.organisation).toBe('Kelby Moor Autism Family Network');
    expect(doc.training).toBe('Makaton. Autism awareness (level 2)');
    expect(doc.needs.split(' ')).toEqual(
      expect.arrayContaining(['asd', 'autistic', 'asc', 'asperger', 'slcn', 'speech', 'stammer']),
    );
    expect(doc.categories.startsWith('short breaks leisure and activities ')).toBe(true);
    expect(doc.categories).toContain('respite');
    expect(doc.description).toBe(
      'A calm play session with a sensory room, messy play and quiet corners. ' +
        'Book a place by phone or email. You do not need a referral. ' +
        'We can support children who do not use words to talk. All of Dunmarsh ' +
        'Kelby Moor Community Centre Kelby Moor DM5 4QT Brackenford Library Brackenford DM4 2AB',
    );
    expect(doc.trigram).toBe(
      'saturday sensory club kelby moor autism family network autism speech language and communication short breaks leisure and activities',
    );
  });

  it('has a weight for every field but the trigram text', () => {
    expect(Object.keys(SEARCH_WEIGHTS).sort()).toEqual(
      Object.keys(searchDocument(SERVICE, ORG))
        .filter((k) => k !== 'trigram')
        .sort(),
    );
  });

  it('leaves needs and training empty when the service did not say', () => {
    const doc = searchDocument(BARE_SERVICE, ORG);
    expect(doc.needs).toBe('');
    expect(doc.training).toBe('');
    expect(doc.description).toBe('Ring us for advice.');
  });

  it('refuses the wrong organisation', () => {
    expect(() => searchDocument(SERVICE, { ...ORG, id: 'other' })).toThrow(`not other`);
  });

  it('indexes every demo service', () => {
    const demo = generateDemoLocalOffer({ today: '2026-03-01' });
    const orgs = new Map(demo.organisations.map((o) => [o.id, o]));
    const docs = demo.services.map((s) => searchDocument(s, orgs.get(s.organisationId)!));
    expect(docs.every((d) => d.name.length > 0 && d.description.length > 0 && d.trigram.length > 0)).toBe(
      true,
    );
  });
});

describe('synonyms', () => {
  it('point only at real needs and categories, and every need has words', () => {
    for (const s of SYNONYMS) {
      for (const n of s.needs ?? []) expect(NEED_CODES).toContain(n);
      for (const c of s.categories ?? []) expect(CATEGORY_CODES).toContain(c);
      for (const w of s.words) expect(w).toBe(normaliseText(w));
    }
    for (const n of NEED_CODES) expect(needSearchWords(n).length).toBeGreaterThanOrEqual(3);
  });

  it('map no word to two different groups', () => {
    const seen = new Map<string, number>();
    SYNONYMS.forEach((s, i) => {
      for (const w of s.words) {
        expect(seen.get(w), w).toBeUndefined();
        seen.set(w, i);
      }
    });
  });
});

describe('queryHints', () => {
  it.each([
    ['autistic swimming', ['ASD'], ['leisure'], ['autistic', 'swimming']],
    ['ASC', ['ASD'], [], ['asc']],
    ["Asperger's club", ['ASD'], ['leisure'], ['aspergers', 'club']],
    ['ADHD', ['SEMH'], [], ['adhd']],
    ['speech therapy', ['SLCN'], ['health'], ['speech', 'therapy']],
    ['deaf', ['HI'], [], ['deaf']],
    ['deaf blind', ['MSI'], [], ['deaf blind']],
    ['wheelchair taxi', ['PD'], ['transport'], ['wheelchair', 'taxi']],
    ['respite for my daughter', [], ['short-breaks'], ['respite']],
    ['help getting to school', [], ['transport'], ['getting to school']],
    ['my address', [], [], []],
    ['', [], [], []],
  ])('%j points to needs %j and categories %j', (query, needs, categories, matched) => {
    const hints = queryHints(query);
    expect([...hints.needs].sort()).toEqual([...needs].sort());
    expect([...hints.categories].sort()).toEqual([...categories].sort());
    expect([...hints.matched].sort()).toEqual([...matched].sort());
  });
});

describe('normaliseText', () => {
  it('lowercases, drops accents and punctuation, keeps digits', () => {
    expect(normaliseText("  Children’s Café: 16–25 O'Brien  ")).toBe('childrens cafe 16 25 o brien');
  });
});
