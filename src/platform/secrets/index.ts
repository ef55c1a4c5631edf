import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/*
 * Secrets the portal keeps in its own database (an OpenID Connect client
 * secret in `settings`) are sealed with AES-256-GCM, never stored in plain text.
 *
 * The key is SECRETS_KEY when set, otherwise derived from SESSION_SECRET
 * (HKDF-SHA-256), so a database dump alone reveals nothing. A sealed value
 * names its key by a short fingerprint, so after a rotation the previous key
 * (SECRETS_KEY_PREVIOUS) still opens old values until they are sealed again
 * (docs/operations.md, «Key rotation»).
 *
 * Format: `sealed:v1:<key id>:<base64url(iv ‖ tag ‖ ciphertext)>`.
 */

const PREFIX = 'sealed:v1:';

export type SecretKeys = { current: string; previous?: string | undefined };

type Key = { id: string; bytes: Buffer };

function keyOf(material: string): Key {
  const bytes = Buffer.from(hkdfSync('sha256', material, 'open-region', 'settings secrets v1', 32));
  return { id: createHash('sha256').update(bytes).digest('base64url').slice(0, 8), bytes };
}

export class SecretError extends Error {}

/** Is this value sealed (as opposed to plain text put there by hand)? */
export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** Seal a secret with the current key. */
export function sealSecret(plain: string, keys: SecretKeys): string {
  const key = keyOf(keys.current);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
  cipher.setAAD(Buffer.from(key.id));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${key.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Open a sealed secret with the current or the previous key; throws SecretError naming why, never the value. */
export function openSecret(sealed: string, keys: SecretKeys): string {
  if (!isSealed(sealed)) throw new SecretError('not a sealed value');
  const [id, data] = sealed.slice(PREFIX.length).split(':');
  const key = [keys.current, keys.previous]
    .filter((k): k is string => typeof k === 'string')
    .map(keyOf)
    .find((k) => k.id === id);
  if (!key || !data)
    throw new SecretError(`sealed with an unknown key ${id ?? ''}: set SECRETS_KEY_PREVIOUS`);
  const raw = Buffer.from(data, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(key.id));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretError(`sealed value ${id} is damaged`);
  }
}

/** Does this sealed value need sealing again with the current key (after a rotation)? */
export function sealedWithOldKey(sealed: string, keys: SecretKeys): boolean {
  return isSealed(sealed) && sealed.slice(PREFIX.length).split(':')[0] !== keyOf(keys.current).id;
}
