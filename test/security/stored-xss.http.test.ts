import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appeals } from '../../src/modules/appeals/appeals.tables.ts';
import { seedOrganizations } from '../../src/modules/orgs/index.ts';
import { organizations } from '../../src/modules/orgs/orgs.tables.ts';
import { recordAction } from '../../src/platform/audit/index.ts';
import { userActor } from '../../src/platform/authz/index.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { createUser, signedInAs, signIn } from '../auth.ts';
import { visitor } from '../forms.ts';
import { SAMPLE_PDF } from '../multipart.ts';

/*
 * Stored and reflected XSS (a class found in Decidim's and CONSUL's advisories):
 * a person's name, the search box's filter and pagination parameters, what the
 * audit view shows (names, organisations, details), attachment file names (on
 * pages and in Content-Disposition) and free text (appeal text, site feedback)
 * come back as text, never as markup.
 */

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
});
afterAll(async () => {
  await t.close();
});

function expectInert(html: string) {
  expect(html).not.toContain('<script>alert(1)');
  expect(html).not.toMatch(/<img[^>]*onerror=alert/);
}

describe('stored XSS through a name', () => {
  it('a person named with markup sees it as text on /cabinet', async () => {
    const u = await createUser(t.deps, { lastName: PAYLOAD, firstName: PAYLOAD, patronymic: null });
    const jar = await signIn(t.app, u.email, u.password);
    const res = await t.app.inject({ url: '/cabinet', headers: { cookie: jar.cookie } });
    expect(res.statusCode).toBe(200);
    expectInert(res.body);
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
  });
});

describe('reflected XSS through filter and pagination parameters', () => {
  for (const url of [
    `/search?q=${encodeURIComponent(PAYLOAD)}`,
    `/search?q=x&page=${encodeURIComponent(PAYLOAD)}`,
    `/search?q=x&sort=${encodeURIComponent(PAYLOAD)}`,
    `/search?q=x&type=${encodeURIComponent(PAYLOAD)}&org=${encodeURIComponent(PAYLOAD)}`,
    `/orgs/minzdrav/documents?q=${encodeURIComponent(PAYLOAD)}&page=${encodeURIComponent(PAYLOAD)}`,
  ]) {
    it(`${url.slice(0, 40)}…: a 2xx/4xx page with the value as text`, async () => {
      const res = await t.app.inject(url);
      expect(res.statusCode).toBeLessThan(500);
      expectInert(res.body);
    });
  }
});

/** A file name as a browser sends it (no `"` or `/`, which the multipart header and basename take). */
const FILE_PAYLOAD = '<img src=x onerror=alert(2)><svg onload=alert(3)>\u202efdp.exe';

function hiddenValue(html: string, name: string): string {
  const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!m?.[1]) throw new Error(`no hidden ${name}`);
  return m[1];
}

/** A Content-Disposition a browser reads as one download (or a PDF shown inline) with a harmless name. */
function expectSafeDisposition(value: unknown) {
  const v = String(value);
  expect(v).toMatch(/^(attachment|inline); /);
  // one line, ASCII only, no quote or markup a header parser or a page could trip on
  expect(v).toMatch(/^[\x20-\x7e]+$/);
  expect(v).not.toMatch(/[<>]/);
  // the encoded name carries no bidi override that would turn «exe.pdf» into «fdp.exe»
  expect(decodeURIComponent(v.replace(/^.*filename\*=UTF-8''/, ''))).not.toMatch(
    /[\u202a-\u202e\u2066-\u2069]/,
  );
}

describe('stored XSS through the audit view', () => {
  it('a name, an organisation name and details with markup are text on /manage/audit', async () => {
    const marked = await createUser(t.deps, { lastName: PAYLOAD, firstName: 'Иван', patronymic: null });
    const [org] = await t.deps.db
      .update(organizations)
      .set({ nameRu: `Министерство ${PAYLOAD}` })
      .where(eq(organizations.slug, 'minzdrav'))
      .returning();
    await recordAction(t.deps.db, {
      actor: userActor(marked.userId, []),
      ip: null,
      action: 'test.markup',
      objectType: 'organization',
      objectId: org?.id ?? null,
      orgId: org?.id ?? null,
      details: { reason: PAYLOAD, [PAYLOAD]: [PAYLOAD, { nested: PAYLOAD }] },
    });
    const admin = await signedInAs(t, 'admin');
    for (const url of [
      '/manage/audit',
      `/manage/audit?action=test.markup&actor=${encodeURIComponent(PAYLOAD)}`,
      `/manage/audit?objectId=${encodeURIComponent(PAYLOAD)}&org=${encodeURIComponent(PAYLOAD)}`,
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode).toBeLessThan(500);
      expectInert(res.body);
    }
    const page = await admin.get('/manage/audit?action=test.markup');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
  });
});

