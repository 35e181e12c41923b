/**
 * The Local Offer as Goldthread stores it: services, the organisations that run them, where and when they happen.
 *
 * Plain data, no I/O. The tables that will hold it (with `la_code` on every row) are still to be built; these
 * types are what the repository returns and what the Open Referral UK mapping (`map.ts`), the search text
 * (`../search-text.ts`) and the demo generator (`../demo-services.ts`) take.
 */

/** SEN2 primary need codes (the DfE's SEN2 return and school census), with the plain words families use. */
export const NEED_CODES = [
  'ASD',
  'SLCN',
  'SEMH',
  'MLD',
  'SPLD',
  'SLD',
  'PD',
  'PMLD',
  'HI',
  'VI',
  'MSI',
  'OTH',
] as const;
export type NeedCode = (typeof NEED_CODES)[number];

export interface NeedInfo {
  readonly code: NeedCode;
  /** What a family would call it, for pages and filters. */
  readonly label: string;
  /** The SEN2 name of the primary need. */
  readonly sen2Name: string;
}

export const NEEDS: Readonly<Record<NeedCode, NeedInfo>> = {
  ASD: { code: 'ASD', label: 'Autism', sen2Name: 'Autistic spectrum disorder' },
  SLCN: {
    code: 'SLCN',
    label: 'Speech, language and communication',
    sen2Name: 'Speech, language and communication needs',
  },
  SEMH: {
    code: 'SEMH',
    label: 'Social, emotional and mental health',
    sen2Name: 'Social, emotional and mental health',
  },
  MLD: { code: 'MLD', label: 'Moderate learning difficulty', sen2Name: 'Moderate learning difficulty' },
  SPLD: {
    code: 'SPLD',
    label: 'Specific learning difficulty, like dyslexia',
    sen2Name: 'Specific learning difficulty',
  },
  SLD: { code: 'SLD', label: 'Severe learning difficulty', sen2Name: 'Severe learning difficulty' },
  PD: { code: 'PD', label: 'Physical disability', sen2Name: 'Physical disability' },
  PMLD: {
    code: 'PMLD',
    label: 'Profound and multiple learning difficulties',
    sen2Name: 'Profound and multiple learning difficulty',
  },
  HI: { code: 'HI', label: 'Deaf or hearing loss', sen2Name: 'Hearing impairment' },
  VI: { code: 'VI', label: 'Blind or sight loss', sen2Name: 'Vision impairment' },
  MSI: { code: 'MSI', label: 'Deafblind (multi-sensory impairment)', sen2Name: 'Multi-sensory impairment' },
  OTH: { code: 'OTH', label: 'Other needs', sen2Name: 'Other difficulty or disability' },
};

