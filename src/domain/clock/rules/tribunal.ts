/**
 * S7 (statutory-work.md): mediation and the tribunal. D is the date the decision notice was sent; O the date of a
 * tribunal order; C the date the authority conceded (did not oppose) an appeal.
 */
import { withinMonths } from '../counting.ts';
import { formatDate, formatLong } from '../dates.ts';
import { appealLastDay, tribunalMoveSentence } from '../steps/appeal.ts';
import { addWorkingDayNumbers, closureSet, type TribunalMove } from '../working-days.ts';
import { ASSUMPTIONS } from './assumptions.ts';
import { day, ruleDate, type RuleDate } from './rule-date.ts';

/**
 * The last day for the family to contact the mediation adviser: D + 2 months. It does not move off a weekend, a
 * bank holiday, August or Christmas: reg 33 is in the Regulations, not the Tribunal's rules (D1). D = 2026-03-02
 * → 2026-05-02 (a Saturday).
 */
export function mediationContactBy(decisionSent: string): RuleDate {
  return ruleDate(
    withinMonths(day(decisionSent, 'decisionSent'), 2),
    'Contact the mediation adviser within 2 months of the decision notice (this date does not move for weekends or holidays)',
    'SEND Regulations 2014, reg 33',
  );
}

export interface AppealDeadline extends RuleDate {
  /** L: the later of D + 2 months and certificate + 1 month (HESC r20(1)(c)), before rule 12 moves it. */
  readonly outerDate: string;
  readonly moved: TribunalMove;
}

/**
 * The family's last day to appeal: L = the later of D + 2 months and (mediation certificate + 1 month), then HESC
 * r12: in August or 25 December to 1 January, the first working day after 31 August or 1 January; otherwise, on a
 * day that is not a working day, the next working day (D1). D = 2026-03-02 → 2026-05-05; certificate 2026-04-10 →
 * 2026-05-11; D = 2026-06-15 → 2026-09-01.
 */
export function appealDeadline(decisionSent: string, certificateIssued?: string | null): AppealDeadline {
  const d = day(decisionSent, 'decisionSent');
  const certificate = certificateIssued ? day(certificateIssued, 'certificateIssued') : null;
  const { l, last, moved } = appealLastDay(d, certificate);
  const base = ruleDate(
    last,
    `Appeal to the tribunal within 2 months of the decision, or 1 month of the mediation certificate if that is later (${formatLong(l)}).${tribunalMoveSentence(l, last, moved)}`,
    'Children and Families Act 2014, s51; Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, rules 20(1)(c) and 12',
  );
  return { ...base, outerDate: formatDate(l), moved };
}

function workingDaysAfter(date: string, name: string, n: number, closures?: Iterable<string>) {
  return addWorkingDayNumbers(day(date, name), n, closureSet(closures));
}

/** The mediation adviser issues a certificate within 3 working days of being told the family does not want mediation. */
export function certificateWhenNoMediation(toldAdviser: string): RuleDate {
  return ruleDate(
    workingDaysAfter(toldAdviser, 'toldAdviser', 3),
    'The mediation adviser must issue the certificate within 3 working days of the family saying they do not want mediation',
    'SEND Regulations 2014, reg 34 [S: IPSEA]',
  );
}

/** The authority tells the health commissioner of health mediation issues within 3 working days of being told. */
export function commissionerToldOfHealthIssues(authorityTold: string): RuleDate {
  return ruleDate(
    workingDaysAfter(authorityTold, 'authorityTold', 3),
    'Tell the health commissioning body within 3 working days of hearing that the family wants mediation about health provision',
    'SEND Regulations 2014, regs 36-37 [S: IPSEA]',
  );
}

/** Mediation is held within 30 days of the authority (or, for health only, the commissioner) being told. */
export function mediationHeldBy(told: string): RuleDate {
  return ruleDate(
    day(told, 'told') + 30,
    'Arrange for mediation to take place within 30 days of being told the family wants it',
    'SEND Regulations 2014, regs 37-39 [S: IPSEA]',
  );
}

/** The certificate within 3 working days of mediation ending, or of the 30 days passing without it. */
export function certificateAfterMediation(mediationEndedOrDeadlinePassed: string): RuleDate {
  return ruleDate(
    workingDaysAfter(mediationEndedOrDeadlinePassed, 'mediationEndedOrDeadlinePassed', 3),
    'The mediator must issue the certificate within 3 working days of the mediation (or of it not being arranged in time)',
    'SEND Regulations 2014, regs 38-39 [S: IPSEA]',
  );
}

