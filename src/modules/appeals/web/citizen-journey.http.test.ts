import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { SAMPLE_PNG, type Upload } from '../../../../test/multipart.ts';
import { outbox } from '../../../platform/mail/mail.tables.ts';
import { listAllOrganizations, seedOrganizations } from '../../orgs/index.ts';
import { appealsRepository } from '../appeals.repository.ts';
import { saveDeadlineSettings } from '../appeals.settings.ts';
import { appealDrafts } from '../appeals.tables.ts';

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

function hidden(html: string, name: string): string {
  const m = html.match(new RegExp(`name="${name}" value="([^"]*)"`));
  if (!m?.[1]) throw new Error(`no hidden ${name}`);
  return m[1];
}

/** Her appeal about the road in Низовье, as the form sends it (multipart, with the page's tokens). */
async function sendRoadAppeal(who: SignedIn, fields: Record<string, string> = {}, files: Upload[] = []) {
  const page = await who.get('/appeals/new?type=appeal&org=guryevsk');
  expect(page.statusCode).toBe(200);
  const res = await who.post(
    '/appeals/new',
    {
      formToken: hidden(page.body, 'formToken'),
      type: 'appeal',
      orgSlug: 'guryevsk',
      kind: 'statement',
      lastName: 'Петрова',
      firstName: 'Валентина',
      email: 'v.petrova@example.test',
      text: 'Дорога по улице Садовой в Низовье разбита, после дождя не пройти. Прошу отремонтировать.',
      ...fields,
    },
    { from: page, files, multipart: true },
  );
  const draft = /^\/appeals\/drafts\/([0-9a-f-]{36})\/check$/.exec(String(res.headers.location ?? ''))?.[1];
  if (!draft) return res;
  const check = await who.get(`/appeals/drafts/${draft}/check`);
  return who.post(`/appeals/drafts/${draft}/send`, {}, { from: check });
}

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

describe('the guide to the competent body', () => {
  it('opens after the type instead of a select of every body; the full list is one click away', async () => {
    const res = await esia.get('/appeals/new?type=appeal');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('О чём ваше обращение?');
    expect(res.body).not.toContain('name="orgSlug"');
    expect(res.body).toContain('href="/appeals/new?type=appeal&amp;list=all"');
    const list = await esia.get('/appeals/new?type=appeal&list=all');
    const slugs = (await listAllOrganizations(t.deps.db)).map((o) => o.slug);
    expect(slugs.length).toBeGreaterThan(40);
    for (const slug of slugs) expect(list.body).toContain(`<option value="${slug}">`);
  });

  it('proposes the okrug for a road in a village and says why, then the form addresses it', async () => {
    const res = await esia.get(
      '/appeals/new?type=appeal&guide=1&topic=local_roads&municipality=&settlement=%D0%9D%D0%B8%D0%B7%D0%BE%D0%B2%D1%8C%D0%B5',
    );
    expect(res.statusCode).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain('Ваш вопрос решает Гурьевский муниципальный округ Калининградской области');
    expect(text).toContain('вопрос местного значения');
    // the typed values stay in the form
    expect(res.body).toContain('value="Низовье"');
    expect(res.body).toMatch(/value="local_roads" checked/);
    const href = /<a href="([^"]+)" role="button"[^>]*>Написать в этот орган/.exec(res.body)?.[1] ?? '';
    expect(href.replace(/&amp;/g, '&')).toBe('/appeals/new?type=appeal&org=guryevsk');
    const form = await esia.get(href.replace(/&amp;/g, '&'));
    expect(form.body).toContain('<input type="hidden" name="orgSlug" value="guryevsk"/>');
  });

  it('proposes the regional ministry for a regional road', async () => {
    const res = await esia.get('/appeals/new?type=appeal&guide=1&topic=regional_roads&municipality=guryevsk');
    expect(textOf(res.body)).toContain(
      'Ваш вопрос решает Министерство развития инфраструктуры Калининградской области',
    );
  });

  it('says in plain words what to fix: no topic, no place, an unknown settlement', async () => {
    let res = await esia.get('/appeals/new?type=appeal&guide=1');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Выберите, о чём обращение');
    expect(res.body).toContain('href="#topic"');
    res = await esia.get('/appeals/new?type=appeal&guide=1&topic=schools');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Выберите округ или напишите населённый пункт');
    res = await esia.get(
      '/appeals/new?type=appeal&guide=1&topic=schools&settlement=%D0%90%D1%82%D0%BB%D0%B0%D0%BD%D1%82%D0%B8%D0%B4%D0%B0',
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Этого населённого пункта нет в нашем списке');
    expect(res.body).toContain('value="Атлантида"');
  });

  it('sends «другое» to the full list', async () => {
    const res = await esia.get('/appeals/new?type=info_request&guide=1&topic=other');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/appeals/new?type=info_request&list=all');
  });
});

