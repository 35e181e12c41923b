import { CATEGORIES, CATEGORY_CODES, NEEDS, NEED_CODES } from './model.ts';
import type { CategoryCode, NeedCode } from './model.ts';
import { uuidV5 } from './uuid.ts';

/**
 * The Goldthread Local Offer taxonomy: one taxonomy, two top-level terms ("Type of service" and "Needs
 * supported"), and one child term per category and per SEN2 primary need. Open Referral lets a directory publish
 * its own taxonomy; ids are name-based UUIDs so they are the same in every deployment and never change.
 */

export const TAXONOMY_NAME = 'Goldthread SEND Local Offer';
export const TAXONOMY_VERSION = '1';
export const TAXONOMY_ID = uuidV5('taxonomy:goldthread-local-offer');

/** What a term classifies: a kind of service, or a need the staff can meet. */
export type TermGroup = 'category' | 'need';

export interface TaxonomyTerm {
  readonly id: string;
  /** Stable code: the group name for a top-level term, otherwise the category code or the SEN2 need code. */
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly group: TermGroup;
  /** The parent's id; absent on the two top-level terms. */
  readonly parentId?: string;
}

const CATEGORY_PARENT: TaxonomyTerm = {
  id: uuidV5('taxonomy-term:category'),
  code: 'category',
  name: 'Type of service',
  description: 'The kind of help a service gives, such as education, health, short breaks or transport.',
  group: 'category',
};

const NEED_PARENT: TaxonomyTerm = {
  id: uuidV5('taxonomy-term:need'),
  code: 'need',
  name: 'Needs supported',
  description:
    'The special educational needs and disabilities the staff of a service are trained and able to meet. ' +
    'The terms follow the primary need codes of the SEN2 return.',
  group: 'need',
};

const CATEGORY_DESCRIPTIONS: Readonly<Record<CategoryCode, string>> = {
  education: 'Nurseries, schools, colleges and support for learning.',
  health: 'Help from the NHS and other health services, such as therapy and nursing.',
  'social-care': 'Help at home and support for the family from social care.',
  'short-breaks': 'Time away for children and young people, and a rest for their families.',
  leisure: 'Clubs, sport, play and things to do in free time.',
  'support-groups': 'Groups where families, children and young people meet and help each other.',
  'preparing-for-adulthood': 'Help with work, money, housing, friends and living more independently.',
  transport: 'Help with getting to school, college and other places.',
  'information-and-advice': 'Free information, advice and support about special educational needs.',
};

export function categoryTermId(code: CategoryCode): string {
  return uuidV5(`taxonomy-term:category:${code}`);
}

export function needTermId(code: NeedCode): string {
  return uuidV5(`taxonomy-term:need:${code}`);
}

/** Every term: the two parents first, then categories and needs in their list order. */
export const TAXONOMY_TERMS: readonly TaxonomyTerm[] = [
  CATEGORY_PARENT,
  NEED_PARENT,
  ...CATEGORY_CODES.map((code): TaxonomyTerm => ({
    id: categoryTermId(code),
    code,
    name: CATEGORIES[code].label,
    description: CATEGORY_DESCRIPTIONS[code],
    group: 'category',
    parentId: CATEGORY_PARENT.id,
  })),
  ...NEED_CODES.map((code): TaxonomyTerm => ({
    id: needTermId(code),
    code,
    name: NEEDS[code].label,
    description: `${NEEDS[code].sen2Name} (SEN2 primary need code ${code}).`,
    group: 'need',
    parentId: NEED_PARENT.id,
  })),
];

const TERMS_BY_ID = new Map(TAXONOMY_TERMS.map((t) => [t.id, t]));

export function findTerm(id: string): TaxonomyTerm | undefined {
  return TERMS_BY_ID.get(id);
}

/**
 * What a `taxonomy_term_id` filter means for Goldthread's own columns: a child term selects one category or need;
 * a top-level term selects services with any category (all of them) or any need stated. Unknown ids select nothing.
 */
export function termFilter(
  id: string,
):
  | { kind: 'category'; code: CategoryCode }
  | { kind: 'need'; code: NeedCode }
  | { kind: 'any'; group: TermGroup }
  | null {
  const term = TERMS_BY_ID.get(id);
  if (!term) return null;
  if (term.parentId === undefined) return { kind: 'any', group: term.group };
  return term.group === 'category'
    ? { kind: 'category', code: term.code as CategoryCode }
    : { kind: 'need', code: term.code as NeedCode };
}
