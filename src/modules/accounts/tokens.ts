import { createHash, randomBytes } from 'node:crypto';

/** A random 32-byte token for a cookie or a mailed link, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
