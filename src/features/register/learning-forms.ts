/** The learning action form: every problem at once, in the form's order (ADR 0047). */
import { fieldErrors, type Parsed } from '../../platform/web/forms.ts';
import type { RegisterTheme } from '../../platform/db/schema/index.ts';
import { THEMES } from '../../domain/register/index.ts';

export const LEARNING_FIELDS = ['theme', 'learnt', 'actionId'] as const;

/** What was learnt and the action it went to; a theme too when it is not raised from an item or an appeal. */
export function parseLearning(
  values: Record<string, string>,
  fromSource: boolean,
): Parsed<{
  theme?: RegisterTheme | undefined;
  learnt: string;
  actionId: string;
  formToken: string | undefined;
}> {
  const problems: Array<{ field: string; message: string }> = [];
  const theme = values.theme;
  const known = (THEMES as readonly string[]).includes(theme ?? '');
  if (!fromSource && !known)
    problems.push({ field: 'theme', message: 'Select the theme it was learnt from' });
  const learnt = (values.learnt ?? '').trim();
  if (!learnt) problems.push({ field: 'learnt', message: 'Enter what was learnt' });
  else if (learnt.length > 2000)
    problems.push({ field: 'learnt', message: 'What was learnt must be 2000 characters or fewer' });
  const actionId = (values.actionId ?? '').trim();
  if (!actionId)
    problems.push({
      field: 'actionId',
      message: 'Select the action in the improvement plan that takes it on',
    });
  if (problems.length) return { ok: false, errors: fieldErrors(problems, { order: LEARNING_FIELDS }) };
  return {
    ok: true,
    data: {
      theme: !fromSource && known ? (theme as RegisterTheme) : undefined,
      learnt,
      actionId,
      formToken: values.formToken,
    },
  };
}
