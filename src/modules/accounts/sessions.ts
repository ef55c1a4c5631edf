import type { Actor, RoleGrant } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { accountsRepository as repo, type SessionRow, type UserRow } from './accounts.repository.ts';
import { hashToken, newToken } from './tokens.ts';

/** A remembered sign-in lasts 30 days after the last visit (sliding). */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** On a kiosk terminal a session ends after 5 idle minutes. */
export const KIOSK_IDLE_MS = 5 * 60 * 1000;
// A normal session is extended at most this often, so most requests write nothing.
const TOUCH_EVERY_MS = 10 * 60 * 1000;

export function sessionExpiry(now: Date, kiosk: boolean): Date {
  return new Date(now.getTime() + (kiosk ? KIOSK_IDLE_MS : SESSION_TTL_MS));
}

/** The request's actor for a signed-in person. */
export function actorOf(user: UserRow, grants: RoleGrant[]): Actor {
  return {
    kind: 'user',
    userId: user.id,
    displayName: user.displayName,
    email: user.email,
    identification: user.identification === 'esia' ? 'esia' : 'email',
    identityLevel: user.identityLevel,
    emailVerified: user.emailVerifiedAt !== null,
    grants,
  };
}

/**
 * Open a session for a person: returns the cookie token; the table keeps only
 * its SHA-256, so a database leak gives no usable cookie.
 */
export async function openSession(
  db: DbOrTx,
  s: { userId: string; kiosk: boolean; now: Date; userAgent?: string | undefined },
): Promise<string> {
  // Expired rows go as new ones come (an index range delete), so the table never grows unbounded.
  await repo.deleteExpiredSessions(db, s.now);
  const token = newToken();
  await repo.insertSession(db, {
    id: hashToken(token),
    userId: s.userId,
    kiosk: s.kiosk,
    now: s.now,
    expiresAt: sessionExpiry(s.now, s.kiosk),
    data: JSON.stringify({ ua: (s.userAgent ?? '').slice(0, 200) }),
  });
  return token;
}

export type ResolvedSession = { actor: Actor; session: SessionRow; extended: boolean };

/**
 * The actor behind a cookie token, extending the session when due (kiosk
 * sessions on every request, so 5 idle minutes end them). Unknown or expired → null.
 */
export async function resolveSession(db: DbOrTx, token: string, now: Date): Promise<ResolvedSession | null> {
  const id = hashToken(token);
  const row = await repo.findLiveSession(db, id, now);
  if (!row) return null;
  const grants = await repo.grantsOf(db, row.user.id);
  const due = row.session.kiosk || now.getTime() - row.session.lastSeenAt.getTime() >= TOUCH_EVERY_MS;
  if (due) await repo.touchSession(db, id, now, sessionExpiry(now, row.session.kiosk));
  return { actor: actorOf(row.user, grants), session: row.session, extended: due };
}

export function sessionUserAgent(s: SessionRow): string {
  try {
    const d = JSON.parse(s.data) as { ua?: unknown };
    return typeof d.ua === 'string' ? d.ua : '';
  } catch {
    return '';
  }
}
