/**
 * The review meeting's pages (ADR 0015): arranging a plan's next review (the authority or the school), one review's
 * meeting page (meeting date, invitations, the record, sending the report) and the review report.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid, type Actor } from '../../platform/access/access.ts';
import { newFormToken } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/web/app.ts';
import {
  arrayValue,
  handleForm,
  readDateInput,
  type FieldError,
  type FormErrors,
  type FormPage,
  type Parsed,
  fieldErrors,
} from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import {
  ATTENDANCE,
  ATTENDANCE_LABELS,
  CHANGE_SECTIONS,
  INVITEE_KIND_LABELS,
  INVITEE_KINDS,
  PERSPECTIVE_LABELS,
  PERSPECTIVES,
  PFA_TOPIC_LABELS,
  PFA_TOPICS,
  PROGRESS,
  PROGRESS_LABELS,
  REVIEW_ADVICE_AGENCY_LABELS,
  STATE_LABELS,
  type MeetingRecordInput,
  type Perspective,
} from '../../domain/review/index.ts';
import type { MeetingService } from './meeting.ts';
import { ReviewFormError } from './service.ts';

const SECTION_LABELS: Readonly<Record<(typeof CHANGE_SECTIONS)[number], string>> = {
  A: 'Section A: views, interests and aspirations',
  B: 'Section B: special educational needs',
  C: 'Section C: health care needs',
  D: 'Section D: social care needs',
  E: 'Section E: outcomes',
  F: 'Section F: special educational provision',
  G: 'Section G: health provision',
  H1: 'Section H1: social care provision (CSDPA 1970)',
  H2: 'Section H2: other social care provision',
  I: 'Section I: placement',
  J: 'Section J: personal budget',
};

const DATE_FIELDS = new Set(['meetingDate', 'held']);

/** The error summary for every error a rule gave, each linking to its field. */
function errorsOf(errors: FormErrors, error?: FieldError): FormErrors {
  return error instanceof ReviewFormError ? fieldErrors(error.errors, { dateFields: DATE_FIELDS }) : errors;
}

function dateOf(values: Record<string, string>, name: string, label: string): Parsed<string | null> {
  const r = readDateInput(values, name, label);
  const error = r.error ?? (r.value === undefined ? `Enter ${label.toLowerCase()}` : undefined);
  if (error)
    return {
      ok: false,
      errors: { list: [{ text: error, href: `#${name}-day` }], fields: { [name]: { text: error } } },
    };
  return { ok: true, data: r.value ?? null };
}

/** The meeting date's form. */
export function readMeetingDate(values: Record<string, string>) {
  const date = dateOf(values, 'meetingDate', 'The date of the review meeting');
  return date.ok
    ? { ok: true as const, data: { meetingDate: date.data, formToken: values.formToken } }
    : date;
}

/** The invitations' form: the people ticked, another person named (if any), and whether to ask for advice. */
export function readInvitations(values: Record<string, string>, selected: string[]) {
  const named = [values.otherName, values.otherEmail].some((v) => (v ?? '').trim());
  return {
    ok: true as const,
    data: {
      keys: selected,
      other: named
        ? { kind: values.otherKind || 'other', name: values.otherName ?? '', email: values.otherEmail ?? '' }
        : null,
      askAdvice: values.askAdvice === 'yes',
      formToken: values.formToken,
    },
  };
}

/** The meeting record's form: the date it was held, then the record. */
export function readMeetingRecord(values: Record<string, string>) {
  const held = dateOf(values, 'held', 'The date the meeting was held');
  if (!held.ok) return held;
  return { ok: true as const, data: { ...meetingInputOf(values, held.data), formToken: values.formToken } };
}

/** The meeting record's form values as the rules read them. */
export function meetingInputOf(values: Record<string, string>, held: string | null): MeetingRecordInput {
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  const attendance = pick('attendance-');
  const progress = pick('progress-');
  const notes = pick('progressNotes-');
  return {
    held,
    attendance,
    views: Object.fromEntries(
      PERSPECTIVES.map((p) => [
        p,
        { working: values[`working-${p}`] ?? '', notWorking: values[`notWorking-${p}`] ?? '' },
      ]),
    ) as Record<Perspective, { working: string; notWorking: string }>,
    progress: Object.fromEntries(
      [...new Set([...Object.keys(progress), ...Object.keys(notes)])].map((id) => [
        id,
        { progress: progress[id], notes: notes[id] ?? '' },
      ]),
    ),
    changes: Object.fromEntries(CHANGE_SECTIONS.map((s) => [s, values[`change-${s}`] ?? ''])),
    differences: values.differences ?? '',
    pfa: Object.fromEntries(PFA_TOPICS.map((t) => [t, values[`pfa-${t}`] ?? ''])),
  };
}

/** The labels the meeting's pages and the review report read (the family's review page too). */
export const MEETING_LABELS = {
  stateLabels: STATE_LABELS,
  kindLabels: INVITEE_KIND_LABELS,
  attendanceLabels: ATTENDANCE_LABELS,
  perspectiveLabels: PERSPECTIVE_LABELS,
  progressLabels: PROGRESS_LABELS,
  pfaLabels: PFA_TOPIC_LABELS,
  sectionLabels: SECTION_LABELS,
  perspectives: PERSPECTIVES,
  pfaTopics: PFA_TOPICS,
  sections: CHANGE_SECTIONS,
  attendanceValues: ATTENDANCE,
  progressValues: PROGRESS,
  adviceAgencyLabels: REVIEW_ADVICE_AGENCY_LABELS,
};

