/**
 * The online request's writes and reads (docs/assessments.md, "Asking online"): the children this person may ask
 * about, each step's answers saved to their draft, the check-your-answers page, and sending the request (the case,
 * the requester's link and the family's preference for a school, in one transaction).
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditChildrenShown, grantKindFor, isUuid } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/audit/audit.ts';
import { withChange } from '../../platform/change/change.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Requester } from '../../platform/db/schema/index.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { childrenAtSetting, grantedChildren } from '../../platform/people/children.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { paths } from '../../platform/web/paths.ts';
import { ageOn, todayInLondon } from '../../platform/web/views.ts';
import {
  INVOLVED_OPTIONS,
  nextRequestStep,
  RELATIONSHIP_OPTIONS,
  type NewChildAnswers,
  type RequestAnswers,
  type RequestStep,
} from '../../domain/assessment/journey.ts';
import {
  alreadyLinked,
  childForNewDetails,
  createRequest,
  lockDraft,
  markDraftSent,
  newDraft,
  openDraft,
  placementCase,
  recordRequester,
  saveDraftAnswers,
  sencoSetting,
  settingRegister,
} from '../assessments/index.ts';
import { recordPreference } from '../consultation/index.ts';
import { mergeAnswers } from './request-answers.ts';

/** The children this person can ask about, with what Goldthread already knows (tell it once). */
export async function requestableChildren(db: Executor, actor: Actor) {
  const kind = grantKindFor(actor.role);
  if (!kind) throw new ForbiddenError();
  let rows: Awaited<ReturnType<typeof grantedChildren>>;
  if (actor.role === 'professional') {
    // A SENCO asks for the children at their school: those whose current setting is the school.
    const school = await sencoSetting(db, actor);
    if (!school) throw new ForbiddenError();
    rows = school.setting_id ? await childrenAtSetting(db, actor.laCode, school.setting_id) : [];
  } else rows = await grantedChildren(db, actor.laCode, actor.userId, kind);
  const today = todayInLondon();
  // A young person asks for themselves from 16; younger, their parent asks.
  return rows.filter((r) => actor.role !== 'young-person' || ageOn(r.date_of_birth, today) >= 16);
}

/** The person's draft not yet sent. */
export function draftOf(db: Executor, actor: Actor) {
  return openDraft(db, actor.laCode, actor.userId);
}

/** Saves one step's answers to the person's draft (starting it at the first); the step to go to next. */
export async function saveStep(
  db: Database['db'],
  actor: Actor,
  step: RequestStep,
  data: Record<string, unknown>,
): Promise<string> {
  await db.transaction().execute(async (trx) => {
    const draft = await draftOf(trx, actor);
    const answers = mergeAnswers(draft?.answers ?? {}, step, data);
    if (draft) await saveDraftAnswers(trx, actor.laCode, draft.id, answers);
    else await newDraft(trx, actor.laCode, actor.userId, answers);
  });
  return nextRequestStep((await draftOf(db, actor))?.answers ?? {});
}

/** Saves the new child's details to the person's draft (if they have one); the step to go to next. */
export async function saveNewChild(
  db: Database['db'],
  actor: Actor,
  newChild: NewChildAnswers,
): Promise<string> {
  await db.transaction().execute(async (trx) => {
    const draft = await draftOf(trx, actor);
    if (!draft) return;
    const answers = { ...(draft.answers as RequestAnswers), childId: 'new', newChild };
    await saveDraftAnswers(trx, actor.laCode, draft.id, answers);
  });
  return nextRequestStep((await draftOf(db, actor))?.answers ?? {});
}

function requesterFor(actor: Actor): Requester {
  if (actor.role === 'parent') return 'parent';
  if (actor.role === 'young-person') return 'young-person';
  return 'school';
}

/**
 * Sends the person's draft as a request: the case (or the open case it joins), the requester's link (waiting for a
 * caseworker when the child is new to them) and the family's preference for a school. The page the sender follows
 * it on; null when the draft is not complete or its child is no longer theirs. A second press finds it sent.
 */
