/**
 * Plan quality audits on both engines: the audit form's errors (input kept, nothing saved), actions from weak
 * sections (a list and a case event), blind moderation by a second auditor, agreement and the dashboard, the
 * backlog, and who may see what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { countRows, ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createChild, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { paths } from '../../platform/web/paths.ts';
import { draftStageCase, teamFor, THREE_ADVICE } from '../../../test/helpers/plan-fixtures.ts';
import { AUDIT_AREAS } from './stats.ts';

describe.each(ENGINES)('plan quality audits on %s', (engine) => {
  let t: TestApp;
  let caseworker: TestClient;
  let manager: TestClient;
  let leader: TestClient;
  let parent: TestClient;
  let planId: string;
  const la = '902';
  const grades = (g: string, overall: string) => ({
    ...Object.fromEntries(AUDIT_AREAS.map((a) => [`grade-${a.key}`, g])),
    ...Object.fromEntries(AUDIT_AREAS.map((a) => [`evidence-${a.key}`, g >= '3' ? `Weak ${a.key}` : ''])),
    overall,
    overallEvidence: 'Evidence <em>overall</em>',
  });

  beforeAll(async () => {
    t = await createTestApp(engine);
    const db = t.database.db;
    await createAuthority(db, la);
    const teamId = await teamFor(db, la);
    const cw = await createUser(db, la, 'caseworker', { teamId });
    const mgr = await createUser(db, la, 'team-manager', { teamId });
    const ldr = await createUser(db, la, 'send-leader');
    const p = await createUser(db, la, 'parent');
    const child = await createChild(db, la, { givenName: 'Ash', familyName: 'Audit' });
    await draftStageCase(db, la, {
      childId: child.id,
      teamId,
      officerId: cw.id,
      advice: THREE_ADVICE(null, null, null),
    });
    const ref = (
      await db.selectFrom('child').select('reference').where('id', '=', child.id).executeTakeFirstOrThrow()
    ).reference;
    caseworker = new TestClient(t.app);
    await caseworker.signIn(cw.email, TEST_PASSWORD);
    manager = new TestClient(t.app);
    await manager.signIn(mgr.email, TEST_PASSWORD);
    leader = new TestClient(t.app);
    await leader.signIn(ldr.email, TEST_PASSWORD);
    parent = new TestClient(t.app);
    await parent.signIn(p.email, TEST_PASSWORD);
    const res = await caseworker.submit(paths.plans.start, { childReference: ref });
    planId = res.headers.location!.split('/').pop()!;
    await caseworker.submit(paths.plans.issueDraft(planId), {
      'date-day': '2',
      'date-month': '1',
      'date-year': '2026',
    });
  });
  afterAll(() => t?.close());

  const count = (table: 'plan_audit' | 'plan_audit_action') => countRows(t.database.db, table);

  it('shows every error on an empty audit, keeps input, saves nothing', async () => {
    const r = await manager.submit(paths.planAudits.newAudit(planId), {
      'grade-A': '4',
      'evidence-B': 'kept <b>here</b>',
    });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('Select a grade for section B: special educational needs');
    expect(r.body).toContain('Enter the evidence for the grade of section A: views');
    expect(r.body).toContain('Select a grade for the plan overall');
    expect(r.body).toContain('kept &lt;b&gt;here&lt;/b&gt;');
    expect(await count('plan_audit')).toBe(0);
  });

  it('saves an audit, turns weak sections into actions on the case, and samples it for blind moderation', async () => {
    const r = await manager.submit(paths.planAudits.newAudit(planId), grades('3', '3'));
    expect(r.statusCode).toBe(303);
    expect(await count('plan_audit')).toBe(1);
    expect(await count('plan_audit_action')).toBe(AUDIT_AREAS.length);
    const events = await t.database.db
      .selectFrom('case_event')
      .select('kind')
      .where('kind', '=', 'plan-audit-actions')
      .execute();
    expect(events.length).toBe(1);
    const auditId = r.headers.location!.split('/').pop()!.split('?')[0]!;
    // The leader has not moderated yet: the grades are hidden from them.
    const blind = await leader.get(paths.planAudits.audit(auditId));
    expect(blind.body).toContain('its grades are hidden');
    expect(blind.body).not.toContain('Weak A');
    const form = await leader.get(paths.planAudits.moderate(auditId));
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain('Weak A');
    expect((await manager.get(paths.planAudits.moderate(auditId))).statusCode).toBe(409);
    const m = await leader.submit(paths.planAudits.moderate(auditId), grades('2', '2'));
    expect(m.statusCode).toBe(303);
    const after = await leader.get(paths.planAudits.audit(auditId));
    expect(after.body).toContain('Weak A');
    const again = await leader.get(paths.planAudits.moderate(auditId));
    expect(again.statusCode).toBe(409);
  });

  it('reports agreement, good-or-better shares, the backlog and the actions', async () => {
    const dash = await leader.get(paths.planAudits.index);
    expect(dash.statusCode).toBe(200);
    expect(dash.body).toContain('0 of 1 audited plans were graded good or better');
    expect(dash.body).toContain('role="img"');
    const overall = dash.body.slice(dash.body.indexOf('The plan overall</th>'));
    expect(
      overall
        .slice(0, 400)
        .replace(/<[^>]+>/g, '|')
        .replace(/\|+/g, '|'),
    ).toContain('The plan overall|1|0%|100%|-1|');
    const backlog = await manager.get(paths.planAudits.backlog);
    expect(backlog.body).toContain('Ash Audit');
    const actions = await caseworker.get(paths.planAudits.actions);
    expect(actions.body).toContain(`${AUDIT_AREAS.length} actions`);
    const id = /\/plan-audits\/actions\/([0-9a-f-]{36})\/done/.exec(actions.body)![1]!;
    expect(
      (await caseworker.submit(paths.planAudits.actions, {}, paths.planAudits.actionDone(id))).statusCode,
    ).toBe(303);
    expect((await caseworker.get(paths.planAudits.actions)).body).toContain(
      `${AUDIT_AREAS.length - 1} actions`,
    );
  });

  it('keeps audits to auditors', async () => {
    expect((await caseworker.get(paths.planAudits.index)).statusCode).toBe(403);
    expect((await parent.get(paths.planAudits.index)).statusCode).toBe(403);
    expect((await parent.get(paths.planAudits.actions)).statusCode).toBe(403);
    expect((await caseworker.get(paths.planAudits.newAudit(planId))).statusCode).toBe(403);
  });
});
