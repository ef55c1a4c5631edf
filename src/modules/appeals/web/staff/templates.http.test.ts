import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { type SignedIn, sessionFor } from '../../../../../test/auth.ts';
import { auditLog } from '../../../../platform/audit/audit.tables.ts';
import { appealAnswerTemplates } from '../../appeals.tables.ts';
import { staffKit } from '../../staff-test-kit.ts';

// Issue 10: a body's answer templates kept in /manage and inserted into an answer on the
// appeal's page without JavaScript, the placeholders filled from the appeal.

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
let officer: SignedIn;
let signer: SignedIn;
let other: SignedIn;

const TEXT =
  'Уважаемый(ая) {имя_отчество}!\nВаше обращение № {номер} от {дата} ({фио}) рассмотрено в органе «{орган}».';

/** The text of a textarea on the page, unescaped as the browser shows it. */
function textareaValue(html: string, name: string): string | undefined {
  const m = html.match(new RegExp(`<textarea[^>]* name="${name}"[^>]*>([\\s\\S]*?)</textarea>`));
  return m?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The error summary's links, in order. */
function summaryLinks(html: string): string[] {
  const summary = html.match(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/)?.[0] ?? '';
  return [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] as string);
}

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(t.deps);
  officer = await sessionFor(t, k.officer);
  signer = await sessionFor(t, k.signer);
  other = await sessionFor(t, k.otherOfficer);
});
afterAll(() => t.close());

describe('answer templates in /manage', () => {
  it('says what to fix in the order of the fields and keeps what was typed', async () => {
    const page = await officer.get('/manage/appeals/templates/new');
    expect(page.statusCode).toBe(200);
    // one body: it is chosen already
    expect(page.body).toMatch(new RegExp(`<option value="${k.body.id}" selected>`));
    const empty = await officer.post(
      '/manage/appeals/templates/new',
      { orgId: '', title: '', text: '' },
      { from: '/manage/appeals/templates/new' },
    );
    expect(empty.statusCode).toBe(422);
    expect(summaryLinks(empty.body)).toEqual(['orgId', 'title', 'text']);
    expect(empty.body).toContain('Введите название шаблона');

    const unknown = await officer.post(
      '/manage/appeals/templates/new',
      { orgId: k.body.id, title: 'Ответ о ремонте', text: 'Уважаемый {имя}!' },
      { from: '/manage/appeals/templates/new' },
    );
    expect(unknown.statusCode).toBe(422);
    // the summary names the placeholder it does not know
    expect(unknown.body).toContain('В тексте есть неизвестная подстановка {имя}');
    expect(unknown.body).toContain('value="Ответ о ремонте"');
    expect(textareaValue(unknown.body, 'text')).toBe('Уважаемый {имя}!');
  });

  it('explains each placeholder in the interface’s language; the placeholders stay the Russian words', async () => {
    const ru = await officer.get('/manage/appeals/templates/new');
    expect(ru.body).toContain('<code lang="ru">{фио}</code> — фамилия, имя и отчество автора');
    expect(ru.body).toContain('<code lang="ru">{номер}</code> — регистрационный номер обращения');

    const en = await officer.get('/manage/appeals/templates/new?lang=en');
    expect(en.body).toContain(
      '<code lang="ru">{фио}</code> — the author’s surname, first name and patronymic',
    );
    expect(en.body).toContain(
      '<code lang="ru">{имя_отчество}</code> — the author’s first name and patronymic',
    );
    expect(en.body).toContain('<code lang="ru">{дата}</code> — the date the appeal was registered');
    expect(en.body).toContain('<code lang="ru">{орган}</code> — the body the appeal is addressed to');
    expect(en.body).not.toContain('фамилия, имя и отчество автора');
    const bad = await officer.post(
      '/manage/appeals/templates/new?lang=en',
      { orgId: k.body.id, title: 'Roads', text: 'Dear {name}, {номер}' },
      { from: '/manage/appeals/templates/new?lang=en' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('The text has a placeholder the portal does not know, {name}');
    // an English interface saves the same placeholders, and they are filled on insertion
    const saved = await officer.post(
      '/manage/appeals/templates/new?lang=en',
      { orgId: k.body.id, title: 'Roads', text: 'Обращение № {номер}' },
      { from: '/manage/appeals/templates/new?lang=en' },
    );
    expect(saved.statusCode).toBe(303);
    await officer.get('/manage/appeals/templates?lang=ru');
    const a = await k.submit();
    const id = String(saved.headers.location).match(/templates\/([0-9a-f-]{36})/)?.[1] as string;
    const url = `/manage/appeals/${a.id}`;
    const inserted = await officer.post(`${url}/template`, { template: id, draftText: '' }, { from: url });
    expect(textareaValue(inserted.body, 'draftText')).toBe(`Обращение № ${a.number}`);
    await t.deps.db.delete(appealAnswerTemplates).where(eq(appealAnswerTemplates.id, id));
  });

  it('saves, edits and deletes a template of the body, audited; another body sees nothing', async () => {
    const res = await officer.post(
      '/manage/appeals/templates/new',
      { orgId: k.body.id, title: 'Ремонт дорог', text: TEXT },
      { from: '/manage/appeals/templates/new' },
    );
    expect(res.statusCode).toBe(303);
    const id = String(res.headers.location).match(/templates\/([0-9a-f-]{36})/)?.[1] as string;
    const list = await officer.get('/manage/appeals/templates');
    expect(list.body).toContain('Ремонт дорог');
    expect((await officer.get('/manage')).body).toContain('href="/manage/appeals/templates"');

    const edited = await officer.post(
      `/manage/appeals/templates/${id}`,
      { orgId: k.other.id, title: 'Ремонт дорог и тротуаров', text: TEXT },
      { from: `/manage/appeals/templates/${id}` },
    );
    expect(edited.statusCode).toBe(303);
    const [row] = await t.deps.db
      .select()
      .from(appealAnswerTemplates)
      .where(eq(appealAnswerTemplates.id, id));
    // the form cannot move a template to another body
    expect(row).toMatchObject({ orgId: k.body.id, title: 'Ремонт дорог и тротуаров' });

    expect((await other.get(`/manage/appeals/templates/${id}`)).statusCode).toBe(404);
    expect((await other.get('/manage/appeals/templates')).body).not.toContain('Ремонт дорог');
    const foreign = await other.post(`/manage/appeals/templates/${id}/delete`, {}, { from: '/manage' });
    expect(foreign.statusCode).toBe(404);

    const gone = await officer.post(`/manage/appeals/templates/${id}/delete`, {}, { from: '/manage' });
    expect(gone.statusCode).toBe(303);
    const audit = await t.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'appeal_answer_template'), eq(auditLog.objectId, id)));
    expect(audit.map((a) => a.action)).toEqual([
      'appeal_template.create',
      'appeal_template.update',
      'appeal_template.delete',
    ]);
  });
});

