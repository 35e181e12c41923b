/**
 * The voices before a review meeting (issue 12 items 2 and 7; docs/reviews.md): the family's views and the child's
 * or young person's own views, and advice asked of professionals, due when it must be sent round (2 weeks before the
 * meeting, the clock's date through src/domain/review).
 *
 * Access. Views: only a parent or young person account linked to the child (a live grant) writes them; a young
 * person writes their own views only; drafts are the author's alone; casework staff read what is sent; anyone else's
 * child answers 404 (audited), every other role 403. Advice: caseworkers and team managers ask; the professional asked
 * (and only they) answers; casework staff read every request; a professional may read the advice of others for the
 * same review, and the family the advice of their child's review, once the council has sent it round; the same for
 * a document attached to the advice (PDF, Word, OpenDocument text or text, checked as assessment advice's are), only
 * ever downloaded, each download audited. Every change is one transaction with an audit entry.
 */
import {
  auditChildrenShown,
  auditContext,
  authoriseChildRead,
  canSeeChild,
  CASEWORK_ROLES,
  grantKindFor,
  isUuid,
  requireRole,
  type Actor,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childrenForReviews, searchChildren, type ChildListRow } from '../../platform/people/children.ts';
import { childNames } from '../../platform/people/organisations.ts';
import { userWithTeam } from '../../platform/people/users.ts';
import { advisersForChild } from '../../platform/people/settings.ts';
import {
  checkAdviceAnswer,
  checkAdviceRequest,
  checkViews,
  preparingForAdulthood,
  reviewAdviceDue,
  reviewAdviceStatus,
  reviewPaperworkDates,
  reviewState,
  REVIEW_ADVICE_AGENCY_LABELS,
  viewQuestions,
  viewsAskedBy,
  viewsTiming,
  VIEW_ABOUTS,
  type ViewAbout,
  type ViewAnswers,
} from '../../domain/review/index.ts';
import { meetingRecordOf } from './meeting.ts';
import { ReviewFormError, factsOf } from './service.ts';
import { inviteesOf, meetingOf } from './store/meeting.ts';
import { reviewById, reviewsOf, type ReviewRow } from './store.ts';
import {
  adviceAsked,
  adviceById,
  adviceDocumentContent,
  adviceForProfessional,
  adviceOfReviews,
  answerAdvice,
  insertAdvice,
  nextDueOfChildren,
  openReviewsOfChildren,
  reportedReviewsOfChildren,
  saveView,
  viewOf,
  viewsOfReviews,
  type AdviceRow,
  type ViewRow,
} from './store/voices.ts';

export const VIEW_WRITERS: readonly Role[] = ['parent', 'young-person'];
export const ADVICE_ASKERS: readonly Role[] = ['caseworker', 'team-manager'];
export const ADVICE_READERS: readonly Role[] = [...CASEWORK_ROLES, 'professional'];
export const ADVICE_PAGE_SIZE = 25;

/** A view row's answers by question. */
export function answersOf(v: ViewRow): ViewAnswers {
  return {
    goingWell: v.going_well,
    hard: v.hard,
    changed: v.changed,
    next: v.next,
    future: v.future,
    meeting: v.meeting,
  };
}

/** Whether a review still takes views and advice: it has a meeting date and no decision yet. */
const stillOpen = (r: ReviewRow) => r.meeting_date !== null && r.decision === null;

/** Views may be given to a review that is not decided; the about must fit the role (a young person: their own). */
function checkAbout(actor: Actor, about: string): ViewAbout {
  const found = VIEW_ABOUTS.find((a) => a === about);
  if (!found || (actor.role === 'young-person' && found === 'family')) throw new NotFoundError();
  return found;
}

