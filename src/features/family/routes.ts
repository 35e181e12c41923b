/**
 * Families' pages: asking for an assessment online (a journey declared as steps, then check your answers; what
 * Goldthread already knows is shown to confirm, not asked again), and where their request has got to.
 * SENCOs (professionals at a school) use the same request journey for children they are linked to.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../platform/access/access.ts';
import { auditChildrenShown, grantKindFor, isUuid } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import type { AppDeps } from '../../platform/web/app.ts';
import { actorOf } from '../../platform/web/app.ts';
import type { FormErrors } from '../../platform/web/forms.ts';
import { dateInputValues, formValues, readDateInput, toFormErrors } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { ageOn, todayInLondon } from '../../platform/web/views.ts';
import type { Requester } from '../../platform/db/schema/index.ts';
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
  nextRequestStep,
  RELATIONSHIP_OPTIONS,
  type NewChildAnswers,
  REQUEST_STEPS,
  stepLabel,
  type RequestAnswers,
  type RequestStep,
} from '../../domain/assessment/journey.ts';
import { caseForView } from '../assessments/routes.ts';
import { arrayValue } from '../../platform/web/forms.ts';
import {
  createRequest,
  familyCase,
  familyCases,
  familyViewsRequest,
  submitFamilyViews,
  type CaseView,
} from '../assessments/service.ts';
import { withChange } from '../../platform/change/change.ts';
import { newFormToken, once } from '../../platform/change/once.ts';
import { handleForm } from '../../platform/web/forms.ts';
import { PRIMARY_NEED_LABELS } from '../children/index.ts';
import { placementCase } from '../assessments/index.ts';
import { reviewScheduleOfChild } from '../reviews/index.ts';
import { familyPlacementLines, placementSummary, recordPreference } from '../consultation/index.ts';
import { SETTING_TYPES } from '../../domain/placement/placement.ts';
import type { FamilyFacts } from '../../domain/family-tasks.ts';
import {
  alreadyLinked,
  childForNewDetails,
  myRequest,
  myRequests,
  recordRequester,
  sencoSetting,
  settingRegister,
} from '../assessments/requesters.ts';

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
        .refine((v) => v === 'new' || isUuid(v), { error: 'Select the child or young person' }),
      detailsCorrect: z.enum(['yes', 'no'], { error: 'Select yes if these details are right' }).optional(),
      corrections: z
        .string()
        .trim()
        .max(2000, { error: 'What is wrong must be 2,000 characters or fewer' })
        .optional(),
    })
    .refine((v) => v.childId === 'new' || v.detailsCorrect, {
      error: 'Select yes if these details are right',
      path: ['detailsCorrect'],
    })
    .refine((v) => v.childId === 'new' || v.detailsCorrect !== 'no' || (v.corrections ?? '').length > 0, {
      error: 'Tell us what is wrong with the details',
      path: ['corrections'],
    }),
  'new-child': z.object({}),
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
  school: z
    .object({
      schoolKind: z.enum(['setting', 'type', 'otherwise', 'undecided'], {
        error: 'Select what you would like, or that you have not decided yet',
      }),
      schoolSettingId: z.string().optional(),
      schoolType: z.string().optional(),
    })
    .refine((v) => v.schoolKind !== 'setting' || isUuid(v.schoolSettingId ?? ''), {
      error: 'Choose the school, college or nursery from the list',
      path: ['schoolSettingId'],
    })
    .refine(
      (v) => v.schoolKind !== 'type' || (SETTING_TYPES as readonly string[]).includes(v.schoolType ?? ''),
      {
        error: 'Choose the type of school from the list',
        path: ['schoolType'],
      },
    )
    .transform((v) => ({
      schoolKind: v.schoolKind,
      ...(v.schoolKind === 'setting' ? { schoolSettingId: v.schoolSettingId } : {}),
      ...(v.schoolKind === 'type' ? { schoolType: v.schoolType } : {}),
    })),
  consent: z.object({
    consent: z.enum(['yes', 'no'], { error: 'Select yes if the council can share information' }),
  }),
};

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

function schoolAnswer(
  answers: RequestAnswers,
  settings: ReadonlyArray<{ id: string; name: string }>,
): string {
  if (answers.schoolKind === 'setting')
    return settings.find((x) => x.id === answers.schoolSettingId)?.name ?? 'A school, college or nursery';
  if (answers.schoolKind === 'type') return answers.schoolType ?? 'A type of school';
  if (answers.schoolKind === 'otherwise') return 'Education otherwise than in a school';
  return 'Not decided yet';
}

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

/** The new child's details: every error at once, in the order of the page. */
async function readNewChild(
  db: Executor,
  actor: Actor,
  values: Record<string, string>,
  today: string,
): Promise<{ data?: NewChildAnswers; errors?: FormErrors }> {
  const errors: FormErrors = { list: [], fields: {} };
  const add = (field: string, text: string, href = field) => {
    if (errors.fields[field]) return;
    errors.fields[field] = { text };
    errors.list.push({ text, href: `#${href}` });
  };
  const self = actor.role === 'young-person';
  const text = (field: string, empty: string, label: string, max: number) => {
    const v = (values[field] ?? '').trim();
    if (!v) add(field, empty);
    else if (v.length > max) add(field, `${label} must be ${max} characters or fewer`);
    return v;
  };
  const givenName = text(
    'givenName',
    self ? 'Enter your first name' : 'Enter their first name',
    'First name',
    100,
  );
  const familyName = text(
    'familyName',
    self ? 'Enter your last name' : 'Enter their last name',
    'Last name',
    100,
  );
  const dob = readDateInput(values, 'dob', 'Date of birth');
  if (dob.error) add('dob', dob.error, 'dob-day');
  else if (!dob.value) add('dob', 'Enter the date of birth', 'dob-day');
  else if (dob.value > today) add('dob', 'Date of birth must be in the past', 'dob-day');
  else if (ageOn(dob.value, today) > 25)
    add('dob', 'Assessments are for children and young people up to 25 years old', 'dob-day');
  else if (self && ageOn(dob.value, today) < 16)
    add(
      'dob',
      'You can ask for yourself from 16. If you are younger, ask your parent or carer to ask',
      'dob-day',
    );
  const sex = values.sex;
  if (sex !== 'F' && sex !== 'M') add('sex', 'Select their sex', 'sex');
  const addressLine = text('addressLine', 'Enter the address', 'The address', 200);
  const postcode = (values.postcode ?? '').trim().toUpperCase();
  if (!postcode) add('postcode', 'Enter the postcode');
  else if (!POSTCODE.test(postcode)) add('postcode', 'Enter a real postcode, like SW1A 1AA');
  const settingId = values.settingId ?? '';
  if (settingId !== 'none') {
    const known =
      isUuid(settingId) && (await settingRegister(db, actor.laCode)).some((x) => x.id === settingId);
    if (!known) add('settingId', 'Select the school, college or nursery from the list, or "None"');
  }
  let relationship =
    actor.role === 'parent' ? (values.relationship ?? '') : actor.role === 'young-person' ? 'self' : 'school';
  let parentalResponsibility: 'yes' | 'no' | undefined;
  if (actor.role === 'parent') {
    if (!RELATIONSHIP_OPTIONS.some((o) => o.value === relationship)) {
      add('relationship', 'Select how you are related to the child', 'relationship');
      relationship = '';
    }
    const pr = values.parentalResponsibility;
    if (pr !== 'yes' && pr !== 'no')
      add('parentalResponsibility', 'Select yes if you have parental responsibility');
    else parentalResponsibility = pr;
  }
  if (errors.list.length) return { errors };
  return {
    data: {
      givenName,
      familyName,
      dateOfBirth: dob.value!,
      sex: sex as 'F' | 'M',
      addressLine,
      postcode,
      settingId,
      relationship,
      parentalResponsibility,
    },
  };
}

