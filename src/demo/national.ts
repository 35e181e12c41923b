/**
 * The national data set's authorities (pure): how many plans each holds, its code and fictional place name. The
 * sizes follow England's spread (about 720,000 plans in 153 authorities, January 2025: a few over 25,000, most between
 * 2,000 and 6,000, the smallest a few hundred), as a quantile curve scaled so 153 authorities hold 720,000 at scale 1.
 * Authority 1 is always the largest, so any number of authorities includes one over 25,000 plans at full scale.
 */
import { DEMO_LA_CODE } from './accounts.ts';

export const ENGLAND_AUTHORITIES = 153;
export const ENGLAND_PLANS = 720_000;
/** Plans per child in the demo's caseload (about 86%: the rest are being assessed, refused or ceased). */
export const PLANS_PER_CHILD = 0.86;
/** The Local Offer services every authority lists but the largest (the Local Offer demo's own default). */
export const LOCAL_OFFER_SERVICES = 400;

/** (quantile, plans): an authority's size by its rank, England's shape before scaling to the total. */
const SIZE_CURVE: readonly (readonly [number, number])[] = [
  [0, 300],
  [0.08, 1_500],
  [0.2, 2_100],
  [0.5, 3_500],
  [0.85, 5_900],
  [0.95, 9_500],
  [0.975, 20_000],
  [0.98, 25_000],
  [1, 28_500],
];

function curve(q: number): number {
  for (let i = 1; i < SIZE_CURVE.length; i++) {
    const [q1, v1] = SIZE_CURVE[i]!;
    const [q0, v0] = SIZE_CURVE[i - 1]!;
    if (q <= q1) return v0 + ((q - q0) / (q1 - q0)) * (v1 - v0);
  }
  return SIZE_CURVE.at(-1)![1];
}

/** The quantile of rank r (0 the largest) among n authorities. */
const quantile = (r: number, n: number): number => 1 - r / n;

/** Makes England's 153 authorities hold 720,000 plans at scale 1. */
const NORMALISE = (() => {
  let sum = 0;
  for (let r = 0; r < ENGLAND_AUTHORITIES; r++) sum += curve(quantile(r, ENGLAND_AUTHORITIES));
  return ENGLAND_PLANS / sum;
})();

const FIRST = [
  'Ald',
  'Brack',
  'Corv',
  'Dask',
  'Elver',
  'Fallow',
  'Gorst',
  'Hallow',
  'Ibber',
  'Jessel',
  'Kirr',
  'Lowen',
];
const MIDDLE = ['', 'en', 'ing', 'ow'];
const LAST = [
  'by',
  'combe',
  'dale',
  'fell',
  'ford',
  'mere',
  'stow',
  'wick',
  'worth',
  'holm',
  'ley',
  'thorpe',
];

/** A fictional place name for authority number k (1-based), different for each k up to 576. */
export function placeName(k: number): string {
  const i = k - 1;
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const middle = MIDDLE[Math.floor(i / (FIRST.length * LAST.length)) % MIDDLE.length]!;
  return `${first}${middle}${last}`;
}

export interface NationalAuthority {
  /** 1 is the largest. */
  readonly number: number;
  readonly laCode: string;
  readonly place: string;
  readonly plans: number;
  /** Children on the caseload (plans, assessments and ceased plans), built by the demo generator. */
  readonly children: number;
  readonly localOfferServices: number;
  readonly seed: number;
}

/** The most authorities a data set may hold: three-digit codes from 101, skipping the demo's and the benchmarks'. */
export const MAX_AUTHORITIES = 576;

/** Authority k's code: 101, 102, ... (never 998, the benchmarks', or 999, the demo's). */
export function laCodeFor(k: number): string {
  const code = String(100 + k);
  if (code === DEMO_LA_CODE || code === '998' || code.length !== 3)
    throw new Error(`no code for authority ${k}`);
  return code;
}

/**
 * The authorities of a data set of `count` authorities at `scale` (1 = England's sizes; 0.1 = a tenth of each).
 * The largest lists `largestServices` Local Offer services, the rest the Local Offer demo's default.
 */
export function nationalAuthorities(
  count: number,
  scale: number,
  largestServices = 5000,
): NationalAuthority[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_AUTHORITIES)
    throw new Error(`authorities must be a whole number from 1 to ${MAX_AUTHORITIES}`);
  if (!(scale > 0 && scale <= 10)) throw new Error('scale must be above 0 and at most 10');
  return Array.from({ length: count }, (_, r) => {
    const plans = Math.max(20, Math.round(curve(quantile(r, count)) * NORMALISE * scale));
    return {
      number: r + 1,
      laCode: laCodeFor(r + 1),
      place: placeName(r + 1),
      plans,
      children: Math.max(30, Math.round(plans / PLANS_PER_CHILD)),
      localOfferServices: r === 0 ? largestServices : LOCAL_OFFER_SERVICES,
      seed: 100 + r + 1,
    };
  });
}

/** A progress bar line: `[#####.....] 12/153 authorities, 45,000 of 720,000 plans, 3m 10s, about 20m left`. */
export function progressLine(
  done: { authorities: number; plans: number },
  total: typeof done,
  elapsedMs: number,
): string {
  const width = 30;
  const share = total.plans === 0 ? 1 : done.plans / total.plans;
  const filled = Math.round(share * width);
  const left = share > 0 ? (elapsedMs / share) * (1 - share) : Number.NaN;
  const fmt = (ms: number) => {
    const s = Math.round(ms / 1000);
    return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
  };
  const n = (x: number) => x.toLocaleString('en-GB');
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.authorities}/${total.authorities} authorities, ` +
    `${n(done.plans)} of ${n(total.plans)} plans, ${fmt(elapsedMs)}` +
    (done.plans > 0 && done.plans < total.plans ? `, about ${fmt(left)} left` : '')
  );
}
