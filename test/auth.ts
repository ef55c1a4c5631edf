import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { accountsRepository } from '../src/modules/accounts/accounts.repository.ts';
import { hashPassword } from '../src/modules/accounts/passwords.ts';
import type { RoleGrant } from '../src/platform/authz/index.ts';
import type { Deps } from '../src/platform/deps.ts';
import { CookieJar, csrfFrom } from './app.ts';

export type CreatedUser = { userId: string; email: string; password: string };

/**
 * A person with a confirmed e-mail, a password and the given role grants,
 * written straight to the database (no mail, no audit entry).
 * Defaults: a unique e-mail, the password 'test-password-1', no roles, identified by e-mail.
 */
export async function createUser(
  deps: Pick<Deps, 'db' | 'clock'>,
  opts: {
    email?: string;
    password?: string;
    grants?: RoleGrant[];
    identification?: 'email' | 'esia';
    identityLevel?: 'simplified' | 'standard' | 'verified' | null;
    lastName?: string;
    firstName?: string;
    patronymic?: string | null;
    emailVerified?: boolean;
  } = {},
): Promise<CreatedUser> {
  const email = (opts.email ?? `user-${randomBytes(5).toString('hex')}@example.test`).toLowerCase();
  const password = opts.password ?? 'test-password-1';
  const lastName = opts.lastName ?? 'Тестов';
  const firstName = opts.firstName ?? 'Тест';
  const patronymic = opts.patronymic === undefined ? 'Тестович' : opts.patronymic;
  const now = deps.clock.now();
  const user = await accountsRepository.insertUser(deps.db, {
    email,
    passwordHash: await hashPassword(password),
    lastName,
    firstName,
    patronymic,
    displayName: [lastName, firstName, patronymic].filter(Boolean).join(' '),
    emailVerifiedAt: opts.emailVerified === false ? null : now,
    identification: opts.identification ?? 'email',
    identityLevel: opts.identityLevel ?? (opts.identification === 'esia' ? 'verified' : null),
  });
  if (!user) throw new Error(`createUser: ${email} already exists`);
  for (const g of opts.grants ?? []) await accountsRepository.insertRoleAssignment(deps.db, user.id, g);
  return { userId: user.id, email, password };
}

/**
 * Sign in through the real /sign-in form (its CSRF token included, no ALTCHA:
 * the no-JavaScript path: 50 sign-ins per 10 minutes per app, 10 per account). Returns the
 * browser's cookie jar: pass `jar.header()` as the `cookie` header, and take
 * `csrfFrom(html)` of a page for a POST.
 */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
  jar: CookieJar = new CookieJar(),
): Promise<CookieJar> {
  const page = await app.inject({ method: 'GET', url: '/sign-in', headers: { cookie: jar.header() } });
  jar.store(page);
  const res = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfFrom(page.body), email, password }).toString(),
  });
  jar.store(res);
  if (res.statusCode !== 303 || !jar.get('sid')) {
    throw new Error(`signIn(${email}) failed: ${res.statusCode}`);
  }
  return jar;
}
