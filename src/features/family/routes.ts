/**
 * Families' pages: asking for an assessment online (a journey declared as steps, then check your answers; what
 * Goldthread already knows is shown to confirm, not asked again), and where their request has got to.
 * SENCOs (professionals at a school) use the same request journey for children they are linked to.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/access/access.ts';
import { grantKindFor, isUuid } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { formValues, toFormErrors } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { ageOn, todayInLondon } from '../../platform/web/views.ts';
import type { Requester } from '../../platform/db/schema.ts';
import {
  AGENCY_LABELS,
  dayOfWindow,
  EXCEPTION_LABELS,
  FAMILY_STAGE_LABELS,
  familySentence,
  INVOLVED_OPTIONS,
  nextRequestStep,
  REQUEST_STEPS,
  stepLabel,
  type RequestAnswers,
  type RequestStep,
} from '../../domain/assessment/journey.ts';
import { arrayValue, caseForView } from '../assessments/routes.ts';
import { createRequest, familyCase, familyCases, type CaseView } from '../assessments/service.ts';
import { PRIMARY_NEED_LABELS } from '../children/service.ts';

const textField = (empty: string, max: number, name: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty })
    .max(max, { error: `${name} must be ${max.toLocaleString('en-GB')} characters or fewer` });

const STEP_SCHEMAS: Record<RequestStep['id'], z.ZodType> = {
  child: z
    .object({
      childId: z
        .string({ error: 'Select the child or young person' })
        .refine(isUuid, { error: 'Select the child or young person' }),
      detailsCorrect: z.enum(['yes', 'no'], { error: 'Select yes if these details are right' }),
      corrections: z
        .string()
        .trim()
        .max(2000, { error: 'What is wrong must be 2,000 characters or fewer' })
        .optional(),
    })
    .refine((v) => v.detailsCorrect === 'yes' || (v.corrections ?? '').length > 0, {
      error: 'Tell us what is wrong with the details',
      path: ['corrections'],
    }),
  why: z.object({
    why: textField('Tell us why you are asking for an assessment now', 5000, 'Why you are asking'),
  }),
  support: z.object({
    support: textField(
      'Tell us what help is already in place, or write "none"',
      5000,
      'Help already in place',
    ),
  }),
  involved: z.object({
    involvedDetail: z
      .string()
      .trim()
      .max(2000, { error: 'Names and details must be 2,000 characters or fewer' })
      .optional(),
  }),
  consent: z.object({
    consent: z.enum(['yes', 'no'], { error: 'Select yes if the council can share information' }),
  }),
};

function requesterFor(actor: Actor): Requester {
  if (actor.role === 'parent') return 'parent';
  if (actor.role === 'young-person') return 'young-person';
  return 'school';
}

/** The children this person can ask about, with what Goldthread already knows (tell it once). */
async function requestableChildren(db: Executor, actor: Actor) {
  const kind = grantKindFor(actor.role);
  if (!kind) throw new ForbiddenError();
  if (actor.role === 'professional') {
    const school = await db
      .selectFrom('app_user as u')
      .innerJoin('team as t', (j) => j.onRef('t.la_code', '=', 'u.la_code').onRef('t.id', '=', 'u.team_id'))
      .innerJoin('organisation as o', (j) =>
        j.onRef('o.la_code', '=', 't.la_code').onRef('o.id', '=', 't.organisation_id'),
      )
      .select('o.kind')
      .where('u.la_code', '=', actor.laCode)
      .where('u.id', '=', actor.userId)
      .executeTakeFirst();
    if (school?.kind !== 'school') throw new ForbiddenError();
  }
  const rows = await db
    .selectFrom('access_grant as g')
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'g.la_code').onRef('c.id', '=', 'g.child_id'))
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      'c.primary_need',
      'c.plan_status',
      eb
        .selectFrom('child_setting as cs')
        .innerJoin('setting as s', (j) =>
          j.onRef('s.la_code', '=', 'cs.la_code').onRef('s.id', '=', 'cs.setting_id'),
        )
        .select('s.name')
        .whereRef('cs.la_code', '=', 'c.la_code')
        .whereRef('cs.child_id', '=', 'c.id')
        .where('cs.end_date', 'is', null)
        .orderBy('cs.start_date', 'desc')
        .limit(1)
        .as('setting_name'),
    ])
    .where('g.la_code', '=', actor.laCode)
    .where('g.user_id', '=', actor.userId)
    .where('g.kind', '=', kind)
    .where('g.revoked_at', 'is', null)
    .orderBy('c.given_name')
    .limit(200)
    .execute();
  const today = todayInLondon();
  // A young person asks for themselves from 16; younger, their parent asks.
  return rows.filter((r) => actor.role !== 'young-person' || ageOn(r.date_of_birth, today) >= 16);
}

