import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { accountsRepository } from '../src/modules/accounts/accounts.repository.ts';
import { hashPassword } from '../src/modules/accounts/passwords.ts';
import { openSession } from '../src/modules/accounts/sessions.ts';
import { SESSION_COOKIE } from '../src/modules/accounts/web/session-plugin.ts';
import { findOrganizationBySlug } from '../src/modules/orgs/index.ts';
import { globalRoles, type Role, type RoleGrant } from '../src/platform/authz/index.ts';
import type { Deps } from '../src/platform/deps.ts';
import { CookieJar } from './app.ts';
import { Agent } from './forms.ts';

export type CreatedUser = { userId: string; email: string; password: string };
export type UserOptions = NonNullable<Parameters<typeof createUser>[1]>;

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
    /** the position printed under answers this person signs */
    position?: string | null;
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
    position: opts.position ?? null,
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
 * the no-JavaScript path, under its rate limits: 50 sign-ins per 10 minutes per
 * app, 10 per account). For tests about signing in; other tests take
 * `signedInAs` or `sessionFor`, which leave the limits alone.
 */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
  browser: Agent = new Agent(app),
): Promise<Agent> {
  const res = await browser.post('/sign-in', { email, password });
  if (res.statusCode !== 303 || !browser.jar.get('sid')) {
    throw new Error(`signIn(${email}) failed: ${res.statusCode}`);
  }
  return browser;
}

/** A signed-in browser and the person behind it. */
export type SignedIn = Agent & CreatedUser;

/**
 * A browser signed in as an existing person: a real session row (as the
 * sign-in form opens it) and its signed `sid` cookie. No sign-in form, so the
 * sign-in rate limits are left to the tests about them.
 */
export async function sessionFor(
  t: { app: FastifyInstance; deps: Pick<Deps, 'db' | 'clock'> },
  user: CreatedUser,
): Promise<SignedIn> {
  const token = await openSession(t.deps.db, { userId: user.userId, kiosk: false, now: t.deps.clock.now() });
  const jar = new CookieJar();
  jar.set(SESSION_COOKIE, t.app.signCookie(token));
  return Object.assign(new Agent(t.app, jar), {
    userId: user.userId,
    email: user.email,
    password: user.password,
  });
}

/**
 * A new person holding `role` in `org` (a slug, an organisation row, or null
 * for the global roles), signed in. `'citizen'` is a person with no role.
 * `opts` as for createUser (an ЕСИА identity, a name, an e-mail).
 *
 *   const editor = await signedInAs(t, 'editor', 'minzdrav');
 *   await editor.post('/manage/orgs/minzdrav', fields);
 */
export async function signedInAs(
  t: { app: FastifyInstance; deps: Pick<Deps, 'db' | 'clock'> },
  role: Role | 'citizen',
  org: string | { id: string } | null = null,
  opts: UserOptions = {},
): Promise<SignedIn> {
  const grants: RoleGrant[] = [...(opts.grants ?? [])];
  if (role !== 'citizen') {
    const global = (globalRoles as readonly string[]).includes(role);
    if (global !== (org === null))
      throw new Error(`signedInAs: ${role} ${global ? 'takes no' : 'needs an'} org`);
    const orgId =
      org === null
        ? null
        : typeof org === 'string'
          ? (await findOrganizationBySlug(t.deps.db, org))?.id
          : org.id;
    if (orgId === undefined) throw new Error(`signedInAs: no organisation ${String(org)} (seed them first)`);
    grants.push({ role, orgId });
  }
  const user = await createUser(t.deps, { ...opts, grants });
  return sessionFor(t, user);
}
