import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishConclusion } from '../../src/modules/councils/publish-conclusion.ts';
import { expertiseRepository } from '../../src/modules/drafts/expertise/expertise.repository.ts';
import { findOrganizationBySlug } from '../../src/modules/orgs/index.ts';
import { userActor } from '../../src/platform/authz/index.ts';
import { type CreatedUser, createUser } from '../auth.ts';
import {
  expectAxeClean,
  expectNoSidewaysScroll,
  type Portal,
  signedInContext,
  startPortal,
} from './harness.ts';

// Issue 13 «Done when», in Chromium on the demo region: staff of Минздрав upload a
// draft as DOCX; its structural units and the pre-screening hints appear; a citizen
// proposes new wording for one unit (the one step with JavaScript on, at 1280 px);
// the discussion closes when the clock passes its last day; an accredited expert
// files a conclusion, shown on the card; the developer states a position with its
// justification; the summary lists the proposal and its DOCX downloads. Every other
// step with JavaScript off on a phone (375 px, no sideways scroll); axe on each kind of page.

let portal: Portal;
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const STEP = 300_000;
const DAY = 24 * 3600 * 1000;

const TITLE = 'О порядке выдачи льготных лекарств';
const WORDING = '2) в аптеках городских и муниципальных округов области.';
const PROPOSAL = 'Жителям округов далеко ездить в Калининград за лекарствами.';
const COUNCIL = 'Совет поддерживает проект и просит включить аптеки муниципальных округов.';
const JUSTIFICATION = 'Аптеки округов включены в перечень со второго квартала.';
const LAW = [
  'ПРИКАЗ МИНИСТЕРСТВА ЗДРАВООХРАНЕНИЯ КАЛИНИНГРАДСКОЙ ОБЛАСТИ',
  'О порядке выдачи льготных лекарств',
  'Статья 1. Предмет регулирования',
  'Настоящий порядок определяет, где и как выдаются льготные лекарства.',
  'Статья 2. Выдача лекарств',
  '1. Лекарства выдаются:',
  '1) в аптеках медицинских организаций;',
  '2) в аптеках городского округа «Город Калининград».',
  '2. Министерство вправе отказать в выдаче по своему усмотрению.',
];

