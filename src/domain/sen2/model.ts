/**
 * The SEN2 return as records (shared/domain/reporting.md, "SEN2"): a header and, per person, the modules keyed
 * person -> request -> assessment -> named plan -> active plan. Every item is a string, '' when blank, exactly as
 * it is written to the file, so that writing and reading back are each other's inverse. `links` are the casework's
 * ids behind a record (for the pre-submission check's "fix it" links); they are never written to a file.
 *
 * The item tables below (`MODULE_ITEMS`) drive the CSV and XML writers and readers and the import's checks: one
 * place says each item's file name, its kind and its code list.
 */
import type { CodeListName } from './codes.ts';

export interface Sen2Links {
  readonly childId?: string | undefined;
  readonly caseId?: string | undefined;
  readonly planId?: string | undefined;
}

export interface Sen2Header {
  collection: string;
  year: string;
  referenceDate: string;
  laCode: string;
  softwareCode: string;
  generatedAt: string;
  dmo: string;
  dco: string;
  dsco: string;
}

export interface Sen2Person {
  /** The authority's own identifier for the person (the child's reference in the casework). */
  personId: string;
  surname: string;
  forename: string;
  dateOfBirth: string;
  sex: string;
  ethnicity: string;
  postcode: string;
  upn: string;
  uln: string;
  upnUnknown: string;
  requests: Sen2Request[];
  plans: Sen2NamedPlan[];
  links?: Sen2Links;
}

export interface Sen2Request {
  /** 1, 2, … within the person, in the order written. */
  requestNo: string;
  receivedDate: string;
  requestSource: string;
  youthAccommodation: string;
  requestOutcome: string;
  requestOutcomeDate: string;
  requestMediation: string;
  requestTribunal: string;
  movedOut: string;
  assessment: Sen2Assessment | null;
  links?: Sen2Links;
}

export interface Sen2Assessment {
  assessmentOutcome: string;
  assessmentOutcomeDate: string;
  assessmentMediation: string;
  assessmentTribunal: string;
  exceptionsApply: string;
}

export interface Sen2NamedPlan {
  /** 1, 2, … within the person. */
  planNo: string;
  /** The request the plan came from ('' when the casework does not hold it: a plan older than the casework). */
  requestNo: string;
  startDate: string;
  planResidential: string;
  planWorkBased: string;
  personalBudget: string;
  organisedArrangements: string;
  directPayments: string;
  ceasedDate: string;
  ceasedReason: string;
  details: Sen2PlanDetail[];
  active: Sen2ActivePlan | null;
  links?: Sen2Links;
}

export interface Sen2PlanDetail {
  urn: string;
  ukprn: string;
  settingCode: string;
  placementRank: string;
  senUnit: string;
  resourcedProvision: string;
}

export interface Sen2ActivePlan {
  transferredIn: string;
  reviewMeeting: string;
  reviewDecision: string;
  amendedDraftIssued: string;
  phaseTransferDue: string;
  phaseTransferFinal: string;
  placements: Sen2Placement[];
  needs: Sen2Need[];
}

export interface Sen2Placement {
  urn: string;
  ukprn: string;
  settingCode: string;
  placementRank: string;
  entryDate: string;
  leavingDate: string;
  senUnit: string;
  resourcedProvision: string;
  residential: string;
  workBased: string;
}

export interface Sen2Need {
  needType: string;
  needRank: string;
}

export interface Sen2Return {
  header: Sen2Header;
  persons: Sen2Person[];
}

export type ItemKind = 'text' | 'date' | 'datetime' | 'number' | { code: CodeListName };

export interface ItemDef<K extends string = string> {
  /** The field of the record. */
  readonly key: K;
  /** The column (CSV) and element (XML) name. */
  readonly name: string;
  readonly kind: ItemKind;
  /** Must not be blank. */
  readonly required?: boolean;
  /** At most this many characters. */
  readonly max?: number;
}

type Scalar<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

const yn = { code: 'yesNo' } as const;

