import { z } from 'zod';
import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { type Actor, isSignedIn } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFound, Unauthenticated } from '../../platform/errors/index.ts';
import { accountsRepository } from './accounts.repository.ts';
import { type ApiTokenRow, apiTokensRepository as repo } from './api-tokens.repository.ts';
import { actorOf } from './sessions.ts';
import { hashToken, newToken } from './tokens.ts';

/** Tokens say what they are, so a leaked one is easy to recognise in logs and scanners. */
export const API_TOKEN_PREFIX = 'ort_';
export const API_TOKEN_TTL_MS = 365 * 24 * 3600 * 1000;
// last_used_at is written at most this often, so most API calls write nothing
const TOUCH_EVERY_MS = 10 * 60 * 1000;

export const apiTokenInput = z.object({
  name: z
    .string('accounts.tokens.name.required')
    .trim()
    .min(1, 'accounts.tokens.name.required')
    .max(100, 'accounts.tokens.name.tooLong'),
});

function userIdOf(origin: Origin): string {
  if (!isSignedIn(origin.actor)) throw new Unauthenticated();
  return origin.actor.userId;
}

/** Create a personal API token; the plain token is returned once and never stored. */
export async function createApiToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: z.infer<typeof apiTokenInput>,
): Promise<{ token: string; row: ApiTokenRow }> {
  const userId = userIdOf(origin);
  const now = deps.clock.now();
  const token = `${API_TOKEN_PREFIX}${newToken()}`;
  return deps.db.transaction(async (tx) => {
    const row = await repo.insert(tx, {
      userId,
      name: input.name,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + API_TOKEN_TTL_MS),
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'api_token.create',
      objectType: 'api_token',
      objectId: row.id,
      details: { name: input.name },
    });
    return { token, row };
  });
}

/** The signed-in person's own tokens. */
export async function listApiTokens(deps: Pick<Deps, 'db'>, origin: Origin): Promise<ApiTokenRow[]> {
  return repo.listByUser(deps.db, userIdOf(origin));
}

/** Revoke one of one's own tokens; someone else's is a 404. */
export async function revokeApiToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  id: string,
): Promise<void> {
  const userId = userIdOf(origin);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound('api_token');
  await deps.db.transaction(async (tx) => {
    if ((await repo.revoke(tx, userId, id, deps.clock.now())) === 0) throw new NotFound('api_token');
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'api_token.revoke',
      objectType: 'api_token',
      objectId: id,
    });
  });
}

/** The actor behind `Authorization: Bearer <token>`; null for an unknown, revoked or expired token. */
export async function resolveApiToken(db: DbOrTx, token: string, now: Date): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const row = await repo.findLive(db, hashToken(token), now);
  if (!row) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() >= TOUCH_EVERY_MS)
    await repo.touch(db, row.token.id, now);
  return actorOf(row.user, await accountsRepository.grantsOf(db, row.user.id));
}
