import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { seedOrganizations } from '../index.ts';
import { orgsRepository } from '../orgs.repository.ts';

let t: TestApp;
let editor: SignedIn;
let outsider: SignedIn;
let minzdravId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps, { demoOfficials: true });
  minzdravId = (await orgsRepository.findBySlug(t.deps.db, 'minzdrav'))?.id as string;
  editor = await signedInAs(t, 'editor', 'minzdrav');
  outsider = await signedInAs(t, 'editor', 'minfin');
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject(url);

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
    expect((await outsider.get('/manage/orgs/minzdrav')).statusCode).toBe(403);
    const res = await outsider.post('/manage/orgs/minzdrav', validDetails, { from: '/manage/orgs/minfin' });
    expect(res.statusCode).toBe(403);
  });

  it('shows the editor the details form, the placeholder ИНН flagged, the source of the data', async () => {
    const res = await editor.get('/manage/orgs/minzdrav');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Демо-значение, заменить');
    const org = await orgsRepository.findBySlug(t.deps.db, 'minzdrav');
    expect(res.body).toContain(`value="${org?.inn}"`);
    expect(res.body).toContain('Происхождение справочных данных');
    expect(res.body).toContain('Демо-запись');
    const list = await editor.get('/manage/orgs');
    expect(list.body).toContain('href="/manage/orgs/minzdrav"');
    expect(list.body).not.toContain('href="/manage/orgs/minfin"');
    expect((await editor.get('/orgs/minzdrav')).body).toContain('href="/manage/orgs/minzdrav"');
    expect((await get('/orgs/minzdrav')).body).not.toContain('href="/manage/orgs/minzdrav"');
  });

  it('re-shows the form with an error summary and everything typed when input is wrong', async () => {
    const res = await editor.post('/manage/orgs/minzdrav', {
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
    const res = await editor.post('/manage/orgs/minzdrav', validDetails);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/manage/orgs/minzdrav?notice=saved');
    const after = await editor.get(res.headers.location as string);
    expect(after.body).toContain('Сведения сохранены');
    const pub = await get('/orgs/minzdrav');
    expect(pub.body).toContain('+7 (4012) 00-00-00');
    expect(pub.body).toContain('mailto:info@example.ru');
  });
});

describe('responsible officials through the staff pages', () => {
  it('adds an official, refuses an incomplete one, edits and removes it', async () => {
    const bad = await editor.post('/manage/orgs/minzdrav/officials/new', {
      duty: '',
      fullName: 'Сидорова М. П.',
      position: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Выберите направление');
    expect(bad.body).toContain('Введите должность');
    expect(bad.body).toContain('value="Сидорова М. П."');

    const ok = await editor.post('/manage/orgs/minzdrav/officials/new', {
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
    const edited = await editor.post(url, {
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

    const removed = await editor.post(`${url}/remove`, {}, { from: url });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe('/manage/orgs/minzdrav?notice=officialRemoved');
    expect(await orgsRepository.findOfficial(t.deps.db, minzdravId, added?.id as string)).toBeUndefined();
  });

  it('answers 404 for an official that is not this body’s and refuses a POST without a CSRF token', async () => {
    expect(
      (await editor.get('/manage/orgs/minzdrav/officials/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    expect((await editor.get('/manage/orgs/minzdrav/officials/garbage')).statusCode).toBe(404);
    const res = await t.app.inject({
      method: 'POST',
      url: '/manage/orgs/minzdrav',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(validDetails).toString(),
    });
    expect(res.statusCode).toBe(403);
  });
});
