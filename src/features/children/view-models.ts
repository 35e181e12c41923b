/**
 * The children pages' view models: pure functions from what the service returned and what the user asked for to
 * what the templates show (list.njk, show.njk). Unit-testable without a server.
 */
import type { Actor } from '../../platform/access/access.ts';
import { PRIMARY_NEEDS } from '../../platform/db/schema/index.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { labelled, selectItems } from '../../platform/web/items.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import type { ChildListRow, ChildRecord } from './service.ts';
import { PLAN_STATUS_LABELS, PRIMARY_NEED_LABELS } from './service.ts';
import { ethnicityLabel } from '../../domain/ethnicity.ts';

/** How the child attends each setting, in plain words (never "dual-registered"). */
export const ATTENDANCE_LABELS: Record<string, string> = {
  'full-time': 'Full time',
  'part-time': 'Part time',
  'dual-registered': 'Registered at two schools or settings',
};

export interface ChildListInput {
  /** The filters as the user typed them (kept in the form). */
  readonly values: Record<string, string>;
  readonly errors: FormErrors | undefined;
  readonly result: { rows: ChildListRow[]; total: number; page: number; pages: number };
  readonly officers: ReadonlyArray<{ id: string; display_name: string }>;
}

export function childListView({ values, errors, result, officers }: ChildListInput) {
  const pageLink = (page: number) =>
    withQuery(paths.children.list, {
      q: values.q,
      need: values.need,
      status: values.status,
      officer: values.officer,
      page,
    });
  return {
    pageTitle: 'Children and young people',
    values,
    errors,
    result,
    officers,
    needLabels: PRIMARY_NEED_LABELS,
    planLabels: PLAN_STATUS_LABELS,
    pagination: govukPagination(result.page, result.pages, pageLink),
    needItems: selectItems(
      [...labelled(PRIMARY_NEEDS, PRIMARY_NEED_LABELS), { value: 'missing', text: 'Not recorded' }],
      values.need,
      { any: 'Any' },
    ),
    statusItems: selectItems(
      [
        ...labelled(Object.keys(PLAN_STATUS_LABELS), PLAN_STATUS_LABELS),
        { value: 'open', text: 'Being assessed or has a plan' },
      ],
      values.status,
      { any: 'Any' },
    ),
    officerItems: selectItems(
      [
        { value: 'none', text: 'No named officer' },
        ...officers.map((o) => ({ value: o.id, text: o.display_name })),
      ],
      values.officer,
      { any: 'Any' },
    ),
  };
}

export function childRecordView(record: ChildRecord, actor: Pick<Actor, 'role'>) {
  const family = ['parent', 'young-person'].includes(actor.role);
  return {
    pageTitle: `${record.child.given_name} ${record.child.family_name}`,
    ...record,
    /** A family reads words; staff also see the code the returns use. */
    ethnicity: record.child.ethnicity
      ? family
        ? ethnicityLabel(record.child.ethnicity)
        : `${ethnicityLabel(record.child.ethnicity)} (DfE code ${record.child.ethnicity})`
      : 'Not recorded',
    showSchoolNumbers: !family,
    attendanceLabels: ATTENDANCE_LABELS,
    needLabels: PRIMARY_NEED_LABELS,
    planLabels: PLAN_STATUS_LABELS,
    backLink: ['parent', 'young-person'].includes(actor.role) ? paths.home : paths.children.list,
  };
}