describe('stored XSS through file names', () => {
  it('an appeal attachment named with markup is text to the citizen and to staff, and a safe download', async () => {
    const citizen = await signedInAs(t, 'citizen', null, {
      identification: 'esia',
      identityLevel: 'verified',
      lastName: 'Смирнова',
      firstName: 'Анна',
      patronymic: 'Петровна',
    });
    const form = await citizen.get('/appeals/new?type=appeal&list=all');
    const saved = await citizen.post(
      '/appeals/new',
      {
        formToken: hiddenValue(form.body, 'formToken'),
        type: 'appeal',
        orgSlug: 'minobr',
        kind: 'statement',
        lastName: 'Смирнова',
        firstName: 'Анна',
        patronymic: 'Петровна',
        email: 'anna@example.test',
        text: `Текст обращения ${PAYLOAD}`,
      },
      {
        from: form,
        files: [
          { field: 'attachments', name: `${FILE_PAYLOAD}.pdf`, type: 'application/pdf', data: SAMPLE_PDF },
        ],
      },
    );
    // saved as her draft and shown on «Проверьте данные» (text there too), then sent
    expect(saved.statusCode).toBe(303);
    const check = await citizen.get(String(saved.headers.location));
    expect(check.statusCode).toBe(200);
    expectInert(check.body);
    expect(check.body).toContain('&lt;img src=x onerror=alert(2)>');
    const res = await citizen.post(
      `${String(saved.headers.location).replace(/\/check$/, '')}/send`,
      {},
      { from: check },
    );
    expect(res.statusCode).toBe(303);
    const own = String(res.headers.location).split('?')[0] as string;
    const view = await citizen.get(own);
    expect(view.statusCode).toBe(200);
    expectInert(view.body);
    expect(view.body).toContain('&lt;img src=x onerror=alert(2)>');
    const fileHref = view.body.match(/href="([^"]*\/files\/[0-9a-f-]{36})"/)?.[1] as string;
    const download = await citizen.get(fileHref);
    expect(download.statusCode).toBe(200);
    expectSafeDisposition(download.headers['content-disposition']);

    const number = decodeURIComponent(own.split('/').at(-1) as string);
    const [appeal] = await t.deps.db.select().from(appeals).where(eq(appeals.number, number));
    const officer = await signedInAs(t, 'appeals_officer', 'minobr');
    const staffView = await officer.get(`/manage/appeals/${appeal?.id}`);
    expect(staffView.statusCode).toBe(200);
    expectInert(staffView.body);
    expect(staffView.body).toContain('Текст обращения &lt;script>');
    const staffHref = staffView.body.match(/href="(\/manage\/appeals\/[^"]*\/files\/[0-9a-f-]{36})"/)?.[1];
    const staffDownload = await officer.get(staffHref as string);
    expect(staffDownload.statusCode).toBe(200);
    expectSafeDisposition(staffDownload.headers['content-disposition']);
  });

  it('a publication attachment named with markup is text on the public page, and a safe download', async () => {
    const editor = await signedInAs(t, 'editor', 'minfin');
    const created = await editor.post('/manage/orgs/minfin/publications/documents/new', {
      docType: 'приказ',
      docNumber: 'X-1',
      docDate: '15.03.2026',
      docStatus: 'действует',
      title: 'Документ с вложением',
      summary: '',
      body: 'Текст.',
      topics: '',
      tags: '',
      amends: '',
      cancels: '',
    });
    expect(created.statusCode).toBe(303);
    const id = String(created.headers.location).match(/documents\/([0-9a-f-]{36})/)?.[1] as string;
    const manage = `/manage/orgs/minfin/publications/documents/${id}`;
    const attached = await editor.post(
      `${manage}/files`,
      {},
      {
        from: manage,
        files: [{ field: 'files', name: `${FILE_PAYLOAD}.pdf`, type: 'application/pdf', data: SAMPLE_PDF }],
      },
    );
    expect(attached.statusCode).toBe(303);
    expectInert((await editor.get(manage)).body);
    const page = await visitor(t.app).get(`/orgs/minfin/documents/${id}`);
    expect(page.statusCode).toBe(200);
    expectInert(page.body);
    expect(page.body).toContain('&lt;img src=x onerror=alert(2)>');
    const href = page.body.match(/href="(\/attachments\/[^"]+)"/)?.[1] as string;
    const download = await visitor(t.app).get(href);
    expect(download.statusCode).toBe(200);
    expectSafeDisposition(download.headers['content-disposition']);
  });
});

describe('stored XSS through free text', () => {
  it('site feedback with markup is text on the staff page', async () => {
    const sent = await visitor(t.app).post(
      '/orgs/minfin/site-development/feedback',
      { text: `Не работает ${PAYLOAD}`, email: '' },
      { from: '/orgs/minfin/site-development' },
    );
    expect(sent.statusCode).toBe(303);
    const editor = await signedInAs(t, 'editor', 'minfin');
    const res = await editor.get('/manage/orgs/minfin/publications');
    expect(res.statusCode).toBe(200);
    expectInert(res.body);
    expect(res.body).toContain('Не работает &lt;script>');
  });
});
