/**
 * Sending email and text messages through the GOV.UK Notify interface. `Notifier` is the port; `OutboxNotifier`
 * (demo mode and tests) only records, and `GovukNotifyNotifier` sends through notifications-node-client when
 * NOTIFY_API_KEY is set. Messages are sent by the `notify` job after the business transaction commits
 * (see queueNotification), so a rolled-back change never sends anything.
 */
import type { Executor } from '../audit/audit.ts';
import type { JobDeps, Jobs } from '../jobs/jobs.ts';
import { getTemplate, render } from './templates.ts';

export interface Message {
  readonly channel: 'email' | 'sms' | 'letter';
  /** An email address, a phone number, or a letter's postal address, one line each (LETTER_LINES). */
  readonly recipient: string;
  readonly template: string;
  readonly subject: string | null;
  readonly body: string;
  readonly personalisation: Record<string, string>;
  readonly reference: string | null;
}

export interface Notifier {
  readonly name: string;
  /** Sends, returning the provider's id (or null when nothing leaves the building). */
  send(message: Message): Promise<string | null>;
}

export class OutboxNotifier implements Notifier {
  readonly name = 'outbox';
  send(): Promise<null> {
    return Promise.resolve(null);
  }
}

/** The slice of notifications-node-client's NotifyClient that Goldthread uses. */
export interface NotifyClientLike {
  sendEmail(
    templateId: string,
    emailAddress: string,
    options: { personalisation: Record<string, string>; reference?: string },
  ): Promise<{ data: { id: string } }>;
  sendSms(
    templateId: string,
    phoneNumber: string,
    options: { personalisation: Record<string, string>; reference?: string },
  ): Promise<{ data: { id: string } }>;
  sendLetter(
    templateId: string,
    options: { personalisation: Record<string, string>; reference?: string },
  ): Promise<{ data: { id: string } }>;
}

/** A letter's address is kept as its recipient, one line to a line break. */
export const LETTER_LINES = '\n';

/** A letter's address as GOV.UK Notify takes it: address_line_1 (the name) to address_line_7 (the postcode last). */
export function letterAddress(recipient: string): Record<string, string> {
  return Object.fromEntries(recipient.split(LETTER_LINES).map((line, i) => [`address_line_${i + 1}`, line]));
}

export class GovukNotifyNotifier implements Notifier {
  readonly name = 'govuk-notify';
  private readonly client: NotifyClientLike;
  private readonly templateIds: (template: string) => string;
  constructor(client: NotifyClientLike, templateIds: (template: string) => string) {
    this.client = client;
    this.templateIds = templateIds;
  }
  async send(message: Message): Promise<string> {
    const options = {
      personalisation: message.personalisation,
      ...(message.reference ? { reference: message.reference } : {}),
    };
    const templateId = this.templateIds(message.template);
    const response =
      message.channel === 'email'
        ? await this.client.sendEmail(templateId, message.recipient, options)
        : message.channel === 'letter'
          ? await this.client.sendLetter(templateId, {
              ...options,
              personalisation: { ...message.personalisation, ...letterAddress(message.recipient) },
            })
          : await this.client.sendSms(templateId, message.recipient, options);
    return response.data.id;
  }
}

/**
 * The notifier for this environment: GOV.UK Notify when a key is set, otherwise the outbox only. `variable` reads an
 * environment variable (the composition root passes config.ts's `environmentVariable`): NOTIFY_API_KEY and NODE_ENV
 * at once, a template's NOTIFY_TEMPLATE_... each time a message of that template is sent.
 */
export async function createNotifier(variable: (name: string) => string | undefined): Promise<Notifier> {
  const key = variable('NOTIFY_API_KEY');
  if (!key) {
    if (variable('NODE_ENV') === 'production')
      throw new Error('NOTIFY_API_KEY must be set when NODE_ENV is production');
    return new OutboxNotifier();
  }
  const { NotifyClient } = (await import('notifications-node-client')) as unknown as {
    NotifyClient: new (key: string) => NotifyClientLike;
  };
  return new GovukNotifyNotifier(new NotifyClient(key), (template) => {
    const name = `NOTIFY_TEMPLATE_${template.toUpperCase().replace(/-/g, '_')}`;
    const id = variable(name);
    if (!id) throw new Error(`${name} must be set to the GOV.UK Notify template id for ${template}`);
    return id;
  });
}

export interface NotificationRequest {
  laCode: string;
  channel: 'email' | 'sms' | 'letter';
  /** For a letter, the postal address's lines joined by LETTER_LINES (GOV.UK Notify prints and posts it). */
  recipient: string;
  template: string;
  personalisation: Record<string, string>;
  childId?: string | null;
  userId?: string | null;
  reference?: string | null;
}

export const NOTIFY_QUEUE = 'notify';

/**
 * Records a message in the outbox and queues its sending, inside the caller's transaction: if the change rolls
 * back, so does the message. The text is rendered now, so the outbox shows exactly what was sent.
 */
export async function queueNotification(
  trx: Executor,
  jobs: Jobs,
  request: NotificationRequest,
): Promise<string> {
  const template = getTemplate(request.template);
  const body = render(template.body, request.personalisation);
  // A letter's heading is its template's subject, as an email's is (GOV.UK Notify letter templates have one).
  const subject = request.channel === 'sms' ? null : render(template.subject, request.personalisation);
  const { id } = await trx
    .insertInto('notification')
    .values({
      la_code: request.laCode,
      channel: request.channel,
      recipient: request.recipient,
      template: request.template,
      subject,
      body,
      child_id: request.childId ?? null,
      user_id: request.userId ?? null,
      reference: request.reference ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await jobs.send(trx, NOTIFY_QUEUE, {
    laCode: request.laCode,
    id,
    personalisation: request.personalisation,
  });
  return id;
}

/** The `notify` job: sends one queued message and records the outcome. */
export async function sendQueuedNotification(
  db: Executor,
  notifier: Notifier,
  job: { laCode: string; id: string; personalisation: Record<string, string> },
): Promise<void> {
  const row = await db
    .selectFrom('notification')
    .selectAll()
    .where('la_code', '=', job.laCode)
    .where('id', '=', job.id)
    .executeTakeFirst();
  if (!row || row.status !== 'queued') return;
  try {
    const providerId = await notifier.send({
      channel: row.channel,
      recipient: row.recipient,
      template: row.template,
      subject: row.subject,
      body: row.body,
      personalisation: job.personalisation,
      reference: row.reference,
    });
    await db
      .updateTable('notification')
      .set({ status: 'sent', sent_at: new Date(), provider_id: providerId })
      .where('la_code', '=', job.laCode)
      .where('id', '=', job.id)
      .execute();
  } catch (err) {
    await db
      .updateTable('notification')
      .set({ status: 'failed', error: err instanceof Error ? err.message.slice(0, 500) : 'failed' })
      .where('la_code', '=', job.laCode)
      .where('id', '=', job.id)
      .execute();
    throw err;
  }
}

/** Registers the platform's own job: sending queued messages (the composition root calls it first). */
export function registerNotifyJob(deps: JobDeps): void {
  deps.jobs.handle(NOTIFY_QUEUE, (data) =>
    sendQueuedNotification(
      deps.database.db,
      deps.notifier,
      data as { laCode: string; id: string; personalisation: Record<string, string> },
    ),
  );
}
