/**
 * The shared set-up of a feature's database tests: signed-in clients, made once per role per test file.
 *
 * Signing in through the form costs about 2.4 s an account on a loaded machine (argon2 on the password, then the
 * second factor's pages), and a feature test signs in a dozen accounts per engine. Tests that are not testing sign-in
 * get their session from the platform's own session code instead (`createSession`, the second factor given, as the
 * second-factor step leaves it): the same session row, cookie and CSRF binding as a real sign-in, so every request
 * after it runs exactly as for a signed-in user. Sign-in itself (password, second factor, throttling, audit) is
 * tested through the form in the auth and second-factor features.
 */
import { createSession } from '../../src/platform/auth/sessions.ts';
import type { Role } from '../../src/platform/db/schema/index.ts';
import { sessionCookieName } from '../../src/platform/web/app.ts';
import type { TestApp } from './app.ts';
import { TestClient } from './client.ts';
import { createUser } from './factories.ts';

export type TestUser = Awaited<ReturnType<typeof createUser>>;

/** A client signed in as the user: a session made as sign-in and the second factor make it. */
export async function clientFor(t: TestApp, user: { id: string; laCode: string }): Promise<TestClient> {
  const { token } = await createSession(
    t.database.db,
    { laCode: user.laCode, userId: user.id },
    { ip: '127.0.0.1', userAgent: 'lightMyRequest' },
    new Date(),
    'done',
  );
  const client = new TestClient(t.app);
  client.useCookie(sessionCookieName(t.config), token);
  return client;
}

/** A new user of the role in the authority (in the team when given), and a client signed in as them. */
export async function signedIn(
  t: TestApp,
  laCode: string,
  role: Role,
  teamId?: string,
): Promise<{ user: TestUser; client: TestClient }> {
  const user = await createUser(t.database.db, laCode, role, teamId ? { teamId } : {});
  return { user, client: await clientFor(t, user) };
}
