import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/auth.ts';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { type Actor, userActor } from '../../platform/authz/index.ts';
import { shippedCalendar } from '../../platform/calendar/index.ts';
import { Forbidden, InvalidInput, Unauthenticated } from '../../platform/errors/index.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import { findOrganizationBySlug, seedOrganizations } from '../orgs/index.ts';
import { appealApiInput } from './appeals.input.ts';
import { deadlineSettings } from './appeals.model.ts';
import { appealsRepository } from './appeals.repository.ts';
import {
  computeDeadlines,
  loadIdentificationSettings,
  saveDeadlineSettings,
  saveIdentificationSettings,
} from './appeals.settings.ts';
import { appealCounters, appealEvents, appeals } from './appeals.tables.ts';
import { submitAppeal } from './submit-appeal.ts';

let deps: TestDeps;
let citizen: Actor;
const origin = (actor: Actor) => ({ actor, ip: '203.0.113.5' });
const input = (over: Record<string, unknown> = {}) =>
  appealApiInput.parse({
    orgSlug: 'minobr',
    kind: 'proposal',
    lastName: 'Орлов',
    firstName: 'Пётр',
    email: 'orlov@example.test',
    text: 'Предлагаю открыть кружок робототехники в школе № 12.',
    ...over,
  });

beforeAll(async () => {
  deps = await createTestDeps();
  await seedOrganizations(deps);
  const u = await createUser(deps, { identification: 'esia' });
  citizen = userActor(u.userId, [], { identification: 'esia', identityLevel: 'verified' });
});
afterAll(async () => {
  await deps.close();
});

describe('registration numbers', () => {
  it('stay unique and gapless per body when many citizens submit at once', async () => {
    const users = await Promise.all(
      Array.from({ length: 12 }, () => createUser(deps, { identification: 'esia' })),
    );
    const actors = users.map((u) =>
      userActor(u.userId, [], { identification: 'esia', identityLevel: 'verified' }),
    );
    // three submissions from each, all at once, to two bodies
    const results = await Promise.all(
      actors.flatMap((a, i) =>
        [0, 1, 2].map((k) =>
          submitAppeal(
            deps,
            origin(a),
            input({ orgSlug: (i + k) % 2 ? 'minsoc' : 'minzdrav', text: `№${i}-${k}` }),
          ),
        ),
      ),
    );
    expect(results.every((r) => r.created)).toBe(true);
    for (const [slug, code] of [
      ['minsoc', 'MINSOC'],
      ['minzdrav', 'MINZDRAV'],
    ] as const) {
      const org = await findOrganizationBySlug(deps.db, slug);
      const rows = await deps.db
        .select({ seq: appeals.sequence, number: appeals.number })
        .from(appeals)
        .where(eq(appeals.orgId, org?.id as string));
      const seqs = rows.map((r) => r.seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length);
      for (const r of rows) expect(r.number).toBe(`${code}-2026-${r.seq}`);
      const [counter] = await deps.db
        .select()
        .from(appealCounters)
        .where(and(eq(appealCounters.orgId, org?.id as string), eq(appealCounters.year, 2026)));
      expect(counter?.lastSequence).toBe(seqs.length);
    }
  });

  it('start again at 1 in a new year (by the Kaliningrad date, not UTC)', async () => {
    // 31 Dec 2026 23:30 UTC is already 1 January 2027 in Kaliningrad (UTC+2)
    deps.clock.set('2026-12-31T23:30:00Z');
    try {
      const { appeal } = await submitAppeal(deps, origin(citizen), input({ orgSlug: 'minfin' }));
      expect(appeal.number).toBe('MINFIN-2027-1');
      expect(appeal.registeredOn).toBe('2027-01-01');
      expect(appeal.year).toBe(2027);
    } finally {
      deps.clock.set('2026-03-02T09:00:00+02:00');
    }
  });
});