describe('a template on the appeal page', () => {
  it('is inserted below the typed text, filled from the appeal, and the answer is sent with it', async () => {
    const created = await officer.post(
      '/manage/appeals/templates/new',
      { orgId: k.body.id, title: 'Разъяснение', text: TEXT },
      { from: '/manage/appeals/templates/new' },
    );
    const templateId = String(created.headers.location).match(/templates\/([0-9a-f-]{36})/)?.[1] as string;
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    await officer.post(`${url}/classify`, { topic1: '0001.0002.0027.0122' }, { from: url });

    const page = await signer.get(url);
    expect(page.body).toContain(`<option value="${templateId}">Разъяснение</option>`);
    expect(page.body).toContain(`formaction="${url}/template"`);

    // no template chosen: the typed text stays, the summary says what to do
    const none = await signer.post(`${url}/template`, { text: 'Мой черновик', template: '' }, { from: url });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Выберите шаблон ответа из списка');
    expect(summaryLinks(none.body)).toEqual(['template']);
    expect(textareaValue(none.body, 'text')).toBe('Мой черновик');

    const filled = await signer.post(
      `${url}/template`,
      { text: 'Мой черновик', template: templateId },
      { from: url },
    );
    expect(filled.statusCode).toBe(200);
    const text = textareaValue(filled.body, 'text') as string;
    expect(text.startsWith('Мой черновик\n\nУважаемый(ая) Анна Петровна!')).toBe(true);
    expect(text).toContain(`№ ${a.number} от 02.03.2026 (Смирнова Анна Петровна)`);
    expect(text).not.toMatch(/\{[^}]+\}/);

    const sent = await signer.post(`${url}/answer`, { text }, { from: url });
    expect(sent.statusCode).toBe(303);
    expect((await signer.get(url)).body).toContain(`№ ${a.number} от 02.03.2026`);
  });

  it('fills the officer’s draft the same way and refuses another body’s template', async () => {
    const theirs = await other.post(
      '/manage/appeals/templates/new',
      { orgId: k.other.id, title: 'Чужой', text: 'Чужой текст {номер}' },
      { from: '/manage/appeals/templates/new' },
    );
    const theirId = String(theirs.headers.location).match(/templates\/([0-9a-f-]{36})/)?.[1] as string;
    const mine = await officer.post(
      '/manage/appeals/templates/new',
      { orgId: k.body.id, title: 'Короткий', text: 'Обращение {номер} получено.' },
      { from: '/manage/appeals/templates/new' },
    );
    const mineId = String(mine.headers.location).match(/templates\/([0-9a-f-]{36})/)?.[1] as string;
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;

    const refused = await officer.post(
      `${url}/template`,
      { draftText: '', template: theirId },
      { from: url },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).not.toContain('Чужой текст');

    const res = await officer.post(`${url}/template`, { draftText: '', template: mineId }, { from: url });
    expect(res.statusCode).toBe(200);
    expect(textareaValue(res.body, 'draftText')).toBe(`Обращение ${a.number} получено.`);
    // nothing is saved until the draft is
    expect((await officer.get(url)).body).not.toContain(`Обращение ${a.number} получено.`);

    expect((await other.post(`${url}/template`, { template: theirId }, { from: url })).statusCode).toBe(404);
  });
});
