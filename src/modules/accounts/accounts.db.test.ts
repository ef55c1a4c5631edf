import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/auth.ts';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { type Actor, anonymous, globalRoles, orgRoles } from '../../platform/authz/index.ts';
import { Forbidden, InvalidInput } from '../../platform/errors/index.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import { seedOrganizations } from '../orgs/index.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { users } from './accounts.tables.ts';
import { confirmEmail } from './confirm-email.ts';
import { grantRole } from './grant-role.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPassword } from './reset-password.ts';
import { revokeRole } from './revoke-role.ts';
import { DEMO_PASSWORD, demoAccounts, seedDemoAccounts } from './seed-demo-accounts.ts';
import { actorOf, KIOSK_IDLE_MS, openSession, resolveSession, SESSION_TTL_MS } from './sessions.ts';
import { OIDC_CONSENT_VERSION, signInWithOidc } from './sign-in-with-oidc.ts';
import { signInWithPassword } from './sign-in-with-password.ts';
import { signUp } from './sign-up.ts';

let deps: TestDeps;
beforeAll(async () => {
  deps = await createTestDeps();
});
afterAll(async () => {
  await deps.close();
});

const origin = { actor: anonymous, ip: '203.0.113.7' };
const tokenIn = (text: string, path: string) =>
  text.match(new RegExp(`${path}/([A-Za-z0-9_-]+)`))?.[1] as string;

async function actorFor(userId: string): Promise<Actor> {
  const u = await repo.findUserById(deps.db, userId);
  return actorOf(u as NonNullable<typeof u>, await repo.grantsOf(deps.db, userId));
}

describe('sign-up and confirmation', () => {
  it('creates an unconfirmed account, mails the link through the outbox and audits the consent', async () => {
    await signUp(
      deps,
      origin,
      {
        email: 'new@example.test',
        lastName: 'Новиков',
        firstName: 'Никита',
        patronymic: null,
        password: 'пароль-12345',
        passwordConfirm: 'пароль-12345',
        consent: 'yes',
      },
      { locale: 'ru' },
    );
    const [u] = await deps.db.select().from(users).where(eq(users.email, 'new@example.test'));
    expect(u?.emailVerifiedAt).toBeNull();
    expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u?.displayName).toBe('Новиков Никита');
    const mails = await deps.db.select().from(outbox).where(eq(outbox.toAddress, 'new@example.test'));
    expect(mails.map((m) => m.kind)).toEqual(['account.confirm']);
    const [entry] = await deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, u?.id as string));
    expect(entry?.action).toBe('account.sign_up');
    expect(entry?.actorIp).toBe('203.0.113.7');
    expect(entry?.details.consent).toMatch(/^152-FZ/);

    const token = tokenIn(mails[0]?.textBody ?? '', '/confirm-email');
    expect(await confirmEmail(deps, origin, { token })).toBe(true);
    expect(await confirmEmail(deps, origin, { token })).toBe(false);
    const [after] = await deps.db.select().from(users).where(eq(users.email, 'new@example.test'));
    expect(after?.emailVerifiedAt).not.toBeNull();
  });

  it('an expired confirmation link does nothing', async () => {
    await signUp(
      deps,
      origin,
      {
        email: 'late@example.test',
        lastName: 'Поздняков',
        firstName: 'Лев',
        patronymic: null,
        password: 'пароль-12345',
        passwordConfirm: 'пароль-12345',
        consent: 'yes',
      },
      { locale: 'ru' },
    );
    const [mail] = await deps.db.select().from(outbox).where(eq(outbox.toAddress, 'late@example.test'));
    deps.clock.advance(49 * 3600 * 1000);
    expect(await confirmEmail(deps, origin, { token: tokenIn(mail?.textBody ?? '', '/confirm-email') })).toBe(
      false,
    );
  });
});