describe('one transaction', () => {
  it('writes the appeal, the event with its notice, the audit entry (without the text) and the mail', async () => {
    const { appeal } = await submitAppeal(deps, origin(citizen), input({ orgSlug: 'government' }));
    const events = await deps.db.select().from(appealEvents).where(eq(appealEvents.appealId, appeal.id));
    expect(events.map((e) => e.kind)).toEqual(['registered']);
    const [mail] = await deps.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, events[0]?.outboxId as string));
    expect(mail?.toAddress).toBe('orlov@example.test');
    expect(mail?.textBody).toContain(appeal.number);
    expect(mail?.textBody).toContain('Дата регистрации: 02.03.2026');
    const [audit] = await deps.db.select().from(auditLog).where(eq(auditLog.objectId, appeal.id));
    expect(audit).toMatchObject({ action: 'appeal.submit', actorIp: '203.0.113.5' });
    expect(JSON.stringify(audit?.details)).not.toContain('робототехники');
    expect(JSON.stringify(audit?.details)).not.toContain('orlov@');
    expect(await appealsRepository.registrationNoticePending(deps.db, appeal.id)).toBe(true);
  });

  it('refuses an unknown addressee or attachment and leaves no number used', async () => {
    const counters = () =>
      deps.db.select().from(appealCounters).orderBy(appealCounters.orgId, appealCounters.year);
    const minobr = (await findOrganizationBySlug(deps.db, 'minobr'))?.id as string;
    const before = await counters();
    const appealsBefore = await deps.db.$count(appeals);
    await expect(submitAppeal(deps, origin(citizen), input({ orgSlug: 'nowhere' }))).rejects.toBeInstanceOf(
      InvalidInput,
    );
    // refused inside the registering transaction, where the number is taken
    await expect(
      submitAppeal(deps, origin(citizen), { ...input(), fileIds: [randomUUID()] }),
    ).rejects.toBeInstanceOf(InvalidInput);
    expect(await counters()).toEqual(before);
    expect(await deps.db.$count(appeals)).toBe(appealsBefore);
    // the body's next appeal takes the very next number
    const last = before.find((c) => c.orgId === minobr && c.year === 2026)?.lastSequence ?? 0;
    const next = await submitAppeal(deps, origin(citizen), input({ text: 'После отказа' }));
    expect(next.appeal.sequence).toBe(last + 1);
    const [row] = await deps.db
      .select()
      .from(appealCounters)
      .where(and(eq(appealCounters.orgId, minobr), eq(appealCounters.year, 2026)));
    expect(row?.lastSequence).toBe(last + 1);
  });

  it('refuses anonymous and unidentified people', async () => {
    await expect(submitAppeal(deps, origin({ kind: 'anonymous' }), input())).rejects.toBeInstanceOf(
      Unauthenticated,
    );
    const emailUser = userActor(citizen.kind === 'user' ? citizen.userId : '', [], {
      identification: 'email',
    });
    await expect(submitAppeal(deps, origin(emailUser), input())).rejects.toBeInstanceOf(Forbidden);
    await saveIdentificationSettings(deps.db, { esiaLevels: ['verified'], allowEmailAccounts: true });
    try {
      const { created } = await submitAppeal(deps, origin(emailUser), input({ text: 'от e-mail' }));
      expect(created).toBe(true);
      const standard = userActor(emailUser.kind === 'user' ? emailUser.userId : '', [], {
        identification: 'esia',
        identityLevel: 'standard',
      });
      await expect(submitAppeal(deps, origin(standard), input())).rejects.toBeInstanceOf(Forbidden);
    } finally {
      await saveIdentificationSettings(deps.db, {
        esiaLevels: ['standard', 'verified'],
        allowEmailAccounts: false,
      });
    }
  });
});

describe('identification per type (547-ФЗ for 59-ФЗ appeals; 8-ФЗ art. 18 for requests)', () => {
  it('accepts an 8-ФЗ request from an e-mail-confirmed account by default, but not a 59-ФЗ appeal or report', async () => {
    const u = await createUser(deps);
    const emailUser = userActor(u.userId, [], { identification: 'email', emailVerified: true });
    const request = input({ type: 'info_request', kind: null, text: 'Прошу сообщить график приёма.' });
    const { appeal, created } = await submitAppeal(deps, origin(emailUser), request);
    expect(created).toBe(true);
    expect(appeal).toMatchObject({ type: 'info_request', authorIdentification: 'email' });
    await expect(submitAppeal(deps, origin(emailUser), input())).rejects.toThrow(
      'appeals.blocked.esiaRequired',
    );
    await expect(
      submitAppeal(deps, origin(emailUser), input({ type: 'corruption_report', kind: null })),
    ).rejects.toThrow('appeals.blocked.esiaRequired');
    const unconfirmed = userActor(u.userId, [], { identification: 'email', emailVerified: false });
    await expect(submitAppeal(deps, origin(unconfirmed), request)).rejects.toThrow(
      'appeals.blocked.emailUnconfirmed',
    );
  });

  it('reads the first release’s single rule as the rule for the 59-ФЗ types, and each type can be set alone', async () => {
    const u = await createUser(deps);
    const emailUser = userActor(u.userId, [], { identification: 'email', emailVerified: true });
    await saveIdentificationSettings(deps.db, {
      esiaLevels: ['standard', 'verified'],
      allowEmailAccounts: true,
    });
    try {
      expect((await loadIdentificationSettings(deps.db)).appeal.allowEmailAccounts).toBe(true);
      const { created } = await submitAppeal(deps, origin(emailUser), input({ text: 'по старому правилу' }));
      expect(created).toBe(true);
      await saveIdentificationSettings(deps.db, {
        info_request: { esiaLevels: ['verified'], allowEmailAccounts: false },
      });
      const s = await loadIdentificationSettings(deps.db);
      expect(s.appeal.allowEmailAccounts).toBe(false);
      await expect(
        submitAppeal(deps, origin(emailUser), input({ type: 'info_request', kind: null })),
      ).rejects.toThrow('appeals.blocked.esiaRequired');
    } finally {
      await saveIdentificationSettings(deps.db, {});
    }
  });
});

