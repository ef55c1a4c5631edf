import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { saveDeadlineSettings } from '../appeals.settings.ts';

// Issue 10, «the pensioner who writes about a road in her village»: the way to the form and back.

let t: TestApp;
let esia: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  esia = await signedInAs(t, 'citizen', null, {
    identification: 'esia',
    identityLevel: 'verified',
    lastName: 'Петрова',
    firstName: 'Валентина',
    patronymic: 'Ивановна',
  });
});
afterAll(() => t.close());

/** The text of a page without its markup, spaces folded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('the start page', () => {
  it('explains before sign-in who can write, what she needs, why Госуслуги and how long, then «Начать»', async () => {
    const res = await visitor(t.app).get('/appeals/start?type=appeal');
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain('Кто может написать');
    expect(text).toContain('Что понадобится');
    expect(text).toContain('учётная запись на Госуслугах');
    expect(text).toContain('Почему нужно войти через Госуслуги');
    expect(text).toContain('№ 547-ФЗ');
    expect(text).toContain('На обращение — в течение 30 дней со дня регистрации');
    expect(text).toContain('На запрос сведений о работе органа — в течение 30 дней');
    expect(text).toContain('не больше чем на 15 дней');
    expect(text).toContain('На запрос редакции СМИ — в течение 7 дней');
    // plain words first, the law's name after
    expect(text.indexOf('Электронное обращение рассматривают, только если')).toBeLessThan(
      text.indexOf('№ 547-ФЗ'),
    );
    // «Начать» signs in and comes back to the form of this type
    expect(res.body).toMatch(
      /<a href="\/sign-in\?next=%2Fappeals%2Fnew%3Ftype%3Dappeal" role="button" draggable="false" class="govuk-button govuk-button--start"/,
    );
  });

  it('carries the body chosen on its page, drops what cannot be a slug, and leads a signed-in person straight on', async () => {
    const anon = await visitor(t.app).get('/appeals/start?org=minzdrav&type=nonsense');
    expect(anon.body).toContain('href="/sign-in?next=%2Fappeals%2Fnew%3Forg%3Dminzdrav"');
    const odd = await visitor(t.app).get('/appeals/start?org=%2F%2Fevil.example');
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain('href="/sign-in?next=%2Fappeals%2Fnew"');
    const signed = await esia.get('/appeals/start?type=info_request');
    expect(signed.body).toContain('href="/appeals/new?type=info_request"');
    expect(signed.body).toContain('Запросить информацию</h1>');
  });

  it('says the deadlines the deployment applies', async () => {
    await saveDeadlineSettings(t.deps.db, { answerDays: 25 });
    try {
      const res = await visitor(t.app).get('/appeals/start');
      expect(textOf(res.body)).toContain('На обращение — в течение 25 дней');
    } finally {
      await saveDeadlineSettings(t.deps.db, {});
    }
  });

  it('after sign-in the «Начать» link lands on the form', async () => {
    const u = visitor(t.app);
    const start = await u.get('/appeals/start?type=appeal');
    const next = /href="\/sign-in\?next=([^"]+)"/.exec(start.body)?.[1] ?? '';
    expect(decodeURIComponent(next)).toBe('/appeals/new?type=appeal');
  });
});