/** The drafter's Word file: one paragraph a line, the articles' headings in bold. */
function docxOf(lines: readonly string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: lines.map(
          (l) => new Paragraph({ children: [new TextRun({ text: l, bold: l.startsWith('Статья') })] }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

beforeAll(async () => {
  portal = await startPortal();
}, 600_000);
afterAll(async () => {
  for (const c of contexts) await c.close();
  await portal?.close();
});

/** A page for this person, signed in now (the clock moves between steps), JavaScript off on a phone unless asked. */
async function as(user: CreatedUser, opts: { js?: boolean } = {}): Promise<Page> {
  const js = opts.js ?? false;
  const context = await signedInContext(portal, user, { javaScriptEnabled: js });
  contexts.push(context);
  const page = await context.newPage();
  await page.setViewportSize(js ? DESKTOP : PHONE);
  return page;
}

/** The page's h1, no sideways scroll on a phone, axe unless told not to (each run is slow here). */
async function look(page: Page, h1: string, opts: { js?: boolean; axe?: boolean } = {}) {
  await page.waitForLoadState();
  expect((await page.locator('h1').textContent())?.trim(), page.url()).toBe(h1);
  if (!opts.js) await expectNoSidewaysScroll(page);
  if (opts.axe !== false) await expectAxeClean(page, { withScripts: opts.js ?? false });
}

async function clickAndWait(page: Page, locator: ReturnType<Page['locator']>) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

describe('a draft from upload to the summary of proposals', () => {
  let staff: CreatedUser;
  let draftUrl = '';
  /** the discussion's last day as the staff form offered it (the minimum for a low impact degree) */
  let endsOn = '';

  it(
    'staff upload a DOCX draft; its units and the pre-screening hints appear',
    async () => {
      portal.deps.clock.set('2026-03-02T09:00:00+02:00');
      const org = await findOrganizationBySlug(portal.deps.db, 'minzdrav');
      staff = await createUser(portal.deps, { grants: [{ role: 'editor', orgId: org?.id as string }] });
      const page = await as(staff);
      await page.goto(`${portal.url}/manage/orgs/minzdrav/drafts`);
      await clickAndWait(page, page.getByRole('link', { name: 'Новый проект акта' }).first());
      await look(page, 'Новый проект акта');
      await page.getByLabel('Название проекта').fill(TITLE);
      await page
        .getByLabel('Что меняет проект (простым языком)')
        .fill('Лекарства можно будет получить ближе к дому.');
      await page.getByLabel('Вид акта').selectOption('приказ');
      await page.getByLabel('Низкая — прочие положения').check();
      await clickAndWait(page, page.getByRole('button', { name: 'Сохранить' }));
      await look(page, TITLE);
      const id = new URL(page.url()).pathname.match(/\/manage\/drafts\/([0-9a-f-]{36})/)?.[1];
      expect(id).toBeDefined();
      draftUrl = `/drafts/${id}`;

      await page.getByLabel('Файл DOCX').setInputFiles({
        name: 'proekt.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: await docxOf(LAW),
      });
      await page.getByLabel('Что изменено в этой редакции').fill('первая редакция');
      await clickAndWait(page, page.getByRole('button', { name: 'Разместить редакцию текста' }));
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        'Новая редакция текста размещена.',
      );

      await page.goto(`${portal.url}${draftUrl}/text`);
      await look(page, 'Текст проекта');
      expect(await page.locator('#unit-st-2-ch-1-p-2').textContent()).toContain('«Город Калининград»');
      const hinted = page.locator('#unit-st-2-ch-2');
      expect(await hinted.locator('mark').count()).toBe(2);
      expect(
        await page.locator('[data-unit-hints="st-2-ch-2"] [data-prescreen-hints]').textContent(),
      ).toContain('Подсказка');
      expect(await page.locator('#unit-st-2-ch-1-p-1 mark').count()).toBe(0);
    },
    STEP,
  );

  it(
    'the discussion opens after the notice; a citizen proposes new wording for one unit (JavaScript on)',
    async () => {
      portal.deps.clock.advance(16 * DAY); // the notice's 15 days are over
      const page = await as(staff);
      await page.goto(`${portal.url}/manage${draftUrl}`);
      await look(page, TITLE, { axe: false });
      endsOn = await page.getByLabel('Последний день обсуждения').inputValue();
      expect(endsOn).toMatch(/^\d\d\.\d\d\.2026$/);
      await clickAndWait(page, page.getByRole('button', { name: 'Открыть обсуждение текста' }));
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
        'Этап проекта изменён.',
      );

      const citizen = await createUser(portal.deps);
      const cit = await as(citizen, { js: true });
      await cit.goto(`${portal.url}${draftUrl}`);
      await look(cit, TITLE, { js: true });
      expect(await cit.locator('#open-stage').textContent()).toContain('Сейчас: Обсуждение текста');
      await cit.getByLabel('К какой части').selectOption({ label: 'пункт 2 части 1 статьи 2' });
      // the new wording is its own field, apart from the justification
      await cit.getByLabel('Предлагаемая редакция (необязательно)').fill(WORDING);
      await cit.getByLabel('Обоснование', { exact: true }).fill(PROPOSAL);
      await clickAndWait(cit, cit.getByRole('button', { name: 'Отправить комментарий' }));
      const shown = cit.locator('.disc-comment').filter({ hasText: PROPOSAL });
      expect(await shown.locator('[data-wording]').textContent()).toContain(WORDING);
    },
    STEP,
  );

  it(
    'the stage closes; an accredited expert files a conclusion, shown on the card',
    async () => {
      // the day after the discussion's last day: the engine takes no more comments
      const [dd, mm, yyyy] = endsOn.split('.');
      portal.deps.clock.set(new Date(new Date(`${yyyy}-${mm}-${dd}T09:00:00+02:00`).getTime() + DAY));
      const page = await as(staff);
      await page.goto(`${portal.url}/manage${draftUrl}`);
      await clickAndWait(
        page,
        page.getByRole('button', { name: 'Завершить обсуждение и передать на антикоррупционную экспертизу' }),
      );
      await look(page, TITLE, { axe: false });

      const expertUser = await createUser(portal.deps, { grants: [{ role: 'expert', orgId: null }] });
      await expertiseRepository.insertExpert(portal.deps.db, {
        kind: 'person',
        name: 'Смирнова Ольга Николаевна',
        orderNumber: '512-р',
        orderDate: '2024-04-10',
        userId: expertUser.userId,
        createdAt: portal.deps.clock.now(),
      });
      const ex = await as(expertUser);
      await ex.goto(`${portal.url}${draftUrl}`);
      await look(ex, TITLE);
      expect(await ex.locator('#open-stage').textContent()).toContain('Сейчас: Антикоррупционная экспертиза');
      expect(await ex.locator('#expertise').textContent()).toContain('Заключений пока нет.');
      await clickAndWait(ex, ex.locator('#expertise').getByRole('button', { name: 'Направить заключение' }));
      await look(ex, 'Заключение по результатам антикоррупционной экспертизы');
      await ex.getByLabel('Выявлены коррупциогенные факторы').check();
      const first = ex.getByRole('group', { name: 'Фактор 1' });
      await first.getByLabel('Структурная единица').selectOption({ label: 'часть 2 статьи 2' });
      await first.getByLabel('Коррупциогенный фактор').selectOption('3б');
      await first.getByLabel('Описание').fill('Отказ по усмотрению органа без оснований.');
      await first.getByLabel('Предложение по устранению').fill('Указать закрытый перечень оснований отказа.');
      await clickAndWait(ex, ex.getByRole('button', { name: 'Направить заключение' }));
      expect(await ex.locator('.govuk-notification-banner').textContent()).toContain(
        'Заключение направлено.',
      );

      await ex.goto(`${portal.url}${draftUrl}`);
      const block = ex.locator('#expertise');
      expect(await block.locator('[data-expertise-conclusions] li').count()).toBe(1);
      expect(await block.textContent()).toContain('Смирнова Ольга Николаевна');
      expect(await block.textContent()).toContain('выявлено факторов — 1');
      expect(await block.textContent()).toMatch(/Ответ органа — до \d\d\.\d\d\.2026/);
    },
    STEP,
  );

  it(
    'the developer states a position; the summary lists the proposal and its DOCX downloads',
    async () => {
      portal.deps.clock.advance(8 * DAY); // the expertise's 7 days are over
      const page = await as(staff);
      await page.goto(`${portal.url}/manage${draftUrl}`);
      await clickAndWait(
        page,
        page.getByRole('button', { name: 'Завершить экспертизу и перейти к сводке предложений' }),
      );
      const positions = page.locator('section[aria-labelledby="positions-title"]');
      expect(await positions.textContent()).toContain(PROPOSAL);
      await clickAndWait(page, positions.getByRole('link', { name: /Позиция не указана/ }));
      await look(page, 'Позиция разработчика');
      await page.getByLabel('Учтено частично').check();
      await clickAndWait(page, page.getByRole('button', { name: 'Сохранить позицию' }));
      // a partial position without its justification says what to fix and keeps the choice
      expect(await page.locator('.govuk-error-summary').textContent()).toContain(
        'Обоснуйте, почему предложение учтено частично или не учтено',
      );
      expect(await page.getByLabel('Учтено частично').isChecked()).toBe(true);
      await look(page, 'Позиция разработчика');
      await page.getByLabel('Обоснование').fill(JUSTIFICATION);
      await clickAndWait(page, page.getByRole('button', { name: 'Сохранить позицию' }));
      await clickAndWait(page, page.getByRole('button', { name: 'Опубликовать сводку предложений' }));

      expect(new URL(page.url()).pathname).toBe(`${draftUrl}/summary`);
      await look(page, 'Сводка предложений');
      const row = page.getByRole('row').filter({ hasText: PROPOSAL });
      expect(await row.textContent()).toContain('пункт 2 части 1 статьи 2');
      expect(await row.locator('q[data-wording]').textContent()).toBe(WORDING);
      expect(await row.textContent()).toContain('Учтено частично');
      expect(await row.textContent()).toContain(JUSTIFICATION);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Скачать сводку (DOCX)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const { value } = await mammoth.extractRawText({
        buffer: readFileSync((await download.path()) as string),
      });
      expect(value).toContain(TITLE);
      expect(value).toContain(`Предлагаемая редакция: «${WORDING}»`);
      expect(value).toContain(`Обоснование участника: ${PROPOSAL}`);
      expect(value).toContain(JUSTIFICATION);
      expect(value).toContain('Всего предложений: 1');

      // Минздрав's public council publishes its conclusion on the draft (councils module, task 1.4)
      const org = await findOrganizationBySlug(portal.deps.db, 'minzdrav');
      const council = await portal.deps.db.query.councils.findFirst({
        where: (c, { and, eq }) => and(eq(c.orgId, org?.id as string), eq(c.kind, 'public_council')),
      });
      await publishConclusion(
        portal.deps,
        {
          actor: userActor(crypto.randomUUID(), [{ role: 'council_secretary', orgId: org?.id as string }]),
          ip: null,
        },
        {
          councilId: council?.id as string,
          conclusion: {
            kind: 'conclusion',
            subjectKind: 'draft',
            subjectTitle: TITLE,
            subjectUrl: draftUrl,
            year: 2026,
            textRu: COUNCIL,
          },
        },
      );

      // anyone reads the card: the summary is linked, the expertise shows its conclusion, and the
      // council's conclusion leads to its own public discussion
      const anon = await portal.browser.newContext({
        locale: 'ru-RU',
        javaScriptEnabled: false,
        viewport: PHONE,
      });
      contexts.push(anon);
      const card = await anon.newPage();
      await card.goto(`${portal.url}${draftUrl}`);
      await look(card, TITLE, { axe: false }); // the card was checked by axe in the expert's step
      expect(await card.getByRole('link', { name: 'Открыть сводку предложений' }).count()).toBe(1);
      expect(await card.locator('#expertise [data-expertise-conclusions] li').count()).toBe(1);
      expect(await card.locator('[data-council-conclusions]').textContent()).toContain(COUNCIL);
      await clickAndWait(card, card.getByRole('link', { name: 'Обсудить заключение совета' }));
      expect(new URL(card.url()).pathname).toMatch(/^\/councils\/conclusions\/[0-9a-f-]{36}$/);
      expect(await card.locator('#discussion').textContent()).toContain('Войдите');
    },
    STEP,
  );
});