function requesterFor(actor: Actor): Requester {
  if (actor.role === 'parent') return 'parent';
  if (actor.role === 'young-person') return 'young-person';
  return 'school';
}

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

/** The children this person can ask about, with what Goldthread already knows (tell it once). */
async function requestableChildren(db: Executor, actor: Actor) {
  const kind = grantKindFor(actor.role);
  if (!kind) throw new ForbiddenError();
  let schoolSettingId: string | null = null;
  if (actor.role === 'professional') {
    // A SENCO asks for the children at their school: those whose current setting is the school.
    const school = await sencoSetting(db, actor);
    if (!school) throw new ForbiddenError();
    schoolSettingId = school.setting_id;
  }
  const base = db
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
    .limit(200);
  const rows =
    actor.role === 'professional'
      ? schoolSettingId
        ? await schoolChildren(db, actor.laCode, schoolSettingId)
        : []
      : await base.execute();
  const today = todayInLondon();
  // A young person asks for themselves from 16; younger, their parent asks.
  return rows.filter((r) => actor.role !== 'young-person' || ageOn(r.date_of_birth, today) >= 16);
}

function schoolChildren(db: Executor, laCode: string, settingId: string) {
  return db
    .selectFrom('child_setting as cs')
    .innerJoin('child as c', (j) => j.onRef('c.la_code', '=', 'cs.la_code').onRef('c.id', '=', 'cs.child_id'))
    .innerJoin('setting as s', (j) =>
      j.onRef('s.la_code', '=', 'cs.la_code').onRef('s.id', '=', 'cs.setting_id'),
    )
    .select([
      'c.id',
      'c.reference',
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      'c.primary_need',
      'c.plan_status',
      's.name as setting_name',
    ])
    .where('cs.la_code', '=', laCode)
    .where('cs.setting_id', '=', settingId)
    .where('cs.end_date', 'is', null)
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .limit(500)
    .execute();
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
/**
 * The "who else is involved" answer: some of the options, or "No one else" (value "none") alone; without JavaScript
 * both can be ticked, which is refused with its own message. Undefined when the answer is good.
 */
function involvedError(involved: string[], valid: string[]): string | undefined {
  if (involved.includes('none'))
    return involved.length === 1 ? undefined : 'Select who else is involved, or "No one else", not both';
  if (!involved.length || involved.some((v) => !valid.includes(v)))
    return 'Select who else is involved, or "No one else"';
  return undefined;
}

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
    const draft = await openDraft(db, actor);
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
      const draft = await openDraft(db, actor);
      const answers = (draft?.answers ?? {}) as RequestAnswers;
      const pending = nextRequestStep(answers);
      if (!draft || pending !== 'check')
        return reply.redirect(paths.assessments.requestStep(pending === 'check' ? 'child' : pending), 303);
      const children = await requestableChildren(db, actor);
      const nc = answers.childId === 'new' ? answers.newChild : undefined;
      const child = nc
        ? {
            given_name: nc.givenName,
            family_name: nc.familyName,
            date_of_birth: nc.dateOfBirth,
            isNew: true,
            settingName:
              nc.settingId === 'none'
                ? 'None'
                : ((await settingRegister(db, actor.laCode)).find((x) => x.id === nc.settingId)?.name ?? ''),
            relationship: RELATIONSHIP_OPTIONS.find((o) => o.value === nc.relationship)?.text,
            nc,
          }
        : children.find((c) => c.id === answers.childId);
      if (!child) return reply.redirect(paths.assessments.requestStep('child'), 303);
      if ('id' in child)
        await auditChildrenShown(db, actor, 'request.list.read', paths.assessments.requestStepPattern, [
          child.id,
        ]);
      return reply.view('family/request-check.njk', {
        pageTitle: 'Check your answers before sending your request',
        backLink: paths.assessments.requestStep('consent'),
        draft,
        answers,
        child,
        involved: INVOLVED_OPTIONS.filter((o) => (answers.involved ?? []).includes(o.value)).map(
          (o) => o.text,
        ),
        schoolAnswer: schoolAnswer(answers, await settingRegister(db, actor.laCode)),
      });
    }
    const step = findStep(id);
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
        const today = todayInLondon();
        const key = `online:${draft.id}`;
        let childId: string;
        let link: 'known' | 'pending' = 'known';
        if (answers.childId === 'new' && answers.newChild) {
          // Not known to this person: a new record, or a quiet match the caseworker confirms. Either way the link
          // waits for the caseworker, and nothing about an existing record is shown.
          const found = await childForNewDetails(trx, actor, answers.newChild, today);
          childId = found.childId;
          if (found.created || !(await alreadyLinked(trx, actor, childId))) link = 'pending';
        } else {
          const children = await requestableChildren(trx, actor);
          const child = children.find((c) => c.id === answers.childId);
          if (!child) return null;
          childId = child.id;
        }
        const made = await createRequest(
          { trx, actor, jobs: deps.jobs, today },
          {
            childId,
            received: todayInLondon(),
            method: 'online',
            requestedBy: requesterFor(actor),
            requesterName: actor.displayName,
            answers: { ...answers },
            idempotencyKey: key,
          },
        );
        // The family's preference for the plan (S3), recorded on the case the request joined.
        if (answers.schoolKind && answers.schoolKind !== 'undecided') {
          const kase = await placementCase(trx, actor.laCode, made.caseId);
          if (kase)
            await recordPreference({ trx, actor, jobs: deps.jobs, today }, kase, {
              kind: answers.schoolKind,
              settingId: answers.schoolSettingId,
              settingType: answers.schoolType,
              received: today,
              source: 'request',
            });
        }
        const ownId = await recordRequester(trx, actor, key, link);
        await trx
          .updateTable('assessment_request_draft')
          // The family's page for a child they are linked to; otherwise only their own request (never another).
          .set({
            submitted_case_id: link === 'known' && actor.role !== 'professional' ? made.caseId : ownId,
            updated_at: new Date(),
          })
          .where('la_code', '=', actor.laCode)
          .where('id', '=', draft.id)
          .execute();
        return {
          caseId: link === 'known' && actor.role !== 'professional' ? made.caseId : ownId,
        };
      });
      if (!result) return reply.redirect(paths.assessments.requestStep('child'), 303);
      return reply.redirect(paths.assessments.requestSent(result.caseId), 303);
    }
    const step = findStep(id);
    if (!step) throw new NotFoundError();
    if (step.id === 'new-child') {
      const values = formValues(request.body);
      const form = await readNewChild(db, actor, values, todayInLondon());
      if (!form.data) return renderStep(request, reply, step, values, form.errors);
      await db.transaction().execute(async (trx) => {
        const draft = await openDraft(trx, actor);
        if (!draft) return;
        const answers = { ...(draft.answers as RequestAnswers), childId: 'new', newChild: form.data };
        await trx
          .updateTable('assessment_request_draft')
          .set({ answers: JSON.stringify(answers), updated_at: new Date() })
          .where('la_code', '=', actor.laCode)
          .where('id', '=', draft.id)
          .execute();
      });
      const after = await openDraft(db, actor);
      return reply.redirect(paths.assessments.requestStep(nextRequestStep(after?.answers ?? {})), 303);
    }
    const values: Record<string, unknown> = { ...formValues(request.body) };
    if (step.id === 'involved') values.involved = arrayValue(request.body, 'involved');
    const parsed = STEP_SCHEMAS[step.id].safeParse(values);
    const valid = INVOLVED_OPTIONS.map((o) => o.value);
    let errors: FormErrors | undefined = parsed.success
      ? undefined
      : toFormErrors(parsed.error.issues, ['childId', 'detailsCorrect', 'corrections']);
    if (step.id === 'involved') {
      const text = involvedError(values.involved as string[], valid);
      if (text) errors = { list: [{ text, href: '#involved' }], fields: { involved: { text } } };
    }
    if (
      step.id === 'child' &&
      values.childId !== 'new' &&
      values.detailsCorrect !== 'yes' &&
      values.detailsCorrect !== 'no' &&
      !errors?.fields.detailsCorrect
    ) {
      // Asked about a listed child only; checked here so that it shows with any other error.
      const text = 'Select yes if these details are right';
      errors ??= { list: [], fields: {} };
      errors.fields.detailsCorrect = { text };
      const at = errors.list.findIndex((e) => e.href === '#corrections');
      errors.list.splice(at < 0 ? errors.list.length : at, 0, { text, href: '#detailsCorrect' });
    }
    if (step.id === 'child' && parsed.success && values.childId !== 'new') {
      const children = await requestableChildren(db, actor);
      if (!children.some((c) => c.id === values.childId))
        errors = {
          list: [{ text: 'Select the child or young person', href: '#childId' }],
          fields: { childId: { text: 'Select the child or young person' } },
        };
    }
    if (
      step.id === 'school' &&
      parsed.success &&
      values.schoolKind === 'setting' &&
      !(await settingRegister(db, actor.laCode)).some((x) => x.id === values.schoolSettingId)
    )
      errors = {
        list: [{ text: 'Choose the school, college or nursery from the list', href: '#schoolSettingId' }],
        fields: { schoolSettingId: { text: 'Choose the school, college or nursery from the list' } },
      };
    if (errors) return renderStep(request, reply, step, values, errors);
    const data = parsed.data as Record<string, unknown>;
    if (step.id === 'involved') data.involved = values.involved;
    await db.transaction().execute(async (trx) => {
      const draft = await openDraft(trx, actor);
      const answers = { ...((draft?.answers ?? {}) as RequestAnswers), ...data };
      if (step.id === 'child' && data.detailsCorrect === 'yes')
        delete (answers as Record<string, unknown>).corrections;
      if (step.id === 'child' && data.childId === 'new') {
        delete (answers as Record<string, unknown>).detailsCorrect;
        delete (answers as Record<string, unknown>).corrections;
      }
      if (step.id === 'child' && data.childId !== 'new') delete (answers as Record<string, unknown>).newChild;
      if (step.id === 'school') {
        if (data.schoolKind !== 'setting') delete (answers as Record<string, unknown>).schoolSettingId;
        if (data.schoolKind !== 'type') delete (answers as Record<string, unknown>).schoolType;
      }
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
