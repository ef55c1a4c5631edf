import type { Tx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { isLocale, translator } from '../../platform/i18n/index.ts';
import { accountsRepository as repo, type UserRow } from './accounts.repository.ts';
import { hashToken, newToken } from './tokens.ts';

export const CONFIRM_TTL_MS = 48 * 3600 * 1000;
export const RESET_TTL_MS = 3600 * 1000;

function tOf(user: UserRow) {
  return translator(isLocale(user.locale) ? user.locale : 'ru');
}

async function issueToken(deps: Deps, tx: Tx, user: UserRow, purpose: 'confirm' | 'reset', ttl: number) {
  const now = deps.clock.now();
  // A new link replaces the earlier ones of the same purpose.
  await repo.invalidateEmailTokens(tx, user.id, purpose, now);
  const token = newToken();
  await repo.insertEmailToken(tx, {
    tokenHash: hashToken(token),
    userId: user.id,
    purpose,
    now,
    expiresAt: new Date(now.getTime() + ttl),
  });
  return token;
}

/** A one-time link confirming the e-mail address, sent through the outbox in the caller's transaction. */
export async function sendConfirmationMail(deps: Deps, tx: Tx, user: UserRow): Promise<void> {
  const token = await issueToken(deps, tx, user, 'confirm', CONFIRM_TTL_MS);
  const t = tOf(user);
  await deps.mail.send(tx, {
    to: user.email,
    kind: 'account.confirm',
    subject: t('accounts.mail.confirm.subject'),
    text: t('accounts.mail.confirm.body', {
      name: user.firstName ?? user.displayName,
      link: `${deps.config.publicUrl}/confirm-email/${token}`,
    }),
  });
}

/** A one-time link to set a new password. */
export async function sendResetMail(deps: Deps, tx: Tx, user: UserRow): Promise<void> {
  const token = await issueToken(deps, tx, user, 'reset', RESET_TTL_MS);
  const t = tOf(user);
  await deps.mail.send(tx, {
    to: user.email,
    kind: 'account.reset',
    subject: t('accounts.mail.reset.subject'),
    text: t('accounts.mail.reset.body', {
      name: user.firstName ?? user.displayName,
      link: `${deps.config.publicUrl}/password-reset/${token}`,
    }),
  });
}

/** Sign-up with a taken address tells the owner, not the person who typed it. */
export async function sendAlreadyRegisteredMail(deps: Deps, tx: Tx, user: UserRow): Promise<void> {
  const t = tOf(user);
  await deps.mail.send(tx, {
    to: user.email,
    kind: 'account.exists',
    subject: t('accounts.mail.exists.subject'),
    text: t('accounts.mail.exists.body', {
      name: user.firstName ?? user.displayName,
      signIn: `${deps.config.publicUrl}/sign-in`,
      reset: `${deps.config.publicUrl}/password-reset`,
    }),
  });
}