/**
 * After a mediation agreement on `agreed`: on matters the family could not appeal, the authority (or commissioner)
 * must do what it agreed within 2 weeks (reg 42(3)); a commissioner not party to it tells the authority within 1
 * week (reg 42(4)). Agreements on appealable matters take the reg 44 periods as if they were tribunal orders:
 * use complianceAfterOrder.
 */
export function mediationAgreementDates(agreed: string): {
  nonAppealableMatters: RuleDate;
  commissionerTellsAuthority: RuleDate;
} {
  const a = day(agreed, 'agreed');
  return {
    nonAppealableMatters: ruleDate(
      a + 14,
      'Do what the mediation agreement says on matters that cannot be appealed within 2 weeks of the agreement',
      'SEND Regulations 2014, reg 42(3)',
    ),
    commissionerTellsAuthority: ruleDate(
      a + 7,
      'A health commissioner that made an agreement the authority was not party to must tell the authority within 1 week',
      'SEND Regulations 2014, reg 42(4)',
    ),
  };
}

/** What a tribunal order tells the authority to do. */
export type OrderKind =
  'cease-dismissed' | 'assess' | 'make-and-maintain' | 'amend' | 'change-school' | 'continue-to-maintain';

export const ORDER_KINDS: readonly OrderKind[] = [
  'cease-dismissed',
  'assess',
  'make-and-maintain',
  'amend',
  'change-school',
  'continue-to-maintain',
];

export interface ComplianceDate extends RuleDate {
  /** What must be done: 'notify', 'no-plan-decision', 'final-plan', 'draft-plan', 'amended-plan', 'cease', 'continue'. */
  readonly id: string;
}

const REG_44 = 'SEND Regulations 2014, reg 44(2) [S]';
const REG_45 = 'SEND Regulations 2014, reg 45';
const EXCEPTIONS_NOTE =
  ' The authority need not comply if exceptional personal circumstances or an absence of at least 2 weeks in the period make it impractical [S].';

/**
 * The authority's dates after a tribunal order on O, by the kind of order (reg 44(2) [S]). The orders to amend, to
 * change the school and to continue to maintain rest on working assumptions ([U], in assumptions.ts). An order to
 * make and maintain a plan on 2026-06-10 → draft by 2026-07-15, final by 2026-08-26.
 */
export function complianceAfterOrder(kind: OrderKind, orderDate: string): ComplianceDate[] {
  const o = day(orderDate, 'orderDate');
  const at = (
    id: string,
    d: number,
    rule: string,
    source = REG_44,
    assumption = null as RuleDate['assumption'],
  ) => ({
    id,
    ...ruleDate(d, rule, source, { assumption }),
  });
  switch (kind) {
    case 'cease-dismissed':
      return [
        at(
          'cease',
          o,
          'The appeal against ceasing the plan was dismissed: the authority may cease to maintain the plan immediately',
        ),
      ];
    case 'assess':
      return [
        at(
          'notify',
          o + 14,
          'Tell the family within 2 weeks of the order that the authority will assess.' + EXCEPTIONS_NOTE,
        ),
        at('no-plan-decision', o + 70, 'If no plan is needed, tell the family within 10 weeks of the order'),
        at('final-plan', o + 98, 'Issue the final plan within 14 weeks of the order'),
      ];
    case 'make-and-maintain':
      return [
        at('draft-plan', o + 35, 'Send the draft plan within 5 weeks of the order.' + EXCEPTIONS_NOTE),
        at('final-plan', o + 77, 'Issue the final plan within 11 weeks of the order'),
      ];
    case 'amend':
      return [
        at(
          'amended-plan',
          o + 35,
          'Issue the amended plan within 5 weeks of the order',
          REG_44,
          ASSUMPTIONS.orderToAmend,
        ),
      ];
    case 'change-school':
      return [
        at(
          'amended-plan',
          o + 14,
          'Issue the plan naming the school or institution the tribunal ordered within 2 weeks of the order',
          REG_44,
          ASSUMPTIONS.orderToChangeSchool,
        ),
      ];
    case 'continue-to-maintain':
      return [
        at('continue', o, 'Continue to maintain the plan immediately', REG_44, ASSUMPTIONS.orderToContinue),
      ];
  }
}

/** What the authority conceded when it did not oppose an appeal (reg 45). */
export type ConcessionKind = 'assess' | 'amend' | 'placement';

export const CONCESSION_KINDS: readonly ConcessionKind[] = ['assess', 'amend', 'placement'];

/**
 * The authority's dates after it told the tribunal on C that it would not oppose an appeal (reg 45 as substituted):
 * assessment: notify by C + 14, then no plan by C + 70 or final plan by C + 98; an amended plan by C + 35
 * (reg 45(4)); a placement-only appeal: 2 weeks [S].
 */
