/** The register's pages as pure functions of what the service returned (no I/O): labels, items, links. */
import { checkboxItems, labelled, radioItems, selectItems } from '../../platform/web/items.ts';
import { paths, withQuery } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  ACTIONS,
  allowedActions,
  timeliness,
  CHANNEL_LABELS,
  ITEM_KINDS,
  KIND_LABELS,
  nextStageText,
  OMBUDSMAN,
  OUTCOME_LABELS,
  OUTCOMES,
  STAFF_CHANNELS,
  THEME_LABELS,
  THEMES,
  type Action,
  type ItemKind,
  type Theme,
} from '../../domain/register/index.ts';
import type { RegisterService } from './service.ts';
import { facts } from './items.ts';

export const ACTION_LABELS: Record<Action, string> = {
  acknowledge: 'Record the acknowledgement',
  answer: 'Record the answer',
  'stage-2': 'Record that the family asked for stage 2',
  'answer-stage-2': 'Record the stage 2 answer',
  ombudsman: 'Record a referral to the Ombudsman',
  withdraw: 'Record that it was withdrawn',
};

export const themeItems = (chosen: readonly string[]) =>
  checkboxItems(labelled(THEMES, THEME_LABELS), chosen);
export const kindLabel = (k: ItemKind) => KIND_LABELS[k];
export const themeLabel = (t: Theme) => THEME_LABELS[t];
const date = (iso: string | null | undefined) => (iso ? longDate(iso) : '');

type ListData = Awaited<ReturnType<RegisterService['list']>>;

export function listView(
  data: ListData,
  filters: {
    status?: string | undefined;
    kind?: string | undefined;
    theme?: string | undefined;
    from?: string | undefined;
    page: number;
  },
) {
  const href = (page: number) =>
    withQuery(paths.register.list, {
      status: filters.status,
      kind: filters.kind,
      theme: filters.theme,
      from: filters.from,
      page,
    });
  return {
    pageTitle: 'Register of what families raise',
    from: filters.from ? date(filters.from) : null,
    fromValue: filters.from ?? null,
    total: data.total,
    rows: data.rows.map((r) => ({
      href: paths.register.item(r.id),
      reference: r.reference,
      kind: r.kindLabel,
      received: date(r.received_on),
      state: r.stateLabel,
      due: r.due ? date(r.due.date) : '',
      overdue: r.overdue,
      owner: r.ownerName ?? 'Not yet assigned',
      themes: r.themes.map(themeLabel).join(', '),
    })),
    statusItems: selectItems(
      [
        { value: 'open', text: 'Open' },
        { value: 'overdue', text: 'Open and overdue' },
        { value: 'closed', text: 'Closed' },
      ],
      filters.status,
      { any: 'Any' },
    ),
    kindItems: selectItems(labelled(ITEM_KINDS, KIND_LABELS), filters.kind, { any: 'Any' }),
    themeItems: selectItems(labelled(THEMES, THEME_LABELS), filters.theme, { any: 'Any' }),
    page: filters.page,
    pages: data.pages,
    prev: filters.page > 1 ? href(filters.page - 1) : null,
    next: filters.page < data.pages ? href(filters.page + 1) : null,
  };
}

type ItemData = Awaited<ReturnType<RegisterService['familyItem']>>;

/** What the family is told (S12): acknowledgement, who handles it, the response date, next stage, the Ombudsman. */
export function familyItemView(data: ItemData, staff = false) {
  const i = data.item;
  const f = facts(i);
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  const factRows = [
    row('Reference', i.reference),
    row('Kind', i.kindLabel),
    row('Received', date(i.received_on)),
    row('Status', i.stateLabel),
    row('Acknowledged', date(i.acknowledged_on) || 'Not yet'),
    row('Who is handling it', data.ownerName ?? 'Not yet assigned'),
    ...(data.child ? [row('About', data.child.name)] : []),
    ...(i.due
      ? [row(staff ? 'Next date owed' : 'We will reply by', `${date(i.due.date)}. ${i.due.rule}`)]
      : []),
    ...(i.answered_on ? [row('Answered', date(i.answered_on))] : []),
    ...(i.stage2_answered_on ? [row('Answered at stage 2', date(i.stage2_answered_on))] : []),
  ];
  return {
    factRows,
    pageTitle: `${i.kindLabel} ${i.reference}`,
    backLink: paths.register.family,
    item: i,
    child: data.child,
    received: date(i.received_on),
    acknowledged: date(i.acknowledged_on),
    owner: data.ownerName,
    due: i.due ? { date: date(i.due.date), rule: i.due.rule } : null,
    answered: date(i.answered_on),
    stage2Answered: date(i.stage2_answered_on),
    nextStage: nextStageText(f),
    ombudsman: OMBUDSMAN,
    showOmbudsman: i.kind === 'complaint' || i.kind === 'provision-not-delivered',
    task: data.task ? { due: date(data.task.due_date), done: date(data.task.done_on) } : null,
  };
}

