/**
 * Learning actions (statutory-work.md S12: "learning action linked to the improvement plan"; docs/register.md
 * "Learning actions"; ADR 0047): what the council learnt from a theme of the register, one register item, or a
 * tribunal appeal's outcome, and the improvement plan action that takes it on, so leaders see what was learnt and
 * where it went. Team managers and SEND leaders (who manage the improvement plan) raise and read them. The plan's
 * actions come from the improvement feature's public surface; an appeal's outcome from the tribunal feature's.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, isUuid, requireRole } from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { withChange } from '../../platform/change/change.ts';
import { once } from '../../platform/change/once.ts';
import type { RegisterTheme } from '../../platform/db/schema/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import { activeOfficers } from '../../platform/people/users.ts';
import { FieldError } from '../../platform/web/forms.ts';
import { paths } from '../../platform/web/paths.ts';
import { longDate } from '../../domain/calendar.ts';
import { KIND_LABELS, THEME_LABELS, THEMES } from '../../domain/register/index.ts';
import { OUTCOME_LABELS } from '../../domain/tribunal/index.ts';
import { actionChoices } from '../improvement/index.ts';
import { appealOutcome } from '../tribunal/index.ts';
import { itemById } from './store.ts';
import { insertLearning, learningOfAction, listLearning, type LearningRow } from './store/learning.ts';

/** Who raises and reads learning actions: those who manage the improvement plan. */
const LEARNING_ROLES = ['team-manager', 'send-leader'] as const;
export const LEARNING_PAGE_SIZE = 25;

/** Where the learning came from: one of a theme, an item, or an appeal. */
export interface LearningSourceInput {
  readonly itemId?: string | undefined;
  readonly appealId?: string | undefined;
  readonly theme?: RegisterTheme | undefined;
}

export interface LearningInput extends LearningSourceInput {
  readonly learnt: string;
  readonly actionId: string;
}

export class LearningError extends FieldError {}

/** What the source is, in words, with its link; 404 for an item or appeal that is not this authority's. */
async function sourceOf(x: Executor, laCode: string, s: LearningSourceInput) {
  if (s.itemId) {
    const item = isUuid(s.itemId) ? await itemById(x, laCode, s.itemId) : undefined;
    if (!item) throw new NotFoundError();
    return {
      source: 'item' as const,
      itemId: item.id,
      text: `${KIND_LABELS[item.kind]} ${item.reference}`,
      href: paths.register.item(item.id),
    };
  }
  if (s.appealId) {
    const appeal = isUuid(s.appealId) ? await appealOutcome(x, laCode, s.appealId) : undefined;
    if (!appeal?.outcome) throw new NotFoundError();
    const on = appeal.conceded_on ?? appeal.decided_on;
    return {
      source: 'tribunal' as const,
      appealId: appeal.id,
      text: `Tribunal: ${OUTCOME_LABELS[appeal.outcome]}${on ? ` (${longDate(on)})` : ''}`,
      href: paths.tribunal.show(appeal.id),
    };
  }
  return null;
}

/** Where one learning action came from, in words, with its link. */
async function sourceOfRow(x: Executor, laCode: string, r: LearningRow) {
  return r.source === 'theme'
    ? { text: `Theme: ${THEME_LABELS[r.theme!]}`, href: withTheme(r.theme!) }
    : await sourceOf(x, laCode, { itemId: r.item_id ?? undefined, appealId: r.disagreement_id ?? undefined });
}

/**
 * The learning actions sent to one improvement plan action, newest first, for its page (ADR 0047): what was learnt,
 * where from, when and by whom. Only those who read learning actions (team managers, SEND leaders) see them: null
 * for anyone else. Audited as a read of the learning.
 */
