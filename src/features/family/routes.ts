/**
 * Families' pages: asking for an assessment online (a journey declared as steps, then check your answers; what
 * Goldthread already knows is shown to confirm, not asked again), and where their request has got to.
 * SENCOs (professionals at a school) use the same request journey for children they are linked to.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/access/access.ts';
import { auditChildrenShown, isUuid } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { dateInputValues, formValues, handleForm } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { knownAddressOf } from '../../platform/people/family-accounts.ts';
import { childWithOfficer } from '../../platform/people/children.ts';
import {
  AGENCY_LABELS,
  dayOfWindow,
  EXCEPTION_LABELS,
  FAMILY_STAGE_LABELS,
  familySentence,
  INVOLVED_OPTIONS,
  NEW_CHILD_STEP,
  RELATIONSHIP_OPTIONS,
  type NewChildAnswers,
  REQUEST_STEPS,
  stepLabel,
  type RequestAnswers,
  type RequestStep,
} from '../../domain/assessment/journey.ts';
import {
  caseForView,
  familyCase,
  familyCases,
  familyViewsRequest,
  myRequest,
  myRequests,
  sencoSetting,
  settingRegister,
  submitFamilyViews,
  type CaseView,
} from '../assessments/index.ts';
import { withChange } from '../../platform/change/change.ts';
import { newFormToken, once } from '../../platform/change/once.ts';
import { PRIMARY_NEED_LABELS } from '../children/index.ts';
import { reviewScheduleOfChild } from '../reviews/index.ts';
import { familyPlacementLines, placementSummary } from '../consultation/index.ts';
import { SETTING_TYPES } from '../../domain/placement/placement.ts';
import type { FamilyFacts } from '../../domain/family-tasks.ts';
import { readNewChild, readStep } from './request-answers.ts';
import {
  draftOf,
  requestableChildren,
  requestCheck,
  saveNewChild,
  saveStep,
  sendRequest,
} from './request-service.ts';

/** The answers to the school question (the family's preference, S3). */
const SCHOOL_KINDS = [
  { value: 'setting', text: 'A school, college or nursery', hint: 'Choose it from the list below.' },
  {
    value: 'type',
    text: 'A type of school',
    hint: 'For example, a special school. Choose it from the list below.',
  },
  { value: 'otherwise', text: 'Education otherwise than in a school', hint: 'For example, at home.' },
  {
    value: 'undecided',
    text: 'I have not decided yet',
    hint: 'You can still ask when the council sends the draft plan.',
  },
] as const;

/**
 * Who to ask for an early review of a child's plan (issue 18, finding 8): a child who already has an EHC plan may be
 * better served by a review than a new assessment. Families ask their named officer (or the team), by email.
 */
async function earlyReviewContact(db: Executor, actor: Actor, c: { id: string; given_name: string }) {
  const child = await childWithOfficer(db, actor.laCode, c.id);
  const email = child?.officer_email ?? child?.team_email;
  if (!email) return null;
  const about = actor.role === 'young-person' ? 'my' : `${c.given_name}'s`;
  return {
    who: child?.officer_name ?? child?.team_name ?? email,
    email,
    href: `mailto:${email}?subject=${encodeURIComponent(`Asking for an early review of ${about} EHC plan`)}`,
  };
}

function newChildValues(nc: NewChildAnswers): Record<string, string> {
  return { ...(nc as unknown as Record<string, string>), ...dateInputValues('dob', nc.dateOfBirth) };
}

/** What the person who asked may know about their own request: the name they gave, and its status in words. */
function requestSummary(r: {
  request_answers: unknown;
  requester_link: string | null;
  request_received: string;
}) {
  const answers = r.request_answers as RequestAnswers;
  const status =
    r.requester_link === 'pending'
      ? 'Received. A caseworker is checking the details you gave before you can follow the request here'
      : r.requester_link === 'declined'
        ? 'Received. The council could not confirm your link to the child and will contact you'
        : 'Received. The council is dealing with it';
  return {
    childName: answers.newChild ? `${answers.newChild.givenName} ${answers.newChild.familyName}` : null,
    status,
  };
}

