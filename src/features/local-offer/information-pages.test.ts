import { describe, expect, it } from 'vitest';
import { DEMO_AREA } from './demo-services.ts';
import { INFORMATION_PAGE_SLUGS, informationPages, pageText } from './information-pages.ts';
import type { LocalContacts } from './information-pages.ts';

const LOCAL: LocalContacts = {
  areaName: DEMO_AREA.name,
  councilName: DEMO_AREA.councilName,
  sendiassPhone: DEMO_AREA.sendiassPhone,
  sendiassEmail: DEMO_AREA.sendiassEmail,
  sendiassWebsite: DEMO_AREA.sendiassWebsite,
  parentCarerForumName: DEMO_AREA.parentCarerForumName,
  localOfferEmail: DEMO_AREA.localOfferEmail,
};
const pages = informationPages(LOCAL);

/** Sentences of running text (web and email addresses taken out, list items count as sentences). */
function sentences(text: string): string[] {
  return text
    .replace(/\S+@\S+|https?:\/\/\S+/g, 'it')
    .split(/(?<=[.!?:])\s+|\n/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/i.test(s));
}

function words(sentence: string): string[] {
  return sentence.match(/[A-Za-z’']+|\d+/g) ?? [];
}

/** A common vowel-group estimate of syllables; acronyms count one per letter. */
function syllables(word: string): number {
  if (/^\d+$/.test(word)) return 1;
  if (/^[A-Z]{2,}$/.test(word)) return word.length;
  const w = word
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '');
  return Math.max(1, (w.match(/[aeiouy]{1,2}/g) ?? []).length);
}

/** Flesch-Kincaid grade level; reading age is about the grade plus 5. */
function fleschKincaidGrade(text: string): number {
  const ss = sentences(text);
  const ws = ss.flatMap(words);
  const syl = ws.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (ws.length / ss.length) + 11.8 * (syl / ws.length) - 15.59;
}

describe('information pages', () => {
  it('cover the statutory topics, in order', () => {
    expect(pages.map((p) => p.slug)).toEqual([...INFORMATION_PAGE_SLUGS]);
    for (const page of pages) {
      expect(page.title.length).toBeGreaterThan(0);
      expect(page.sections.length).toBeGreaterThanOrEqual(4);
    }
  });

  it.each(pages.map((p) => [p.slug, p] as const))(
    '%s spells out every acronym the first time',
    (_slug, page) => {
      const text = pageText(page);
      const firstUses = new Map<string, number>();
      for (const m of text.matchAll(/\b[A-Z]{2,}\b/g)) if (!firstUses.has(m[0])) firstUses.set(m[0], m.index);
      expect(firstUses.size).toBeGreaterThan(0);
      for (const [acronym, at] of firstUses) {
        expect(`${acronym}: ${text.slice(at - 1, at + acronym.length + 1)}`).toBe(`${acronym}: (${acronym})`);
      }
    },
  );

  it.each(pages.map((p) => [p.slug, p] as const))(
    '%s is written in short, plain sentences',
    (_slug, page) => {
      const ss = sentences(pageText(page));
      const lengths = ss.map((s) => words(s).length);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(30);
      expect(lengths.reduce((a, b) => a + b, 0) / lengths.length).toBeLessThanOrEqual(14);
      // Reading age about 9 to 11: a Flesch-Kincaid grade of 6 or less (long statutory names like "education,
      // health and care" push it up; the everyday text around them is simpler).
      expect(fleschKincaidGrade(pageText(page))).toBeLessThanOrEqual(6);
    },
  );

  it('the assessment page tells families how to ask online and what they need, with the link (issue 18, finding 6)', () => {
    const page = pages.find((p) => p.slug === 'ask-for-an-assessment')!;
    const online = page.sections.find((s) => s.heading === 'Ask online')!;
    expect(online.link).toEqual({ text: 'Ask for an assessment online', href: '/request-assessment' });
    expect(online.paragraphs.join(' ')).toContain('sign in');
    expect(online.bullets).toContain('what your child finds hard');
  });

  it('fills in the local contacts', () => {
    const text = pages.map(pageText).join('\n');
    expect(text).toContain('Phone 01632 960100, email help@denmoor-sendiass.example.org');
    expect(text).toContain('Denmoor Council');
    expect(text).not.toMatch(/undefined|\$\{/);
  });
});
