/** One shape for every write: the change context, after-commit work, one-use form tokens, case events, recipients. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../../../test/helpers/db.ts';
import { createAuthority, createChild, createUser, grant } from '../../../test/helpers/factories.ts';
import type { Actor } from '../access/access.ts';
import { createJobs, type Jobs } from '../jobs/jobs.ts';
import { recordCaseEvent } from '../people/case-events.ts';
import { recipientsFor } from '../people/recipients.ts';
import { FieldError } from '../web/forms.ts';
import { withChange, type ChangeDeps } from './change.ts';
import { newFormToken, once } from './once.ts';

const TODAY = '2026-03-02';

describe.each(ENGINES)('changes on %s', (engine) => {
  let database: TestDatabase;
  let jobs: Jobs;
  let deps: ChangeDeps;
  let actor: Actor;
  let other: Actor;
  const la = '931';

  const asActor = (u: { id: string; email: string }, role: Actor['role']): Actor => ({
    laCode: la,
    userId: u.id,
    sessionId: randomUUID(),
    email: u.email,
    displayName: 'Someone',
    role,
    teamId: null,
    jobTitle: null,
    ip: null,
  });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    jobs = createJobs(database);
    deps = { db: database.db, jobs, today: () => TODAY };
    await createAuthority(database.db, la);
    actor = asActor(await createUser(database.db, la, 'caseworker'), 'caseworker');
    other = asActor(await createUser(database.db, la, 'caseworker'), 'caseworker');
  });
  afterAll(async () => {
    await database?.close();
  });

  const events = (childId: string) =>
    database.db
      .selectFrom('case_event')
      .select(['kind', 'summary', 'actor_user_id', 'detail'])
      .where('la_code', '=', la)
      .where('child_id', '=', childId)
      .execute();

  it('gives the change its transaction, actor, today and jobs, and runs after-commit work once it commits', async () => {
    const child = await createChild(database.db, la);
    const seen: string[] = [];
    const result = await withChange(deps, actor, async (ctx) => {
      expect(ctx.today).toBe(TODAY);
      expect(ctx.actor).toBe(actor);
      expect(ctx.jobs).toBe(jobs);
      await recordCaseEvent(ctx, {
        childId: child.id,
        kind: 'test.event',
        summary: 'Something happened',
        detail: { n: 1 },
      });
      ctx.afterCommit(() => void seen.push('after'));
      seen.push('inside');
      return 'made';
    });
    expect(result).toBe('made');
    expect(seen).toEqual(['inside', 'after']);
    const rows = await events(child.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'test.event',
      summary: 'Something happened',
      actor_user_id: actor.userId,
    });
    expect(typeof rows[0]!.detail === 'string' ? JSON.parse(rows[0]!.detail) : rows[0]!.detail).toEqual({
      n: 1,
    });
  });

  it('rolls back everything, after-commit work included, when the change fails', async () => {
    const child = await createChild(database.db, la);
    const seen: string[] = [];
    await expect(
      withChange(deps, actor, async (ctx) => {
        await recordCaseEvent(ctx, { childId: child.id, kind: 'test.event', summary: 'Never kept' });
        ctx.afterCommit(() => void seen.push('after'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual([]);
    expect(await events(child.id)).toEqual([]);
  });

  it('does not turn a failed after-commit step into a failed change', async () => {
    const child = await createChild(database.db, la);
    const result = await withChange(deps, actor, async (ctx) => {
      await recordCaseEvent(ctx, { childId: child.id, kind: 'test.event', summary: 'Kept' });
      ctx.afterCommit(() => {
        throw new Error('cache refresh failed');
      });
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(await events(child.id)).toHaveLength(1);
  });

  it('runs a form once per token and gives a repeat what the first submission made', async () => {
    const child = await createChild(database.db, la);
    const token = newFormToken();
    let runs = 0;
    const submit = (who: Actor) =>
      withChange(deps, who, (ctx) =>
        once(ctx, token, async () => {
          runs++;
          await recordCaseEvent(ctx, { childId: child.id, kind: 'test.once', summary: 'Once' });
          return 'result-1';
        }),
      );
    expect(await submit(actor)).toEqual({ repeated: false, resultId: 'result-1' });
    expect(await submit(actor)).toEqual({ repeated: true, resultId: 'result-1' });
    // Someone else holding the token learns nothing of what it made.
    expect(await submit(other)).toEqual({ repeated: true, resultId: null });
    expect(runs).toBe(1);
    expect(await events(child.id)).toHaveLength(1);
  });

  it('frees the token when the change it guarded rolled back, so the form can be sent again', async () => {
    const token = newFormToken();
    await expect(
      withChange(deps, actor, (ctx) =>
        once(ctx, token, () => {
          throw new FieldError('name', 'Enter a name');
        }),
      ),
    ).rejects.toThrow(FieldError);
    const again = await withChange(deps, actor, (ctx) => once(ctx, token, () => Promise.resolve('')));
    expect(again).toEqual({ repeated: false, resultId: '' });
    const row = await database.db
      .selectFrom('form_submission')
      .select(['result_id', 'user_id'])
      .where('la_code', '=', la)
      .where('token', '=', token)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ result_id: null, user_id: actor.userId });
  });

  it('answers a missing or malformed token as an error on the form, without running the change', async () => {
    for (const token of [undefined, '', 'not-a-token', "x' or 1=1 --"]) {
      let ran = false;
      const attempt = withChange(deps, actor, (ctx) =>
        once(ctx, token, () => {
          ran = true;
          return Promise.resolve('x');
        }),
      );
      await expect(attempt).rejects.toMatchObject({ name: 'FieldError', field: 'formToken' });
      expect(ran).toBe(false);
    }
  });

  it('finds the family and the advisers of a child, each once, active accounts with live grants only', async () => {
    const child = await createChild(database.db, la);
    const parent = await createUser(database.db, la, 'parent', { email: 'b-parent@test.example' });
    const young = await createUser(database.db, la, 'young-person', { email: 'a-young@test.example' });
    const adviser = await createUser(database.db, la, 'professional', { email: 'c-adviser@test.example' });
    const gone = await createUser(database.db, la, 'professional', {
      email: 'd-gone@test.example',
      active: false,
    });
    await grant(database.db, la, parent.id, child.id, 'parent');
    await grant(database.db, la, young.id, child.id, 'young-person');
    await grant(database.db, la, adviser.id, child.id, 'adviser');
    await grant(database.db, la, gone.id, child.id, 'adviser');
    const emails = async (audience: Parameters<typeof recipientsFor>[3]) =>
      (await recipientsFor(database.db, la, child.id, audience)).map((r) => `${r.kind} ${r.email}`);
    expect(await emails({ family: true })).toEqual([
      'young-person a-young@test.example',
      'parent b-parent@test.example',
    ]);
    expect(await emails({ advisers: true })).toEqual(['adviser c-adviser@test.example']);
    expect(await emails({ family: true, advisers: true })).toEqual([
      'young-person a-young@test.example',
      'parent b-parent@test.example',
      'adviser c-adviser@test.example',
    ]);
    expect(await emails({ family: true, unlinkedFamily: true })).toHaveLength(2);
  });

  it('falls back to a family member with parental responsibility when no family account is linked', async () => {
    const child = await createChild(database.db, la);
    await database.db
      .insertInto('family_member')
      .values([
        {
          la_code: la,
          child_id: child.id,
          given_name: 'Pat',
          family_name: 'Zed',
          relationship: 'Mother',
          parental_responsibility: true,
          email: 'pat@family.example',
          contact_preference: 'email',
        },
        {
          la_code: la,
          child_id: child.id,
          given_name: 'Sam',
          family_name: 'Able',
          relationship: 'Aunt',
          parental_responsibility: false,
          email: 'sam@family.example',
          contact_preference: 'email',
        },
      ])
      .execute();
    expect(await recipientsFor(database.db, la, child.id, { family: true })).toEqual([]);
    expect(await recipientsFor(database.db, la, child.id, { unlinkedFamily: true })).toEqual([
      { email: 'pat@family.example', userId: null, name: 'Pat Zed', kind: 'family-member' },
    ]);
  });
});
