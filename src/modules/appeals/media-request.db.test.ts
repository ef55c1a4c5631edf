import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import { appealsRepository } from './appeals.repository.ts';
import { saveDeadlineSettings } from './appeals.settings.ts';
import { delayMediaRequest } from './delay-media-request.ts';
import { leaveAppealWithoutAnswer } from './leave-appeal-without-answer.ts';
import { staffKit } from './staff-test-kit.ts';
import { yearPeriod } from './stats/figures.ts';
import { getRegionTotals } from './stats/get-appeal-stats.ts';
import { submitAppeal } from './submit-appeal.ts';

/*
 * A media request (Закон РФ «О средствах массовой информации» ст. 39–40):
 * the information within 7 days; a notice of delay or refusal within 3 days;
 * refusal only for a secret the law protects. Calendar days unless set otherwise.
 */

let deps: TestDeps;
let k: Awaited<ReturnType<typeof staffKit>>;

beforeAll(async () => {
  deps = await createTestDeps();
  k = await staffKit(deps);
});
afterAll(async () => {
  await deps.close();
});

async function mediaRequest(at: string) {
  deps.clock.set(at);
  const { appeal } = await submitAppeal(deps, { actor: k.citizen, ip: null }, {
    type: 'media_request',
    kind: null,
    orgSlug: k.body.slug,
    lastName: 'Орлова',
    firstName: 'Вера',
    email: k.citizenUser.email,
    organizationName: 'Редакция газеты «Калининградская правда»',
    text: 'Просим сообщить число отремонтированных дорог в 2026 году.',
    collective: false,
    cosigners: [],
  } as never);
  return appeal;
}

describe('media requests (law on mass media art. 39–40)', () => {
  it('are due in 7 calendar days, the notice of delay or refusal in 3, the day-off rule applied', async () => {
    // registered Monday 2 March 2026: +7 is 9 March, a day off (8 March on a Sunday) → Friday 6 March; +3 is 5 March
    const a = await mediaRequest('2026-03-02T09:00:00+02:00');
    expect(a).toMatchObject({
      type: 'media_request',
      dueDate: '2026-03-06',
      // the 3-day notice date has one place; a media request is not forwarded
      noticeDueDate: '2026-03-05',
      forwardDueDate: null,
      organizationName: 'Редакция газеты «Калининградская правда»',
    });
    const [mail] = await deps.db.select().from(outbox).where(eq(outbox.kind, 'appeal.registered'));
    expect(mail).toBeDefined();
  });

  it('count in working days when the setting says so', async () => {
    await saveDeadlineSettings(deps.db, { mediaRequestDayUnit: 'working' });
    try {
      const a = await mediaRequest('2026-03-02T09:00:00+02:00');
      // 3, 4, 5, 6, 10, 11, 12 March (9 March is a day off)
      expect(a.dueDate).toBe('2026-03-12');
      expect(a.noticeDueDate).toBe('2026-03-05');
      expect(a.forwardDueDate).toBeNull();
    } finally {
      await saveDeadlineSettings(deps.db, {});
    }
  });

  it('take a delay only within 3 days, with the reasons, the date, the official and the decision date', async () => {
    const a = await mediaRequest('2026-04-06T10:00:00+02:00');
    deps.clock.set('2026-04-09T10:00:00+02:00');
    await expect(
      delayMediaRequest(deps, k.origin(k.officer), { id: a.id, until: a.dueDate, reason: 'r' }),
    ).rejects.toThrow(InvalidInput);
    const res = await delayMediaRequest(deps, k.origin(k.officer), {
      id: a.id,
      until: '2026-04-24',
      reason: 'Сведения собирают муниципалитеты',
    });
    expect(res.dueDate).toBe('2026-04-24');
    const r = await appealsRepository.findById(deps.db, a.id);
    expect(r).toMatchObject({ status: 'extended', dueDate: '2026-04-24', extensionCount: 1 });
    const mails = await deps.db.select().from(outbox).where(eq(outbox.kind, 'appeal.media_delay'));
    const text = mails.at(-1)?.textBody ?? '';
    expect(text).toContain('статья 40');
    expect(text).toContain('Сведения собирают муниципалитеты');
    expect(text).toContain('24.04.2026');
    expect(text).toContain('09.04.2026');
    const late = await mediaRequest('2026-04-06T10:00:00+02:00');
    deps.clock.set('2026-04-10T10:00:00+02:00');
    await expect(
      delayMediaRequest(deps, k.origin(k.officer), { id: late.id, until: '2026-04-24', reason: 'r' }),
    ).rejects.toThrow('appeals.staff.media.delayLate');
    const appeal = await k.submit();
    await expect(
      delayMediaRequest(deps, k.origin(k.officer), { id: appeal.id, until: '2026-12-01', reason: 'r' }),
    ).rejects.toThrow(Conflict);
  });

  it('are refused only for a protected secret, saying why it cannot be separated', async () => {
    const a = await mediaRequest('2026-05-12T10:00:00+02:00');
    const leave = (reason: string, comment?: string) =>
      leaveAppealWithoutAnswer(deps, k.origin(k.officer), { id: a.id, reason, comment });
    await expect(leave('unclear')).rejects.toThrow(InvalidInput);
    await expect(leave('state_secret')).rejects.toMatchObject({
      errors: [{ field: 'comment', message: 'appeals.staff.media.refusalReasonRequired' }],
    });
    await leave('state_secret', 'Сведения о мобилизационных мощностях не отделимы от запрошенных');
    const r = await appealsRepository.findById(deps.db, a.id);
    expect(r).toMatchObject({ status: 'left_without_answer', withoutAnswerReason: 'state_secret' });
    const mails = await deps.db.select().from(outbox).where(eq(outbox.kind, 'appeal.without_answer'));
    const text = mails.at(-1)?.textBody ?? '';
    expect(text).toContain('государственную тайну');
    expect(text).toContain('не отделимы от запрошенных');
    expect(text).toContain('12.05.2026');
  });

  it('are counted in the statistics', async () => {
    const totals = await getRegionTotals(deps, 'all', yearPeriod(2026));
    // five registered above: a count of 3 or more is published as is
    expect(totals.mediaRequests).toBe(5);
  });

  it('keep the notice date in one column: the migration clears the copy media requests had', async () => {
    const media = await mediaRequest('2026-03-02T09:00:00+02:00');
    const appeal = await k.submit();
    // as before the migration: the notice date copied into forward_due_date
    await deps.db.$client.query('update appeals set forward_due_date = notice_due_date where id = $1', [
      media.id,
    ]);
    const file = new URL('../../../migrations/0032_media_request_notice_date.sql', import.meta.url);
    for (const statement of readFileSync(file, 'utf8').split('--> statement-breakpoint'))
      await deps.db.$client.query(statement);
    const after = await appealsRepository.findById(deps.db, media.id);
    expect(after).toMatchObject({ forwardDueDate: null, noticeDueDate: '2026-03-05' });
    // other types keep their forwarding date
    expect((await appealsRepository.findById(deps.db, appeal.id))?.forwardDueDate).toBe(
      appeal.forwardDueDate,
    );
    expect(appeal.forwardDueDate).not.toBeNull();
  });
});
