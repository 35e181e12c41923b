/**
 * Scores the specificity checks against the two labelled sets: how many vague statements they catch and how many
 * specific ones they wrongly flag. `labelled-set.json` was written for this project; `public-set.json` is real plan
 * wording quoted from public sources (council guides, advice charities, solicitors, tribunal-cited provisions and
 * parents quoting their own plans), part of it held out from the writing of the rules. Used by the tests and
 * `bench plan-quality`. Pure: the sets are imported as JSON modules, not read from disk.
 */
import labelledSet from './labelled-set.json' with { type: 'json' };
import publicSet from './public-set.json' with { type: 'json' };
import type { Section } from './model.ts';
import { checkSpecificity, type ProvisionKind, type SpecificityFinding } from './specificity.ts';

export interface LabelledStatement {
  readonly id: string;
  readonly section: Section;
  readonly text: string;
  readonly label: 'vague' | 'specific';
  readonly note: string;
}

/** Where a public statement was quoted from. */
export interface PublicSource {
  readonly title: string;
  readonly url: string;
}

/**
 * A statement of real plan wording. `kind` is what the provision is about (the kinds of `ProvisionKind` in finer
 * grain: therapy, staffing, group, ...; `outcome` for section E), `reason` says why the label in one line, and
 * `split` whether the rules were written against it (`development`) or it was set aside first (`held-out`).
 */
export interface PublicStatement {
  readonly id: string;
  readonly section: Section;
  readonly kind: string;
  readonly text: string;
  readonly label: 'vague' | 'specific';
  readonly reason: string;
  readonly source: PublicSource;
  readonly split: 'development' | 'held-out';
}

/** Either set's statements, as far as scoring needs them. */
export type Statement = Pick<LabelledStatement, 'id' | 'section' | 'text' | 'label'>;

export interface Scored<S extends Statement = Statement> {
  readonly statement: S;
  readonly predicted: 'vague' | 'specific';
  readonly findings: readonly SpecificityFinding[];
  /** The kind of provision the checks read it as (provision sections only). */
  readonly kind: ProvisionKind | null;
}

export interface Score<S extends Statement = Statement> {
  readonly vague: number;
  readonly vagueCaught: number;
  readonly specific: number;
  readonly specificFlagged: number;
  readonly misclassified: readonly Scored<S>[];
}

export function loadLabelledSet(): LabelledStatement[] {
  return labelledSet as LabelledStatement[];
}

export function loadPublicSet(): PublicStatement[] {
  return publicSet as PublicStatement[];
}

/** Own-set statements written after the rules were last changed, to check that the figures generalise. */
export const isHeldOut = (s: LabelledStatement) => s.note.includes('held-out');

/** Public statements set aside before the rules were changed for the kinds of provision. */
export const isPublicHeldOut = (s: PublicStatement) => s.split === 'held-out';

export function score<S extends Statement>(statements: readonly S[]): Score<S> {
  const scored: Scored<S>[] = statements.map((s) => {
    const r = checkSpecificity(s.section, s.text);
    return {
      statement: s,
      predicted: r.specific ? 'specific' : 'vague',
      findings: r.findings,
      kind: r.kind ?? null,
    };
  });
  const vague = scored.filter((s) => s.statement.label === 'vague');
  const specific = scored.filter((s) => s.statement.label === 'specific');
  return {
    vague: vague.length,
    vagueCaught: vague.filter((s) => s.predicted === 'vague').length,
    specific: specific.length,
    specificFlagged: specific.filter((s) => s.predicted === 'vague').length,
    misclassified: scored.filter((s) => s.predicted !== s.statement.label),
  };
}
