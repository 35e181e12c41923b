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

/** How a family member is reached: their account, or without one by email or by post. */
export type FamilyContact =
  | {
      readonly route: 'account';
      readonly userId: string;
      readonly email: string;
      readonly name: string | null;
    }
  | {
      readonly route: 'email';
      readonly familyMemberId: string;
      readonly email: string;
      readonly name: string;
    }
  | {
      readonly route: 'post';
      readonly familyMemberId: string;
      /** The postal address, one line each: the name first, the postcode last. */
      readonly address: readonly string[];
      readonly name: string;
    };

/**
 * Everyone in a child's family a reminder is for (ADR 0048): each linked parent's or young person's account, and
 * each family member with parental responsibility who has no linked account, by the route they have: by email when
 * they have an address, unless they asked for letters and have a postal address; by post when they have only a
 * postal address. A member with neither (a phone number only) is not listed. A member whose email is an account's
 * already listed is that account.
 */
export async function familyContactsFor(
  trx: Executor,
  laCode: string,
  childId: string,
): Promise<FamilyContact[]> {
  const accounts = await recipientsFor(trx, laCode, childId, { family: true });
  const contacts: FamilyContact[] = accounts.map((a) => ({
    route: 'account',
    userId: a.userId!,
    email: a.email,
    name: a.name,
  }));
  const accountIds = new Set(accounts.map((a) => a.userId));
  const emails = new Set(accounts.map((a) => a.email.toLowerCase()));
  const members = await trx
    .selectFrom('family_member')
    .select([
      'id',
      'given_name',
      'family_name',
      'email',
      'address_line',
      'town',
      'postcode',
      'contact_preference',
      'user_id',
    ])
    .where('la_code', '=', laCode)
    .where('child_id', '=', childId)
    .where('parental_responsibility', '=', true)
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .execute();
  for (const m of members) {
    if (m.user_id && accountIds.has(m.user_id)) continue;
    if (m.email && emails.has(m.email.toLowerCase())) continue;
    const name = `${m.given_name} ${m.family_name}`;
    const address =
      m.address_line?.trim() && m.postcode?.trim()
        ? postalAddress([name, ...m.address_line.split(','), m.town ?? ''], m.postcode)
        : null;
    if (address && (m.contact_preference === 'letter' || !m.email))
      contacts.push({ route: 'post', familyMemberId: m.id, address, name });
    else if (m.email) {
      emails.add(m.email.toLowerCase());
      contacts.push({ route: 'email', familyMemberId: m.id, email: m.email, name });
    }
  }
  return contacts;
}

/** GOV.UK Notify's letter address: 3 to 7 lines, the postcode last; lines past the sixth are joined to the sixth. */
export function postalAddress(lines: readonly string[], postcode: string): string[] {
  const kept = lines.map((l) => l.trim()).filter((l) => l !== '');
  const head = kept.length > 6 ? [...kept.slice(0, 5), kept.slice(5).join(', ')] : kept;
  return [...head, postcode.trim()];
}
