/**
 * The letters about a plan, read and sent (issue 12 item 2; docs/reviews.md "Letters"). Reading: the letter's page,
 * PDF and Word document, for the authority's casework staff, the child's family (a parent or young-person grant) and
 * a professional whose organisation was sent it; anyone else is told it does not exist (404, audited). Sending
 * (`sendPlanLetter`, called by the reviews, ceasing and amendments features inside the decision's own transaction):
 * an email to the family with the letter's link, an item in the inbox of each organisation the law names (a review's
 * decision: the head of the child's school or setting, S1; a decision to cease: the institution the plan names and
 * the health commissioning body, reg 31(2); the amended plan: the same, reg 22(3); considering whether to cease: the
 * institution the plan names, consulted, reg 31(1)), a line in the child's history and an audit entry.
 */
import { longDate as longDateOf } from '../../domain/calendar.ts';
import {
  auditContext,
  canSeeChild,
  isUuid,
  seesAllChildren,
  type Actor,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import type { InboxReason } from '../../platform/db/schema/index.ts';
import { blocksDocx, blocksPdf, type Block } from '../../platform/documents/documents.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { LETTER_LINES, queueNotification } from '../../platform/notify/notify.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import {
  childNames,
  organisationAccounts,
  organisationNames,
  organisationOfUser,
} from '../../platform/people/organisations.ts';
import { familyContactsFor, recipientsFor } from '../../platform/people/recipients.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import {
  isPlanLetterKind,
  letterView,
  PLAN_LETTER_LABELS,
  type PlanLetterFacts,
  type PlanLetterKind,
} from './letters.ts';
import { noticeBlocks, withSurvey } from './notice.ts';
import { insertLetterInboxItem, letterInboxItem, letterRecipientsOf, markLetterRead } from './store.ts';
import { organisationFor } from './told.ts';

/** The facts of a letter, from the feature that owns its record (the composition root wires it). */
export type LetterFactsOf = (
  db: Executor,
  laCode: string,
  kind: PlanLetterKind,
  recordId: string,
) => Promise<PlanLetterFacts | undefined>;

/**
 * The survey's invitation in a milestone's letter (the register's, given by the composition root; ADR 0057): the
 * paragraphs with the short address and code, from the history event the letter is about.
 */
export type SurveyInvitationOf = (
  db: Executor,
  laCode: string,
  milestone: {
    readonly childId: string;
    readonly kinds: readonly string[];
    readonly detail: Readonly<Record<string, string>>;
  },
) => Promise<readonly string[] | undefined>;

/** Which organisations each letter goes to, besides the family. */
const LETTER_WHO: Record<PlanLetterKind, readonly InboxReason[]> = {
  // S1: the decision is notified to the family and the head (reg 20; the council's pages).
  'review-decision': ['school'],
  // Reg 31(2): the family, the institution the plan names and the health commissioning body.
  'to-cease': ['named-setting', 'commissioner'],
  // Reg 22(4): the family.
  'not-to-amend': [],
  // Reg 15(4): the family.
  'transfer-in': [],
  // Reg 22(3): the family, the institution the plan names and the health commissioning body (S1).
  'amended-plan': ['named-setting', 'commissioner'],
  // Reg 31(1): the family and the head or principal of the institution the plan names are consulted.
  'considering-cease': ['named-setting'],
};

export const LETTER_TEMPLATES = {
  'plan-letter-to-family': {
    subject: '((letter)): ((child))',
    body: 'Hello ((name)),\n\n((council)) has sent you a letter about ((child)): ((letter)), dated ((date)).\n\nRead it, with what you can do if you disagree, when you sign in to Goldthread: ((link))\n\nYou can also download it as a PDF or Word document from that page.',
  },
  // To a family member with parental responsibility and no account (ADR 0048), by email or by post: the letter in
  // full (they cannot sign in to read it), and who to contact.
  'plan-letter-in-full': {
    subject: '((letter)): ((child))',
    body: 'Dear ((name)),\n\n((council)) has sent you this letter about ((child)). You do not need a Goldthread account: the whole letter is below.\n\n((text))\n\nQuestions, or to reply: contact ((contact)) by email or phone, or write to them at the address at the top of this letter, quoting reference ((reference)).',
  },
  'plan-letter-to-organisation': {
    subject: '((letter)): ((child))',
    body: 'Hello,\n\n((council)) has sent a letter about ((child)) (reference ((reference))): ((letter)), dated ((date)).\n\nYou are told because ((why))\n\nWhat happens next: sign in to Goldthread to read it in ((organisation))’s inbox.',
  },
} as const;

