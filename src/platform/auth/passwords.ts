/** Password hashing with argon2id (OWASP's first choice); verification takes the same time whether or not a user exists. */
import argon2 from 'argon2';

/** The length rules for every password a person chooses or is given (a temporary one, a changed one). */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, options);
}

let dummyHash: Promise<string> | undefined;

/** Verifies a password against a stored hash; with no hash, verifies against a dummy so timing reveals nothing. */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('goldthread-no-such-account');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
