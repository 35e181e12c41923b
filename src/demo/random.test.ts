import { describe, expect, it } from 'vitest';
import { createRandom, hashString } from './random.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('makes valid version 4 UUIDs', () => {
    const rng = createRandom(1);
    const ids = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const id = rng.uuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(1000);
  });

  it('keeps int, dateBetween and weighted within their bounds', () => {
    const rng = createRandom(7);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(-2, 3);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(3);
      const d = rng.dateBetween('2024-02-27', '2024-03-02');
      expect(d >= '2024-02-27' && d <= '2024-03-02').toBe(true);
      counts[
        rng.weighted([
          ['a', 3],
          ['b', 1],
        ] as const)
      ]++;
    }
    expect(counts.a / 10_000).toBeCloseTo(0.75, 1);
  });

  it('forks independent generators that depend only on the seed and the label', () => {
    const a = createRandom(5);
    a.uint32();
    expect(a.fork('x').uint32()).toBe(createRandom(5).fork('x').uint32());
    expect(createRandom(5).fork('x').uint32()).not.toBe(createRandom(5).fork('y').uint32());
  });

  it('shuffles without losing items', () => {
    const rng = createRandom(9);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });

  // From the Local Offer demo's own generator, which now draws from this one (seeded by a label's hash, as it is).
  it('repeats for the same label and differs for another, in [0, 1)', () => {
    const a = createRandom(hashString('x'));
    const b = createRandom(hashString('x'));
    const c = createRandom(hashString('y'));
    const seqA = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(seqA);
    expect(c.next()).not.toBe(seqA[0]);
    expect(seqA.every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('draws ints in range and samples without repeats', () => {
    const r = createRandom(hashString('range'));
    const ints = Array.from({ length: 1000 }, () => r.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    const s = r.sample([1, 2, 3, 4, 5], 5);
    expect([...s].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
