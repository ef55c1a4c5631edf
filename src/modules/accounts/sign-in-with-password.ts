import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput } from '../../platform/errors/index.ts';
import type { SignInInput } from './accounts.input.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { sendConfirmationMail } from './mails.ts';
import { verifyPassword } from './passwords.ts';
import { actorOf, openSession } from './sessions.ts';

export type SignInResult =
  | { kind: 'signed_in'; token: string; userId: string }
  | { kind: 'unconfirmed'; email: string };

/**
 * Sign in by e-mail and password: a new session (its token for the cookie).
 * Any mismatch gives the same answer; an unconfirmed address gets a fresh link.
 */
export async function signInWithPassword(
  deps: Deps,
  origin: Origin,
  input: SignInInput,
  opts: { kiosk: boolean; userAgent?: string | undefined; replaceSession?: string | null },
): Promise<SignInResult> {
  authorize(accountsPolicy.canSignIn(origin.actor));
  const user = await repo.findUserByEmail(deps.db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || user.disabledAt) {
    throw new InvalidInput([{ field: 'email', message: 'accounts.signIn.failed' }]);
  }
  const now = deps.clock.now();
  if (!user.emailVerifiedAt) {
    await deps.db.transaction(async (tx) => {
      await sendConfirmationMail(deps, tx, user);
    });
    return { kind: 'unconfirmed', email: user.email };
  }
  const token = await deps.db.transaction(async (tx) => {
    // A new token on every sign-in: a session fixed before sign-in is never promoted.
    if (opts.replaceSession) await repo.deleteSession(tx, opts.replaceSession);
    const t = await openSession(tx, { userId: user.id, kiosk: opts.kiosk, now, userAgent: opts.userAgent });
    await recordAction(tx, {
      actor: actorOf(user, []),
      ip: origin.ip,
      action: 'account.sign_in',
      objectType: 'user',
      objectId: user.id,
      details: { method: 'password', kiosk: opts.kiosk },
    });
    return t;
  });
  return { kind: 'signed_in', token, userId: user.id };
}
