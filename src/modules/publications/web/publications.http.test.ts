import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { SAMPLE_PDF, SAMPLE_PNG, type Upload } from '../../../../test/multipart.ts';
import { saveCalendarYear, statutoryYearData } from '../../../platform/calendar/store.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { publicationsRepository as repo } from '../publications.repository.ts';
import { structuredSections } from '../sections.ts';
import { registerPublicationSections } from '../seed-publications.ts';

let t: TestApp;
let editor: SignedIn;
let outsider: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps, { demoOfficials: true });
  await registerPublicationSections(t.deps);
  editor = await signedInAs(t, 'editor', 'minzdrav');
  outsider = await signedInAs(t, 'editor', 'minfin');
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject(url);

const documentFields = {
  docType: 'постановление',
  docNumber: '15-п',
  docDate: '15.03.2026',
  docStatus: 'действует',
  title: 'Об утверждении административного регламента приёма обращений',
  summary: '',
  body: 'Утвердить регламент приёма обращений граждан.',
  topics: 'обращения, здравоохранение',
  tags: '',
  amends: '',
  cancels: '',
};

describe('staff pages', () => {
  it('sends anonymous visitors to sign in and refuses staff of another body', async () => {
    const anon = await get('/manage/orgs/minzdrav/publications');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toContain('/sign-in?next=');
    expect((await outsider.get('/manage/orgs/minzdrav/publications')).statusCode).toBe(403);
    expect((await editor.get('/manage/orgs/minzdrav/publications')).statusCode).toBe(200);
  });

  it('shows the form again with plain messages and what was typed', async () => {
    const res = await editor.post('/manage/orgs/minzdrav/publications/documents/new', {
      ...documentFields,
      docNumber: '',
      docDate: '31.02.2026',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('Введите номер документа');
    expect(res.body).toContain('Введите дату в виде ДД.ММ.ГГГГ');
    expect(res.body).toContain('Об утверждении административного регламента');
  });
});

describe('a document from form to public page, changed, with history and diff', () => {
  let id = '';
  it('publishes and shows the requisites; the number link finds it', async () => {
    const res = await editor.post('/manage/orgs/minzdrav/publications/documents/new', documentFields);
    expect(res.statusCode).toBe(303);
    id = String(res.headers.location).match(/documents\/([0-9a-f-]{36})/)?.[1] ?? '';
    expect(id).not.toBe('');
    const page = await get(`/orgs/minzdrav/documents/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('15-п');
    expect(page.body).toContain('15.03.2026');
    expect(page.body).toContain('Действует');
    expect(page.body).not.toContain('Изменено');
    const byNumber = await get(`/documents/by-number/minzdrav/${encodeURIComponent('15-п')}`);
    expect(byNumber.statusCode).toBe(303);
    expect(byNumber.headers.location).toBe(`/orgs/minzdrav/documents/${id}`);
    expect((await get('/documents/by-number/minzdrav/нет')).statusCode).toBe(404);
    const list = await get(
      '/orgs/minzdrav/documents?docType=%D0%BF%D0%BE%D1%81%D1%82%D0%B0%D0%BD%D0%BE%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5',
    );
    expect(list.body).toContain(`/orgs/minzdrav/documents/${id}`);
  });

  it('an edit leaves «изменено», the old version and a diff', async () => {
    const res = await editor.post(`/manage/orgs/minzdrav/publications/documents/${id}`, {
      ...documentFields,
      body: 'Утвердить регламент приёма обращений граждан и организаций.',
    });
    expect(res.statusCode).toBe(303);
    const page = await get(`/orgs/minzdrav/documents/${id}`);
    expect(page.body).toContain('Изменено');
    expect(page.body).toContain(`/publications/${id}/history`);
    const history = await get(`/publications/${id}/history`);
    expect(history.body).toContain(`/publications/${id}/versions/1`);
    const v1 = await get(`/publications/${id}/versions/1`);
    expect(v1.body).toContain('Утвердить регламент приёма обращений граждан.');
    const diff = await get(`/publications/${id}/diff?from=1&to=2`);
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toMatch(/<ins>.*организаций/s);
    expect((await get(`/publications/${id}/versions/9`)).statusCode).toBe(404);
  });

  it('attaches files through the multipart form: a PDF without text is published and the page says so', async () => {
    const docUrl = `/manage/orgs/minzdrav/publications/documents/${id}`;
    const upload = (files: Upload[]) => editor.post(`${docUrl}/files`, {}, { from: docUrl, files });
    const wrong = await upload([
      { field: 'files', name: 'photo.pdf', type: 'application/pdf', data: SAMPLE_PNG },
    ]);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('govuk-error-summary');
    const res = await upload([
      { field: 'files', name: 'scan.pdf', type: 'application/pdf', data: SAMPLE_PDF },
    ]);
    expect(res.statusCode).toBe(303);
    const [a] = await repo.attachments(t.deps.db, id);
    const { extractAttachmentText } = await import('../extract-attachment-text.ts');
    expect(await extractAttachmentText(t.deps, { attachmentId: a?.id ?? '' })).toBe('failed');
    const page = await get(`/orgs/minzdrav/documents/${id}`);
    expect(page.body).toContain('scan.pdf');
    expect(page.body).toContain('Текст этого файла не удалось извлечь');
    const file = await get(`/attachments/${a?.id}/scan.pdf`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(SAMPLE_PDF)).toBe(true);
  });

  it('the API gives the document with its requisites, files and versions', async () => {
    const res = await get(`/api/v1/documents/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      docType: 'постановление',
      number: '15-п',
      date: '2026-03-15',
      status: 'действует',
      attachments: [{ name: 'scan.pdf', format: 'pdf', textExtracted: 'failed' }],
    });
    expect(res.json().versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const list = await get(
      '/api/v1/organizations/minzdrav/documents?docType=%D0%BF%D0%BE%D1%81%D1%82%D0%B0%D0%BD%D0%BE%D0%B2%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5',
    );
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(id);
    expect((await get('/api/v1/documents/nope')).statusCode).toBe(404);
    expect((await get('/api/v1/organizations/minzdrav/documents?bogus=1')).statusCode).toBe(400);
  });

  it('/transparency shows the log; verify holds, then names the row altered in SQL', async () => {
    const log = await get('/transparency');
    expect(log.statusCode).toBe(200);
    const head = await repo.logHead(t.deps.db);
    expect(log.body).toContain(head?.hash);
    const ok = await get('/api/v1/transparency/verify');
    expect(ok.json()).toMatchObject({ ok: true, entries: 3, head: head?.hash, brokenAt: null });
    await t.deps.db.execute(sql`update publications set doc_number = '16-п' where id = ${id}`);
    const broken = (await get('/api/v1/transparency/verify')).json();
    expect(broken).toMatchObject({
      ok: false,
      brokenAt: { publicationId: id, version: 3, reason: 'current_differs' },
    });
    await t.deps.db.execute(sql`update publications set doc_number = '15-п' where id = ${id}`);
    await t.deps.db.execute(
      sql`update publication_log set hash = repeat('a', 64) where seq = (select min(seq) from publication_log)`,
    );
    const first = (await repo.logBatch(t.deps.db, 0, 1))[0];
    const chain = (await get('/api/v1/transparency/verify')).json();
    // The altered entry is the first broken one: its own hash no longer matches.
    expect(chain).toMatchObject({ ok: false, brokenAt: { seq: first?.seq, reason: 'hash' } });
  });
});

describe('news and sections', () => {
  it('publishes news through the form and lists it on the press page', async () => {
    const res = await editor.post('/manage/orgs/minzdrav/publications/new', {
      kind: 'news',
      title: 'Открыт новый фельдшерско-акушерский пункт',
      summary: 'Кратко',
      body: 'Текст новости<script>alert(1)</script>',
      videoUrl: '',
      transcript: '',
      topics: '',
      tags: '',
    });
    expect(res.statusCode).toBe(303);
    const page = await get(String(res.headers.location).replace(/\?.*$/, ''));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Открыт новый фельдшерско-акушерский пункт');
    expect(page.body).not.toContain('alert(1)');
    const press = await get('/orgs/minzdrav/press');
    expect(press.body).toContain('Открыт новый фельдшерско-акушерский пункт');
    expect(press.body).toContain('/orgs/minzdrav/media-plan');
    // the sitemap lists the news item and the document; sections come from the organisation's own list
    const sitemap = (await get('/sitemap.xml')).body;
    expect(sitemap).toContain(`${String(res.headers.location).replace(/\?.*$/, '')}</loc>`);
    expect(sitemap).toMatch(/\/orgs\/minzdrav\/documents\/[0-9a-f-]{36}<\/loc>/);
  });

  it('publishes a video from an uploaded MP4 with a poster and a transcript; both files are served', async () => {
    // the smallest MP4 file-type recognises: an ftyp box
    const mp4 = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypmp42'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mp42isom'),
      Buffer.alloc(64, 0),
    ]);
    const res = await editor.post(
      '/manage/orgs/minzdrav/publications/new',
      {
        kind: 'video',
        title: 'Запись заседания коллегии',
        summary: '',
        body: 'Видео заседания коллегии министерства.',
        videoUrl: '',
        transcript: 'Министр открыл заседание.',
        topics: '',
        tags: '',
      },
      {
        files: [
          { field: 'videoFile', name: 'kollegiya.mp4', type: 'video/mp4', data: mp4 },
          { field: 'posterFile', name: 'kadr.png', type: 'image/png', data: SAMPLE_PNG },
        ],
      },
    );
    expect(res.statusCode).toBe(303);
    const page = await get(String(res.headers.location).replace(/\?.*$/, ''));
    const video = page.body.match(/<video[^>]*poster="([^"]+)"[^>]*src="([^"]+)"/);
    expect(video).not.toBeNull();
    expect(page.body).toContain('Министр открыл заседание.');
    const poster = await get(video?.[1] ?? '');
    expect(poster.headers['content-type']).toBe('image/png');
    const file = await get(video?.[2] ?? '');
    expect(file.headers['content-type']).toBe('video/mp4');
    expect((await get('/files/publications/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
  });

  it('every structured section exists; an empty one says so and names who is responsible', async () => {
    for (const s of structuredSections) expect((await get(`/orgs/minfin/${s.path}`)).statusCode).toBe(200);
    const empty = await get('/orgs/minzdrav/anti-corruption-plan');
    expect(empty.body).toContain('Раздел пока не заполнен');
    expect(empty.body).toContain('Кто отвечает за раздел');
    expect(empty.body).toContain('Ответственный за профилактику коррупционных правонарушений');
    const home = await get('/orgs/minzdrav');
    expect(home.body).toContain('/orgs/minzdrav/anti-corruption-plan');
  });

  it('staff fill a section; the page then shows its text', async () => {
    const res = await editor.post('/manage/orgs/minzdrav/publications/sections/anti_corruption_plan', {
      body: 'План на 2026 год: 30 мероприятий.',
    });
    expect(res.statusCode).toBe(303);
    const page = await get('/orgs/minzdrav/anti-corruption-plan');
    expect(page.body).toContain('План на 2026 год: 30 мероприятий.');
    expect(page.body).not.toContain('Раздел пока не заполнен');
  });

  it('takes feedback about the site from anyone', async () => {
    const anon = visitor(t.app);
    const bad = await anon.post(
      '/orgs/minzdrav/site-development/feedback',
      { text: '', email: 'нет' },
      { from: '/orgs/minzdrav/site-development' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Опишите, что не работает');
    const ok = await anon.post(
      '/orgs/minzdrav/site-development/feedback',
      { text: 'Не открывается карта', email: '' },
      { from: '/orgs/minzdrav/site-development' },
    );
    expect(ok.statusCode).toBe(303);
    const staff = await editor.get('/manage/orgs/minzdrav/publications');
    expect(staff.body).toContain('Не открывается карта');
  });
});

describe('income declarations', () => {
  const row = {
    year: '2025',
    declarantShortName: 'Иванов И.И.',
    position: 'Министр',
    relation: 'DECLARANT',
    declaredIncomeRub: '2 000 000',
    realEstateOwned: 'квартира; индивидуальная; ; 54,3; Россия',
    realEstateUsed: '',
    vehicles: 'автомобиль легковой; Lada Vesta',
    largeDealSources: '',
  };
  it('refuses what the decree forbids, with a plain message, keeping the input', async () => {
    const res = await editor.post('/manage/orgs/minzdrav/declarations', {
      ...row,
      vehicles: 'автомобиль легковой; Lada Vesta А123ВС39',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Государственные номера транспорта публиковать нельзя');
    expect(res.body).toContain('Lada Vesta А123ВС39');
  });

  it('counts the 14 working days (Порядок п. 4) by the calendar as administrators corrected it', async () => {
    expect((await editor.post('/manage/orgs/minzdrav/declarations', row)).statusCode).toBe(303);
    let page = await editor.get('/manage/orgs/minzdrav/declarations');
    expect(page.body).toContain('Разместить сведения нужно до 22.05.2026');
    // an administrator marks 22 May 2026 a day off: the deadline moves to Monday 25 May
    const months = statutoryYearData(2026);
    months[4]?.push('22');
    await t.deps.db.transaction((tx) =>
      saveCalendarYear(
        tx,
        { year: 2026, months, note: 'test', enteredBy: null, enteredAt: '2026-01-01T00:00:00Z' },
        t.deps.clock.now(),
      ),
    );
    page = await editor.get('/manage/orgs/minzdrav/declarations');
    expect(page.body).toContain('Разместить сведения нужно до 25.05.2026');
    await t.deps.db.execute(sql`delete from settings where key = 'calendar.year.2026'`);
    // leave the body as the next test expects it: no rows yet
    const minzdrav = await findOrganizationBySlug(t.deps.db, 'minzdrav');
    for (const r of await repo.declarations(t.deps.db, minzdrav?.id ?? '', 2025))
      await repo.deleteDeclaration(t.deps.db, r.orgId, r.id);
  });

  it('adds rows, publishes the year, sorts by GET and gives CSV; family shown by relation only', async () => {
    expect((await editor.post('/manage/orgs/minzdrav/declarations', row)).statusCode).toBe(303);
    expect(
      (
        await editor.post('/manage/orgs/minzdrav/declarations', {
          ...row,
          relation: 'СУПРУГА',
          declaredIncomeRub: '500 000',
          vehicles: '',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await editor.post('/manage/orgs/minzdrav/declarations', {
          ...row,
          declarantShortName: 'Алексеев П.П.',
          declaredIncomeRub: '900 000',
        })
      ).statusCode,
    ).toBe(303);
    expect((await get('/orgs/minzdrav/declarations')).body).toContain('Сведения не опубликованы');
    // the body's home lists the section among those not filled yet, with who answers for it
    const emptyHeading = 'Разделы, которые пока не заполнены';
    const before = (await get('/orgs/minzdrav')).body;
    expect(before.indexOf('Сведения о доходах')).toBeGreaterThan(before.indexOf(emptyHeading));
    expect(
      (
        await editor.post(
          '/manage/orgs/minzdrav/declarations/2025/publication',
          { published: 'yes', legalBasis: 'Указ № 613; приказ министерства № 1' },
          { from: '/manage/orgs/minzdrav/declarations' },
        )
      ).statusCode,
    ).toBe(303);
    // once the year is published the home never calls the section empty
    const home = (await get('/orgs/minzdrav')).body;
    const at = home.indexOf('Сведения о доходах');
    expect(at).toBeGreaterThan(-1);
    expect(home.indexOf(emptyHeading) === -1 || at < home.indexOf(emptyHeading)).toBe(true);
    expect(
      (
        await editor.post(
          '/manage/orgs/minzdrav/declarations/2025/publication',
          { published: 'no', legalBasis: 'Указ Президента РФ от 29.12.2022 № 968' },
          { from: '/manage/orgs/minzdrav/declarations' },
        )
      ).statusCode,
    ).toBe(303);
    const hidden = (await get('/orgs/minzdrav')).body;
    expect(hidden.indexOf('Сведения о доходах')).toBeGreaterThan(hidden.indexOf(emptyHeading));
    expect(
      (
        await editor.post(
          '/manage/orgs/minzdrav/declarations/2025/publication',
          { published: 'yes', legalBasis: 'Указ № 613; приказ министерства № 1' },
          { from: '/manage/orgs/minzdrav/declarations' },
        )
      ).statusCode,
    ).toBe(303);
    const page = await get('/orgs/minzdrav/declarations?year=2025&sort=income&dir=desc');
    expect(page.statusCode).toBe(200);
    expect(page.body.indexOf('Иванов И.И.')).toBeLessThan(page.body.indexOf('Алексеев П.П.'));
    expect(page.body).toContain('Супруга');
    const asc = await get('/orgs/minzdrav/declarations?year=2025&sort=income&dir=asc');
    expect(asc.body.indexOf('Алексеев П.П.')).toBeLessThan(asc.body.indexOf('Иванов И.И.'));
    const csv = await get('/orgs/minzdrav/declarations.csv?year=2025');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Супруга');
    expect(csv.body).toContain('2000000.00');
    expect((await get('/orgs/minzdrav/declarations?year=2019')).statusCode).toBe(404);
    expect((await get('/orgs/minzdrav/declarations?sort=%27%3Bdrop&dir=x')).statusCode).toBe(200);
  });
});

describe('bad input is a clear 4xx or an empty page, never a 500', () => {
  it.each([
    ['/orgs/minzdrav/press/not-a-uuid', 404],
    ['/orgs/minzdrav/documents/00000000-0000-0000-0000-000000000000', 404],
    ['/orgs/nope/documents', 404],
    ['/publications/%27%3B--/history', 404],
    ['/publications/00000000-0000-0000-0000-000000000000/diff?from=x&to=y', 404],
    ['/orgs/minzdrav/documents?docType=%3Cscript%3E&docStatus=%27&topic=%25&page=-5', 200],
    ['/orgs/minzdrav/press?page=99999999999', 200],
    [`/documents/by-number/minzdrav/${'9'.repeat(100)}`, 404],
    ['/attachments/zzz/file.pdf', 404],
    ['/orgs/minfin/declarations.csv?year=abcd', 404],
    ['/transparency?page=abc', 200],
  ])('%s → %i', async (url, status) => {
    expect((await get(url)).statusCode).toBe(status);
  });
});

describe('declarations: end of tenure, the legal basis of a year, a page per official (Указ №613; issue 10)', () => {
  // minfin is untouched by the tests above; `outsider` is its editor
  const base = '/manage/orgs/minfin/declarations';
  const row = {
    year: '2025',
    declarantShortName: 'Орлов В.В.',
    position: 'Министр финансов',
    relation: 'DECLARANT',
    declaredIncomeRub: '3 000 000',
    realEstateOwned: 'квартира; индивидуальная; ; 60; Россия',
    realEstateUsed: '',
    vehicles: '',
    largeDealSources: '',
  };
  const publish = (year: number, fields: Record<string, string>) =>
    outsider.post(`${base}/${year}/publication`, fields);
  const searchFor = async (q: string) => (await get(`/search?q=${encodeURIComponent(q)}`)).body;
  let orlovPage = '';

  it('refuses to switch a year without a legal basis, keeping the choice and saying what to do', async () => {
    for (const y of ['2024', '2025']) {
      expect((await outsider.post(base, { ...row, year: y })).statusCode).toBe(303);
      expect(
        (
          await outsider.post(base, {
            ...row,
            year: y,
            declarantShortName: 'Лебедева Н.Н.',
            position: 'Заместитель министра',
          })
        ).statusCode,
      ).toBe(303);
    }
    const refused = await publish(2025, { published: 'yes', legalBasis: '   ' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Укажите правовое основание решения');
    expect(refused.body).toMatch(/value="yes"[^>]*checked/);
    const none = await publish(2025, { legalBasis: 'Указ № 613' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Выберите, размещать ли сведения');
    expect(none.body).toContain('Указ № 613');
    // nothing was switched
    expect((await get('/orgs/minfin/declarations')).body).toContain('Сведения не опубликованы');
  });

  it('publishes 2025 and withholds 2024 with its basis; the public page names the basis; who and when are kept', async () => {
    expect(
      (await publish(2025, { published: 'yes', legalBasis: 'Указ № 613; приказ № 7 от 05.05.2026' }))
        .statusCode,
    ).toBe(303);
    expect((await publish(2024, { published: 'yes', legalBasis: 'Указ № 613' })).statusCode).toBe(303);
    const basis968 = 'Указ Президента РФ от 29.12.2022 № 968, п. 1';
    expect((await publish(2024, { published: 'no', legalBasis: basis968 })).statusCode).toBe(303);
    const page = await get('/orgs/minfin/declarations');
    expect(page.body).toContain('Орлов В.В.');
    expect(page.body).toContain('2024 (не размещаются)');
    const withheld = await get('/orgs/minfin/declarations?year=2024');
    expect(withheld.statusCode).toBe(200);
    expect(withheld.body).toContain('Сведения за 2024 год на сайте не размещаются.');
    expect(withheld.body).toContain(`Основание: ${basis968}`);
    expect(withheld.body).not.toContain('Орлов В.В.');
    expect((await get('/orgs/minfin/declarations.csv?year=2024')).statusCode).toBe(404);
    const staff = await outsider.get(base);
    expect(staff.body).toContain(`Основание: ${basis968}`);
    const { rows } = await t.deps.db.$client.query(
      `select y.decided_by, a.details from declaration_years y
       join organizations o on o.id = y.org_id,
       lateral (select details from audit_log where action = 'declarations.unpublish' and org_id = o.id order by id desc limit 1) a
       where o.slug = 'minfin' and y.year = 2024`,
    );
    expect(rows[0]?.decided_by).toBe(outsider.userId);
    expect(rows[0]?.details).toMatchObject({ year: 2024, legalBasis: basis968 });
  });

  it('gives each official a page of every published year, linked from the table and from search', async () => {
    const table = (await get('/orgs/minfin/declarations?year=2025')).body;
    const link = table.match(/href="(\/orgs\/minfin\/declarations\/officials\/[0-9a-f-]{36})">Орлов В\.В\./);
    expect(link).not.toBeNull();
    orlovPage = link?.[1] ?? '';
    // a third year published for him alone shows on his page with 2025; 2024 stays withheld
    expect(
      (await outsider.post(base, { ...row, year: '2023', declaredIncomeRub: '2 500 000' })).statusCode,
    ).toBe(303);
    expect((await publish(2023, { published: 'yes', legalBasis: 'Указ № 613' })).statusCode).toBe(303);
    const page = await get(orlovPage);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Орлов В.В.: сведения о доходах');
    expect(page.body).toContain('Годы, за которые опубликованы сведения: 2025, 2023.');
    expect(page.body).toMatch(/2\s500\s000,00/);
    expect(page.body).not.toContain('Лебедева');
    expect(await searchFor('Орлов')).toContain(`href="${orlovPage}"`);
    expect((await get('/sitemap.xml')).body).toContain(orlovPage);
    expect((await get('/orgs/minfin/declarations/officials/not-a-uuid')).statusCode).toBe(404);
    expect((await get(`/orgs/minzdrav${orlovPage.slice('/orgs/minfin'.length)}`)).statusCode).toBe(404);
  });

  it('records the end of tenure: the data leave the table, the page, search and the sitemap; staff still see them; audited', async () => {
    const staff = (await outsider.get(base)).body;
    const form = staff.match(
      /href="(\/manage\/orgs\/minfin\/declarations\/declarants\/[0-9a-f-]{36}\/tenure)">Записать освобождение от должности<span class="govuk-visually-hidden">: Орлов/,
    );
    expect(form).not.toBeNull();
    const tenureUrl = form?.[1] ?? '';
    // plain-words errors, typed values kept
    const bad = await outsider.post(tenureUrl, { endedOn: '31.02.2026', basis: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите дату в виде ДД.ММ.ГГГГ');
    expect(bad.body).toContain('Укажите основание');
    expect(bad.body).toContain('31.02.2026');
    const future = await outsider.post(tenureUrl, { endedOn: '01.01.2099', basis: 'Распоряжение № 5-р' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('Дата не может быть позже сегодняшней');
    expect(future.body).toContain('Распоряжение № 5-р');
    expect((await outsider.get(orlovPage)).statusCode).toBe(200);

    const basis = 'Распоряжение Губернатора от 27.02.2026 № 45-р';
    const done = await outsider.post(tenureUrl, { endedOn: '27.02.2026', basis });
    expect(done.statusCode).toBe(303);
    const table = (await get('/orgs/minfin/declarations?year=2025')).body;
    expect(table).not.toContain('Орлов В.В.');
    expect(table).toContain('Лебедева Н.Н.');
    expect(table).toContain('Сведения размещаются, пока человек занимает должность');
    expect((await get('/orgs/minfin/declarations.csv?year=2025')).body).not.toContain('Орлов');
    expect((await get(orlovPage)).statusCode).toBe(404);
    expect(await searchFor('Орлов')).not.toContain(orlovPage);
    expect(await searchFor('Лебедева')).toContain('/orgs/minfin/declarations/officials/');
    expect((await get('/sitemap.xml')).body).not.toContain(orlovPage);
    // staff keep the rows, with the date and the basis
    const after = (await outsider.get(base)).body;
    expect(after).toContain('Освобождён от должности 27.02.2026');
    expect(after).toContain(basis);
    expect(after).toContain('Орлов В.В.');
    // no new rows for a person who left; recording twice is refused
    const again = await outsider.post(base, row);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Освобождение этого человека от должности уже записано');
    expect((await outsider.post(tenureUrl, { endedOn: '27.02.2026', basis })).statusCode).toBe(409);
    // another body's editor cannot
    expect((await editor.get(tenureUrl)).statusCode).toBe(403);
    const { rows } = await t.deps.db.$client.query(
      `select actor_user_id, details from audit_log where action = 'declarant.tenure_end'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_user_id).toBe(outsider.userId);
    expect(rows[0]?.details).toMatchObject({ endedOn: '2026-02-27', basis });
  });

  it("removing a row updates the «filled» mark of the section on the body's home", async () => {
    const emptyHeading = 'Разделы, которые пока не заполнены';
    const filled = (home: string) => {
      const at = home.indexOf('Сведения о доходах');
      return at > -1 && (home.indexOf(emptyHeading) === -1 || at < home.indexOf(emptyHeading));
    };
    expect(filled((await get('/orgs/minfin')).body)).toBe(true);
    // Лебедева is the last person in the post with published rows (2024 is withheld); remove her 2025 row
    const minfin = await findOrganizationBySlug(t.deps.db, 'minfin');
    const lebedeva = (await repo.declarations(t.deps.db, minfin?.id ?? '', 2025)).find(
      (r) => r.declarantShortName === 'Лебедева Н.Н.',
    );
    expect((await outsider.post(`${base}/rows/${lebedeva?.id}/remove`, {}, { from: base })).statusCode).toBe(
      303,
    );
    expect(filled((await get('/orgs/minfin')).body)).toBe(false);
    expect(await searchFor('Лебедева')).not.toContain('/orgs/minfin/declarations/officials/');
  });
});

describe('concept tasks served by publications', () => {
  it('3.3: staff publish an interview of the leadership and a press release; the press section shows each with its kind', async () => {
    const interview = await editor.post('/manage/orgs/minzdrav/publications/new', {
      kind: 'interview',
      title: 'Министр здравоохранения: «Запись к врачу станет проще»',
      summary: 'Интервью министра областной газете',
      body: 'Вопрос: когда откроется запись через портал? Ответ: в апреле.',
      videoUrl: '',
      transcript: '',
      topics: '',
      tags: '',
    });
    expect(interview.statusCode).toBe(303);
    const release = await editor.post('/manage/orgs/minzdrav/publications/new', {
      kind: 'press_release',
      title: 'Пресс-релиз: в области открыты три новые амбулатории',
      summary: '',
      body: 'Амбулатории открыты в Гурьевском, Зеленоградском и Багратионовском округах.',
      videoUrl: '',
      transcript: '',
      topics: '',
      tags: '',
    });
    expect(release.statusCode).toBe(303);
    const press = await get('/orgs/minzdrav/press');
    // each item is listed under the tag of its kind
    expect(press.body).toMatch(
      />Интервью<\/strong>\s*<h2[^>]*><a[^>]*>Министр здравоохранения: «Запись к врачу станет проще»/,
    );
    expect(press.body).toMatch(
      />Пресс-релиз<\/strong>\s*<h2[^>]*><a[^>]*>Пресс-релиз: в области открыты три новые амбулатории/,
    );
    const page = await get(String(interview.headers.location).replace(/\?.*$/, ''));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Интервью');
    expect(page.body).toContain('Вопрос: когда откроется запись через портал? Ответ: в апреле.');
  });

  it('6.2: the procurement section: empty, it names the openness coordinator; then the plan-schedule and its report are published there and as documents', async () => {
    const empty = await get('/orgs/minzdrav/procurement');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Закупки');
    expect(empty.body).toContain('План-график закупок и отчёт о его исполнении.');
    expect(empty.body).toContain('Раздел пока не заполнен');
    expect(empty.body).toContain('Координатор по открытости');
    expect((await get('/orgs/minzdrav')).body).toContain('href="/orgs/minzdrav/procurement"');

    const filled = await editor.post('/manage/orgs/minzdrav/publications/sections/procurement', {
      body: 'План-график закупок на 2026 год: 42 позиции, из них 3 — научно-исследовательские работы.',
    });
    expect(filled.statusCode).toBe(303);
    const section = await get('/orgs/minzdrav/procurement');
    expect(section.body).toContain('42 позиции, из них 3 — научно-исследовательские работы');
    expect(section.body).not.toContain('Раздел пока не заполнен');

    const plan = await editor.post('/manage/orgs/minzdrav/publications/documents/new', {
      ...documentFields,
      docType: 'план',
      docNumber: 'ПГ-2026',
      docDate: '10.01.2026',
      title: 'План-график закупок товаров, работ, услуг на 2026 год',
      body: 'Позиции плана-графика закупок, включая НИОКР.',
      topics: 'закупки',
    });
    expect(plan.statusCode).toBe(303);
    const report = await editor.post('/manage/orgs/minzdrav/publications/documents/new', {
      ...documentFields,
      docType: 'отчёт',
      docNumber: 'ОТЧ-2025',
      docDate: '20.01.2026',
      title: 'Отчёт об исполнении плана-графика закупок за 2025 год',
      body: 'Исполнено 38 позиций из 40.',
      topics: 'закупки',
    });
    expect(report.statusCode).toBe(303);
    const plans = await get(`/orgs/minzdrav/documents?docType=${encodeURIComponent('план')}`);
    expect(plans.body).toContain('План-график закупок товаров, работ, услуг на 2026 год');
    expect(plans.body).not.toContain('Отчёт об исполнении плана-графика закупок за 2025 год');
    const api = await get(`/api/v1/organizations/minzdrav/documents?docType=${encodeURIComponent('отчёт')}`);
    expect(api.json().items.map((d: { title: string }) => d.title)).toEqual([
      'Отчёт об исполнении плана-графика закупок за 2025 год',
    ]);
  });
});
