import type { DbOrTx } from '../../../platform/db/client.ts';
import { translator } from '../../../platform/i18n/index.ts';
import type { Followable } from '../../search/index.ts';
import { consultRepository as repo } from './consult.repository.ts';

const t = translator('ru');
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Following a consultation: each answer of the official, as it is given. */
export const consultationFollowable: Followable = {
  kind: 'consultation',
  label: { ru: 'Онлайн-консультация', en: 'Online consultation' },
  async find(db: DbOrTx, id: string) {
    const c = await repo.consultationById(db, id);
    return c
      ? { kind: 'consultation', id: c.id, title: c.topic, orgId: c.orgId, url: `/consultations/${c.id}` }
      : undefined;
  },
  async updates(db, q) {
    return (await repo.answeredSince(db, q)).map(({ question, consultation }) => ({
      key: `consultation-answer:${question.id}`,
      orgId: consultation.orgId,
      title: t('consult.follow.answer', { title: consultation.topic }),
      summary: t('consult.follow.summary', {
        question: cut(question.body, 140),
        answer: cut(question.answer ?? '', 160),
      }),
      url: `/consultations/${consultation.id}#q-${question.id}`,
      at: question.answeredAt as Date,
    }));
  },
};
