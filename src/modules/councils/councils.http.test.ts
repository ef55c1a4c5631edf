import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../test/auth.ts';
import { visitor } from '../../../test/forms.ts';
import { outbox } from '../../platform/mail/mail.tables.ts';
import { seedOrganizations } from '../orgs/index.ts';
import { conclusionsOn, registerCouncilSections } from './index.ts';
import { sendMeetingReminders } from './send-meeting-reminders.ts';

/*
 * The councils module through the real app (app.inject, real PostgreSQL):
 * staff open a call, citizens apply, experts score independently, the ranked
 * list is published and the not selected join the pool; a meeting with places,
 * a waiting list and a reminder; the protocol with votes; a conclusion.
 * The test clock starts on 2026-03-02 09:00 (Kaliningrad).
 */

let t: TestApp;
let staff: SignedIn;
let expert1: SignedIn;
let expert2: SignedIn;
let anna: SignedIn;
let boris: SignedIn;
let publicId: string;
let expertCouncilId: string;
let callId: string;
let meetingId: string;

const locOf = (res: { headers: Record<string, unknown> }) => String(res.headers.location ?? '');
const idIn = (url: string, re: RegExp) => (url.match(re)?.[1] ?? '') as string;
/** Text as the page shows it: entities undone. */
const text = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  await registerCouncilSections(t.deps);
  staff = await signedInAs(t, 'council_secretary', 'government', { lastName: 'Секретарёв' });
  expert1 = await signedInAs(t, 'expert', null, { lastName: 'Экспертов', firstName: 'Первый' });
  expert2 = await signedInAs(t, 'expert', null, { lastName: 'Экспертова', firstName: 'Вторая' });
  anna = await signedInAs(t, 'citizen', null, { lastName: 'Андреева', firstName: 'Анна' });
  boris = await signedInAs(t, 'citizen', null, { lastName: 'Борисов', firstName: 'Борис' });
});
afterAll(async () => {
  await t?.close();
});

