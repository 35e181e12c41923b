/**
 * The plan pages on both engines (test/helpers/plan-pages.ts), from a shared draft: issuing. The final cannot be
 * issued with thread errors until a manager records why, nor naming a setting not consulted, then is issued through
 * the journey (the review schedule, one history entry, the audit); versions compare for the family; the documents are
 * real .docx and PDF files from the same data; plans are listed for staff; and a reassessment (J8) makes a new,
 * amended version of the same plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { countRows, ENGINES } from '../../../test/helpers/db.ts';
import { pdfText, unzipEntry } from '../../../test/helpers/documents.ts';
import { planPagesCase, sharedDraft, startedPlan } from '../../../test/helpers/plan-pages.ts';
import { dateInputValues } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';

describe.each(ENGINES)('EHC plan pages on %s: issuing', (engine) => {
  let t: TestApp;
  const la = '901';
  let caseworker: TestClient;
  let manager: TestClient;
  let parent: TestClient;
  let otherParent: TestClient;
  let childRef: string;
  let childId: string;
  let caseId: string;
  let planId: string;
  const count = (table: 'ehc_plan_item' | 'ehc_plan_version' | 'ehc_plan_comment' | 'ehc_plan_override') =>
    countRows(t.database.db, table);

  beforeAll(async () => {
    t = await createTestApp(engine);
    const s = await planPagesCase(t, la);
    ({ caseworker, manager, parent, otherParent, childRef, childId, caseId } = s);
    planId = await startedPlan(s);
    await sharedDraft(s, planId);
  });
  afterAll(() => t?.close());

  it('blocks the final with thread errors until a team manager records why, then issues it through the journey', async () => {
    // A word changed after the draft: the comparison marks that word alone (issue 18 item 7).
    const vet = await t.database.db
      .selectFrom('ehc_plan_item')
      .select('id')
      .where('plan_id', '=', planId)
      .where('text', 'like', '%I want to be a vet')
      .executeTakeFirstOrThrow();
    const edited = await caseworker.submit(paths.plans.item(planId, vet.id), {
      text: '<script>alert(1)</script> I want to be a vet nurse',
      whose: 'Rowan',
    });
    expect(edited.statusCode).toBe(303);
    const setting = await t.database.db
      .insertInto('setting')
      .values({
        la_code: la,
        name: 'Testshire Primary',
        kind: 'school',
        type: 'Community school',
        phase: 'Primary',
        first_year_group: 0,
        last_year_group: 6,
        in_area: true,
        urn: null,
        location_authority: null,
        postcode: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Issue 18: the school the child goes to now is offered for section I, by name.
    await t.database.db
      .insertInto('child_setting')
      .values({
        la_code: la,
        child_id: childId,
        setting_id: setting.id,
        start_date: '2025-09-01',
        end_date: null,
        attendance: 'full-time',
      })
      .execute();
    expect((await caseworker.get(paths.plans.plan(planId))).body).toContain(
      'Blank. Rowan goes to Testshire Primary now.',
    );
    const offer = await caseworker.get(paths.plans.placement(planId));
    expect(offer.body).toContain('Rowan goes to Testshire Primary now.');
    expect(offer.body).toContain('Name Testshire Primary');
    // The list has it first, after leaving the section blank.
    expect(offer.body).toMatch(
      /Leave blank \(a draft plan\)<\/option>\s*<option value="[^"]+">Testshire Primary \(Community school\)/,
    );
    expect(
      (await caseworker.submit(paths.plans.placement(planId), { settingId: setting.id })).statusCode,
    ).toBe(303);
    expect((await caseworker.get(paths.plans.placement(planId))).body).not.toContain(
      'Name Testshire Primary',
    );
    const refused = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '20',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/golden-thread errors?\. Fix them, or ask a team manager/);
    expect(await count('ehc_plan_version')).toBe(1);
    expect((await caseworker.get(paths.plans.override(planId))).statusCode).toBe(403);
    const short = await manager.submit(paths.plans.override(planId), { reason: 'because' });
    expect(short.statusCode).toBe(400);
    expect(await count('ehc_plan_override')).toBe(0);
    expect(
      (
        await manager.submit(paths.plans.override(planId), {
          reason: 'Tribunal deadline: the school outcome will be added at the 6-week review.',
        })
      ).statusCode,
    ).toBe(303);
    // S3: the setting named in section I must have been consulted on the draft.
    const unconsulted = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '20',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(unconsulted.statusCode).toBe(400);
    expect(unconsulted.body).toContain('Testshire Primary has not been consulted');
    expect(await count('ehc_plan_version')).toBe(1);
    const placement = await caseworker.get(paths.consultation.case(caseId));
    const consulted = await caseworker.post(paths.consultation.consult(caseId), {
      _csrf: TestClient.csrfFrom(placement.body),
      formToken: /name="formToken" value="([^"]+)"/.exec(placement.body)![1]!,
      consultSettingId: setting.id,
    });
    expect(consulted.statusCode).toBe(303);
    const ok = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '20',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(ok.statusCode).toBe(303);
    const kase = await t.database.db
      .selectFrom('assessment_case')
      .select(['final_issued', 'plan_reference'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kase.final_issued).toBe('2026-01-20');
    expect(kase.plan_reference).toBe(`${childRef}-V2`);
    const plan = await t.database.db
      .selectFrom('ehc_plan')
      .select(['status', 'review_due'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(plan.status).toBe('final');
    expect(plan.review_due).toBe('2027-01-19');
    // The review schedule (and so the backlog) has the plan at once, in the same transaction (docs/reviews.md).
    expect(
      await t.database.db
        .selectFrom('plan_review_schedule')
        .select(['first_issued', 'next_number', 'next_due'])
        .where('plan_id', '=', planId)
        .executeTakeFirst(),
    ).toEqual({ first_issued: '2026-01-20', next_number: 1, next_due: '2027-01-19' });
    const events = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['plan.override', 'plan.final.issue'])
      .where('record_type', '=', 'ehc_plan')
      .execute();
    expect(events.length).toBe(2);
    // Issue 18: the child's history has one entry for the final plan (it had one from each feature), naming the
    // version and the manager's decision; both features' audit entries are kept.
    const issuedEvents = await t.database.db
      .selectFrom('case_event')
      .select(['kind', 'summary', 'detail'])
      .where('child_id', '=', childId)
      .where('kind', 'in', ['plan-issued', 'plan-final'])
      .execute();
    expect(issuedEvents.map((e) => e.summary)).toEqual([
      expect.stringMatching(
        /^Final EHC plan issued \(version 2, (within|\d+ days? after) the 20-week limit\) with golden-thread errors, by a manager’s decision$/,
      ),
    ]);
    expect(issuedEvents[0]!.detail).toMatchObject({ planId, caseId });
    expect(
      await t.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'assessment.final.issue')
        .where('record_id', '=', caseId)
        .execute(),
    ).toHaveLength(1);
    // Any later change needs a new decision: the override was for that revision only.
    await caseworker.submit(paths.plans.newItem(planId, 'A'), { text: 'Likes drawing', whose: '' });
    const amended = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '21',
      'date-month': '1',
      'date-year': '2026',
    });
    expect(amended.statusCode).toBe(400);
    // J2: an issued plan is amended only through a review, a reassessment or a tribunal order: not offered, refused,
    // and the review date stays where the final plan put it.
    expect(amended.body).toContain('can only be amended after an annual review (reg 22)');
    expect((await caseworker.get(paths.plans.plan(planId))).body).not.toContain('Issue an amended plan');
    const after = await t.database.db
      .selectFrom('ehc_plan')
      .select(['status', 'review_due'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'final', review_due: '2027-01-19' });
  });

  it('compares draft and final for the family, with additions and removals marked in words', async () => {
    const versions = await parent.get(paths.plans.versions(planId));
    expect(versions.statusCode).toBe(200);
    const ids = [...versions.body.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const [latest, first] = [ids[0]!, ids[1]!];
    const cmp = await parent.get(`${paths.plans.compare(planId)}?from=${first}&to=${latest}`);
    expect(cmp.statusCode).toBe(200);
    expect(cmp.body).toContain('Compare version 1 with version 2');
    expect(cmp.body).toContain('Added</strong> <ins>Testshire Primary</ins>');
    expect(cmp.body).toContain(
      'I want to be a vet <ins><span class="govuk-visually-hidden">added: </span>nurse</ins>',
    );
    const same = await parent.get(`${paths.plans.compare(planId)}?from=${first}&to=${first}`);
    expect(same.statusCode).toBe(400);
  });

  it('produces the plan as a page, a Word document and a PDF from the same data', async () => {
    const versionId = (
      await t.database.db
        .selectFrom('ehc_plan_version')
        .select('id')
        .where('number', '=', 2)
        .executeTakeFirstOrThrow()
    ).id;
    const html = await parent.get(paths.plans.document(planId, versionId));
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Appendix 1: advice from');
    // Issue 18: each legal heading has what the section is for in plain words: the document, the family's own
    // page of the plan, the editor, Word and PDF.
    const h1 = 'Social care help the council must give a disabled child under 18 by law';
    expect(html.body).toContain(h1);
    expect((await parent.get(paths.plans.sharedPlan(planId))).body).toContain(h1);
    expect((await caseworker.get(paths.plans.plan(planId))).body).toContain(h1);
    const docx = await parent.get(paths.plans.document(planId, versionId, 'docx'));
    expect(docx.statusCode).toBe(200);
    const xml = unzipEntry(docx.rawPayload, 'word/document.xml')!;
    for (const s of [
      'Section A: views',
      'Section B: special',
      'Section F: special educational provision',
      'Section K: advice',
      'Testshire Primary',
      'Appendix 3',
      'Social care help the council must give a disabled child under 18 by law',
      'The school, college or other place where they will learn.',
    ])
      expect(xml).toContain(s);
    const pdf = await parent.get(paths.plans.document(planId, versionId, 'pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    for (const s of [
      'Section A: views',
      'Section E: outcomes',
      'Section H2: other social care provision',
      'Section K: advice',
      'What everyone is working towards: the difference the help should make, and by when.',
      'Appendix 2',
      // Fit for the family's file (issue 18 item 7): the issue date, the next review, how to appeal.
      'Final plan issued on 20 January 2026.',
      'The plan must be reviewed by 19 January 2027.',
      'If you disagree with this plan',
      'You can ask the',
    ])
      expect(text.replace(/\s+/g, ' ')).toContain(s);
    for (const s of ['Final plan issued on 20 January 2026.', 'If you disagree with this plan'])
      expect(xml).toContain(s);
    expect(html.body).toContain('The plan must be reviewed by 19 January 2027.');
    const draftId = (
      await t.database.db
        .selectFrom('ehc_plan_version')
        .select('id')
        .where('number', '=', 1)
        .executeTakeFirstOrThrow()
    ).id;
    const draft = pdfText((await parent.get(paths.plans.document(planId, draftId, 'pdf'))).rawPayload);
    expect(draft.replace(/\s+/g, ' ')).toContain(
      'Draft shared on 2 January 2026. This is not the final plan.',
    );
    expect(draft).not.toContain('If you disagree with this plan');
    expect((await otherParent.get(paths.plans.document(planId, versionId, 'pdf'))).statusCode).toBe(404);
    expect((await parent.get(paths.plans.document(planId, 'current', 'pdf'))).statusCode).toBe(403);
  });

  it('lists plans for casework staff, paginated and filtered', async () => {
    const list = await caseworker.get(`${paths.plans.list}?status=final&q=Rowan`);
    expect(list.body).toContain('Rowan Tester');
    const none = await caseworker.get(`${paths.plans.list}?status=draft`);
    expect(none.body).toContain('No plans match.');
    expect((await parent.get(paths.plans.list)).statusCode).toBe(403);
    const shared = await parent.get(paths.plans.shared);
    expect(shared.body).toContain('Rowan Tester');
    expect((await otherParent.get(paths.plans.shared)).body).not.toContain('Rowan');
    void childId;
  });
  it('J8: a new request for a child with a plan is a reassessment, and its outcome is a new version of that plan', async () => {
    const db = t.database.db;
    const dateParts = (iso: string, name: string) => dateInputValues(name, iso);
    const before = await db
      .selectFrom('ehc_plan')
      .select(['status', 'review_due'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ status: 'final', review_due: '2027-01-19' });
    // The family asks again, by letter: the child has a plan, so it is a reassessment on its own 14 weeks, and they
    // are told so.
    const recorded = await caseworker.submitWithFormToken(paths.assessments.record, {
      child: childRef,
      method: 'letter',
      requestedBy: 'parent',
      why: 'Needs have changed since the plan was issued',
      ...dateParts('2026-03-02', 'received'),
    });
    expect(recorded.statusCode).toBe(303);
    const reId = /\/assessments\/([0-9a-f-]{36})/.exec(recorded.headers.location as string)![1]!;
    const request = await db
      .selectFrom('assessment_case')
      .select(['kind', 'next_step'])
      .where('id', '=', reId)
      .executeTakeFirstOrThrow();
    expect(request.kind).toBe('reassessment');
    expect(request.next_step).not.toBe('decision-to-assess');
    const told = await db
      .selectFrom('notification')
      .select('body')
      .where('la_code', '=', la)
      .where('template', '=', 'reassessment-request-received')
      .execute();
    expect(told.length).toBeGreaterThan(0);
    expect(told[0]!.body).toContain('within 14 weeks');
    const decided = await caseworker.submit(`${paths.assessments.case(reId)}/decision`, {
      outcome: 'assess',
      reasons: 'Needs have changed',
      ...dateParts('2026-03-10', 'date'),
    });
    expect(decided.statusCode).toBe(303);
    const adviceForm = await caseworker.get(`${paths.assessments.case(reId)}/advice`);
    const asked = await caseworker.post(`${paths.assessments.case(reId)}/advice`, {
      agencies: ['family', 'setting', 'health', 'educational-psychology', 'social-care'],
      'service-health': 'Community paediatrics',
      ...dateParts('2026-03-11', 'date'),
      token: /name="token" value="([^"]+)"/.exec(adviceForm.body)![1]!,
      _csrf: TestClient.csrfFrom(adviceForm.body),
    });
    expect(asked.statusCode).toBe(303);
    // Until the reassessment decides to issue a plan and serves its draft, the plan cannot be amended (J2).
    const early = await caseworker.submit(paths.plans.issueFinal(planId), {
      'date-day': '20',
      'date-month': '4',
      'date-year': '2026',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('can only be amended after an annual review (reg 22)');
    // None of the advice asked for has arrived: the outcome needs the reason to go ahead without it (issue 18).
    const outcome = await caseworker.submit(`${paths.assessments.case(reId)}/outcome`, {
      outcome: 'issue-plan',
      reasons: 'Agreed at panel',
      withoutAdvice: 'Panel agreed the changed needs are clear from the school’s records',
      ...dateParts('2026-04-20', 'date'),
    });
    expect(outcome.statusCode).toBe(303);
    const editor = await caseworker.get(paths.plans.plan(planId));
    expect(editor.body).toContain('Share the reassessment’s draft for comments');
    // Issue 18: the reassessment's new advice reaches the working plan while its draft is written, before it is
    // shared; each outcome is linked to the needs the caseworker chooses (the suggested one ticked).
    const social = await db
      .selectFrom('assessment_advice')
      .select('id')
      .where('case_id', '=', reId)
      .where('agency', '=', 'social-care')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('assessment_advice')
      .set({
        status: 'received',
        received: '2026-04-15',
        answer: 'advice',
        needs: JSON.stringify({ socialCare: 'Anxious in crowds since the family moved house.' }),
        outcomes: 'Goes to the youth club calmly with a friend by the end of Year 6.',
        provision: JSON.stringify([]),
      })
      .where('id', '=', social.id)
      .execute();
    expect(editor.body).toContain('Add newly received advice to section K');
    expect(
      (await caseworker.submit(paths.plans.plan(planId), {}, paths.plans.syncAdvice(planId))).statusCode,
    ).toBe(303);
    const kNew = await db
      .selectFrom('ehc_plan_advice')
      .select('id')
      .where('plan_id', '=', planId)
      .where('assessment_advice_id', '=', social.id)
      .executeTakeFirstOrThrow();
    const pull = (key: string, extra: Record<string, string | string[]> = {}) =>
      caseworker.submit(
        paths.plans.plan(planId),
        { adviceId: kNew.id, key, ...extra },
        paths.plans.pull(planId),
      );
    expect((await pull('need:socialCare')).statusCode).toBe(303);
    const need = await db
      .selectFrom('ehc_plan_item')
      .select('id')
      .where('plan_id', '=', planId)
      .where('source_advice_id', '=', kNew.id)
      .executeTakeFirstOrThrow();
    const choosing = await caseworker.get(paths.plans.plan(planId));
    expect(choosing.body).toContain('Which needs it follows from');
    expect(choosing.body).toMatch(new RegExp(`value="${need.id}" checked`));
    // The caseworker's choice is kept (here, none: the checks will then ask for one).
    expect((await pull('outcome:0', { links: 'chosen' })).statusCode).toBe(303);
    expect(
      await db
        .selectFrom('ehc_plan_item')
        .select(['need_ids', 'timescale_text'])
        .where('source_advice_id', '=', kNew.id)
        .where('source_recommendation', '=', 'outcome:0')
        .executeTakeFirstOrThrow(),
    ).toEqual({ need_ids: [], timescale_text: 'By the end of Year 6' });
    // The draft is a new version of the same plan (section I blank, as every draft), served on the reassessment.
    expect((await caseworker.submit(paths.plans.placement(planId), { settingId: '' })).statusCode).toBe(303);
    const versionsBefore = await count('ehc_plan_version');
    const startedAt = new Date();
    const draft = await caseworker.submit(paths.plans.issueDraft(planId), {
      'date-day': '22',
      'date-month': '4',
      'date-year': '2026',
    });
    expect(draft.statusCode).toBe(303);
    expect(await count('ehc_plan_version')).toBe(versionsBefore + 1);
    const served = await db
      .selectFrom('assessment_case')
      .select(['draft_served', 'reassessed_plan_id', 'stage'])
      .where('id', '=', reId)
      .executeTakeFirstOrThrow();
    expect(served).toEqual({ draft_served: '2026-04-22', reassessed_plan_id: planId, stage: 'draft' });
    expect(
      await db
        .selectFrom('ehc_plan')
        .select(['status', 'case_id'])
        .where('id', '=', planId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'final', case_id: reId });
    // The family may comment on the reassessment's draft.
    const comment = await parent.get(paths.plans.sharedPlan(planId));
    expect(comment.statusCode).toBe(200);
    // Name the school again, consult it on the reassessment, and record why the plan may go with its thread errors.
    const setting = await db
      .selectFrom('setting')
      .select('id')
      .where('la_code', '=', la)
      .where('name', '=', 'Testshire Primary')
      .executeTakeFirstOrThrow();
    expect(
      (await caseworker.submit(paths.plans.placement(planId), { settingId: setting.id })).statusCode,
    ).toBe(303);
    const placement = await caseworker.get(paths.consultation.case(reId));
    expect(
      (
        await caseworker.post(paths.consultation.consult(reId), {
          _csrf: TestClient.csrfFrom(placement.body),
          formToken: /name="formToken" value="([^"]+)"/.exec(placement.body)![1]!,
          consultSettingId: setting.id,
        })
      ).statusCode,
    ).toBe(303);
    const check = await caseworker.get(paths.plans.issueFinal(planId));
    if (check.body.includes('golden-thread errors. It cannot be issued')) {
      expect(
        (
          await manager.submit(paths.plans.override(planId), {
            reason: 'Reassessment: the amended outcomes are agreed with the family at the next review.',
          })
        ).statusCode,
      ).toBe(303);
    }
    // J1: not inside the family's 15 days.
    // The schedule row as a stale daily refresh would have left it: the amended plan's issue refreshes it.
    await db
      .updateTable('plan_review_schedule')
      .set({ refreshed_on: '2026-01-01', next_due: '2026-02-01' })
      .where('plan_id', '=', planId)
      .execute();
    const tooSoon = await caseworker.submit(paths.plans.issueFinal(planId), {
      result: 'amended',
      'date-day': '1',
      'date-month': '5',
      'date-year': '2026',
    });
    expect(tooSoon.statusCode).toBe(400);
    expect(await count('ehc_plan_version')).toBe(versionsBefore + 1);
    // Issue 18: the advice asked for has still not arrived: the issue page lists it, and issuing needs a reason.
    const issuePage = await caseworker.get(paths.plans.issueFinal(planId));
    expect(issuePage.body).toContain('Advice asked for has not arrived from 4 advisers.');
    expect(issuePage.body).toContain('Educational psychology: asked for on 11 March 2026');
    const noReason = await caseworker.submit(paths.plans.issueFinal(planId), {
      result: 'amended',
      'date-day': '11',
      'date-month': '5',
      'date-year': '2026',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#withoutAdvice"');
    expect(noReason.body).toContain('say why the council is issuing the final plan without it');
    expect(await count('ehc_plan_version')).toBe(versionsBefore + 1);
    const issued = await caseworker.submit(paths.plans.issueFinal(planId), {
      result: 'amended',
      'date-day': '11',
      'date-month': '5',
      'date-year': '2026',
      withoutAdvice: 'The reassessment’s 14 weeks are nearly over; the advice will be added when it comes',
    });
    expect(issued.statusCode).toBe(303);
    // One plan, one more version: amended; the review date does not move; the reassessment is done within 14 weeks.
    expect(
      await db.selectFrom('ehc_plan').select('id').where('child_id', '=', childId).execute(),
    ).toHaveLength(1);
    const versions = await db
      .selectFrom('ehc_plan_version')
      .select(['number', 'kind', 'issued_on'])
      .where('plan_id', '=', planId)
      .orderBy('number')
      .execute();
    expect(versions.slice(-2)).toEqual([
      { number: versions.length - 1, kind: 'draft', issued_on: '2026-04-22' },
      { number: versions.length, kind: 'amended', issued_on: '2026-05-11' },
    ]);
    expect(
      await db
        .selectFrom('ehc_plan')
        .select(['status', 'review_due'])
        .where('id', '=', planId)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'amended', review_due: '2027-01-19' });
    const schedule = await db
      .selectFrom('plan_review_schedule')
      .select(['next_due', 'refreshed_on'])
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(schedule.next_due).toBe('2027-01-19');
    expect(schedule.refreshed_on).not.toBe('2026-01-01');
    const done = await db
      .selectFrom('assessment_case')
      .select(['stage', 'is_open', 'final_issued', 'reassessed_plan_id', 'reassessment_result'])
      .where('id', '=', reId)
      .executeTakeFirstOrThrow();
    expect(done).toEqual({
      stage: 'final',
      is_open: false,
      final_issued: '2026-05-11',
      reassessed_plan_id: planId,
      reassessment_result: 'amended',
    });
    const history = await db
      .selectFrom('case_event')
      .select('summary')
      .where('child_id', '=', childId)
      .where('kind', '=', 'plan-issued')
      .execute();
    // One entry for the one event (issue 18), naming the version; the plan's own audit entry is kept.
    expect(history.map((h) => h.summary)).toEqual([
      expect.stringMatching(/^Final EHC plan issued \(version 2, /),
      expect.stringMatching(
        /^Amended EHC plan issued \(version 4, within the 14-week limit\) with golden-thread errors, by a manager’s decision before advice arrived from /,
      ),
    ]);
    // The decision is an amended plan (J8): its notice, the family's message and its rights say so, not "final plan".
    const notice = await caseworker.get(paths.notices.notice(reId, 'amended-plan'));
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain('amended EHC plan');
    expect(notice.body).toContain('First-tier Tribunal');
    expect((await caseworker.get(paths.notices.notice(reId, 'final-plan'))).statusCode).toBe(404);
    const mail = await db
      .selectFrom('notification')
      .select('template')
      .where('template', 'in', ['assessment-amended-issued', 'assessment-final-issued'])
      .where('created_at', '>=', startedAt)
      .execute();
    expect(mail.map((m) => m.template)).toEqual(['assessment-amended-issued']);
  });
});