/** The family's view of a case: the clock's sentences, the people, the advice (status only) and their rights. */
export function familyView(view: CaseView) {
  const v = caseForView(view);
  const name = view.record.preferred_name || view.record.given_name;
  const next = view.next;
  const adviceLabels = new Map(view.advice.map((a) => [a.id, AGENCY_LABELS[a.agency] ?? a.agency]));
  return {
    ...v,
    name,
    familyStage: FAMILY_STAGE_LABELS[view.record.stage],
    sentence: next
      ? familySentence(
          next,
          name,
          next.id.startsWith('advice:') ? adviceLabels.get(next.id.slice(7)) : undefined,
        )
      : null,
    dayOf: next ? dayOfWindow(next) : null,
    done: v.steps.filter((s) => s.completed).map((s) => ({ ...s, label: stepLabel(s.id, adviceLabels) })),
    exceptionsExplained: view.timeline.steps
      .filter((s) => s.exception)
      .map((s) => ({
        label: stepLabel(s.id, adviceLabels),
        kinds: s.exception!.kinds.map((k) => EXCEPTION_LABELS[k]),
        explanation: s.explanation,
        // J10: only exceptions a caseworker confirmed caused the delay are relied on; the family reads why.
        why: s.exceptionChecks
          .filter((c) => c.reliedOn)
          .map((c) => view.exceptions.find((e) => e.id === c.id)?.confirmation_reason)
          .filter((r): r is string => Boolean(r)),
      })),
    familyAdvice: view.advice.map((a) => ({
      label: AGENCY_LABELS[a.agency] ?? a.agency,
      service: a.service_name,
      arrived: a.status === 'received',
      received: a.received,
      // The family's own views have no step: the date asked by is a request, never late (D4).
      due: a.step?.due ?? a.due,
      ownViews: a.step === null,
    })),
  };
}

