import { z } from 'zod';
import { readSetting, writeSetting } from '../../../platform/db/settings.ts';
import type { Deps } from '../../../platform/deps.ts';
import { isSealed, openSecret, sealedWithOldKey, sealSecret } from '../../../platform/secrets/index.ts';

/**
 * An OpenID Connect provider the portal signs people in with. Stored as the
 * JSON array under the `accounts.oidc_providers` key of the settings table, so
 * an administrator adds ЕСИА (through an OIDC gateway) or any other provider
 * without a release. `identification: 'esia'` marks providers whose sign-in
 * identifies a citizen for 59-ФЗ purposes.
 */
export const providerSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  labelRu: z.string().min(1),
  labelEn: z.string().min(1),
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scope: z.string().default('openid email profile'),
  identification: z.enum(['email', 'esia']).default('email'),
  /** the claim carrying the identity level; its values map to simplified | standard | verified */
  levelClaim: z.string().optional(),
  levelMap: z.record(z.string(), z.enum(['simplified', 'standard', 'verified'])).optional(),
  tokenEndpointAuth: z.enum(['client_secret_basic', 'client_secret_post']).default('client_secret_basic'),
  /** plain-http issuer (a test or local provider only) */
  allowInsecure: z.boolean().default(false),
});
export type OidcProvider = z.infer<typeof providerSchema> & {
  /** requests to the provider go through this function instead of the network (the in-process dev IdP) */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
};

export const PROVIDERS_SETTING = 'accounts.oidc_providers';

/** The provider id the local demo identity provider uses: it plays ЕСИА. */
export const DEV_IDP_PROVIDER = 'esia';

/** Is the local demo identity provider (/dev-idp) mounted in this deployment? */
export function devIdpEnabled(deps: Deps): boolean {
  return deps.config.seed === 'demo';
}

/**
 * The configured providers, each parsed, client secrets opened; a malformed
 * entry or a secret that cannot be opened is skipped and logged, never fatal.
 * A client secret found in plain text (written by hand) or sealed with the
 * previous key is sealed with the current key in place, so plain text does not stay.
 */
export async function configuredProviders(deps: Deps): Promise<OidcProvider[]> {
  const value = await readSetting(deps.db, PROVIDERS_SETTING);
  const list: unknown[] = Array.isArray(value) ? value : [];
  const keys = deps.config.secretKeys;
  const out: OidcProvider[] = [];
  let reseal = false;
  const stored = list.map((item) => {
    const p = providerSchema.safeParse(item);
    if (!p.success) {
      deps.log.warn({ setting: PROVIDERS_SETTING }, 'skipping a malformed OIDC provider');
      return item;
    }
    const secret = p.data.clientSecret;
    try {
      const plain = isSealed(secret) ? openSecret(secret, keys) : secret;
      out.push({ ...p.data, clientSecret: plain });
      if (!isSealed(secret) || sealedWithOldKey(secret, keys)) {
        reseal = true;
        return { ...(item as object), clientSecret: sealSecret(plain, keys) };
      }
    } catch (err) {
      deps.log.warn(
        { setting: PROVIDERS_SETTING, provider: p.data.id, reason: (err as Error).message },
        'skipping an OIDC provider whose secret cannot be opened',
      );
    }
    return item;
  });
  if (reseal) {
    await writeSetting(deps.db, PROVIDERS_SETTING, stored, deps.clock.now());
    deps.log.warn(
      { setting: PROVIDERS_SETTING },
      'sealed OIDC client secrets found in plain text or under the previous key',
    );
  }
  return out;
}

export type ProviderButton = {
  id: string;
  labelRu: string;
  labelEn: string;
  identification: 'email' | 'esia';
};

/** The buttons on /sign-in: configured providers, plus the demo ЕСИА when /dev-idp is mounted. */
export async function signInProviders(deps: Deps): Promise<ProviderButton[]> {
  const list: ProviderButton[] = (await configuredProviders(deps)).map((p) => ({
    id: p.id,
    labelRu: p.labelRu,
    labelEn: p.labelEn,
    identification: p.identification,
  }));
  if (devIdpEnabled(deps) && !list.some((p) => p.id === DEV_IDP_PROVIDER)) {
    list.unshift({
      id: DEV_IDP_PROVIDER,
      labelRu: 'Войти через Госуслуги (ЕСИА)',
      labelEn: 'Sign in with Gosuslugi (ESIA)',
      identification: 'esia',
    });
  }
  return list;
}