const WHY: Record<InboxReason, string> = {
  commissioner:
    'you are the health commissioning body for this child or young person, and the law says you must be told.',
  'social-care': 'the law says the council’s social care service must be told.',
  school:
    'the child or young person attends your school or setting, and the head must be told of the review’s decision.',
  'named-setting': 'the plan names your school or setting, and the law says you must be told.',
};

/** Why an organisation is sent a letter, where the letter asks more of it than being told. */
const WHY_OF_KIND: Partial<Record<PlanLetterKind, Partial<Record<InboxReason, string>>>> = {
  'considering-cease': {
    'named-setting':
      'the plan names your school or setting, and the law says the council must ask the head or principal what they think before it decides (SEND Regulations 2014, reg 31(1)). Reply to the officer named in the letter.',
  },
};

export interface LetterToSend {
  readonly kind: PlanLetterKind;
  readonly recordId: string;
  readonly childId: string;
  readonly planId: string;
  readonly date: string;
  /** The setting the plan names (section I), for a decision to cease. */
  readonly namedSettingId?: string | null;
  /**
   * The family's one email about the decision, from the feature that made it, instead of the plain letter's email
   * (an amended plan's names what changed and the appeal date): its template is given the family member's `name` and
   * the letter's `link` besides these.
   */
  readonly familyEmail?: { readonly template: string; readonly personalisation: Record<string, string> };
  /**
   * The letter's facts (its owner's, as the letter's page reads them): given, each family member with parental
   * responsibility and no account is sent the letter in full, by email or by post (familyContactsFor, ADR 0048),
   * instead of an email that asks them to sign in.
   */
  readonly facts?: PlanLetterFacts;
}

/** A letter's blocks as the plain text of a message: headings on their own lines, paragraphs apart. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === 'li' ? `* ${b.text}` : b.kind === 'p' ? b.text : `# ${b.text}`))
    .join('\n\n');
}

/** Who a family member without an account contacts about a child: the child's officer, or else the SEND team. */
export async function familyContactLine(db: Executor, laCode: string, childId: string): Promise<string> {
  const child = (await childrenForReviews(db, laCode, [childId])).get(childId);
  const officer = child?.leadOfficerId ? await userWithTeam(db, laCode, child.leadOfficerId) : undefined;
  const team = await authoritySettings(db, laCode);
  const phone = team.teamPhone ? `, phone ${team.teamPhone}` : '';
  return officer?.active
    ? `${officer.display_name} at ${team.name} (email ${officer.email}${phone})`
    : `the SEND team at ${team.name} (email ${team.teamEmail}${phone})`;
}

/** The letter's view from its facts, as its page shows it (undefined when the facts do not make the letter). */
async function viewOf(
  trx: Executor,
  laCode: string,
  kind: PlanLetterKind,
  facts: PlanLetterFacts,
  told: readonly string[],
) {
  const settings = await authoritySettings(trx, laCode);
  const child = (await childrenForReviews(trx, laCode, [facts.childId])).get(facts.childId);
  const name = (await childNames(trx, laCode, [facts.childId])).get(facts.childId);
  if (!child || !name) return undefined;
  const officer = child.leadOfficerId ? await userWithTeam(trx, laCode, child.leadOfficerId) : undefined;
  const view = letterView(
    kind,
    facts,
    {
      givenName: name.given_name,
      familyName: name.family_name,
      preferredName: null,
      reference: name.reference,
      dateOfBirth: child.dateOfBirth,
      officerName: officer?.display_name ?? null,
      officerEmail: officer?.email ?? null,
    },
    settings,
    told,
  );
  return view && { view, reference: name.reference };
}

/**
 * Sends a letter in the caller's transaction: the family's email (one to each, with the letter's link: the plain
 * letter's, or the deciding feature's own), the organisations' inbox and email, the child's history, the audit log.
 * Sending the same letter again tells no organisation twice.
 */