export function familyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(paths.assessments.request, async (request, reply) => {
    const actor = actorOf(request);
    const children = await requestableChildren(db, actor);
    const mine = await myRequests(db, actor);
    return reply.view('family/request-start.njk', {
      pageTitle: 'Ask for an education, health and care needs assessment',
      backLink: paths.home,
      children,
      steps: REQUEST_STEPS,
      myRequests: mine.map((r) => ({ ...r, ...requestSummary(r) })),
    });
  });

  const renderStep = async (
    request: FastifyRequest,
    reply: FastifyReply,
    step: RequestStep,
    values?: Record<string, unknown>,
    errors?: FormErrors,
  ) => {
    const actor = actorOf(request);
    const children = await requestableChildren(db, actor);
    const draft = await draftOf(db, actor);
    const answers = (draft?.answers ?? {}) as RequestAnswers;
    if (errors) reply.code(400);
    const index = step.id === 'new-child' ? 0 : REQUEST_STEPS.indexOf(step);
    // The child step lists the children the user may ask about: record which (issue 16 item 7).
    if (step.id === 'child')
      await auditChildrenShown(
        db,
        actor,
        'request.list.read',
        paths.assessments.requestStepPattern,
        children.map((c) => c.id),
      );
    return reply.view('family/request-step.njk', {
      pageTitle: step.title,
      backLink:
        step.id === 'new-child'
          ? paths.assessments.requestStep('child')
          : step.id === 'why' && answers.childId === 'new'
            ? paths.assessments.requestStep('new-child')
            : index === 0
              ? paths.assessments.request
              : paths.assessments.requestStep(REQUEST_STEPS[index - 1]!.id),
      step,
      stepNumber: index + 1,
      stepCount: REQUEST_STEPS.length,
      children: await Promise.all(
        children.map(async (c) => ({
          ...c,
          needLabel: c.primary_need ? PRIMARY_NEED_LABELS[c.primary_need] : null,
          earlyReview:
            step.id === 'child' && c.plan_status === 'plan' ? await earlyReviewContact(db, actor, c) : null,
        })),
      ),
      values: values ?? answers,
      errors,
      involvedOptions: INVOLVED_OPTIONS,
      isParent: actor.role === 'parent',
      isSchool: actor.role === 'professional',
      isYoungPerson: actor.role === 'young-person',
      ...(step.id === 'school'
        ? {
            settings: await settingRegister(db, actor.laCode),
            settingTypes: SETTING_TYPES,
            schoolKinds: SCHOOL_KINDS,
          }
        : {}),
      ...(step.id === 'new-child'
        ? {
            settings: await settingRegister(db, actor.laCode),
            relationshipOptions: RELATIONSHIP_OPTIONS,
            newChild: values ??
              (answers.newChild ? newChildValues(answers.newChild) : undefined) ?? {
                settingId: (await sencoSetting(db, actor))?.setting_id ?? '',
                // a parent's own address, where the council has it (a young person's or a SENCO's is not the child's)
                ...(actor.role === 'parent' ? await knownAddressOf(db, actor.laCode, actor.userId) : null),
              },
          }
        : {}),
    });
  };
  const findStep = (id: string) =>
    id === NEW_CHILD_STEP.id ? NEW_CHILD_STEP : REQUEST_STEPS.find((s) => s.id === id);

  app.get(paths.assessments.requestStepPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { step: id } = request.params as { step: string };
    if (id === 'check') {
      const check = await requestCheck(db, actor);
      if (check.redirect) return reply.redirect(check.redirect, 303);
      return reply.view('family/request-check.njk', check.model);
    }
    const step = findStep(id);
    if (!step) throw new NotFoundError();
    return renderStep(request, reply, step);
  });

  app.post(paths.assessments.requestStepPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { step: id } = request.params as { step: string };
    if (id === 'check') {
      const caseId = await sendRequest({ db, jobs: deps.jobs }, actor, formValues(request.body).draft ?? '');
      if (!caseId) return reply.redirect(paths.assessments.requestStep('child'), 303);
      return reply.redirect(paths.assessments.requestSent(caseId), 303);
    }
    const step = findStep(id);
    if (!step) throw new NotFoundError();
    if (step.id === 'new-child') {
      const form = await readNewChild(db, actor, formValues(request.body), todayInLondon());
      if (form.errors) return renderStep(request, reply, step, form.values, form.errors);
      return reply.redirect(paths.assessments.requestStep(await saveNewChild(db, actor, form.data)), 303);
    }
    const form = await readStep(db, actor, step, request.body, async (childId) =>
      (await requestableChildren(db, actor)).some((c) => c.id === childId),
    );
    if (form.errors) return renderStep(request, reply, step, form.values, form.errors);
    return reply.redirect(paths.assessments.requestStep(await saveStep(db, actor, step, form.data)), 303);
  });

  app.get(paths.assessments.requestSentPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    // The person who asked sees their own request (its status and their answers) until their link is confirmed.
    const own = isUuid(caseId) ? await myRequest(db, actor, caseId).catch(() => null) : null;
    if (own && (actor.role === 'professional' || own.requester_link !== 'known')) {
      const answers = own.request_answers as RequestAnswers;
      return reply.view('family/request-sent.njk', {
        pageTitle: 'Request sent',
        own: { ...own, ...requestSummary(own) },
        answers,
        involved: INVOLVED_OPTIONS.filter((o) => (answers.involved ?? []).includes(o.value)).map(
          (o) => o.text,
        ),
        school: actor.role === 'professional',
      });
    }
    if (actor.role === 'professional') await myRequest(db, actor, caseId);
    const view = await familyCase(db, actor, caseId, todayInLondon());
    // A request for a child whose request is already open joins it (issue 18 item 1: said on screen, not only by email).
    const joined = (await myRequests(db, actor)).find(
      (r) => r.stage === 'linked' && r.linked_case_id === view.record.id,
    );
    return reply.view('family/request-sent.njk', {
      pageTitle: 'Request sent',
      ...familyView(view),
      joined: joined ? { sent: joined.request_received } : null,
    });
  });

  app.get(`${paths.assessments.familyPattern}/decision`, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    const view = await db.transaction().execute((trx) => familyCase(trx, actor, caseId, todayInLondon()));
    if (!view.record.decision_outcome) throw new NotFoundError();
    // The decision notice, with the full rights block, is the notices feature's (docs/rights.md).
    const kind = view.record.decision_outcome === 'assess' ? 'decision-to-assess' : 'not-to-assess';
    return reply.redirect(paths.notices.notice(caseId, kind), 303);
  });

  // The family's own views, sent online (issue 18 item 1): the form while the council's request waits, else thanks.
  const viewsPage = async (request: FastifyRequest, values: Record<string, string>, errors?: FormErrors) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    const view = await db.transaction().execute((trx) => familyCase(trx, actor, caseId, todayInLondon()));
    const asked = await familyViewsRequest(db, actor.laCode, view.record.id);
    if (!asked) throw new NotFoundError();
    const self = actor.role === 'young-person';
    const name = view.record.preferred_name || view.record.given_name;
    return {
      view,
      model: {
        pageTitle: self ? 'Your views' : `Your views about ${name}`,
        backLink: paths.assessments.family(view.record.id),
        caseId: view.record.id,
        childName: name,
        self,
        sent: asked.status === 'received' ? asked.received : null,
        askedBy: familyView(view).familyAdvice.find((a) => a.ownViews && !a.arrived)?.due ?? null,
        questions: viewQuestions(name, self),
        values,
        errors,
        formToken: newFormToken(),
      },
    };
  };
  app.get(paths.assessments.familyViewsPattern, async (request, reply) =>
    reply.view('family/views.njk', (await viewsPage(request, {})).model),
  );
  app.post(paths.assessments.familyViewsPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { view, model } = await viewsPage(request, {});
    return handleForm(request.body, reply, {
      parse: (values) => readViews(values, model.questions),
      render: async (values, errors) =>
        reply.view('family/views.njk', (await viewsPage(request, values, errors)).model),
      submit: (data) =>
        withChange({ db, jobs: deps.jobs, today: todayInLondon }, actor, (ctx) =>
          once(ctx, data.formToken, async () => {
            await submitFamilyViews(ctx, view.record.id, {
              documentText: model.questions
                .filter((q) => data[q.field])
                .map((q) => `${q.label}\n${data[q.field]}`)
                .join('\n\n'),
              outcomes: data.hopes || undefined,
            });
            return view.record.id;
          }),
        ),
      success: () => paths.assessments.familyViews(view.record.id),
    });
  });

  app.get(paths.assessments.familyPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    const view = await db.transaction().execute((trx) => familyCase(trx, actor, caseId, todayInLondon()));
    const placement = await placementSummary(db, actor.laCode, view.record.id, todayInLondon());
    // After the final plan (issue 18, finding 17): its next review, from the plan's review schedule.
    const schedule = view.record.final_issued
      ? await reviewScheduleOfChild(db, actor.laCode, view.record.child_id)
      : [];
    const nextReview = schedule.map((s) => s.next_due).sort()[0] ?? null;
    return reply.view('family/case.njk', {
      pageTitle: `${view.record.given_name}'s assessment`,
      backLink: paths.home,
      ...familyView(view),
      nextReview,
      placement: { preferences: placement.preferences, lines: familyPlacementLines(placement) },
    });
  });
}

