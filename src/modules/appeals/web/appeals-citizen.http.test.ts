import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { SAMPLE_PDF, SAMPLE_PNG, type Upload } from '../../../../test/multipart.ts';
import { auditLog } from '../../../platform/audit/audit.tables.ts';
import { outbox } from '../../../platform/mail/mail.tables.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { appealsRepository } from '../appeals.repository.ts';
import { saveIdentificationSettings } from '../appeals.settings.ts';
import { appealAnswers, appealAttachments, appealEvents, appeals } from '../appeals.tables.ts';

let t: TestApp;
let esia: SignedIn;
let other: SignedIn;
// This file's own DATA_DIR, so the files on disk are this file's uploads only.
const dataDir = mkdtempSync(path.join(inject('dataDir'), 'appeals-citizen-'));

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  await seedOrganizations(t.deps);
  esia = await signedInAs(t, 'citizen', null, {
    identification: 'esia',
    identityLevel: 'verified',
    lastName: 'Смирнова',
    firstName: 'Анна',
    patronymic: 'Петровна',
  });
  other = await signedInAs(t, 'citizen', null, { identification: 'esia' });
  valid.complainedOrgId = (await findOrganizationBySlug(t.deps.db, 'minzdrav'))?.id ?? '';
});
afterAll(async () => {
  await t.close();
});

function hidden(html: string, name: string): string {
  const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!m?.[1]) throw new Error(`no hidden ${name}`);
  return m[1];
}

/** The files stored on disk (DATA_DIR/files/<2 hex>/<sha256>). */
function storedFilesOnDisk(): number {
  const root = path.join(dataDir, 'files');
  if (!existsSync(root)) return 0;
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name),
  ).length;
}

/** Open the form like a browser and post it as multipart, with the page's own CSRF and form tokens. */
async function sendForm(
  who: SignedIn,
  fields: Record<string, string | string[]>,
  files: Upload[] = [],
  opts: { type?: string; formPage?: string; keepToken?: string } = {},
) {
  const page = await who.get(opts.formPage ?? `/appeals/new?type=${opts.type ?? 'appeal'}&list=all`);
  expect(page.statusCode).toBe(200);
  const res = await who.post(
    '/appeals/new',
    { formToken: opts.keepToken ?? hidden(page.body, 'formToken'), type: opts.type ?? 'appeal', ...fields },
    { from: page, files, multipart: true },
  );
  // a valid form is saved as a draft and shown on «Проверьте данные»; sending it there registers it
  const check = /^\/appeals\/drafts\/([0-9a-f-]{36})\/check$/.exec(String(res.headers.location ?? ''));
  if (res.statusCode !== 303 || !check) return { res, page };
  const checkPage = await who.get(String(res.headers.location));
  expect(checkPage.statusCode).toBe(200);
  const sent = await who.post(`/appeals/drafts/${check[1]}/send`, {}, { from: checkPage });
  return { res: sent, page, draftId: check[1] as string, checkPage };
}

const valid = {
  orgSlug: 'minzdrav',
  kind: 'complaint',
  /** the body complained about: set once the organisations are seeded */
  complainedOrgId: '',
  lastName: 'Смирнова',
  firstName: 'Анна',
  patronymic: 'Петровна',
  email: 'anna@example.test',
  text: 'Прошу проверить работу поликлиники № 3: запись к терапевту недоступна вторую неделю.',
};

