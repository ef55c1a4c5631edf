import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, no whitespace, undefined dropped. The
 * same content always gives the same bytes, whatever order it was built in
 * or how PostgreSQL's jsonb stored it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('non-finite number');
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** What one log entry commits to besides the previous hash. */
export type LogEntryContent = {
  seq: number;
  publicationId: string;
  version: number;
  action: string;
  at: string;
  content: unknown;
};

/** SHA-256 (hex) over the previous entry's hash, a newline and the entry's canonical JSON. */
export function entryHash(prevHash: string, e: LogEntryContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        seq: e.seq,
        publicationId: e.publicationId,
        version: e.version,
        action: e.action,
        at: e.at,
        content: e.content,
      }),
    )
    .digest('hex');
}