type StaffItemData = Awaited<ReturnType<RegisterService['item']>>;

export function itemView(data: StaffItemData, done?: string) {
  const i = data.item;
  const allowed = allowedActions(facts(i));
  return {
    ...familyItemView(data, true),
    backLink: paths.register.list,
    done,
    channel: CHANNEL_LABELS[i.channel],
    themes: data.themes.map(themeLabel),
    dates: i.dates,
    dateLabel: date,
    actions: ACTIONS.filter((a) => allowed.includes(a)).map((a) => ({
      text: ACTION_LABELS[a],
      href: paths.register.action(i.id, a),
    })),
    codeHref: paths.register.code(i.id),
    outcome: i.outcome ? OUTCOME_LABELS[i.outcome] : '',
    stage2Outcome: i.stage2_outcome ? OUTCOME_LABELS[i.stage2_outcome] : '',
    taskFull: data.task,
    answerStatus: answerStatus(i.answered_on, i.dates.answerBy, data.today),
    taskAction: paths.register.taskDone(i.id),
    childHref: data.child ? paths.children.show(data.child.id) : null,
  };
}

/** Whether the first answer was given by its date (the clock's met or late), for the dates list. */
function answerStatus(
  answeredOn: string | null,
  due: Parameters<typeof timeliness>[0] | null,
  today: string,
): string | null {
  if (!answeredOn || !due) return null;
  const t = timeliness(due, answeredOn, today);
  return t.status === 'met'
    ? `answered on ${date(answeredOn)}, on time`
    : `answered on ${date(answeredOn)}, ${t.daysLate} ${t.daysLate === 1 ? 'day' : 'days'} late`;
}

export const outcomeItems = (chosen: string | undefined) =>
  radioItems(labelled(OUTCOMES, OUTCOME_LABELS), chosen);
export const kindRadioItems = (
  kinds: readonly ItemKind[],
  chosen: string | undefined,
  labels = KIND_LABELS,
) => radioItems(labelled(kinds, labels), chosen);
export const channelItems = (chosen: string | undefined) =>
  radioItems(labelled(STAFF_CHANNELS, CHANNEL_LABELS), chosen);

type FamilyResolution = Awaited<ReturnType<RegisterService['familyResolutions']>>[number];

/** What happened at a disagreement resolution meeting, in the family's words. */
const FAMILY_OUTCOME: Record<FamilyResolution['outcome'], string> = {
  agreed: 'Everyone reached an agreement',
  'partly-agreed': 'Everyone agreed on some of it',
  'not-agreed': 'No agreement was reached',
  'not-held': 'The meeting did not take place',
};

/**
 * A family's disagreement resolution meetings, in plain English: when it was asked for, the meeting, what happened,
 * what was agreed, and what the council must do and by when, done or not (a Late tag once past its date).
 */
export function familyResolutionsView(rows: readonly FamilyResolution[]) {
  return rows.map((r) => ({
    id: r.id,
    heading: `${r.childName}: meeting asked for on ${date(r.requestedOn)}`,
    rows: [
      { key: { text: 'Who ran it' }, value: { text: r.provider } },
      {
        key: { text: 'Meeting' },
        value: { text: r.heldOn ? date(r.heldOn) : 'It did not take place' },
      },
      { key: { text: 'What happened' }, value: { text: FAMILY_OUTCOME[r.outcome] } },
      ...(r.agreement ? [{ key: { text: 'What was agreed' }, value: { text: r.agreement } }] : []),
    ],
    actions: r.obligations.map((o) => ({
      what: o.what,
      by: date(o.due),
      status:
        o.status === 'done'
          ? `Done on ${date(o.doneOn)}`
          : o.status === 'done-late'
            ? `Done on ${date(o.doneOn)}, after the date agreed`
            : o.status === 'overdue'
              ? 'Not done yet, and the date has passed'
              : 'Not done yet',
      tag:
        o.status === 'overdue'
          ? { text: 'Late', classes: 'govuk-tag--red' }
          : o.status === 'open'
            ? { text: 'To do', classes: 'govuk-tag--blue' }
            : { text: 'Done', classes: 'govuk-tag--green' },
    })),
  }));
}
