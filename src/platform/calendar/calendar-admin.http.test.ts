import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../test/auth.ts';
import { visitor } from '../../../test/forms.ts';

let t: TestApp;
let admin: SignedIn;
let staff: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-20T10:00:00+02:00');
  admin = await signedInAs(t, 'admin');
  staff = await signedInAs(t, 'project_office');
});
afterAll(async () => {
  await t.close();
});

describe('/manage/calendar', () => {
  it('sends anonymous visitors to sign in and refuses non-administrators', async () => {
    const anon = await visitor(t.app).get('/manage/calendar');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/sign-in?next=');
    expect((await staff.get('/manage/calendar')).statusCode).toBe(403);
    expect((await staff.get('/manage/calendar/2027')).statusCode).toBe(403);
  });

  it('lists the years with their source and links to each form; /manage shows the section', async () => {
    const res = await admin.get('/manage/calendar');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Предварительно: по ст. 112 ТК');
    expect(res.body).toContain('Постановление (данные в поставке)');
    expect(res.body).toContain('href="/manage/calendar/2027"');
    expect((await admin.get('/manage')).body).toContain('href="/manage/calendar"');
    expect((await admin.get('/manage/calendar/1800')).statusCode).toBe(404);
  });

  it('keeps what was typed and says what to fix', async () => {
    const res = await admin.post('/manage/calendar/2027', {
      m1: '1, 2, 3',
      m2: '30',
      note: '',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('В этом месяце нет такого числа');
    expect(res.body).toContain('Укажите реквизиты постановления');
    expect(res.body).toMatch(/id="m1"[^>]*value="1, 2, 3"|value="1, 2, 3"[^>]*id="m1"/);
  });

  it('saves a year, reports the recomputed deadlines and shows the year as entered', async () => {
    const form = await admin.get('/manage/calendar/2027');
    expect(form.body).toContain('Поля заполнены по статье 112 ТК РФ');
    const values: Record<string, string> = { note: 'Постановление Правительства РФ от 01.10.2026 № 1' };
    for (let m = 1; m <= 12; m++) {
      const v = form.body.match(new RegExp(`name="m${m}"[^>]*value="([^"]*)"`))?.[1] ?? '';
      values[`m${m}`] = v;
    }
    expect(values.m1).toContain('8');
    const res = await admin.post('/manage/calendar/2027', values);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/manage/calendar?saved=2027&count=0');
    const list = await admin.get(res.headers.location as string);
    expect(list.body).toContain('Календарь 2027 года сохранён');
    expect(list.body).toContain('Введено администратором');
    expect(list.body).toContain('Постановление Правительства РФ от 01.10.2026 № 1');
  });
});
