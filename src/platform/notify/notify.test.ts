import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { ENGINES } from '../../../test/helpers/db.ts';
import { createAuthority, createUser, TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import {
  GovukNotifyNotifier,
  letterAddress,
  NOTIFY_QUEUE,
  queueNotification,
  type NotifyClientLike,
} from './notify.ts';
import { render } from './templates.ts';

describe('templates', () => {
  it('fills placeholders and refuses to send a message with a gap', () => {
    expect(render('Hello ((name)), day ((day))', { name: 'Sam', day: '3' })).toBe('Hello Sam, day 3');
    expect(() => render('Hello ((name))', {})).toThrow('Missing personalisation: name');
  });
});

describe('the GOV.UK Notify adapter', () => {
  it('sends email, text and letters through the client with the template id for each template', async () => {
    const calls: unknown[][] = [];
    const client: NotifyClientLike = {
      sendEmail: (...args) => {
        calls.push(['email', ...args]);
        return Promise.resolve({ data: { id: 'notify-1' } });
      },
      sendSms: (...args) => {
        calls.push(['sms', ...args]);
        return Promise.resolve({ data: { id: 'notify-2' } });
      },
      sendLetter: (...args) => {
        calls.push(['letter', ...args]);
        return Promise.resolve({ data: { id: 'notify-3' } });
      },
    };
    const notifier = new GovukNotifyNotifier(client, (t) => `id-of-${t}`);
    const base = { subject: null, body: 'b', personalisation: { name: 'Sam' }, template: 'test-message' };
    expect(
      await notifier.send({ ...base, channel: 'email', recipient: 'a@example.com', reference: 'r1' }),
    ).toBe('notify-1');
    expect(await notifier.send({ ...base, channel: 'sms', recipient: '07700900001', reference: null })).toBe(
      'notify-2',
    );
    const address = 'Sam Carter\n4 Mill Lane\nDenmoor\nDN1 2AB';
    expect(await notifier.send({ ...base, channel: 'letter', recipient: address, reference: null })).toBe(
      'notify-3',
    );
    expect(calls).toEqual([
      ['email', 'id-of-test-message', 'a@example.com', { personalisation: { name: 'Sam' }, reference: 'r1' }],
      ['sms', 'id-of-test-message', '07700900001', { personalisation: { name: 'Sam' } }],
      [
        'letter',
        'id-of-test-message',
        {
          personalisation: {
            name: 'Sam',
            address_line_1: 'Sam Carter',
            address_line_2: '4 Mill Lane',
            address_line_3: 'Denmoor',
            address_line_4: 'DN1 2AB',
          },
        },
      ],
    ]);
  });

  it('reads a letter’s address as GOV.UK Notify’s address lines, the postcode last', () => {
    expect(letterAddress('A B\nFlat 2, 9 Oak Road\nDN3 4CD')).toEqual({
      address_line_1: 'A B',
      address_line_2: 'Flat 2, 9 Oak Road',
      address_line_3: 'DN3 4CD',
    });
  });
});

describe.each(ENGINES)('notifications through jobs on %s', (engine) => {
  let t: TestApp;
  let admin: { email: string };
  beforeAll(async () => {
    t = await createTestApp(engine);
    await createAuthority(t.database.db, '901');
    admin = await createUser(t.database.db, '901', 'administrator');
  });
  afterAll(() => t?.close());

  it('sends a message queued in a committed transaction, after the commit', async () => {
    await t.database.db.transaction().execute(async (trx) => {
      await queueNotification(trx, t.jobs, {
        laCode: '901',
        channel: 'email',
        recipient: 'parent@example.com',
        template: 'test-message',
        personalisation: { name: 'Pat' },
      });
    });
    const queued = await t.database.db.selectFrom('notification').selectAll().execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.status).toBe('queued');
    expect(queued[0]!.body).toContain('Hello Pat,');
    expect(await t.jobs.runPending(NOTIFY_QUEUE)).toBe(1);
    const sent = await t.database.db.selectFrom('notification').selectAll().executeTakeFirstOrThrow();
    expect(sent.status).toBe('sent');
    expect(sent.sent_at).toBeInstanceOf(Date);
  });

  it('sends nothing when the transaction rolls back', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await queueNotification(trx, t.jobs, {
          laCode: '901',
          channel: 'sms',
          recipient: '07700900123',
          template: 'test-message',
          personalisation: { name: 'Rolled back' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.jobs.runPending(NOTIFY_QUEUE)).toBe(0);
    const rows = await t.database.db.selectFrom('notification').select('body').execute();
    expect(rows.map((r) => r.body).join()).not.toContain('Rolled back');
  });

  it('lets an administrator read the outbox, and nobody else', async () => {
    const client = new TestClient(t.app);
    await client.signIn(admin.email, TEST_PASSWORD);
    const outbox = await client.get('/admin/outbox');
    expect(outbox.statusCode).toBe(200);
    expect(outbox.body).toContain('parent@example.com');
    expect(outbox.body).toContain('Hello Pat,');
    const caseworker = await createUser(t.database.db, '901', 'caseworker');
    const other = new TestClient(t.app);
    await other.signIn(caseworker.email, TEST_PASSWORD);
    expect((await other.get('/admin/outbox')).statusCode).toBe(403);
  });
});
