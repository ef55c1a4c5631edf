import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { type SignedIn, sessionFor } from '../../../../../test/auth.ts';
import { visitor } from '../../../../../test/forms.ts';
import { SAMPLE_PDF, type Upload } from '../../../../../test/multipart.ts';
import { auditLog } from '../../../../platform/audit/audit.tables.ts';
import { appealsRepository } from '../../appeals.repository.ts';
import { staffKit } from '../../staff-test-kit.ts';

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
type Staff = 'officer' | 'head' | 'signer' | 'anticorruption' | 'otherOfficer';
const staff = {} as Record<Staff, SignedIn>;

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(t.deps);
  for (const name of ['officer', 'head', 'signer', 'anticorruption', 'otherOfficer'] as const)
    staff[name] = await sessionFor(t, k[name]);
});
afterAll(async () => {
  await t.close();
});

describe('/manage/appeals (HTTP)', () => {
  it('is listed in /manage for appeals staff; sends anonymous visitors to sign in; refuses a citizen', async () => {
    expect((await staff.officer.get('/manage')).body).toContain('href="/manage/appeals"');
    const anon = await visitor(t.app).get('/manage/appeals');
    expect(anon.statusCode).toBe(303);
    const citizen = await sessionFor(t, k.citizenUser);
    expect((await citizen.get('/manage/appeals')).statusCode).toBe(403);
  });

  it('shows the queue of the officer’s body with counts and working days left; filters by GET; bad filters explained', async () => {
    const a = await k.submit();
    const b = await k.submit({ org: k.other });
    const c = await k.submit({ type: 'corruption_report' });
    const res = await staff.officer.get('/manage/appeals');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(a.number);
    expect(res.body).not.toContain(b.number);
    expect(res.body).not.toContain(c.number);
    expect(res.body).toMatch(/\d+ раб\. дн\./);
    expect(res.body).toContain('Сводка');
    const ac = await staff.anticorruption.get('/manage/appeals');
    expect(ac.body).toContain(c.number);
    expect(ac.body).not.toContain(a.number);
    const filtered = await staff.officer.get('/manage/appeals?status=sent&officer=me');
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).not.toContain(a.number);
    expect(filtered.body).toContain('Нет обращений, подходящих под фильтры');
    const bad = await staff.officer.get('/manage/appeals?topic=abc&due=9999&org=x');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Введите код ТОТК цифрами');
    expect(bad.body).toContain('Введите число дней от 0 до 365');
    expect(bad.body).toContain('value="abc"');
  });

  it('opens an appeal for its staff only (404 for another body) and writes the read to the audit log', async () => {
    const a = await k.submit();
    expect((await staff.otherOfficer.get(`/manage/appeals/${a.id}`)).statusCode).toBe(404);
    expect((await staff.officer.get('/manage/appeals/not-a-uuid')).statusCode).toBe(404);
    const page = await staff.officer.get(`/manage/appeals/${a.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(a.number);
    expect(page.body).toContain('Текст обращения');
    expect(page.body).toContain('<optgroup label=');
    const reads = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'appeal.staff_read'), eq(auditLog.objectId, a.id)));
    expect(reads.length).toBe(1);
  });

  it('runs the actions through forms: assign, classify, extend (head), answer (signer), with 303 and a notice', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    let res = await staff.officer.post(`${url}/assign`, { userId: k.officer.userId }, { from: url });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${url}?notice=assign#assign`);
    expect((await staff.officer.get(`${url}?notice=assign`)).body).toContain('Исполнитель назначен');
    res = await staff.officer.post(`${url}/classify`, { topic1: '0005.0005.0056.1160' }, { from: url });
    expect(res.statusCode).toBe(303);
    // the officer may not extend (403) nor sign (the form says so, 409)
    res = await staff.officer.post(`${url}/extend`, { days: '10', extendReason: 'Проверка' }, { from: url });
    expect(res.statusCode).toBe(403);
    res = await staff.officer.post(
      `${url}/answer`,
      { text: 'Ответ', signedName: 'Иванов И. И.', signedPosition: 'Министр' },
      { from: url },
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Ответ подписывает руководитель или уполномоченное должностное лицо');
    expect(res.body).toContain('govuk-error-summary');
    res = await staff.head.post(
      `${url}/extend`,
      { days: '10', extendReason: 'Проверка на месте' },
      { from: url },
    );
    expect(res.statusCode).toBe(303);
    res = await staff.head.post(`${url}/extend`, { days: '5', extendReason: 'Ещё' }, { from: url });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('только один раз');
    res = await staff.signer.post(`${url}/answer`, { text: '' }, { from: url });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Введите текст ответа');
    // the signature is the signer's profile, shown, not typed
    expect(res.body).toContain('Подпись под ответом');
    expect(res.body).toMatch(/Заместитель министра<br\/>Т\. Т\. Тестов/);
    expect(res.body).not.toContain('name="signedName"');
    res = await staff.signer.post(
      `${url}/answer`,
      {
        text: 'Мусор вывезен.',
        signedName: 'Сидоров С. С.',
        signedPosition: 'Заместитель министра',
        result1: 'supported',
        measures1: 'yes',
      },
      { from: url },
    );
    expect(res.statusCode).toBe(303);
    const r = await appealsRepository.findById(t.deps.db, a.id);
    expect(r?.status).toBe('sent');
    expect((await appealsRepository.answers(t.deps.db, a.id))[0]).toMatchObject({
      signedName: 'Т. Т. Тестов',
      signedPosition: 'Заместитель министра',
    });
    const page = await staff.officer.get(url);
    expect(page.body).toContain('Мусор вывезен.');
    expect(page.body).toContain('Рассмотрено. Поддержано, в т. ч. меры приняты');
    expect(page.body).not.toContain(`action="${url}/forward"`);
  });

  it('an officer saves a draft answer by a form; the signer finds it in the answer form', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    let res = await staff.officer.post(`${url}/draft`, { draftText: '' }, { from: url });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Введите текст ответа');
    res = await staff.officer.post(`${url}/draft`, { draftText: 'Проект ответа исполнителя' }, { from: url });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${url}?notice=draft#answer`);
    const signer = await staff.signer.get(url);
    expect(signer.body).toContain('проект ответа, подготовленный исполнителем');
    expect(signer.body).toMatch(/<textarea[^>]*name="text"[^>]*>Проект ответа исполнителя<\/textarea>/);
  });

  it('refuses to forward a complaint to the body it complains about, keeping the form', async () => {
    const a = await k.submit({ kind: 'complaint' });
    const url = `/manage/appeals/${a.id}`;
    const page = await staff.officer.get(url);
    expect(page.body).toContain('name="complainedOrg"');
    expect(page.body).not.toContain('name="complainedName"');
    const res = await staff.officer.post(
      `${url}/forward`,
      { mode: 'forward', targetOrg: k.other.id, complainedOrg: k.other.id, forwardReason: 'Компетенция' },
      { from: url },
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Жалобу нельзя направить в орган, действия которого обжалуются');
    expect(res.body).toContain('Компетенция');
    const ok = await staff.officer.post(
      `${url}/forward`,
      {
        mode: 'forward',
        targetName: 'Прокуратура Калининградской области',
        complainedOrg: k.other.id,
        forwardReason: 'Надзор',
      },
      { from: url },
    );
    expect(ok.statusCode).toBe(303);
    const r = await appealsRepository.findById(t.deps.db, a.id);
    expect(r?.status).toBe('forwarded');
    expect(r?.complainedOrgId).toBe(k.other.id);
  });

  it('returns a complaint to its author by a form, the subject recorded and shown', async () => {
    const a = await k.submit({ kind: 'complaint', complainedOrgId: k.other.id });
    const url = `/manage/appeals/${a.id}`;
    const page = await staff.officer.get(url);
    expect(page.body).toContain('Жалоба на решение или действие');
    expect(page.body).toContain(k.other.nameRu);
    expect(page.body).toContain(`action="${url}/return"`);
    let res = await staff.officer.post(`${url}/return`, { returnReason: '' }, { from: url });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Укажите, почему решить вопрос может только обжалуемый орган');
    res = await staff.officer.post(
      `${url}/return`,
      { returnReason: 'Лицензирование — полномочие только этого органа' },
      { from: url },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${url}?notice=return#return`);
    expect((await appealsRepository.findById(t.deps.db, a.id))?.status).toBe('returned');
    const after = await staff.officer.get(`${url}?notice=return`);
    expect(after.body).toContain('Жалоба возвращена автору с разъяснением права на обжалование в суд');
    const statement = await k.submit({ kind: 'statement' });
    const none = await staff.officer.get(`/manage/appeals/${statement.id}`);
    expect(none.body).not.toContain('/return"');
  });

  it('delays a media request by a form within 3 days, and offers only the secrets as refusal grounds', async () => {
    const a = await k.submit({ type: 'media_request' });
    const url = `/manage/appeals/${a.id}`;
    const page = await staff.officer.get(url);
    expect(page.body).toContain('Запрос редакции СМИ');
    expect(page.body).toContain('Уведомить об отсрочке или отказе до');
    expect(page.body).toContain('05.03.2026');
    expect(page.body).toContain('value="state_secret"');
    expect(page.body).not.toContain('value="obscene_or_threats"');
    let res = await staff.officer.post(`${url}/media-delay`, { until: '', delayReason: '' }, { from: url });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Укажите, почему информацию нельзя дать в семидневный срок');
    res = await staff.officer.post(
      `${url}/media-delay`,
      { until: '2026-03-20', delayReason: 'Сведения у подведомственных учреждений' },
      { from: url },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${url}?notice=media-delay#media-delay`);
    expect((await appealsRepository.findById(t.deps.db, a.id))?.dueDate).toBe('2026-03-20');
  });

  it('leaves without answer by a form: the reason is required, a published-answer link checked', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    let res = await staff.officer.post(`${url}/leave`, { reason: '' }, { from: url });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Выберите основание из перечисленных в законе');
    res = await staff.officer.post(
      `${url}/leave`,
      { reason: 'answer_published_online', link: 'nope' },
      { from: url },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Введите ссылку на страницу сайта с ответом');
    res = await staff.officer.post(`${url}/leave`, { reason: 'obscene_or_threats' }, { from: url });
    expect(res.statusCode).toBe(303);
    expect((await appealsRepository.findById(t.deps.db, a.id))?.withoutAnswerReason).toBe(
      'obscene_or_threats',
    );
  });

  it('attaches files to an answer (checked by content), which staff download with an audited read', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    await staff.officer.post(`${url}/classify`, { topic1: '0001.0002.0027.0145' }, { from: url });
    const answer = (files: Upload[]) =>
      staff.head.post(
        `${url}/answer`,
        { text: 'Ответ с приложением', signedName: 'Петров П. П.', signedPosition: 'Министр' },
        { from: url, files },
      );
    const fake = await answer([
      { field: 'answerFiles', name: 'note.pdf', type: 'application/pdf', data: Buffer.from('not a pdf') },
    ]);
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('govuk-error-summary');
    expect(fake.body).toContain('Ответ с приложением');
    expect((await appealsRepository.findById(t.deps.db, a.id))?.status).not.toBe('sent');
    const ok = await answer([
      { field: 'answerFiles', name: 'answer.pdf', type: 'application/pdf', data: SAMPLE_PDF },
    ]);
    expect(ok.statusCode).toBe(303);
    const files = await appealsRepository.attachments(t.deps.db, a.id);
    expect(files).toHaveLength(1);
    expect(files[0]?.answerId).not.toBeNull();
    const page = await staff.officer.get(url);
    expect(page.body).toContain(`/manage/appeals/${a.id}/files/${files[0]?.fileId}`);
    const dl = await staff.officer.get(`/manage/appeals/${a.id}/files/${files[0]?.fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(
      (await staff.otherOfficer.get(`/manage/appeals/${a.id}/files/${files[0]?.fileId}`)).statusCode,
    ).toBe(404);
    const reads = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'appeal.staff_file_read'));
    expect(reads.map((r) => r.objectId)).toContain(a.id);
  });

  it('after the deadline the head is told an extension is impossible; a posted one is refused with the reason (409)', async () => {
    // registered on 30 January: due Friday 27 February (1 March is a Sunday), notices by 6 February
    t.deps.clock.set('2026-01-30T09:00:00+02:00');
    const a = await k.submit();
    t.deps.clock.set('2026-03-02T09:00:00+02:00');
    expect(a.dueDate).toBe('2026-02-27');
    const url = `/manage/appeals/${a.id}`;
    const page = await staff.head.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Срок рассмотрения уже истёк: продлить его нельзя');
    expect(page.body).not.toContain(`action="${url}/extend"`);
    // the 7-day notice date has passed while the appeal is undecided
    expect(page.body).toContain('Срок уведомлений по ст. 11 59-ФЗ');
    expect(page.body).toContain('срок прошёл');
    const res = await staff.head.post(`${url}/extend`, { days: '10', extendReason: 'Поздно' }, { from: url });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('Срок рассмотрения уже истёк');
  });

  it('offers the monthly report as a page, CSV and XLSX', async () => {
    const page = await staff.officer.get('/manage/appeals/report');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ежемесячный отчёт для ССТУ.РФ');
    const q = `org=${k.body.id}&month=2026-03`;
    const html = await staff.officer.get(`/manage/appeals/report?${q}`);
    expect(html.body).toContain('0005.0005.0056.1160');
    const csv = await staff.officer.get(`/manage/appeals/report?${q}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`appeals-${k.body.code}-2026-03.csv`);
    expect(csv.body).toContain('0005.0005.0056.1160,Обращение с ТКО');
    const xlsx = await t.app.inject({
      url: `/manage/appeals/report?${q}&format=xlsx`,
      headers: { cookie: staff.officer.cookie },
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    expect(wb.getWorksheet('2026-03')?.getRow(2).getCell(1).value).toBe('Код ТОТК');
    const bad = await staff.officer.get(`/manage/appeals/report?org=${k.body.id}&month=2026-13`);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите год и месяц в виде 2026-03');
    expect((await staff.anticorruption.get('/manage/appeals/report')).statusCode).toBe(403);
    expect((await staff.otherOfficer.get(`/manage/appeals/report?${q}`)).statusCode).toBe(404);
  });
});