export async function sendPlanLetter(
  ctx: { readonly trx: Executor; readonly actor: Actor; readonly jobs: Jobs },
  letter: LetterToSend,
): Promise<void> {
  const { trx, actor } = ctx;
  const laCode = actor.laCode;
  const settings = await authoritySettings(trx, laCode);
  const child = (await childNames(trx, laCode, [letter.childId])).get(letter.childId);
  const childName = child ? `${child.given_name} ${child.family_name}` : 'your child';
  const label = PLAN_LETTER_LABELS[letter.kind];
  const link = paths.notices.letter(letter.kind, letter.recordId);
  const contacts = letter.facts ? await familyContactsFor(trx, laCode, letter.childId) : [];
  const family = letter.facts
    ? contacts.flatMap((c) =>
        c.route === 'account' ? [{ email: c.email, name: c.name, userId: c.userId }] : [],
      )
    : await recipientsFor(trx, laCode, letter.childId, { family: true, unlinkedFamily: true });
  for (const p of family)
    await queueNotification(trx, ctx.jobs, {
      laCode,
      channel: 'email',
      recipient: p.email,
      ...(letter.familyEmail
        ? {
            template: letter.familyEmail.template,
            personalisation: { ...letter.familyEmail.personalisation, name: p.name ?? 'there', link },
          }
        : {
            template: 'plan-letter-to-family',
            personalisation: {
              name: p.name ?? 'there',
              council: settings.name,
              child: child?.given_name ?? childName,
              letter: label,
              date: longDateOf(letter.date),
              link,
            },
          }),
      childId: letter.childId,
      userId: p.userId,
    });
  const told: Array<{ organisationId: string; reason: InboxReason; email: string | null }> = [];
  for (const reason of LETTER_WHO[letter.kind]) {
    const r = await organisationFor(trx, laCode, reason, {
      childId: letter.childId,
      namedSettingId: letter.namedSettingId ?? null,
    });
    if (!r || told.some((t) => t.organisationId === r.organisationId)) continue;
    const added = await insertLetterInboxItem(trx, laCode, {
      organisationId: r.organisationId,
      childId: letter.childId,
      planId: letter.planId,
      kind: letter.kind,
      recordId: letter.recordId,
      letterDate: letter.date,
      reason,
      email: r.email,
    });
    if (added) told.push({ ...r, reason });
  }
  const names = await organisationNames(
    trx,
    laCode,
    told.map((t) => t.organisationId),
  );
  for (const t of told) {
    const emails = t.email
      ? [t.email]
      : (await organisationAccounts(trx, laCode, t.organisationId)).map((a) => a.email);
    for (const email of emails)
      await queueNotification(trx, ctx.jobs, {
        laCode,
        channel: 'email',
        recipient: email,
        template: 'plan-letter-to-organisation',
        personalisation: {
          council: settings.name,
          child: childName,
          reference: child?.reference ?? '',
          letter: label,
          date: longDateOf(letter.date),
          why: WHY_OF_KIND[letter.kind]?.[t.reason] ?? WHY[t.reason],
          organisation: names.get(t.organisationId) ?? 'your organisation',
        },
        childId: letter.childId,
      });
  }
  // The family members without an account: the letter in full, as its page shows it (with the organisations told).
  const unlinked = contacts.filter((c) => c.route !== 'account');
  const full =
    letter.facts && unlinked.length
      ? await viewOf(trx, laCode, letter.kind, letter.facts, [...names.values()])
      : undefined;
  if (full) {
    const contact = await familyContactLine(trx, laCode, letter.childId);
    const text = blocksText(noticeBlocks(full.view));
    for (const c of unlinked)
      await queueNotification(trx, ctx.jobs, {
        laCode,
        channel: c.route === 'post' ? 'letter' : 'email',
        recipient: c.route === 'post' ? c.address.join(LETTER_LINES) : c.email,
        template: 'plan-letter-in-full',
        personalisation: {
          name: c.name,
          council: settings.name,
          child: child?.given_name ?? childName,
          letter: label,
          text,
          contact,
          reference: full.reference,
        },
        childId: letter.childId,
      });
  }
  const to = [
    ...(family.length || full ? ['the family'] : []),
    ...told.map((t) => names.get(t.organisationId) ?? t.organisationId),
  ];
  await recordCaseEvent(
    { trx, actor },
    {
      childId: letter.childId,
      kind: 'letter.sent',
      summary: `${label} sent${to.length ? ` to ${to.join(', ')}` : ''}`,
      detail: { kind: letter.kind, recordId: letter.recordId, planId: letter.planId, link },
    },
  );
  await audit(trx, auditContext(actor), {
    action: 'notices.letter.sent',
    recordType: 'ehc_plan',
    recordId: letter.planId,
    childId: letter.childId,
    detail: {
      kind: letter.kind,
      recordId: letter.recordId,
      family: family.length + (full ? unlinked.length : 0),
      told: told.map((t) => ({ organisation: t.organisationId, reason: t.reason })),
    },
  });
}

