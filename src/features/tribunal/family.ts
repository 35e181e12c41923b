/**
 * The family's own page: each of their children's disagreements with every date and what the council must do, and
 * whether their first screen links to it. A family sees only children they hold a live grant for.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditChildrenShown, canSeeChild, grantKindFor, requireRole } from '../../platform/access/access.ts';
import { searchChildren } from '../../platform/people/children.ts';
import { paths } from '../../platform/web/paths.ts';
import { FAMILY, type TribunalContext } from './service.ts';
import { disagreementChildIds, disagreementsOf } from './store.ts';

/** The family's page and count. */
export function familyParts(s: TribunalContext) {
  const { db, deps, viewsOf } = s;
  return {
    /** The family's own: each of their children's disagreements with every date and what the council must do. */
    familyList: async (actor: Actor) => {
      requireRole(actor, FAMILY, paths.tribunal.family);
      const kind = grantKindFor(actor.role);
      const children = kind
        ? (
            await searchChildren(db, {
              laCode: actor.laCode,
              grantedTo: { userId: actor.userId, kind },
              among: disagreementChildIds(db, actor.laCode),
              page: 1,
              pageSize: 100,
            })
          ).rows
        : [];
      const mine = [];
      for (const c of children) if (await canSeeChild(db, actor, c.id)) mine.push(c);
      await auditChildrenShown(
        db,
        actor,
        'tribunal.family.read',
        paths.tribunal.family,
        mine.map((c) => c.id),
      );
      const names = new Map(mine.map((c) => [c.id, `${c.given_name} ${c.family_name}`]));
      const today = deps.today();
      const views = await viewsOf(
        db,
        actor.laCode,
        await disagreementsOf(db, actor.laCode, [...names.keys()]),
        today,
      );
      return { today, rows: views.map((v) => ({ ...v, childName: names.get(v.child_id) ?? '' })) };
    },

    /** How many disagreements a family has (their first screen links to the page when there are any). */
    familyCount: async (actor: Actor) => {
      if (!FAMILY.includes(actor.role)) return 0;
      const kind = grantKindFor(actor.role);
      if (!kind) return 0;
      const page = await searchChildren(db, {
        laCode: actor.laCode,
        grantedTo: { userId: actor.userId, kind },
        among: disagreementChildIds(db, actor.laCode),
        page: 1,
        // A first page not full is counted by its length (searchChildren): one query for a family's few children.
        pageSize: 100,
      });
      return page.total;
    },
  };
}
