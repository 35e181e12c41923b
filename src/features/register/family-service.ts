/**
 * The register for families and the public: a family's own items and one of them, raising an item online signed in
 * (about their child, or in general), the public form without an account (limited per address), and what the public
 * pages show (the authority, its policy, the published "You said, we did").
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditChildrenShown,
  auditContext,
  canSeeChild,
  grantKindFor,
  isUuid,
  requireRole,
} from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { childWithOfficer, searchChildren } from '../../platform/people/children.ts';
import { teamIdOf } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import {
  addressKeyOf,
  createItem,
  FAMILY,
  itemPage,
  itemView,
  policyOf,
  PUBLIC_LIMIT_PER_HOUR,
  RegisterError,
  TooManyRequestsError,
  type Child,
  type NewItemInput,
} from './items.ts';
import type { RegisterNeeds } from './service.ts';
import { itemById, itemsOfFamily, listYouSaid, recentFromAddress } from './store.ts';

/** The service's methods for families (signed in) and for the public pages. */
export function createFamilyService(deps: ServiceDeps, needs: RegisterNeeds) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  return {
    /** A family's own items (those they raised and those about their children), and their children for the form. */
    familyList: async (actor: Actor) => {
      requireRole(actor, FAMILY, paths.register.family);
      const kind = grantKindFor(actor.role);
      const children = kind
        ? (
            await searchChildren(db, {
              laCode: actor.laCode,
              grantedTo: { userId: actor.userId, kind },
              page: 1,
              pageSize: 100,
            })
          ).rows
        : [];
      await auditChildrenShown(
        db,
        actor,
        'register.family.read',
        paths.register.family,
        children.map((c) => c.id),
      );
      const policy = await policyOf(db, actor.laCode);
      const items = await itemsOfFamily(
        db,
        actor.laCode,
        actor.userId,
        children.map((c) => c.id),
      );
      return {
        children: children.map((c) => ({ id: c.id, name: `${c.given_name} ${c.family_name}` })),
        items: items.map((r) => itemView(r, policy, deps.today())),
      };
    },

    /** One of the family's own items; 404 for anyone else's. */
    familyItem: (actor: Actor, itemId: string) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, FAMILY, paths.register.family);
        const item = isUuid(itemId) ? await itemById(trx, actor.laCode, itemId) : undefined;
        const mine =
          item &&
          (item.raised_by === actor.userId ||
            (item.child_id !== null && (await canSeeChild(trx, actor, item.child_id))));
        if (!item || !mine)
          throw new NotFoundError('Not found', {
            ctx: auditContext(actor),
            entry: {
              action: 'register.item.read.denied',
              recordType: 'register_item',
              recordId: isUuid(itemId) ? itemId : null,
              outcome: 'denied',
            },
          });
        await audit(trx, auditContext(actor), {
          action: 'register.item.read',
          recordType: 'register_item',
          recordId: item.id,
          childId: item.child_id,
        });
        return itemPage(trx, actor, item, deps.today());
      }),

    /** A family raises an item online, signed in (about their child, or in general). */
    raiseAsFamily: (actor: Actor, input: NewItemInput, formToken: string | undefined) =>
      change(actor, async (ctx) => {
        requireRole(actor, FAMILY, paths.register.familyNew);
        const la = actor.laCode;
        let child: Child | null = null;
        if (input.childId) {
          if (!(await canSeeChild(ctx.trx, actor, input.childId)))
            throw new RegisterError('childId', 'Select a child from the list');
          child = (await childWithOfficer(ctx.trx, la, input.childId)) ?? null;
        }
        if (input.kind === 'provision-not-delivered' && !child)
          throw new RegisterError('childId', 'Select the child whose support is not being given');
        const result = await once(ctx, formToken, async () => {
          const made = await createItem(
            { trx: ctx.trx, audit: auditContext(actor), actor },
            la,
            {
              kind: input.kind,
              channel: 'online',
              childId: child?.id ?? null,
              raisedBy: actor.userId,
              recordedBy: null,
              raiserName: actor.displayName,
              raiserContact: actor.email,
              summary: input.summary,
              provision: input.kind === 'provision-not-delivered' ? (input.provision ?? null) : null,
              receivedOn: ctx.today,
              ownerId: child?.lead_officer_id ?? null,
              teamId: child?.lead_officer_id ? await teamIdOf(ctx.trx, la, child.lead_officer_id) : null,
              ethnicity: child?.ethnicity ?? null,
              firstLanguage: child?.first_language ?? null,
              addressKey: null,
            },
            input.themes,
            child,
          );
          return made.id;
        });
        return result.resultId;
      }),

    /**
     * A general concern, complaint or compliment from someone without an account (the public form). No child is
     * linked (nobody can be checked); at most PUBLIC_LIMIT_PER_HOUR from one address an hour. Returns the reference.
     */
    raisePublic: (laCode: string, ip: string | null, input: NewItemInput, formToken: string | undefined) =>
      db.transaction().execute(async (trx) => {
        const today = deps.today();
        const addressKey = addressKeyOf(deps.config.cookieSecret, ip);
        if (
          addressKey &&
          (await recentFromAddress(trx, laCode, addressKey, new Date(Date.now() - 3_600_000))) >=
            PUBLIC_LIMIT_PER_HOUR
        )
          throw new TooManyRequestsError('Too many items from one address');
        const anonymous = { trx, actor: { laCode, userId: null } };
        const result = await once(anonymous, formToken, async () => {
          const made = await createItem(
            { trx, audit: { laCode, userId: null, sessionId: null, ip } },
            laCode,
            {
              kind: input.kind,
              channel: 'online-public',
              childId: null,
              raisedBy: null,
              recordedBy: null,
              raiserName: input.raiserName,
              raiserContact: input.raiserContact ?? null,
              summary: input.summary,
              provision: null,
              receivedOn: today,
              ownerId: null,
              teamId: null,
              ethnicity: input.ethnicity ?? null,
              firstLanguage: input.firstLanguage ?? null,
              addressKey,
            },
            input.themes,
            null,
          );
          return made.reference;
        });
        return result.resultId;
      }),

    /** The authority of the public pages (the Local Offer's); 404 when there is none. */
    publicLa: async () => {
      const la = (await needs.publicLa?.()) ?? deps.config.localOfferLa;
      if (!la) throw new NotFoundError();
      return la;
    },

    /** The authority's policy, for what the public pages promise. */
    publicPolicy: (laCode: string) => policyOf(db, laCode),

    /** The published entries, for the public page. */
    publicYouSaid: (laCode: string) => listYouSaid(db, laCode, true),
  };
}