/** The kinds of service the Local Offer lists (Schedule 2 of the SEND Regulations 2014, grouped for families). */
export const CATEGORY_CODES = [
  'education',
  'health',
  'social-care',
  'short-breaks',
  'leisure',
  'support-groups',
  'preparing-for-adulthood',
  'transport',
  'information-and-advice',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const CATEGORIES: Readonly<
  Record<CategoryCode, { readonly code: CategoryCode; readonly label: string }>
> = {
  education: { code: 'education', label: 'Education' },
  health: { code: 'health', label: 'Health' },
  'social-care': { code: 'social-care', label: 'Social care' },
  'short-breaks': { code: 'short-breaks', label: 'Short breaks' },
  leisure: { code: 'leisure', label: 'Leisure and activities' },
  'support-groups': { code: 'support-groups', label: 'Support groups' },
  'preparing-for-adulthood': { code: 'preparing-for-adulthood', label: 'Preparing for adulthood' },
  transport: { code: 'transport', label: 'Transport' },
  'information-and-advice': { code: 'information-and-advice', label: 'Information and advice' },
};

/** iCalendar day codes, as Open Referral schedules use them. */
export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type DayCode = (typeof DAY_CODES)[number];

/** A price, in pounds, with what it is for ("per 2 hour session"). */
export interface CostOption {
  readonly amount: number | null;
  readonly description: string;
}

/** Free, or one or more prices. `note` says anything else ("Carers go free"). */
export type Cost =
  | { readonly kind: 'free'; readonly note?: string }
  | { readonly kind: 'paid'; readonly options: readonly CostOption[]; readonly note?: string };

/** When it runs. Times are local (Europe/London) wall-clock "HH:MM". */
export interface Schedule {
  readonly description: string;
  readonly freq?: 'WEEKLY' | 'MONTHLY';
  readonly interval?: number;
  readonly byDay?: readonly DayCode[];
  /** With MONTHLY: which week of the month (1 to 4, or -1 for the last), so "first Tuesday" is 1 and TU. */
  readonly weekOfMonth?: 1 | 2 | 3 | 4 | -1;
  readonly opensAt?: string;
  readonly closesAt?: string;
  /** ISO dates (YYYY-MM-DD). */
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface ServiceLocation {
  readonly id: string;
  readonly name: string;
  readonly addressLine1: string;
  readonly addressLine2?: string;
  readonly town: string;
  readonly county: string;
  readonly postcode: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Plain-English access information: step-free, hearing loop, quiet room, parking, changing places toilet. */
  readonly accessibility?: string;
}

export interface Contact {
  readonly name?: string;
  readonly role?: string;
  readonly phone?: string;
  readonly email?: string;
}

/** Who keeps an entry current: the provider organisation, or a council officer. */
export type Owner =
  | { readonly kind: 'organisation'; readonly organisationId: string }
  | { readonly kind: 'officer'; readonly name: string; readonly email: string };

export type ServiceStatus = 'active' | 'inactive';

export interface LocalOfferService {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  /** Plain English: what it is and what happens there. */
  readonly description: string;
  /** How to get it: referral, booking, drop in. */
  readonly howToGetIt?: string;
  /** Ages in years, inclusive; null when there is no limit. */
  readonly minAge: number | null;
  readonly maxAge: number | null;
  /** Needs the staff can meet. Empty means the service did not say (not "none"). */
  readonly needs: readonly NeedCode[];
  /** Anything more on needs, in the provider's words ("We can give medicines and tube feeds"). */
  readonly needsNote?: string;
  /** What the staff are trained in, one item each ("Makaton", "Autism awareness (level 2)"). */
  readonly staffTraining: readonly string[];
  readonly categories: readonly CategoryCode[];
  readonly cost: Cost;
  readonly schedules: readonly Schedule[];
  readonly locations: readonly ServiceLocation[];
  /** The area it covers, in words ("All of Dunmere"), when it is not tied to its locations. */
  readonly serviceArea?: string;
  readonly contacts: readonly Contact[];
  readonly url: string | null;
  readonly owner: Owner;
  /** ISO date after which the entry is stale until someone checks it again. */
  readonly reviewBy: string;
  readonly lastChecked: { readonly on: string; readonly by: string; readonly byEmail?: string };
  readonly status: ServiceStatus;
  /** ISO instant of the last change to the entry. */
  readonly lastModified: string;
}

export type OrganisationKind =
  'council' | 'nhs' | 'school' | 'college' | 'early-years' | 'charity' | 'community-group' | 'business';

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind: OrganisationKind;
  readonly website?: string;
  readonly email?: string;
  readonly phone?: string;
}

/** An entry is stale once its review-by date has passed (the review-by day itself is still current). */
export function isStale(service: Pick<LocalOfferService, 'reviewBy'>, today: string): boolean {
  return service.reviewBy < today;
}

/** "Free", "£5 per session", "£5 per session or £40 for 10 sessions": for pages and Open Referral `fees`. */
export function costText(cost: Cost): string {
  const main =
    cost.kind === 'free'
      ? 'Free'
      : cost.options
          .map((o) =>
            o.amount === null ? o.description : `£${formatPounds(o.amount)} ${o.description}`.trim(),
          )
          .join(' or ');
  return cost.note ? `${main}. ${cost.note}` : main;
}

/** "Staff trained in Makaton and autism awareness (level 2)", or null when the service did not say. */
export function trainingText(training: readonly string[]): string | null {
  if (training.length === 0) return null;
  const items = training.map(lowerFirst);
  const list = items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
  return `Staff trained in ${list}`;
}

/**
 * Lower-cases the first letter of a training item ("in autism awareness"), unless it starts
 * with an acronym ("PECS"), a name ("Makaton") or a capitalised phrase ("Mental Capacity Act awareness").
 */
function lowerFirst(text: string): string {
  const [first = '', second = ''] = text.split(' ');
  if (!/^[A-Z][a-z]/.test(first) || PROPER_WORDS.has(first) || /^[A-Z]/.test(second)) return text;
  return text[0]!.toLowerCase() + text.slice(1);
}

const PROPER_WORDS = new Set(['Makaton', 'Signalong', 'Braille', 'Portage', 'British', 'English']);

function formatPounds(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}
