/**
 * Scores the specificity checks against the labelled set (labelled-set.json): how many vague statements they
 * catch and how many specific ones they wrongly flag. Used by labelled-set.test.ts and `bench plan-quality`.
 */
import { readFileSync } from 'node:fs';
import type { Section } from './model.ts';
import { checkSpecificity, type SpecificityFinding } from './specificity.ts';

export interface LabelledStatement {
  readonly id: string;
  readonly section: Section;
  readonly text: string;
  readonly label: 'vague' | 'specific';
  readonly note: string;
}

export interface Scored extends LabelledStatement {
  readonly predicted: 'vague' | 'specific';
  readonly findings: readonly SpecificityFinding[];
}

export interface Score {
  readonly vague: number;
  readonly vagueCaught: number;
  readonly specific: number;
  readonly specificFlagged: number;
  readonly misclassified: readonly Scored[];
}

export function loadLabelledSet(): LabelledStatement[] {
  return JSON.parse(
    readFileSync(new URL('./labelled-set.json', import.meta.url), 'utf8'),
  ) as LabelledStatement[];
}

/** Statements written after the rules were last changed, to check that the figures generalise. */
export const isHeldOut = (s: LabelledStatement) => s.note.includes('held-out');

export function score(statements: readonly LabelledStatement[]): Score {
  const scored: Scored[] = statements.map((s) => {
    const r = checkSpecificity(s.section, s.text);
    return { ...s, predicted: r.specific ? 'specific' : 'vague', findings: r.findings };
  });
  const vague = scored.filter((s) => s.label === 'vague');
  const specific = scored.filter((s) => s.label === 'specific');
  return {
    vague: vague.length,
    vagueCaught: vague.filter((s) => s.predicted === 'vague').length,
    specific: specific.length,
    specificFlagged: specific.filter((s) => s.predicted === 'vague').length,
    misclassified: scored.filter((s) => s.predicted !== s.label),
  };
}
