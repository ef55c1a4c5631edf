import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { createUser, sessionFor } from '../../../../test/auth.ts';
import { publishFaqItem } from '../faq/publish-faq-item.ts';
import { statusPath } from '../format.ts';
import { publicRepository } from '../public.repository.ts';
import { staffKit } from '../staff-test-kit.ts';
import { submitAppeal } from '../submit-appeal.ts';

/*
 * 152-ФЗ ст. 9 ч. 2: the author withdraws the consent to publication at any
 * time, from the appeal's page in the cabinet; what was published relying on
 * it is taken down, an item the anonymiser finds clean stays.
 */

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
beforeAll(async () => {
  t = await createTestApp();
  k = await staffKit(t.deps);
});
afterAll(async () => {
  await t?.close();
});

const leaky = 'Здравствуйте, Смирнова Анна Петровна! Звоните: +7 911 123-45-67, запись открыта.';
const clean = 'Запись к врачу открыта на портале Госуслуг круглосуточно.';

describe('withdrawing the consent to publication', () => {
  it('unpublishes the FAQ item that relied on it, keeps the clean one, and says so in the cabinet', async () => {
    const { appeal } = await submitAppeal(t.deps, k.origin({ actor: k.citizen }), {
      type: 'appeal',
      kind: 'proposal',
      orgSlug: k.body.slug,
      lastName: 'Смирнова',
      firstName: 'Анна',
      email: k.citizenUser.email,
      text: 'Предлагаю открыть запись через портал.',
      publicationConsent: true,
    } as never);
    const item = async (answer: string) => {
      const row = await publicRepository.insertFaq(t.deps.db, {
        orgId: k.body.id,
        question: `Как записаться к врачу? ${answer.length}`,
        answer,
        sourceAppealId: appeal.id,
      });
      await publishFaqItem(t.deps, k.origin(k.officer), { id: row.id, publish: true });
      return row.id;
    };
    const relied = await item(leaky);
    const cleanItem = await item(clean);
    const published = async (id: string) =>
      (await publicRepository.faqById(t.deps.db, id))?.publishedAt ?? null;
    expect(await published(relied)).not.toBeNull();

    const author = await sessionFor(t, k.citizenUser);
    const page = statusPath(appeal.number);
    const before = await author.get(page);
    expect(before.body).toContain('Согласие на публикацию');
    expect(before.body).toContain('Отозвать согласие на публикацию');
    // nobody else can withdraw it, nor learn the appeal exists
    const stranger = await sessionFor(t, await createUser(t.deps, {}));
    expect((await stranger.post(`${page}/consent/withdraw`, {}, { from: '/cabinet' })).statusCode).toBe(404);
    expect(await published(relied)).not.toBeNull();

    const res = await author.post(`${page}/consent/withdraw`, {}, { from: page });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?notice=consent`);
    expect(await published(relied)).toBeNull();
    expect(await published(cleanItem)).not.toBeNull();
    const after = await author.get(`${page}?notice=consent`);
    expect(after.body).toContain('Согласие отозвано');
    expect(after.body).toContain('Вы отозвали согласие на публикацию');
    expect(after.body).not.toContain('Отозвать согласие на публикацию');
    const faq = (await t.app.inject(`/orgs/${k.body.slug}/appeals`)).body;
    expect(faq).toContain(clean);
    expect(faq).not.toContain('+7 911 123-45-67');
    // and the item cannot be published again while the personal data stay
    await expect(
      publishFaqItem(t.deps, k.origin(k.officer), { id: relied, publish: true }),
    ).rejects.toThrow();
    expect((await author.post(`${page}/consent/withdraw`, {}, { from: page })).statusCode).toBe(409);
    const { rows } = await t.deps.db.$client.query(
      "select details from audit_log where action = 'appeal.publication_consent_withdraw'",
    );
    expect(rows[0]?.details).toMatchObject({ number: appeal.number, unpublished: 1 });
  });
});