describe('bodies', () => {
  it('staff create the public council and the expert council, and appoint members with terms', async () => {
    const bad = await staff.post('/manage/councils/new', {
      orgSlug: 'government',
      kind: 'public_council',
      nameRu: '',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите название');

    const res = await staff.post('/manage/councils/new', {
      orgSlug: 'government',
      kind: 'public_council',
      nameRu: 'Общественный совет при Правительстве',
      regulationTitle: 'Положение об общественном совете',
      regulationUrl: '/orgs/government/documents',
    });
    expect(res.statusCode).toBe(303);
    publicId = idIn(locOf(res), /\/manage\/councils\/([0-9a-f-]{36})/);
    const ex = await staff.post('/manage/councils/new', {
      orgSlug: 'government',
      kind: 'expert_council',
      nameRu: 'Экспертный совет',
    });
    expertCouncilId = idIn(locOf(ex), /\/manage\/councils\/([0-9a-f-]{36})/);

    for (const [e, position] of [
      [expert1, 'chair'],
      [expert2, 'member'],
    ] as const) {
      const add = await staff.post(`/manage/councils/${expertCouncilId}/members/new`, {
        fullName: e === expert1 ? 'Экспертов Первый' : 'Экспертова Вторая',
        position,
        email: e.email,
        termStart: '01.01.2026',
        termEnd: '31.12.2028',
      });
      expect(add.statusCode).toBe(303);
    }
    const noAccount = await staff.post(`/manage/councils/${publicId}/members/new`, {
      fullName: 'Никто',
      position: 'member',
      email: 'nobody@example.test',
      termStart: '01.01.2026',
    });
    expect(noAccount.statusCode).toBe(422);
    expect(noAccount.body).toContain('Учётной записи с такой почтой нет');
    await staff.post(`/manage/councils/${publicId}/members/new`, {
      fullName: 'Председателева Мария',
      position: 'chair',
      termStart: '01.01.2026',
    });
    await staff.post(`/manage/councils/${publicId}/members/new`, {
      fullName: 'Уходящий Пётр',
      position: 'member',
      termStart: '01.01.2026',
    });
    const manage = await staff.get(`/manage/councils/${publicId}`);
    const memberId = idIn(manage.body, /members\/([0-9a-f-]{36})\/end/);
    const ended = await staff.post(`/manage/councils/${publicId}/members/${memberId}/end`, {
      endedOn: '01.03.2026',
      endReason: 'Сложил полномочия по личному заявлению',
    });
    expect(ended.statusCode).toBe(303);

    const page = text((await visitor(t.app).get('/orgs/government/council')).body);
    expect(page).toContain('Общественный совет при Правительстве');
    expect(page).toContain('Положение об общественном совете');
    expect(page).toContain('Председателева Мария');
    expect(page).toContain('Председатель');
    expect(page).toContain('Прежние члены');
    expect(page).toContain('Сложил полномочия по личному заявлению');
    expect((await visitor(t.app).get(`/councils/${publicId}`)).statusCode).toBe(200);
    // the organisation's home links the section to this page
    expect((await visitor(t.app).get('/orgs/government')).body).toContain('href="/orgs/government/council"');
  });

  it('refuses staff of another body and hides the staff pages from citizens', async () => {
    const other = await signedInAs(t, 'council_secretary', 'minzdrav');
    expect((await other.get(`/manage/councils/${publicId}`)).statusCode).toBe(403);
    expect((await anna.get('/manage/councils')).statusCode).toBe(403);
  });
});

describe('competitive selection', () => {
  it('refuses a call without criteria, then opens one with weights', async () => {
    const fields = {
      titleRu: 'Отбор в общественный совет 2026',
      opensOn: '01.03.2026',
      closesOn: '10.03.2026',
      places: '1',
      scaleMax: '10',
      referenceGroups: 'Родители\nПредприниматели',
      documentsRequired: 'Анкета\nРекомендация',
    };
    const bad = await staff.post(`/manage/councils/${publicId}/calls/new`, {
      ...fields,
      criterion1Name: 'Опыт',
      criterion1Weight: '0',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Введите вес критерия');
    expect(bad.body).toContain('value="Отбор в общественный совет 2026"');
    const res = await staff.post(`/manage/councils/${publicId}/calls/new`, {
      ...fields,
      criterion1Name: 'Опыт общественной работы',
      criterion1Weight: '3',
      criterion2Name: 'Предложения',
      criterion2Weight: '1',
    });
    expect(res.statusCode).toBe(303);
    callId = idIn(locOf(res), /calls\/([0-9a-f-]{36})/);
    const page = text((await visitor(t.app).get(`/councils/calls/${callId}`)).body);
    expect(page).toContain('Опыт общественной работы');
    expect(page).toContain('с 01.03.2026 по 10.03.2026 включительно');
  });

  it('takes one application per person with the no-conflict statement', async () => {
    const noStatement = await anna.post(`/councils/calls/${callId}/apply`, {
      fullName: 'Андреева Анна',
      expertise: 'образование',
      motivation: 'Хочу помочь',
    });
    expect(noStatement.statusCode).toBe(422);
    expect(noStatement.body).toContain('Подтвердите, что у вас нет конфликта интересов');

    const apply = (who: SignedIn, fullName: string, expertise: string) =>
      who.post(`/councils/calls/${callId}/apply`, {
        fullName,
        referenceGroup: 'Родители',
        expertise,
        motivation: 'Десять лет в родительском комитете',
        documents: ['Анкета', 'Рекомендация'],
        noConflict: 'yes',
        poolConsent: 'yes',
      });
    expect((await apply(anna, 'Андреева Анна', 'образование')).statusCode).toBe(303);
    expect((await apply(boris, 'Борисов Борис', 'бюджет')).statusCode).toBe(303);
    const again = await apply(anna, 'Андреева Анна', 'образование');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Вы уже подали заявление на этот отбор');
    expect(text((await anna.get(`/councils/calls/${callId}`)).body)).toContain('Статус: на проверке');

    const late = await signedInAs(t, 'citizen');
    t.deps.clock.set('2026-03-11T09:00:00+02:00');
    const after = await late.post(`/councils/calls/${callId}/apply`, {
      fullName: 'Опоздавший',
      expertise: 'спорт',
      motivation: 'Хочу',
      noConflict: 'yes',
    });
    expect(after.statusCode).toBe(409);
    expect(after.body).toContain('Приём заявлений на этот отбор закончился');
  });

  it('staff check completeness; experts score independently; conflicts and the scale are enforced', async () => {
    const staffPage = await staff.get(`/manage/councils/calls/${callId}`);
    const appIds = [...staffPage.body.matchAll(/applications\/([0-9a-f-]{36})\/check/g)].map(
      (m) => m[1] as string,
    );
    expect(appIds).toHaveLength(2);
    const appOf = (name: string) =>
      idIn(
        staffPage.body,
        new RegExp(`id="application-([0-9a-f-]{36})"><h3 class="govuk-heading-m">${name}`),
      );
    for (const id of appIds) {
      const res = await staff.post(
        `/manage/councils/calls/${callId}/applications/${id}/check`,
        { outcome: 'complete' },
        { from: staffPage },
      );
      expect(res.statusCode).toBe(303);
    }
    const annaApp = appOf('Андреева Анна');
    const borisApp = appOf('Борисов Борис');
    expect(new Set([annaApp, borisApp])).toEqual(new Set(appIds));

    // a citizen is no expert
    expect((await anna.get(`/cabinet/councils/score/${borisApp}`)).statusCode).toBe(403);

    const crit = await expert1.get(`/cabinet/councils/score/${annaApp}`);
    expect(crit.statusCode).toBe(200);
    const criteria = [...crit.body.matchAll(/name="score-([0-9a-f-]{36})"/g)].map((m) => m[1] as string);
    expect(criteria).toHaveLength(2);
    const [c1, c2] = criteria as [string, string];

    const outOfScale = await expert1.post(`/cabinet/councils/score/${annaApp}`, {
      [`score-${c1}`]: '11',
      [`score-${c2}`]: '5',
    });
    expect(outOfScale.statusCode).toBe(422);
    expect(outOfScale.body).toContain('Оценка должна быть целым числом от 0 до максимального балла шкалы');

    expect(
      (
        await expert1.post(`/cabinet/councils/score/${annaApp}`, {
          [`score-${c1}`]: '9',
          [`score-${c2}`]: '6',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await expert1.post(`/cabinet/councils/score/${borisApp}`, {
          [`score-${c1}`]: '5',
          [`score-${c2}`]: '8',
        })
      ).statusCode,
    ).toBe(303);
    // a second score of the same candidate is refused
    const twice = await expert1.post(`/cabinet/councils/score/${annaApp}`, {
      [`score-${c1}`]: '1',
      [`score-${c2}`]: '1',
    });
    expect(twice.statusCode).toBe(409);

    // until the second expert scores, the first sees only their own scores
    const hidden = await expert1.get(`/cabinet/councils/score/${annaApp}`);
    expect(hidden.body).toContain('Оценки других экспертов появятся');

    // publishing before every expert has scored is refused
    const early = await staff.post(`/manage/councils/calls/${callId}/publish`, { decisionRu: 'Избрать' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('Не все эксперты оценили кандидатов');

    // the second expert declares a conflict with Boris and then cannot score him
    expect(
      (
        await expert2.post(`/cabinet/councils/score/${borisApp}`, {
          conflict: 'yes',
          reason: 'Работаем в одной организации',
        })
      ).statusCode,
    ).toBe(303);
    const recused = await expert2.post(`/cabinet/councils/score/${borisApp}`, {
      [`score-${c1}`]: '10',
      [`score-${c2}`]: '10',
    });
    expect(recused.statusCode).toBe(409);
    expect(recused.body).toContain('Вы заявили конфликт интересов с этим кандидатом');
    expect(
      (
        await expert2.post(`/cabinet/councils/score/${annaApp}`, {
          [`score-${c1}`]: '7',
          [`score-${c2}`]: '4',
        })
      ).statusCode,
    ).toBe(303);

    // everyone has scored Anna: the scores are visible now
    const shown = await expert1.get(`/cabinet/councils/score/${annaApp}`);
    expect(shown.body).toContain('Оценки всех экспертов');
    expect(shown.body).toContain('9, 7');
  });

  it('an expert who is a candidate cannot score their own application', async () => {
    t.deps.clock.set('2026-03-05T09:00:00+02:00');
    const own = await staff.post(`/manage/councils/${publicId}/calls/new`, {
      titleRu: 'Второй отбор',
      opensOn: '01.03.2026',
      closesOn: '20.03.2026',
      places: '1',
      scaleMax: '5',
      criterion1Name: 'Опыт',
      criterion1Weight: '1',
    });
    const secondCall = idIn(locOf(own), /calls\/([0-9a-f-]{36})/);
    await expert1.post(`/councils/calls/${secondCall}/apply`, {
      fullName: 'Экспертов Первый',
      expertise: 'право',
      motivation: 'Опыт',
      noConflict: 'yes',
    });
    const page = await staff.get(`/manage/councils/calls/${secondCall}`);
    const appId = idIn(page.body, /applications\/([0-9a-f-]{36})\/check/);
    await staff.post(
      `/manage/councils/calls/${secondCall}/applications/${appId}/check`,
      { outcome: 'complete' },
      { from: page },
    );
    const form = await expert1.get(`/cabinet/councils/score/${appId}`);
    expect(form.body).toContain('Это ваше заявление');
    const crit = idIn(
      (await expert2.get(`/cabinet/councils/score/${appId}`)).body,
      /name="score-([0-9a-f-]{36})"/,
    );
    const res = await expert1.post(
      `/cabinet/councils/score/${appId}`,
      { [`score-${crit}`]: '5' },
      { from: form },
    );
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('кандидат не оценивает сам себя');
    t.deps.clock.set('2026-03-11T09:00:00+02:00');
  });

  it('publishes the ranked list with scores and the decision; the one not selected joins the pool', async () => {
    const res = await staff.post(`/manage/councils/calls/${callId}/publish`, {
      decisionRu: 'Избрать Андрееву Анну членом совета',
    });
    expect(res.statusCode).toBe(303);
    const page = text((await visitor(t.app).get(`/councils/calls/${callId}`)).body);
    expect(page).toContain('Итоги отбора');
    expect(page).toContain('Избрать Андрееву Анну членом совета');
    // Anna: (3·8 + 1·5)/4 = 7.25 ranks first; Boris: (3·5 + 1·8)/4 = 5.75
    expect(page).toContain('7.25');
    expect(page).toContain('5.75');
    expect(page.indexOf('Андреева Анна')).toBeLessThan(page.indexOf('Борисов Борис'));
    const pool = text((await visitor(t.app).get('/councils/pool')).body);
    expect(pool).toContain('Борисов Борис');
    expect(pool).not.toContain('Андреева Анна');
    // the selected candidate sits on the council now
    expect(text((await visitor(t.app).get(`/councils/${publicId}`)).body)).toContain('Андреева Анна');
    expect(text((await anna.get('/cabinet/councils')).body)).toContain('избран');
  });

  it('the project office asks a pool expert for an opinion; the answer is recorded and published', async () => {
    const form = await staff.get(`/manage/councils/${publicId}/opinions/new`);
    const poolMemberId = idIn(form.body, /<option value="([0-9a-f-]{36})"/);
    expect(
      (
        await staff.post(`/manage/councils/${publicId}/opinions/new`, {
          poolMemberId,
          question: 'Понятен ли проект бюджета?',
        })
      ).statusCode,
    ).toBe(303);
    const cabinet = await boris.get('/cabinet/councils');
    const requestId = idIn(cabinet.body, /opinions\/([0-9a-f-]{36})/);
    expect((await anna.get(`/cabinet/councils/opinions/${requestId}`)).statusCode).toBe(404);
    expect(
      (
        await boris.post(`/cabinet/councils/opinions/${requestId}`, {
          answer: 'Не хватает сравнения с прошлым годом',
        })
      ).statusCode,
    ).toBe(303);
    expect(text((await visitor(t.app).get(`/councils/${publicId}`)).body)).toContain(
      'Не хватает сравнения с прошлым годом',
    );
  });
});

describe('meetings', () => {
  it('announces a meeting with an agenda; registration fills the places, then the waiting list', async () => {
    const res = await staff.post(`/manage/councils/${publicId}/meetings/new`, {
      date: '20.03.2026',
      time: '15:00',
      place: 'Зал заседаний',
      capacity: '1',
      videoUrl: 'https://vk.com/video-demo',
      agenda1Title: 'О проекте закона',
      agenda1LinkKind: 'draft',
      agenda1LinkUrl: '/orgs/government/documents',
      agenda1LinkTitle: 'Проект закона',
    });
    expect(res.statusCode).toBe(303);
    meetingId = idIn(locOf(res), /meetings\/([0-9a-f-]{36})/);
    const page = text((await visitor(t.app).get(`/councils/meetings/${meetingId}`)).body);
    expect(page).toContain('О проекте закона');
    expect(page).toContain('Проект акта');
    expect(page).toContain('Свободно 1 из 1');

    expect(locOf(await anna.post(`/councils/meetings/${meetingId}/register`, { kind: 'citizen' }))).toContain(
      'notice=registered',
    );
    const second = await boris.post(`/councils/meetings/${meetingId}/register`, { kind: 'media' });
    expect(locOf(second)).toContain('notice=waiting');
    expect(text((await boris.get(locOf(second))).body)).toContain('Вы в листе ожидания под номером 1');
    const twice = await anna.post(`/councils/meetings/${meetingId}/register`, { kind: 'citizen' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Вы уже записаны на это заседание');
  });

  it('a cancelled place goes to the waiting list; the registered are reminded by mail the day before', async () => {
    expect(
      (
        await anna.post(
          `/councils/meetings/${meetingId}/cancel`,
          {},
          { from: `/councils/meetings/${meetingId}` },
        )
      ).statusCode,
    ).toBe(303);
    expect(text((await boris.get(`/councils/meetings/${meetingId}`)).body)).toContain(
      'Вы записаны на заседание',
    );
    t.deps.clock.set('2026-03-19T16:00:00+02:00');
    expect(await sendMeetingReminders(t.deps)).toBe(1);
    expect(await sendMeetingReminders(t.deps)).toBe(0);
    const mails = await t.deps.db.select().from(outbox);
    const toBoris = mails.filter((m) => m.toAddress === boris.email);
    expect(toBoris.map((m) => m.kind).sort()).toEqual([
      'councils.meeting_reminder',
      'councils.opinion_request',
      'councils.place_freed',
    ]);
  });

  it('publishes the protocol after the meeting, with who voted how; the body reports on a decision', async () => {
    const before = await staff.get(`/manage/councils/meetings/${meetingId}`);
    expect(before.body).toContain('Протокол публикуется после заседания');
    t.deps.clock.set('2026-03-21T10:00:00+02:00');
    const form = await staff.get(`/manage/councils/meetings/${meetingId}`);
    const voters = [
      ...new Set([...form.body.matchAll(/name="decision1Vote-([0-9a-f-]{36})"/g)].map((m) => m[1] as string)),
    ];
    expect(voters.length).toBeGreaterThan(0);
    const res = await staff.post(
      `/manage/councils/meetings/${meetingId}/protocol`,
      {
        protocolRu: 'Присутствовали все члены совета.',
        recordingUrl: 'https://vk.com/video-demo-record',
        decision1Text: 'Рекомендовать доработать проект закона',
        ...Object.fromEntries(voters.map((v, i) => [`decision1Vote-${v}`, i === 0 ? 'against' : 'for'])),
      },
      { from: form },
    );
    expect(res.statusCode).toBe(303);
    const page = text((await visitor(t.app).get(`/councils/meetings/${meetingId}`)).body);
    expect(page).toContain('Присутствовали все члены совета.');
    expect(page).toContain('Рекомендовать доработать проект закона');
    expect(page).toContain('Кто как голосовал');
    expect(page).toContain('Против');
    expect(page).toContain('Ждём отчёта органа');

    const staffPage = await staff.get(`/manage/councils/meetings/${meetingId}`);
    const decisionId = idIn(staffPage.body, /decisions\/([0-9a-f-]{36})\/report/);
    expect(
      (
        await staff.post(
          `/manage/councils/decisions/${decisionId}/report`,
          { reportRu: 'Проект доработан' },
          { from: staffPage },
        )
      ).statusCode,
    ).toBe(303);
    const after = text((await visitor(t.app).get(`/councils/${publicId}`)).body);
    expect(after).toContain('Орган отчитался');
    expect(after).toContain('Проект доработан');
  });
});

describe('conclusions and the assessment', () => {
  it('publishes a conclusion on a draft, shown on the council page and to the draft card', async () => {
    const res = await staff.post(`/manage/councils/${publicId}/conclusions/new`, {
      kind: 'conclusion',
      subjectKind: 'draft',
      subjectTitle: 'Проект закона об общественном контроле',
      subjectUrl: '/orgs/government/drafts/demo',
      year: '2026',
      textRu: 'Совет поддерживает проект с поправками.',
    });
    expect(res.statusCode).toBe(303);
    const page = text((await visitor(t.app).get(locOf(res))).body);
    expect(page).toContain('Совет поддерживает проект с поправками.');
    expect(text((await visitor(t.app).get(`/councils/${publicId}`)).body)).toContain(
      'Заключение: Проект закона об общественном контроле',
    );
    // its public discussion is open on the conclusion's page: a citizen comments
    const asAnna = await anna.get(locOf(res));
    const discussionId = idIn(asAnna.body, /action="\/discussions\/([0-9a-f-]{36})\/comments"/);
    expect(discussionId).not.toBe('');
    const commented = await anna.post(
      `/discussions/${discussionId}/comments`,
      { text: 'Поддерживаю поправки совета' },
      { from: locOf(res) },
    );
    expect(commented.statusCode).toBe(303);
    expect(text((await visitor(t.app).get(locOf(res))).body)).toContain('Поддерживаю поправки совета');
    const onCard = await conclusionsOn(t.deps.db, '/orgs/government/drafts/demo');
    expect(onCard.map((c) => c.text)).toEqual(['Совет поддерживает проект с поправками.']);
  });

  it('a pool expert fills the yearly questionnaire and the council its self-assessment; the figures are published', async () => {
    const bad = await boris.post(`/councils/${publicId}/assessment`, { year: '2025', drafts_sent: '7' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Выберите оценку от 1 до 5');
    const answers = {
      year: '2025',
      drafts_sent: '4',
      conclusions_considered: '3',
      information_given: '4',
      meetings_open: '5',
      decisions_reported: '4',
      comment: '',
    };
    expect((await boris.post(`/councils/${publicId}/assessment`, answers)).statusCode).toBe(303);
    expect((await boris.post(`/councils/${publicId}/assessment`, answers)).statusCode).toBe(409);
    // a citizen outside the pool may not fill it
    expect((await anna.post(`/councils/${publicId}/assessment`, answers)).statusCode).toBe(403);
    expect(
      (await staff.post(`/manage/councils/${publicId}/assessment`, { ...answers, meetings_open: '3' }))
        .statusCode,
    ).toBe(303);
    const page = text((await visitor(t.app).get(`/councils/${publicId}`)).body);
    expect(page).toContain('Независимая оценка');
    expect(page).toContain('4.00'); // experts: (4+3+4+5+4)/5
    expect(page).toContain('3.60'); // self: (4+3+4+3+4)/5
  });

  it('serves the councils in the JSON API', async () => {
    const list = await t.app.inject({ url: '/api/v1/councils' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBe(2);
    const one = await t.app.inject({ url: `/api/v1/councils/${publicId}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().pastMembers[0].endReason).toBe('Сложил полномочия по личному заявлению');
    expect((await t.app.inject({ url: '/api/v1/councils/not-a-uuid' })).statusCode).toBe(400);
  });
});
