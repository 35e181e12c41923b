/**
 * Invitations to a review meeting (ADR 0015; docs/reviews.md): everyone the review could invite (the family, the
 * setting's staff, health, social care, the lead officer, other professionals), the invitations recorded with the day
 * (the first move the review to arranged), each person emailed, and advice asked of the professionals invited in the
 * same step (reg 20(4), 21(4)).
 */
import { auditContext, type Actor } from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { queueNotification } from '../../platform/notify/notify.ts';
import { authoritySettings } from '../../platform/people/authority-settings.ts';
import { childrenForReviews } from '../../platform/people/children.ts';
import {
  childNames,
  organisationAccounts,
  professionalAccounts,
} from '../../platform/people/organisations.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';
import { settingStaff } from '../../platform/people/settings.ts';
import { authorityOf, userWithTeam } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import {
  checkArrange,
  checkInvitations,
  reviewAdviceDue,
  type InviteeKind,
  type Lateness,
  type ReviewAdviceAgency,
} from '../../domain/review/index.ts';
import { fullName, notFound, reviewAccess } from './meeting.ts';
import { insertInvitees, inviteesOf, type InviteeRow } from './store/meeting.ts';
import { adviceAsked, insertAdvice } from './store/voices.ts';
import { refreshReviewSchedules } from './schedule.ts';
import { factsOf, ReviewFormError } from './service.ts';
import { updateReview, type ReviewRow } from './store.ts';

/** One person who may be invited, as the form offers them: the key is what the form sends back. */
export interface Candidate {
  readonly key: string;
  readonly kind: InviteeKind;
  readonly userId: string | null;
  readonly name: string;
  readonly email: string;
  readonly detail: string;
  /** One of the people the regulations name for this child (family, setting, health, social care, officer). */
  readonly main: boolean;
}

const KIND_OF_ORGANISATION: Readonly<Record<string, InviteeKind>> = {
  health: 'health',
  'social-care': 'social-care',
  school: 'setting',
  'local-authority': 'authority',
};

/** The kind of advice each kind of invitee is asked for (the family gives views, not advice). */
const ADVICE_AGENCY_OF_INVITEE: Readonly<Partial<Record<InviteeKind, ReviewAdviceAgency>>> = {
  setting: 'setting',
  health: 'health',
  'social-care': 'social-care',
  // a professional of the council (an educational psychologist, say): the lead officer, a caseworker, is no professional
  authority: 'other',
  other: 'other',
};

/**
 * Emails each person invited a message about the review meeting on `meetingDate`, through the outbox: the invitation,
 * or the meeting moved (with `extra` fields for its template).
 */
export async function emailInvitees(
  ctx: ChangeContext,
  review: ReviewRow,
  people: readonly { readonly email: string; readonly name: string; readonly user_id: string | null }[],
  template: 'review-invitation' | 'review-rescheduled',
  meetingDate: string,
  extra: Readonly<Record<string, string>> = {},
): Promise<void> {
  const { laCode } = ctx.actor;
  const name = (await childNames(ctx.trx, laCode, [review.child_id])).get(review.child_id);
  const council = (await authorityOf(ctx.trx, laCode))?.name ?? 'The council';
  for (const p of people) {
    await queueNotification(ctx.trx, ctx.jobs, {
      laCode,
      channel: 'email',
      recipient: p.email,
      template,
      personalisation: {
        name: p.name,
        child: fullName(name),
        date: longDate(meetingDate),
        council,
        link: paths.reviews.meeting(review.id),
        ...extra,
      },
      childId: review.child_id,
      userId: p.user_id,
    });
  }
}

