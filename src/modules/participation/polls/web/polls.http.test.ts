import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../../test/auth.ts';
import { visitor } from '../../../../../test/forms.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../../orgs/index.ts';

let t: TestApp;
let editor: SignedIn;
let minzdravId: string;
let cityId: string;
let baltiyskId: string;

const location = (res: { headers: Record<string, unknown> }) => String(res.headers.location ?? '');
const pollIdOf = (res: { headers: Record<string, unknown> }) =>
  /\/manage\/polls\/([0-9a-f-]{36})/.exec(location(res))?.[1] as string;

/** A poll made through the staff form, as an editor of minzdrav would. */
async function createPoll(fields: Record<string, string | string[]>): Promise<string> {
  const res = await editor.post('/manage/polls/new', {
    orgId: minzdravId,
    question: 'Какие часы работы поликлиник вам удобнее?',
    options: 'Утро\nДень\nВечер',
    opensOn: '2026-11-01',
    closesOn: '2026-11-30',
    eligibility: 'signed_in',
    results: 'after_close',
    published: 'yes',
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(303);
  return pollIdOf(res);
}

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-20T12:00:00+02:00');
  await seedOrganizations(t.deps);
  minzdravId = (await findOrganizationBySlug(t.deps.db, 'minzdrav'))?.id as string;
  cityId = (await findOrganizationBySlug(t.deps.db, 'kaliningrad'))?.id as string;
  baltiyskId = (await findOrganizationBySlug(t.deps.db, 'baltiysk'))?.id as string;
  editor = await signedInAs(t, 'editor', 'minzdrav');
});

afterAll(() => t.close());

