/**
 * Specificity checks on the free text of provision (sections F, G, H1, H2) and outcomes (section E), from the
 * shared domain document "The EHC plan" (Code of Practice 9.64-9.69; L v Clarke and Somerset CC 1998;
 * Worcestershire CC v SE 2020). Each finding names the wording at fault by character offsets, says why it
 * matters and how to fix it. Other sections get no findings: they hold views, needs, a placement, a budget and
 * advice, to which the "detailed and specific" test for provision and the SMART test for outcomes do not apply.
 *
 * Provision comes in kinds, and "specified and quantified" means something different for each (who delivers it,
 * how much, how often, for how long, for what): a therapy session needs an amount, a frequency and a deliverer; a
 * group or class needs its size or ratio; transport needs how often it runs; equipment needs what it is used for;
 * an exam access arrangement needs how much and in which assessments; short breaks and residential placements need
 * how many nights or weeks and how often. Every "missing" finding says what to add.
 *
 * The rules are heuristics written from the domain document's table, measured against two labelled sets
 * (labelled-set.json, written for the project; public-set.json, real wording from public sources, part of it held
 * out; docs/plan-quality.md): they help a caseworker, they do not replace reading.
 */
import type { Section } from './model.ts';

export type SpecificityCode =
  | 'access-to'
  | 'opportunities'
  | 'regular'
  | 'as-appropriate'
  | 'support-with'
  | 'input-from'
  | 'interventions'
  | 'strategies'
  | 'recommendation'
  | 'mode-not-fixed'
  | 'group-size-missing'
  | 'up-to-ceiling'
  | 'missing-amount'
  | 'missing-frequency'
  | 'missing-deliverer'
  | 'missing-use'
  | 'missing-size'
  | 'outcome-no-timescale'
  | 'outcome-not-measurable'
  | 'outcome-describes-provision';

export interface SpecificityFinding {
  readonly code: SpecificityCode;
  /** Why it matters and how to fix it, in plain English. */
  readonly message: string;
  /** Character offsets (UTF-16, as JavaScript strings count) of the wording at fault; [0, length) for "missing". */
  readonly start: number;
  readonly end: number;
}

export interface SpecificityResult {
  /** False when any finding applies. */
  readonly specific: boolean;
  readonly findings: readonly SpecificityFinding[];
}

/**
 * The kinds of provision, each with its own meaning of "specified and quantified" (see `requirements`). `sessions`
 * is everything delivered by people in amounts of time: therapy, teaching, adult support, care.
 */
export type ProvisionKind =
  'sessions' | 'group' | 'transport' | 'equipment' | 'exam-access' | 'short-breaks' | 'residential';

export const PROVISION_KINDS: readonly ProvisionKind[] = [
  'sessions',
  'group',
  'transport',
  'equipment',
  'exam-access',
  'short-breaks',
  'residential',
];

export const SPECIFICITY_MESSAGES: Readonly<Record<SpecificityCode, string>> = {
  'access-to':
    '"Access to" describes availability, not provision: the child could receive none of it. State what the child will receive, how much, how often and from whom.',
  opportunities:
    '"Opportunities" are not provision: nothing has to happen. Say what will be done, for how long, how often and by whom.',
  regular:
    '"Regular", "frequent" or "periodic" could mean daily or once a term. Give the frequency (for example "3 times a week").',
  'as-appropriate':
    'Phrases like "as appropriate", "as needed" or "where necessary" leave the decision to whoever reads the plan. State the provision and when it happens; if it responds to an event, say which event and what is done.',
  'support-with':
    '"Support" on its own does not say what is done. Name the type of support, how much, how often and who gives it (role and training).',
  'input-from':
    '"Input" names a professional but not the activity. State what they will do (assessment, direct therapy, a programme for staff), how much, how often and with whom.',
  interventions:
    '"Interventions" without a name, amount and deliverer could be anything. Name the intervention or programme and give the amount, frequency and deliverer.',
  strategies:
    '"Strategies" without detail leave staff to guess. List the strategies, when they are used and who uses them, or quantify the teaching that delivers them.',
  recommendation:
    'Words like "would benefit from", "may", "could" or "it is recommended" are advice, not a requirement. A plan must say what will be provided: write "will receive ..." with the detail.',
  'mode-not-fixed':
    'Listing alternatives ("1:1, small group or whole class") leaves the mode to be decided later. State the grouping the child needs.',
  'group-size-missing':
    'A "small group" or "small class" without a number could be 3 or 15. Give the maximum size (for example "a group of no more than 4").',
  'up-to-ceiling':
    '"Up to" sets a ceiling, not a floor: providing nothing would comply. State the minimum the child will receive.',
  'missing-amount':
    'Say how much: no amount is given (minutes, hours or sessions). Provision must normally be quantified, for example "30 minutes" each time.',
  'missing-frequency':
    'Say how often: no frequency is given, for example "3 times a week", "daily" or "once each half-term".',
  'missing-deliverer':
    'Say who delivers it: no one is named. Give the role and their qualification or training.',
  'missing-use':
    'Say when or what for it is used: equipment is specified by its use, for example "for all written work" or "in every lesson".',
  'missing-size':
    'Say how big: give the group or class size or the adult-to-pupil ratio, for example "a group of no more than 8" or "1 adult to 4 pupils".',
  'outcome-no-timescale':
    'Say by when: the outcome has no timescale. Say when it should be achieved, usually the end of a phase or key stage (for example "by July 2027" or "by the end of Key Stage 2").',
  'outcome-not-measurable':
    'Say what the child will be able to do: the outcome names no measurable change or observable behaviour, so no one can tell whether it has been achieved. Say what they will do, to what level or how often (for example "read 50 high-frequency words", "on 4 out of 5 days", "without adult prompting").',
  'outcome-describes-provision':
    'This describes the provision the child will get, not the difference it will make. Move the provision to section F, G or H and write the outcome as what the child will be able to do.',
};

