/**
 * The shape of the demo Local Offer's kinds of service (service templates), and the small tables every demo entry
 * draws from: prices, cost notes, who checked the entry and the council officers who own the council's entries.
 * The templates themselves are in ./templates-*.ts (data only).
 */
import type { CategoryCode, NeedCode, OrganisationKind, Owner, Schedule } from '../oruk/model.ts';

export interface ServiceTemplate {
  readonly name: string;
  readonly kinds: readonly OrganisationKind[];
  readonly categories: readonly CategoryCode[];
  readonly description: string;
  readonly howToGetIt: string;
  readonly ages: readonly (readonly [number | null, number | null])[];
  readonly needs: readonly NeedCode[];
  /** How many of `needs` to list (drawn): [min, max]. */
  readonly needsCount: readonly [number, number];
  readonly training: readonly string[];
  readonly cost: 'free' | 'paid' | 'either';
  readonly when: readonly Schedule[];
  /** Where it happens: at a venue, at home or online (no location), or either. */
  readonly where: 'venue' | 'none' | 'either';
  readonly needsNote?: string;
  /** Only the fixed organisation that names it runs it (there is one SENDIASS). */
  readonly coreOnly?: true;
}

/** Said of services that run only in school terms. */
export const TERM_TIME = 'in term time';

/** What a paid service may cost: an amount (none for a personal budget) and what it pays for. */
export const PRICES: readonly (readonly [number | null, string])[] = [
  [3, 'per session'],
  [5, 'per session'],
  [7.5, 'per session'],
  [12, 'per 2-hour session'],
  [25, 'per day'],
  [45, 'per week'],
  [18, 'per hour'],
  [null, 'Paid with a direct payment or personal budget'],
];

/** Notes some paid services add about their cost. */
export const COST_NOTES = [
  'Carers go free.',
  'Ask about help with the cost.',
  'Siblings can come at half price.',
];

/** Who last checked an entry. */
export const CHECKERS = [
  'Local Offer editor',
  'Service manager',
  'Short breaks officer',
  'Provider (self-checked)',
];

/** The council officers who own the council teams' entries. */
export const OFFICER_OWNERS: readonly Extract<Owner, { kind: 'officer' }>[] = [
  { kind: 'officer', name: 'Local Offer editor', email: 'localoffer@denmoor-council.example.org' },
  { kind: 'officer', name: 'Short Breaks Team manager', email: 'shortbreaks@denmoor-council.example.org' },
];