describe('polls', () => {
  it('staff form says in plain words what to fix and keeps the typed values', async () => {
    const res = await editor.post('/manage/polls/new', {
      orgId: minzdravId,
      question: 'Вопрос без вариантов',
      options: 'Только один',
      opensOn: '2026-11-30',
      closesOn: '2026-11-01',
      eligibility: 'residents',
      results: 'live',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Введите не меньше двух вариантов ответа');
    expect(res.body).toContain('Дата окончания должна быть не раньше даты начала');
    expect(res.body).toContain('Выберите муниципальное образование, жители которого голосуют');
    expect(res.body).toContain('value="Вопрос без вариантов"');
  });

  it('an editor of another body cannot open the poll (404) and a citizen is kept out of /manage', async () => {
    const id = await createPoll({});
    const other = await signedInAs(t, 'editor', 'minobr');
    expect((await other.get(`/manage/polls/${id}`)).statusCode).toBe(404);
    const citizen = await signedInAs(t, 'citizen');
    expect((await citizen.get('/manage/polls')).statusCode).toBe(403);
  });

  it('lists the published poll on /polls and /orgs/<slug>/polls; a draft stays hidden', async () => {
    const id = await createPoll({ question: 'Опубликованный вопрос о поликлиниках' });
    const draft = await createPoll({ question: 'Черновик вопроса', published: '' });
    const all = await visitor(t.app).get('/polls');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain(`/polls/${id}`);
    expect(all.body).not.toContain('Черновик вопроса');
    const org = await visitor(t.app).get('/orgs/minzdrav/polls');
    expect(org.body).toContain('Опубликованный вопрос о поликлиниках');
    expect((await visitor(t.app).get('/orgs/minobr/polls')).body).not.toContain(`/polls/${id}`);
    expect((await visitor(t.app).get(`/polls/${draft}`)).statusCode).toBe(404);
    expect((await editor.get(`/polls/${draft}`)).statusCode).toBe(200);
  });

  it('a citizen votes once; a second vote is refused with a message; results hidden until the close', async () => {
    const id = await createPoll({});
    const anon = await visitor(t.app).get(`/polls/${id}`);
    expect(anon.body).toContain('Войти, чтобы проголосовать');
    const citizen = await signedInAs(t, 'citizen');
    const page = await citizen.get(`/polls/${id}`);
    expect(page.body).toContain('Проголосовать');
    const first = await citizen.post(`/polls/${id}`, { choice: '2' }, { from: page });
    expect(first.statusCode).toBe(303);
    const after = await citizen.get(location(first));
    expect(after.body).toContain('Ваш голос учтён');
    expect(after.body).toContain('Ваш голос: Вечер.');
    expect(after.body).toContain('Результаты откроются после окончания опроса.');
    expect(after.body).not.toContain('Проголосовать</button>');
    // the same form posted again (a second tab)
    const again = await citizen.post(`/polls/${id}`, { choice: '0' }, { from: page });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Вы уже проголосовали в этом опросе. Повторно голосовать нельзя.');
    // nothing chosen: a plain message
    const other = await signedInAs(t, 'citizen');
    const empty = await other.post(`/polls/${id}`, {});
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Выберите вариант ответа');

    // after the close the results show: a chart and a table
    t.deps.clock.set('2026-12-01T09:00:00+02:00');
    try {
      const closed = await visitor(t.app).get(`/polls/${id}`);
      expect(closed.body).toContain('Проголосовало: 1');
      expect(closed.body).toMatch(/<svg[^>]*role="img"/);
      expect(closed.body).toMatch(/Вечер<\/td><td[^>]*>1<\/td>/);
      const late = await other.post(`/polls/${id}`, { choice: '1' });
      expect(late.statusCode).toBe(409);
      expect(late.body).toContain('Голосование в этом опросе сейчас не идёт.');
    } finally {
      t.deps.clock.set('2026-11-20T12:00:00+02:00');
    }
  });

  it('concurrent votes of one person: exactly one is recorded, the rest refused by the unique key', async () => {
    const id = await createPoll({ results: 'live' });
    const citizen = await signedInAs(t, 'citizen');
    const page = await citizen.get(`/polls/${id}`);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        citizen.post(`/polls/${id}`, { choice: String(i % 3) }, { from: page }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 303)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(11);
    const { rows } = await t.deps.db.$client.query(
      'select count(*)::int as n from poll_votes where poll_id = $1',
      [id],
    );
    expect(rows[0].n).toBe(1);
    // live results: the count is on the page while voting goes on
    expect((await visitor(t.app).get(`/polls/${id}`)).body).toContain('Проголосовало: 1');
  });

  it('a changeable multiple-choice poll lets the voter change the vote until the close', async () => {
    const id = await createPoll({ multiple: 'yes', changeable: 'yes', results: 'live' });
    const citizen = await signedInAs(t, 'citizen');
    expect((await citizen.post(`/polls/${id}`, { choice: ['0', '2'] })).statusCode).toBe(303);
    const page = await citizen.get(`/polls/${id}`);
    expect(page.body).toContain('Ваш голос: Утро; Вечер.');
    expect(page.body).toContain('Изменить голос');
    const changed = await citizen.post(`/polls/${id}`, { choice: ['1'], change: 'yes' }, { from: page });
    expect(changed.statusCode).toBe(303);
    expect(location(changed)).toContain('notice=changed');
    expect((await citizen.get(`/polls/${id}`)).body).toContain('Ваш голос: День.');
  });

  it('only people identified through ЕСИА vote where the poll says so', async () => {
    const id = await createPoll({ eligibility: 'esia' });
    const byEmail = await signedInAs(t, 'citizen');
    const page = await byEmail.get(`/polls/${id}`);
    expect(page.body).toContain('голосуют только граждане, подтвердившие личность через Госуслуги');
    const refused = await byEmail.post(`/polls/${id}`, { choice: '0' }, { from: page });
    expect(refused.statusCode).toBe(403);
    const esia = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    expect((await esia.post(`/polls/${id}`, { choice: '0' })).statusCode).toBe(303);
  });

  it('a residents’ poll takes a declared address of that municipality and refuses another', async () => {
    const id = await createPoll({
      eligibility: 'residents',
      residentsOrgId: cityId,
      residenceSource: 'declared',
    });
    const esia = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    const page = await esia.get(`/polls/${id}`);
    expect(page.body).toContain('Где вы живёте');
    const noPlace = await esia.post(`/polls/${id}`, { choice: '0' }, { from: page });
    expect(noPlace.statusCode).toBe(422);
    expect(noPlace.body).toContain('Выберите муниципальное образование, где вы живёте');
    expect(noPlace.body).toMatch(/value="0"[^>]*checked|checked[^>]*value="0"/);
    const elsewhere = await esia.post(
      `/polls/${id}`,
      { choice: '0', municipalityOrgId: baltiyskId, address: 'Балтийск, ул. Гагарина, 1' },
      { from: page },
    );
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.body).toContain('голосуют только жители другого муниципального образования');
    const ok = await esia.post(
      `/polls/${id}`,
      { choice: '0', municipalityOrgId: cityId, address: 'Калининград, ул. Театральная, 1' },
      { from: page },
    );
    expect(ok.statusCode).toBe(303);
    // a poll that takes residence only from ЕСИА does not accept the declared one
    const strict = await createPoll({
      eligibility: 'residents',
      residentsOrgId: cityId,
      residenceSource: 'esia',
    });
    const strictPage = await esia.get(`/polls/${strict}`);
    expect(strictPage.body).toContain('чьё место жительства известно по данным Госуслуг');
    expect((await esia.post(`/polls/${strict}`, { choice: '0' }, { from: strictPage })).statusCode).toBe(403);
  });

  it('the API lists polls, shows results by the poll’s rule and refuses a second vote with 409', async () => {
    const id = await createPoll({ results: 'live', topic: 'opendata_priorities' });
    const list = await t.app.inject({ url: '/api/v1/polls?topic=opendata_priorities' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(id);
    const general = await createPoll({ question: 'Общий вопрос о поликлиниках' });
    const web = await visitor(t.app).get('/polls?topic=opendata_priorities');
    expect(web.body).toContain(`/polls/${id}`);
    expect(web.body).not.toContain(`/polls/${general}`);
    const citizen = await signedInAs(t, 'citizen');
    const vote = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/polls/${id}/votes`,
        headers: {
          cookie: citizen.cookie,
          origin: new URL(t.deps.config.publicUrl).origin,
          'content-type': 'application/json',
        },
        payload: { choices: [1] },
      });
    const first = await vote();
    expect(first.statusCode, first.body).toBe(201);
    const second = await vote();
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    const detail = await t.app.inject({ url: `/api/v1/polls/${id}` });
    expect(detail.json().results).toEqual({ voters: 1, counts: [0, 1, 0] });
    // a choice the poll does not offer
    const fresh = await signedInAs(t, 'citizen');
    const badFresh = await t.app.inject({
      method: 'POST',
      url: `/api/v1/polls/${id}/votes`,
      headers: {
        cookie: fresh.cookie,
        origin: new URL(t.deps.config.publicUrl).origin,
        'content-type': 'application/json',
      },
      payload: { choices: [7] },
    });
    expect(badFresh.statusCode).toBe(422);
  });

  it('once there are votes the ballot cannot change', async () => {
    const id = await createPoll({});
    const citizen = await signedInAs(t, 'citizen');
    await citizen.post(`/polls/${id}`, { choice: '0' });
    const res = await editor.post(`/manage/polls/${id}`, {
      question: 'Какие часы работы поликлиник вам удобнее?',
      options: 'Утро\nВечер',
      opensOn: '2026-11-01',
      closesOn: '2026-11-30',
      eligibility: 'signed_in',
      results: 'after_close',
      published: 'yes',
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('варианты ответа и их число менять нельзя');
  });
});

describe('surveys', () => {
  let surveyId: string;

  it('staff build a survey with a conditional question', async () => {
    const made = await editor.post('/manage/surveys/new', {
      orgId: minzdravId,
      title: 'Качество приёма в поликлиниках',
      opensOn: '2026-11-01',
      closesOn: '2026-12-31',
      anonymous: 'yes',
      published: 'yes',
    });
    expect(made.statusCode, made.body).toBe(303);
    surveyId = /\/manage\/surveys\/([0-9a-f-]{36})/.exec(location(made))?.[1] as string;
    const add = (f: Record<string, string>) =>
      editor.post(`/manage/surveys/${surveyId}/questions`, f, { from: `/manage/surveys/${surveyId}` });
    expect(
      (await add({ type: 'single', text: 'Были ли вы у врача?', required: 'yes', options: 'Да\nНет' }))
        .statusCode,
    ).toBe(303);
    const page = await editor.get(`/manage/surveys/${surveyId}`);
    const firstKey = /name="showIfKey"[\s\S]*?<option value="([0-9a-f]{8})"/.exec(page.body)?.[1] as string;
    expect(firstKey).toBeTruthy();
    const wrongCondition = await add({
      type: 'scale',
      text: 'Оцените приём',
      required: 'yes',
      scaleMax: '10',
      showIfKey: firstKey,
      showIfEquals: 'Может быть',
    });
    expect(wrongCondition.statusCode).toBe(422);
    expect(wrongCondition.body).toContain('точно как в том вопросе');
    expect(wrongCondition.body).toContain('Оцените приём');
    expect(
      (
        await add({
          type: 'scale',
          text: 'Оцените приём',
          required: 'yes',
          scaleMax: '10',
          showIfKey: firstKey,
          showIfEquals: 'Да',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await add({ type: 'matrix', text: 'Оцените', options: 'Плохо\nХорошо', rows: 'Вежливость\nЧистота' }))
        .statusCode,
    ).toBe(303);
    expect((await add({ type: 'number', text: 'Сколько минут вы ждали?' })).statusCode).toBe(303);
    expect((await add({ type: 'short_text', text: 'Ваш район', required: 'yes' })).statusCode).toBe(303);
    const built = await editor.get(`/manage/surveys/${surveyId}`);
    expect(built.body).toContain('показывается, если «Были ли вы у врача?» = «Да»');
  });

  it('a missing required answer comes back with the message and the other answers kept; the condition is checked on the server', async () => {
    const citizen = await signedInAs(t, 'citizen');
    const page = await citizen.get(`/surveys/${surveyId}`);
    expect(page.body).toContain('Ответьте, если на вопрос «Были ли вы у врача?» вы ответили «Да».');
    const fields = Object.fromEntries(
      [...page.body.matchAll(/name="(q_[0-9a-f]{8}(?:_\d)?)"/g)].map((m) => [m[1] as string, '']),
    );
    const names = Object.keys(fields);
    const [visited, score, matrix0, , minutes, district] = names as string[];
    // «Да» but no score, a word instead of a number, no district: three messages, the rest kept
    const bad = await citizen.post(
      `/surveys/${surveyId}`,
      { [visited as string]: 'Да', [matrix0 as string]: 'Хорошо', [minutes as string]: 'долго' },
      { from: page },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Ответьте на этот вопрос');
    expect(bad.body).toContain('Введите число, например 12 или 3,5');
    expect(bad.body).toContain(`href="#${score}"`);
    expect(bad.body).toContain(`href="#${district}"`);
    expect(bad.body).toMatch(
      new RegExp(`name="${visited}"[^>]*value="Да"[^>]*checked|value="Да"[^>]*checked`),
    );
    expect(bad.body).toContain('value="долго"');
    // «Нет»: the conditional score is not asked, so not required
    const ok = await citizen.post(
      `/surveys/${surveyId}`,
      {
        [visited as string]: 'Нет',
        [score as string]: '9',
        [district as string]: 'Ленинградский',
        [minutes as string]: '15',
      },
      { from: page },
    );
    expect(ok.statusCode, ok.body).toBe(303);
    expect((await citizen.get(location(ok))).body).toContain('Ваши ответы приняты');
    const twice = await citizen.post(
      `/surveys/${surveyId}`,
      { [visited as string]: 'Нет', [district as string]: 'Центральный' },
      { from: page },
    );
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Вы уже ответили на эту анкету');

    const second = await signedInAs(t, 'citizen');
    const full = await second.post(`/surveys/${surveyId}`, {
      [visited as string]: 'Да',
      [score as string]: '8',
      [matrix0 as string]: 'Плохо',
      [district as string]: '=HYPERLINK("http://evil")',
    });
    expect(full.statusCode).toBe(303);
    // anonymous survey: no person on the answers
    const { rows } = await t.deps.db.$client.query(
      'select user_id, answers from survey_responses where survey_id = $1',
      [surveyId],
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r: { user_id: string | null }) => r.user_id === null)).toBe(true);
    // the skipped conditional answer was dropped
    const noScore = rows.find((r: { answers: Record<string, unknown> }) =>
      Object.values(r.answers).includes('Нет'),
    );
    expect(Object.values(noScore.answers)).not.toContain('9');
  });

  it('staff see the summary with charts and export the answers as CSV and XLSX', async () => {
    const page = await editor.get(`/manage/surveys/${surveyId}`);
    expect(page.body).toContain('Ответов: 2');
    expect(page.body).toMatch(/<svg[^>]*role="img"/);
    // questions are fixed once answered
    expect(page.body).not.toContain('Добавить вопрос');
    const csv = await editor.get(`/manage/surveys/${surveyId}/answers.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body).toContain('Были ли вы у врача?');
    expect(csv.body).toContain('Ленинградский');
    expect(csv.body).toContain('Оцените: Вежливость');
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(csv.body).not.toContain('Участник');
    const xlsx = await editor.get(`/manage/surveys/${surveyId}/answers.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Ответы');
    expect(ws?.rowCount).toBe(3);
    expect(ws?.getRow(1).values).toContain('Ваш район');
    const other = await signedInAs(t, 'editor', 'minobr');
    expect((await other.get(`/manage/surveys/${surveyId}/answers.csv`)).statusCode).toBe(404);
  });
});
