import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { registerCouncilSections } from '../../councils/index.ts';
import { seedOrganizations } from '../../orgs/index.ts';
import { docxOfLines } from '../draft-docx.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DAY = 24 * 3600 * 1000;

const LAW = [
  'ЗАКОН КАЛИНИНГРАДСКОЙ ОБЛАСТИ',
  'О поддержке добровольческой деятельности',
  'Статья 1. Предмет регулирования',
  'Настоящий Закон регулирует отношения в сфере добровольчества.',
  'Статья 2. Меры поддержки',
  '1. Поддержка оказывается в формах:',
  '1) информационной;',
  '2) финансовой.',
  '2. Порядок предоставления поддержки устанавливает Правительство.',
  '3. Министерство вправе отказать в поддержке по своему усмотрению.',
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedOrganizations(t.deps);
  await registerCouncilSections(t.deps);
});
afterAll(() => t.close());

/** The id in a /manage/drafts/<id> address. */
const idIn = (location: unknown) =>
  String(location).match(/\/manage\/drafts\/([0-9a-f-]{36})/)?.[1] as string;

describe('legislative plan', () => {
  it('staff add a planned act; it shows on the body’s plan and the region’s', async () => {
    const editor = await signedInAs(t, 'editor', 'minzdrav');
    const bad = await editor.post('/manage/orgs/minzdrav/legislative-plan/new', {
      year: '2026',
      horizon: 'medium_term',
      yearTo: '',
      title: 'О лекарственном обеспечении',
      problem: '',
      affects: 'Пациенты с хроническими заболеваниями',
      responsibleName: 'Иванова Мария Петровна',
      state: 'planned',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Опишите простым языком, какую проблему решает акт');
    expect(bad.body).toContain('Для среднесрочного плана введите последний год');
    expect(bad.body).toContain('Пациенты с хроническими заболеваниями');

    const ok = await editor.post('/manage/orgs/minzdrav/legislative-plan/new', {
      year: '2026',
      horizon: 'annual',
      title: 'О лекарственном обеспечении',
      problem: 'Лекарства льготникам выдают с перебоями.',
      affects: 'Пациенты с хроническими заболеваниями',
      actType: 'приказ',
      plannedFrom: '01.03.2026',
      plannedTo: '30.06.2026',
      responsibleName: 'Иванова Мария Петровна',
      responsiblePosition: 'начальник отдела',
      state: 'planned',
      councilOpinion: 'Совет поддерживает.',
    });
    expect(ok.statusCode).toBe(303);
    const page = await visitor(t.app).get('/orgs/minzdrav/legislative-plan');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Лекарства льготникам выдают с перебоями.');
    expect(page.body).toContain('Иванова Мария Петровна, начальник отдела');
    expect(page.body).toContain('Совет поддерживает.');
    const region = await visitor(t.app).get('/drafts/plan?year=2026');
    expect(region.body).toContain('О лекарственном обеспечении');
  });

  it('refuses staff of another body', async () => {
    const outsider = await signedInAs(t, 'editor', 'minfin');
    const res = await outsider.post(
      '/manage/orgs/minzdrav/legislative-plan/new',
      {
        year: '2026',
        horizon: 'annual',
        title: 'x',
        problem: 'x',
        affects: 'x',
        responsibleName: 'x',
        state: 'planned',
      },
      { from: '/manage/orgs/minfin/legislative-plan/new' },
    );
    expect(res.statusCode).toBe(403);
  });
});

describe('a draft from notice to adoption', () => {
  it('goes through its stages with dates, text from DOCX, versions and the adopted act', async () => {
    t.deps.clock.set('2026-03-02T09:00:00+02:00');
    const editor = await signedInAs(t, 'editor', 'minzdrav');
    const created = await editor.post('/manage/orgs/minzdrav/drafts/new', {
      title: 'О поддержке добровольчества в здравоохранении',
      summary: 'Больницы смогут привлекать волонтёров.',
      actType: 'приказ',
      impactDegree: 'medium',
    });
    expect(created.statusCode).toBe(303);
    const id = idIn(created.headers.location);
    // a new draft is searchable and joins the body's Atom feed of documents
    const found = await visitor(t.app).get(
      `/search?q=${encodeURIComponent('добровольчества в здравоохранении')}`,
    );
    expect(found.body).toContain(`href="/drafts/${id}"`);
    const atom = await visitor(t.app).get('/feeds/orgs/minzdrav/documents.atom');
    expect(atom.statusCode).toBe(200);
    expect(atom.body).toContain('Проект: О поддержке добровольчества в здравоохранении');
    expect(atom.body).toContain(`/drafts/${id}`);

    // a file that is not a DOCX is refused and leaves nothing
    const broken = await editor.post(
      `/manage/drafts/${id}/text`,
      { text: '', note: '' },
      {
        files: [
          {
            field: 'file',
            name: 'проект.docx',
            type: DOCX,
            data: Buffer.from('PK\u0003\u0004 not really a zip'),
          },
        ],
      },
    );
    expect(broken.statusCode).toBe(422);
    expect((await visitor(t.app).get(`/drafts/${id}`)).body).toContain('Текст проекта ещё не размещён.');

    const uploaded = await editor.post(
      `/manage/drafts/${id}/text`,
      { text: '', note: 'первая редакция' },
      { files: [{ field: 'file', name: 'проект.docx', type: DOCX, data: await docxOfLines(LAW) }] },
    );
    expect(uploaded.statusCode).toBe(303);
    const text = await visitor(t.app).get(`/drafts/${id}/text`);
    expect(text.statusCode).toBe(200);
    expect(text.body).toContain('id="unit-st-2-ch-1-p-2"');
    expect(text.body).toContain('Ссылка на пункт 2 части 1 статьи 2');
    // the pre-screening hints of the expertise are marked on the unit they fired on, labelled as hints
    expect(text.body).toMatch(
      /<p class="govuk-body" id="unit-st-2-ch-3">3\. Министерство <mark data-factor="4б"/,
    );
    expect(text.body).toContain('правило «');
    expect(text.body).not.toMatch(/id="unit-st-2-ch-2">[^<]*<mark/);
    const withHints = await visitor(t.app).get(`/drafts/${id}`);
    expect(withHints.body).toContain(`href="/drafts/${id}/expertise"`);
    expect(withHints.body).toContain('отметок — 2, структурных единиц с отметками — 1');

    // the discussion cannot open while the notice runs
    const early = await editor.post(`/manage/drafts/${id}/discussion`, { endsOn: '30.03.2026' });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Срок уведомления о разработке ещё не истёк');

    t.deps.clock.advance(16 * DAY); // 18 March
    const short = await editor.post(`/manage/drafts/${id}/discussion`, { endsOn: '20.03.2026' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Срок обсуждения короче минимального');
    // medium: 15 working days after 18 March 2026 is 8 April
    const opened = await editor.post(`/manage/drafts/${id}/discussion`, { endsOn: '08.04.2026' });
    expect(opened.statusCode).toBe(303);
    const card = await visitor(t.app).get(`/drafts/${id}`);
    expect(card.body).toContain('Сейчас: Обсуждение текста');
    expect(card.body).toContain('Осталось дней: 22 (по 08.04.2026 включительно)');
    expect((await visitor(t.app).get('/orgs/minzdrav/drafts?stage=discussion')).body).toContain(
      'О поддержке добровольчества в здравоохранении',
    );
    expect((await visitor(t.app).get('/drafts?stage=notice')).body).not.toContain(
      'О поддержке добровольчества в здравоохранении',
    );

    // a citizen proposes new wording for one unit, through the discussion on the card
    const citizen = await signedInAs(t, 'citizen', null);
    const citizenCard = await citizen.get(`/drafts/${id}`);
    const discussionId = citizenCard.body.match(
      /action="\/discussions\/([0-9a-f-]{36})\/comments"/,
    )?.[1] as string;
    expect(discussionId).toBeDefined();
    expect(citizenCard.body).toContain('value="v1:st-2-ch-1-p-2"');
    // the new wording is its own field, apart from the justification
    expect(citizenCard.body).toContain('Предлагаемая редакция (необязательно)');
    const proposed = await citizen.post(
      `/discussions/${discussionId}/comments`,
      {
        wording: '2) финансовой и имущественной.',
        text: 'Изложить пункт 2 в новой редакции: волонтёрам нужны и помещения.',
        anchor: 'v1:st-2-ch-1-p-2',
      },
      { from: `/drafts/${id}` },
    );
    expect(proposed.statusCode).toBe(303);

    // a second version typed in; the versions compare side by side
    const v2 = await editor.post(
      `/manage/drafts/${id}/text`,
      { text: LAW.join('\n').replace('финансовой', 'финансовой и имущественной'), note: 'по замечаниям' },
      { multipart: true },
    );
    expect(v2.statusCode).toBe(303);
    const diff = await visitor(t.app).get(`/drafts/${id}/diff?from=1&to=2`);
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toMatch(/<ins>\s*и имущественной/);

    // closing before the last day is refused; after it, the expertise opens
    expect((await editor.post(`/manage/drafts/${id}/close-discussion`, {})).statusCode).toBe(409);
    t.deps.clock.set('2026-04-09T09:00:00+02:00');
    const late = await citizen.post(
      `/discussions/${discussionId}/comments`,
      { text: 'Опоздавшее предложение', anchor: '' },
      { from: `/drafts/${id}` },
    );
    expect(late.statusCode).toBe(422);
    expect((await editor.post(`/manage/drafts/${id}/close-discussion`, {})).statusCode).toBe(303);
    expect((await visitor(t.app).get(`/drafts/${id}`)).body).toContain(
      'Сейчас: Антикоррупционная экспертиза',
    );
    t.deps.clock.set('2026-04-17T09:00:00+02:00');
    expect((await editor.post(`/manage/drafts/${id}/close-expertise`, {})).statusCode).toBe(303);

    // the council's conclusion and a link elsewhere show on the card
    await editor.post(`/manage/drafts/${id}/council`, { conclusion: 'Общественный совет одобряет проект.' });
    const badLink = await editor.post(`/manage/drafts/${id}/links`, {
      linkTitle: 'ВКонтакте',
      linkUrl: 'javascript:alert(1)',
    });
    expect(badLink.statusCode).toBe(422);
    expect(badLink.body).toContain('ВКонтакте');
    await editor.post(`/manage/drafts/${id}/links`, {
      linkTitle: 'Обсуждение ВКонтакте',
      linkUrl: 'https://vk.com/wall-1_2',
    });
    // the public council publishes its own conclusion on the draft (councils module, task 1.4):
    // the card shows it with the way to its public discussion
    const secretary = await signedInAs(t, 'council_secretary', 'minzdrav');
    const council = await secretary.post('/manage/councils/new', {
      orgSlug: 'minzdrav',
      kind: 'public_council',
      nameRu: 'Общественный совет при Министерстве здравоохранения',
    });
    const councilId = String(council.headers.location).match(/\/manage\/councils\/([0-9a-f-]{36})/)?.[1];
    const concluded = await secretary.post(`/manage/councils/${councilId}/conclusions/new`, {
      kind: 'conclusion',
      subjectKind: 'draft',
      subjectTitle: 'О поддержке добровольчества в здравоохранении',
      subjectUrl: `/drafts/${id}`,
      year: '2026',
      textRu: 'Совет предлагает распространить поддержку на волонтёров-медиков.',
    });
    expect(concluded.statusCode).toBe(303);
    const withCouncil = await visitor(t.app).get(`/drafts/${id}`);
    expect(withCouncil.body).toContain('Общественный совет при Министерстве здравоохранения');
    expect(withCouncil.body).toContain('Совет предлагает распространить поддержку на волонтёров-медиков.');
    expect(withCouncil.body).toMatch(
      /href="\/councils\/conclusions\/[0-9a-f-]{36}#discussion">Обсудить заключение совета/,
    );
    expect(withCouncil.body).toContain('Общественный совет одобряет проект.');
    expect(withCouncil.body).toContain('href="https://vk.com/wall-1_2"');

    // the summary: the developer's position on each proposal, then published as a page and a DOCX
    expect((await visitor(t.app).get(`/drafts/${id}/summary`)).statusCode).toBe(404);
    const staffCard = await editor.get(`/manage/drafts/${id}`);
    const commentId = staffCard.body.match(
      /\/manage\/drafts\/[0-9a-f-]{36}\/proposals\/([0-9a-f-]{36})/,
    )?.[1] as string;
    expect(commentId).toBeDefined();
    expect((await editor.post(`/manage/drafts/${id}/publish-summary`, {})).statusCode).toBe(409);
    const positionUrl = `/manage/drafts/${id}/proposals/${commentId}`;
    const unjustified = await editor.post(positionUrl, { position: 'partly', justification: '' });
    expect(unjustified.statusCode).toBe(422);
    expect(unjustified.body).toContain('Обоснуйте, почему предложение учтено частично или не учтено');
    const justified = await editor.post(positionUrl, {
      position: 'partly',
      justification: 'Имущественная поддержка вынесена в отдельную статью.',
    });
    expect(justified.statusCode).toBe(303);
    const published = await editor.post(`/manage/drafts/${id}/publish-summary`, {});
    expect(published.statusCode).toBe(303);
    const summary = await visitor(t.app).get(`/drafts/${id}/summary`);
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain(
      'Предлагаемая редакция:</strong> <q data-wording="true">2) финансовой и имущественной.</q>',
    );
    expect(summary.body).toContain(
      'Обоснование участника:</strong> Изложить пункт 2 в новой редакции: волонтёрам нужны и помещения.',
    );
    expect(summary.body).toContain('пункт 2 части 1 статьи 2');
    expect(summary.body).toContain(`href="/drafts/${id}/text?version=1#unit-st-2-ch-1-p-2"`);
    expect(summary.body).toContain('Учтено частично');
    expect(summary.body).toContain('Имущественная поддержка вынесена в отдельную статью.');
    expect(summary.body).toMatch(/Участник № 1/);
    const docx = await visitor(t.app).get(`/drafts/${id}/summary.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const { value } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(value).toContain('О поддержке добровольчества в здравоохранении');
    expect(value).toContain('Имущественная поддержка вынесена в отдельную статью.');
    expect(value).toContain('Предлагаемая редакция: «2) финансовой и имущественной.»');
    expect(value).toContain('Обоснование участника: Изложить пункт 2 в новой редакции');
    expect(value).toContain('Всего предложений: 1');

    const noNumber = await editor.post(`/manage/drafts/${id}/decision`, {
      outcome: 'adopted',
      docNumber: '',
      docDate: '',
    });
    expect(noNumber.statusCode).toBe(422);
    expect(noNumber.body).toContain('Введите номер принятого акта');
    const adopted = await editor.post(`/manage/drafts/${id}/decision`, {
      outcome: 'adopted',
      docNumber: '77-о',
      docDate: '20.04.2026',
    });
    expect(adopted.statusCode).toBe(303);
    const adoptedCard = await visitor(t.app).get(`/drafts/${id}`);
    const docHref = adoptedCard.body.match(/href="(\/orgs\/minzdrav\/documents\/[0-9a-f-]{36})"/)?.[1];
    expect(docHref).toBeDefined();
    const doc = await visitor(t.app).get(docHref as string);
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('77-о');
    expect(doc.body).toContain(`href="/drafts/${id}"`);
    // decided once: a second decision is refused
    expect((await editor.post(`/manage/drafts/${id}/decision`, { outcome: 'withdrawn' })).statusCode).toBe(
      409,
    );
  });

  it('404s an id that is not one and 403s staff of another body', async () => {
    expect((await visitor(t.app).get('/drafts/not-an-id')).statusCode).toBe(404);
    expect((await visitor(t.app).get('/drafts/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
    const editor = await signedInAs(t, 'editor', 'minzdrav');
    const created = await editor.post('/manage/orgs/minzdrav/drafts/new', {
      title: 'Второй',
      summary: 'Кратко.',
      actType: 'приказ',
      impactDegree: 'low',
    });
    const id = idIn(created.headers.location);
    const outsider = await signedInAs(t, 'editor', 'minfin');
    expect((await outsider.get(`/manage/drafts/${id}`)).statusCode).toBe(403);
    const withdrawn = await editor.post(`/manage/drafts/${id}/decision`, {
      outcome: 'withdrawn',
      decisionNote: 'Не нужен.',
    });
    expect(withdrawn.statusCode).toBe(303);
    expect((await visitor(t.app).get(`/drafts/${id}`)).body).toContain('Отозван');
  });
});
