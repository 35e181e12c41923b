/** A statutory step ready for a view: the step with its GOV.UK tag (text and colour) and its name. */
import { statusTag, stepLabel } from '../../domain/assessment/journey.ts';
import type { Step } from '../../domain/clock/types.ts';

export function stepForView(step: Step | null | undefined, labels?: ReadonlyMap<string, string>) {
  if (!step) return null;
  return { ...step, tag: statusTag(step), label: stepLabel(step.id, labels) };
}
