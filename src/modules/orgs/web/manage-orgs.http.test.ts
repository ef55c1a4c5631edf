import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CookieJar, createTestApp, csrfFrom, type TestApp } from '../../../../test/app.ts';
import { createUser, signIn } from '../../../../test/auth.ts';
import { seedOrganizations } from '../index.ts';
import { orgsRepository } from '../orgs.repository.ts';

let t: TestApp;
let editorJar: CookieJar;
let outsiderJar: CookieJar;
let minzdravId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps, { demoOfficials: true });
  minzdravId = (await orgsRepository.findBySlug(t.deps.db, 'minzdrav'))?.id as string;
  const minfinId = (await orgsRepository.findBySlug(t.deps.db, 'minfin'))?.id as string;
  const editor = await createUser(t.deps, { grants: [{ role: 'editor', orgId: minzdravId }] });
  const outsider = await createUser(t.deps, { grants: [{ role: 'editor', orgId: minfinId }] });
  editorJar = await signIn(t.app, editor.email, editor.password);
  outsiderJar = await signIn(t.app, outsider.email, outsider.password);
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, jar?: CookieJar) =>
  t.app.inject({ method: 'GET', url, headers: jar ? { cookie: jar.header() } : {} });

async function post(url: string, jar: CookieJar, fields: Record<string, string>, formUrl = url) {
  const form = await get(formUrl, jar);
  jar.store(form);
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrfFrom(form.body), ...fields }).toString(),
  });
  jar.store(res);
  return res;
}

const validDetails = {
  headPosition: 'Министр здравоохранения Калининградской области',
  headName: '',
  address: '236000, г. Калининград, ул. Примерная, д. 1',
  phone: '+7 (4012) 00-00-00',
  email: 'info@example.ru',
  website: 'https://example.ru',
  inn: '',
  descriptionRu: '',
  descriptionEn: '',
};

describe('/manage/orgs/<slug>', () => {
  it('sends anonymous visitors to sign in and back', async () => {
    const res = await get('/manage/orgs/minzdrav');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fmanage%2Forgs%2Fminzdrav');
  });

  it('refuses an editor of another body', async () => {
    expect((await get('/manage/orgs/minzdrav', outsiderJar)).statusCode).toBe(403);
    const res = await post('/manage/orgs/minzdrav', outsiderJar, validDetails, '/manage/orgs/minfin');
    expect(res.statusCode).toBe(403);
  });

  it('shows the editor the details form, the placeholder ИНН flagged, the source of the data', async () => {
    const res = await get('/manage/orgs/minzdrav', editorJar);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Демо-значение, заменить');
    const org = await orgsRepository.findBySlug(t.deps.db, 'minzdrav');
    expect(res.body).toContain(`value="${org?.inn}"`);
    expect(res.body).toContain('Происхождение справочных данных');
    expect(res.body).toContain('Демо-запись');
    const list = await get('/manage/orgs', editorJar);
    expect(list.body).toContain('href="/manage/orgs/minzdrav"');
    expect(list.body).not.toContain('href="/manage/orgs/minfin"');
    expect((await get('/orgs/minzdrav', editorJar)).body).toContain('href="/manage/orgs/minzdrav"');
    expect((await get('/orgs/minzdrav')).body).not.toContain('href="/manage/orgs/minzdrav"');
  });

  it('re-shows the form with an error summary and everything typed when input is wrong', async () => {
    const res = await post('/manage/orgs/minzdrav', editorJar, {
      ...validDetails,
      phone: 'позвоните нам',
      inn: '1234567890',
      address: 'г. Калининград, ул. Введённая',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('href="#phone"');
    expect(res.body).toContain('Введите телефон цифрами');
    expect(res.body).toContain('ИНН организации — 10 цифр');
    expect(res.body).toContain('value="позвоните нам"');
    expect(res.body).toContain('value="г. Калининград, ул. Введённая"');
  });

  it('saves, redirects with 303 and shows the new details publicly', async () => {
    const res = await post('/manage/orgs/minzdrav', editorJar, validDetails);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/manage/orgs/minzdrav?notice=saved');
    const after = await get(res.headers.location as string, editorJar);
    expect(after.body).toContain('Сведения сохранены');
    const pub = await get('/orgs/minzdrav');
    expect(pub.body).toContain('+7 (4012) 00-00-00');
    expect(pub.body).toContain('mailto:info@example.ru');
  });
});

describe('responsible officials through the staff pages', () => {
  it('adds an official, refuses an incomplete one, edits and removes it', async () => {
    const bad = await post('/manage/orgs/minzdrav/officials/new', editorJar, {
      duty: '',
      fullName: 'Сидорова М. П.',
      position: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Выберите направление');
    expect(bad.body).toContain('Введите должность');
    expect(bad.body).toContain('value="Сидорова М. П."');

    const ok = await post('/manage/orgs/minzdrav/officials/new', editorJar, {
      duty: 'anti_corruption',
      fullName: 'Сидорова Мария Петровна',
      position: 'Советник по профилактике коррупции',
      phone: '+7 (4012) 00-00-02',
      email: '',
      receptionHours: 'среда, 14:00–17:00',
      dutiesRu: 'Принимает сообщения о коррупции.',
    });
    expect(ok.statusCode).toBe(303);
    const officials = await orgsRepository.officials(t.deps.db, minzdravId);
    const added = officials.find((o) => o.fullName === 'Сидорова Мария Петровна');
    expect(added).toBeDefined();
    const pub = await get('/orgs/minzdrav/officials');
    expect(pub.body).toContain('Сидорова Мария Петровна');
    expect(pub.body).toContain('среда, 14:00–17:00');

    const url = `/manage/orgs/minzdrav/officials/${added?.id}`;
    const edited = await post(url, editorJar, {
      duty: 'anti_corruption',
      fullName: 'Сидорова Мария Петровна',
      position: 'Консультант',
      phone: '',
      email: '',
      receptionHours: '',
      dutiesRu: '',
    });
    expect(edited.statusCode).toBe(303);
    expect((await orgsRepository.findOfficial(t.deps.db, minzdravId, added?.id as string))?.position).toBe(
      'Консультант',
    );

    const removed = await post(`${url}/remove`, editorJar, {}, url);
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/manage/orgs/minzdrav?notice=officialRemoved');
    expect(await orgsRepository.findOfficial(t.deps.db, minzdravId, added?.id as string)).toBeUndefined();
  });

  it('answers 404 for an official that is not this body’s and refuses a POST without a CSRF token', async () => {
    expect(
      (await get('/manage/orgs/minzdrav/officials/00000000-0000-4000-8000-000000000000', editorJar))
        .statusCode,
    ).toBe(404);
    expect((await get('/manage/orgs/minzdrav/officials/garbage', editorJar)).statusCode).toBe(404);
    const res = await t.app.inject({
      method: 'POST',
      url: '/manage/orgs/minzdrav',
      headers: { cookie: editorJar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(validDetails).toString(),
    });
    expect(res.statusCode).toBe(403);
  });
});
