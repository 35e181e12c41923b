/**
 * What the Local Offer search indexes, and the words families use for needs and kinds of service.
 *
 * For the PostgreSQL search still to be built (full-text with `tsvector` plus `pg_trgm` for typos, both on PGlite
 * and PostgreSQL): store `searchDocument(...)` fields in columns (or a generated `tsvector`) weighted as
 * `SEARCH_WEIGHTS` says, e.g.
 *
 *   setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', needs), 'B') || ...
 *
 * and put a trigram index on `trigram` for `word_similarity(query, trigram)`. The needs field already carries
 * the synonyms of each need (so "autistic", "ASC" and "Asperger" find a service that supports ASD without any
 * query rewriting); `queryHints` tells the page which filters a query points to ("Show only services for
 * autism?") and feeds the no-results advice.
 */
import type { CategoryCode, LocalOfferService, NeedCode, Organisation } from './oruk/model.ts';
import { CATEGORIES, NEEDS } from './oruk/model.ts';

export interface Synonym {
  /** Words or short phrases, lower case, as a parent or young person might type them. */
  readonly words: readonly string[];
  readonly needs?: readonly NeedCode[];
  readonly categories?: readonly CategoryCode[];
}

/**
 * Parent words to needs and categories. ADHD has no SEN2 code of its own; schools most often record it under
 * social, emotional and mental health (SEMH), so it maps there.
 */
export const SYNONYMS: readonly Synonym[] = [
  { words: ['autism', 'autistic', 'asd', 'asc', 'asperger', 'aspergers', 'spectrum', 'pda'], needs: ['ASD'] },
  { words: ['adhd', 'add', 'attention deficit', 'hyperactive', 'hyperactivity'], needs: ['SEMH'] },
  {
    words: [
      'anxiety',
      'anxious',
      'mental health',
      'wellbeing',
      'depression',
      'behaviour',
      'emotional',
      'self harm',
    ],
    needs: ['SEMH'],
  },
  {
    words: [
      'speech',
      'language',
      'talking',
      'talk',
      'communication',
      'stammer',
      'stutter',
      'non verbal',
      'nonverbal',
      'selective mutism',
      'dld',
      'salt',
    ],
    needs: ['SLCN'],
  },
  {
    words: ['dyslexia', 'dyslexic', 'dyscalculia', 'dyspraxia', 'dcd', 'reading', 'spelling'],
    needs: ['SPLD'],
  },
  {
    words: [
      'learning disability',
      'learning difficulty',
      'learning difficulties',
      'global developmental delay',
      'down syndrome',
      'downs',
    ],
    needs: ['MLD', 'SLD'],
  },
  { words: ['complex needs', 'pmld', 'profound'], needs: ['PMLD'] },
  {
    words: [
      'wheelchair',
      'mobility',
      'physical',
      'cerebral palsy',
      'hoist',
      'walking',
      'muscular dystrophy',
      'spina bifida',
    ],
    needs: ['PD'],
  },
  {
    words: ['deaf', 'hearing', 'hard of hearing', 'bsl', 'sign language', 'cochlear', 'hearing aid'],
    needs: ['HI'],
  },
  {
    words: ['blind', 'sight', 'visual', 'vision', 'partially sighted', 'braille', 'eyesight'],
    needs: ['VI'],
  },
  { words: ['deafblind', 'deaf blind', 'multi sensory', 'multisensory'], needs: ['MSI'] },
  { words: ['epilepsy', 'diabetes', 'medical', 'tube fed', 'tube feeding', 'gastrostomy'], needs: ['OTH'] },
  {
    words: ['respite', 'break', 'breaks', 'overnight', 'play scheme', 'playscheme', 'holiday club'],
    categories: ['short-breaks'],
  },
  {
    words: [
      'school',
      'nursery',
      'senco',
      'ehcp',
      'ehc plan',
      'education',
      'tutor',
      'preschool',
      'pre school',
    ],
    categories: ['education'],
  },
  {
    words: [
      'therapy',
      'therapist',
      'physio',
      'physiotherapy',
      'ot',
      'occupational therapy',
      'nurse',
      'nhs',
      'camhs',
      'doctor',
      'diagnosis',
    ],
    categories: ['health'],
  },
  {
    words: ['social worker', 'social care', 'carer', 'carers', 'support worker', 'personal assistant'],
    categories: ['social-care'],
  },
  {
    words: [
      'club',
      'clubs',
      'activities',
      'sport',
      'sports',
      'swimming',
      'football',
      'dance',
      'drama',
      'youth club',
      'things to do',
    ],
    categories: ['leisure'],
  },
  {
    words: ['support group', 'parent group', 'parents group', 'coffee morning', 'siblings', 'peer support'],
    categories: ['support-groups'],
  },
  {
    words: [
      'college',
      'job',
      'jobs',
      'work',
      'employment',
      'internship',
      'independent living',
      'housing',
      'adulthood',
      'moving on',
      'transition',
      'post 16',
      '16 to 25',
    ],
    categories: ['preparing-for-adulthood'],
  },
  {
    words: ['transport', 'travel', 'bus', 'taxi', 'school bus', 'getting to school', 'travel training'],
    categories: ['transport'],
  },
  {
    words: ['advice', 'information', 'sendiass', 'iass', 'appeal', 'tribunal', 'benefits', 'dla', 'pip'],
    categories: ['information-and-advice'],
  },
];

