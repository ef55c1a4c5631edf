import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { draftRegulations, draftUnits } from '../drafts.tables.ts';

// Anti-corruption expertise (concept 7.5) through the real app: the project
// office keeps the register of accredited experts; an expert signed in files a
// conclusion on a draft while its expertise stage is open; the body answers
// within 30 days (calendar days from the next day, the last day moved off a
// day off); the card shows hints on the units, conclusions, answers and the
// overdue ones.

let t: TestApp;
let office: SignedIn;
let expert: SignedIn;
let unregistered: SignedIn;
let staff: SignedIn;
let staffB: SignedIn;
let citizen: SignedIn;
let draftId = '';

const UNITS = [
  { key: 'st-1', label: 'Статья 1', text: 'Настоящий порядок определяет правила предоставления субсидий.' },
  {
    key: 'st-2-ch-1',
    label: 'часть 1 статьи 2',
    text: 'Уполномоченный орган вправе отказать в предоставлении субсидии по иным основаниям.',
  },
  {
    key: 'st-2-ch-2',
    label: 'часть 2 статьи 2',
    text: 'К заявлению прилагаются копия устава и иные документы.',
  },
];

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  office = await signedInAs(t, 'project_office', null);
  expert = await signedInAs(t, 'expert', null);
  unregistered = await signedInAs(t, 'expert', null);
  staff = await signedInAs(t, 'editor', 'minstroy');
  staffB = await signedInAs(t, 'editor', 'minobr');
  citizen = await signedInAs(t, 'citizen', null);
  const org = await findOrganizationBySlug(t.deps.db, 'minstroy');
  const [d] = await t.deps.db
    .insert(draftRegulations)
    .values({
      orgId: org?.id as string,
      title: 'О порядке предоставления субсидий застройщикам',
      summary: 'Кто и как получает субсидии',
      actType: 'постановление',
      impactDegree: 'medium',
      stage: 'expertise',
      textVersion: 1,
    })
    .returning();
  draftId = d?.id as string;
  await t.deps.db
    .insert(draftUnits)
    .values(UNITS.map((u, i) => ({ ...u, draftId, version: 1, kind: 'part', position: i })));
});
afterAll(async () => {
  await t?.close();
});

const expertFields = (email: string) => ({
  kind: 'person',
  name: 'Смирнов Алексей Петрович',
  orderNumber: '1234-р',
  orderDate: '15.03.2024',
  email,
});