async function openDraft(db: Executor, actor: Actor) {
  return db
    .selectFrom('assessment_request_draft')
    .selectAll()
    .where('la_code', '=', actor.laCode)
    .where('user_id', '=', actor.userId)
    .where('submitted_case_id', 'is', null)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
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
      })),
    familyAdvice: view.advice.map((a) => ({
      label: AGENCY_LABELS[a.agency] ?? a.agency,
      service: a.service_name,
      arrived: a.status === 'received',
      received: a.received,
      due: a.step.due,
    })),
  };
}

export function familyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(paths.assessments.request, async (request, reply) => {
    const actor = actorOf(request);
    const children = await requestableChildren(db, actor);
    return reply.view('family/request-start.njk', {
      pageTitle: 'Ask for an education, health and care needs assessment',
      backLink: paths.home,
      children,
      steps: REQUEST_STEPS,
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
    const draft = await openDraft(db, actor);
    const answers = (draft?.answers ?? {}) as RequestAnswers;
    if (errors) reply.code(400);
    const index = REQUEST_STEPS.indexOf(step);
    return reply.view('family/request-step.njk', {
      pageTitle: step.title,
      backLink:
        index === 0 ? paths.assessments.request : paths.assessments.requestStep(REQUEST_STEPS[index - 1]!.id),
      step,
      stepNumber: index + 1,
      stepCount: REQUEST_STEPS.length,
      children: children.map((c) => ({
        ...c,
        needLabel: c.primary_need ? PRIMARY_NEED_LABELS[c.primary_need] : null,
      })),
      values: values ?? answers,
      errors,
      involvedOptions: INVOLVED_OPTIONS,
      isParent: actor.role === 'parent',
      isSchool: actor.role === 'professional',
    });
  };

  app.get(paths.assessments.requestStepPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { step: id } = request.params as { step: string };
    if (id === 'check') {
      const draft = await openDraft(db, actor);
      const answers = (draft?.answers ?? {}) as RequestAnswers;
      const pending = nextRequestStep(answers);
      if (!draft || pending !== 'check')
        return reply.redirect(paths.assessments.requestStep(pending === 'check' ? 'child' : pending), 303);
      const children = await requestableChildren(db, actor);
      const child = children.find((c) => c.id === answers.childId);
      if (!child) return reply.redirect(paths.assessments.requestStep('child'), 303);
      return reply.view('family/request-check.njk', {
        pageTitle: 'Check your answers before sending your request',
        backLink: paths.assessments.requestStep('consent'),
        draft,
        answers,
        child,
        involved: INVOLVED_OPTIONS.filter((o) => (answers.involved ?? []).includes(o.value)).map(
          (o) => o.text,
        ),
      });
    }
    const step = REQUEST_STEPS.find((s) => s.id === id);
    if (!step) throw new NotFoundError();
    return renderStep(request, reply, step);
  });

  app.post(paths.assessments.requestStepPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { step: id } = request.params as { step: string };
    if (id === 'check') {
      const values = formValues(request.body);
      const draftId = values.draft ?? '';
      if (!isUuid(draftId)) throw new NotFoundError();
      const result = await db.transaction().execute(async (trx) => {
        const draft = await trx
          .selectFrom('assessment_request_draft')
          .selectAll()
          .where('la_code', '=', actor.laCode)
          .where('id', '=', draftId)
          .where('user_id', '=', actor.userId)
          .forUpdate()
          .executeTakeFirst();
        if (!draft) throw new NotFoundError();
        // A second press of the button finds the request already made.
        if (draft.submitted_case_id) return { caseId: draft.submitted_case_id };
        const answers = draft.answers as RequestAnswers;
        if (nextRequestStep(answers) !== 'check') return null;
        const children = await requestableChildren(trx, actor);
        const child = children.find((c) => c.id === answers.childId);
        if (!child) return null;
        const made = await createRequest(
          { trx, actor, jobs: deps.jobs, today: todayInLondon() },
          {
            childId: child.id,
            received: todayInLondon(),
            method: 'online',
            requestedBy: requesterFor(actor),
            requesterName: actor.displayName,
            answers: { ...answers },
            idempotencyKey: `online:${draft.id}`,
          },
        );
        await trx
          .updateTable('assessment_request_draft')
          .set({ submitted_case_id: made.caseId, updated_at: new Date() })
          .where('la_code', '=', actor.laCode)
          .where('id', '=', draft.id)
          .execute();
        return { caseId: made.caseId };
      });
      if (!result) return reply.redirect(paths.assessments.requestStep('child'), 303);
      return reply.redirect(paths.assessments.requestSent(result.caseId), 303);
    }
    const step = REQUEST_STEPS.find((s) => s.id === id);
    if (!step) throw new NotFoundError();
    const values: Record<string, unknown> = { ...formValues(request.body) };
    if (step.id === 'involved') values.involved = arrayValue(request.body, 'involved');
    const parsed = STEP_SCHEMAS[step.id].safeParse(values);
    const valid = INVOLVED_OPTIONS.map((o) => o.value);
    let errors: FormErrors | undefined = parsed.success
      ? undefined
      : toFormErrors(parsed.error.issues, ['childId', 'detailsCorrect', 'corrections']);
    if (step.id === 'involved') {
      const involved = values.involved as string[];
      if (!involved.length || involved.some((v) => !valid.includes(v)))
        errors = {
          list: [{ text: 'Select who else is involved, or "No one else"', href: '#involved' }],
          fields: { involved: { text: 'Select who else is involved, or "No one else"' } },
        };
    }
    if (step.id === 'child' && parsed.success) {
      const children = await requestableChildren(db, actor);
      if (!children.some((c) => c.id === values.childId))
        errors = {
          list: [{ text: 'Select the child or young person', href: '#childId' }],
          fields: { childId: { text: 'Select the child or young person' } },
        };
    }
    if (errors) return renderStep(request, reply, step, values, errors);
    const data = parsed.data as Record<string, unknown>;
    if (step.id === 'involved') data.involved = values.involved;
    await db.transaction().execute(async (trx) => {
      const draft = await openDraft(trx, actor);
      const answers = { ...((draft?.answers ?? {}) as RequestAnswers), ...data };
      if (step.id === 'child' && data.detailsCorrect === 'yes')
        delete (answers as Record<string, unknown>).corrections;
      if (draft) {
        await trx
          .updateTable('assessment_request_draft')
          .set({ answers: JSON.stringify(answers), updated_at: new Date() })
          .where('la_code', '=', actor.laCode)
          .where('id', '=', draft.id)
          .execute();
      } else {
        await trx
          .insertInto('assessment_request_draft')
          .values({ la_code: actor.laCode, user_id: actor.userId, answers: JSON.stringify(answers) })
          .execute();
      }
    });
    const draft = await openDraft(db, actor);
    const next = nextRequestStep(draft?.answers ?? {});
    return reply.redirect(paths.assessments.requestStep(next), 303);
  });

  app.get(paths.assessments.requestSentPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    if (actor.role === 'professional') {
      return reply.view('family/request-sent.njk', { pageTitle: 'Request sent', school: true });
    }
    const view = await familyCase(db, actor, caseId, todayInLondon());
    return reply.view('family/request-sent.njk', { pageTitle: 'Request sent', ...familyView(view) });
  });

  app.get(`${paths.assessments.familyPattern}/decision`, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    const view = await db.transaction().execute((trx) => familyCase(trx, actor, caseId, todayInLondon()));
    if (!view.record.decision_outcome) throw new NotFoundError();
    return reply.view('assessments/notice.njk', {
      pageTitle: `Decision: ${view.record.given_name} ${view.record.family_name}`,
      backLink: paths.assessments.family(caseId),
      ...caseForView(view),
    });
  });

  app.get(paths.assessments.familyPattern, async (request, reply) => {
    const actor = actorOf(request);
    const { caseId } = request.params as { caseId: string };
    const view = await db.transaction().execute((trx) => familyCase(trx, actor, caseId, todayInLondon()));
    return reply.view('family/case.njk', {
      pageTitle: `${view.record.given_name}'s assessment`,
      backLink: paths.home,
      ...familyView(view),
    });
  });
}

export async function familyHome(db: Executor, actor: Actor) {
  const views = await familyCases(db, actor, todayInLondon());
  return views.map(familyView);
}
