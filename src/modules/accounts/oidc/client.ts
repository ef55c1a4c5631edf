import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import type { Deps } from '../../../platform/deps.ts';
import { configuredProviders, DEV_IDP_PROVIDER, devIdpEnabled, type OidcProvider } from './providers.ts';

/** The claims the portal takes from a provider, after the ID token and userinfo are checked. */
export type IdentityClaims = {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  lastName: string | null;
  firstName: string | null;
  patronymic: string | null;
  level: 'simplified' | 'standard' | 'verified' | null;
};

export const DEV_IDP_PATH = '/dev-idp';
export const DEV_IDP_CLIENT_ID = 'open-region';

/** The dev IdP's client secret: derived from SESSION_SECRET, so both sides know it without configuration. */
export function devIdpClientSecret(deps: Deps): string {
  return createHmac('sha256', deps.config.sessionSecret).update('dev-idp-client').digest('base64url');
}

export function callbackUrl(deps: Deps, providerId: string): string {
  return `${deps.config.publicUrl}/sign-in/oidc/${providerId}/callback`;
}

/**
 * Requests to the in-process dev IdP go through app.inject: no network, and it
 * works whatever PUBLIC_URL points at (a proxy, a port not yet listening).
 */
function injectFetch(app: FastifyInstance): (url: string, init: RequestInit) => Promise<Response> {
  return async (url, init) => {
    const u = new URL(url);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body =
      init.body instanceof URLSearchParams ? init.body.toString() : (init.body as string | undefined);
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: `${u.pathname}${u.search}`,
      headers: { ...headers, host: u.host },
      ...(body !== undefined && body !== null ? { payload: body } : {}),
    });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) out.append(k, String(one));
    }
    const empty = res.statusCode === 204 || res.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: out,
    });
  };
}

/** A provider by id: from the settings, or the demo ЕСИА at /dev-idp when mounted; undefined when unknown. */
export async function findProvider(app: FastifyInstance, id: string): Promise<OidcProvider | undefined> {
  const deps = app.deps;
  const configured = (await configuredProviders(deps)).find((p) => p.id === id);
  if (configured) return configured;
  if (id !== DEV_IDP_PROVIDER || !devIdpEnabled(deps)) return undefined;
  return {
    id: DEV_IDP_PROVIDER,
    labelRu: 'Госуслуги (ЕСИА), демонстрационный вход',
    labelEn: 'Gosuslugi (ESIA), demo sign-in',
    issuer: `${deps.config.publicUrl}${DEV_IDP_PATH}`,
    clientId: DEV_IDP_CLIENT_ID,
    clientSecret: devIdpClientSecret(deps),
    scope: 'openid email profile',
    identification: 'esia',
    levelClaim: 'trust_level',
    tokenEndpointAuth: 'client_secret_basic',
    allowInsecure: true,
    fetch: injectFetch(app),
  };
}

type Cached = { config: oidc.Configuration; at: number };
const discovered = new WeakMap<FastifyInstance, Map<string, Cached>>();
const DISCOVERY_TTL_MS = 3600 * 1000;

/** The provider's discovered configuration, cached for an hour. */
async function configurationOf(app: FastifyInstance, p: OidcProvider): Promise<oidc.Configuration> {
  let cache = discovered.get(app);
  if (!cache) {
    cache = new Map();
    discovered.set(app, cache);
  }
  const key = `${p.id}|${p.issuer}|${p.clientId}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const auth =
    p.tokenEndpointAuth === 'client_secret_post'
      ? oidc.ClientSecretPost(p.clientSecret)
      : oidc.ClientSecretBasic(p.clientSecret);
  const config = await oidc.discovery(new URL(p.issuer), p.clientId, undefined, auth, {
    ...(p.fetch ? { [oidc.customFetch]: p.fetch as oidc.CustomFetch } : {}),
    ...(p.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  cache.set(key, { config, at: Date.now() });
  return config;
}

/** What the browser keeps (in a signed cookie) between the redirect to the provider and its return. */
export type OidcTransaction = {
  provider: string;
  state: string;
  nonce: string;
  verifier: string;
  next: string;
};

/** Where to send the browser to sign in at the provider, and the transaction to keep. */
export async function startAuthorization(
  app: FastifyInstance,
  p: OidcProvider,
  next: string,
): Promise<{ url: string; tx: OidcTransaction }> {
  const config = await configurationOf(app, p);
  const verifier = oidc.randomPKCECodeVerifier();
  const tx: OidcTransaction = {
    provider: p.id,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier,
    next,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(app.deps, p.id),
    scope: p.scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: tx.state,
    nonce: tx.nonce,
  });
  return { url: url.href, tx };
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function levelOf(p: OidcProvider, claims: Record<string, unknown>): IdentityClaims['level'] {
  if (!p.levelClaim) return null;
  const raw = claims[p.levelClaim];
  if (raw === undefined || raw === null) return null;
  const mapped = p.levelMap?.[String(raw)] ?? String(raw);
  return mapped === 'simplified' || mapped === 'standard' || mapped === 'verified' ? mapped : null;
}

/**
 * Finish the code flow at the callback: exchange the code (PKCE, state and
 * nonce checked by openid-client), verify the ID token, read userinfo.
 */
export async function finishAuthorization(
  app: FastifyInstance,
  p: OidcProvider,
  tx: OidcTransaction,
  currentUrl: URL,
): Promise<IdentityClaims> {
  const config = await configurationOf(app, p);
  const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: tx.verifier,
    expectedState: tx.state,
    expectedNonce: tx.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('no ID token');
  let claims: Record<string, unknown> = { ...idClaims };
  if (config.serverMetadata().userinfo_endpoint) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...info, ...idClaims };
  }
  return {
    subject: idClaims.sub,
    email: str(claims.email)?.toLowerCase() ?? null,
    emailVerified: claims.email_verified === true,
    lastName: str(claims.family_name),
    firstName: str(claims.given_name),
    patronymic: str(claims.middle_name),
    level: levelOf(p, claims),
  };
}