function denied(actor: Actor, recordId: string): NotFoundError {
  return new NotFoundError('Not found', {
    ctx: auditContext(actor),
    entry: {
      action: 'notices.letter.read.denied',
      recordType: 'plan_letter',
      recordId: isUuid(recordId) ? recordId : null,
      outcome: 'denied',
    },
  });
}

export function createPlanLetters(
  deps: Pick<ServiceDeps, 'db'>,
  letterFacts: LetterFactsOf | undefined,
  surveyInvitation?: SurveyInvitationOf,
) {
  const { db } = deps;

  const letter = (actor: Actor, kind: string, recordId: string) =>
    db.transaction().execute(async (trx) => {
      if (!letterFacts || !isUuid(recordId) || !isPlanLetterKind(kind)) throw denied(actor, recordId);
      const facts = await letterFacts(trx, actor.laCode, kind, recordId);
      if (!facts) throw denied(actor, recordId);
      let item: { id: string; read_at: Date | string | null } | undefined;
      if (!seesAllChildren(actor)) {
        if (actor.role === 'parent' || actor.role === 'young-person') {
          if (!(await canSeeChild(trx, actor, facts.childId))) throw denied(actor, recordId);
        } else if (actor.role === 'professional') {
          const organisation = await organisationOfUser(trx, actor.laCode, actor.userId);
          item = organisation && (await letterInboxItem(trx, actor.laCode, organisation.id, kind, recordId));
          if (!item) throw denied(actor, recordId);
        } else throw denied(actor, recordId);
      }
      const told = await letterRecipientsOf(trx, actor.laCode, kind, recordId);
      const names = await organisationNames(
        trx,
        actor.laCode,
        told.map((t) => t.organisation_id),
      );
      const made = await viewOf(trx, actor.laCode, kind, facts, [...names.values()]);
      if (!made) throw denied(actor, recordId);
      // A review's decision is a milestone: the family (and staff) see the survey's invitation in it (ADR 0057).
      const survey =
        kind === 'review-decision' && actor.role !== 'professional'
          ? await surveyInvitation?.(trx, actor.laCode, {
              childId: facts.childId,
              kinds: ['letter.sent'],
              detail: { kind, recordId },
            })
          : undefined;
      const view = withSurvey(made.view, survey);
      const { reference } = made;
      if (item && !item.read_at) await markLetterRead(trx, actor.laCode, item.id, actor.userId);
      await audit(trx, auditContext(actor), {
        action: 'notices.letter.read',
        recordType: 'ehc_plan',
        recordId: facts.planId,
        childId: facts.childId,
        detail: { kind, recordId },
      });
      return { view, reference, staff: seesAllChildren(actor), childId: facts.childId };
    });

  return {
    letter,

    /** The letter as a PDF or Word document, with its file name. */
    async letterDocument(actor: Actor, kind: string, recordId: string, format: 'pdf' | 'docx') {
      const { view, reference } = await letter(actor, kind, recordId);
      const blocks = noticeBlocks(view);
      const meta = { subject: `${view.label}: ${reference}` };
      return {
        fileName: `Letter-${reference}-${kind}.${format}`,
        content: format === 'pdf' ? await blocksPdf(blocks, meta) : await blocksDocx(blocks, meta),
      };
    },
  };
}