export async function sendRequest(
  deps: { db: Database['db']; jobs: Jobs },
  actor: Actor,
  draftId: string,
): Promise<string | null> {
  if (!isUuid(draftId)) throw new NotFoundError();
  return withChange({ ...deps, today: todayInLondon }, actor, async (ctx) => {
    const { trx, today } = ctx;
    const draft = await lockDraft(trx, actor.laCode, actor.userId, draftId);
    if (!draft) throw new NotFoundError();
    // A second press of the button finds the request already made.
    if (draft.submitted_case_id) return draft.submitted_case_id;
    const answers = draft.answers as RequestAnswers;
    if (nextRequestStep(answers) !== 'check') return null;
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
      const child = (await requestableChildren(trx, actor)).find((c) => c.id === answers.childId);
      if (!child) return null;
      childId = child.id;
    }
    const made = await createRequest(ctx, {
      childId,
      received: today,
      method: 'online',
      requestedBy: requesterFor(actor),
      requesterName: actor.displayName,
      answers: { ...answers },
      idempotencyKey: key,
    });
    // The family's preference for the plan (S3), recorded on the case the request joined.
    if (answers.schoolKind && answers.schoolKind !== 'undecided') {
      const kase = await placementCase(trx, actor.laCode, made.caseId);
      if (kase)
        await recordPreference(ctx, kase, {
          kind: answers.schoolKind,
          settingId: answers.schoolSettingId,
          settingType: answers.schoolType,
          received: today,
          source: 'request',
        });
    }
    const ownId = await recordRequester(trx, actor, key, link);
    // The family's page for a child they are linked to; otherwise only their own request (never another).
    const caseId = link === 'known' && actor.role !== 'professional' ? made.caseId : ownId;
    await markDraftSent(trx, actor.laCode, draft.id, caseId);
    return caseId;
  });
}

/** The school question's answer in words (the family's preference, S3). */
export function schoolAnswer(
  answers: RequestAnswers,
  settings: ReadonlyArray<{ id: string; name: string }>,
): string {
  if (answers.schoolKind === 'setting')
    return settings.find((x) => x.id === answers.schoolSettingId)?.name ?? 'A school, college or nursery';
  if (answers.schoolKind === 'type') return answers.schoolType ?? 'A type of school';
  if (answers.schoolKind === 'otherwise') return 'Education otherwise than in a school';
  return 'Not decided yet';
}

/**
 * The check-your-answers page: its model, or where to go instead (the first step not answered, or the child step
 * when the child chosen is no longer one this person may ask about). Records which listed child was shown.
 */
export async function requestCheck(
  db: Executor,
  actor: Actor,
): Promise<
  { redirect: string; model?: undefined } | { redirect?: undefined; model: Record<string, unknown> }
> {
  const draft = await draftOf(db, actor);
  const answers = (draft?.answers ?? {}) as RequestAnswers;
  const pending = nextRequestStep(answers);
  if (!draft || pending !== 'check')
    return { redirect: paths.assessments.requestStep(pending === 'check' ? 'child' : pending) };
  const children = await requestableChildren(db, actor);
  const settings = await settingRegister(db, actor.laCode);
  const nc = answers.childId === 'new' ? answers.newChild : undefined;
  const child = nc ? newChildSummary(nc, settings) : children.find((c) => c.id === answers.childId);
  if (!child) return { redirect: paths.assessments.requestStep('child') };
  if ('id' in child)
    await auditChildrenShown(db, actor, 'request.list.read', paths.assessments.requestStepPattern, [
      child.id,
    ]);
  return {
    model: {
      pageTitle: 'Check your answers before sending your request',
      backLink: paths.assessments.requestStep('consent'),
      draft,
      answers,
      child,
      involved: INVOLVED_OPTIONS.filter((o) => (answers.involved ?? []).includes(o.value)).map((o) => o.text),
      schoolAnswer: schoolAnswer(answers, settings),
    },
  };
}

/** A new child's details as the check page shows them. */
function newChildSummary(nc: NewChildAnswers, settings: ReadonlyArray<{ id: string; name: string }>) {
  return {
    given_name: nc.givenName,
    family_name: nc.familyName,
    date_of_birth: nc.dateOfBirth,
    isNew: true,
    settingName: nc.settingId === 'none' ? 'None' : (settings.find((x) => x.id === nc.settingId)?.name ?? ''),
    relationship: RELATIONSHIP_OPTIONS.find((o) => o.value === nc.relationship)?.text,
    nc,
  };
}