/** The modules, in file order: '0' header … '5c' needs (reporting.md's numbering). */
export const MODULES = ['0', '1', '2', '3', '4a', '4b', '5a', '5b', '5c'] as const;
export type ModuleId = (typeof MODULES)[number];

export const MODULE_NAMES: Record<ModuleId, string> = {
  '0': 'Header',
  '1': 'Person',
  '2': 'Requests',
  '3': 'Assessments',
  '4a': 'Named plan',
  '4b': 'Plan detail',
  '5a': 'Active plan',
  '5b': 'Placement detail',
  '5c': 'SEN need',
};

export const HEADER_ITEMS: readonly ItemDef<Scalar<Sen2Header>>[] = [
  { key: 'collection', name: 'Collection', kind: 'text', required: true },
  { key: 'year', name: 'Year', kind: 'number', required: true },
  { key: 'referenceDate', name: 'ReferenceDate', kind: 'date', required: true },
  { key: 'laCode', name: 'LEA', kind: 'number', required: true },
  { key: 'softwareCode', name: 'SoftwareCode', kind: 'text' },
  { key: 'generatedAt', name: 'DateTime', kind: 'datetime' },
  { key: 'dmo', name: 'DMO', kind: 'text', max: 100 },
  { key: 'dco', name: 'DCO', kind: 'text', max: 100 },
  { key: 'dsco', name: 'DSCO', kind: 'text', max: 100 },
];

export const PERSON_ITEMS: readonly ItemDef<Scalar<Sen2Person>>[] = [
  { key: 'surname', name: 'Surname', kind: 'text', required: true, max: 100 },
  { key: 'forename', name: 'Forename', kind: 'text', required: true, max: 100 },
  { key: 'dateOfBirth', name: 'PersonBirthDate', kind: 'date', required: true },
  { key: 'sex', name: 'Sex', kind: { code: 'sex' }, required: true },
  { key: 'ethnicity', name: 'Ethnicity', kind: 'text', max: 4 },
  { key: 'postcode', name: 'Postcode', kind: 'text', max: 8 },
  { key: 'upn', name: 'UPN', kind: 'text', max: 13 },
  { key: 'uln', name: 'ULN', kind: 'text', max: 10 },
  { key: 'upnUnknown', name: 'UPNunknown', kind: { code: 'upnUnknown' } },
];

export const REQUEST_ITEMS: readonly ItemDef<Scalar<Sen2Request>>[] = [
  { key: 'receivedDate', name: 'ReceivedDate', kind: 'date', required: true },
  { key: 'requestSource', name: 'RequestSource', kind: { code: 'requestSource' } },
  { key: 'youthAccommodation', name: 'RYA', kind: yn },
  { key: 'requestOutcome', name: 'RequestOutcome', kind: { code: 'requestOutcome' } },
  { key: 'requestOutcomeDate', name: 'RequestOutcomeDate', kind: 'date' },
  { key: 'requestMediation', name: 'RequestMediation', kind: yn },
  { key: 'requestTribunal', name: 'RequestTribunal', kind: yn },
  { key: 'movedOut', name: 'Exported', kind: yn },
];

export const ASSESSMENT_ITEMS: readonly ItemDef<Scalar<Sen2Assessment>>[] = [
  { key: 'assessmentOutcome', name: 'AssessmentOutcome', kind: { code: 'assessmentOutcome' } },
  { key: 'assessmentOutcomeDate', name: 'AssessmentOutcomeDate', kind: 'date' },
  { key: 'assessmentMediation', name: 'AssessmentMediation', kind: yn },
  { key: 'assessmentTribunal', name: 'AssessmentTribunal', kind: yn },
  { key: 'exceptionsApply', name: 'TwentyWeeksException', kind: yn },
];

