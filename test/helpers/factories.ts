/** Test data factories: one per record type, sensible defaults, overridden per test. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Actor } from '../../src/platform/access/access.ts';
import {
  DEMO_TOTP_SECRET,
  enrolWithKnownSecret,
  secondFactorRequired,
} from '../../src/platform/auth/second-factor.ts';
import { DEMO_SECOND_FACTOR_KEY } from '../../src/platform/config.ts';
import type { DB, GrantKind, Role } from '../../src/platform/db/schema/index.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
let hash: Promise<string> | undefined;
const passwordHash = () => (hash ??= hashPassword(TEST_PASSWORD));

let counter = 0;
const next = () => ++counter;

/** Numbers records from 1 again: each test file starts so, even when files share a worker (`test/per-file.ts`). */
export function resetFactories(): void {
  counter = 0;
}

export async function createAuthority(db: Kysely<DB>, laCode = '901') {
  await db
    .insertInto('local_authority')
    .values({
      la_code: laCode,
      name: `Testshire ${laCode} Council`,
      team_email: `send${laCode}@council.example`,
      team_phone: '0300 000 0000',
      sendiass_name: 'Testshire SENDIASS',
      sendiass_phone: '0300 000 0001',
      sendiass_email: 'sendiass@example.org',
      sendiass_url: 'https://sendiass.example.org',
    })
    .execute();
  return laCode;
}

/** The authority's own organisation (the council) and a casework team in it. */
export async function createTeam(
  db: Kysely<DB>,
  laCode: string,
  overrides: { name?: string; email?: string | null; phone?: string | null } = {},
) {
  const { id: organisationId } = await db
    .insertInto('organisation')
    .values({ la_code: laCode, name: 'Council', kind: 'local-authority' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: teamId } = await db
    .insertInto('team')
    .values({
      la_code: laCode,
      organisation_id: organisationId,
      name: overrides.name ?? 'SEND casework',
      ...(overrides.email !== undefined ? { email: overrides.email } : {}),
      ...(overrides.phone !== undefined ? { phone: overrides.phone } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { organisationId, teamId };
}

/** The actor a service call runs as, for a user made by `createUser` (no session: service tests call services). */
export function actorFor(
  user: { id: string; email: string; laCode: string; role: Role },
  teamId: string | null = null,
): Actor {
  return {
    laCode: user.laCode,
    userId: user.id,
    sessionId: 'test',
    email: user.email,
    displayName: 'Test',
    role: user.role,
    teamId,
    jobTitle: null,
    ip: null,
  };
}

export async function createUser(
  db: Kysely<DB>,
  laCode: string,
  role: Role,
  overrides: {
    email?: string;
    displayName?: string;
    teamId?: string | null;
    active?: boolean;
    /** Enrolled with the demo authenticator key (test/helpers/second-factor.ts). Default: staff yes, families no. */
    secondFactor?: boolean;
  } = {},
) {
  const n = next();
  const id = randomUUID();
  const email = overrides.email ?? `${role}${n}@test.example`;
  await db
    .insertInto('app_user')
    .values({
      la_code: laCode,
      id,
      email,
      display_name: overrides.displayName ?? `Test ${role} ${n}`,
      role,
      team_id: overrides.teamId ?? null,
      password_hash: await passwordHash(),
      active: overrides.active ?? true,
    })
    .execute();
  if (overrides.secondFactor ?? secondFactorRequired(role))
    await enrolWithKnownSecret(db, DEMO_SECOND_FACTOR_KEY, [{ laCode, userId: id }], DEMO_TOTP_SECRET);
  return { id, email, laCode, role };
}

export async function createChild(
  db: Kysely<DB>,
  laCode: string,
  overrides: Partial<{
    givenName: string;
    familyName: string;
    leadOfficerId: string | null;
    dateOfBirth: string;
  }> = {},
) {
  const n = next();
  const id = randomUUID();
  await db
    .insertInto('child')
    .values({
      la_code: laCode,
      id,
      reference: `GT-T${String(n).padStart(5, '0')}`,
      given_name: overrides.givenName ?? `Child${n}`,
      family_name: overrides.familyName ?? `Family${n}`,
      date_of_birth: overrides.dateOfBirth ?? '2016-04-12',
      sex: 'F',
      primary_need: 'ASD',
      plan_status: 'plan',
      plan_first_issued: '2022-05-01',
      lead_officer_id: overrides.leadOfficerId ?? null,
    })
    .execute();
  return { id, laCode };
}

export async function grant(
  db: Kysely<DB>,
  laCode: string,
  userId: string,
  childId: string,
  kind: GrantKind,
) {
  await db
    .insertInto('access_grant')
    .values({ la_code: laCode, user_id: userId, child_id: childId, kind })
    .execute();
}

/** A setting on the authority's register with its kind and year groups (an in-area community school by default). */
export async function createSetting(
  db: Kysely<DB>,
  laCode: string,
  name: string,
  kind: 'early-years' | 'school' | 'college' | 'other',
  years: { first: number; last: number },
): Promise<string> {
  const n = next();
  const made = await db
    .insertInto('setting')
    .values({
      la_code: laCode,
      name,
      urn: `${laCode}${String(n).padStart(5, '0')}`,
      kind,
      type: kind === 'college' ? 'Further education' : 'Community school',
      phase: 'Mixed',
      first_year_group: years.first,
      last_year_group: years.last,
      in_area: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return made.id;
}

/** A SENCO at a setting: the setting's organisation and its SEN team (a school's staff are matched by the name). */
export async function createSenco(db: Kysely<DB>, laCode: string, settingName: string) {
  const org = await db
    .insertInto('organisation')
    .values({ la_code: laCode, name: settingName, kind: 'school' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db
    .insertInto('team')
    .values({
      la_code: laCode,
      organisation_id: org.id,
      name: `${settingName} SEN`,
      email: null,
      phone: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return createUser(db, laCode, 'professional', { displayName: `SENCO of ${settingName}`, teamId: team.id });
}
