/**
 * The one seeded pseudo-random generator (sfc32, seeded through splitmix32), pure: it never uses JavaScript's global
 * random source or the clock, so the same seed gives the same sequence, ids included. The demo authority
 * (src/demo/random.ts), the clock's case generator and the improvement plan generator all draw from it.
 */
import { formatDate, parseDate } from './clock/dates.ts';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  uint32(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** Up to n distinct items, in random order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** A calendar date 'YYYY-MM-DD' between from and to, both included. */
  dateBetween(from: string, to: string): string;
  /** A version 4 UUID string built from this generator. */
  uuid(): string;
  /** An independent generator derived from this one's seed and a label (not from its current position). */
  fork(label: string | number): Random;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A 32-bit FNV-1a hash of a string, to derive seeds from labels. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const HEX = '0123456789abcdef';

export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();

  function uint32(): number {
    // sfc32
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  }
  // Discard the first outputs, as sfc32's authors advise.
  for (let i = 0; i < 12; i++) uint32();

  const next = () => uint32() / 4294967296;
  const int = (min: number, max: number) => {
    if (max < min) throw new Error(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(next() * (max - min + 1));
  };

  const random: Random = {
    next,
    uint32,
    int,
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    weighted(entries) {
      let total = 0;
      for (const [, weight] of entries) total += weight;
      if (!(total > 0)) throw new Error('weighted pick with no positive weight');
      let target = next() * total;
      for (const [value, weight] of entries) {
        target -= weight;
        if (target < 0) return value;
      }
      // Rounding: the last entry with a positive weight.
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i]![1] > 0) return entries[i]![0];
      throw new Error('unreachable');
    },
    chance(p) {
      return next() < p;
    },
    shuffle(items) {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        const tmp = copy[i]!;
        copy[i] = copy[j]!;
        copy[j] = tmp;
      }
      return copy;
    },
    sample(items, n) {
      return random.shuffle(items).slice(0, Math.max(0, n));
    },
    dateBetween(from, to) {
      return formatDate(int(parseDate(from), parseDate(to)));
    },
    uuid() {
      let hex = '';
      for (let i = 0; i < 4; i++) hex += uint32().toString(16).padStart(8, '0');
      const chars = hex.split('');
      chars[12] = '4';
      chars[16] = HEX[(parseInt(chars[16]!, 16) & 0x3) | 0x8]!;
      const s = chars.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    fork(label) {
      return createRandom(hashString(`${seed >>> 0}:${label}`));
    },
  };
  return random;
}
