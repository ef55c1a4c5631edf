import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { appealsRepository } from '../appeals.repository.ts';

/*
 * Issue 10, the pensioner's cabinet and the activist: consent to the public
 * archive at sending, withdrawal, disputing an answer, the archive itself,
 * all through the real app.
 */

let t: TestApp;
let esia: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  esia = await signedInAs(t, 'citizen', null, {
    identification: 'esia',
    identityLevel: 'verified',
    lastName: 'Смирнова',
    firstName: 'Анна',
    patronymic: 'Петровна',
  });
});
afterAll(async () => {
  await t.close();
});

function hidden(html: string, name: string): string {
  const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!m?.[1]) throw new Error(`no hidden ${name}`);
  return m[1];
}

/** Send the appeal form as a browser does; the appeal's number from the address it redirects to. */
async function sendAppeal(who: SignedIn, fields: Record<string, string> = {}): Promise<string> {
  const page = await who.get('/appeals/new?type=appeal');
  expect(page.statusCode).toBe(200);
  const res = await who.post(
    '/appeals/new',
    {
      formToken: hidden(page.body, 'formToken'),
      type: 'appeal',
      orgSlug: 'mininfra',
      kind: 'statement',
      lastName: 'Смирнова',
      firstName: 'Анна',
      patronymic: 'Петровна',
      email: who.email,
      text: 'Прошу отремонтировать дорогу в посёлке Луговое: ямы на улице Центральной.',
      ...fields,
    },
    { from: page, multipart: true },
  );
  expect(res.statusCode).toBe(303);
  return /appeals\/([^?]+)/.exec(String(res.headers.location))?.[1] ?? '';
}

describe('consent to the public archive at sending', () => {
  it('is a checkbox on the form, off by default, in plain words', async () => {
    const page = await esia.get('/appeals/new?type=appeal');
    expect(page.body).toContain('Открытый архив обращений (необязательно)');
    expect(page.body).toContain('без вашего имени, адреса, телефона');
    const box = /<input[^>]*name="archiveConsent"[^>]*>/.exec(page.body)?.[0] ?? '';
    expect(box).toContain('type="checkbox"');
    expect(box).not.toContain('checked');
  });

  it('is recorded only when ticked', async () => {
    const without = await sendAppeal(esia);
    expect((await appealsRepository.findByNumber(t.deps.db, without))?.archiveConsentAt).toBeNull();
    const withConsent = await sendAppeal(esia, { archiveConsent: 'yes' });
    expect((await appealsRepository.findByNumber(t.deps.db, withConsent))?.archiveConsentAt).toBeInstanceOf(
      Date,
    );
  });

  it('keeps the tick when the form comes back with an error', async () => {
    const page = await esia.get('/appeals/new?type=appeal');
    const res = await esia.post(
      '/appeals/new',
      {
        formToken: hidden(page.body, 'formToken'),
        type: 'appeal',
        orgSlug: 'mininfra',
        kind: 'statement',
        lastName: 'Смирнова',
        firstName: 'Анна',
        email: esia.email,
        text: '',
        archiveConsent: 'yes',
      },
      { from: page, multipart: true },
    );
    expect(res.statusCode).toBe(422);
    expect(/<input[^>]*name="archiveConsent"[^>]*>/.exec(res.body)?.[0]).toContain('checked');
  });
});