describe('the place and the photos', () => {
  it('are an optional part of the form that says in plain words what may be attached', async () => {
    const form = await esia.get('/appeals/new?type=appeal&org=guryevsk');
    const text = textOf(form.body);
    expect(text).toContain('Место и фотографии (необязательно)');
    expect(text).toContain('Адрес места, о котором вы пишете');
    expect(text).toContain(
      'фотографии в формате JPG или PNG, документы в PDF или DOCX. Каждый файл — не больше 10 МБ',
    );
  });

  it('travel with the appeal and are shown back to her', async () => {
    const res = await sendRoadAppeal(esia, { place: 'д. Низовье, ул. Садовая, у дома 5' }, [
      { field: 'attachments', name: 'яма.png', type: 'image/png', data: SAMPLE_PNG },
    ]);
    expect(res.statusCode).toBe(303);
    const number = /appeals\/([^?]+)/.exec(String(res.headers.location))?.[1] ?? '';
    const row = await appealsRepository.findByNumber(t.deps.db, number);
    expect(row?.details).toMatchObject({ place: 'д. Низовье, ул. Садовая, у дома 5' });
    expect(await appealsRepository.attachments(t.deps.db, row?.id as string)).toHaveLength(1);
    const view = textOf((await esia.get(`/cabinet/appeals/${number}`)).body);
    expect(view).toContain('Место д. Низовье, ул. Садовая, у дома 5');
    expect(view).toContain('яма.png');
  });

  it('may be left out', async () => {
    const res = await sendRoadAppeal(esia);
    expect(res.statusCode).toBe(303);
    const number = /appeals\/([^?]+)/.exec(String(res.headers.location))?.[1] ?? '';
    expect((await appealsRepository.findByNumber(t.deps.db, number))?.details).toEqual({});
  });
});

