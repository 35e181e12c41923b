/**
 * What the journey calls when it records a decision (docs/rights.md): the rights block as a message gives it. The
 * assessments feature calls these inside the decision's own transaction.
 */
import { buildRightsBlock, rightsLines, type DecisionKind } from '../../domain/rights/rights.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { rightsContactsOf, rightsText } from './notice.ts';

/** The full rights block of a decision, as plain text for a message to the family. */
export async function rightsMessage(
  db: Executor,
  laCode: string,
  kind: DecisionKind,
  decisionSent: string,
  childName: string,
): Promise<string> {
  const settings = await authoritySettings(db, laCode);
  return rightsText(
    buildRightsBlock({ kind, decisionSent, childName, contacts: rightsContactsOf(settings) }),
  );
}

/**
 * The rights block of a plan's issue as headed paragraphs, for the plan's own documents (issue 18 item 7: the plan
 * the family keeps carries how to appeal). Null when the decision cannot be dated by the clock (before 2018).
 */
export async function rightsLinesFor(
  db: Executor,
  laCode: string,
  kind: DecisionKind,
  decisionSent: string,
  childName: string,
): Promise<Array<{ heading: string; paragraphs: string[] }> | null> {
  const settings = await authoritySettings(db, laCode);
  try {
    return rightsLines(
      buildRightsBlock({ kind, decisionSent, childName, contacts: rightsContactsOf(settings) }),
    );
  } catch {
    return null;
  }
}
