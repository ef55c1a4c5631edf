import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { registerPublicationSections } from '../seed-publications.ts';

// The clarity check of concept 9.1 in the publications pages: the author sees
// it before publishing («Проверить текст», no JavaScript) and after saving; the
// public sees a badge on the news item.

let t: TestApp;
let editor: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps, { demoOfficials: true });
  await registerPublicationSections(t.deps);
  editor = await signedInAs(t, 'editor', 'minzdrav');
});
afterAll(async () => {
  await t?.close();
});

const officialese =
  'На сегодняшний день министерством осуществляется работа по модернизации первичного звена здравоохранения ' +
  'в рамках региональной программы, в соответствии с которой в целях повышения доступности медицинской помощи ' +
  'производится капитальный ремонт фельдшерско-акушерских пунктов, амбулаторий и иных объектов здравоохранения и т. п.';

const news = {
  kind: 'news',
  title: 'Ремонт фельдшерских пунктов',
  summary: '',
  body: officialese,
  videoUrl: '',
  transcript: '',
  topics: '',
  tags: '',
};

describe('clarity check of news (9.1)', () => {
  it('«Проверить текст» shows the score and the marked phrases, keeps what was typed and saves nothing', async () => {
    const res = await editor.post(
      '/manage/orgs/minzdrav/publications/new',
      { ...news, check: 'text' },
      { multipart: true },
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Проверка понятности текста');
    expect(res.body).toContain('Индекс читаемости (Флеш — Оборнева)');
    // the title (3 words) and one sentence of 38 words, the long one
    expect(res.body).toContain('предложений: 2, слов: 41');
    expect(res.body).toContain('очень сложный текст');
    expect(res.body).toMatch(
      /Длинных предложений \(больше 25 слов\)<\/dt><dd class="govuk-summary-list__value">1</,
    );
    for (const phrase of [
      'На сегодняшний день',
      'осуществляется',
      'в рамках',
      'в целях',
      'производится',
      'и т. п.',
    ])
      expect(res.body).toContain(`>${phrase}<span class="govuk-visually-hidden">`);
    expect(res.body).toMatch(/Словарь: редакция \d{4}\.\d+/);
    // the typed values are back in the form
    expect(res.body).toContain('value="Ремонт фельдшерских пунктов"');
    expect(res.body).toContain('амбулаторий и иных объектов');
    const press = await t.app.inject('/orgs/minzdrav/press');
    expect(press.body).not.toContain('Ремонт фельдшерских пунктов');
  });

  it('a plain text scores high, and the check works on the urlencoded edit form too', async () => {
    const created = await editor.post('/manage/orgs/minzdrav/publications/new', news);
    expect(created.statusCode).toBe(303);
    const publicUrl = String(created.headers.location).replace(/\?.*$/, '');
    const id = publicUrl.split('/').pop();
    // after saving, the edit page shows the check of the stored text
    const edit = await editor.get(`/manage/orgs/minzdrav/publications/${id}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('Проверка понятности текста');
    expect(edit.body).toContain('очень сложный текст');

    const plain = await editor.post(`/manage/orgs/minzdrav/publications/${id}`, {
      ...news,
      body: 'Мы чиним пункты. Врачи там будут с мая. Приходите.',
      check: 'text',
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('Проверка понятности текста');
    expect(plain.body).not.toContain('<mark');
    expect(plain.body).not.toContain('очень сложный текст');
    // nothing was saved by the check: the public page still has the old text and its badge
    const page = await t.app.inject(publicUrl);
    expect(page.body).toContain('осуществляется работа');
    expect(page.body).toMatch(/data-clarity-badge="veryDifficult"/);
    expect(page.body).toContain('Понятность: очень сложный текст');
  });

  it('the badge of a plain news item says so', async () => {
    const created = await editor.post('/manage/orgs/minzdrav/publications/new', {
      ...news,
      title: 'Пункт в Гусеве открыт',
      body: 'Пункт в Гусеве открыт. Врач ждёт вас с утра. Запись не нужна.',
    });
    const page = await t.app.inject(String(created.headers.location).replace(/\?.*$/, ''));
    expect(page.body).toMatch(/data-clarity-badge="(veryEasy|easy|fairlyEasy|plain)"/);
    expect(page.body).toContain('индекс читаемости');
  });

  it('documents get the same check', async () => {
    const res = await editor.post('/manage/orgs/minzdrav/publications/documents/new', {
      docType: 'постановление',
      docNumber: '15-п',
      docDate: '15.03.2026',
      docStatus: 'действует',
      title: 'О порядке',
      summary: '',
      body: 'Уполномоченный орган вправе при необходимости своевременно осуществлять проверку.',
      topics: '',
      tags: '',
      amends: '',
      cancels: '',
      check: 'text',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('>своевременно<span');
    expect(res.body).toContain('>при необходимости<span');
    expect(res.body).toContain('value="15-п"');
  });
});
