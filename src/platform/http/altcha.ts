import { createHmac } from 'node:crypto';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { create, randomInt } from 'altcha-lib/frameworks/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { pgAltchaStore } from './rate-limit-store.ts';

/*
 * ALTCHA proof of work on anonymous forms (self-hosted, no third party, no tracking).
 *
 * The browser widget (enhancement of <div data-module="app-altcha">) fetches a
 * challenge from /altcha/challenge, solves it and puts the payload into the
 * form's `altcha` field. Without JavaScript nothing can solve it, and a person
 * without JavaScript must still be able to send the form (GOV.UK progressive
 * enhancement rule). So a form WITHOUT a payload is accepted, but counted
 * against a much stricter rate limit (see anonymousPostLimit); a form with a
 * payload that fails verification (forged, expired or replayed) is refused.
 */

export type AltchaOutcome = 'verified' | 'absent' | 'invalid';

const CHALLENGE_TTL_S = 20 * 60;

function secretsFor(sessionSecret: string) {
  const derive = (label: string) => createHmac('sha256', sessionSecret).update(label).digest('hex');
  return { hmacSignatureSecret: derive('altcha-signature'), hmacKeySignatureSecret: derive('altcha-key') };
}

type Altcha = { a: ReturnType<typeof create>; used: ReturnType<typeof pgAltchaStore> };
const instances = new WeakMap<FastifyInstance, Altcha>();

function altchaOf(app: FastifyInstance): Altcha {
  let a = instances.get(app);
  if (!a) {
    // Verified payloads are remembered in the database until their challenge expires (a
    // minute's margin for clocks), so one solution serves one submission in every process.
    const used = pgAltchaStore(app.deps.db, (CHALLENGE_TTL_S + 60) * 1000);
    const altcha = create({
      deriveKey,
      ...secretsFor(app.deps.config.sessionSecret),
      store: used,
      // SHA-256 with a counter in the tens of thousands: a fraction of a second in a
      // browser, yet every automated submission costs real work.
      createChallengeParameters: () => ({
        algorithm: 'SHA-256',
        cost: 1,
        counter: randomInt(20_000, 100_000),
        expiresAt: new Date(Date.now() + CHALLENGE_TTL_S * 1000),
      }),
    });
    a = { a: altcha, used };
    instances.set(app, a);
  }
  return a;
}

function payloadOf(req: FastifyRequest): string | undefined {
  const v = (req.body as Record<string, unknown> | undefined)?.altcha;
  return typeof v === 'string' && v.length > 0 && v.length < 20_000 ? v : undefined;
}

/** Whether the submitted form carries a valid, unused ALTCHA solution. */
export async function verifyAltcha(req: FastifyRequest): Promise<AltchaOutcome> {
  const payload = payloadOf(req);
  if (!payload) return 'absent';
  const { a, used } = altchaOf(req.server);
  const { hmacSignatureSecret, hmacKeySignatureSecret } = secretsFor(req.server.deps.config.sessionSecret);
  const result = await a.verify(payload, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret, used);
  return result.error ? 'invalid' : 'verified';
}

/**
 * Per-route rate limit for an anonymous POST, in two tiers: requests that
 * carry an ALTCHA payload get `withPow` per window; requests without one (no
 * JavaScript, or a bot) share the much smaller `withoutPow`. The tiers are
 * counted separately per client address. Use as the route's
 * `config: { rateLimit: anonymousPostLimit({...}) }`.
 */
export function anonymousPostLimit(o: { withPow: number; withoutPow: number; timeWindow: string | number }) {
  const tier = (req: FastifyRequest) => (payloadOf(req) ? 'pow' : 'nojs');
  return {
    // After body parsing, so the tier can see the form's `altcha` field.
    hook: 'preHandler' as const,
    timeWindow: o.timeWindow,
    keyGenerator: (req: FastifyRequest) => `${req.ip}|${tier(req)}`,
    max: (req: FastifyRequest) => (tier(req) === 'pow' ? o.withPow : o.withoutPow),
  };
}

/** GET /altcha/challenge: a fresh signed challenge for the widget. */
export const altchaRoutes = fp(
  async (app: FastifyInstance) => {
    app.get(
      '/altcha/challenge',
      { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
      async (req, reply) => altchaOf(app).a.challengeHandler(req, reply),
    );
  },
  { name: 'altcha-routes' },
);

/**
 * A second, narrower limit for one route, e.g. per client address AND account
 * on sign-in (the route's own limit is per address). Use as the route's
 * `preHandler`; over the limit it answers 429 like the route limit.
 */
export function limitPerKey(
  app: FastifyInstance,
  o: { max: number; timeWindow: string | number; key: (req: FastifyRequest) => string },
) {
  const check = app.createRateLimit({ max: o.max, timeWindow: o.timeWindow, keyGenerator: o.key });
  return async (req: FastifyRequest) => {
    const r = await check(req);
    if (!r.isAllowed && r.isExceeded)
      throw Object.assign(new Error('Too many attempts'), { statusCode: 429, code: 'rate_limited' });
  };
}
