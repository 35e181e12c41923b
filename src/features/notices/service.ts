/**
 * Rights in every decision and who is told (docs/rights.md): the authority's rights contacts (administrators), the
 * decision notices (pages, PDF and Word) and the organisations' inbox. Every change in one transaction, audited.
 */
import type { Actor } from '../../platform/access/access.ts';
import { auditContext, requireRole } from '../../platform/access/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { withChange } from '../../platform/change/change.ts';
import type { Role } from '../../platform/db/schema/index.ts';
import type { ServiceDeps } from '../../platform/feature.ts';
import {
  authoritySettings,
  organisationsOfKinds,
  updateAuthoritySettings,
  type SettingsChange,
} from '../../platform/people/authority-settings.ts';
import { FieldError } from '../../platform/web/forms.ts';

const ADMIN: readonly Role[] = ['administrator'];
const TOLD_KINDS = ['health', 'social-care'] as const;

export class UnknownOrganisationError extends FieldError {
  constructor(field: string) {
    super(field, 'Select an organisation from the list');
  }
}

export function createNoticesService(deps: Pick<ServiceDeps, 'db' | 'jobs' | 'today'>) {
  const { db } = deps;
  return {
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
