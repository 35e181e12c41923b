/**
 * The consultation pages' view models: pure functions from what the service returned and what the user sent to
 * what the templates show (placement.njk, refuse.njk, list.njk, consultation.njk).
 */
import { dateInputValues, type FormErrors } from '../../platform/web/forms.ts';
import { radioItems, selectItems } from '../../platform/web/items.ts';
import { govukPagination } from '../../platform/web/pagination.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import {
  PREFERENCE_KIND_LABELS,
  PREFERENCE_KINDS,
  S39_GROUND_LABELS,
  S39_GROUNDS,
  S39_SOURCE,
  SETTING_TYPES,
  type ConsultationStatus,
} from '../../domain/placement/placement.ts';
import type { ConsultationService } from './service.ts';
import type { PlacementSummary } from './summary.ts';

type Result<S extends keyof ConsultationService> = Awaited<ReturnType<ConsultationService[S]>>;
type Values = Record<string, string>;

const STATUS_TAGS: Record<ConsultationStatus, { text: string; classes: string }> = {
  answered: { text: 'Answered', classes: 'govuk-tag--green' },
  waiting: { text: 'Waiting', classes: 'govuk-tag--blue' },
  late: { text: 'Past the 15 days', classes: 'govuk-tag--red' },
};

export const statusTag = (state: { status: ConsultationStatus; daysLate: number }) => ({
  text:
    state.status === 'late'
      ? `${STATUS_TAGS.late.text} (${state.daysLate} ${state.daysLate === 1 ? 'day' : 'days'})`
      : STATUS_TAGS[state.status].text,
  classes: STATUS_TAGS[state.status].classes,
});

const answerText = (c: { answer: string | null; groundLabel?: string | null; reasons: string | null }) =>
  c.answer === 'can-meet'
    ? 'Can meet the needs'
    : c.answer === 'cannot-meet'
      ? `Cannot: ${c.groundLabel ?? ''}`
      : 'No answer yet';

export const groundItems = (checked?: string) =>
  radioItems(
    S39_GROUNDS.map((g) => ({ value: g, text: S39_GROUND_LABELS[g] })),
    checked,
  );

export function placementView(
  data: Result<'casePage'>,
  values: Values,
  errors: FormErrors | undefined,
  formToken: string,
  done?: string,
) {
  const { kase, child, summary, register } = data;
  const consulted = new Set(summary.consultations.map((c) => c.setting_id));
  const registerOptions = register.map((s) => ({
    value: s.id,
    text: s.in_area
      ? `${s.name} (${s.phase})`
      : `${s.name} (${s.phase}, ${s.location_authority ?? 'out of area'})`,
  }));
  return {
    pageTitle: 'School or setting: preference and consultation',
    backLink: paths.assessments.case(kase.id),
    kase,
    child,
    canChange: data.canChange,
    done,
    values: { ...dateInputValues('received', data.today), ...values },
    errors,
    formToken,
    draftServed: kase.draft_served,
    finalIssued: kase.final_issued,
    preferences: summary.preferences.map((p) => ({
      ...p,
      refuseHref: paths.consultation.refuse(kase.id, p.id),
    })),
    consultations: summary.consultations.map((c) => ({
      ...c,
      href: paths.consultation.show(c.id),
      tag: statusTag(c.state),
      answerText: answerText(c),
    })),
    kindItems: radioItems(
      PREFERENCE_KINDS.map((k) => ({ value: k, text: PREFERENCE_KIND_LABELS[k] })),
      values.kind,
    ),
    settingItems: selectItems(registerOptions, values.settingId, { any: 'Choose a setting' }),
    typeItems: selectItems(
      SETTING_TYPES.map((t) => ({ value: t, text: t })),
      values.settingType,
      { any: 'Choose a type' },
    ),
    consultItems: selectItems(
      registerOptions.filter((o) => !consulted.has(o.value)),
      values.consultSettingId,
      { any: 'Choose a setting' },
    ),
    actions: {
      preference: paths.consultation.preference(kase.id),
      consult: paths.consultation.consult(kase.id),
    },
  };
}

/** The refusal page: the preference, the answers about it, and the ground and reasons form. */
function refusePage(
  page: {
    child: Result<'casePage'>['child'];
    summary: PlacementSummary;
    preferenceId: string;
    backLink: string;
    action: string;
  },
  values: Values,
  errors: FormErrors | undefined,
  formToken: string,
) {
  const preference = page.summary.preferences.find((p) => p.id === page.preferenceId);
  return {
    pageTitle: 'Record why the family’s preference will not be named',
    backLink: page.backLink,
    child: page.child,
    preference,
    answers: page.summary.consultations.filter(
      (c) => c.setting_id && c.setting_id === preference?.setting_id,
    ),
    values,
    errors,
    formToken,
    groundItems: groundItems(values.ground),
    source: S39_SOURCE,
    action: page.action,
  };
}

export function refuseView(
  data: Result<'casePage'>,
  preferenceId: string,
  values: Values,
  errors: FormErrors | undefined,
  formToken: string,
) {
  return refusePage(
    {
      child: data.child,
      summary: data.summary,
      preferenceId,
      backLink: paths.consultation.case(data.kase.id),
      action: paths.consultation.refuse(data.kase.id, preferenceId),
    },
    values,
    errors,
    formToken,
  );
}

/** The refusal page for a plan's preference: the same form, back to the plan's amendments. */
export function planRefuseView(
  data: Result<'planPreference'>,
  values: Values,
  errors: FormErrors | undefined,
  formToken: string,
) {
  return refusePage(
    {
      child: data.child,
      summary: data.summary,
      preferenceId: data.preference.id,
      backLink: paths.amendments.plan(data.plan.planId),
      action: paths.consultation.planRefuse(data.preference.id),
    },
    values,
    errors,
    formToken,
  );
}

export function schoolListView(data: Result<'forSchool'>) {
  return {
    pageTitle: 'Consultations waiting for your answer',
    data,
    rows: data.rows.map((r) => ({ ...r, href: paths.consultation.show(r.id), tag: statusTag(r.state) })),
    pagination: govukPagination(data.page, data.pages, (page) =>
      withQuery(paths.consultation.list, { page }),
    ),
  };
}

export function consultationView(
  data: Result<'show'>,
  values: Values,
  errors: FormErrors | undefined,
  formToken: string,
  answered?: boolean,
) {
  const { row, setting } = data;
  return {
    pageTitle: `Consultation: ${data.child.given_name} ${data.child.family_name}`,
    backLink: data.asSchool
      ? paths.consultation.list
      : row.case_id !== null
        ? paths.consultation.case(row.case_id)
        : paths.amendments.plan(row.plan_id!),
    data,
    answered,
    consulteeName:
      row.consultee === 'setting'
        ? setting.name
        : `${row.authority_name} (the authority maintaining ${setting.name})`,
    tag: statusTag(data.state),
    groundLabel: row.ground ? S39_GROUND_LABELS[row.ground] : null,
    draftHref: data.draft ? paths.consultation.draft(row.id) : null,
    values,
    errors,
    formToken,
    answerItems: radioItems(
      [
        { value: 'can-meet', text: 'We can meet the child’s needs' },
        { value: 'cannot-meet', text: 'We cannot: one of the legal grounds applies' },
      ],
      values.answer,
    ),
    groundItems: groundItems(values.ground),
    source: S39_SOURCE,
    action: paths.consultation.show(row.id),
  };
}
