import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import type { SignUpInput } from './accounts.input.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { sendAlreadyRegisteredMail, sendConfirmationMail } from './mails.ts';
import { hashPassword } from './passwords.ts';
import { actorOf } from './sessions.ts';

/** Version of the consent text the person agreed to, kept in the audit log with the sign-up. */
export const CONSENT_VERSION = '152-FZ/2026-01';

export function displayNameOf(n: { lastName: string; firstName: string; patronymic: string | null }): string {
  return [n.lastName, n.firstName, n.patronymic].filter(Boolean).join(' ');
}

/**
 * Register by e-mail: the account waits for the confirmation link. The answer
 * is the same whether or not the address already has an account; its owner
 * gets a "you already have an account" mail instead (or a new link if unconfirmed).
 */
export async function signUp(
  deps: Deps,
  origin: Origin,
  input: SignUpInput,
  opts: { locale: Locale },
): Promise<void> {
  authorize(accountsPolicy.canSignUp(origin.actor));
  // Hash before looking the address up, so both paths take the same time.
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const created = await repo.insertUser(tx, {
      email: input.email,
      passwordHash,
      lastName: input.lastName,
      firstName: input.firstName,
      patronymic: input.patronymic,
      displayName: displayNameOf(input),
      locale: opts.locale,
      createdAt: now,
      updatedAt: now,
    });
    if (created) {
      await sendConfirmationMail(deps, tx, created);
      await recordAction(tx, {
        actor: actorOf(created, []),
        ip: origin.ip,
        action: 'account.sign_up',
        objectType: 'user',
        objectId: created.id,
        details: { consent: CONSENT_VERSION, consentAt: now.toISOString() },
      });
      return;
    }
    const existing = await repo.findUserByEmail(tx, input.email);
    if (!existing || existing.disabledAt) return;
    if (existing.emailVerifiedAt) await sendAlreadyRegisteredMail(deps, tx, existing);
    else await sendConfirmationMail(deps, tx, existing);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'account.sign_up_existing',
      objectType: 'user',
      objectId: existing.id,
    });
  });
}
