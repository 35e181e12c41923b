/**
 * Rights in every decision and who is told (docs/rights.md): the authority's rights contacts (administrators), the
 * decision notices (pages, PDF and Word) and the organisations' inbox. Every change in one transaction, audited.
 */
import type { Actor } from '../../platform/access/access.ts';
import {
  auditContext,
  canSeeChild,
  isUuid,
  requireRole,
  seesAllChildren,
} from '../../platform/access/access.ts';
import { audit, type Executor } from '../../platform/audit/audit.ts';
import { blocksDocx, blocksPdf } from '../../platform/documents/documents.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { withChange } from '../../platform/change/change.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import {
  authoritySettings,
  organisationsOfKinds,
  updateAuthoritySettings,
  type SettingsChange,
} from '../../platform/people/authority-settings.ts';
import {
  childNames,
  noticeParties,
  organisationNames,
  organisationOfUser,
} from '../../platform/people/organisations.ts';
import {
  isNoticeKind,
  noticeBlocks,
  noticeMilestone,
  noticeView,
  withSurvey,
  type NoticeFacts,
  type NoticeKind,
} from './notice.ts';
import { inboxItem, inboxOf, letterInboxOf, markRead, recipientsOf } from './store.ts';
import { createPlanLetters, type LetterFactsOf, type SurveyInvitationOf } from './plan-letters.ts';
import { FieldError } from '../../platform/web/forms.ts';
import type { InboxRow } from './inbox.ts';

const ADMIN: readonly Role[] = ['administrator'];
const TOLD_KINDS = ['health', 'social-care'] as const;

export class UnknownOrganisationError extends FieldError {
  constructor(field: string) {
    super(field, 'Select an organisation from the list');
  }
}

/** What notices asks other features (the composition root passes them in). */
export interface NoticesNeeds {
  /** A case's decisions (assessments' `decisionFacts`). */
  readonly decisionFacts: (db: Executor, laCode: string, caseId: string) => Promise<CaseFacts | undefined>;
  /** A plan letter's facts, from the feature that owns its record (reviews, ceasing, amendments). */
  readonly letterFacts?: LetterFactsOf;
  /** The survey's invitation in a milestone's letter, read by its family or staff (the register's; ADR 0057). */
  readonly surveyInvitation?: SurveyInvitationOf;
}

/**
 * Who may read a decision notice: the authority's casework staff; the child's family (a parent or young-person
 * grant); a professional whose organisation was sent the decision (its inbox). Anyone else is told it does not
 * exist, and the denial is audited.
 */
async function mayRead(db: Executor, actor: Actor, facts: NoticeFacts, kind: NoticeKind) {
  if (seesAllChildren(actor)) return true;
  if (actor.role === 'parent' || actor.role === 'young-person') return canSeeChild(db, actor, facts.child_id);
  if (actor.role !== 'professional') return false;
  const organisation = await organisationOfUser(db, actor.laCode, actor.userId);
  return !!organisation && !!(await inboxItem(db, actor.laCode, organisation.id, facts.id, kind));
}

function denied(actor: Actor, caseId: string): NotFoundError {
  return new NotFoundError('Not found', {
    ctx: auditContext(actor),
    entry: {
      action: 'notice.read.denied',
      recordType: 'assessment_case',
      recordId: isUuid(caseId) ? caseId : null,
      outcome: 'denied',
    },
  });
}

/** What the case itself says (the child, team and officer are looked up in the core records). */
export type CaseFacts = Omit<
  NoticeFacts,
  | 'given_name'
  | 'family_name'
  | 'preferred_name'
  | 'reference'
  | 'date_of_birth'
  | 'team_name'
  | 'team_email'
  | 'team_phone'
  | 'officer_name'
  | 'officer_email'
> & { readonly team_id: string; readonly officer_id: string | null };

async function factsOf(db: Executor, laCode: string, needs: NoticesNeeds, caseId: string) {
  const c = await needs.decisionFacts(db, laCode, caseId);
  if (!c) return undefined;
  const parties = await noticeParties(db, laCode, {
    childId: c.child_id,
    teamId: c.team_id,
    officerId: c.officer_id,
  });
  return parties ? ({ ...c, ...parties } satisfies NoticeFacts) : undefined;
}

