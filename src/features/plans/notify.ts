/** Who is told of a plan shared or issued, and the child's name as a message to the family gives it. */
import type { Executor } from '../../platform/audit/audit.ts';
import { recipientsFor } from '../../platform/people/recipients.ts';

export const childName = (r: { given_name: string; preferred_name: string | null }) =>
  r.preferred_name || r.given_name;

/** The child's family and advisers with accounts, by email: who is told of a plan shared or issued. */
export const familyAndAdvisers = (trx: Executor, laCode: string, childId: string) =>
  recipientsFor(trx, laCode, childId, { family: true, advisers: true });
