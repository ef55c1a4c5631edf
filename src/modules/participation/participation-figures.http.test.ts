import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../test/auth.ts';
import { findOrganizationBySlug, seedOrganizations } from '../orgs/index.ts';
import { consultRepository } from './consult/consult.repository.ts';
import { getParticipationFigures } from './index.ts';

/*
 * Task 2.4's feed into the monitoring: per-body participation figures for a
 * period, from what people did through the real app (a comment, an official
 * reply, a vote, answered and unanswered consultation questions).
 */

let t: TestApp;
let staff: SignedIn;
let citizen: SignedIn;
let minzdrav: string;
let minobr: string;
const day = (d: string) => new Date(`${d}T00:00:00+02:00`);
const november = { from: day('2026-11-01'), to: day('2026-12-01') };

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-20T12:00:00+02:00');
  await seedOrganizations(t.deps);
  minzdrav = (await findOrganizationBySlug(t.deps.db, 'minzdrav'))?.id as string;
  minobr = (await findOrganizationBySlug(t.deps.db, 'minobr'))?.id as string;
  staff = await signedInAs(t, 'editor', 'minzdrav');
  citizen = await signedInAs(t, 'citizen');

  const topic = await staff.post('/manage/orgs/minzdrav/discussions/new', {
    title: 'Запись к врачу',
    description: 'Как сделать запись удобнее.',
    opensOn: '2026-11-01',
    closesOn: '2026-12-31',
    moderation: 'post',
  });
  const discussion = /\/discussions\/([0-9a-f-]{36})/.exec(String(topic.headers.location))?.[1];
  for (const text of ['Нужна запись по телефону.', 'И вечерние часы приёма.'])
    expect((await citizen.post(`/discussions/${discussion}/comments`, { text })).statusCode).toBe(303);
  // the body's official reply is not a participant's comment
  const official = await staff.post(`/discussions/${discussion}/comments`, {
    text: 'Спасибо, учтём.',
    official: 'yes',
  });
  expect(official.statusCode).toBe(303);

  const poll = await staff.post('/manage/polls/new', {
    orgId: minzdrav,
    question: 'Какие часы приёма удобнее?',
    options: 'Утро\nВечер',
    opensOn: '2026-11-01',
    closesOn: '2026-11-30',
    eligibility: 'signed_in',
    results: 'live',
    published: 'yes',
  });
  const pollId = /\/manage\/polls\/([0-9a-f-]{36})/.exec(String(poll.headers.location))?.[1];
  expect((await citizen.post(`/polls/${pollId}`, { choice: '1' })).statusCode).toBe(303);
  expect((await (await signedInAs(t, 'citizen')).post(`/polls/${pollId}`, { choice: '0' })).statusCode).toBe(
    303,
  );

  const consultation = await staff.post('/manage/consultations/new', {
    orgId: minzdrav,
    topic: 'Лекарственное обеспечение',
    officialId: '',
    officialName: 'Петрова Ольга Ивановна',
    officialPosition: 'заместитель министра',
    date: '25.11.2026',
    from: '11:00',
    to: '12:30',
  });
  const cid = /consultations\/([0-9a-f-]{36})/.exec(String(consultation.headers.location))?.[1] as string;
  for (const body of ['Где получить инсулин?', 'Когда привезут лекарства?'])
    expect((await citizen.post(`/consultations/${cid}/questions`, { body })).statusCode).toBe(303);
  const [first] = await consultRepository.questionsOf(t.deps.db, cid);
  const answered = await staff.post(`/manage/consultations/${cid}/questions/${first?.id}`, {
    answer: 'В аптеке на ул. Клиническая.',
  });
  expect(answered.statusCode).toBe(303);
});
afterAll(() => t.close());

describe('participation figures per body and period (task 2.4)', () => {
  it('counts what was held and done in the period, and zeros for a body that did nothing', async () => {
    const rows = await getParticipationFigures(t.deps, { ...november, orgIds: [minzdrav, minobr] });
    expect(rows).toEqual([
      { orgId: minzdrav, discussionsHeld: 1, comments: 2, polls: 1, votes: 2, answeredQuestions: 1 },
      { orgId: minobr, discussionsHeld: 0, comments: 0, polls: 0, votes: 0, answeredQuestions: 0 },
    ]);
    // without a list: only bodies with something to count
    expect(await getParticipationFigures(t.deps, november)).toEqual([rows[0]]);
  });

  it('leaves out what lies outside the period', async () => {
    const october = await getParticipationFigures(t.deps, {
      from: day('2026-10-01'),
      to: day('2026-11-01'),
      orgIds: [minzdrav],
    });
    expect(october).toEqual([
      { orgId: minzdrav, discussionsHeld: 0, comments: 0, polls: 0, votes: 0, answeredQuestions: 0 },
    ]);
    // December: the discussion is still open, the poll has closed, nothing was done yet
    const december = await getParticipationFigures(t.deps, {
      from: day('2026-12-01'),
      to: day('2027-01-01'),
      orgIds: [minzdrav],
    });
    expect(december).toEqual([
      { orgId: minzdrav, discussionsHeld: 1, comments: 0, polls: 0, votes: 0, answeredQuestions: 0 },
    ]);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(
      getParticipationFigures(t.deps, { from: day('2026-12-01'), to: day('2026-11-01') }),
    ).rejects.toThrow();
  });
});