export const NAMED_PLAN_ITEMS: readonly ItemDef<Scalar<Sen2NamedPlan>>[] = [
  { key: 'startDate', name: 'StartDate', kind: 'date', required: true },
  { key: 'planResidential', name: 'PlanResidential', kind: yn },
  { key: 'planWorkBased', name: 'PlanWBL', kind: yn },
  { key: 'personalBudget', name: 'PBTakeUp', kind: yn },
  { key: 'organisedArrangements', name: 'PBOrganised', kind: yn },
  { key: 'directPayments', name: 'PBDirectPayments', kind: yn },
  { key: 'ceasedDate', name: 'CeaseDate', kind: 'date' },
  { key: 'ceasedReason', name: 'CeaseReason', kind: { code: 'ceasedReason' } },
];

export const PLAN_DETAIL_ITEMS: readonly ItemDef<Scalar<Sen2PlanDetail>>[] = [
  { key: 'urn', name: 'URN', kind: 'text', max: 6 },
  { key: 'ukprn', name: 'UKPRN', kind: 'text', max: 8 },
  { key: 'settingCode', name: 'SENSetting', kind: { code: 'settingCode' } },
  { key: 'placementRank', name: 'PlacementRank', kind: { code: 'placementRank' } },
  { key: 'senUnit', name: 'SENUnit', kind: yn },
  { key: 'resourcedProvision', name: 'ResourcedProvision', kind: yn },
];

export const ACTIVE_PLAN_ITEMS: readonly ItemDef<Scalar<Sen2ActivePlan>>[] = [
  { key: 'transferredIn', name: 'TransferredIn', kind: yn },
  { key: 'reviewMeeting', name: 'ReviewMeeting', kind: 'date' },
  { key: 'reviewDecision', name: 'ReviewOutcome', kind: { code: 'reviewDecision' } },
  { key: 'amendedDraftIssued', name: 'AmendedDraftDate', kind: 'date' },
  { key: 'phaseTransferDue', name: 'PhaseTransferDue', kind: 'date' },
  { key: 'phaseTransferFinal', name: 'PhaseTransferFinal', kind: 'date' },
];

export const PLACEMENT_ITEMS: readonly ItemDef<Scalar<Sen2Placement>>[] = [
  { key: 'urn', name: 'URN', kind: 'text', max: 6 },
  { key: 'ukprn', name: 'UKPRN', kind: 'text', max: 8 },
  { key: 'settingCode', name: 'SENSetting', kind: { code: 'settingCode' } },
  { key: 'placementRank', name: 'PlacementRank', kind: { code: 'placementRank' } },
  { key: 'entryDate', name: 'EntryDate', kind: 'date' },
  { key: 'leavingDate', name: 'LeavingDate', kind: 'date' },
  { key: 'senUnit', name: 'SENUnit', kind: yn },
  { key: 'resourcedProvision', name: 'ResourcedProvision', kind: yn },
  { key: 'residential', name: 'Residential', kind: yn },
  { key: 'workBased', name: 'WorkBasedLearning', kind: yn },
];

export const NEED_ITEMS: readonly ItemDef<Scalar<Sen2Need>>[] = [
  { key: 'needType', name: 'SENtype', kind: { code: 'needType' } },
  { key: 'needRank', name: 'SENtypeRank', kind: { code: 'needRank' } },
];

export const MODULE_ITEMS: Record<ModuleId, readonly ItemDef[]> = {
  '0': HEADER_ITEMS,
  '1': PERSON_ITEMS,
  '2': REQUEST_ITEMS,
  '3': ASSESSMENT_ITEMS,
  '4a': NAMED_PLAN_ITEMS,
  '4b': PLAN_DETAIL_ITEMS,
  '5a': ACTIVE_PLAN_ITEMS,
  '5b': PLACEMENT_ITEMS,
  '5c': NEED_ITEMS,
};

/** Reads a record's item as a string ('' for blank). */
export function itemOf(record: object, key: string): string {
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/** A record of a module with every item blank. */
export function blankRecord<T>(items: readonly ItemDef[]): T {
  return Object.fromEntries(items.map((i) => [i.key, ''])) as T;
}
