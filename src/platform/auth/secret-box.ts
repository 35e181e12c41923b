/**
 * Secrets encrypted at rest (second-factor secrets): AES-256-GCM with a 32-byte key from the environment
 * (SECOND_FACTOR_KEY), a fresh 12-byte nonce each time, and the record the secret belongs to as associated data, so a
 * ciphertext copied to another user's row does not decrypt. Stored as `v1.<nonce>.<tag>.<ciphertext>` (base64url).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export function seal(key: Buffer, plaintext: string, boundTo: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The plaintext, or null when the box was sealed with another key, for another record, or has been altered. */
export function open(key: Buffer, sealed: string, boundTo: string): string | null {
  const [version, nonce, tag, body] = sealed.split('.');
  if (version !== 'v1' || !nonce || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(boundTo, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}

/** A keyed hash (HMAC-SHA-256) for values kept only to be compared, such as recovery codes. */
export function keyedHash(key: Buffer, purpose: string, value: string): string {
  return createHmac('sha256', key).update(`${purpose}\n${value}`).digest('hex');
}