/** What the missing findings say for kinds whose "how much" or "how often" means something of its own. */
const KIND_MESSAGES: Readonly<Partial<Record<ProvisionKind, Partial<Record<SpecificityCode, string>>>>> = {
  transport: {
    'missing-frequency':
      'Say how often the transport runs, for example "each school day" or "at the start and end of each school day", and who travels with the child.',
  },
  'exam-access': {
    'missing-amount':
      'Say how much: for extra time give the percentage (for example "25% extra time"); for a reader, scribe, separate room or rest breaks, name it.',
    'missing-use':
      'Say in which assessments it applies, for example "in all tests and examinations" or "in all written exams".',
  },
  'short-breaks': {
    'missing-amount':
      'Say how much: how many nights, days or hours each break, for example "two overnight stays" or "a 4-hour session".',
    'missing-frequency':
      'Say how often the breaks happen, for example "each month", "every other weekend" or "each school holiday".',
  },
  residential: {
    'missing-amount':
      'Say how much: how many weeks a year or nights a week, for example "a 38-week residential placement" or "4 nights a week in term time".',
  },
};

/** The message for a finding, in the words of the provision's kind where it has its own. */
function messageFor(code: SpecificityCode, kind?: ProvisionKind): string {
  return (kind === undefined ? undefined : KIND_MESSAGES[kind]?.[code]) ?? SPECIFICITY_MESSAGES[code];
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety';
const NUM = `(?:\\d+(?:\\.\\d+)?|${NUMBER_WORDS})`;
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const WEEKDAYS = 'mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?';

/** Provision delivered throughout the child's day: states both how much and how often. */
const PERVASIVE = new RegExp(
  [
    `\\bat all times\\b`,
    `\\bthroughout (?:the|each|every|his|her|their) (?:school |college |nursery )?day\\b`,
    `\\ball day\\b`,
    `\\bfull[- ]time\\b`,
    `\\b(?:in|during|across|for) (?:all|every|each) (?:of (?:his|her|their) )?(?:\\w+ )?(?:lessons?|sessions?|transitions?|classes|assessments?|exams?|examinations?|tests?)(?: and (?:\\w+ )?(?:assessments?|exams?|examinations?|tests?))?\\b`,
    `\\b(?:every|each) (?:\\w+ )?(?:lesson|transition)\\b`,
    `\\b(?:all|every|each) (?:break|lunch|play)(?:time)?s?\\b`,
    `\\bwhole (?:school|college) day\\b`,
    // adult support at set times of the day: "at play and lunchtime", "during all unstructured times"
    `\\b(?:at|during|in) (?:all |every |each )?(?:play|break|lunch|unstructured)(?:time)?s?(?: and (?:play|break|lunch|unstructured)\\s?(?:time)?s?)?\\b`,
    `\\b(?:at|during|in) (?:all |every |each )?(?:unstructured|free|social) times?\\b`,
  ].join('|'),
  'i',
);

const AMOUNT = new RegExp(
  [
    `\\b(?:${NUM}|half|one and a half)(?:\\s*|-)(?:minutes?|mins?|hours?|hrs?|sessions?|lessons?|periods?|visits?|appointments?|days?|half[- ]days?|mornings?|afternoons?|nights?|overnight stays?|stays?)\\b`,
    `\\b(?:an|half an|one) hour\\b`,
    `\\ba (?:half[- ]day|morning|afternoon|full day)\\b`,
    `\\d+(?:\\.\\d+)?\\s*% of\\b`,
    // a time range: "from 1pm to 3pm", "Friday 4pm to Sunday 4pm", "9:00-11:30am"
    `\\b\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)?\\s*(?:to|-|–|until)\\s*(?:(?:${WEEKDAYS}) )?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)\\b`,
    // short breaks are counted in nights: "two overnight short breaks"
    `\\b${NUM}\\s+(?:overnight|residential)\\b`,
    `\\b${NUM}\\s+half[- ]day\\b`,
  ].join('|'),
  'i',
);

const FREQUENCY = new RegExp(
  [
    `\\b(?:daily|weekly|fortnightly|monthly|termly|half[- ]termly|annually|yearly|nightly|twice[- ]weekly|bi-?weekly|once|twice|one-off)\\b`,
    `(?<!half )\\b(?:per|a|an|each|every|every other) (?:school |college |working )?(?:day|week|fortnight|month|term|half[- ]term|year|annum|lesson|morning|afternoon|evening|weekday|session|lunchtime|break ?time|night|weekend)s?\\b`,
    `\\bevery (?:\\d+|${NUMBER_WORDS}|other) (?:minutes|weeks|days|months|lessons|school days)\\b`,
    `\\b(?:on|every|every other|each) (?:${WEEKDAYS})\\b`,
    `\\b(?:each|every) (?:${MONTHS})\\b`,
    `\\b(?:each|every) (?:new )?(?:\\w+ (?:and \\w+ )?)?(?:unit|topic|module|placement|assessment|exam|test)s?\\b`,
    `\\bmonday to friday\\b`,
    `\\b(?:each|every|per|a) (?:school )?holidays?(?: period)?\\b`,
    `\\bat \\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)\\b`,
    `\\b(?:at the start and end|at the beginning and end) of (?:each|every|the) (?:school |college )?day\\b`,
    `\\bover (?:a|the|one|\\d+|${NUMBER_WORDS})(?: school| academic|-)?\\s*(?:weeks?|terms?|months?|years?|half[- ]terms?)\\b`,
    `\\bover the (?:autumn|spring|summer) (?:half[- ])?term\\b`,
    `\\bwithin (?:\\d+|${NUMBER_WORDS}) (?:school |working )?(?:days?|weeks?|months?)\\b`,
    `\\b(?:by|before|in|on) (?:the end of )?(?:\\d{1,2} )?(?:${MONTHS}) \\d{4}\\b`,
  ].join('|'),
  'i',
);

const DELIVERER = new RegExp(
  `\\b(?:\\w*(?:therapist|ologist|ician|worker|teacher|practitioner|assistant|nurse|coach|mentor|counsellor|tutor|lecturer|instructor|specialist|officer|carer|consultant|visitor|leader|manager|dietitian|orthoptist|optometrist|childminder)s?|TAs?|HLTAs?|LSAs?|SENC?D?Cos?|SaLTs?|SLTs?|OTs?|EPs?|ELSAs?|PAs?|QTVIs?|QToDs?|ToDs?|CAMHS|staff|key (?:person|worker|adult)|team|service|provider)\\b`,
  'i',
);

const TIMESCALE = new RegExp(
  [
    // up to the punctuation, or to the child who "will" do something: "By the end of Key Stage 4 X will be able to ..."
    `\\b(?:by|before|at|until) the (?:end|close|start|beginning) of\\b[^.;]*?(?=[.;,]|$|\\s+(?:[A-Z][\\w'-]*\\s+)?(?:will|can|should|is able)\\b)`,
    `\\bby the time\\b`,
    `\\bby (?:the )?age (?:of )?\\d+\\b`,
    `\\bby (?:his|her|their) \\w+ birthday\\b`,
    `\\bby (?:\\d{1,2} )?(?:${MONTHS})\\b(?: \\d{4})?`,
    `\\bby (?:easter|christmas|(?:the )?(?:october |february |may )?half[- ]term|the summer holidays?)\\b(?: \\d{4})?`,
    `\\b(?:in|during|by) (?:the )?(?:autumn|spring|summer) (?:half[- ])?term\\b(?: (?:of )?(?:year \\d+|\\d{4}))?`,
    `\\bwithin (?:the next )?(?:\\d+|${NUMBER_WORDS}|a|one) (?:school )?(?:weeks?|months?|years?|terms?|half[- ]terms?)\\b`,
    `\\b(?:in|over) the next (?:\\d+|${NUMBER_WORDS}) (?:weeks|months|years|terms)\\b`,
    `\\b(?:by|before|on) (?:leaving|transfer|transition|starting|moving)\\b`,
    `\\bby (?:his|her|their|the) next (?:annual )?review\\b`,
    `\\bby (?:the )?(?:next|this) (?:term|half[- ]term|school year|academic year|year)\\b`,
    `\\b(?:by|end of) (?:year|yr|key stage|ks) ?\\d+\\b`,
    `\\bby \\d{4}\\b`,
    `\\bin (?:${MONTHS}) \\d{4}\\b`,
  ].join('|'),
  'gi',
);

const MEASURE = new RegExp(
  [
    `\\d`,
    `\\b(?:${NUMBER_WORDS}|both|half|all|every|each|daily|weekly|twice)\\b`,
    `%`,
    `\\b(?:at least|no more than|fewer than|more than|out of|in a row|consecutive)\\b`,
    `\\b(?:independently|unaided|unprompted|without (?:any )?(?:adult |staff )?(?:help|support|prompting|prompts?|reminders?|assistance|physical assistance|adult support)|on (?:his|her|their) own)\\b`,
    `\\b(?:age[- ]related expectations?|expected standard|gcses?|entry level|functional skills|grade|qualifications?|certificate|accredited|nvq|btec|book band|reading age)\\b`,
  ].join('|'),
  'i',
);

/**
 * Words for a change no one can observe: "improve", "develop", "achieve his potential", "be more confident". An
 * outcome built on them is not measurable unless it also gives a number or a standard.
 */
const UNOBSERVABLE =
  'improve|develop|increase|enhance|progress|achieve|reach|gain|understand|be aware|feel|be happy|be more|become more|be better|work towards|continue|learn about|have an understanding|have improved|make progress|benefit|engage|experience|explore|be supported|receive';

/**
 * An observable behaviour: what the child will be able to do ("will be able to explain what epilepsy is", "can
 * travel on the bus by himself", "will use 10 new words"), as a teacher could watch and record it. With a time
 * frame that is measurable even without a number: the behaviour happens or it does not.
 */
const OBSERVABLE = new RegExp(
  `\\b(?:will be able to|be able to|is able to|are able to|can)\\s+(?:\\w+ly\\s+)?(?!(?:${UNOBSERVABLE})\\b)[a-z]+`,
  'i',
);

// ---------------------------------------------------------------------------------------------------------------
// Wording rules

interface Hit {
  readonly code: SpecificityCode;
  readonly start: number;
  readonly end: number;
}

interface WordingRule {
  readonly code: SpecificityCode;
  readonly pattern: RegExp;
  /**
   * When true the wording is only a finding if the statement is otherwise incomplete (provision: missing amount,
   * frequency or deliverer; outcome: missing timescale or measure). "30 minutes of 1:1 support from a teaching
   * assistant trained in Precision Teaching, 3 times a week" is specific although it says "support".
   */
  readonly provisionAnchored: boolean;
  readonly outcomeAnchored: boolean;
  /** False positives to skip, given the whole text and the match. */
  readonly skip?: (text: string, start: number, end: number) => boolean;
}

const before = (text: string, start: number, n = 40) => text.slice(Math.max(0, start - n), start);
const after = (text: string, end: number, n = 60) => text.slice(end, end + n);

/** "to support his access to the curriculum", "step-free access to every classroom": purpose or physical access. */
function accessPurpose(text: string, start: number): boolean {
  const b = before(text, start);
  return (
    /(?:\b(?:his|her|their|its|step[- ]free|level|wheelchair|physical|independent|equal|full|safe)|'s|s')\s+$/i.test(
      b,
    ) ||
    /\bto (?:support|enable|improve|aid|facilitate|increase|help|promote|ensure|maximise|extend|widen)(?: \w+)?\s+$/i.test(
      b,
    )
  );
}

/** "May" the month ("by May 2027", "in May") or a name ("sessions with May"), not the modal verb. */
function mayNotModal(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (/^\s*\d/.test(after(text, end, 5))) return true;
  if (
    /\b(?:in|by|until|till|from|since|before|after|of|during|early|late|mid|end of|\d{1,2}(?:st|nd|rd|th)?)\s+$/i.test(
      before(text, start, 20),
    )
  )
    return true;
  // Capital "May" inside a sentence is a proper noun (a month or a name); a modal there would be lower case.
  return word === 'May' && !/(?:^|[.!?:;]\s*|\n\s*)$/.test(before(text, start, 5));
}

/** "regular" meaning ordinary ("the regular classroom", "regular lessons"), not how often. */
function regularMeansOrdinary(text: string, _start: number, end: number): boolean {
  return /^\s+(?:class(?:es|room|rooms)?|school|schools|teachers?|curriculum|timetable|lessons|classmates|peers|mainstream)\b/i.test(
    after(text, end),
  );
}

/** "small group of 4", "small group (no more than six)", "in small groups of three". */
function groupSizeGiven(text: string, start: number, end: number): boolean {
  return (
    new RegExp(
      `^\\s*(?:\\(\\s*)?(?:of\\s+|with\\s+|size\\s+|:\\s*)?(?:no more than|not more than|up to|a maximum of|maximum of|max(?:imum)?\\.?|at most|between|about|around)?\\s*(?:${NUM})\\b`,
      'i',
    ).test(after(text, end)) ||
    new RegExp(
      `\\b(?:${NUM})[- ](?:pupils?|children|child|students?|learners?|people|young people)\\s+$`,
      'i',
    ).test(before(text, start))
  );
}

const MODE = `(?:1:1|1-1|one[- ]to[- ]one|individual(?:ly)?|in pairs|paired|pairs|small[- ]groups?|groups?|whole[- ]class|class)`;

const WORDING_RULES: readonly WordingRule[] = [
  {
    code: 'access-to',
    pattern: /\baccess to\b/gi,
    provisionAnchored: false,
    outcomeAnchored: false,
    skip: accessPurpose,
  },
  {
    code: 'opportunities',
    pattern: /\bopportunit(?:y|ies) (?:for|to)\b/gi,
    provisionAnchored: false,
    outcomeAnchored: false,
  },
  {
    code: 'regular',
    pattern: /\b(?:regular|regularly|frequent|frequently|periodic|periodically)\b/gi,
    // Once the statement gives the frequency ("3 x 10 minute sessions per week"), "frequent" adds nothing vague.
    provisionAnchored: true,
    outcomeAnchored: true,
    skip: regularMeansOrdinary,
  },
  {
    code: 'as-appropriate',
    pattern: /\b(?:(?:as|where|when|if) (?:appropriate|required|needed|necessary)|as and when)\b/gi,
    provisionAnchored: false,
    // In an outcome "when needed" usually describes the child's own behaviour ("ask for help when needed").
    outcomeAnchored: true,
    skip: (text, _s, end) => /^\s+by\b/i.test(after(text, end, 5)),
  },
  {
    code: 'support-with',
    pattern:
      /\b(?:support (?:with|for|to|in|around)|(?:additional|adult|extra|TA|some|appropriate|ongoing|targeted|specialist|further|general|emotional|pastoral|1:1|one-to-one|individual|staff) support)\b/gi,
    provisionAnchored: true,
    outcomeAnchored: true,
  },
  {
    code: 'input-from',
    pattern: /\binput(?: from| of)?\b(?!\s+(?:devices?|methods?|switch(?:es)?))/gi,
    provisionAnchored: false,
    outcomeAnchored: false,
  },
  { code: 'interventions', pattern: /\binterventions\b/gi, provisionAnchored: true, outcomeAnchored: true },
  {
    code: 'strategies',
    pattern: /\bstrategies(?: (?:to|for))?\b/gi,
    provisionAnchored: true,
    outcomeAnchored: true,
  },
  {
    code: 'recommendation',
    pattern:
      /\b(?:would (?:benefit|be helpful|be beneficial|be useful)(?: from)?|should consider|should be considered|it is (?:recommended|suggested|advised)|(?:is|are) recommended(?! by)|(?:i|we) (?:recommend|suggest)|may|might|could|ideally)\b/gi,
    provisionAnchored: false,
    outcomeAnchored: false,
    skip: (text, start, end) => /^may$/i.test(text.slice(start, end)) && mayNotModal(text, start, end),
  },
  {
    code: 'mode-not-fixed',
    pattern: new RegExp(
      `(?<![\\w:-])${MODE}(?:\\s*,\\s*(?:in )?(?:a )?${MODE})*\\s*,?\\s*(?:or|and\\/or)\\s+(?:in )?(?:a )?${MODE}\\b`,
      'gi',
    ),
    provisionAnchored: false,
    outcomeAnchored: false,
  },
  {
    code: 'group-size-missing',
    pattern: /\bsmall[- ](?:groups?|class(?:es)?)\b/gi,
    provisionAnchored: false,
    outcomeAnchored: false,
    skip: groupSizeGiven,
  },
  {
    code: 'up-to-ceiling',
    pattern: new RegExp(
      `\\bup to (?:${NUM}|a|an)(?:\\s*|-)(?:hours?|hrs?|minutes?|mins?|sessions?|days?|half[- ]days?|visits?|nights?|lessons?)\\b`,
      'gi',
    ),
    provisionAnchored: false,
    outcomeAnchored: false,
  },
];

const DESCRIBES_PROVISION = new RegExp(
  [
    `\\bwill (?:continue to )?(?:receive|be given|be provided with|be offered|have access to|get|be supported|be helped|be taught)\\b`,
    `\\bwill (?:continue to )?attend (?:\\w+ ){0,3}(?:sessions?|therapy|groups?|interventions?|clubs?|appointments?)\\b`,
    `\\bwill (?:continue to )?have (?:\\d+ |a |an |weekly |daily |regular |ongoing |additional |specialist )?(?:\\w+ )?(?:sessions?|therapy|support|1:1|input|TA|teaching assistant|keyworker|key worker|programme)\\b`,
  ].join('|'),
  'gi',
);

function allHits(pattern: RegExp, text: string): { start: number; end: number }[] {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Exposed building blocks (used by the golden-thread checks on structured plans)

export function hasAmount(text: string): boolean {
  return AMOUNT.test(text) || PERVASIVE.test(text);
}
export function hasFrequency(text: string): boolean {
  return FREQUENCY.test(text) || PERVASIVE.test(text);
}
export function hasDeliverer(text: string): boolean {
  return DELIVERER.test(text);
}
/** The spans of text that state when an outcome should be achieved. */
export function timescaleSpans(text: string): { start: number; end: number }[] {
  return allHits(TIMESCALE, text);
}
/**
 * Whether an outcome names a measurable change (numbers in its timescale do not count): a number, a standard,
 * "independently", or an observable behaviour ("will be able to explain ...").
 */
export function hasMeasurableChange(text: string): boolean {
  let rest = text;
  for (const s of timescaleSpans(text))
    rest = rest.slice(0, s.start) + ' '.repeat(s.end - s.start) + rest.slice(s.end);
  return MEASURE.test(rest) || OBSERVABLE.test(rest);
}

// ---------------------------------------------------------------------------------------------------------------
// Kinds of provision

const TRANSPORT =
  /\b(?:transport|taxi|minibus|home[- ]to[- ](?:school|college) travel|passenger assistant|escort(?:ed)?|travel (?:to and from|between)|journeys? (?:to and from|between))\b/i;
const EXAM_ACCESS =
  /\b(?:exam(?:ination)?s?|tests?|assessments?)\b[^.;]*?\b(?:extra time|additional time|reader|scribe|prompter|rest breaks?|separate room|word processor|modified papers?|enlarged papers?|access arrangements?)\b|\b(?:extra time|additional time|reader|scribe|prompter|supervised rest breaks?|separate room|word processor|modified papers?|enlarged papers?|access arrangements?)\b[^.;]*?\b(?:exam(?:ination)?s?|tests?|assessments?)\b|\bexam(?:ination)? access arrangements?\b/i;
const RESIDENTIAL =
  /\b(?:residential (?:placement|school|college|provision|setting)|boarding|waking[- ]day curriculum|\d+[- ]week (?:residential |boarding )?placement|placement for \d+ weeks)\b/i;
const SHORT_BREAKS =
  /\b(?:short breaks?|respite|overnight stays?|overnights?|holiday (?:scheme|club|play ?scheme)s?|play ?scheme)\b/i;
const GROUP =
  /\b(?:(?:class|group|set|teaching group|class size)s?\s+(?:size\s+)?(?:of|of no more than|no larger than|not exceeding|with a maximum of)|small[- ](?:teaching |learning )?(?:groups?|class(?:es)?|class sizes?|sets?)|class sizes?|(?:adult|staff|teacher)[- ]?(?:to|:|-)\s?(?:child|pupil|student|learner)s? ratio|ratio of)\b/i;
const EQUIPMENT =
  /\b(?:laptop|tablet|ipad|chromebook|computer|software|app|reading pen|scanning pen|c-?pen|communication aid|aac device|voice output|eye[- ]gaze|switch(?:es)?|radio aid|soundfield|hearing loop|writing slope|sloped board|pencil grip|wobble cushion|move ?n ?sit|ear defenders|specialist seating|standing frame|hoist|walking frame|wheelchair|changing bench|adapted (?:chair|desk|cutlery|keyboard)|coloured overlays?|magnifier|cctv|braille(?:r| note)?|large print|equipment|assistive technology)\b/i;

/** What the provision is, from its wording: the first kind whose words it uses, else `sessions`. */
export function provisionKind(text: string): ProvisionKind {
  if (EXAM_ACCESS.test(text)) return 'exam-access';
  if (TRANSPORT.test(text)) return 'transport';
  if (RESIDENTIAL.test(text)) return 'residential';
  if (SHORT_BREAKS.test(text)) return 'short-breaks';
  if (GROUP.test(text) && !AMOUNT.test(text)) return 'group';
  if (EQUIPMENT.test(text) && !AMOUNT.test(text)) return 'equipment';
  return 'sessions';
}

/** A group or class size, or an adult-to-pupil ratio, given as a number. */
const SIZE_GIVEN = new RegExp(
  [
    `\\b(?:class|group|set|teaching group|class size)s?\\s+(?:size\\s+)?(?:of\\s+)?(?:no more than|not more than|no larger than|not exceeding|with a maximum of|a maximum of|at most|up to)?\\s*(?:${NUM})\\b`,
    `\\b(?:no more than|not more than|a maximum of|maximum of|at most|up to)\\s+(?:${NUM})\\s+(?:pupils?|children|students?|learners?|young people)\\b`,
    `\\b\\d+\\s?:\\s?\\d+\\b(?!\\s*(?:am|pm))`,
    `\\b(?:${NUM})\\s+(?:adults?|staff)\\s+(?:to|for( every)?|per)\\s+(?:${NUM})\\s+(?:pupils?|children|students?|learners?)\\b`,
    `\\b(?:${NUM})[- ](?:pupil|child|student|learner)s?\\b`,
  ].join('|'),
  'i',
);
/** What equipment is for, or when it is used: "for all written work", "in every lesson", "at home and at school". */
const USE_GIVEN =
  /\b(?:for (?:all |every |each |his |her |their )?(?:written|recording|reading|writing|homework|work|tasks?|lessons?|communicat\w*|recording work)|in (?:all|every|each) (?:lessons?|classes|subjects?|settings?)|at all times|throughout the (?:school |college )?day|at home and (?:at )?(?:school|college)|across (?:all|the) (?:curriculum|school day|setting)|to (?:record|write|read|communicate|access|type|produce|complete|hear|see|sit|stand|move|transfer)\b)/i;
const EXTRA_TIME = /\b(?:extra|additional) time\b/i;
const EXTRA_TIME_AMOUNT =
  /\b(?:\d+(?:\.\d+)?\s*%|\d+\s*(?:minutes?|mins?)\s+(?:per|an|every|for each|in each) hour)/i;
const ASSESSMENT_SCOPE =
  /\b(?:(?:all|every|each|any|internal|external|mock|public|formal|written|timed|class|end[- ]of[- ]\w+)\s+(?:\w+\s+)?(?:tests?|exams?|examinations?|assessments?)|(?:tests?|exams?|examinations?|assessments?)\s+(?:and|or)\s+(?:tests?|exams?|examinations?|assessments?)|gcses?|sats|key stage \d (?:tests|sats))\b/i;
const NIGHTS_OR_WEEKS = new RegExp(
  `\\b(?:${NUM})[- ](?:nights?|weeks?|overnight stays?|overnights?|days?|half[- ]days?|hours?|sessions?)\\b`,
  'i',
);

interface Requirements {
  readonly amount: boolean;
  readonly frequency: boolean;
  readonly deliverer: boolean;
  readonly use: boolean;
  readonly size: boolean;
}

/**
 * What "specified and quantified" asks of each kind: true where the text gives it or the kind does not need it.
 * Sessions need an amount, a frequency and a deliverer. A group needs its size or ratio (it is a standing
 * arrangement, so it needs no "how often"). Transport needs how often it runs (the journey is its amount; a driver
 * and any passenger assistant come with it). Equipment needs what it is for. An exam access arrangement needs how
 * much (for extra time, a percentage) and in which assessments. Short breaks need how many nights, days or hours and
 * how often. A residential placement needs weeks a year or nights a week.
 */
function requirements(kind: ProvisionKind, text: string): Requirements {
  const amount = hasAmount(text);
  const frequency = hasFrequency(text);
  const deliverer = hasDeliverer(text);
  const none = { amount: true, frequency: true, deliverer: true, use: true, size: true };
  switch (kind) {
    case 'sessions':
      return { ...none, amount, frequency, deliverer };
    case 'group':
      return { ...none, size: SIZE_GIVEN.test(text) };
    case 'transport':
      return {
        ...none,
        frequency: frequency || /\b(?:each|every|per) (?:school |college )?day\b/i.test(text),
      };
    case 'equipment':
      // An adaptation installed by a date ("will install a through-floor lift by March 2026") is specified by that.
      return {
        ...none,
        use: USE_GIVEN.test(text) || PERVASIVE.test(text) || (/\binstall/i.test(text) && frequency),
      };
    case 'exam-access':
      return {
        ...none,
        amount: !EXTRA_TIME.test(text) || EXTRA_TIME_AMOUNT.test(text),
        use: ASSESSMENT_SCOPE.test(text),
      };
    case 'short-breaks':
      return { ...none, amount: amount || NIGHTS_OR_WEEKS.test(text), frequency };
    case 'residential':
      return { ...none, amount: amount || NIGHTS_OR_WEEKS.test(text) };
  }
}

/** The table's vague wording found in a provision or outcome text, given whether the statement is otherwise complete. */
function wordingHits(text: string, kind: 'provision' | 'outcome', anchored: boolean): Hit[] {
  const hits: Hit[] = [];
  for (const rule of WORDING_RULES) {
    const suppressed = anchored && (kind === 'provision' ? rule.provisionAnchored : rule.outcomeAnchored);
    if (suppressed) continue;
    for (const { start, end } of allHits(rule.pattern, text)) {
      if (rule.skip?.(text, start, end)) continue;
      hits.push({ code: rule.code, start, end });
    }
  }
  return hits;
}

/** Vague wording in a provision's or outcome's text, ignoring what the structured fields say. */
export function vagueWording(
  text: string,
  kind: 'provision' | 'outcome',
  complete: boolean,
): SpecificityFinding[] {
  return toFindings(wordingHits(text, kind, complete));
}

/** Wording findings in text order, then what is missing (in the order the hits were pushed). */
function toFindings(
  hits: readonly Hit[],
  missing: readonly SpecificityCode[] = [],
  length = 0,
  kind?: ProvisionKind,
): SpecificityFinding[] {
  return [
    ...[...hits].sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code)),
    ...missing.map((code) => ({ code, start: 0, end: length })),
  ].map((h) => ({ code: h.code, message: messageFor(h.code, kind), start: h.start, end: h.end }));
}