describe('the appeal form', () => {
  it('is reachable from the region home for each type, through the start page', async () => {
    const home = await t.app.inject({ url: '/' });
    for (const type of ['appeal', 'info_request', 'corruption_report'])
      expect(home.body).toContain(`href="/appeals/start?type=${type}"`);
  });

  it('sends anonymous visitors to the start page first, not silently to sign in', async () => {
    const res = await t.app.inject({ url: '/appeals/new?type=appeal' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/appeals/start?type=appeal');
    const fromBody = await t.app.inject({ url: '/orgs/minzdrav/appeals/new' });
    expect(fromBody.headers.location).toBe('/appeals/start?org=minzdrav');
  });

  it('refuses an e-mail-identified account by default and says to sign in through ЕСИА', async () => {
    const citizen = await signedInAs(t, 'citizen');
    const res = await citizen.get('/appeals/new?type=appeal');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('только от граждан, вошедших через Госуслуги');
  });

  it('lets an e-mail-confirmed account write an information request (8-ФЗ), not an appeal', async () => {
    const u = await signedInAs(t, 'citizen');
    const choose = await u.get('/appeals/new');
    expect(choose.statusCode).toBe(200);
    const form = await u.get('/appeals/new?type=info_request&list=all');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Вход через Госуслуги для запроса не обязателен');
    const { res } = await sendForm(
      u,
      {
        ...valid,
        orgSlug: 'minobr',
        kind: '',
        complainedOrgId: '',
        email: u.email,
        text: 'Прошу сообщить часы приёма.',
      },
      [],
      { type: 'info_request' },
    );
    expect(res.statusCode).toBe(303);
    const number = /appeals\/([^?]+)/.exec(String(res.headers.location))?.[1] ?? '';
    expect(await appealsRepository.findByNumber(t.deps.db, number)).toMatchObject({
      type: 'info_request',
      authorIdentification: 'email',
    });
    expect((await u.get('/appeals/new?type=appeal')).statusCode).toBe(403);
    expect((await u.get('/appeals/new?type=corruption_report')).statusCode).toBe(403);
  });

  it('accepts e-mail accounts when the deployment allows them, and says so on the form', async () => {
    await saveIdentificationSettings(t.deps.db, {
      esiaLevels: ['standard', 'verified'],
      allowEmailAccounts: true,
    });
    try {
      const citizen = await signedInAs(t, 'citizen');
      const res = await citizen.get('/appeals/new?type=appeal&list=all');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('В демонстрационном режиме принимаются и учётные записи');
    } finally {
      await saveIdentificationSettings(t.deps.db, {
        esiaLevels: ['standard', 'verified'],
        allowEmailAccounts: false,
      });
    }
  });

  it('refuses an ЕСИА account below the levels the setting counts', async () => {
    const citizen = await signedInAs(t, 'citizen', null, {
      identification: 'esia',
      identityLevel: 'simplified',
    });
    const res = await citizen.get('/appeals/new?type=appeal');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Уровень вашей учётной записи');
  });

  it('asks for the type first, then pre-fills the name and e-mail from the account', async () => {
    const choose = await esia.get('/appeals/new');
    expect(choose.body).toContain('Что вы хотите отправить?');
    expect(choose.body).toContain('Сообщение о коррупции');
    const form = await esia.get('/appeals/new?type=appeal&list=all');
    expect(form.body).toContain('<span id="esia-name">Смирнова Анна Петровна</span>');
    expect(form.body).toContain(`value="${esia.email}"`);
    expect(form.body).toContain(
      'Можно приложить до 5 файлов: фотографии в формате JPG или PNG, документы в PDF или DOCX. Каждый файл — не больше 10 МБ.',
    );
  });

  it('pre-fills the addressee from /orgs/<slug>/appeals/new', async () => {
    const res = await esia.get('/orgs/minzdrav/appeals/new?type=appeal');
    expect(res.statusCode).toBe(200);
    // the body is shown by name, not as a select of every body; the full list stays one click away
    expect(res.body).toContain('<input type="hidden" name="orgSlug" value="minzdrav"/>');
    expect(res.body).toContain('Кому: <strong>Министерство здравоохранения Калининградской области</strong>');
    expect(res.body).toContain('href="/appeals/new?type=appeal&amp;org=minzdrav&amp;list=all"');
    const list = await esia.get('/appeals/new?type=appeal&org=minzdrav&list=all');
    expect(list.body).toMatch(/<option value="minzdrav" selected/);
    expect((await esia.get('/orgs/no-such-body/appeals/new')).statusCode).toBe(404);
  });

  it('shows every error and keeps every value', async () => {
    const { res } = await sendForm(esia, {
      orgSlug: '',
      lastName: 'Поддельная',
      firstName: '',
      email: 'not-an-address',
      text: '',
      subject: 'Запись к врачу',
      collective: 'yes',
      cosigners: 'Одинслово',
    });
    expect(res.statusCode).toBe(422);
    for (const msg of [
      'Выберите орган, которому адресовано обращение',
      'Выберите вид обращения',
      'Введите адрес электронной почты в виде name@example.ru',
      'Введите текст обращения',
      'Соавторы: на каждой строке фамилия и имя',
    ])
      expect(res.body).toContain(msg);
    // the names came from Госуслуги: shown as they are there, whatever was posted
    expect(res.body).toContain('<span id="esia-name">Смирнова Анна Петровна</span>');
    expect(res.body).not.toContain('Поддельная');
    expect(res.body).not.toContain('name="lastName"');
    expect(res.body).toContain('value="Запись к врачу"');
    expect(res.body).toContain('value="not-an-address"');
    expect(res.body).toContain('Одинслово</textarea>');
    expect(res.body).toMatch(/name="collective" type="checkbox" value="yes" checked/);
  });

  it('records the body a complaint is about, chosen by id from the list, and asks for it plainly', async () => {
    const form = await esia.get('/appeals/new?type=appeal&list=all');
    expect(form.body).toContain('На решение или действие какого органа жалоба');
    expect(form.body).toContain(`<option value="${valid.complainedOrgId}"`);
    let { res } = await sendForm(esia, { ...valid, complainedOrgId: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Выберите орган, на решение или действие которого вы жалуетесь');
    expect(res.body).toContain('запись к терапевту недоступна');
    ({ res } = await sendForm(esia, { ...valid, complainedOrgId: 'Министерство здравоохранения' }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Выберите орган, на который жалоба, из списка');
    ({ res } = await sendForm(esia, {
      ...valid,
      complainedOrgId: '00000000-0000-4000-8000-000000000000',
    }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Выберите орган, на который жалоба, из списка');
    const transport = await findOrganizationBySlug(t.deps.db, 'mininfra');
    ({ res } = await sendForm(esia, {
      ...valid,
      email: 'complaint@example.test',
      complainedOrgId: transport?.id ?? '',
    }));
    expect(res.statusCode).toBe(303);
    const number = /appeals\/([^?]+)/.exec(String(res.headers.location))?.[1] ?? '';
    expect((await appealsRepository.findByNumber(t.deps.db, number))?.complainedOrgId).toBe(transport?.id);
  });

  it('registers an appeal at once: number, dates, deadline, event, audit and notice', async () => {
    const { res } = await sendForm(esia, valid);
    expect(res.statusCode).toBe(303);
    const m = /^\/cabinet\/appeals\/(MINZDRAV-2026-\d+)\?notice=registered$/.exec(
      String(res.headers.location),
    );
    expect(m).not.toBeNull();
    const number = m?.[1] as string;
    const row = await appealsRepository.findByNumber(t.deps.db, number);
    expect(row).toMatchObject({
      type: 'appeal',
      kind: 'complaint',
      status: 'registered',
      registeredOn: '2026-03-02',
      // 30 days after 2 March 2026 is Wednesday 1 April
      dueDate: '2026-04-01',
      // 7 days after is Monday 9 March, the day off for 8 March (a Sunday): moved back to Friday 6 March
      forwardDueDate: '2026-03-06',
      dueProvisional: false,
      authorUserId: esia.userId,
      authorIdentification: 'esia',
    });
    const page = await esia.get(String(res.headers.location));
    expect(page.body).toContain('Обращение зарегистрировано');
    expect(page.body).toContain(number);
    expect(page.body).toContain('02.03.2026');
    expect(page.body).toContain('01.04.2026');
    // 3 March – 1 April less the weekends and 9 March (23 March 2026 is a working day in the corrected data)
    expect(page.body).toContain('Осталось рабочих дней: 21');
    // no SMTP in this app: the notice waits in the outbox and the page says so, once, without «отправлено»
    expect(page.body).toContain('почтовый сервер его пока не принял');
    expect(page.body).not.toContain('отправлено на');
    expect(page.body).not.toContain('ещё не доставлено');
    const [mail] = await t.deps.db.select().from(outbox).where(eq(outbox.toAddress, 'anna@example.test'));
    expect(mail?.subject).toBe(`Обращение зарегистрировано, № ${number}`);
    expect(mail?.textBody).toContain('Срок ответа: до 01.04.2026');
    expect(mail?.textBody).toContain(`/cabinet/appeals/${number}`);
    const events = await t.deps.db
      .select()
      .from(appealEvents)
      .where(eq(appealEvents.appealId, row?.id as string));
    expect(events).toMatchObject([
      { kind: 'registered', toStatus: 'registered', actorUserId: esia.userId, outboxId: mail?.id },
    ]);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, row?.id as string), eq(auditLog.action, 'appeal.submit')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: esia.userId, details: { number, type: 'appeal' } });
    // the audit entry names the appeal by its number only: no text, no name, no address
    expect(JSON.stringify(audit[0])).not.toMatch(/Смирнова|anna@example\.test|поликлиники/);
  });

  it('makes one appeal of a double press of «Отправить обращение»', async () => {
    const first = await sendForm(esia, { ...valid, text: 'Двойная отправка: одно обращение.' });
    expect(first.res.statusCode).toBe(303);
    const again = await esia.post(`/appeals/drafts/${first.draftId}/send`, {}, { from: first.checkPage });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(String(first.res.headers.location).split('?')[0]);
    const rows = await t.deps.db
      .select()
      .from(appeals)
      .where(eq(appeals.text, 'Двойная отправка: одно обращение.'));
    expect(rows).toHaveLength(1);
  });

  it('refuses a file that is not what its name says, stores nothing and keeps the values', async () => {
    const before = { disk: storedFilesOnDisk(), rows: await t.deps.db.$count(appealAttachments) };
    const { res } = await sendForm(esia, { ...valid, text: 'С неправильным файлом' }, [
      { field: 'attachments', name: 'scan.pdf', type: 'application/pdf', data: SAMPLE_PNG },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Содержимое файла не совпадает с его расширением');
    expect(res.body).toContain('С неправильным файлом</textarea>');
    expect(res.body).not.toContain('name="fileIds"');
    expect(storedFilesOnDisk()).toBe(before.disk);
    expect(await t.deps.db.$count(appealAttachments)).toBe(before.rows);
  });

  it('keeps a good attachment when another field is wrong, then sends it with the appeal', async () => {
    const disk = storedFilesOnDisk();
    const { res, page } = await sendForm(esia, { ...valid, text: '' }, [
      { field: 'attachments', name: 'справка.pdf', type: 'application/pdf', data: SAMPLE_PDF },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Уже приложены: справка.pdf');
    // the good file is kept on disk for the second try (so the count above can see a stored file)
    expect(storedFilesOnDisk()).toBe(disk + 1);
    const fileId = hidden(res.body, 'fileIds');
    const token = hidden(page.body, 'formToken');
    const ok = await sendForm(esia, { ...valid, text: 'С приложением', fileIds: fileId }, [], {
      keepToken: token,
    });
    expect(ok.res.statusCode).toBe(303);
    const path = String(ok.res.headers.location).split('?')[0] as string;
    const view = await esia.get(path);
    expect(view.body).toContain('справка.pdf');
    const file = await esia.get(`${path}/files/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await other.get(`${path}/files/${fileId}`)).statusCode).toBe(404);
  });

  it('refuses another person’s uploaded file id', async () => {
    const { res } = await sendForm(other, { ...valid, text: '' }, [
      { field: 'attachments', name: 'a.png', type: 'image/png', data: SAMPLE_PNG },
    ]);
    const otherFile = hidden(res.body, 'fileIds');
    const { res: mine } = await sendForm(esia, {
      ...valid,
      text: 'Пытаюсь приложить чужой',
      fileIds: otherFile,
    });
    expect(mine.statusCode).toBe(303);
    const number = decodeURIComponent(String(mine.headers.location).split('/')[3]?.split('?')[0] ?? '');
    const row = await appealsRepository.findByNumber(t.deps.db, number);
    // an id that is not the author's own upload is simply not carried over
    expect(await appealsRepository.attachments(t.deps.db, row?.id as string)).toHaveLength(0);
  });

  it('registers an information request and a corruption report with their own fields', async () => {
    const info = await sendForm(
      esia,
      {
        orgSlug: 'minfin',
        lastName: 'Смирнова',
        firstName: 'Анна',
        email: 'anna@example.test',
        organizationName: 'АНО «Прозрачный бюджет»',
        answerForm: 'post',
        text: 'Прошу сообщить объём расходов на ремонт дорог в 2025 году.',
      },
      [],
      { type: 'info_request' },
    );
    expect(info.res.statusCode).toBe(422);
    expect(info.res.body).toContain('Введите почтовый адрес, чтобы получить ответ по почте');
    expect(info.res.body).toContain('Какую информацию вы запрашиваете');
    const ok = await sendForm(
      esia,
      {
        orgSlug: 'minfin',
        lastName: 'Смирнова',
        firstName: 'Анна',
        email: 'anna@example.test',
        answerForm: 'email',
        text: 'Прошу сообщить объём расходов на ремонт дорог в 2025 году.',
      },
      [],
      { type: 'info_request' },
    );
    expect(ok.res.statusCode).toBe(303);
    const report = await sendForm(
      esia,
      {
        orgSlug: 'minzdrav',
        lastName: 'Смирнова',
        firstName: 'Анна',
        email: 'anna@example.test',
        involvedPersons: 'заведующий отделением',
        text: 'За внеочередную запись просили деньги.',
      },
      [],
      { type: 'corruption_report' },
    );
    expect(report.page.body).toContain(
      'Сообщение получит только ответственный за профилактику коррупционных',
    );
    expect(report.res.statusCode).toBe(303);
    const number = decodeURIComponent(String(report.res.headers.location).split('/')[3]?.split('?')[0] ?? '');
    const row = await appealsRepository.findByNumber(t.deps.db, number);
    expect(row).toMatchObject({
      type: 'corruption_report',
      kind: null,
      details: { involvedPersons: 'заведующий отделением' },
    });
  });
});

describe('the cabinet', () => {
  it('lists own appeals with status and working days left, and is linked from /cabinet', async () => {
    const cab = await esia.get('/cabinet');
    expect(cab.body).toContain('href="/cabinet/appeals"');
    const list = await esia.get('/cabinet/appeals');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('MINZDRAV-2026-1');
    expect(list.body).toContain('Зарегистрировано');
    expect(list.body).toContain('Осталось рабочих дней');
    const theirs = await other.get('/cabinet/appeals');
    expect(theirs.body).not.toContain('MINZDRAV-2026-1<');
  });

  it('names the bodies it was forwarded or copied to in the history, with the reason', async () => {
    const row = await appealsRepository.findByNumber(t.deps.db, 'MINZDRAV-2026-1');
    const minfin = await findOrganizationBySlug(t.deps.db, 'minfin');
    await appealsRepository.insertEvent(t.deps.db, {
      appealId: row?.id as string,
      kind: 'copy_sent',
      targetOrgId: minfin?.id as string,
      reason: 'Вопрос о финансировании',
    });
    await appealsRepository.insertEvent(t.deps.db, {
      appealId: row?.id as string,
      kind: 'staff_read',
      visibleToAuthor: false,
    });
    const page = await esia.get('/cabinet/appeals/MINZDRAV-2026-1');
    expect(page.body).toContain(`Копия направлена: ${minfin?.nameRu}`);
    expect(page.body).toContain('Причина: Вопрос о финансировании');
    expect(page.body).not.toContain('Просмотрено');
  });

  it('hides an appeal from everyone but its author', async () => {
    expect((await other.get('/cabinet/appeals/MINZDRAV-2026-1')).statusCode).toBe(404);
    expect((await esia.get('/cabinet/appeals/NOPE-2026-1')).statusCode).toBe(404);
  });

  it('shows the answer and takes one rating, with errors in plain words', async () => {
    const row = await appealsRepository.findByNumber(t.deps.db, 'MINZDRAV-2026-1');
    if (!row) throw new Error('no appeal');
    expect((await esia.get('/cabinet/appeals/MINZDRAV-2026-1')).body).not.toContain('Оцените ответ');
    // the staff side's answer, written as it leaves it
    await t.deps.db.insert(appealAnswers).values({
      appealId: row.id,
      text: 'Запись к терапевту восстановлена.\nПриносим извинения.',
      status: 'sent',
      signedName: 'Лебедев К. В.',
      signedPosition: 'министр',
      signedAt: new Date('2026-03-10T10:00:00Z'),
      sentAt: new Date('2026-03-10T10:05:00Z'),
    });
    await t.deps.db.update(appeals).set({ status: 'sent' }).where(eq(appeals.id, row.id));
    const page = await esia.get('/cabinet/appeals/MINZDRAV-2026-1');
    expect(page.body).toContain('Запись к терапевту восстановлена.');
    expect(page.body).toContain('Лебедев К. В., министр');
    expect(page.body).toContain('Оцените ответ');
    const rating = '/cabinet/appeals/MINZDRAV-2026-1/rating';
    const bad = await esia.post(rating, { satisfied: 'no', reason: 'Долго' }, { from: page });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Выберите, почему ответ вас не удовлетворил');
    expect(bad.body).toContain('Долго</textarea>');
    const good = await esia.post(rating, { satisfied: 'no', reasonCode: 'late' }, { from: page });
    expect(good.statusCode).toBe(303);
    const after = await esia.get('/cabinet/appeals/MINZDRAV-2026-1?notice=rated');
    expect(after.body).toContain('Вы не удовлетворены ответом: Ответ пришёл с опозданием');
    expect(after.body).toContain('Вы оценили ответ');
    expect(after.body).not.toContain('Отправить оценку');
  });
});