describe('the register of accredited experts', () => {
  it('is kept by the project office, with plain messages', async () => {
    expect((await staff.get('/manage/expertise/experts')).statusCode).toBe(403);
    const bad = await office.post('/manage/expertise/experts', {
      ...expertFields(expert.email),
      orderDate: '31.02.2024',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите дату распоряжения в виде ДД.ММ.ГГГГ');
    const unknown = await office.post('/manage/expertise/experts', expertFields('nobody@example.test'));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Учётной записи с такой почтой нет');
    const ok = await office.post('/manage/expertise/experts', expertFields(expert.email));
    expect(ok.statusCode).toBe(303);
  });

  it('is public with the number and date of the Ministry of Justice order', async () => {
    const page = await visitor(t.app).get('/expertise/experts');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Смирнов Алексей Петрович');
    expect(page.body).toContain('от 15.03.2024 № 1234-р');
  });
});

describe('a conclusion on a draft', () => {
  it('the card shows pre-screening hints on the units, labelled as hints', async () => {
    const page = await visitor(t.app).get(`/drafts/${draftId}/expertise`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Этап экспертизы открыт');
    expect(page.body).toContain('а не заключение');
    expect(page.body).toContain('id="hints-st-2-ch-1"');
    expect(page.body).toContain('data-factor="4б"');
    expect(page.body).toContain('id="hints-st-2-ch-2"');
    expect(page.body).toContain('data-factor="4а"');
    expect(page.body).not.toContain('id="hints-st-1"');
    expect(page.body).toContain('Заключений пока нет');
    expect(page.body).not.toContain('Направить заключение');
  });

  it('only a registered expert may file one', async () => {
    expect((await unregistered.get(`/drafts/${draftId}/expertise/new`)).statusCode).toBe(403);
    expect((await citizen.get(`/drafts/${draftId}/expertise/new`)).statusCode).toBe(403);
    expect((await visitor(t.app).get(`/drafts/${draftId}/expertise/new`)).statusCode).toBe(303);
    expect((await expert.get(`/drafts/${draftId}/expertise`)).body).toContain('Направить заключение');
  });

  it('says what to fix: no result, no finding, a half-filled row, findings with «not found»', async () => {
    const url = `/drafts/${draftId}/expertise/new`;
    const none = await expert.post(url, {});
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Выберите результат экспертизы');
    const empty = await expert.post(url, { result: 'factors' });
    expect(empty.body).toContain('Заполните хотя бы один выявленный фактор');
    const half = await expert.post(url, {
      result: 'factors',
      'unit-1': 'st-2-ch-1',
      'description-1': 'Отказ по иным основаниям',
    });
    expect(half.statusCode).toBe(422);
    expect(half.body).toContain('Выберите коррупциогенный фактор');
    expect(half.body).toContain('Предложите, как устранить фактор');
    expect(half.body).toContain('Отказ по иным основаниям');
    const both = await expert.post(url, {
      result: 'none',
      'unit-1': 'st-2-ch-1',
      'factor-1': '4б',
      'description-1': 'x',
      'proposal-1': 'y',
    });
    expect(both.body).toContain('уберите их или выберите «выявлены»');
    const ghost = await expert.post(url, {
      result: 'factors',
      'unit-1': 'st-9',
      'factor-1': '4б',
      'description-1': 'x',
      'proposal-1': 'y',
    });
    expect(ghost.statusCode).toBe(422);
    expect(ghost.body).toContain('Такой структурной единицы нет');
  });

  it('files findings; the body’s answer falls due 30 calendar days later, moved off a day off', async () => {
    // 26.02.2026 + 30 days = 28.03.2026, a Saturday: the next working day is Monday 30.03.2026
    t.deps.clock.set('2026-02-26T10:00:00+02:00');
    const res = await expert.post(`/drafts/${draftId}/expertise/new`, {
      result: 'factors',
      'unit-1': 'st-2-ch-1',
      'factor-1': '4б',
      'description-1': 'Открытый перечень оснований для отказа.',
      'proposal-1': 'Указать закрытый перечень оснований.',
      'unit-2': 'st-2-ch-2',
      'factor-2': '4а',
      'description-2': 'Требование «иных документов».',
      'proposal-2': 'Исключить слова «и иные документы».',
    });
    expect(res.statusCode).toBe(303);
    const page = await expert.get(String(res.headers.location).replace(/#.*$/, ''));
    expect(page.body).toContain('Заключение направлено. Орган ответит до 30.03.2026.');
    expect(page.body).toContain('Открытый перечень оснований для отказа.');
    expect(page.body).toContain('4а — Завышенные требования к лицу');
    expect(page.body).toContain('часть 2 статьи 2');
    expect(page.body).toContain('Ответ органа — до 30.03.2026');
    expect(page.body).toContain('аккредитация: распоряжение Минюста России от 15.03.2024 № 1234-р');
  });

  it('files «коррупциогенные факторы не выявлены»; 25.02 + 30 days is Friday 27.03', async () => {
    t.deps.clock.set('2026-02-25T10:00:00+02:00');
    const res = await expert.post(`/drafts/${draftId}/expertise/new`, { result: 'none' });
    expect(res.statusCode).toBe(303);
    const page = await visitor(t.app).get(`/drafts/${draftId}/expertise`);
    expect(page.body).toContain('Коррупциогенные факторы не выявлены');
    expect(page.body).toContain('Ответ органа — до 27.03.2026');
  });
});

describe('the body answers', () => {
  it('its staff answer once; others may not; the card shows the answer and the overdue one', async () => {
    const page = await staff.get(`/drafts/${draftId}/expertise`);
    const ids = [
      ...page.body.matchAll(/action="\/manage\/expertise\/conclusions\/([0-9a-f-]+)\/answer"/g),
    ].map((m) => m[1]);
    // in the order they came: «не выявлены» (25.02, due 27.03), then the findings (26.02, due 30.03)
    expect(ids).toHaveLength(2);
    const first = ids[0] as string;
    expect(
      (
        await staffB.post(
          `/manage/expertise/conclusions/${first}/answer`,
          { answer: 'x' },
          { from: `/drafts/${draftId}/expertise` },
        )
      ).statusCode,
    ).toBe(403);
    const empty = await staff.post(
      `/manage/expertise/conclusions/${first}/answer`,
      { answer: '' },
      { from: `/drafts/${draftId}/expertise` },
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Введите ответ на заключение');
    expect(empty.body).toContain(`href="#answer-${first}"`);
    t.deps.clock.set('2026-03-10T10:00:00+02:00');
    const ok = await staff.post(
      `/manage/expertise/conclusions/${first}/answer`,
      { answer: 'Перечень оснований для отказа будет закрытым: замечание учтено.' },
      { from: `/drafts/${draftId}/expertise` },
    );
    expect(ok.statusCode).toBe(303);
    const again = await staff.post(
      `/manage/expertise/conclusions/${first}/answer`,
      { answer: 'ещё' },
      { from: `/drafts/${draftId}/expertise` },
    );
    expect(again.statusCode).toBe(409);

    // 40 days later the other conclusion is overdue
    t.deps.clock.set('2026-04-20T10:00:00+02:00');
    const card = await visitor(t.app).get(`/drafts/${draftId}/expertise`);
    expect(card.body).toContain('Перечень оснований для отказа будет закрытым');
    expect(card.body).toContain('Ответ органа от 10 марта 2026 г.');
    expect(card.body).toContain('Срок ответа истёк 30.03.2026');
    expect(card.body).not.toContain('Срок ответа истёк 27.03.2026');
    const { rows } = await t.deps.db.$client.query(
      "select action from audit_log where action like 'expertise.%' order by id",
    );
    expect(rows.map((r) => r.action)).toEqual([
      'expertise.expert.register',
      'expertise.conclusion.submit',
      'expertise.conclusion.submit',
      'expertise.conclusion.answer',
    ]);
    // back within the sessions' lifetime for the tests below
    t.deps.clock.set('2026-03-12T10:00:00+02:00');
  });

  it('refuses a conclusion once the stage has closed', async () => {
    await t.deps.db
      .update(draftRegulations)
      .set({ stage: 'summary' })
      .where(eq(draftRegulations.id, draftId));
    expect((await expert.get(`/drafts/${draftId}/expertise/new`)).statusCode).toBe(403);
    expect(
      (
        await expert.post(
          `/drafts/${draftId}/expertise/new`,
          { result: 'none' },
          { from: `/drafts/${draftId}/expertise` },
        )
      ).statusCode,
    ).toBe(403);
    const card = await visitor(t.app).get(`/drafts/${draftId}/expertise`);
    expect(card.body).toContain('Этап экспертизы сейчас не открыт');
  });

  it('answers 404 for a draft or conclusion that does not exist', async () => {
    expect((await visitor(t.app).get('/drafts/not-a-draft/expertise')).statusCode).toBe(404);
    expect(
      (
        await staff.post(
          '/manage/expertise/conclusions/00000000-0000-4000-8000-000000000000/answer',
          { answer: 'x' },
          { from: '/expertise/experts' },
        )
      ).statusCode,
    ).toBe(404);
  });
});
