import { describe, expect, it } from 'vitest';
import { longDate } from '../calendar.ts';
import {
  buildRightsBlock,
  CONTACT_KINDS,
  DECISION_KINDS,
  missingContacts,
  missingRightsItems,
  placementOnlyAppealPossible,
  RIGHTS_ITEMS,
  type DecisionKind,
  type RightsBlock,
  type RightsContacts,
} from './rights.ts';

const contacts: RightsContacts = {
  mediationAdviser: {
    name: 'Fictional Mediation Ltd',
    phone: '0300 000 0101',
    email: 'adviser@mediation.example',
  },
  authorityMediation: { name: 'SEND mediation officer', phone: '', email: 'mediation@council.example' },
  disagreementResolution: { name: 'Fictional Resolution Service', phone: '0300 000 0102', email: '' },
  sendiass: {
    name: 'Demo SENDIASS',
    phone: '0300 000 0103',
    email: 'advice@sendiass.example',
    url: 'https://sendiass.example',
  },
};

const block = (kind: DecisionKind, decisionSent = '2026-03-02', certificateIssued?: string) =>
  buildRightsBlock({ kind, decisionSent, certificateIssued, childName: 'Sam', contacts });

const textOf = (b: RightsBlock) =>
  b.groups.flatMap((g) => [g.heading, ...g.paragraphs.map((p) => p.text)]).join('\n');

describe('the rights block has every item for every decision', () => {
  // Exhaustive over both lists: a new kind or a new item is checked without touching this test.
  for (const kind of DECISION_KINDS) {
    describe(kind, () => {
      const b = block(kind);
      const items = b.groups.flatMap((g) => g.paragraphs.map((p) => p.item));
      for (const item of RIGHTS_ITEMS) {
        it(`gives ${item}`, () => {
          expect(items).toContain(item);
          const text = b.groups.flatMap((g) => g.paragraphs).find((p) => p.item === item)!.text;
          expect(text.trim().length).toBeGreaterThan(20);
        });
      }
      it('lacks nothing', () => expect(missingRightsItems(b)).toEqual([]));
      it('names every contact with a way to reach it', () => {
        const text = textOf(b);
        for (const k of CONTACT_KINDS) expect(text).toContain(contacts[k].name);
        expect(text).toContain('0300 000 0101');
        expect(text).toContain('mediation@council.example');
        expect(text).toContain('0300 000 0102');
        expect(text).toContain('advice@sendiass.example');
      });
      it('gives both dates in words', () => {
        const text = textOf(b);
        expect(text).toContain('5 May 2026'); // appeal: 2 May is a Saturday, 4 May a bank holiday
        expect(text).toContain('2 May 2026'); // mediation adviser: does not roll
      });
    });
  }
});

describe('missingRightsItems finds what a block lacks', () => {
  const strip = (b: RightsBlock, item: string): RightsBlock => ({
    ...b,
    groups: b.groups.map((g) => ({ ...g, paragraphs: g.paragraphs.filter((p) => p.item !== item) })),
  });
  for (const kind of DECISION_KINDS)
    for (const item of RIGHTS_ITEMS)
      it(`${kind} without ${item}`, () =>
        expect(missingRightsItems(strip(block(kind), item))).toEqual([item]));

  it('a contact with no name or no way to reach it', () => {
    const b = buildRightsBlock({
      kind: 'final-plan',
      decisionSent: '2026-03-02',
      childName: 'Sam',
      contacts: { ...contacts, mediationAdviser: { name: '', phone: '', email: '' } },
    });
    expect(missingRightsItems(b)).toEqual(['mediation-adviser']);
    expect(missingContacts(b.contacts)).toEqual(['mediationAdviser']);
    expect(
      missingContacts({ ...contacts, sendiass: { name: 'Demo SENDIASS', phone: ' ', email: '' } }),
    ).toEqual(['sendiass']);
  });

  it('a date item that does not give its date', () => {
    const b = block('to-cease');
    const wrong: RightsBlock = {
      ...b,
      groups: b.groups.map((g) => ({
        ...g,
        paragraphs: g.paragraphs.map((p) =>
          p.item === 'appeal-deadline' || p.item === 'mediation-contact-by'
            ? { ...p, text: 'Soon, in two months.' }
            : p,
        ),
      })),
    };
    expect(missingRightsItems(wrong)).toEqual(['appeal-deadline', 'mediation-contact-by']);
  });
});