export function complianceAfterConcession(kind: ConcessionKind, concededOn: string): ComplianceDate[] {
  const c = day(concededOn, 'concededOn');
  switch (kind) {
    case 'assess':
      return [
        {
          id: 'notify',
          ...ruleDate(c + 14, 'Tell the family within 2 weeks that the authority will assess', REG_45),
        },
        {
          id: 'no-plan-decision',
          ...ruleDate(c + 70, 'If no plan is needed, tell the family within 10 weeks', REG_45),
        },
        { id: 'final-plan', ...ruleDate(c + 98, 'Issue the final plan within 14 weeks', REG_45) },
      ];
    case 'amend':
      return [
        {
          id: 'amended-plan',
          ...ruleDate(c + 35, 'Issue the amended plan within 5 weeks', 'SEND Regulations 2014, reg 45(4)'),
        },
      ];
    case 'placement':
      return [
        {
          id: 'amended-plan',
          ...ruleDate(
            c + 14,
            'Issue the plan naming the school or institution within 2 weeks',
            'SEND Regulations 2014, reg 45',
            { assumption: ASSUMPTIONS.placementConcession },
          ),
        },
      ];
  }
}

/**
 * A mediation agreement on matters the family could appeal (reg 42(2)): the authority must do what it agreed within
 * the periods reg 44 sets for the matching tribunal order, counted from the day of the agreement. Agreed on
 * 2026-06-10 to make and maintain a plan → draft by 2026-07-15, final by 2026-08-26.
 */
export function complianceAfterAgreement(kind: OrderKind, agreed: string): ComplianceDate[] {
  day(agreed, 'agreed');
  return complianceAfterOrder(kind, agreed).map((d) => ({
    ...d,
    rule: d.rule
      .replace(/of the order/g, 'of the mediation agreement')
      .replace(/the order\b/g, 'the mediation agreement')
      .replace('The appeal against ceasing the plan was dismissed', 'The family agreed the plan can cease'),
    source: `SEND Regulations 2014, reg 42(2), with the periods of ${d.source.replace('SEND Regulations 2014, ', '')}`,
  }));
}

/** Why an authority may be excused a date after an order or concession (reg 44(3), reg 45 [S]). */
export type ComplianceExceptionKind = 'personal-circumstances' | 'absence';

export const COMPLIANCE_EXCEPTION_KINDS: readonly ComplianceExceptionKind[] = [
  'personal-circumstances',
  'absence',
];

export interface ComplianceExceptionCheck {
  readonly qualifies: boolean;
  /** Days of the exception inside [start, due]. */
  readonly daysInside: number;
  /** Why it does or does not qualify, in words a caseworker can check. */
  readonly reason: string;
}

/**
 * Whether an exception can excuse the authority a compliance date whose period runs from `start` (the order,
 * concession or agreement) to `due` (reg 44(3), reg 45 [S: Surrey]): exceptional personal circumstances of the child
 * or family during the period, or the child or family being absent from the area for a continuous period of at least
 * 2 weeks in it. Like the assessment's exceptions (statutory-clock.md section 3), the clock checks only whether it
 * could have caused the delay; a caseworker confirms that it did. An exception excuses lateness; the duty stays "as
 * soon as practicable".
 */
export function complianceExceptionCheck(
  exception: { kind: ComplianceExceptionKind; from: string; to: string | null },
  start: string,
  due: string,
  asOf: string,
): ComplianceExceptionCheck {
  const s = day(start, 'start');
  const d = day(due, 'due');
  const from = day(exception.from, 'from');
  const to = exception.to ? day(exception.to, 'to') : day(asOf, 'asOf');
  const inside = Math.max(0, Math.min(to, d) - Math.max(from, s) + 1);
  const period = `${formatLong(s)} to ${formatLong(d)}`;
  if (inside === 0)
    return {
      qualifies: false,
      daysInside: 0,
      reason: `It does not fall within the period (${period}), so it cannot excuse this date (reg 44(3)).`,
    };
  if (exception.kind === 'absence' && inside < 14)
    return {
      qualifies: false,
      daysInside: inside,
      reason: `Only ${inside} ${inside === 1 ? 'day' : 'days'} of the absence fell within the period (${period}); the law needs at least 2 weeks (reg 44(3)).`,
    };
  return {
    qualifies: true,
    daysInside: inside,
    reason: `${inside} ${inside === 1 ? 'day' : 'days'} of it fell within the period (${period}). It excuses the date only once a caseworker confirms it made the date impractical; the authority must still act as soon as practicable (reg 44(3)).`,
  };
}
