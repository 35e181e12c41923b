import { createHash } from 'node:crypto';

/** Goldthread's namespace for name-based identifiers (a fixed random UUID; never change it). */
export const GOLDTHREAD_NAMESPACE = '5b0a6f0e-3c1d-4e8a-9d4f-2f7c1e6a9b31';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * A name-based (version 5, SHA-1) UUID, RFC 9562: the same namespace and name always give the same identifier.
 * Used for the Open Referral ids of things Goldthread does not store as rows of their own (a service's
 * schedules, contacts, cost options, taxonomy links), so the feed's ids stay stable between requests.
 */
export function uuidV5(name: string, namespace: string = GOLDTHREAD_NAMESPACE): string {
  if (!isUuid(namespace)) throw new Error(`namespace is not a UUID: ${namespace}`);
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