const reviewIdOf = (request: FastifyRequest) => {
  const { reviewId } = request.params as { reviewId: string };
  if (!isUuid(reviewId)) throw new NotFoundError();
  return reviewId;
};
const planIdOf = (request: FastifyRequest) => {
  const { planId } = request.params as { planId: string };
  if (!isUuid(planId)) throw new NotFoundError();
  return planId;
};

export function meetingRoutes(app: FastifyInstance, service: MeetingService): void {
  const renderMeeting = async (
    reply: FastifyReply,
    actor: Actor,
    reviewId: string,
    values: Record<string, string> = {},
    errors?: FormErrors,
    selected: readonly string[] = [],
  ) => {
    const page = await service.meetingPage(actor, reviewId);
    const item = (c: (typeof page.candidates)[number]) => ({
      value: c.key,
      text: `${c.name} (${INVITEE_KIND_LABELS[c.kind]})`,
      hint: { text: c.detail },
      checked: selected.includes(c.key),
    });
    const view = {
      ...page,
      candidateItems: page.candidates.filter((c) => c.main).map(item),
      otherItems: page.candidates.filter((c) => !c.main).map(item),
      missingLabels: page.missing.map((k) => INVITEE_KIND_LABELS[k].toLowerCase()),
    };
    return reply.view('reviews/meeting.njk', {
      pageTitle: `Review ${view.review.number} meeting`,
      view,
      ...MEETING_LABELS,
      kindItems: [
        { value: '', text: 'Select who they are' },
        ...INVITEE_KINDS.map((k) => ({
          value: k,
          text: INVITEE_KIND_LABELS[k],
          selected: values.otherKind === k,
        })),
      ],
      selected,
      values,
      errors,
      // one use each: a double submit of a form runs once; a stale form of the page cannot pass for another
      formTokens: {
        date: newFormToken(),
        invite: newFormToken(),
        record: newFormToken(),
        report: newFormToken(),
      },
    });
  };

  const renderArrange = async (
    reply: FastifyReply,
    actor: Actor,
    planId: string,
    values: Record<string, string> = {},
    errors?: FormErrors,
  ) => {
    const view = await service.arrangePage(actor, planId);
    if (view.openReviewId && !errors) return reply.redirect(paths.reviews.meeting(view.openReviewId), 303);
    return reply.view('reviews/arrange.njk', {
      pageTitle: 'Arrange the review meeting',
      view,
      values,
      errors,
      formToken: newFormToken(),
    });
  };

  app.get(paths.reviews.arrangePattern, async (request, reply) =>
    renderArrange(reply, actorOf(request), planIdOf(request)),
  );

  app.post(paths.reviews.arrangePattern, async (request, reply) => {
    const actor = actorOf(request);
    const planId = planIdOf(request);
    return handleForm(request.body, reply, {
      parse: (values) => {
        const date = dateOf(values, 'meetingDate', 'The date of the review meeting');
        if (!date.ok) return date;
        return {
          ok: true,
          data: {
            meetingDate: date.data,
            arrangedBy: values.arrangedBy === 'authority' ? 'authority' : 'school',
            formToken: values.formToken,
          } as const,
        };
      },
      submit: (data) => service.arrangeReview(actor, planId, data),
      render: (values, errors, error) => renderArrange(reply, actor, planId, values, errorsOf(errors, error)),
      success: (result) =>
        result.reviewId ? paths.reviews.meeting(result.reviewId) : paths.reviews.arrange(planId),
    });
  });

  app.get(paths.reviews.meetingPattern, async (request, reply) =>
    renderMeeting(reply, actorOf(request), reviewIdOf(request)),
  );

  app.get(paths.reviews.reportPattern, async (request, reply) => {
    const view = await service.reviewReport(actorOf(request), reviewIdOf(request));
    return reply.view('reviews/report.njk', {
      pageTitle: `Review ${view.review.number} report`,
      view,
      ...MEETING_LABELS,
    });
  });

  /** One of the meeting page's forms: errors shown on the meeting page, the page again on success. */
  const meetingForm =
    (request: FastifyRequest, reply: FastifyReply, actor: Actor, reviewId: string) =>
    <Data>(parse: FormPage<Data, unknown>['parse'], submit: (data: Data) => Promise<unknown>) =>
      handleForm(request.body, reply, {
        parse,
        submit,
        render: (values, errors, error) =>
          renderMeeting(
            reply,
            actor,
            reviewId,
            values,
            errorsOf(errors, error),
            arrayValue(request.body, 'invitees'),
          ),
        success: () => paths.reviews.meeting(reviewId),
      });
  app.post(paths.reviews.meetingActionPattern, async (request, reply) => {
    const actor = actorOf(request);
    const reviewId = reviewIdOf(request);
    const { action } = request.params as { action: string };
    const form = meetingForm(request, reply, actor, reviewId);
    switch (action) {
      case 'date':
        return form(readMeetingDate, (data) => service.changeMeetingDate(actor, reviewId, data));
      case 'invite':
        return form(
          (values) => readInvitations(values, arrayValue(request.body, 'invitees')),
          (data) => service.invite(actor, reviewId, data),
        );
      case 'record':
        return form(readMeetingRecord, (input) => service.recordMeeting(actor, reviewId, input));
      case 'report':
        return form(
          (values) => ({ ok: true, data: { formToken: values.formToken } }),
          (data) => service.sendMeetingReport(actor, reviewId, data),
        );
      default:
        throw new NotFoundError();
    }
  });
}
