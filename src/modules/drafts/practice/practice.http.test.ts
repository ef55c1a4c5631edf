import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { SAMPLE_PDF } from '../../../../test/multipart.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { registerPracticeSection } from './seed-practice.ts';

// Law-enforcement practice (concept 7.6) through the real app: a citizen
// describes a case with a file, it stays private until the body publishes a
// cleared description with its comment; staff refer it to the public council;
// the list by topic and act and the body's figures count it.

let t: TestApp;
let citizen: SignedIn;
let other: SignedIn;
let staff: SignedIn;
let staffB: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  await registerPracticeSection(t.deps);
  citizen = await signedInAs(t, 'citizen', null);
  other = await signedInAs(t, 'citizen', null);
  staff = await signedInAs(t, 'editor', 'minstroy');
  staffB = await signedInAs(t, 'editor', 'minobr');
});
afterAll(async () => {
  await t?.close();
});

const description =
  'Мне, Петрову Ивану Сергеевичу, отказали в разрешении на гараж, потребовав иные документы. Телефон для связи +7 911 123-45-67.';
const fields = {
  act: 'Постановление № 180-п от 12.04.2024 «О порядке выдачи разрешений на строительство»',
  topic: 'construction',
  description,
  decision: 'Отказ в выдаче разрешения на строительство',
};
let caseUrl = '';