/** Everyone the review could invite: the family, the setting's staff, health, social care, officers, others. */
export async function candidatesFor(trx: Executor, laCode: string, review: ReviewRow): Promise<Candidate[]> {
  const out: Candidate[] = [];
  let main = true;
  const add = (kind: InviteeKind, userId: string | null, name: string, email: string, detail: string) => {
    if (!email || out.some((c) => c.email.toLowerCase() === email.toLowerCase())) return;
    out.push({ key: `${kind}:${userId ?? email.toLowerCase()}`, kind, userId, name, email, detail, main });
  };
  for (const r of await recipientsFor(trx, laCode, review.child_id, {
    family: true,
    unlinkedFamily: true,
  })) {
    add(
      'family',
      r.userId,
      r.name ?? r.email,
      r.email,
      r.kind === 'young-person' ? 'Young person' : 'Parent or carer',
    );
  }
  const child = (await childrenForReviews(trx, laCode, [review.child_id])).get(review.child_id);
  if (child?.setting) {
    for (const s of await settingStaff(trx, laCode, child.setting.id)) {
      add('setting', s.id, s.display_name, s.email, child.setting.name);
    }
  }
  // a dual placement: the other school's staff too
  for (const id of child?.otherSettingIds ?? []) {
    for (const s of await settingStaff(trx, laCode, id)) {
      add('setting', s.id, s.display_name, s.email, "The child's other school (dual registration)");
    }
  }
  const settings = await authoritySettings(trx, laCode);
  for (const [kind, org] of [
    ['health', settings.commissioner],
    ['social-care', settings.socialCare],
  ] as const) {
    if (org.organisationId) {
      for (const a of await organisationAccounts(trx, laCode, org.organisationId)) {
        add(
          kind,
          a.id,
          a.email,
          a.email,
          kind === 'health' ? 'Named by the health commissioner' : 'Social care',
        );
      }
    }
  }
  const lead = child?.leadOfficerId ? await userWithTeam(trx, laCode, child.leadOfficerId) : undefined;
  if (lead?.active) add('authority', lead.id, lead.display_name, lead.email, 'Lead officer');
  main = false;
  for (const p of await professionalAccounts(trx, laCode)) {
    add(
      KIND_OF_ORGANISATION[p.kind] ?? 'other',
      p.id,
      p.display_name,
      p.email,
      p.job_title ? `${p.job_title}, ${p.organisation}` : p.organisation,
    );
  }
  return out;
}

/**
 * Advice asked of the professionals invited, in the invitation's step (reg 20(4), 21(4)): each invitee with an
 * active professional account (the setting's staff, health, social care, others; not the family, the council's
 * officer or the person inviting) not yet asked for that kind of advice gets a request due when the advice must be
 * sent round, 2 weeks before the meeting. Each request audited as review.advice.request. Returns how many.
 */
async function askInviteesForAdvice(
  ctx: ChangeContext,
  review: ReviewRow,
  invitees: readonly InviteeRow[],
): Promise<number> {
  const { actor } = ctx;
  let asked = 0;
  const due = reviewAdviceDue(review.meeting_date!).date;
  for (const i of invitees) {
    const agency = ADVICE_AGENCY_OF_INVITEE[i.kind];
    if (!agency || !i.user_id || i.user_id === actor.userId) continue;
    const pro = await userWithTeam(ctx.trx, actor.laCode, i.user_id);
    if (!pro || pro.role !== 'professional' || !pro.active) continue;
    if (await adviceAsked(ctx.trx, actor.laCode, review.id, pro.id, agency)) continue;
    const row = await insertAdvice(ctx.trx, {
      la_code: actor.laCode,
      review_id: review.id,
      plan_id: review.plan_id,
      child_id: review.child_id,
      agency,
      professional_user_id: pro.id,
      question: '',
      requested: ctx.today,
      due,
      requested_by: actor.userId,
    });
    await audit(ctx.trx, auditContext(actor), {
      action: 'review.advice.request',
      recordType: 'plan_review_advice',
      recordId: row.id,
      childId: review.child_id,
      detail: { reviewId: review.id, agency, professional: pro.id, due, from: 'invitation' },
    });
    asked += 1;
  }
  return asked;
}