export function createNoticesService(deps: Pick<ServiceDeps, 'db' | 'jobs' | 'today'>, needs: NoticesNeeds) {
  const { db } = deps;

  /** The notice, read and audited in one transaction; 404 for a decision the case lacks or a reader not allowed. */
  const notice = (actor: Actor, caseId: string, kind: string) =>
    db.transaction().execute(async (trx) => {
      if (!isUuid(caseId) || !isNoticeKind(kind)) throw denied(actor, caseId);
      const facts = await factsOf(trx, actor.laCode, needs, caseId);
      if (!facts || !(await mayRead(trx, actor, facts, kind))) throw denied(actor, caseId);
      const settings = await authoritySettings(trx, actor.laCode);
      const told = await recipientsOf(trx, actor.laCode, caseId, kind);
      const names = await organisationNames(
        trx,
        actor.laCode,
        told.map((t) => t.organisation_id),
      );
      const plain = noticeView(facts, kind, settings, [...names.values()]);
      if (!plain) throw denied(actor, caseId);
      // The family's survey after the milestone (ADR 0057): in the letter the family and staff read, not a school's.
      const milestone = actor.role === 'professional' ? undefined : noticeMilestone(kind, caseId);
      const view = withSurvey(
        plain,
        milestone &&
          (await needs.surveyInvitation?.(trx, actor.laCode, { childId: facts.child_id, ...milestone })),
      );
      if (actor.role === 'professional') {
        const organisation = await organisationOfUser(trx, actor.laCode, actor.userId);
        const item = organisation && (await inboxItem(trx, actor.laCode, organisation.id, caseId, kind));
        if (item && !item.read_at) await markRead(trx, actor.laCode, item.id, actor.userId);
      }
      await audit(trx, auditContext(actor), {
        action: 'notice.read',
        recordType: 'assessment_case',
        recordId: caseId,
        childId: facts.child_id,
        detail: { kind },
      });
      return { view, reference: facts.reference, staff: seesAllChildren(actor), childId: facts.child_id };
    });

  return {
    notice,

    /** The letters about a plan: a review's decision, a decision to cease or not to amend, a transfer in. */
    ...createPlanLetters(deps, needs.letterFacts, needs.surveyInvitation),

    /** The decisions sent to the professional's organisation, newest first (their inbox). */
    async inbox(actor: Actor) {
      requireRole(actor, ['professional'], 'notices.inbox');
      const organisation = await organisationOfUser(db, actor.laCode, actor.userId);
      if (!organisation) return { organisation: null, items: [] };
      const items = await inboxOf(db, actor.laCode, organisation.id);
      const letters = await letterInboxOf(db, actor.laCode, organisation.id);
      const children = await childNames(db, actor.laCode, [
        ...items.map((i) => i.child_id),
        ...letters.map((i) => i.child_id),
      ]);
      const rows: InboxRow[] = [
        ...items.map((i) => ({ ...i, child: children.get(i.child_id), created: i.created_at })),
        ...letters.map((l) => ({
          letter: { kind: l.kind, recordId: l.record_id },
          decision_date: l.letter_date,
          reason: l.reason,
          read_at: l.read_at,
          child: children.get(l.child_id),
          created: l.created_at,
        })),
      ];
      rows.sort((a, b) => Number(new Date(b.created ?? 0)) - Number(new Date(a.created ?? 0)));
      return { organisation: organisation.name, items: rows };
    },

    /** The notice as a PDF or Word document, with its file name. */
    async noticeDocument(actor: Actor, caseId: string, kind: string, format: 'pdf' | 'docx') {
      const { view, reference } = await notice(actor, caseId, kind);
      const blocks = noticeBlocks(view);
      const meta = { subject: `${view.label}: ${reference}` };
      return {
        fileName: `Decision-notice-${reference}-${view.kind}.${format}`,
        content: format === 'pdf' ? await blocksPdf(blocks, meta) : await blocksDocx(blocks, meta),
      };
    },

    async rightsSettings(actor: Actor) {
      requireRole(actor, ADMIN, 'notices.rights-contacts');
      const [settings, organisations] = await Promise.all([
        authoritySettings(db, actor.laCode),
        organisationsOfKinds(db, actor.laCode, TOLD_KINDS),
      ]);
      return { settings, organisations };
    },

    saveRightsSettings: (actor: Actor, change: SettingsChange): Promise<void> =>
      withChange(deps, actor, async ({ trx }) => {
        requireRole(actor, ADMIN, 'notices.rights-contacts');
        const allowed = await organisationsOfKinds(trx, actor.laCode, TOLD_KINDS);
        const ok = (id: string | null, kind: string) =>
          id === null || allowed.some((o) => o.id === id && o.kind === kind);
        if (!ok(change.commissioner.organisationId, 'health'))
          throw new UnknownOrganisationError('commissionerOrganisationId');
        if (!ok(change.socialCare.organisationId, 'social-care'))
          throw new UnknownOrganisationError('socialCareOrganisationId');
        const before = await authoritySettings(trx, actor.laCode);
        await updateAuthoritySettings(trx, actor.laCode, change);
        const changed = (Object.keys(change) as Array<keyof SettingsChange>).filter(
          (k) => JSON.stringify(before[k]) !== JSON.stringify(change[k]),
        );
        await audit(trx, auditContext(actor), {
          action: 'notices.rights-contacts.update',
          recordType: 'local_authority',
          recordId: actor.laCode,
          detail: { changed },
        });
      }),
  };
}

export type NoticesService = ReturnType<typeof createNoticesService>;