describe('the certificate: placement-only appeals need none', () => {
  for (const kind of DECISION_KINDS) {
    it(kind, () => {
      const text = textOf(block(kind));
      expect(text).toContain('mediation certificate');
      if (placementOnlyAppealPossible(kind))
        expect(text).toContain('unless your appeal is only about the school');
      else expect(text).not.toContain('unless your appeal is only about');
    });
  }
  it('only plans name a placement', () =>
    expect(DECISION_KINDS.filter(placementOnlyAppealPossible)).toEqual(['final-plan', 'amended-plan']));
});

describe('appeal and mediation dates, worked by hand', () => {
  // [decision sent, certificate, last day to appeal, contact the mediation adviser by, why]
  const cases: Array<[string, string | undefined, string, string, string]> = [
    ['2026-03-02', undefined, '2026-05-05', '2026-05-02', 'Sat 2 May; Mon 4 May bank holiday'],
    [
      '2026-06-15',
      undefined,
      '2026-09-01',
      '2026-08-15',
      'in August: first working day after 31 Aug (Mon 31 Aug 2026 is a bank holiday)',
    ],
    ['2026-06-30', undefined, '2026-09-01', '2026-08-30', 'Sun 30 Aug in August'],
    ['2026-07-01', undefined, '2026-09-01', '2026-09-01', 'Tue 1 Sep: not August, a working day'],
    [
      '2025-06-02',
      undefined,
      '2025-09-01',
      '2025-08-02',
      'Mon 1 Sep 2025 is the first working day after 31 Aug',
    ],
    [
      '2026-10-25',
      undefined,
      '2027-01-04',
      '2026-12-25',
      'Christmas Day: first working day after 1 Jan (Sat 2, Sun 3)',
    ],
    ['2026-10-31', undefined, '2027-01-04', '2026-12-31', 'Thu 31 Dec: in 25 Dec-1 Jan'],
    ['2026-11-02', undefined, '2027-01-04', '2027-01-02', 'Sat 2 Jan: a weekend, not the Christmas window'],
    ['2025-12-31', undefined, '2026-03-02', '2026-02-28', 'no 31 Feb: month end, Sat 28 Feb'],
    ['2026-12-31', undefined, '2027-03-01', '2027-02-28', 'Sun 28 Feb 2027'],
    ['2026-02-03', undefined, '2026-04-07', '2026-04-03', 'Good Friday, then Easter Monday'],
    ['2026-01-05', undefined, '2026-03-05', '2026-03-05', 'Thursday: nothing moves'],
    ['2026-03-02', '2026-04-10', '2026-05-11', '2026-05-02', 'certificate + 1 month is Sun 10 May'],
    ['2026-10-01', '2026-11-28', '2027-01-04', '2026-12-01', 'certificate + 1 month is 28 Dec'],
    ['2026-06-01', '2026-07-20', '2026-09-01', '2026-08-01', 'certificate + 1 month is 20 Aug'],
    [
      '2026-03-02',
      '2026-03-20',
      '2026-05-05',
      '2026-05-02',
      'an early certificate does not shorten the 2 months',
    ],
  ];
  for (const [sent, certificate, appealBy, contactBy, why] of cases) {
    it(`${sent}${certificate ? ` with a certificate of ${certificate}` : ''}: ${why}`, () => {
      for (const kind of DECISION_KINDS) {
        const b = block(kind, sent, certificate);
        expect(b.appealBy.date).toBe(appealBy);
        expect(b.mediationContactBy.date).toBe(contactBy);
        const text = textOf(b);
        expect(text).toContain(`The last day to appeal is ${longDate(appealBy)}`);
        expect(text).toContain(`contact the mediation adviser by ${longDate(contactBy)}`);
        expect(missingRightsItems(b)).toEqual([]);
      }
    });
  }

  it('says why the last day moved, and only when it moved', () => {
    expect(textOf(block('final-plan', '2026-06-15'))).toContain(
      'that is why it is 1 September 2026 and not 15 August 2026',
    );
    expect(textOf(block('final-plan', '2026-01-05'))).not.toContain('that is why');
  });
});
