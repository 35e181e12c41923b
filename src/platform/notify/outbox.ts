/** Reading the outbox: the messages the service has sent (the whole story in demo mode). */
import type { Executor } from '../audit/audit.ts';
import { onTenant } from '../db/tenant.ts';
import { containing } from '../people/children.ts';

export interface OutboxSearch {
  readonly laCode: string;
  /** Part of the recipient's address. */
  readonly recipient?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export async function searchOutbox(db: Executor, search: OutboxSearch) {
  let query = db.selectFrom('notification as n').where('n.la_code', '=', search.laCode);
  if (search.recipient) query = query.where('n.recipient', 'ilike', containing(search.recipient));
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / search.pageSize));
  const page = Math.min(Math.max(1, search.page), pages);
  const rows = await query
    .leftJoin('child as c', onTenant('c.id', 'n.child_id'))
    .select([
      'n.id',
      'n.created_at',
      'n.sent_at',
      'n.channel',
      'n.recipient',
      'n.template',
      'n.subject',
      'n.body',
      'n.status',
      'c.reference as child_reference',
    ])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(search.pageSize)
    .offset((page - 1) * search.pageSize)
    .execute();
  return { rows, total, page, pages };
}