describe('sign-in by password', () => {
  it('opens a session only with the right password, and resolves it to the person with grants', async () => {
    const orgId = '00000000-0000-4000-8000-0000000000aa';
    const u = await createUser(deps, { grants: [{ role: 'head', orgId }] });
    await expect(
      signInWithPassword(deps, origin, { email: u.email, password: 'wrong-one-1' }, { kiosk: false }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      signInWithPassword(deps, origin, { email: 'ghost@example.test', password: 'x' }, { kiosk: false }),
    ).rejects.toBeInstanceOf(InvalidInput);
    const r = await signInWithPassword(
      deps,
      origin,
      { email: u.email, password: u.password },
      { kiosk: false },
    );
    expect(r.kind).toBe('signed_in');
    if (r.kind !== 'signed_in') return;
    const resolved = await resolveSession(deps.db, r.token, deps.clock.now());
    expect(resolved?.actor).toMatchObject({
      kind: 'user',
      userId: u.userId,
      grants: [{ role: 'head', orgId }],
    });
  });

  it('refuses a disabled account with the same answer', async () => {
    const u = await createUser(deps);
    await repo.updateUser(deps.db, u.userId, { disabledAt: deps.clock.now() }, deps.clock.now());
    await expect(
      signInWithPassword(deps, origin, { email: u.email, password: u.password }, { kiosk: false }),
    ).rejects.toBeInstanceOf(InvalidInput);
  });

  it('expires sessions: 30 idle days for a remembered one, 5 idle minutes on a kiosk', async () => {
    const u = await createUser(deps);
    const normal = await openSession(deps.db, { userId: u.userId, kiosk: false, now: deps.clock.now() });
    const kiosk = await openSession(deps.db, { userId: u.userId, kiosk: true, now: deps.clock.now() });
    const later = new Date(deps.clock.now().getTime() + KIOSK_IDLE_MS + 1000);
    expect(await resolveSession(deps.db, kiosk, later)).toBeNull();
    expect(await resolveSession(deps.db, normal, later)).not.toBeNull();
    const muchLater = new Date(later.getTime() + SESSION_TTL_MS + 1000);
    expect(await resolveSession(deps.db, normal, muchLater)).toBeNull();
    expect(await resolveSession(deps.db, 'not-a-token', later)).toBeNull();
  });
});

describe('password reset', () => {
  it('mails nothing for an unknown address, and a one-hour one-time link for a known one', async () => {
    const before = (await deps.db.select().from(outbox)).length;
    await requestPasswordReset(deps, origin, { email: 'unknown@example.test' });
    expect((await deps.db.select().from(outbox)).length).toBe(before);

    const u = await createUser(deps);
    await requestPasswordReset(deps, origin, { email: u.email });
    const [mail] = await deps.db.select().from(outbox).where(eq(outbox.toAddress, u.email));
    const token = tokenIn(mail?.textBody ?? '', '/password-reset');
    expect(await resetPassword(deps, origin, { token, password: 'другой-пароль-5' })).toBe(true);
    expect(await resetPassword(deps, origin, { token, password: 'третий-пароль-6' })).toBe(false);
    const r = await signInWithPassword(
      deps,
      origin,
      { email: u.email, password: 'другой-пароль-5' },
      { kiosk: false },
    );
    expect(r.kind).toBe('signed_in');

    await requestPasswordReset(deps, origin, { email: u.email });
    const mails = await deps.db.select().from(outbox).where(eq(outbox.toAddress, u.email));
    const late = tokenIn(mails.at(-1)?.textBody ?? '', '/password-reset');
    deps.clock.advance(61 * 60 * 1000);
    expect(await resetPassword(deps, origin, { token: late, password: 'поздний-пароль-7' })).toBe(false);
  });
});

describe('roles', () => {
  it('only an administrator grants and revokes, each in the audit log; never their own admin role', async () => {
    const admin = await createUser(deps, { grants: [{ role: 'admin', orgId: null }] });
    const person = await createUser(deps);
    const adminActor = await actorFor(admin.userId);
    const editorActor = await actorFor(
      (await createUser(deps, { grants: [{ role: 'expert', orgId: null }] })).userId,
    );
    await expect(
      grantRole(
        deps,
        { actor: editorActor, ip: null },
        { userId: person.userId, role: 'moderator', orgId: null },
      ),
    ).rejects.toBeInstanceOf(Forbidden);

    const id = await grantRole(
      deps,
      { actor: adminActor, ip: '198.51.100.1' },
      { userId: person.userId, role: 'moderator', orgId: null },
    );
    expect(await repo.grantsOf(deps.db, person.userId)).toEqual([{ role: 'moderator', orgId: null }]);
    await revokeRole(deps, { actor: adminActor, ip: null }, { assignmentId: id });
    expect(await repo.grantsOf(deps.db, person.userId)).toEqual([]);
    const audit = await deps.db.select().from(auditLog).where(eq(auditLog.objectId, person.userId));
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ['role.grant', admin.userId],
      ['role.revoke', admin.userId],
    ]);

    const [own] = await repo.roleAssignmentsOf(deps.db, admin.userId);
    await expect(
      revokeRole(deps, { actor: adminActor, ip: null }, { assignmentId: own?.id as string }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('refuses an org role in an organisation that does not exist', async () => {
    const admin = await actorFor(
      (await createUser(deps, { grants: [{ role: 'admin', orgId: null }] })).userId,
    );
    const person = await createUser(deps);
    await expect(
      grantRole(
        deps,
        { actor: admin, ip: null },
        { userId: person.userId, role: 'editor', orgId: '00000000-0000-4000-8000-00000000beef' },
      ),
    ).rejects.toBeInstanceOf(InvalidInput);
  });
});

describe('OpenID Connect accounts', () => {
  const esia = { id: 'esia', identification: 'esia' as const };
  const claims = (over: Partial<Parameters<typeof signInWithOidc>[2]['claims']> = {}) => ({
    subject: `sub-${Math.random().toString(36).slice(2)}`,
    email: null,
    emailVerified: false,
    lastName: 'Гражданинов',
    firstName: 'Гражданин',
    patronymic: null,
    level: 'verified' as const,
    ...over,
  });

  it('creates an ЕСИА-identified account on first sign-in and finds it by subject afterwards', async () => {
    const c = claims({ email: 'esia-new@example.test', emailVerified: true });
    // without the person's consent a new account is not created, and nothing is written
    const asked = await signInWithOidc(deps, origin, { provider: esia, claims: c }, { kiosk: false });
    expect(asked).toEqual({ kind: 'consent_needed' });
    expect(await deps.db.select().from(users).where(eq(users.email, 'esia-new@example.test'))).toEqual([]);
    const first = await signInWithOidc(
      deps,
      origin,
      { provider: esia, claims: c, consent: OIDC_CONSENT_VERSION },
      { kiosk: false },
    );
    expect(first).toMatchObject({ kind: 'signed_in', created: true });
    const second = await signInWithOidc(deps, origin, { provider: esia, claims: c }, { kiosk: false });
    expect(second).toMatchObject({ kind: 'signed_in', created: false });
    const [u] = await deps.db.select().from(users).where(eq(users.email, 'esia-new@example.test'));
    expect([u?.identification, u?.identityLevel, u?.passwordHash]).toEqual(['esia', 'verified', null]);
  });

  it('joins an existing account only when the provider vouches for the e-mail', async () => {
    const u = await createUser(deps);
    const unverified = await signInWithOidc(
      deps,
      origin,
      { provider: esia, claims: claims({ email: u.email, emailVerified: false }) },
      { kiosk: false },
    );
    expect(unverified.kind).toBe('email_taken');
    const verified = await signInWithOidc(
      deps,
      origin,
      { provider: esia, claims: claims({ email: u.email, emailVerified: true }) },
      { kiosk: false },
    );
    expect(verified).toMatchObject({ kind: 'signed_in', userId: u.userId });
  });

  it('will not link an identity already linked to someone else', async () => {
    const c = claims();
    const owner = await signInWithOidc(
      deps,
      origin,
      { provider: esia, claims: c, consent: OIDC_CONSENT_VERSION },
      { kiosk: false },
    );
    expect(owner.kind).toBe('signed_in');
    const other = await actorFor((await createUser(deps)).userId);
    const r = await signInWithOidc(
      deps,
      { actor: other, ip: null },
      { provider: esia, claims: c },
      { kiosk: false },
    );
    expect(r.kind).toBe('linked_elsewhere');
  });
});

describe('demo accounts', () => {
  it('seeds one account per role in the Government and Kaliningrad, global roles and two citizens, idempotently', async () => {
    const fresh = await createTestDeps();
    try {
      await seedOrganizations(fresh, { demoOfficials: false });
      expect((await seedDemoAccounts(fresh)).created).toBe(demoAccounts.length);
      expect((await seedDemoAccounts(fresh)).created).toBe(0);
      const all = await fresh.db.select().from(users);
      expect(all.every((u) => u.isDemo)).toBe(true);
      const grants = (await Promise.all(all.map((u) => repo.grantsOf(fresh.db, u.id)))).flat();
      for (const role of orgRoles) expect(grants.filter((g) => g.role === role && g.orgId)).toHaveLength(2);
      for (const role of globalRoles)
        expect(grants.filter((g) => g.role === role && !g.orgId)).toHaveLength(1);
      expect(all.filter((u) => u.identification === 'esia')).toHaveLength(1);
      expect(all.filter((u) => u.email.startsWith('citizen@'))).toHaveLength(1);
      const r = await signInWithPassword(
        fresh,
        origin,
        { email: 'admin@open-region.example', password: DEMO_PASSWORD },
        { kiosk: false },
      );
      expect(r.kind).toBe('signed_in');
    } finally {
      await fresh.close();
    }
  });
});
