import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../../test/db.ts';
import { InvalidInput } from '../../../platform/errors/index.ts';
import { organizations } from '../../orgs/orgs.tables.ts';
import { publicRepository } from '../public.repository.ts';
import { staffKit } from '../staff-test-kit.ts';
import { submitAppeal } from '../submit-appeal.ts';
import { publishFaqItem } from './publish-faq-item.ts';
import { saveFaqItem } from './save-faq-item.ts';

/*
 * 152-ФЗ; 59-ФЗ art. 6 ч.2: a text made from an appeal is published only when
 * the anonymiser finds no personal data left in it, or the author consented.
 */

let deps: TestDeps;
let k: Awaited<ReturnType<typeof staffKit>>;

beforeAll(async () => {
  deps = await createTestDeps();
  deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(deps);
});
afterAll(async () => {
  await deps.close();
});

const question = 'Как записаться к врачу?';
const leaky =
  'Здравствуйте, Смирнова Анна Петровна! Звоните: +7 911 123-45-67. Ваш автомобиль А123ВС 39 найден.';
const clean = 'Здравствуйте, [ФИО]! Запись открыта на портале Госуслуг.';

async function draftFrom(appealId: string | null, answer: string) {
  return publicRepository.insertFaq(deps.db, {
    orgId: k.body.id,
    question,
    answer,
    sourceAppealId: appealId,
  });
}
const publish = (id: string) => publishFaqItem(deps, k.origin(k.officer), { id, publish: true });
const published = async (id: string) => (await publicRepository.faqById(deps.db, id))?.publishedAt ?? null;

describe('publishing an answered appeal as an FAQ item', () => {
  it('is blocked while a finding is unmasked, and allowed once the text is clean', async () => {
    const appeal = await k.submit();
    const item = await draftFrom(appeal.id, leaky);
    const refused = publish(item.id);
    await expect(refused).rejects.toThrow(InvalidInput);
    await expect(refused).rejects.toMatchObject({
      errors: [{ field: 'answer', message: 'appeals.manage.faq.personalData' }],
    });
    expect(await published(item.id)).toBeNull();
    // a plate alone is enough to block it
    await saveFaqItem(deps, k.origin(k.officer), {
      id: item.id,
      item: { orgId: k.body.id, question, answer: 'Автомобиль а 123 вс 139 RUS эвакуирован.' } as never,
    });
    await expect(publish(item.id)).rejects.toThrow(InvalidInput);
    await saveFaqItem(deps, k.origin(k.officer), {
      id: item.id,
      item: { orgId: k.body.id, question, answer: clean } as never,
    });
    await publish(item.id);
    expect(await published(item.id)).not.toBeNull();
  });

  it('checks again on every edit: a published item cannot take personal data in', async () => {
    const item = await draftFrom(null, clean);
    await publish(item.id);
    await expect(
      saveFaqItem(deps, k.origin(k.officer), {
        id: item.id,
        item: {
          orgId: k.body.id,
          question: 'Пишет Иванов Иван Иванович, ivanov@mail.test',
          answer: clean,
        } as never,
      }),
    ).rejects.toMatchObject({ errors: [{ field: 'question', message: 'appeals.manage.faq.personalData' }] });
    expect((await publicRepository.faqById(deps.db, item.id))?.question).toBe(question);
  });

  it('allows the personal data when the author recorded consent to the publication', async () => {
    const { appeal } = await submitAppeal(deps, k.origin({ actor: k.citizen }), {
      type: 'appeal',
      kind: 'proposal',
      orgSlug: k.body.slug,
      lastName: 'Смирнова',
      firstName: 'Анна',
      email: k.citizenUser.email,
      text: 'Предлагаю открыть запись через портал.',
      publicationConsent: true,
    } as never);
    expect(appeal.publicationConsentAt).not.toBeNull();
    const item = await draftFrom(appeal.id, leaky);
    await publish(item.id);
    expect(await published(item.id)).not.toBeNull();
  });

  it('does not count the body’s own published phone as personal data', async () => {
    await deps.db
      .update(organizations)
      .set({ phone: '+7 (4012) 59-90-00' })
      .where(eq(organizations.id, k.body.id));
    const own = await draftFrom(null, 'Телефон для справок: 8 (4012) 59-90-00.');
    await publish(own.id);
    expect(await published(own.id)).not.toBeNull();
    const someone = await draftFrom(null, 'Телефон для справок: 8 (4012) 59-90-01.');
    await expect(publish(someone.id)).rejects.toThrow(InvalidInput);
  });
});