export async function learningForAction(db: Executor, actor: Actor, actionId: string) {
  if (!(LEARNING_ROLES as readonly string[]).includes(actor.role) || !isUuid(actionId)) return null;
  const rows = await learningOfAction(db, actor.laCode, actionId);
  const officers = new Map((await activeOfficers(db, actor.laCode)).map((o) => [o.id, o.display_name]));
  const shown = [];
  for (const r of rows) {
    const source = await sourceOfRow(db, actor.laCode, r);
    shown.push({
      id: r.id,
      learnt: r.learnt,
      raisedOn: r.raised_on,
      sourceText: source?.text ?? '',
      sourceHref: source?.href ?? null,
      raisedByName: r.raised_by ? (officers.get(r.raised_by) ?? null) : null,
    });
  }
  await audit(db, auditContext(actor), {
    action: 'register.learning.read',
    recordType: 'register_learning',
    detail: { improvementActionId: actionId, shown: rows.length },
  });
  return shown;
}

export function createLearningService(deps: ServiceDeps) {
  const { db } = deps;

  return {
    /** The form: the source when raised from an item or an appeal, and the improvement plan's actions. */
    learningForm: async (actor: Actor, s: LearningSourceInput) => {
      requireRole(actor, LEARNING_ROLES, paths.register.learningNew);
      return { source: await sourceOf(db, actor.laCode, s), actions: await actionChoices(db, actor) };
    },

    /** Raises one (once for a repeated form). Returns its id. */
    raiseLearning: (actor: Actor, input: LearningInput, formToken: string | undefined) =>
      withChange(deps, actor, async (ctx) => {
        requireRole(actor, LEARNING_ROLES, paths.register.learningNew);
        const source = await sourceOf(ctx.trx, actor.laCode, input);
        if (!source && !(input.theme && THEMES.includes(input.theme)))
          throw new LearningError('theme', 'Select the theme it was learnt from');
        const action = (await actionChoices(ctx.trx, actor)).find((a) => a.id === input.actionId);
        if (!action)
          throw new LearningError('actionId', 'Select the action in the improvement plan that takes it on');
        const result = await once(ctx, formToken, async () => {
          const row: Omit<LearningRow, 'id'> = {
            source: source?.source ?? 'theme',
            theme: source ? null : input.theme!,
            item_id: source?.source === 'item' ? source.itemId : null,
            disagreement_id: source?.source === 'tribunal' ? source.appealId : null,
            learnt: input.learnt,
            improvement_action_id: action.id,
            raised_by: actor.userId,
            raised_on: ctx.today,
          };
          const id = await insertLearning(ctx.trx, actor.laCode, row);
          await audit(ctx.trx, auditContext(actor), {
            action: 'register.learning.create',
            recordType: 'register_learning',
            recordId: id,
            detail: {
              source: row.source,
              theme: row.theme,
              itemId: row.item_id,
              disagreementId: row.disagreement_id,
              improvementActionId: action.id,
            },
          });
          return id;
        });
        return result.resultId;
      }),

    /** What was learnt, newest first: where it came from and the improvement plan action it went to. */
    learning: async (actor: Actor, page: number) => {
      requireRole(actor, LEARNING_ROLES, paths.register.learning);
      const { rows, total } = await listLearning(db, actor.laCode, page, LEARNING_PAGE_SIZE);
      const actions = new Map((await actionChoices(db, actor)).map((a) => [a.id, a]));
      const officers = new Map((await activeOfficers(db, actor.laCode)).map((o) => [o.id, o.display_name]));
      const shown = [];
      for (const r of rows) {
        const source = await sourceOfRow(db, actor.laCode, r);
        shown.push({
          ...r,
          sourceText: source?.text ?? '',
          sourceHref: source?.href ?? null,
          action: actions.get(r.improvement_action_id) ?? null,
          raisedByName: r.raised_by ? (officers.get(r.raised_by) ?? null) : null,
        });
      }
      await audit(db, auditContext(actor), {
        action: 'register.learning.read',
        recordType: 'register_learning',
        detail: { page },
      });
      return { rows: shown, total, pages: Math.max(1, Math.ceil(total / LEARNING_PAGE_SIZE)) };
    },
  };
}

const withTheme = (theme: RegisterTheme) => `${paths.register.list}?theme=${encodeURIComponent(theme)}`;
