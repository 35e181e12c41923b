/**
 * Who hears about a change to a child's case: the family (the parents' and young person's linked accounts) and the
 * child's advisers (professionals with a live grant). One query for every feature's messages.
 */
import type { Executor } from '../audit/audit.ts';
import type { GrantKind } from '../db/schema/index.ts';
import { onTenant } from '../db/tenant.ts';

export interface Recipient {
  readonly email: string;
  /** The account, or null for a family member without one. */
  readonly userId: string | null;
  readonly name: string | null;
  readonly kind: GrantKind | 'family-member';
}

export interface Audience {
  /** Parents' and young people's linked accounts. */
  readonly family?: boolean;
  /** With no linked family account: the first family member with parental responsibility and an email address. */
  readonly unlinkedFamily?: boolean;
  /** Professionals with a live adviser grant. */
  readonly advisers?: boolean;
}

/** The recipients for a child, ordered by email, each once; active accounts with live grants only. */
export async function recipientsFor(
  trx: Executor,
  laCode: string,
  childId: string,
  audience: Audience,
): Promise<Recipient[]> {
  const kinds: GrantKind[] = [
    ...(audience.family || audience.unlinkedFamily ? (['parent', 'young-person'] as const) : []),
    ...(audience.advisers ? (['adviser'] as const) : []),
  ];
  const linked = kinds.length
    ? await trx
        .selectFrom('access_grant as g')
        .innerJoin('app_user as u', onTenant('u.id', 'g.user_id'))
        .select(['u.id', 'u.email', 'u.display_name', 'g.kind'])
        .where('g.la_code', '=', laCode)
        .where('g.child_id', '=', childId)
        .where('g.kind', 'in', kinds)
        .where('g.revoked_at', 'is', null)
        .where('u.active', '=', true)
        .orderBy('u.email')
        .execute()
    : [];
  const recipients: Recipient[] = linked
    .filter((r) => audience.family || r.kind === 'adviser')
    .map((r) => ({ email: r.email, userId: r.id, name: r.display_name, kind: r.kind }));
  if (audience.unlinkedFamily && !linked.some((r) => r.kind !== 'adviser')) {
    const member = await trx
      .selectFrom('family_member')
      .select(['email', 'given_name', 'family_name'])
      .where('la_code', '=', laCode)
      .where('child_id', '=', childId)
      .where('parental_responsibility', '=', true)
      .where('email', 'is not', null)
      .orderBy('family_name')
      .limit(1)
      .executeTakeFirst();
    if (member?.email) {
      recipients.push({
        email: member.email,
        userId: null,
        name: `${member.given_name} ${member.family_name}`,
        kind: 'family-member',
      });
    }
  }
  const seen = new Set<string>();
  return recipients
    .filter((r) => !seen.has(r.email) && seen.add(r.email))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}
