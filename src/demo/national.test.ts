import { describe, expect, it } from 'vitest';
import { ENGLAND_PLANS, laCodeFor, nationalAuthorities, placeName, progressLine } from './national.ts';

describe('the national data set', () => {
  const england = nationalAuthorities(153, 1);

  it('holds England’s 720,000 plans in 153 authorities, in England’s spread of sizes', () => {
    const total = england.reduce((s, a) => s + a.plans, 0);
    expect(Math.abs(total - ENGLAND_PLANS)).toBeLessThan(153);
    const over25k = england.filter((a) => a.plans > 25_000).length;
    expect(over25k).toBeGreaterThanOrEqual(2);
    expect(over25k).toBeLessThanOrEqual(6);
    const typical = england.filter((a) => a.plans >= 2_000 && a.plans <= 6_000).length;
    expect(typical / 153).toBeGreaterThan(0.6);
    expect(england.at(-1)!.plans).toBeLessThan(1_000);
  });

  it('puts the largest first, each with more children than plans and its own code, place and seed', () => {
    for (let i = 1; i < england.length; i++)
      expect(england[i]!.plans).toBeLessThanOrEqual(england[i - 1]!.plans);
    for (const a of england) expect(a.children).toBeGreaterThan(a.plans);
    expect(new Set(england.map((a) => a.laCode)).size).toBe(153);
    expect(new Set(england.map((a) => a.place)).size).toBe(153);
    expect(new Set(england.map((a) => a.seed)).size).toBe(153);
    expect(england.map((a) => a.laCode)).not.toContain('999');
  });

  it('scales every authority and always includes the largest', () => {
    const tenth = nationalAuthorities(153, 0.1);
    expect(tenth[0]!.plans).toBe(Math.round(england[0]!.plans / 10));
    expect(nationalAuthorities(3, 1)[0]!.plans).toBe(england[0]!.plans);
    expect(nationalAuthorities(3, 1).map((a) => a.localOfferServices)).toEqual([5000, 400, 400]);
  });

  it('is deterministic and refuses nonsense', () => {
    expect(nationalAuthorities(20, 0.5)).toEqual(nationalAuthorities(20, 0.5));
    expect(() => nationalAuthorities(0, 1)).toThrow();
    expect(() => nationalAuthorities(5, 0)).toThrow();
    expect(() => laCodeFor(899)).toThrow();
    expect(placeName(1)).toBe('Aldby');
    expect(placeName(13)).toBe('Aldcombe');
  });

  it('draws a progress bar with the time left', () => {
    expect(progressLine({ authorities: 1, plans: 500 }, { authorities: 4, plans: 1000 }, 60_000)).toBe(
      '[###############...............] 1/4 authorities, 500 of 1,000 plans, 1m 00s, about 1m 00s left',
    );
    expect(progressLine({ authorities: 4, plans: 1000 }, { authorities: 4, plans: 1000 }, 5_000)).toBe(
      '[##############################] 4/4 authorities, 1,000 of 1,000 plans, 5s',
    );
  });
});
