import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Challenge } from 'altcha-lib/types';
import type { FastifyInstance } from 'fastify';

/**
 * What the ALTCHA widget would put into a form's `altcha` field: a challenge
 * from /altcha/challenge, solved here like the browser does.
 */
export async function altchaPayload(app: FastifyInstance): Promise<string> {
  const res = await app.inject({ url: '/altcha/challenge' });
  if (res.statusCode !== 200) throw new Error(`/altcha/challenge answered ${res.statusCode}`);
  const { parameters, signature } = res.json() as Challenge;
  const challenge: Challenge = { parameters, ...(signature ? { signature } : {}) };
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the ALTCHA challenge');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