export function createReviewVoices(deps: ServiceDeps) {
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  async function reviewOf(db: Executor, actor: Actor, reviewId: string): Promise<ReviewRow> {
    if (!isUuid(reviewId)) throw new NotFoundError();
    const review = await reviewById(db, actor.laCode, reviewId);
    if (!review) throw new NotFoundError();
    return review;
  }

  async function childOf(db: Executor, actor: Actor, childId: string) {
    const name = (await childNames(db, actor.laCode, [childId])).get(childId);
    const [child] = (await childrenForReviews(db, actor.laCode, [childId])).values();
    return {
      name: name ? `${name.given_name} ${name.family_name}` : 'Unknown',
      givenName: name?.given_name ?? 'your child',
      reference: name?.reference ?? '',
      dateOfBirth: child?.dateOfBirth ?? null,
    };
  }

  /** A request the actor may see: the professional asked, or casework staff; 404 (audited) otherwise. */
  async function adviceFor(db: Executor, actor: Actor, adviceId: string, action: string): Promise<AdviceRow> {
    requireRole(actor, ADVICE_READERS, action);
    const row = isUuid(adviceId) ? await adviceById(db, actor.laCode, adviceId) : undefined;
    const mine = row && (actor.role !== 'professional' || row.professional_user_id === actor.userId);
    if (!row || !mine) {
      throw new NotFoundError('Not found', {
        ctx: auditContext(actor),
        entry: {
          action: `${action}.denied`,
          recordType: 'plan_review_advice',
          recordId: isUuid(adviceId) ? adviceId : null,
          outcome: 'denied',
        },
      });
    }
    await audit(db, auditContext(actor), {
      action,
      recordType: 'plan_review_advice',
      recordId: row.id,
      childId: row.child_id,
    });
    return row;
  }

  /** The advice of a review as its participants may read it: answered, and only once the council sent it round. */
  async function circulated(db: Executor, laCode: string, review: ReviewRow) {
    if (!review.advice_circulated) return [];
    const rows = (await adviceOfReviews(db, laCode, [review.id])).filter((a) => a.received !== null);
    return withNames(db, laCode, rows);
  }

  async function withNames(db: Executor, laCode: string, rows: readonly AdviceRow[]) {
    const names = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.professional_user_id))) {
      const u = await userWithTeam(db, laCode, id);
      names.set(id, u ? `${u.display_name}${u.team_name ? `, ${u.team_name}` : ''}` : 'Unknown');
    }
    return rows.map((r) => ({ ...r, professionalName: names.get(r.professional_user_id) ?? 'Unknown' }));
  }

  /** The meeting's record and who came, once the report has gone: what the family reads as the review report. */
  async function reportOf(db: Executor, laCode: string, review: ReviewRow) {
    if (!review.report_sent) return null;
    const meeting = await meetingOf(db, laCode, review.id);
    if (!meeting) return null;
    return { record: meetingRecordOf(meeting), invitees: await inviteesOf(db, laCode, [review.id]) };
  }

  function adviceView(a: AdviceRow, today: string) {
    return { ...a, ...reviewAdviceStatus(a.due, a.received, today) };
  }

  return {
    /**
     * The family's page for one review: the meeting, what is asked of them and by when (their views, and for a parent
     * their child's own), what they have sent, and the advice sent round.
     */
    async familyReview(actor: Actor, reviewId: string) {
      requireRole(actor, VIEW_WRITERS, 'review.family');
      const review = await reviewOf(deps.db, actor, reviewId);
      await authoriseChildRead(deps.db, actor, review.child_id, 'review.family.read');
      const child = await childOf(deps.db, actor, review.child_id);
      const mine = await viewsOfReviews(deps.db, actor.laCode, [review.id], { authorUserId: actor.userId });
      const abouts: ViewAbout[] = actor.role === 'young-person' ? ['child'] : ['family', 'child'];
      return {
        review,
        state: reviewState(factsOf(review)),
        open: stillOpen(review),
        child,
        askedBy: review.meeting_date ? viewsAskedBy(review.meeting_date) : null,
        forms: abouts.map((about) => {
          const v = mine.find((m) => m.about === about);
          return {
            about,
            status: v?.sent_on ? 'sent' : v ? 'draft' : 'not-started',
            sentOn: v?.sent_on ?? null,
          };
        }),
        advice: await circulated(deps.db, actor.laCode, review),
        // the review report, once sent to everyone invited, and when the council must decide (4 weeks from the meeting)
        report: await reportOf(deps.db, actor.laCode, review),
        decisionDue: review.held && !review.decision ? reviewPaperworkDates(review.held).decision : null,
      };
    },

    /** The views form: the questions (easy read if asked for), the draft or what was sent. */
    async viewsForm(actor: Actor, reviewId: string, aboutParam: string, easyRead: boolean | null) {
      requireRole(actor, VIEW_WRITERS, 'review.views');
      const about = checkAbout(actor, aboutParam);
      const review = await reviewOf(deps.db, actor, reviewId);
      await authoriseChildRead(deps.db, actor, review.child_id, 'review.views.read');
      const child = await childOf(deps.db, actor, review.child_id);
      const view = await viewOf(deps.db, actor.laCode, review.id, actor.userId, about);
      const easy = easyRead ?? view?.easy_read ?? false;
      const adulthood = preparingForAdulthood(child.dateOfBirth, deps.today());
      return {
        review,
        about,
        child,
        easyRead: easy,
        adulthood,
        open: stillOpen(review),
        askedBy: review.meeting_date ? viewsAskedBy(review.meeting_date) : null,
        questions: viewQuestions(about, easy, adulthood),
        view: view ?? null,
        answers: view ? answersOf(view) : null,
        timing: view ? viewsTiming(view.sent_on, review.held ?? review.meeting_date) : null,
      };
    },

    /** Saves the draft, or saves and sends it (send: true): one transaction, audited; sent views never change. */
    async saveViews(
      actor: Actor,
      reviewId: string,
      aboutParam: string,
      input: {
        answers: Partial<Record<keyof ViewAnswers, string | null>>;
        easyRead: boolean;
        send: boolean;
        formToken?: string | undefined;
      },
    ): Promise<{ id: string | null }> {
      requireRole(actor, VIEW_WRITERS, 'review.views');
      const about = checkAbout(actor, aboutParam);
      const checked = checkViews(input.answers, input.send);
      if (!checked.ok) throw new ReviewFormError(checked.errors);
      return change(actor, async (ctx) => {
        const review = await reviewOf(ctx.trx, actor, reviewId);
        await authoriseChildRead(ctx.trx, actor, review.child_id, 'review.views');
        const made = await once(ctx, input.formToken, async () => {
          if (!stillOpen(review)) {
            throw new ReviewFormError([
              { field: 'goingWell', message: 'This review has finished, so views can no longer be sent' },
            ]);
          }
          const before = await viewOf(ctx.trx, actor.laCode, review.id, actor.userId, about);
          if (before?.sent_on) {
            throw new ReviewFormError([
              {
                field: 'goingWell',
                message: 'You have already sent these views. Contact your named officer to add to them',
              },
            ]);
          }
          const a = checked.answers;
          const row = await saveView(
            ctx.trx,
            {
              la_code: actor.laCode,
              review_id: review.id,
              plan_id: review.plan_id,
              child_id: review.child_id,
              about,
              author_user_id: actor.userId,
            },
            {
              going_well: a.goingWell,
              hard: a.hard,
              changed: a.changed,
              next: a.next,
              future: a.future,
              meeting: a.meeting,
              easy_read: input.easyRead,
            },
            input.send ? ctx.today : null,
          );
          await audit(ctx.trx, auditContext(actor), {
            action: input.send ? 'review.views.send' : 'review.views.save',
            recordType: 'plan_review_view',
            recordId: row.id,
            childId: review.child_id,
            detail: { reviewId: review.id, about, easyRead: input.easyRead },
          });
          return row.id;
        });
        return { id: made.resultId };
      });
    },

    /**
     * For a plan's reviews page (casework staff): each review's sent views (when sent, before the meeting or not)
     * and its advice requests with their status; the professionals who can be asked, for those who may ask.
     */
    async planVoices(actor: Actor, planId: string) {
      requireRole(actor, CASEWORK_ROLES, 'reviews.plan');
      if (!isUuid(planId)) throw new NotFoundError();
      const reviews = await reviewsOf(deps.db, actor.laCode, [planId]);
      const ids = reviews.map((r) => r.id);
      const views = await viewsOfReviews(deps.db, actor.laCode, ids, { sentOnly: true });
      const advice = await withNames(
        deps.db,
        actor.laCode,
        await adviceOfReviews(deps.db, actor.laCode, ids),
      );
      const today = deps.today();
      const byReview: Record<string, { views: unknown[]; advice: unknown[]; canAsk: boolean }> = {};
      for (const r of reviews) {
        byReview[r.id] = {
          canAsk: ADVICE_ASKERS.includes(actor.role) && r.held === null && r.meeting_date !== null,
          views: views
            .filter((v) => v.review_id === r.id)
            .map((v) => ({
              ...v,
              answers: answersOf(v),
              timing: viewsTiming(v.sent_on, r.held ?? r.meeting_date),
            })),
          advice: advice
            .filter((a) => a.review_id === r.id)
            .map((a) => ({
              ...a,
              agencyLabel: REVIEW_ADVICE_AGENCY_LABELS[a.agency],
              ...reviewAdviceStatus(a.due, a.received, today),
            })),
        };
      }
      return byReview;
    },

    /** The ask-for-advice page of an open review: the review, its due date for advice and who can be asked. */
    async adviceAskForm(actor: Actor, reviewId: string) {
      requireRole(actor, ADVICE_ASKERS, 'review.advice.request');
      const review = await reviewOf(deps.db, actor, reviewId);
      await authoriseChildRead(deps.db, actor, review.child_id, 'review.read');
      // School staff only at the child's own setting(s) (issue 18: every SENCO in the authority was offered).
      const professionals = await advisersForChild(deps.db, actor.laCode, review.child_id, deps.today());
      return {
        review,
        child: await childOf(deps.db, actor, review.child_id),
        open: review.held === null && review.meeting_date !== null,
        due: review.meeting_date ? reviewAdviceDue(review.meeting_date) : null,
        professionals,
        asked: await withNames(
          deps.db,
          actor.laCode,
          await adviceOfReviews(deps.db, actor.laCode, [review.id]),
        ),
      };
    },

    /** Asks a professional for advice for an open review, due when the advice must be sent round. */
    async requestAdvice(
      actor: Actor,
      reviewId: string,
      input: {
        agency: string | null;
        professionalId: string | null;
        question: string | null;
        formToken?: string | undefined;
      },
    ): Promise<{ id: string | null; planId: string }> {
      requireRole(actor, ADVICE_ASKERS, 'review.advice.request');
      const checked = checkAdviceRequest(input);
      if (!checked.ok) throw new ReviewFormError(checked.errors);
      return change(actor, async (ctx) => {
        const review = await reviewOf(ctx.trx, actor, reviewId);
        await authoriseChildRead(ctx.trx, actor, review.child_id, 'review.advice.request');
        const made = await once(ctx, input.formToken, async () => {
          if (review.held !== null || !review.meeting_date) {
            throw new ReviewFormError([
              { field: 'agency', message: 'Advice can only be asked for before the meeting is held' },
            ]);
          }
          const pro = isUuid(input.professionalId!)
            ? await userWithTeam(ctx.trx, actor.laCode, input.professionalId!)
            : undefined;
          const offered = await advisersForChild(ctx.trx, actor.laCode, review.child_id, ctx.today);
          if (!pro || !offered.some((o) => o.id === pro.id)) {
            throw new ReviewFormError([
              { field: 'professionalId', message: 'Select the professional to ask from the list' },
            ]);
          }
          if (await adviceAsked(ctx.trx, actor.laCode, review.id, pro.id, checked.agency)) {
            throw new ReviewFormError([
              {
                field: 'professionalId',
                message: `${pro.display_name} has already been asked for this advice`,
              },
            ]);
          }
          const row = await insertAdvice(ctx.trx, {
            la_code: actor.laCode,
            review_id: review.id,
            plan_id: review.plan_id,
            child_id: review.child_id,
            agency: checked.agency,
            professional_user_id: pro.id,
            question: checked.question,
            requested: ctx.today,
            due: reviewAdviceDue(review.meeting_date).date,
            requested_by: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.advice.request',
            recordType: 'plan_review_advice',
            recordId: row.id,
            childId: review.child_id,
            detail: { reviewId: review.id, agency: checked.agency, professional: pro.id, due: row.due },
          });
          return row.id;
        });
        return { id: made.resultId, planId: review.plan_id };
      });
    },

    /** One advice request: for the professional asked (with the form) or casework staff (reading). */
    async adviceTask(actor: Actor, adviceId: string) {
      const row = await adviceFor(deps.db, actor, adviceId, 'review.advice.read');
      const review = await reviewOf(deps.db, actor, row.review_id);
      const [named] = await withNames(deps.db, actor.laCode, [row]);
      const others = (await circulated(deps.db, actor.laCode, review)).filter((a) => a.id !== row.id);
      return {
        advice: named!,
        review,
        child: await childOf(deps.db, actor, row.child_id),
        due: review.meeting_date ? reviewAdviceDue(review.meeting_date) : null,
        ...reviewAdviceStatus(row.due, row.received, deps.today()),
        canAnswer: actor.role === 'professional' && row.received === null && stillOpen(review),
        others,
      };
    },

    /** The professional's advice: one transaction, audited; answered once. */
    async answerAdvice(
      actor: Actor,
      adviceId: string,
      input: {
        progress: string | null;
        working: string | null;
        notWorking: string | null;
        changes: string | null;
        /** A document attached, already checked (the advice feature's checkAdviceDocument). */
        document?: { fileName: string; contentType: string; content: Uint8Array } | undefined;
        formToken?: string | undefined;
      },
    ): Promise<AdviceRow> {
      requireRole(actor, ['professional'], 'review.advice.answer');
      const checked = checkAdviceAnswer(input);
      if (!checked.ok) throw new ReviewFormError(checked.errors);
      return change(actor, async (ctx) => {
        const row = await adviceFor(ctx.trx, actor, adviceId, 'review.advice.answer');
        let answered: AdviceRow = row;
        await once(ctx, input.formToken, async () => {
          const review = await reviewOf(ctx.trx, actor, row.review_id);
          if (!stillOpen(review)) {
            throw new ReviewFormError([
              { field: 'progress', message: 'This review has been decided, so advice can no longer be sent' },
            ]);
          }
          const a = checked.answers;
          const updated = await answerAdvice(
            ctx.trx,
            actor.laCode,
            row.id,
            {
              progress: a.progress,
              working: a.working,
              not_working: a.notWorking,
              changes: a.changes,
              received: ctx.today,
              submitted_by: actor.userId,
            },
            input.document,
          );
          if (!updated) {
            throw new ReviewFormError([{ field: 'progress', message: 'This advice has already been sent' }]);
          }
          await audit(ctx.trx, auditContext(actor), {
            action: 'review.advice.answer',
            recordType: 'plan_review_advice',
            recordId: row.id,
            childId: row.child_id,
            detail: {
              reviewId: row.review_id,
              late: ctx.today > row.due,
              document: input.document
                ? { name: input.document.fileName, size: input.document.content.length }
                : null,
            },
          });
          answered = updated;
          return row.id;
        });
        return answered;
      });
    },

    /**
     * The document attached to review advice, to download: casework staff and the professional asked always; once the
     * council has sent the advice round, the child's family (a live grant) and the other professionals asked for
     * advice for the same review, as they read the advice itself. Anyone else, or advice with no document: 404, the
     * denial audited. The download is audited.
     */
    async adviceDocument(actor: Actor, adviceId: string) {
      const row = isUuid(adviceId) ? await adviceById(deps.db, actor.laCode, adviceId) : undefined;
      const review = row ? await reviewById(deps.db, actor.laCode, row.review_id) : undefined;
      const sentRound = Boolean(review?.advice_circulated && row?.received);
      let may = false;
      if (row && review) {
        if (CASEWORK_ROLES.includes(actor.role)) may = true;
        else if (actor.role === 'professional')
          may =
            row.professional_user_id === actor.userId ||
            (sentRound &&
              (await adviceOfReviews(deps.db, actor.laCode, [review.id])).some(
                (a) => a.professional_user_id === actor.userId,
              ));
        else if (VIEW_WRITERS.includes(actor.role))
          may = sentRound && (await canSeeChild(deps.db, actor, row.child_id));
      }
      const content =
        may && row?.document_name ? await adviceDocumentContent(deps.db, actor.laCode, row.id) : undefined;
      if (!row || !content) {
        throw new NotFoundError('Not found', {
          ctx: auditContext(actor),
          entry: {
            action: 'review.advice.document.download.denied',
            recordType: 'plan_review_advice',
            recordId: isUuid(adviceId) ? adviceId : null,
            outcome: 'denied',
          },
        });
      }
      await audit(deps.db, auditContext(actor), {
        action: 'review.advice.document.download',
        recordType: 'plan_review_advice',
        recordId: row.id,
        childId: row.child_id,
        detail: { reviewId: row.review_id },
      });
      return { fileName: row.document_name!, content };
    },

    /**
     * A professional's review advice requests, waiting first, oldest due first (their first screen and their list);
     * the children shown are audited by the page that shows them.
     */
    async adviceRequestsFor(actor: Actor, page = 1, pageSize = ADVICE_PAGE_SIZE) {
      requireRole(actor, ['professional'], 'review.advice.list');
      const p = Math.max(1, Math.floor(page));
      const data = await adviceForProfessional(
        deps.db,
        actor.laCode,
        actor.userId,
        pageSize,
        (p - 1) * pageSize,
      );
      const reviews = await reviewsOf(deps.db, actor.laCode, [...new Set(data.rows.map((r) => r.plan_id))]);
      const names = await childNames(
        deps.db,
        actor.laCode,
        data.rows.map((r) => r.child_id),
      );
      const today = deps.today();
      return {
        ...data,
        page: p,
        pages: Math.max(1, Math.ceil(data.total / pageSize)),
        rows: data.rows.map((r) => {
          const name = names.get(r.child_id);
          return {
            ...adviceView(r, today),
            agencyLabel: REVIEW_ADVICE_AGENCY_LABELS[r.agency],
            childName: name ? `${name.given_name} ${name.family_name}` : 'Unknown',
            reference: name?.reference ?? '',
            meetingDate: reviews.find((v) => v.id === r.review_id)?.meeting_date ?? null,
          };
        }),
      };
    },

    /**
     * A family's first screen: for each linked child with a plan, the next review (the open review's meeting, or the
     * schedule's due date), what is asked of them (views) and by when, and what they have sent. `linked`: the
     * family's linked children when the caller has read them already (their first screen: one read, not one a
     * feature), in the list's order.
     */
    async familyReviews(actor: Actor, linked?: readonly ChildListRow[]) {
      requireRole(actor, VIEW_WRITERS, 'review.family');
      const kind = grantKindFor(actor.role)!;
      const rows = linked
        ? linked.filter((c) => c.plan_status === 'plan').slice(0, 50)
        : (
            await searchChildren(deps.db, {
              laCode: actor.laCode,
              grantedTo: { userId: actor.userId, kind },
              withPlan: true,
              page: 1,
              pageSize: 50,
            })
          ).rows;
      const childIds = rows.map((c) => c.id);
      const open = (await openReviewsOfChildren(deps.db, actor.laCode, childIds)).filter(stillOpen);
      const mine = await viewsOfReviews(
        deps.db,
        actor.laCode,
        open.map((r) => r.id),
        { authorUserId: actor.userId },
      );
      const due = await nextDueOfChildren(deps.db, actor.laCode, childIds);
      const reported = await reportedReviewsOfChildren(deps.db, actor.laCode, childIds);
      const abouts: ViewAbout[] = actor.role === 'young-person' ? ['child'] : ['family', 'child'];
      const today = deps.today();
      return rows.map((c) => {
        const review = open.find((r) => r.child_id === c.id) ?? null;
        return {
          child_id: c.id,
          childName: `${c.given_name} ${c.family_name}`,
          givenName: c.given_name,
          nextDue: due.find((d) => d.child_id === c.id)?.next_due ?? null,
          // the last review whose report has been sent: its report, its decision or when it is due
          lastReport: (() => {
            const r = reported.find((x) => x.child_id === c.id);
            if (!r?.held) return null;
            return {
              id: r.id,
              held: r.held,
              reportSent: r.report_sent!,
              decision: r.decision,
              decisionDate: r.decision_date,
              decisionDue: r.decision ? null : reviewPaperworkDates(r.held).decision,
            };
          })(),
          review: review
            ? {
                id: review.id,
                meetingDate: review.meeting_date,
                held: review.held,
                reportDue: review.held ? reviewPaperworkDates(review.held).report.date : null,
                askedBy: viewsAskedBy(review.meeting_date!),
                askedByPassed: viewsAskedBy(review.meeting_date!).date < today,
                forms: abouts.map((about) => {
                  const v = mine.find((m) => m.review_id === review.id && m.about === about);
                  return {
                    about,
                    status: v?.sent_on ? 'sent' : v ? 'draft' : 'not-started',
                    sentOn: v?.sent_on ?? null,
                  };
                }),
              }
            : null,
        };
      });
    },

    /** The children a professional's list showed, audited. */
    auditAdviceShown: (actor: Actor, page: string, rows: readonly { child_id: string }[]) =>
      auditChildrenShown(
        deps.db,
        actor,
        'review.advice.list.read',
        page,
        rows.map((r) => r.child_id),
      ),
  };
}

export type ReviewVoices = ReturnType<typeof createReviewVoices>;