/** Lower case, no accents, curly quotes straightened, anything else that is not a letter or digit a space. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Each need's words: its code, plain label, SEN2 name and every synonym that points to it. */
export function needSearchWords(code: NeedCode): string[] {
  const words = [
    code.toLowerCase(),
    normaliseText(NEEDS[code].label),
    normaliseText(NEEDS[code].sen2Name),
    ...SYNONYMS.filter((s) => s.needs?.includes(code)).flatMap((s) => s.words),
  ];
  return [...new Set(words)];
}

export interface SearchDocument {
  readonly name: string;
  /** Plain labels of the needs supported, with their codes and synonyms. */
  readonly needs: string;
  readonly categories: string;
  readonly training: string;
  readonly organisation: string;
  /** Description, how to get it, the needs note, the cost and the places it runs in. */
  readonly description: string;
  /** Short text for trigram (typo-tolerant) matching: name, organisation, needs and category labels. */
  readonly trigram: string;
}

/** Which `tsvector` weight each field gets: the name counts most, then needs and categories. */
export const SEARCH_WEIGHTS: Readonly<
  Record<Exclude<keyof SearchDocument, 'trigram'>, 'A' | 'B' | 'C' | 'D'>
> = {
  name: 'A',
  needs: 'B',
  categories: 'B',
  training: 'C',
  organisation: 'C',
  description: 'D',
};

/** The text fields to index for one service. */
export function searchDocument(service: LocalOfferService, organisation: Organisation): SearchDocument {
  if (service.organisationId !== organisation.id) {
    throw new Error(
      `service ${service.id} belongs to organisation ${service.organisationId}, not ${organisation.id}`,
    );
  }
  const needLabels = service.needs.map((n) => NEEDS[n].label);
  const categoryLabels = service.categories.map((c) => CATEGORIES[c].label);
  const categoryWords = service.categories.flatMap((c) =>
    SYNONYMS.filter((s) => s.categories?.includes(c)).flatMap((s) => s.words),
  );
  const places = [...new Set(service.locations.flatMap((l) => [l.name, l.town, l.postcode]))];
  return {
    name: service.name,
    needs: [...new Set(service.needs.flatMap(needSearchWords))].join(' '),
    categories: [...categoryLabels.map(normaliseText), ...new Set(categoryWords)].join(' '),
    training: service.staffTraining.join('. '),
    organisation: organisation.name,
    description: [service.description, service.howToGetIt, service.needsNote, service.serviceArea, ...places]
      .filter((t): t is string => typeof t === 'string' && t.length > 0)
      .join(' '),
    trigram: normaliseText([service.name, organisation.name, ...needLabels, ...categoryLabels].join(' ')),
  };
}

export interface QueryHints {
  readonly needs: readonly NeedCode[];
  readonly categories: readonly CategoryCode[];
  /** The words or phrases of the query that were recognised, longest phrases first. */
  readonly matched: readonly string[];
}

/**
 * The needs and categories a query's words point to ("autistic swimming" → ASD, leisure). Whole words and
 * phrases only, so "add" does not match inside "address"; a phrase is matched before the words inside it, so
 * "deaf blind" means deafblind (MSI), not deaf (HI) and blind (VI).
 */
export function queryHints(query: string): QueryHints {
  let text = ` ${normaliseText(query)} `;
  const needs = new Set<NeedCode>();
  const categories = new Set<CategoryCode>();
  const matched: string[] = [];
  for (const { word, synonym } of WORDS_LONGEST_FIRST) {
    if (!text.includes(` ${word} `)) continue;
    matched.push(word);
    text = text.replaceAll(` ${word} `, ' | ');
    for (const n of synonym.needs ?? []) needs.add(n);
    for (const c of synonym.categories ?? []) categories.add(c);
  }
  return { needs: [...needs], categories: [...categories], matched };
}

const WORDS_LONGEST_FIRST = SYNONYMS.flatMap((synonym) =>
  synonym.words.map((word) => ({ word, synonym })),
).sort((a, b) => b.word.split(' ').length - a.word.split(' ').length);