/** The questions of the family's own views (reg 6(1)(a)), in the family's words: to a parent, or to a young person. */
function viewQuestions(name: string, self: boolean) {
  return [
    {
      field: 'about',
      label: self
        ? 'What are you like? What are you good at, and what do you enjoy?'
        : `What is ${name} like? What are they good at, and what do they enjoy?`,
      hint: 'For example, what people like about them, and what makes a good day.',
    },
    {
      field: 'hard',
      label: self
        ? 'What is going well, and what is hard, at school or college and at home?'
        : 'What is going well, and what is hard, at school or college and at home?',
      hint: 'Include anything about health, friends or family life you want the council to know.',
    },
    {
      field: 'hopes',
      label: self
        ? 'What do you hope for, now and when you are older?'
        : `What do you hope ${name} will achieve, now and when they are older?`,
      hint: 'For example, learning, friends, work or study, and living more independently.',
    },
    {
      field: 'help',
      label: self ? 'What help do you think you need?' : `What help do you think ${name} needs?`,
      hint: 'Say what has helped before, and what has not.',
    },
  ] as const;
}

type ViewAnswers = Record<'about' | 'hard' | 'hopes' | 'help', string> & { formToken?: string };

function readViews(values: Record<string, string>, questions: ReturnType<typeof viewQuestions>) {
  const errors: FormErrors = { list: [], fields: {} };
  const data = { formToken: values.formToken } as ViewAnswers;
  for (const q of questions) {
    const v = (values[q.field] ?? '').trim();
    if (v.length > 5000) {
      const text = 'Your answer must be 5,000 characters or fewer';
      errors.fields[q.field] = { text };
      errors.list.push({ text: `${q.label}: ${text.toLowerCase()}`, href: `#${q.field}` });
    }
    data[q.field] = v;
  }
  if (!errors.list.length && !questions.some((q) => data[q.field])) {
    const text = 'Answer at least one question';
    errors.fields.about = { text };
    errors.list.push({ text, href: '#about' });
  }
  return errors.list.length ? { ok: false as const, errors } : { ok: true as const, data };
}

