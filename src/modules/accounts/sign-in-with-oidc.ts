import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo, type UserRow } from './accounts.repository.ts';
import type { IdentityClaims } from './oidc/client.ts';
import { actorOf, openSession } from './sessions.ts';
import { displayNameOf } from './sign-up.ts';

/**
 * Version of the consent text shown before a first sign-in through an OpenID
 * Connect provider creates an account (web/oidc-consent.tsx), kept in the
 * audit entry of the sign-up.
 */
export const OIDC_CONSENT_VERSION = '152-FZ/oidc/2026-11';

export type OidcSignInResult =
  | { kind: 'signed_in'; token: string; userId: string; created: boolean }
  | { kind: 'linked'; userId: string }
  | { kind: 'email_taken' }
  | { kind: 'linked_elsewhere' }
  | { kind: 'refused' }
  /** a new account would be created: ask the person's consent first (nothing has been stored) */
  | { kind: 'consent_needed' };

/**
 * Sign in (or link, when already signed in) with an OpenID Connect identity.
 * The account is found by provider + subject; a new identity joins an
 * existing account only when the provider vouches for the e-mail
 * (email_verified), otherwise that person must sign in by password and link
 * from the cabinet. An ЕСИА-type provider marks the account identified as
 * 'esia' with the level it reports.
 *
 * A first sign-in that would create an account creates it only with
 * `input.consent` (the version of the 152-ФЗ text the person agreed to, kept
 * in the audit entry as sign-up by password keeps it); without it the answer
 * is `consent_needed` and nothing is written.
 */
export async function signInWithOidc(
  deps: Deps,
  origin: Origin,
  input: {
    provider: { id: string; identification: 'email' | 'esia' };
    claims: IdentityClaims;
    consent?: string | undefined;
  },
  opts: { kiosk: boolean; userAgent?: string | undefined; replaceSession?: string | null },
): Promise<OidcSignInResult> {
  authorize(accountsPolicy.canSignIn(origin.actor));
  const { provider, claims } = input;
  const now = deps.clock.now();
  const identified = provider.identification === 'esia';

  const refresh = async (tx: Tx, user: UserRow) => {
    const patch: Partial<UserRow> = {};
    if (identified) {
      patch.identification = 'esia';
      patch.identityLevel = claims.level;
      // ЕСИА's name is the verified one.
      if (claims.lastName && claims.firstName) {
        patch.lastName = claims.lastName;
        patch.firstName = claims.firstName;
        patch.patronymic = claims.patronymic;
        patch.displayName = displayNameOf({
          lastName: claims.lastName,
          firstName: claims.firstName,
          patronymic: claims.patronymic,
        });
      }
    }
    if (claims.emailVerified && claims.email === user.email && !user.emailVerifiedAt)
      patch.emailVerifiedAt = now;
    if (Object.keys(patch).length) await repo.updateUser(tx, user.id, patch, now);
  };

  return deps.db.transaction(async (tx): Promise<OidcSignInResult> => {
    const identity = await repo.findIdentity(tx, provider.id, claims.subject);

    // Already signed in: link this identity to the current account.
    if (isSignedIn(origin.actor)) {
      const actor = origin.actor;
      if (identity && identity.userId !== actor.userId) return { kind: 'linked_elsewhere' };
      const me = await repo.findUserById(tx, actor.userId);
      if (!me) return { kind: 'linked_elsewhere' };
      if (!identity) await repo.insertIdentity(tx, me.id, provider.id, claims.subject);
      await refresh(tx, me);
      await recordAction(tx, {
        actor,
        ip: origin.ip,
        action: 'account.link_identity',
        objectType: 'user',
        objectId: me.id,
        details: {
          provider: provider.id,
          identification: identified ? 'esia' : 'email',
          level: claims.level,
        },
      });
      return { kind: 'linked', userId: me.id };
    }

    let user = identity ? await repo.findUserById(tx, identity.userId) : undefined;
    let created = false;
    if (!user) {
      const email = claims.email ?? `${provider.id}.${claims.subject}@oidc.invalid`.toLowerCase();
      const byEmail = claims.email ? await repo.findUserByEmail(tx, claims.email) : undefined;
      if (byEmail) {
        if (!claims.emailVerified) return { kind: 'email_taken' };
        user = byEmail;
      } else {
        if (!input.consent) return { kind: 'consent_needed' };
        const lastName = claims.lastName ?? '';
        const firstName = claims.firstName ?? '';
        user = await repo.insertUser(tx, {
          email,
          passwordHash: null,
          lastName: claims.lastName,
          firstName: claims.firstName,
          patronymic: claims.patronymic,
          displayName:
            displayNameOf({ lastName, firstName, patronymic: claims.patronymic }).trim() ||
            claims.email ||
            email,
          emailVerifiedAt: claims.email && claims.emailVerified ? now : null,
          identification: identified ? 'esia' : 'email',
          identityLevel: identified ? claims.level : null,
          createdAt: now,
          updatedAt: now,
        });
        if (!user) return { kind: 'email_taken' };
        created = true;
      }
      await repo.insertIdentity(tx, user.id, provider.id, claims.subject);
    }
    if (user.disabledAt) return { kind: 'refused' };
    await refresh(tx, user);
    if (opts.replaceSession) await repo.deleteSession(tx, opts.replaceSession);
    const token = await openSession(tx, {
      userId: user.id,
      kiosk: opts.kiosk,
      now,
      userAgent: opts.userAgent,
    });
    await recordAction(tx, {
      actor: actorOf(user, []),
      ip: origin.ip,
      action: created ? 'account.sign_up' : 'account.sign_in',
      objectType: 'user',
      objectId: user.id,
      details: {
        method: 'oidc',
        provider: provider.id,
        level: claims.level,
        kiosk: opts.kiosk,
        ...(created ? { consent: input.consent, consentAt: now.toISOString() } : {}),
      },
    });
    return { kind: 'signed_in', token, userId: user.id, created };
  });
}