describe('the draft and «Проверьте данные»', () => {
  it('keeps what she typed for her alone, lists it in her cabinet, and lets her go on', async () => {
    const form = await esia.get('/appeals/new?type=appeal&org=guryevsk');
    const saved = await esia.post(
      '/appeals/new',
      {
        type: 'appeal',
        orgSlug: 'guryevsk',
        subject: 'Дорога в Низовье',
        text: 'Начала писать',
        intent: 'draft',
      },
      { from: form, multipart: true },
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/cabinet/appeals?notice=draftSaved');
    const cabinet = await esia.get(String(saved.headers.location));
    expect(textOf(cabinet.body)).toContain('Черновик сохранён');
    expect(textOf(cabinet.body)).toContain('Черновики');
    expect(textOf(cabinet.body)).toContain(
      'Гурьевский муниципальный округ Калининградской области Дорога в Низовье',
    );
    const id = /href="\/appeals\/drafts\/([0-9a-f-]{36})"/.exec(cabinet.body)?.[1] as string;
    expect(id).toBeTruthy();
    // another person does not see it, nor can open, send or delete it
    const other = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    expect((await other.get('/cabinet/appeals')).body).not.toContain(id);
    expect((await other.get(`/appeals/drafts/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/appeals/drafts/${id}/check`)).statusCode).toBe(404);
    expect(
      (await other.post(`/appeals/drafts/${id}/send`, {}, { from: '/cabinet/appeals' })).statusCode,
    ).toBe(404);
    expect((await other.get('/appeals/drafts/not-a-uuid')).statusCode).toBe(404);
    // back to it: what she typed is there
    const again = await esia.get(`/appeals/drafts/${id}`);
    expect(again.body).toContain('value="Дорога в Низовье"');
    expect(again.body).toContain('Начала писать</textarea>');
    expect(again.body).toContain(`name="draftId" value="${id}"`);
  });

  it('shows every part with «Изменить» before sending, the Госуслуги name without one, and is deleted when sent', async () => {
    const form = await esia.get('/appeals/new?type=appeal&org=guryevsk');
    const res = await esia.post(
      '/appeals/new',
      {
        type: 'appeal',
        orgSlug: 'guryevsk',
        kind: 'statement',
        // a posted name does not replace the one from Госуслуги
        lastName: 'Другая',
        firstName: 'Фамилия',
        email: 'v.petrova@example.test',
        postalAddress: '238300, Калининградская обл., Гурьевский р-н, пос. Низовье, ул. Садовая, д. 5',
        subject: 'Ремонт дороги',
        text: 'Дорога разбита.\nПрошу отремонтировать.',
        place: 'пос. Низовье, ул. Садовая',
      },
      { from: form, multipart: true },
    );
    expect(res.statusCode).toBe(303);
    const id = /^\/appeals\/drafts\/([0-9a-f-]{36})\/check$/.exec(
      String(res.headers.location),
    )?.[1] as string;
    expect(id).toBeTruthy();
    const check = await esia.get(`/appeals/drafts/${id}/check`);
    expect(check.statusCode).toBe(200);
    const text = textOf(check.body);
    expect(text).toContain('Проверьте данные');
    expect(text).toContain('Обращение ещё не отправлено');
    expect(text).toContain('Петрова Валентина Ивановна Из Госуслуг: изменить можно только там');
    expect(text).not.toContain('Другая');
    expect(text).toContain('Гурьевский муниципальный округ Калининградской области');
    expect(text).toContain('пос. Низовье, ул. Садовая');
    for (const field of [
      'orgSlug',
      'kind',
      'email',
      'postalAddress',
      'subject',
      'text',
      'place',
      'attachments',
    ])
      expect(check.body, field).toMatch(new RegExp(`href="/appeals/drafts/${id}(\\?list=all)?#${field}"`));
    expect(check.body).not.toContain(`#lastName`);
    // «Изменить» opens the form with what she gave
    const edit = await esia.get(`/appeals/drafts/${id}`);
    expect(edit.body).toContain('value="пос. Низовье, ул. Садовая"');
    // sending registers it and deletes the draft in the same transaction
    const sent = await esia.post(`/appeals/drafts/${id}/send`, {}, { from: check });
    expect(sent.statusCode).toBe(303);
    const number = /appeals\/([^?]+)\?notice=registered$/.exec(String(sent.headers.location))?.[1] as string;
    const row = await appealsRepository.findByNumber(t.deps.db, number);
    expect(row).toMatchObject({ lastName: 'Петрова', firstName: 'Валентина', patronymic: 'Ивановна' });
    expect(row?.text).toBe('Дорога разбита.\nПрошу отремонтировать.');
    expect(await t.deps.db.select().from(appealDrafts).where(eq(appealDrafts.id, id))).toEqual([]);
    expect((await esia.get(`/appeals/drafts/${id}`)).statusCode).toBe(404);
  });

  it('can be deleted by her', async () => {
    const form = await esia.get('/appeals/new?type=appeal&org=guryevsk');
    await esia.post(
      '/appeals/new',
      { type: 'appeal', orgSlug: 'guryevsk', text: 'Удалю', intent: 'draft' },
      { from: form, multipart: true },
    );
    const cabinet = await esia.get('/cabinet/appeals');
    const ids = [...cabinet.body.matchAll(/action="\/appeals\/drafts\/([0-9a-f-]{36})\/delete"/g)].map(
      (m) => m[1],
    );
    expect(ids.length).toBeGreaterThan(0);
    const del = await esia.post(`/appeals/drafts/${ids[0]}/delete`, {}, { from: cabinet });
    expect(del.headers.location).toBe('/cabinet/appeals?notice=draftDeleted');
    expect((await esia.get('/cabinet/appeals')).body).not.toContain(`/appeals/drafts/${ids[0]}/delete`);
  });
});

describe('the confirmation', () => {
  it('says one thing about the notice, repeats what she gave, says what happens next by which date, offers the PDF', async () => {
    const res = await sendRoadAppeal(esia, { postalAddress: '238300, пос. Низовье, ул. Садовая, д. 5' });
    expect(res.statusCode).toBe(303);
    const number = /appeals\/([^?]+)\?notice=registered$/.exec(String(res.headers.location))?.[1] as string;
    let page = textOf((await esia.get(String(res.headers.location))).body);
    expect(page).toContain('Обращение зарегистрировано');
    // no SMTP here: the notice is on its way, and the page says only that
    expect(page).toContain('Уведомление с номером и сроком ответа придёт на v.petrova@example.test');
    expect(page).not.toContain('отправлено на');
    expect(page).not.toContain('ещё не доставлено');
    expect(page).toContain('Что вы отправили');
    expect(page).toContain('Гурьевский муниципальный округ Калининградской области');
    expect(page).toContain('238300, пос. Низовье, ул. Садовая, д. 5');
    // registered on 2 March 2026: the answer by 1 April, forwarding by 6 March
    expect(page).toContain('ответит не позднее 01.04.2026 на адрес v.petrova@example.test');
    expect(page).toContain('Ответ придёт и письмом');
    expect(page).toContain('перешлют туда не позднее 06.03.2026');
    expect(page).toContain('Скачать расписку о регистрации (PDF)');

    // once the mail server took it, the page says «отправлено» and nothing else
    const row = await appealsRepository.findByNumber(t.deps.db, number);
    const [ev] = await appealsRepository.events(t.deps.db, row?.id as string, { authorOnly: true });
    await t.deps.db
      .update(outbox)
      .set({ sentAt: new Date() })
      .where(eq(outbox.id, ev?.outboxId as string));
    page = textOf((await esia.get(String(res.headers.location))).body);
    expect(page).toContain('Уведомление с номером и сроком ответа отправлено на v.petrova@example.test');
    expect(page).not.toContain('придёт на');
  });

  it('offers the receipt as a PDF with the number and the due date, to the author only', async () => {
    const res = await sendRoadAppeal(esia);
    const number = /appeals\/([^?]+)\?notice=registered$/.exec(String(res.headers.location))?.[1] as string;
    const pdf = await esia.get(`/cabinet/appeals/${number}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="receipt-${number}.pdf"`);
    const bytes = new Uint8Array(pdf.rawPayload);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`Расписка о регистрации, № ${number}`);
    expect(flat).toContain('01.04.2026');
    expect(flat).toContain('Гурьевский муниципальный округ');
    expect(flat).toContain('Петрова Валентина Ивановна');
    const other = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    expect((await other.get(`/cabinet/appeals/${number}/receipt.pdf`)).statusCode).toBe(404);
  });
});
