import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type SignedIn, signedInAs } from '../../../../test/auth.ts';
import { visitor } from '../../../../test/forms.ts';
import { auditLog } from '../../../platform/audit/audit.tables.ts';
import { findOrganizationBySlug, seedOrganizations } from '../../orgs/index.ts';
import { pollsRepository } from '../polls/polls.repository.ts';

let t: TestApp;
let staff: SignedIn;
let citizen: SignedIn;
let minzdravId: string;
let groupId: string;

const group = {
  name: 'Пациентские организации',
  who: 'Общественные организации пациентов с хроническими заболеваниями.',
  why: 'Они первыми видят перебои с лекарствами.',
  how: 'Ежемесячные встречи и совместные проверки аптек.',
  channels: 'Встречи, горячая линия, онлайн-консультации.',
  needsApproval: 'yes',
};

beforeAll(async () => {
  t = await createTestApp();
  t.deps.clock.set('2026-11-25T10:00:00+02:00');
  await seedOrganizations(t.deps);
  minzdravId = (await findOrganizationBySlug(t.deps.db, 'minzdrav'))?.id as string;
  staff = await signedInAs(t, 'editor', 'minzdrav');
  citizen = await signedInAs(t, 'citizen');
});
afterAll(() => t.close());

describe('reference groups (tasks 2.1–2.5)', () => {
  it('staff define a group (2.1); an empty form says what to fill in', async () => {
    const bad = await staff.post('/manage/groups/new', { orgId: minzdravId, name: 'Пациенты' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Опишите, кто входит в группу');
    expect(bad.body).toContain('Перечислите каналы взаимодействия');
    expect(bad.body).toContain('value="Пациенты"');
    const ok = await staff.post('/manage/groups/new', { orgId: minzdravId, ...group });
    expect(ok.statusCode).toBe(303);
    groupId = String(ok.headers.location).match(/groups\/([0-9a-f-]{36})/)?.[1] as string;
    const page = await visitor(t.app).get('/orgs/minzdrav/groups');
    expect(page.body).toContain('Пациентские организации');
    expect(page.body).toContain('Оценок пока нет.');
    // the section path the orgs module seeded leads here
    const old = await visitor(t.app).get('/orgs/minzdrav/reference-groups');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/orgs/minzdrav/groups');
  });

  it('joining waits for the staff check; a waiting member cannot rate', async () => {
    const path = `/orgs/minzdrav/groups/${groupId}`;
    const joined = await citizen.post(
      `${path}/join`,
      { organisation: 'АНО «Здоровье вместе»' },
      { from: path },
    );
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toContain('notice=pending');
    const page = await citizen.get(path);
    expect(page.body).toContain('Заявка на проверке');
    expect(page.body).not.toContain('name="channels"');
    const refused = await citizen.post(`${path}/rate`, { channels: '4', work: '4' }, { from: path });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Оценивать орган могут только участники группы');
  });

  it('staff admit the person; another body’s editor cannot', async () => {
    const manage = await staff.get(`/manage/groups/${groupId}`);
    expect(manage.body).toContain('АНО «Здоровье вместе»');
    const memberId = manage.body.match(/members\/([0-9a-f-]{36})/)?.[1] as string;
    const other = await signedInAs(t, 'editor', 'minobr');
    const foreign = await other.post(`/manage/groups/${groupId}/members/${memberId}`, {
      decision: 'approved',
    });
    expect(foreign.statusCode).toBe(404);
    const ok = await staff.post(
      `/manage/groups/${groupId}/members/${memberId}`,
      { decision: 'approved' },
      {
        from: `/manage/groups/${groupId}`,
      },
    );
    expect(ok.statusCode).toBe(303);
    expect((await citizen.get(`/orgs/minzdrav/groups/${groupId}`)).body).toContain('Вы участник группы');
  });

  it('a member rates channels (2.3) and work (2.4) once per quarter; the summary is public (2.5)', async () => {
    const path = `/orgs/minzdrav/groups/${groupId}`;
    const bad = await citizen.post(`${path}/rate`, { channels: '7', comment: 'ok' }, { from: path });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Выберите оценку каналов обратной связи и услуг');
    expect(bad.body).toContain('Выберите оценку работы органа');
    expect(bad.body).toContain('>ok</textarea>');
    expect(
      (await citizen.post(`${path}/rate`, { channels: '2', work: '5' }, { from: path })).statusCode,
    ).toBe(303);
    // a second rating in the quarter replaces the first
    expect(
      (
        await citizen.post(
          `${path}/rate`,
          { channels: '4', work: '5', comment: 'Больше встреч' },
          { from: path },
        )
      ).statusCode,
    ).toBe(303);
    const another = await signedInAs(t, 'citizen');
    await another.post(`${path}/join`, {}, { from: path });
    const manage = await staff.get(`/manage/groups/${groupId}`);
    const pendingId = [...manage.body.matchAll(/members\/([0-9a-f-]{36})/g)].map((m) => m[1])[0] as string;
    await staff.post(
      `/manage/groups/${groupId}/members/${pendingId}`,
      { decision: 'approved' },
      { from: manage },
    );
    await another.post(`${path}/rate`, { channels: '3', work: '2' }, { from: path });

    const summary = await visitor(t.app).get('/orgs/minzdrav/groups');
    expect(summary.body).toContain('IV квартал 2026');
    // (4 + 3) / 2 and (5 + 2) / 2, from two members
    expect(summary.body).toMatch(
      /IV квартал 2026<\/t[dh]><td[^>]*>3\.5<\/td><td[^>]*>3\.5<\/td><td[^>]*>2<\/td>/,
    );
    expect((await staff.get(`/manage/groups/${groupId}`)).body).toContain('Больше встреч');
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'reference_group.rate'));
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('Больше встреч');
  });

  it('staff pass the summary to the public council (2.2): the date shows on the body’s page', async () => {
    const res = await staff.post(
      `/manage/groups/${groupId}/refer`,
      { note: 'Доступность консультаций' },
      {
        from: `/manage/groups/${groupId}`,
      },
    );
    expect(res.statusCode).toBe(303);
    const page = await visitor(t.app).get('/orgs/minzdrav/groups');
    expect(page.body).toContain('25 ноября 2026 г.: итоги за IV квартал 2026 переданы в общественный совет');
  });

  it('members see the body’s consultations first: the cabinet «для вашей группы» and /consultations', async () => {
    await staff.post('/manage/consultations/new', {
      orgId: minzdravId,
      topic: 'Лекарства для льготников',
      officialName: 'Петрова Ольга Ивановна',
      officialPosition: 'заместитель министра',
      date: '03.12.2026',
      from: '11:00',
      to: '12:00',
    });
    // a poll of the body open now
    await pollsRepository.insertPoll(t.deps.db, {
      orgId: minzdravId,
      question: 'Удобно ли записываться к врачу через Госуслуги?',
      options: ['Да', 'Нет'],
      opensOn: '2026-11-20',
      closesOn: '2026-12-20',
      publishedAt: new Date('2026-11-20T10:00:00+02:00'),
    });
    const cabinet = await citizen.get('/cabinet/groups');
    expect(cabinet.statusCode).toBe(200);
    expect(cabinet.body).toContain('Для вашей группы');
    expect(cabinet.body).toContain('Лекарства для льготников');
    expect(cabinet.body).toContain('Удобно ли записываться к врачу через Госуслуги?');
    expect((await citizen.get('/consultations')).body).toContain('Для ваших референтных групп');
    const stranger = await signedInAs(t, 'citizen');
    expect((await stranger.get('/consultations')).body).not.toContain('Для ваших референтных групп');
    expect((await stranger.get('/cabinet/groups')).body).toContain('Вы пока не участвуете');
    expect((await stranger.get('/cabinet')).body).toContain('href="/cabinet/groups"');
  });
});
