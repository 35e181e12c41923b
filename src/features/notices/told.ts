/**
 * Who is told of a decision (issue 10 item 6; journey-corrections.md J6; docs/rights.md). The family hears from the
 * journey itself; the organisations the regulations name get the decision in their Goldthread inbox and by email
 * through Notify, inside the decision's own transaction:
 *
 * - the decision whether or not to assess: the health commissioning body, social care, and the child's school or
 *   setting (reg 5(2): the decision, either way, goes to the persons of reg 4(2));
 * - the decision not to issue a plan: the health commissioning body (reg 10(2));
 * - the final plan: the setting it names and the health commissioning body (reg 13(2)).
 *
 * And, though it is not a decision, a request for an assessment: the same persons as the decision whether to assess
 * are told the council is considering whether an EHC needs assessment is necessary (reg 4(2)), with its own email.
 */
import { auditContext, type Actor } from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import type { InboxKind, InboxReason } from '../../platform/db/schema/index.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import {
  currentSettingOfChild,
  organisationAccounts,
  organisationNames,
  organisationOfSetting,
} from '../../platform/people/organisations.ts';
import { longDate } from '../../domain/calendar.ts';
import { NOTICE_LABELS } from './notice.ts';
import { insertInboxItem } from './store.ts';

export interface DecisionToTell {
  readonly caseId: string;
  readonly childId: string;
  readonly kind: InboxKind;
  /** The date of the decision ('YYYY-MM-DD'). */
  readonly date: string;
  /** The child's full name and reference, as the email gives them. */
  readonly childName: string;
  readonly reference: string;
  /** For a final plan: the setting on the register that section I names, if it names one. */
  readonly namedSettingId?: string | null | undefined;
  /** For a request being considered: the day the decision whether to assess is due (the clock's), if it has one. */
  readonly decisionDue?: string | null | undefined;
}

/** Why each organisation is told, in the email's words. */
const WHY: Record<InboxReason, string> = {
  commissioner:
    'you are the health commissioning body for this child or young person, and the law says you must be told.',
  'social-care':
    'the law says the council’s social care service must be told when the council considers whether to assess, and what it decides.',
  school: 'the child or young person attends your school or setting, and the law says you must be told.',
  'named-setting': 'the plan names your school or setting, and the law says you must be sent it.',
};

/** The organisations the law says are told of each decision (none for a decision that names none). */
const WHO: Partial<Record<InboxKind, readonly InboxReason[]>> = {
  'considering-assessment': ['commissioner', 'social-care', 'school'],
  'decision-to-assess': ['commissioner', 'social-care', 'school'],
  'not-to-assess': ['commissioner', 'social-care', 'school'],
  'not-to-issue': ['commissioner'],
  'final-plan': ['named-setting', 'commissioner'],
  // Reg 27 applies regs 11 to 14 to a reassessment: its amended plan goes where a final plan goes.
  'amended-plan': ['named-setting', 'commissioner'],
};

export const ORGANISATION_TEMPLATES = {
  'decision-sent-to-organisation': {
    subject: '((decision)): ((child))',
    body: 'Hello,\n\n((council)) has made a decision about ((child)) (reference ((reference))): ((decision)), on ((date)).\n\nYou are told because ((why))\n\nWhat happens next: sign in to Goldthread to read the decision notice in ((organisation))’s inbox.',
  },
  'assessment-request-sent-to-organisation': {
    subject: 'Considering whether an EHC needs assessment is necessary: ((child))',
    body: 'Hello,\n\n((council)) received a request for an education, health and care (EHC) needs assessment for ((child)) (reference ((reference))) on ((date)). The council is considering whether an EHC needs assessment is necessary. This is not yet a decision.\n\nYou are told because ((why))\n\nWhat happens next: ((next)) Sign in to Goldthread to read this notice in ((organisation))’s inbox.',
  },
} as const;

const CONSIDERING: InboxKind = 'considering-assessment';

/** What happens after a request, in the organisations' email. */
function nextAfterRequest(d: DecisionToTell): string {
  return d.decisionDue
    ? `the council must decide whether to assess by ${longDate(d.decisionDue)} (6 weeks from the request), and will tell you its decision.`
    : 'the council will decide whether to assess, and will tell you its decision.';
}

async function recipient(db: Executor, laCode: string, d: DecisionToTell, reason: InboxReason) {
  return organisationFor(db, laCode, reason, d);
}

