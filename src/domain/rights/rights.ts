/**
 * The rights block (statutory-work.md, conventions; journey-corrections.md J4, J5): what every decision that can be
 * appealed must tell the family, per SEND Regulations 2014 reg 32 and the regulation of the decision (5(3), 10(3),
 * 14, 22(4), 31), in plain English. Pure: the caller passes the decision, its date and the authority's contacts;
 * the dates come from the clock's tribunal rules (HESC r12 for the appeal, reg 33 for the mediation adviser, which
 * does not roll).
 */
import { longDate } from '../calendar.ts';
import {
  appealDeadline,
  mediationContactBy,
  type AppealDeadline,
  type RuleDate,
} from '../clock/rules/index.ts';

/** Every decision that carries appeal rights. */
export const DECISION_KINDS = [
  'not-to-assess',
  'not-to-issue',
  'final-plan',
  'amended-plan',
  'not-to-amend',
  'to-cease',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_LABELS: Record<DecisionKind, string> = {
  'not-to-assess': 'Decision not to carry out an EHC needs assessment',
  'not-to-issue': 'Decision not to issue an EHC plan',
  'final-plan': 'Final EHC plan issued',
  'amended-plan': 'Amended EHC plan issued',
  'not-to-amend': 'Decision not to amend the EHC plan',
  'to-cease': 'Decision to stop maintaining the EHC plan',
};

/** Where each kind's duty to give the rights comes from. */
export const DECISION_SOURCES: Record<DecisionKind, string> = {
  'not-to-assess': 'SEND Regulations 2014, regs 5(3) and 32',
  'not-to-issue': 'SEND Regulations 2014, regs 10(3) and 32',
  'final-plan': 'SEND Regulations 2014, regs 14 and 32',
  'amended-plan': 'SEND Regulations 2014, regs 22 and 32; Children and Families Act 2014, s51(2)(c)',
  'not-to-amend': 'SEND Regulations 2014, regs 22(4) and 32',
  'to-cease': 'SEND Regulations 2014, regs 31 and 32',
};

/** The ten items of the rights block, in the order a letter gives them. */
export const RIGHTS_ITEMS = [
  'appeal-right',
  'appeal-deadline',
  'mediation-right',
  'certificate-needed',
  'mediation-adviser',
  'mediation-contact-by',
  'tell-authority',
  'authority-mediation-contact',
  'disagreement-resolution',
  'sendiass',
] as const;
export type RightsItem = (typeof RIGHTS_ITEMS)[number];

export const RIGHTS_ITEM_LABELS: Record<RightsItem, string> = {
  'appeal-right': 'the right to appeal and what can be appealed',
  'appeal-deadline': 'the last day to appeal',
  'mediation-right': 'the right to mediation',
  'certificate-needed': 'that a mediation certificate is needed before appealing',
  'mediation-adviser': "the mediation adviser's name and contact details",
  'mediation-contact-by': 'the last day to contact the mediation adviser',
  'tell-authority': 'telling the council about wanting mediation, the issues and any health provision',
  'authority-mediation-contact': "the council's contact for mediation",
  'disagreement-resolution': 'disagreement resolution services',
  sendiass: 'the SEND information, advice and support service (SENDIASS)',
};

/** A contact as the authority records it (its settings). */
export interface Contact {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly url?: string | undefined;
}

/** The contacts every rights block names, kept in the authority's settings by its administrator. */
export interface RightsContacts {
  readonly mediationAdviser: Contact;
  readonly authorityMediation: Contact;
  readonly disagreementResolution: Contact;
  readonly sendiass: Contact;
}

export const CONTACT_KINDS = [
  'mediationAdviser',
  'authorityMediation',
  'disagreementResolution',
  'sendiass',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_LABELS: Record<ContactKind, string> = {
  mediationAdviser: 'Mediation adviser',
  authorityMediation: "The council's contact for mediation",
  disagreementResolution: 'Disagreement resolution service',
  sendiass: 'SEND information, advice and support service (SENDIASS)',
};

/** The rights item each contact is named in. */
const CONTACT_ITEM: Record<ContactKind, RightsItem> = {
  mediationAdviser: 'mediation-adviser',
  authorityMediation: 'authority-mediation-contact',
  disagreementResolution: 'disagreement-resolution',
  sendiass: 'sendiass',
};

export interface RightsInput {
  readonly kind: DecisionKind;
  /** The date the decision notice is sent ('YYYY-MM-DD'). */
  readonly decisionSent: string;
  /** The mediation certificate's date, once the family has one. */
  readonly certificateIssued?: string | null | undefined;
  /** The child's or young person's first name, as the letter speaks of them. */
  readonly childName: string;
  readonly contacts: RightsContacts;
}

export interface RightsParagraph {
  readonly item: RightsItem;
  readonly text: string;
}

export interface RightsGroup {
  readonly heading: string;
  readonly paragraphs: readonly RightsParagraph[];
}

export interface RightsBlock {
  readonly kind: DecisionKind;
  readonly decisionSent: string;
  readonly appealBy: AppealDeadline;
  readonly mediationContactBy: RuleDate;
  readonly contacts: RightsContacts;
  /** The block as a letter gives it: headed groups of paragraphs, each paragraph one item. */
  readonly groups: readonly RightsGroup[];
}

/** What the family can appeal about, per decision. */
const WHAT_CAN_BE_APPEALED: Record<DecisionKind, (name: string) => string> = {
  'not-to-assess': (n) =>
    `You can appeal against our decision not to carry out an education, health and care (EHC) needs assessment for ${n}.`,
  'not-to-issue': (n) =>
    `You can appeal against our decision not to issue an education, health and care (EHC) plan for ${n} after the assessment.`,
  'final-plan': (n) =>
    `You can appeal about what ${n}'s EHC plan says about their special educational needs (section B), the special educational help they will get (section F), and the school, college or type of setting it names, or that it names none (section I).`,
  'amended-plan': (n) =>
    `You can appeal about what ${n}'s amended EHC plan says about their special educational needs (section B), the special educational help they will get (section F), and the school, college or type of setting it names, or that it names none (section I).`,
  'not-to-amend': (n) => `You can appeal against our decision not to change ${n}'s EHC plan.`,
  'to-cease': (n) =>
    `You can appeal against our decision to stop maintaining ${n}'s EHC plan. The plan stays in place until the time to appeal has ended or, if you appeal, until the appeal is decided.`,
};

/** Placement-only appeals (section I alone) need no mediation certificate: only plans name a placement. */
export function placementOnlyAppealPossible(kind: DecisionKind): boolean {
  return kind === 'final-plan' || kind === 'amended-plan';
}

function contactWords(c: Contact): string {
  const ways = [c.phone && `phone ${c.phone}`, c.email && `email ${c.email}`, c.url && `website ${c.url}`]
    .filter(Boolean)
    .join(', ');
  return ways ? `${c.name}: ${ways}` : c.name;
}

/** A contact is usable when it has a name and at least one way to reach it. */
export function contactComplete(c: Contact | undefined): boolean {
  return !!c && c.name.trim() !== '' && (c.phone.trim() !== '' || c.email.trim() !== '');
}

/** The contacts the authority has not completed yet (each is needed in every rights block). */
export function missingContacts(contacts: RightsContacts): ContactKind[] {
  return CONTACT_KINDS.filter((k) => !contactComplete(contacts[k]));
}

/** The full rights block for one decision. */
export function buildRightsBlock(input: RightsInput): RightsBlock {
  const { kind, decisionSent, childName: n, contacts } = input;
  const appealBy = appealDeadline(decisionSent, input.certificateIssued ?? null);
  const contactBy = mediationContactBy(decisionSent);
  const sent = longDate(decisionSent);
  const last = longDate(appealBy.date);
  const byDate = longDate(contactBy.date);
  const moved = appealBy.date !== appealBy.outerDate;
  const deadline = input.certificateIssued
    ? `The last day to appeal is ${last}. That is the later of 2 months from the date of this notice (${sent}) and 1 month from the date on your mediation certificate (${longDate(input.certificateIssued)}).`
    : `The last day to appeal is ${last}. That is 2 months from the date of this notice (${sent}). If your mediation certificate is dated less than 1 month before that day, you have until 1 month after the date on the certificate.`;
  const move = moved
    ? ` The tribunal's rules move the last day when it would fall in August, between 25 December and 1 January, or on a weekend or bank holiday: that is why it is ${last} and not ${longDate(appealBy.outerDate)}.`
    : '';
  const certificate = placementOnlyAppealPossible(kind)
    ? 'Before you can appeal you must contact the mediation adviser and get a mediation certificate, unless your appeal is only about the school, college or type of setting named in section I. You do not have to take part in mediation to get a certificate.'
    : 'Before you can appeal you must contact the mediation adviser and get a mediation certificate. You do not have to take part in mediation to get a certificate.';
  const mediation = `You have the right to mediation. Mediation is a meeting with an independent mediator to try to settle the disagreement with us. It is free, and you decide whether to go ahead with it.${
    placementOnlyAppealPossible(kind)
      ? ' Mediation can also cover the health and social care parts of the plan.'
      : ''
  }`;
  return {
    kind,
    decisionSent,
    appealBy,
    mediationContactBy: contactBy,
    contacts,
    groups: [
      {
        heading: 'Your right to appeal',
        paragraphs: [
          {
            item: 'appeal-right',
            text: `${WHAT_CAN_BE_APPEALED[kind](n)} Appeals go to the First-tier Tribunal (Special Educational Needs and Disability), which is independent of the council. You can find out how to appeal at www.gov.uk/appeal-ehc-plan-decision.`,
          },
          { item: 'appeal-deadline', text: `${deadline}${move}` },
          { item: 'certificate-needed', text: certificate },
        ],
      },
      {
        heading: 'Mediation',
        paragraphs: [
          { item: 'mediation-right', text: mediation },
          {
            item: 'mediation-adviser',
            text: `The mediation adviser is independent of the council. Contact ${contactWords(contacts.mediationAdviser)}.`,
          },
          {
            item: 'mediation-contact-by',
            text: `If you are thinking of appealing, contact the mediation adviser by ${byDate}. That is 2 months from the date of this notice. This date does not move for weekends or holidays.`,
          },
          {
            item: 'tell-authority',
            text: 'If you want mediation, tell us: say what you disagree with, and whether you also want to talk about health care (the health parts of the plan or the health help you want for them).',
          },
          {
            item: 'authority-mediation-contact',
            text: `Our contact for mediation is ${contactWords(contacts.authorityMediation)}.`,
          },
        ],
      },
      {
        heading: 'Disagreement resolution',
        paragraphs: [
          {
            item: 'disagreement-resolution',
            text: `Disagreement resolution is a free, independent service to help you settle a disagreement with us, a school or college, or health services. You can use it at any time, and using it does not affect your right to appeal. Contact ${contactWords(contacts.disagreementResolution)}.`,
          },
        ],
      },
      {
        heading: 'Free, independent advice',
        paragraphs: [
          {
            item: 'sendiass',
            text: `${contacts.sendiass.name} (the SEND information, advice and support service) gives free, impartial advice and support and is not part of the council. Contact ${contactWords(contacts.sendiass)}.`,
          },
        ],
      },
    ],
  };
}

/**
 * The items a rights block lacks: an item with no text, a date item that does not give its date, or a contact
 * item whose contact has no name or no way to reach it. A notice with any of these is not lawful (reg 32).
 */
export function missingRightsItems(block: RightsBlock): RightsItem[] {
  const texts = new Map<RightsItem, string>();
  for (const g of block.groups) for (const p of g.paragraphs) texts.set(p.item, p.text);
  const missing = new Set<RightsItem>();
  for (const item of RIGHTS_ITEMS) if (!texts.get(item)?.trim()) missing.add(item);
  if (!texts.get('appeal-deadline')?.includes(longDate(block.appealBy.date))) missing.add('appeal-deadline');
  if (!texts.get('mediation-contact-by')?.includes(longDate(block.mediationContactBy.date)))
    missing.add('mediation-contact-by');
  if (!/mediation certificate/.test(texts.get('certificate-needed') ?? '')) missing.add('certificate-needed');
  for (const k of CONTACT_KINDS) {
    const c = block.contacts[k];
    const text = texts.get(CONTACT_ITEM[k]) ?? '';
    if (!contactComplete(c) || !text.includes(c.name) || !(text.includes(c.phone) || text.includes(c.email)))
      missing.add(CONTACT_ITEM[k]);
  }
  return RIGHTS_ITEMS.filter((i) => missing.has(i));
}

/** The block as plain lines (heading, then its paragraphs), for messages and documents. */
export function rightsLines(block: RightsBlock): Array<{ heading: string; paragraphs: string[] }> {
  return block.groups.map((g) => ({ heading: g.heading, paragraphs: g.paragraphs.map((p) => p.text) }));
}
