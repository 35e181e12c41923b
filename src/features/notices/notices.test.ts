/**
 * Decision notices against the database, on both engines: each decision of a case has a page and the same words
 * as PDF and Word, with the full rights block for every appealable decision; the old notice addresses lead there;
 * the refusal's message carries the rights block. Access: the authority's casework staff and the child's family read
 * them; a professional only when their organisation was sent the decision; another family, another school's SENCO,
 * other roles and other authorities get 404 (audited).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { pdfText, unzipEntry } from '../../../test/helpers/documents.ts';
import {
  createAuthority,
  createChild,
  createUser,
  grant,
  TEST_PASSWORD,
} from '../../../test/helpers/factories.ts';
import { RIGHTS_ITEMS } from '../../domain/rights/rights.ts';
import { noticesOf } from './notice.ts';
import type { DB, Role } from '../../platform/db/schema/index.ts';
import { updateAuthoritySettings } from '../../platform/people/authority-settings.ts';
import { recordCaseEvent } from '../../platform/people/case-events.ts';

const CONTACTS = {
  mediationAdviser: {
    name: 'Fictional Mediation Ltd',
    phone: '0300 000 0101',
    email: 'adviser@mediation.example',
    url: '',
  },
  authorityMediation: {
    name: 'SEND mediation officer',
    phone: '',
    email: 'mediation@council.example',
    url: '',
  },
  disagreementResolution: {
    name: 'Fictional Resolution Service',
    phone: '0300 000 0102',
    email: '',
    url: '',
  },
  sendiass: { name: 'Testshire SENDIASS', phone: '0300 000 0001', email: 'sendiass@example.org', url: '' },
  commissioner: { organisationId: null, email: '' },
  socialCare: { organisationId: null, email: '' },
};

async function org(db: Kysely<DB>, la: string, name: string, kind: 'school' | 'health') {
  const o = await db
    .insertInto('organisation')
    .values({ la_code: la, name, kind })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db
    .insertInto('team')
    .values({ la_code: la, organisation_id: o.id, name: `${name} team`, email: null, phone: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await createUser(db, la, 'professional', { teamId: team.id });
  return { id: o.id, teamId: team.id, user };
}

async function caseWith(
  db: Kysely<DB>,
  la: string,
  childId: string,
  teamId: string,
  officerId: string,
  facts: Record<string, unknown>,
) {
  const { id } = await db
    .insertInto('assessment_case')
    .values({
      la_code: la,
      child_id: childId,
      request_received: '2026-01-05',
      request_method: 'email',
      requested_by: 'parent',
      request_answers: '{}',
      idempotency_key: `fixture-${randomUUID()}`,
      team_id: teamId,
      officer_id: officerId,
      allocated_at: new Date('2026-01-06T10:00:00Z'),
      stage: 'request',
      ...facts,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const signedIn = async (t: TestApp, email: string) => {
  const c = new TestClient(t.app);
  await c.signIn(email, TEST_PASSWORD);
  return c;
};

describe.each(ENGINES)('decision notices on %s', (engine) => {
  let t: TestApp;
  const la = '941';
  let refusedCase: string;
  let finalCase: string;
  let noPlanCase: string;
  let refusedChild: string;
  let caseworker: TestClient;
  let parent: TestClient;
  let otherParent: TestClient;
  let namedSenco: TestClient;
  let otherSenco: TestClient;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    await createAuthority(db, '942');
    await updateAuthoritySettings(db, la, CONTACTS);
    const lao = await db
      .insertInto('organisation')
      .values({ la_code: la, name: 'Testshire Council', kind: 'local-authority' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const team = await db
      .insertInto('team')
      .values({
        la_code: la,
        organisation_id: lao.id,
        name: 'SEND team',
        email: 'send@council.example',
        phone: '0300 000 0009',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cw = await createUser(db, la, 'caseworker', { teamId: team.id, displayName: 'Cas Worker' });
    const child = await createChild(db, la, { givenName: 'Robin', familyName: 'Reed' });
    const other = await createChild(db, la, { givenName: 'Kit', familyName: 'Cole' });
    refusedChild = child.id;
    refusedCase = await caseWith(db, la, child.id, team.id, cw.id, {
      stage: 'not-assessed',
      is_open: false,
      decision_date: '2026-06-15',
      decision_outcome: 'not-assess',
      decision_reasons: 'The school can meet the needs from its own resources.',
    });
    finalCase = await caseWith(db, la, child.id, team.id, cw.id, {
      stage: 'final',
      decision_date: '2026-02-10',
      decision_outcome: 'assess',
      decision_reasons: 'Needs may be complex.',
      outcome_date: '2026-04-20',
      outcome: 'issue-plan',
      draft_served: '2026-04-21',
      final_issued: '2026-10-25',
      plan_reference: 'P-77',
    });
    noPlanCase = await caseWith(db, la, other.id, team.id, cw.id, {
      stage: 'no-plan',
      is_open: false,
      decision_date: '2026-02-10',
      decision_outcome: 'assess',
      decision_reasons: 'Needs may be complex.',
      outcome_date: '2026-03-02',
      outcome: 'no-plan',
      outcome_reasons: 'The school can meet the needs.',
    });
    const p = await createUser(db, la, 'parent');
    await grant(db, la, p.id, child.id, 'parent');
    const p2 = await createUser(db, la, 'parent');
    await grant(db, la, p2.id, other.id, 'parent');
    const named = await org(db, la, 'Northgate Primary', 'school');
    const elsewhere = await org(db, la, 'Eastfield School', 'school');
    await grant(db, la, elsewhere.user.id, child.id, 'adviser');
    await db
      .insertInto('organisation_inbox_item')
      .values({
        la_code: la,
        organisation_id: named.id,
        child_id: child.id,
        case_id: finalCase,
        kind: 'final-plan',
        decision_date: '2026-10-25',
        reason: 'named-setting',
        email: null,
      })
      .execute();
    caseworker = await signedIn(t, cw.email);
    parent = await signedIn(t, p.email);
    otherParent = await signedIn(t, p2.email);
    namedSenco = await signedIn(t, named.user.email);
    otherSenco = await signedIn(t, elsewhere.user.email);
  });
  afterAll(() => t?.close());

  const itemsOn = (body: string) => [...body.matchAll(/data-rights-item="([a-z-]+)"/g)].map((m) => m[1]);

  it('the refusal to assess: its page has every rights item, the August date rolled and the contacts', async () => {
    const page = await parent.get(`/notices/${refusedCase}/not-to-assess`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('We will not assess Robin&#39;s needs');
    expect(page.body).toContain('The school can meet the needs from its own resources.');
    expect(itemsOn(page.body).sort()).toEqual([...RIGHTS_ITEMS].sort());
    expect(page.body).toContain('The last day to appeal is 1 September 2026'); // 15 August: first working day after 31 August
    expect(page.body).toContain('contact the mediation adviser by 15 August 2026');
    for (const text of [
      'Fictional Mediation Ltd',
      '0300 000 0101',
      'mediation@council.example',
      'Fictional Resolution Service',
      'Testshire SENDIASS',
    ])
      expect(page.body).toContain(text);
    expect(page.body).toContain(`/notices/${refusedCase}/not-to-assess/notice.pdf`);
    expect(page.body).toContain(`/notices/${refusedCase}/not-to-assess/notice.docx`);
  });

  it('the final plan: PDF and Word hold the same rights, Christmas rolled to 4 January', async () => {
    const pdf = await parent.get(`/notices/${finalCase}/final-plan/notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /attachment; filename="Decision-notice-GT-T\d+-final-plan\.pdf"/,
    );
    const docx = await parent.get(`/notices/${finalCase}/final-plan/notice.docx`);
    expect(docx.statusCode).toBe(200);
    const word = unzipEntry(docx.rawPayload, 'word/document.xml')!;
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const doc of [text, word]) {
      expect(doc).toContain('Robin');
      expect(doc).toContain('The last day to appeal is 4 January 2027'); // 25 December: first working day after 1 January
      expect(doc).toContain('contact the mediation adviser by 25 December 2026');
      expect(doc).toContain('unless your appeal is only about the school');
      for (const name of [
        'Fictional Mediation Ltd',
        'SEND mediation officer',
        'Fictional Resolution Service',
        'Testshire SENDIASS',
      ])
        expect(doc).toContain(name);
      expect(doc).toContain('Disagreement resolution');
      expect(doc).toContain('Our contact for mediation');
      expect(doc).toContain('tell us');
    }
  });

  it('the no-plan decision has its notice with the rights; the decision to assess has one without', async () => {
    const cw = await caseworker.get(`/notices/${noPlanCase}/not-to-issue`);
    expect(cw.statusCode).toBe(200);
    expect(itemsOn(cw.body).sort()).toEqual([...RIGHTS_ITEMS].sort());
    expect(cw.body).toContain('The last day to appeal is 5 May 2026');
    const assess = await caseworker.get(`/notices/${finalCase}/decision-to-assess`);
    expect(assess.statusCode).toBe(200);
    expect(assess.body).toContain('We will assess Robin&#39;s needs');
    expect(itemsOn(assess.body)).toEqual([]);
    // A decision the case does not have has no notice.
    expect((await caseworker.get(`/notices/${refusedCase}/final-plan`)).statusCode).toBe(404);
    expect((await caseworker.get(`/notices/${refusedCase}/no-such-kind`)).statusCode).toBe(404);
    expect((await caseworker.get(`/notices/not-a-uuid/final-plan`)).statusCode).toBe(404);
  });

  it('the family and the caseworker find the notices on their pages; the old addresses lead to them', async () => {
    const fam = await parent.get(`/your-assessment/${finalCase}`);
    expect(fam.body).toContain(`/notices/${finalCase}/final-plan`);
    expect(fam.body).toContain(`/notices/${finalCase}/decision-to-assess`);
    const cw = await caseworker.get(`/assessments/${refusedCase}`);
    expect(cw.body).toContain(`/notices/${refusedCase}/not-to-assess`);
    const old = await caseworker.get(`/assessments/${refusedCase}/decision-notice`);
    expect(old.statusCode).toBe(303);
    expect(old.headers.location).toBe(`/notices/${refusedCase}/not-to-assess`);
    const fold = await parent.get(`/your-assessment/${refusedCase}/decision`);
    expect(fold.statusCode).toBe(303);
    expect(fold.headers.location).toBe(`/notices/${refusedCase}/not-to-assess`);
  });

  it('the named school reads the final plan notice it was sent, and nothing else', async () => {
    expect((await namedSenco.get(`/notices/${finalCase}/final-plan`)).statusCode).toBe(200);
    expect((await namedSenco.get(`/notices/${finalCase}/final-plan/notice.pdf`)).statusCode).toBe(200);
    expect((await namedSenco.get(`/notices/${finalCase}/decision-to-assess`)).statusCode).toBe(404);
    expect((await namedSenco.get(`/notices/${refusedCase}/not-to-assess`)).statusCode).toBe(404);
  });

  it('another family and another school (even one advising on the child) get 404, audited', async () => {
    for (const client of [otherParent, otherSenco]) {
      for (const url of [
        `/notices/${finalCase}/final-plan`,
        `/notices/${finalCase}/final-plan/notice.pdf`,
        `/notices/${finalCase}/final-plan/notice.docx`,
        `/notices/${refusedCase}/not-to-assess`,
      ])
        expect((await client.get(url)).statusCode, url).toBe(404);
    }
    expect((await parent.get(`/notices/${noPlanCase}/not-to-issue`)).statusCode).toBe(404);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .select(['record_id'])
      .where('action', '=', 'notice.read.denied')
      .execute();
    expect(denied.map((d) => d.record_id)).toContain(finalCase);
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['child_id'])
      .where('action', '=', 'notice.read')
      .where('record_id', '=', refusedCase)
      .execute();
    expect(reads.map((r) => r.child_id)).toContain(refusedChild);
  });

  const staff: Role[] = ['team-manager', 'send-leader'];
  it.each(staff)('a %s reads them', async (role) => {
    const user = await createUser(t.database.db, la, role);
    expect((await (await signedIn(t, user.email)).get(`/notices/${finalCase}/final-plan`)).statusCode).toBe(
      200,
    );
  });

  const none: Role[] = ['local-offer-editor', 'local-offer-provider', 'administrator', 'young-person'];
  it.each(none)('a %s does not', async (role) => {
    const user = await createUser(t.database.db, la, role);
    // A young person not linked to the child: 404, as for a notice that does not exist; a role that never reads
    // notices: 403, whatever the notice (the route's roles).
    expect((await (await signedIn(t, user.email)).get(`/notices/${finalCase}/final-plan`)).statusCode).toBe(
      role === 'young-person' ? 404 : 403,
    );
  });

  it('a caseworker of another authority does not', async () => {
    const user = await createUser(t.database.db, '942', 'caseworker');
    expect((await (await signedIn(t, user.email)).get(`/notices/${finalCase}/final-plan`)).statusCode).toBe(
      404,
    );
  });

  it('a signed-out visitor is sent to sign in', async () => {
    const r = await new TestClient(t.app).get(`/notices/${finalCase}/final-plan`);
    expect(r.headers.location).toContain('/sign-in');
  });

  it('carries the survey’s invitation after a milestone, with its short code, for the family and staff only', async () => {
    // The plan issued today (the history event the decision writes): the letter knows its code before any offer.
    await recordCaseEvent(
      { trx: t.database.db, actor: { laCode: la, userId: null } },
      {
        childId: refusedChild,
        kind: 'plan-issued',
        summary: 'Final EHC plan issued',
        detail: { caseId: finalCase },
      },
    );
    const page = await parent.get(`/notices/${finalCase}/final-plan`);
    expect(page.body).toContain('Tell us how it went');
    const code = /\/say\/941\/([A-Z2-9]{4}-[A-Z2-9]{4})/.exec(page.body)?.[1];
    expect(code).toBeDefined();
    expect((await caseworker.get(`/notices/${finalCase}/final-plan`)).body).toContain(code);
    const pdf = await parent.get(`/notices/${finalCase}/final-plan/notice.pdf`);
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain(code);
    // Not in the school's copy; not in a notice whose milestone is not in the history.
    expect((await namedSenco.get(`/notices/${finalCase}/final-plan`)).body).not.toContain(
      'Tell us how it went',
    );
    expect((await parent.get(`/notices/${refusedCase}/not-to-assess`)).body).not.toContain(
      'Tell us how it went',
    );
  });
});

describe('the notices a case has (noticesOf)', () => {
  const base = {
    id: 'c',
    decision_date: '2026-02-10',
    decision_outcome: 'assess',
    outcome_date: '2026-04-20',
    outcome: 'issue-plan',
    final_issued: '2026-06-01',
  } as const;
  it.each([
    ['initial', null, 'final-plan'],
    ['reassessment', 'amended', 'amended-plan'],
    ['reassessment', 'replaced', 'final-plan'],
    // Before the plan says how it was reassessed, the plan issued is a final plan.
    ['reassessment', null, 'final-plan'],
  ] as const)('a %s case whose plan was %s issues the notice %s', (kind, result, notice) => {
    expect(noticesOf({ ...base, kind, reassessment_result: result })).toEqual([
      { kind: 'decision-to-assess', date: '2026-02-10' },
      { kind: notice, date: '2026-06-01' },
    ]);
  });
});