export async function familyHome(db: Executor, actor: Actor) {
  const views = await familyCases(db, actor, todayInLondon());
  return views.map(familyView);
}

/** What the family must do on one assessment, and by when (issue 18 item 1), for their first screen. */
export function familyFactsOf(a: ReturnType<typeof familyView>, today: string): FamilyFacts {
  const views = a.familyAdvice.find((x) => x.ownViews && !x.arrived);
  const stage = a.record.stage;
  const period = a.commentPeriod;
  const what =
    stage === 'final'
      ? `${a.name}'s final plan`
      : stage === 'not-assessed'
        ? `the council's decision not to assess ${a.name}`
        : stage === 'no-plan'
          ? `the council's decision not to write a plan for ${a.name}`
          : null;
  return {
    childName: a.name,
    viewsAsked:
      views && a.record.is_open ? { by: views.due, href: paths.assessments.familyViews(a.record.id) } : null,
    draftComments:
      stage === 'draft' && period && period.to >= today ? { to: period.to, href: paths.plans.shared } : null,
    appeal:
      what && a.appeal && a.appeal.due >= today
        ? { by: a.appeal.due, what, href: paths.assessments.family(a.record.id) }
        : null,
  };
}

/**
 * Every request this person sent that their assessment cards do not show (issue 18 item 1: every request at once):
 * one still waiting for a caseworker to confirm the link, one the council could not link, and one joined to a
 * request already open (with the child's name it joined).
 */
export async function familyRequests(db: Executor, actor: Actor) {
  const mine = await myRequests(db, actor);
  return mine
    .filter((r) => r.requester_link === 'pending' || r.requester_link === 'declined' || r.stage === 'linked')
    .map((r) => ({
      id: r.id,
      sent: r.request_received,
      joined: r.stage === 'linked',
      ...requestSummary(r),
      href: paths.assessments.requestSent(r.stage === 'linked' && r.linked_case_id ? r.linked_case_id : r.id),
    }));
}
