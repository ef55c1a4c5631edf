import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/app.ts';
import { createUser, type SignedIn, sessionFor } from '../../../../../test/auth.ts';
import { outbox } from '../../../../platform/mail/mail.tables.ts';
import { appealsRepository } from '../../appeals.repository.ts';
import { classifyAppeal } from '../../classify-appeal.ts';
import { staffKit } from '../../staff-test-kit.ts';

// Issue 10, «The appeals officer and the signer»: a draft answer puts the appeal into
// «ожидает подписи» and tells the signers; the signature comes from the signer's profile.

let t: TestApp;
let k: Awaited<ReturnType<typeof staffKit>>;
let officer: SignedIn;
let signer: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-03-02T09:00:00+02:00');
  k = await staffKit(t.deps);
  officer = await sessionFor(t, k.officer);
  signer = await sessionFor(t, k.signer);
});
afterAll(() => t.close());

describe('a draft answer awaits signature', () => {
  it('moves the appeal to «Ожидает подписи», mails the signers once, and the queue shows it', async () => {
    const a = await k.submit();
    const url = `/manage/appeals/${a.id}`;
    let res = await officer.post(`${url}/draft`, { draftText: 'Проект ответа' }, { from: url });
    expect(res.statusCode).toBe(303);
    res = await officer.post(`${url}/draft`, { draftText: 'Проект ответа, правка' }, { from: url });
    expect(res.statusCode).toBe(303);
    expect((await appealsRepository.findById(t.deps.db, a.id))?.status).toBe('awaiting_signature');
    const mails = (await t.deps.db.select().from(outbox)).filter(
      (m) => m.kind === 'appeal.awaiting_signature' && m.subject.includes(a.number),
    );
    expect(mails.map((m) => m.toAddress).sort()).toEqual([k.head.email, k.signer.email].sort());
    const queue = await officer.get('/manage/appeals');
    expect(queue.body).toMatch(new RegExp(`${a.number}[\\s\\S]*?Ожидает подписи`));
    const filtered = await officer.get('/manage/appeals?status=awaiting_signature');
    expect(filtered.body).toContain(a.number);
    // the citizen sees plain words, never the draft
    const citizen = await sessionFor(t, k.citizenUser);
    const own = await citizen.get(`/cabinet/appeals/${a.number}`);
    expect(own.body).toContain('Ответ готовится к подписанию');
    expect(own.body).not.toContain('Проект ответа');
  });

  it('a signer without a position is told to give it; then the answer carries it and their initials', async () => {
    const bare = await createUser(t.deps, {
      grants: [{ role: 'appeals_signer', orgId: k.body.id }],
      lastName: 'Орлова',
      firstName: 'Анна',
      patronymic: 'Викторовна',
    });
    const agent = await sessionFor(t, bare);
    const a = await k.submit();
    await classifyAppeal(t.deps, k.origin(k.officer), {
      id: a.id,
      questions: [{ topicCode: '0001.0002.0027.0145' }],
    });
    const url = `/manage/appeals/${a.id}`;
    const page = await agent.get(url);
    expect(page.body).toContain('В вашем профиле не указана должность');
    expect(page.body).toContain('href="/cabinet/position"');
    let res = await agent.post(`${url}/answer`, { text: 'Ответ по существу' }, { from: url });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('В вашем профиле не указана должность');
    // the person sets it in the cabinet (too long first: said plainly, typed value kept)
    const long = 'Д'.repeat(301);
    res = await agent.post('/cabinet/position', { position: long });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Должность должна быть не длиннее 300 символов');
    res = await agent.post('/cabinet/position', { position: 'Заместитель министра по делам граждан' });
    expect(res.statusCode).toBe(303);
    expect((await agent.get('/cabinet')).body).toContain('Заместитель министра по делам граждан');
    res = await agent.post(`${url}/answer`, { text: 'Ответ по существу' }, { from: url });
    expect(res.statusCode).toBe(303);
    expect((await appealsRepository.answers(t.deps.db, a.id))[0]).toMatchObject({
      signedName: 'А. В. Орлова',
      signedPosition: 'Заместитель министра по делам граждан',
    });
    const mail = (await t.deps.db.select().from(outbox)).find(
      (m) => m.toAddress === k.citizenUser.email && m.subject === `Ответ на обращение ${a.number}`,
    );
    expect(mail?.textBody).toContain('Заместитель министра по делам граждан\nА. В. Орлова');
  });

  it('an administrator edits anyone’s position; a citizen cannot set one', async () => {
    const admin = await sessionFor(t, k.admin);
    const res = await admin.post(
      `/manage/users/${k.signer.userId}/position`,
      { position: 'Первый заместитель министра' },
      {
        from: `/manage/users/${k.signer.userId}`,
      },
    );
    expect(res.statusCode).toBe(303);
    expect((await signer.get(`/manage/appeals/${(await k.submit()).id}`)).body).toContain(
      'Первый заместитель министра',
    );
    const citizen = await sessionFor(t, k.citizenUser);
    expect((await citizen.get('/cabinet/position')).statusCode).toBe(303);
    expect(
      (await citizen.post('/cabinet/position', { position: 'Министр' }, { from: '/cabinet' })).statusCode,
    ).toBe(403);
  });
});