/** The result of checking a provision statement: also which kind of provision it was read as. */
export interface ProvisionResult extends SpecificityResult {
  readonly kind: ProvisionKind;
}

/** Checks one provision statement (F, G, H1, H2) against what its kind needs. */
export function checkProvisionText(text: string): ProvisionResult {
  const kind = provisionKind(text);
  const needs = requirements(kind, text);
  const complete = needs.amount && needs.frequency && needs.deliverer && needs.use && needs.size;
  const hits = wordingHits(text, 'provision', complete);
  const missing: SpecificityCode[] = [];
  if (!needs.size) missing.push('missing-size');
  if (!needs.amount) missing.push('missing-amount');
  if (!needs.frequency) missing.push('missing-frequency');
  if (!needs.deliverer) missing.push('missing-deliverer');
  if (!needs.use) missing.push('missing-use');
  const findings = toFindings(hits, missing, text.length, kind);
  return { specific: findings.length === 0, findings, kind };
}

/** Checks one outcome statement (E). */
export function checkOutcomeText(text: string): SpecificityResult {
  const timescale = timescaleSpans(text).length > 0;
  const measurable = hasMeasurableChange(text);
  const hits = wordingHits(text, 'outcome', timescale && measurable);
  for (const { start, end } of allHits(DESCRIBES_PROVISION, text)) {
    hits.push({ code: 'outcome-describes-provision', start, end });
  }
  const missing: SpecificityCode[] = [];
  if (!timescale) missing.push('outcome-no-timescale');
  if (!measurable) missing.push('outcome-not-measurable');
  const findings = toFindings(hits, missing, text.length);
  return { specific: findings.length === 0, findings };
}

/**
 * Checks one statement from a plan section: provision (F, G, H1, H2) and outcomes (E) are checked; every other
 * section returns `{ specific: true, findings: [] }`, because these checks are about provision and outcomes.
 */
export function checkSpecificity(
  section: Section,
  text: string,
): SpecificityResult & { readonly kind?: ProvisionKind } {
  switch (section) {
    case 'E':
      return checkOutcomeText(text);
    case 'F':
    case 'G':
    case 'H1':
    case 'H2':
      return checkProvisionText(text);
    default:
      return { specific: true, findings: [] };
  }
}
