import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { userActor } from '../../../platform/authz/index.ts';
import { Conflict, Forbidden } from '../../../platform/errors/index.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import {
  getDiscussionForObject,
  openDiscussion,
  registerDiscussionSections,
  sendModerationDigest,
} from '../index.ts';
import type { DiscussionRow } from './discussions.repository.ts';
import { hideComment } from './moderate-comment.ts';

let t: TestApp;
let minzdrav: string;
let draft: DiscussionRow;

const staffOrigin = () => ({
  actor: userActor(crypto.randomUUID(), [{ role: 'editor', orgId: minzdrav }]),
  ip: null,
});
const at = (iso: string) => new Date(iso);
const commentIdOf = (location: string | undefined) =>
  /#comment-([0-9a-f-]{36})$/.exec(location ?? '')?.[1] as string;
const text = (html: string) => html.replace(/\s+/g, ' ');

async function open(over: Partial<Parameters<typeof openDiscussion>[2]> = {}) {
  return openDiscussion(t.deps, staffOrigin(), {
    objectType: 'test',
    objectId: crypto.randomUUID(),
    orgId: minzdrav,
    title: 'Тестовое обсуждение',
    opensAt: at('2026-11-01T00:00:00+02:00'),
    closesAt: at('2026-12-31T23:59:59+02:00'),
    ...over,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-20T12:00:00+02:00');
  await seedOrganizations(t.deps);
  minzdrav = (await findOrganizationBySlug(t.deps.db, 'minzdrav'))?.id as string;
  await registerDiscussionSections(t.deps);
  draft = await open({
    objectType: 'draft',
    objectId: 'draft-42',
    title: 'Проект закона о здравоохранении',
    ownerUrl: '/orgs/minzdrav/drafts/draft-42',
    rules: 'Обсуждаем только пункты проекта.',
    positionRequired: true,
    anchors: [
      { id: 'p1', label: 'Пункт 1' },
      { id: 'p2', label: 'Пункт 2' },
    ],
  });
});

afterAll(() => t.close());

describe('the attach API', () => {
  it('sends moderators no digest while nothing waits', async () => {
    await signedInAs(t, 'moderator', null);
    expect((await sendModerationDigest(t.deps)).mailed).toBe(0);
  });

  it('finds the discussion by its owner object, and refuses a second one and an outsider', async () => {
    expect((await getDiscussionForObject(t.deps.db, 'draft', 'draft-42'))?.id).toBe(draft.id);
    expect(await getDiscussionForObject(t.deps.db, 'draft', 'draft-43')).toBeUndefined();
    await expect(open({ objectType: 'draft', objectId: 'draft-42' })).rejects.toBeInstanceOf(Conflict);
    await expect(open({ ownerUrl: '//evil.example/x' })).rejects.toThrow('local path');
    await expect(open({ ownerUrl: '/\\evil.example' })).rejects.toThrow('local path');
    const citizen = { actor: userActor(crypto.randomUUID(), []), ip: null };
    await expect(
      openDiscussion(t.deps, citizen, {
        objectType: 'draft',
        objectId: 'x',
        orgId: minzdrav,
        title: 'x',
        opensAt: at('2026-11-01T00:00:00Z'),
        closesAt: at('2026-12-01T00:00:00Z'),
      }),
    ).rejects.toBeInstanceOf(Forbidden);
  });
});

describe('comments', () => {
  it('sends an anonymous visitor to sign in and shows the rules and dates on top', async () => {
    const v = visitor(t.app);
    const page = await v.get(`/discussions/${draft.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Обсуждаем только пункты проекта.');
    expect(page.body).toContain('/discussions/rules');
    expect(page.body).toContain(`/sign-in?next=${encodeURIComponent(`/discussions/${draft.id}`)}`);
    const res = await v.post(`/discussions/${draft.id}/comments`, { text: 'x' }, { from: '/sign-in' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in/);
  });

  it('publishes a comment as «Участник №N», markup as text, anchored, and returns to the owner page', async () => {
    const citizen = await signedInAs(t, 'citizen');
    const res = await citizen.post(`/discussions/${draft.id}/comments`, {
      text: '<script>alert(1)</script> Предлагаю уточнить пункт',
      position: 'against',
      anchor: 'p1',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/orgs\/minzdrav\/drafts\/draft-42#comment-/);
    const page = await visitor(t.app).get(`/discussions/${draft.id}`);
    expect(page.body).toContain('Участник №1');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> Предлагаю уточнить пункт');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(text(page.body)).toContain('к части: Пункт 1');
    expect(page.body).toContain('Против');
    // the same person keeps their number
    await citizen.post(`/discussions/${draft.id}/comments`, { text: 'И ещё одно', position: 'for' });
    const again = await visitor(t.app).get(`/discussions/${draft.id}`);
    expect(again.body.match(/Участник №1</g)?.length).toBe(2);
  });

  it('shows the name only with the separate consent, which is recorded', async () => {
    const named = await signedInAs(t, 'citizen', null, {
      lastName: 'Янтарева',
      firstName: 'Мария',
      patronymic: null,
    });
    await named.post(`/discussions/${draft.id}/comments`, {
      text: 'С моим именем',
      position: 'neutral',
      showName: 'yes',
    });
    const page = await visitor(t.app).get(`/discussions/${draft.id}`);
    expect(page.body).toContain('Янтарева Мария');
    const p = await t.deps.db.query.discussionParticipants.findFirst({
      where: (x, { and, eq }) => and(eq(x.discussionId, draft.id), eq(x.userId, named.userId)),
    });
    expect(p?.nameConsentAt).toBeInstanceOf(Date);
    const quiet = await signedInAs(t, 'citizen', null, { lastName: 'Скрытов' });
    await quiet.post(`/discussions/${draft.id}/comments`, { text: 'Без имени', position: 'neutral' });
    expect((await visitor(t.app).get(`/discussions/${draft.id}`)).body).not.toContain('Скрытов');
  });

  it('asks for the position where the discussion needs it, keeping the text typed', async () => {
    const citizen = await signedInAs(t, 'citizen');
    const res = await citizen.post(`/discussions/${draft.id}/comments`, { text: 'Без позиции' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Выберите вашу позицию');
    expect(res.body).toContain('Без позиции');
  });

  it('takes a proposed wording apart from its justification where the owner asks for it', async () => {
    const proposals = await open({
      objectType: 'draft-wording',
      anchors: [{ id: 'v1:st-1', label: 'Статья 1' }],
      wordingField: true,
    });
    const citizen = await signedInAs(t, 'citizen');
    const form = await citizen.get(`/discussions/${proposals.id}`);
    expect(form.body).toContain('Предлагаемая редакция (необязательно)');
    expect(form.body).toMatch(/<label[^>]*for="text"[^>]*>\s*Обоснование/);
    // an ordinary discussion has no such field
    expect((await citizen.get(`/discussions/${draft.id}`)).body).not.toContain('name="wording"');

    const long = await citizen.post(`/discussions/${proposals.id}/comments`, {
      anchor: 'v1:st-1',
      wording: 'а'.repeat(10_001),
      text: 'Так понятнее.',
    });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Предлагаемая редакция должна быть не длиннее 10 000 знаков');
    expect(long.body).toContain('Так понятнее.');
    const res = await citizen.post(`/discussions/${proposals.id}/comments`, {
      anchor: 'v1:st-1',
      wording: 'Статья 1. Настоящий закон действует на всей территории области.',
      text: 'Так понятнее, где он действует.',
    });
    expect(res.statusCode).toBe(303);
    const id = commentIdOf(res.headers.location);
    const row = await t.deps.db.query.discussionComments.findFirst({ where: (c, { eq }) => eq(c.id, id) });
    expect(row?.wording).toBe('Статья 1. Настоящий закон действует на всей территории области.');
    expect(row?.text).toBe('Так понятнее, где он действует.');
    const page = await visitor(t.app).get(`/discussions/${proposals.id}`);
    expect(text(page.body)).toMatch(
      /Предлагаемая редакция<\/p>.*Настоящий закон действует на всей территории области\..*Обоснование<\/p>.*Так понятнее, где он действует\./,
    );
    // a reply carries no wording, even when one is sent
    const reply = await citizen.post(`/discussions/${proposals.id}/comments`, {
      parentId: id,
      wording: 'лишнее',
      text: 'Дополню.',
    });
    const replyRow = await t.deps.db.query.discussionComments.findFirst({
      where: (c, { eq }) => eq(c.id, commentIdOf(reply.headers.location)),
    });
    expect(replyRow?.wording).toBeNull();
    const api = await t.app.inject(`/api/v1/discussions/${proposals.id}`);
    const comments = api.json().comments as { text: string; wording: string | null }[];
    expect(comments.find((c) => c.text === 'Так понятнее, где он действует.')?.wording).toContain(
      'на всей территории области',
    );
    expect(comments.find((c) => c.text === 'Дополню.')?.wording).toBeNull();
  });

  it('threads one level deep and marks the body’s official answer', async () => {
    const a = await signedInAs(t, 'citizen');
    const first = await a.post(`/discussions/${draft.id}/comments`, { text: 'Корневой', position: 'for' });
    const root = commentIdOf(first.headers.location);
    const b = await signedInAs(t, 'citizen');
    const reply = await b.post(
      `/discussions/${draft.id}/comments`,
      { text: 'Ответ', parentId: root },
      { from: `/discussions/${draft.id}/comments/${root}/reply` },
    );
    expect(reply.statusCode).toBe(303);
    const editor = await signedInAs(t, 'editor', 'minzdrav');
    const official = await editor.post(`/discussions/${draft.id}/comments`, {
      text: 'Официально отвечаем',
      parentId: commentIdOf(reply.headers.location),
      official: 'yes',
    });
    expect(official.statusCode).toBe(303);
    const row = await t.deps.db.query.discussionComments.findFirst({
      where: (c, { eq }) => eq(c.id, commentIdOf(official.headers.location)),
    });
    expect(row?.parentId).toBe(root);
    expect(row?.official).toBe(true);
    const page = await visitor(t.app).get(`/discussions/${draft.id}`);
    expect(page.body).toContain('Официальный ответ');
    expect(page.body).toContain('Министерство здравоохранения');
  });

  it('lets the author edit within the window with a visible history, then refuses', async () => {
    const d = await open();
    const a = await signedInAs(t, 'citizen');
    const res = await a.post(`/discussions/${d.id}/comments`, { text: 'Первая редакция' });
    const id = commentIdOf(res.headers.location);
    const edit = await a.post(`/discussions/${d.id}/comments/${id}/edit`, { text: 'Вторая редакция' });
    expect(edit.statusCode).toBe(303);
    const page = await visitor(t.app).get(`/discussions/${d.id}`);
    expect(page.body).toContain('Вторая редакция');
    expect(page.body).toContain(`/discussions/${d.id}/comments/${id}/history`);
    const history = await visitor(t.app).get(`/discussions/${d.id}/comments/${id}/history`);
    expect(history.body).toContain('Первая редакция');
    expect(history.body).toContain('Вторая редакция');
    // another person cannot edit it at all
    const other = await signedInAs(t, 'citizen');
    expect((await other.get(`/discussions/${d.id}/comments/${id}/edit`)).statusCode).toBe(404);
    t.deps.clock.advance(16 * 60_000);
    try {
      const late = await a.post(`/discussions/${d.id}/comments/${id}/edit`, { text: 'Третья' });
      expect(late.statusCode).toBe(422);
      expect(late.body).toContain('Время на правку истекло');
    } finally {
      t.deps.clock.advance(-16 * 60_000);
    }
  });

  it('refuses a comment before the opening and after the close, with the reason', async () => {
    const d = await open({
      opensAt: at('2026-10-01T00:00:00+02:00'),
      closesAt: at('2026-11-10T00:00:00+02:00'),
    });
    const a = await signedInAs(t, 'citizen');
    const res = await a.post(
      `/discussions/${d.id}/comments`,
      { text: 'Поздно' },
      { from: `/discussions/${draft.id}` },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Обсуждение завершено');
    const later = await open({
      opensAt: at('2027-01-01T00:00:00+02:00'),
      closesAt: at('2027-02-01T00:00:00+02:00'),
    });
    const early = await a.post(
      `/discussions/${later.id}/comments`,
      { text: 'Рано' },
      { from: `/discussions/${draft.id}` },
    );
    expect(early.statusCode).toBe(422);
  });

  it('lets only ЕСИА-identified people comment where the discussion requires it', async () => {
    const d = await open({ identificationRequired: true });
    const byEmail = await signedInAs(t, 'citizen');
    const refused = await byEmail.post(
      `/discussions/${d.id}/comments`,
      { text: 'Я по почте' },
      { from: `/discussions/${draft.id}` },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Госуслуги');
    const esia = await signedInAs(t, 'citizen', null, { identification: 'esia' });
    expect((await esia.post(`/discussions/${d.id}/comments`, { text: 'Я через Госуслуги' })).statusCode).toBe(
      303,
    );
  });

  it('holds a comment under pre-moderation until a moderator publishes it', async () => {
    const d = await open({ moderation: 'pre' });
    const a = await signedInAs(t, 'citizen');
    const res = await a.post(`/discussions/${d.id}/comments`, { text: 'Жду проверки' });
    const id = commentIdOf(res.headers.location);
    expect((await visitor(t.app).get(`/discussions/${d.id}`)).body).not.toContain('Жду проверки');
    const own = await a.get(`/discussions/${d.id}`);
    expect(own.body).toContain('Жду проверки');
    expect(own.body).toContain('Ждёт проверки модератором');
    const moderator = await signedInAs(t, 'moderator', null);
    const queue = await moderator.get('/manage/discussions');
    expect(queue.body).toContain(`/manage/discussions/${d.id}/comments/${id}`);
    const ok = await moderator.post(
      `/manage/discussions/${d.id}/comments/${id}/approve`,
      {},
      { from: `/manage/discussions/${d.id}/comments/${id}` },
    );
    expect(ok.statusCode).toBe(303);
    expect((await visitor(t.app).get(`/discussions/${d.id}`)).body).toContain('Жду проверки');
  });

  it('holds a likely spam comment (links) for review even under post-moderation', async () => {
    const d = await open();
    const a = await signedInAs(t, 'citizen');
    const res = await a.post(`/discussions/${d.id}/comments`, {
      text: 'Дёшево http://a.example http://b.example http://c.example',
    });
    const row = await t.deps.db.query.discussionComments.findFirst({
      where: (c, { eq }) => eq(c.id, commentIdOf(res.headers.location)),
    });
    expect(row?.status).toBe('pending');
    expect(row?.spamSignals).toContain('links');
  });

  it('limits flooding per person', async () => {
    const d = await open();
    const a = await signedInAs(t, 'citizen');
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push(
        (await a.post(`/discussions/${d.id}/comments`, { text: `Комментарий номер ${i}` })).statusCode,
      );
    expect(codes.slice(0, 10).every((c) => c === 303)).toBe(true);
    expect(codes[10]).toBe(422);
  });
});

describe('moderation', () => {
  it('takes reports, hides with a reason shown in place, bans, and logs every act', async () => {
    const d = await open();
    const author = await signedInAs(t, 'citizen');
    const res = await author.post(`/discussions/${d.id}/comments`, { text: 'Грубый текст' });
    const id = commentIdOf(res.headers.location);
    const reader = await signedInAs(t, 'citizen');
    const reported = await reader.post(`/discussions/${d.id}/comments/${id}/report`, {
      reason: 'Оскорбления',
    });
    expect(reported.statusCode).toBe(303);
    const twice = await reader.post(`/discussions/${d.id}/comments/${id}/report`, { reason: 'Ещё раз' });
    expect(twice.statusCode).toBe(422);

    const moderator = await signedInAs(t, 'moderator', null);
    const queue = await moderator.get('/manage/discussions');
    expect(text(queue.body)).toMatch(/С жалобами: [1-9]/);
    const page = await moderator.get(`/manage/discussions/${d.id}/comments/${id}`);
    expect(page.body).toContain('Оскорбления');
    const empty = await moderator.post(
      `/manage/discussions/${d.id}/comments/${id}/hide`,
      { reason: '' },
      { from: page },
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Напишите причину');
    const hidden = await moderator.post(
      `/manage/discussions/${d.id}/comments/${id}/hide`,
      { reason: 'Нарушение правил: оскорбления' },
      { from: page },
    );
    expect(hidden.statusCode).toBe(303);
    const pub = await visitor(t.app).get(`/discussions/${d.id}`);
    expect(pub.body).toContain('Комментарий скрыт модератором. Причина: Нарушение правил: оскорбления');
    expect(pub.body).not.toContain('Грубый текст');

    const ban = await moderator.post(
      `/manage/discussions/${d.id}/comments/${id}/ban`,
      { days: '7', banReason: 'Повторные оскорбления' },
      { from: page },
    );
    expect(ban.statusCode).toBe(303);
    const refused = await author.post(`/discussions/${d.id}/comments`, { text: 'Снова я' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('запретил');

    const actions = (
      await t.deps.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.objectId, id) })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'discussion.comment',
        'discussion.report',
        'discussion.comment_hide',
        'discussion.ban',
      ]),
    );
  });

  it('refuses moderation to a citizen and to staff of another body', async () => {
    const d = await open();
    const a = await signedInAs(t, 'citizen');
    const id = commentIdOf(
      (await a.post(`/discussions/${d.id}/comments`, { text: 'Обычный' })).headers.location,
    );
    expect((await a.get(`/manage/discussions/${d.id}/comments/${id}`)).statusCode).toBe(403);
    const outsider = await signedInAs(t, 'editor', 'minfin');
    expect((await outsider.get(`/manage/discussions/${d.id}/comments/${id}`)).statusCode).toBe(404);
  });

  it('mails a digest to moderators when something waits, and none when nothing does', async () => {
    const before = await t.deps.db.query.outbox.findMany();
    const moderator = await signedInAs(t, 'moderator', null);
    const { mailed } = await sendModerationDigest(t.deps);
    expect(mailed).toBeGreaterThan(0);
    const mails = (await t.deps.db.query.outbox.findMany()).filter((m) => !before.some((b) => b.id === m.id));
    expect(
      mails.some((m) => m.toAddress === moderator.email && m.subject.includes('Модерация обсуждений')),
    ).toBe(true);
    // a second run the same day sends nothing again
    expect((await sendModerationDigest(t.deps)).mailed).toBe(0);
  });
});

describe('topics and outcome', () => {
  it('lets an editor open a topic that is listed, searchable and gets an outcome citing comments', async () => {
    const editor = await signedInAs(t, 'editor', 'minzdrav');
    const bad = await editor.post('/manage/orgs/minzdrav/discussions/new', {
      title: 'Часы работы поликлиник',
      description: 'Как удобнее?',
      opensOn: '20.11.2026',
      closesOn: '01.11.2026',
      moderation: 'post',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Дата окончания должна быть не раньше даты начала');
    expect(bad.body).toContain('Часы работы поликлиник');
    const res = await editor.post('/manage/orgs/minzdrav/discussions/new', {
      title: 'Часы работы поликлиник',
      description: 'Как удобнее организовать вечерний приём?',
      opensOn: '20.11.2026',
      closesOn: '20.12.2026',
      moderation: 'post',
    });
    expect(res.statusCode).toBe(303);
    const id = /\/discussions\/([0-9a-f-]{36})/.exec(res.headers.location ?? '')?.[1] as string;
    expect((await visitor(t.app).get('/orgs/minzdrav/discussions')).body).toContain('Часы работы поликлиник');
    // the body's home links its «Обсуждения» section
    expect((await visitor(t.app).get('/orgs/minzdrav')).body).toContain('href="/orgs/minzdrav/discussions"');
    expect((await visitor(t.app).get('/discussions')).body).toContain(`/discussions/${id}`);
    expect((await visitor(t.app).get(`/search?q=${encodeURIComponent('вечерний приём')}`)).body).toContain(
      `/discussions/${id}`,
    );

    const citizen = await signedInAs(t, 'citizen');
    const cid = commentIdOf(
      (await citizen.post(`/discussions/${id}/comments`, { text: 'Приём до 20:00' })).headers.location,
    );
    const outcome = await editor.post(`/manage/discussions/${id}/outcome`, {
      outcome: 'Продлеваем приём до 20:00 в трёх поликлиниках.',
      comments: [cid],
    });
    expect(outcome.statusCode).toBe(303);
    const page = await visitor(t.app).get(`/discussions/${id}`);
    expect(page.body).toContain('Итоги обсуждения');
    expect(page.body).toContain(`href="#comment-${cid}"`);
    expect(page.body).toContain('Учтено в итогах');
    // a citizen may not write the outcome, nor open a topic
    expect((await citizen.get(`/manage/discussions/${id}/outcome`)).statusCode).toBe(403);
    expect((await citizen.get('/manage/orgs/minzdrav/discussions/new')).statusCode).toBe(403);
  });

  it('gives the public side through the API: hidden comments keep their reason, never their text', async () => {
    const rude = await signedInAs(t, 'citizen');
    const rudeId = commentIdOf(
      (await rude.post(`/discussions/${draft.id}/comments`, { text: 'Скрываемый текст', position: 'for' }))
        .headers.location,
    );
    await hideComment(
      t.deps,
      { actor: userActor(crypto.randomUUID(), [{ role: 'moderator', orgId: null }]), ip: null },
      {
        discussionId: draft.id,
        commentId: rudeId,
        reason: 'Не по теме',
      },
    );
    const list = await t.app.inject('/api/v1/discussions?org=minzdrav');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; org: string; state: string }[];
    expect(items.some((i) => i.id === draft.id && i.org === 'minzdrav' && i.state === 'open')).toBe(true);
    expect((await t.app.inject('/api/v1/discussions?org=nowhere')).statusCode).toBe(404);
    const one = await t.app.inject(`/api/v1/discussions/${draft.id}`);
    expect(one.statusCode).toBe(200);
    const comments = one.json().comments as {
      author: string;
      text: string | null;
      status: string;
      hiddenReason: string | null;
    }[];
    expect(
      comments.some((c) => c.author === 'Участник №1' && c.text?.includes('Предлагаю уточнить пункт')),
    ).toBe(true);
    expect(comments.find((c) => c.status === 'hidden')).toMatchObject({
      text: null,
      hiddenReason: 'Не по теме',
    });
    expect(one.body).not.toContain('Скрываемый текст');
    expect((await t.app.inject(`/api/v1/discussions/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('answers an unknown discussion with 404, never 500', async () => {
    const v = visitor(t.app);
    expect((await v.get('/discussions/not-a-uuid')).statusCode).toBe(404);
    expect((await v.get(`/discussions/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await v.get('/orgs/nowhere/discussions')).statusCode).toBe(404);
  });
});