/** The people chosen from the candidates offered (refused if a key is not one of them), and anyone else named. */
function peopleToInvite(
  input: { keys: readonly string[]; other: { kind: string; name: string; email: string } | null },
  candidates: readonly Candidate[],
) {
  const chosen = input.keys.map((k) => candidates.find((c) => c.key === k));
  if (chosen.some((c) => c === undefined)) {
    throw new ReviewFormError([{ field: 'invitees', message: 'Select people from the list' }]);
  }
  return [
    ...(chosen as Candidate[]),
    ...(input.other
      ? [
          {
            ...input.other,
            kind: input.other.kind as InviteeKind,
            userId: null,
            email: input.other.email.trim(),
          },
        ]
      : []),
  ];
}

export function createMeetingInvitations(deps: ServiceDeps) {
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  return {
    /**
     * Invites the people chosen (keys of the candidates offered) and someone else named with an email, today: each
     * recorded with the day; the first invitations move the review to arranged (`checkArrange`); each invitee is sent
     * a message. Late invitations are accepted with the rule.
     */
    async invite(
      actor: Actor,
      reviewId: string,
      input: {
        keys: readonly string[];
        other: { kind: string; name: string; email: string } | null;
        /** Ask each professional invited (with an account, and not the one inviting) for advice, in the same step. */
        askAdvice?: boolean;
        formToken?: string | undefined;
      },
    ): Promise<{ invited: number; adviceAsked: number; warnings: readonly Lateness[] }> {
      return change(actor, async (ctx) => {
        const { review, canEdit } = await reviewAccess(ctx.trx, actor, reviewId, 'review.invite');
        if (!canEdit) throw notFound(actor, 'review.invite', reviewId);
        let out: { invited: number; adviceAsked: number; warnings: readonly Lateness[] } = {
          invited: 0,
          adviceAsked: 0,
          warnings: [],
        };
        await once(ctx, input.formToken, async () => {
          const already = await inviteesOf(ctx.trx, actor.laCode, [review.id]);
          const candidates = await candidatesFor(ctx.trx, actor.laCode, review);
          const people = peopleToInvite(input, candidates);
          const facts = factsOf(review);
          const checked = checkInvitations(
            facts,
            {
              invitees: people.map((p) => ({ kind: p.kind, name: p.name, email: p.email })),
              alreadyInvited: already.map((i) => i.email),
            },
            ctx.today,
          );
          if (!checked.ok) throw new ReviewFormError(checked.errors);
          const first = facts.invitationsSent === null;
          if (first) {
            const arranged = checkArrange(facts, { invitationsSent: ctx.today }, ctx.today);
            if (!arranged.ok) throw new ReviewFormError(arranged.errors);
            await updateReview(ctx.trx, actor.laCode, review.id, { invitations_sent: ctx.today });
          }
          const made = await insertInvitees(
            ctx.trx,
            people.map((p) => ({
              la_code: actor.laCode,
              review_id: review.id,
              child_id: review.child_id,
              kind: p.kind,
              user_id: p.userId,
              name: p.name.trim(),
              email: p.email.trim(),
              invited_on: ctx.today,
              invited_by: actor.userId,
            })),
          );
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.invite',
            recordType: 'plan_review',
            recordId: review.id,
            childId: review.child_id,
            detail: {
              planId: review.plan_id,
              invitees: made.map((m) => ({ id: m.id, kind: m.kind, userId: m.user_id })),
              arranged: first,
              late: checked.warnings.length > 0,
            },
          });
          await emailInvitees(ctx, review, made, 'review-invitation', review.meeting_date!);
          const adviceAsked = input.askAdvice
            ? await askInviteesForAdvice(ctx, review, [...already, ...made])
            : 0;
          await refreshReviewSchedules(ctx.trx, actor.laCode, ctx.today, [review.plan_id]);
          out = { invited: made.length, adviceAsked, warnings: checked.warnings };
          return review.id;
        });
        return out;
      });
    },
  };
}