describe('a citizen describes a case', () => {
  it('sends a visitor without an account to sign in first', async () => {
    const res = await visitor(t.app).get('/orgs/minstroy/practice/new');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/sign-in?next=');
  });

  it('says in plain words what to fix and keeps what was typed', async () => {
    const res = await citizen.post(
      '/orgs/minstroy/practice/new',
      { ...fields, topic: '', decision: '' },
      { multipart: true },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Выберите тему');
    expect(res.body).toContain('Укажите, какое решение или действие вы оспариваете');
    expect(res.body).toContain('отказали в разрешении на гараж');
  });

  it('refuses a file that is not what it claims, with a message', async () => {
    const res = await citizen.post('/orgs/minstroy/practice/new', fields, {
      files: [
        { field: 'files', name: 'reshenie.pdf', type: 'application/pdf', data: Buffer.from('not a pdf') },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('govuk-error-summary');
  });

  it('registers the case with its file; only the author and the body see it before publication', async () => {
    const res = await citizen.post('/orgs/minstroy/practice/new', fields, {
      files: [{ field: 'files', name: 'reshenie.pdf', type: 'application/pdf', data: SAMPLE_PDF }],
    });
    expect(res.statusCode).toBe(303);
    caseUrl = String(res.headers.location).replace(/\?.*$/, '');
    expect(caseUrl).toMatch(/^\/practice\/[0-9a-f-]{36}$/);

    const own = await citizen.get(`${caseUrl}?notice=submitted`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Случай отправлен');
    expect(own.body).toContain('Ждёт комментария органа');
    expect(own.body).toContain('Видно только вам и органу');
    const file = own.body.match(/href="(\/practice\/[^"]+\/files\/[^"]+)"/)?.[1];
    expect(file).toBeDefined();
    expect((await citizen.get(String(file))).statusCode).toBe(200);

    expect((await visitor(t.app).get(caseUrl)).statusCode).toBe(404);
    expect((await other.get(caseUrl)).statusCode).toBe(404);
    expect((await staffB.get(caseUrl)).statusCode).toBe(404);
    expect((await visitor(t.app).get(String(file))).statusCode).toBe(404);
    const list = await visitor(t.app).get('/orgs/minstroy/practice');
    expect(list.body).not.toContain('О порядке выдачи разрешений');
  });
});

describe('the body answers', () => {
  it('lists the case in its queue and refuses staff of another body', async () => {
    const queue = await staff.get('/manage/orgs/minstroy/practice');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('О порядке выдачи разрешений');
    expect(queue.body).toContain('Ждёт комментария органа');
    expect((await staffB.get('/manage/orgs/minstroy/practice')).statusCode).toBe(403);
    expect(
      (
        await staffB.post(
          `/manage/practice/${caseUrl.split('/').pop()}/comment`,
          {},
          { from: '/manage/practice' },
        )
      ).statusCode,
    ).toBe(404);
  });

  it('refuses to publish text that still holds personal data', async () => {
    const res = await staff.post(
      `/manage/practice/${caseUrl.split('/').pop()}/comment`,
      {
        publicDescription: description,
        comment: 'Отказ отменён.',
      },
      { from: caseUrl },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Уберите из текста персональные данные');
    expect((await visitor(t.app).get(caseUrl)).statusCode).toBe(404);
  });

  it('publishes the cleared description with its comment; the author and the file stay private', async () => {
    const id = caseUrl.split('/').pop();
    const res = await staff.post(
      `/manage/practice/${id}/comment`,
      {
        publicDescription:
          'Заявителю отказали в разрешении на гараж, потребовав документы, которых нет в перечне порядка.',
        comment: 'Перечень документов закрытый. Отказ отменён, разрешение выдано.',
      },
      { from: caseUrl },
    );
    expect(res.statusCode).toBe(303);
    const page = await visitor(t.app).get(caseUrl);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('которых нет в перечне порядка');
    expect(page.body).toContain('Перечень документов закрытый');
    expect(page.body).not.toContain('Петров');
    expect(page.body).not.toContain('123-45-67');
    expect(page.body).not.toContain('/files/');
    expect(page.body).not.toContain('<textarea');
    // the first publication opens the public discussion of the case (participation's engine)
    expect(page.body).toContain('id="discussion"');
    expect(page.body).toContain('Обсуждается практика применения акта');
    const { rows } = await t.deps.db.$client.query(
      "select org_id, owner_url from discussions where object_type = 'practice_case' and object_id = $1",
      [id],
    );
    expect(rows).toEqual([{ org_id: expect.any(String), owner_url: caseUrl }]);
  });

  it('records a referral to the public council, shown on the case and counted', async () => {
    const id = caseUrl.split('/').pop();
    const bad = await staff.post(
      `/manage/practice/${id}/refer`,
      { target: 'nobody', note: '' },
      { from: caseUrl },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Выберите, кому передать случай');
    const res = await staff.post(
      `/manage/practice/${id}/refer`,
      { target: 'public_council', note: 'К заседанию в мае' },
      { from: caseUrl },
    );
    expect(res.statusCode).toBe(303);
    const page = await visitor(t.app).get(caseUrl);
    expect(page.body).toContain('Передано в общественный совет');
    expect(page.body).toContain('К заседанию в мае');
    const { rows } = await t.deps.db.$client.query(
      'select action, details from audit_log where object_id = $1 order by id',
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(['practice.submit', 'practice.publish', 'practice.refer']);
    expect(JSON.stringify(rows)).not.toContain('Петров');
  });
});

describe('the public list', () => {
  it('lists published cases by topic and act, with the body’s figures', async () => {
    await citizen.post('/orgs/minstroy/practice/new', {
      ...fields,
      act: 'Приказ № 7 «О сносе самовольных построек»',
      topic: 'land',
    });
    const all = await visitor(t.app).get('/orgs/minstroy/practice');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('О порядке выдачи разрешений');
    // the unpublished second case is counted, not listed
    expect(all.body).not.toContain('О сносе самовольных построек');
    expect(all.body).toMatch(/Поступило случаев<\/dt><dd class="govuk-summary-list__value">2</);
    expect(all.body).toMatch(
      /Опубликовано с комментарием органа<\/dt><dd class="govuk-summary-list__value">1</,
    );
    expect(all.body).toMatch(/Ждут комментария<\/dt><dd class="govuk-summary-list__value">1</);
    expect(all.body).toMatch(/общественному совету<\/dt><dd class="govuk-summary-list__value">1</);
    const byTopic = await visitor(t.app).get('/orgs/minstroy/practice?topic=land');
    expect(byTopic.body).toContain('Опубликованных случаев пока нет');
    const byAct = await visitor(t.app).get(`/orgs/minstroy/practice?act=${encodeURIComponent('180-п')}`);
    expect(byAct.body).toContain('О порядке выдачи разрешений');
    const wrong = await visitor(t.app).get('/orgs/minstroy/practice?topic=%3Cscript%3E&page=-1');
    expect(wrong.statusCode).toBe(200);
    expect((await visitor(t.app).get('/orgs/nowhere/practice')).statusCode).toBe(404);
    expect((await visitor(t.app).get('/practice/not-a-uuid')).statusCode).toBe(404);
  });
});
