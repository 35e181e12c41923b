/**
 * The register for leaders: the authority's complaints policy, a leader's first screen (open and overdue items, the
 * most raised themes), the counts by theme, team, community, month and kind, and "You said, we did".
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange, type ChangeContext } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { RegisterTheme } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { teamsOf } from '../../platform/people/users.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import { THEME_LABELS, type RegisterPolicy } from '../../domain/register/index.ts';
import { itemView, LEADERS, OPEN_ITEMS_MAX, policyOf, POLICY_SETTERS } from './items.ts';
import {
  countBy,
  countByMonth,
  countByTheme,
  insertYouSaid,
  listItems,
  listYouSaid,
  policyRow,
  savePolicy,
  setYouSaidPublished,
  youSaidById,
} from './store.ts';

/** The service's methods for leaders (and the policy's setters). */
export function createLeadersService(deps: ServiceDeps) {
  const { db } = deps;
  const change = <T>(actor: Actor, fn: (ctx: ChangeContext) => Promise<T>) => withChange(deps, actor, fn);

  return {
    policy: async (actor: Actor) => {
      requireRole(actor, POLICY_SETTERS, paths.register.policy);
      return { policy: await policyOf(db, actor.laCode), isDefault: !(await policyRow(db, actor.laCode)) };
    },

    savePolicy: (actor: Actor, policy: RegisterPolicy) =>
      change(actor, async (ctx) => {
        requireRole(actor, POLICY_SETTERS, paths.register.policy);
        const before = await policyOf(ctx.trx, actor.laCode);
        await savePolicy(ctx.trx, actor.laCode, policy, actor.userId);
        await audit(ctx.trx, auditContext(actor), {
          action: 'register.policy.update',
          recordType: 'register_policy',
          recordId: actor.laCode,
          detail: { before, after: policy },
        });
      }),

    /**
     * What a SEND leader's and a team manager's first screen shows of the register: open items, those overdue (an
     * acknowledgement or answer past its date) and the most raised themes of the last 12 months, each opening its list.
     */
    leaderSummary: async (actor: Actor) => {
      requireRole(actor, LEADERS, paths.home);
      const la = actor.laCode;
      const today = deps.today();
      const policy = await policyOf(db, la);
      const open = await listItems(db, la, { status: 'open' }, 1, OPEN_ITEMS_MAX);
      // the counts page's own default period, so its numbers match
      const from = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`;
      const themes = (await countByTheme(db, la, from, today)).sort(
        (a, b) => b.n - a.n || String(a.key).localeCompare(String(b.key)),
      );
      return {
        open: open.total,
        overdue: open.rows.filter((r) => itemView(r, policy, today).overdue).length,
        since: from,
        sinceLabel: longDate(from),
        topThemes: themes.slice(0, 3).map((t) => ({
          theme: t.key as RegisterTheme,
          label: THEME_LABELS[t.key as RegisterTheme],
          n: t.n,
        })),
      };
    },

    /** Counts of items received in [from, to] by theme, team, community (ethnicity, first language), month and kind. */
    counts: async (actor: Actor, fromAsked: string | undefined, toAsked: string | undefined) => {
      requireRole(actor, LEADERS, paths.register.counts);
      const la = actor.laCode;
      const to = toAsked ?? deps.today();
      const from0 = fromAsked ?? `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}-01`;
      const from = from0 <= to ? from0 : to;
      const teams = new Map((await teamsOf(db, la)).map((t) => [t.id, t.name]));
      const byTeam = (await countBy(db, la, 'team_id', from, to)).map((r) => ({
        key: r.key ? (teams.get(r.key) ?? 'Unknown team') : 'No team',
        n: r.n,
      }));
      await audit(db, auditContext(actor), {
        action: 'register.counts.read',
        recordType: 'register_item',
        detail: { from, to },
      });
      return {
        from,
        to,
        byTheme: await countByTheme(db, la, from, to),
        byTeam,
        byEthnicity: await countBy(db, la, 'ethnicity', from, to),
        byLanguage: await countBy(db, la, 'first_language', from, to),
        byMonth: await countByMonth(db, la, from, to),
        byKind: await countBy(db, la, 'kind', from, to),
      };
    },

    youSaid: async (actor: Actor) => {
      requireRole(actor, LEADERS, paths.register.youSaid);
      return listYouSaid(db, actor.laCode, false);
    },

    addYouSaid: (
      actor: Actor,
      input: { theme: RegisterTheme; youSaid: string; weDid: string; publish: boolean },
      formToken: string | undefined,
    ) =>
      change(actor, async (ctx) => {
        requireRole(actor, LEADERS, paths.register.youSaid);
        const result = await once(ctx, formToken, async () => {
          const id = await insertYouSaid(ctx.trx, actor.laCode, {
            theme: input.theme,
            youSaid: input.youSaid,
            weDid: input.weDid,
            publishedOn: input.publish ? ctx.today : null,
            createdBy: actor.userId,
          });
          await audit(ctx.trx, auditContext(actor), {
            action: 'register.you-said.create',
            recordType: 'register_you_said',
            recordId: id,
            detail: { theme: input.theme, published: input.publish },
          });
          return id;
        });
        return result.resultId;
      }),

    publishYouSaid: (actor: Actor, id: string, publish: boolean) =>
      change(actor, async (ctx) => {
        requireRole(actor, LEADERS, paths.register.youSaid);
        const entry = isUuid(id) ? await youSaidById(ctx.trx, actor.laCode, id) : undefined;
        if (!entry) throw new NotFoundError();
        await setYouSaidPublished(
          ctx.trx,
          actor.laCode,
          id,
          publish ? (entry.published_on ?? ctx.today) : null,
        );
        await audit(ctx.trx, auditContext(actor), {
          action: publish ? 'register.you-said.publish' : 'register.you-said.unpublish',
          recordType: 'register_you_said',
          recordId: id,
        });
      }),
  };
}