/** The organisation told for this reason about this child (and the setting a plan names), if Goldthread knows it. */
export async function organisationFor(
  db: Executor,
  laCode: string,
  reason: InboxReason,
  d: { readonly childId: string; readonly namedSettingId?: string | null | undefined },
): Promise<{ organisationId: string; email: string | null } | undefined> {
  const settings = await authoritySettings(db, laCode);
  switch (reason) {
    case 'commissioner':
      return settings.commissioner.organisationId
        ? { organisationId: settings.commissioner.organisationId, email: settings.commissioner.email || null }
        : undefined;
    case 'social-care':
      return settings.socialCare.organisationId
        ? { organisationId: settings.socialCare.organisationId, email: settings.socialCare.email || null }
        : undefined;
    case 'school': {
      const setting = await currentSettingOfChild(db, laCode, d.childId);
      const org = setting && (await organisationOfSetting(db, laCode, setting.id));
      return org ? { organisationId: org.id, email: null } : undefined;
    }
    case 'named-setting': {
      const org = d.namedSettingId ? await organisationOfSetting(db, laCode, d.namedSettingId) : undefined;
      return org ? { organisationId: org.id, email: null } : undefined;
    }
  }
}

/**
 * Sends the decision to each organisation the law names that Goldthread knows: an inbox item, and an email to the
 * organisation's address for decisions (or else to each of its active accounts). Audited and written to the
 * child's history. Returns who was told.
 */
export async function tellOrganisations(
  ctx: { readonly trx: Executor; readonly actor: Actor; readonly jobs: Jobs },
  d: DecisionToTell,
): Promise<Array<{ organisationId: string; reason: InboxReason }>> {
  const { trx, actor } = ctx;
  const laCode = actor.laCode;
  const told: Array<{ organisationId: string; reason: InboxReason; email: string | null }> = [];
  for (const reason of WHO[d.kind] ?? []) {
    const r = await recipient(trx, laCode, d, reason);
    if (!r || told.some((t) => t.organisationId === r.organisationId)) continue;
    const added = await insertInboxItem(trx, laCode, {
      organisationId: r.organisationId,
      childId: d.childId,
      caseId: d.caseId,
      kind: d.kind,
      decisionDate: d.date,
      reason,
      email: r.email,
    });
    if (added) told.push({ ...r, reason });
  }
  if (!told.length) return [];
  const names = await organisationNames(
    trx,
    laCode,
    told.map((t) => t.organisationId),
  );
  const council = (await authoritySettings(trx, laCode)).name;
  for (const t of told) {
    const emails = t.email
      ? [t.email]
      : (await organisationAccounts(trx, laCode, t.organisationId)).map((a) => a.email);
    const common = {
      council,
      child: d.childName,
      reference: d.reference,
      date: longDate(d.date),
      why: WHY[t.reason],
      organisation: names.get(t.organisationId) ?? 'your organisation',
    };
    for (const email of emails)
      await queueNotification(
        trx,
        ctx.jobs,
        d.kind === CONSIDERING
          ? {
              laCode,
              channel: 'email',
              recipient: email,
              template: 'assessment-request-sent-to-organisation',
              personalisation: { ...common, next: nextAfterRequest(d) },
              childId: d.childId,
            }
          : {
              laCode,
              channel: 'email',
              recipient: email,
              template: 'decision-sent-to-organisation',
              personalisation: { ...common, decision: NOTICE_LABELS[d.kind] },
              childId: d.childId,
            },
      );
  }
  const list = told.map((t) => names.get(t.organisationId) ?? t.organisationId).join(', ');
  await recordCaseEvent(
    { trx, actor },
    {
      childId: d.childId,
      kind: d.kind === CONSIDERING ? 'assessment-request.sent' : 'decision.sent',
      summary:
        d.kind === CONSIDERING
          ? `Told ${list} that the council is considering whether an EHC needs assessment is necessary`
          : `${NOTICE_LABELS[d.kind]} sent to ${list}`,
      detail: { caseId: d.caseId, kind: d.kind, organisations: told.map((t) => t.organisationId) },
    },
  );
  await audit(trx, auditContext(actor), {
    action: 'notices.sent',
    recordType: 'assessment_case',
    recordId: d.caseId,
    childId: d.childId,
    detail: { kind: d.kind, told: told.map((t) => ({ organisation: t.organisationId, reason: t.reason })) },
  });
  return told.map(({ organisationId, reason }) => ({ organisationId, reason }));
}
