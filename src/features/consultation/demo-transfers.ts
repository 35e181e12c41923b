/**
 * For the phase-transfer demo (docs/transfers.md): the family's preferences for the next setting and the
 * consultations sent about them, some answered, written through this feature's store with ids from the demo's seeded
 * generator (the same in every database). The pages record these through recordPreference and the consultation
 * form; the demo writes the rows alone (no messages, no history entries dated by the clock).
 */
import type { Transaction } from 'kysely';
import { createRandom, hashString } from '../../demo/random.ts';
import type { DB } from '../../platform/db/schema/index.ts';
import { answerConsultation, insertConsultation, insertPreference } from './store.ts';

export interface TransferPlacementWanted {
  readonly caseId: string;
  readonly childId: string;
  /** The settings the family asked for, in order. */
  readonly settingIds: readonly string[];
  readonly received: string;
  /** The day each setting was consulted, or null (preference only). */
  readonly consultedOn: string | null;
  /** The day the first setting answered that it can meet the needs, or null. */
  readonly answeredOn: string | null;
}

export async function seedTransferPlacements(
  trx: Transaction<DB>,
  laCode: string,
  wanted: readonly TransferPlacementWanted[],
): Promise<number> {
  let made = 0;
  for (const w of wanted) {
    const rng = createRandom(hashString(`transfer-placement:${w.caseId}:${w.received}`));
    for (const [i, settingId] of w.settingIds.entries()) {
      const preference = await insertPreference(trx, {
        id: rng.uuid(),
        la_code: laCode,
        case_id: w.caseId,
        child_id: w.childId,
        kind: 'setting',
        setting_id: settingId,
        setting_type: null,
        received: w.received,
        source: 'caseworker',
        recorded_by: null,
      });
      if (!preference) continue;
      made++;
      if (!w.consultedOn) continue;
      const consultation = await insertConsultation(trx, {
        id: rng.uuid(),
        la_code: laCode,
        case_id: w.caseId,
        child_id: w.childId,
        setting_id: settingId,
        consultee: 'setting',
        authority_name: null,
        sent: w.consultedOn,
        sent_by: null,
      });
      if (consultation && i === 0 && w.answeredOn) {
        await answerConsultation(trx, laCode, consultation, {
          answer: 'can-meet',
          ground: null,
          reasons: null,
          answered: w.answeredOn,
          answered_by: null,
          answered_by_name: 'SENCO (demo)',
        });
      }
    }
  }
  return made;
}