describe('idempotency', () => {
  it('gives one appeal for a key, also when the two submits race, and the loser’s number is given back', async () => {
    const org = await findOrganizationBySlug(deps.db, 'minstroy');
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        submitAppeal(deps, origin(citizen), {
          ...input({ orgSlug: 'minstroy' }),
          idempotencyKey: 'api:same-key',
        }),
      ),
    );
    expect(new Set(results.map((r) => r.appeal.number)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const next = await submitAppeal(deps, origin(citizen), input({ orgSlug: 'minstroy' }));
    expect(next.appeal.sequence).toBe(2);
    expect(await deps.db.$count(appeals, eq(appeals.orgId, org?.id as string))).toBe(2);
  });

  it('keeps keys per author: another person with the same key gets their own appeal', async () => {
    const u = await createUser(deps, { identification: 'esia' });
    const other = userActor(u.userId, [], { identification: 'esia', identityLevel: 'verified' });
    const a = await submitAppeal(deps, origin(citizen), { ...input(), idempotencyKey: 'form:abc' });
    const b = await submitAppeal(deps, origin(other), { ...input(), idempotencyKey: 'form:abc' });
    expect(a.appeal.id).not.toBe(b.appeal.id);
    expect(b.created).toBe(true);
  });
});

describe('deadlines', () => {
  const cal = shippedCalendar();
  const s = deadlineSettings.parse({});

  it('30 calendar days, moved to the previous working day across the New Year holidays', () => {
    // 5 Dec 2025 + 30 = Sunday 4 Jan 2026, inside the holidays (31 Dec – 11 Jan): back to Tuesday 30 Dec
    expect(computeDeadlines(cal, '2025-12-05', 'appeal', s)).toEqual({
      dueDate: '2025-12-30',
      originalDueDate: '2025-12-30',
      forwardDueDate: '2025-12-12',
      noticeDueDate: '2025-12-12',
      provisional: false,
    });
    // with the Civil Code rule (next working day) it is Monday 12 January
    expect(computeDeadlines(cal, '2025-12-05', 'appeal', { ...s, nonWorkingDayRule: 'next' }).dueDate).toBe(
      '2026-01-12',
    );
  });

  it('keeps a deadline on a Saturday that a decree made a working day, and moves one off a moved day off', () => {
    // 1 Nov 2025 was a working Saturday (transfer to 3 November)
    expect(computeDeadlines(cal, '2025-10-02', 'appeal', s).dueDate).toBe('2025-11-01');
    // 4 Oct + 30 = Monday 3 Nov 2025, a day off by the transfer: back to Saturday 1 Nov
    expect(computeDeadlines(cal, '2025-10-04', 'appeal', s).dueDate).toBe('2025-11-01');
  });

  it('is provisional when it reaches a year without decree data', () => {
    expect(computeDeadlines(cal, '2026-12-15', 'appeal', s)).toMatchObject({
      dueDate: '2027-01-14',
      forwardDueDate: '2026-12-22',
      provisional: true,
    });
    // 2 Dec 2026 + 30 = 1 Jan 2027 (statutory holiday): back to 30 Dec 2026, still provisional
    expect(computeDeadlines(cal, '2026-12-02', 'appeal', s)).toMatchObject({
      dueDate: '2026-12-30',
      provisional: true,
    });
  });

  it('follows the settings: another answer period for information requests', async () => {
    expect(
      computeDeadlines(cal, '2026-04-01', 'info_request', { ...s, infoRequestAnswerDays: 20 }).dueDate,
    ).toBe('2026-04-21');
    await saveDeadlineSettings(deps.db, { ...s, answerDays: 15 });
    try {
      const { appeal } = await submitAppeal(
        deps,
        origin(citizen),
        input({ orgSlug: 'minobr', text: '15 дней' }),
      );
      // 2 March + 15 = 17 March 2026, a Tuesday
      expect(appeal.dueDate).toBe('2026-03-17');
      expect(appeal.originalDueDate).toBe('2026-03-17');
    } finally {
      await saveDeadlineSettings(deps.db, s);
    }
  });
});
