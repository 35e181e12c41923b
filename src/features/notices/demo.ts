/**
 * The demo authority's who-is-told settings (docs/rights.md): a fictional integrated care board as the health
 * commissioning body, and the council's social care, each with an address for decisions. Deterministic.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema/index.ts';
import type { DemoSeedOptions } from '../../platform/feature.ts';
import {
  authoritySettings,
  organisationsOfKinds,
  updateAuthoritySettings,
} from '../../platform/people/authority-settings.ts';
import { ensureOrganisation } from '../../platform/people/organisations.ts';

export const DEMO_COMMISSIONER = {
  id: 'c0a1b2c3-0000-4000-8000-00000000d0c1',
  teamId: 'c0a1b2c3-0000-4000-8000-00000000d0c2',
  name: 'Moorland and Wolds Integrated Care Board',
  kind: 'health' as const,
  teamName: 'Designated Clinical Officer for SEND',
  teamEmail: 'send.dco@mwicb.example',
};

export async function seedNoticesDemo(trx: Transaction<DB>, { laCode }: DemoSeedOptions): Promise<void> {
  await ensureOrganisation(trx, laCode, DEMO_COMMISSIONER);
  const socialCare = (await organisationsOfKinds(trx, laCode, ['social-care']))[0];
  const s = await authoritySettings(trx, laCode);
  await updateAuthoritySettings(trx, laCode, {
    mediationAdviser: s.mediationAdviser,
    authorityMediation: s.authorityMediation,
    disagreementResolution: s.disagreementResolution,
    sendiass: s.sendiass,
    commissioner: { organisationId: DEMO_COMMISSIONER.id, email: DEMO_COMMISSIONER.teamEmail },
    socialCare: {
      organisationId: socialCare?.id ?? null,
      email: socialCare ? 'send.socialcare@denmoor.example' : '',
    },
  });
}
