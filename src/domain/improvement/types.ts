/** The shapes shared by the improvement plan's import, export, flags and summary. Plain data, no behaviour. */

/** A milestone action's BRAG status, in the order the plan's key lists them. */
export type Status = 'complete' | 'on-track' | 'significant-risk' | 'high-risk' | 'not-started';

export const STATUSES: readonly Status[] = [
  'complete',
  'on-track',
  'significant-risk',
  'high-risk',
  'not-started',
];

/** The kinds of evidence of impact a plan names: performance indicator, audit, voice, review, minutes. */
export type EvidenceType = 'PI' | 'Audit' | 'Voice' | 'Review' | 'Minutes';

export const EVIDENCE_TYPES: readonly EvidenceType[] = ['PI', 'Audit', 'Voice', 'Review', 'Minutes'];

/** The columns of the plan's CSV form, in the order export writes them. */
export const COLUMNS = [
  'area',
  'area_title',
  'focus_area',
  'focus_area_title',
  'ref',
  'action',
  'owner',
  'start',
  'end',
  'status',
  'evidence_of_impact',
  'overall_impact',
] as const;

export type Column = (typeof COLUMNS)[number];

/** An area for improvement. `key` is what the `area` column says ("1"); `row` is where it was first named. */
export interface PlanArea {
  key: string;
  title: string;
  row: number;
}

/**
 * A focus area within an area. `key` is what the `focus_area` column says ("1.2", "A"); a focus area is identified by
 * its area and key together, so "A" in area 1 and "A" in area 2 are different focus areas.
 */
export interface PlanFocusArea {
  area: string | null;
  key: string;
  title: string;
  /**
   * The focus area's overall impact: every distinct text its rows give (heading rows and action rows), in row order,
   * joined by a blank line ("\n\n"). Real plans often write it on each action's row, differing row to row.
   */
  overallImpact: string;
  row: number;
}

/** A milestone action as imported. Dates are 'YYYY-MM-DD' (a month start is its first day, a month end its last). */
export interface PlanAction {
  /** The spreadsheet row it came from (the header is row 1). */
  row: number;
  /** Normalised reference: "9 A". */
  ref: string;
  area: string | null;
  focusArea: string | null;
  action: string;
  /** The accountable officers, in the order written. */
  owners: string[];
  start: string | null;
  end: string | null;
  /** The start cell's text when it held no date ("Underway"), else null. */
  startNote: string | null;
  /** The end cell's text when it held no date ("and then following board decisions"), else null. */
  endNote: string | null;
  ongoing: boolean;
  status: Status;
  evidenceOfImpact: string;
  evidenceTypes: EvidenceType[];
  /** The `overall_impact` cell of the action's own row, as written ('' when blank). */
  overallImpact: string;
}

/** Something the import could not accept. `column` is null when the whole row is at fault. */
export interface ImportProblem {
  row: number;
  column: Column | null;
  message: string;
}

/**
 * Something worth knowing about a row that was imported all the same, such as a focus area given a different overall
 * impact or title on a later row. Same shape as a problem.
 */
export type ImportNote = ImportProblem;

/** What is saved: the plan without its problems (rows that were refused), with its notes (rows read generously). */
export type PlanContent = Omit<ParsedPlan, 'problems'>;

export interface ParsedPlan {
  areas: PlanArea[];
  focusAreas: PlanFocusArea[];
  actions: PlanAction[];
  problems: ImportProblem[];
  notes: ImportNote[];
}
