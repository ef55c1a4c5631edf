import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import type { Origin } from '../../platform/audit/index.ts';
import { type Actor, anonymous, type RoleGrant } from '../../platform/authz/index.ts';
import { Forbidden, NotFound } from '../../platform/errors/index.ts';
import { auditLog, responsibleOfficials } from '../schema.ts';
import { addResponsibleOfficial } from './add-responsible-official.ts';
import { getOrgForStaff, listManagedOrgs } from './get-org-for-staff.ts';
import { seedOrganizations } from './index.ts';
import { type OrgDetailsInput, officialInput, orgDetailsInput } from './orgs.input.ts';
import { orgsRepository } from './orgs.repository.ts';
import { removeResponsibleOfficial } from './remove-responsible-official.ts';
import { updateOrganization } from './update-organization.ts';
import { updateResponsibleOfficial } from './update-responsible-official.ts';

let deps: TestDeps;
let minzdravId: string;
beforeAll(async () => {
  deps = await createTestDeps();
  await seedOrganizations(deps, { demoOfficials: true });
  minzdravId = (await orgsRepository.findBySlug(deps.db, 'minzdrav'))?.id as string;
});
afterAll(async () => {
  await deps?.close();
});

function as(grants: RoleGrant[]): Origin {
  const actor: Actor = {
    kind: 'user',
    userId: '00000000-0000-4000-8000-0000000000aa',
    displayName: 'Тест',
    email: 't@example.test',
    identification: 'email',
    identityLevel: null,
    emailVerified: true,
    grants,
  };
  return { actor, ip: '192.0.2.10' };
}
const editor = () => as([{ role: 'editor', orgId: minzdravId }]);
const details = (over: Record<string, string> = {}): OrgDetailsInput =>
  orgDetailsInput.parse({
    headPosition: 'Министр здравоохранения Калининградской области',
    headName: '',
    address: 'г. Калининград',
    phone: '+7 (4012) 00-00-00',
    email: 'minzdrav@example.ru',
    website: 'https://example.ru',
    inn: '',
    descriptionRu: '',
    descriptionEn: '',
    ...over,
  });
const auditOf = (objectId: string) => deps.db.select().from(auditLog).where(eq(auditLog.objectId, objectId));

describe('updateOrganization', () => {
  it('saves the details for an editor of the body and records who did it, from where', async () => {
    const org = await orgsRepository.findBySlug(deps.db, 'minzdrav');
    const res = await updateOrganization(deps, editor(), {
      slug: 'minzdrav',
      // the demo head (SEED=demo names every head) stays as it was
      details: details({ inn: org?.inn as string, headName: org?.headName ?? '' }),
    });
    expect([...res.changed].sort()).toEqual(['address', 'email', 'phone', 'website']);
    const after = await orgsRepository.findBySlug(deps.db, 'minzdrav');
    expect(after).toMatchObject({
      phone: '+7 (4012) 00-00-00',
      email: 'minzdrav@example.ru',
      innIsDemo: true,
    });
    const entries = await auditOf(minzdravId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'organization.update',
      objectType: 'organization',
      orgId: minzdravId,
      actorIp: '192.0.2.10',
      actorUserId: '00000000-0000-4000-8000-0000000000aa',
    });
    expect(entries[0]?.details).toEqual({ fields: res.changed });
  });

  it('makes the ИНН real when staff enter another one, and clears it when emptied', async () => {
    await updateOrganization(deps, editor(), { slug: 'minzdrav', details: details({ inn: '7707083893' }) });
    expect(await orgsRepository.findBySlug(deps.db, 'minzdrav')).toMatchObject({
      inn: '7707083893',
      innIsDemo: false,
    });
    await updateOrganization(deps, editor(), { slug: 'minzdrav', details: details({ inn: '' }) });
    expect(await orgsRepository.findBySlug(deps.db, 'minzdrav')).toMatchObject({
      inn: null,
      innIsDemo: false,
    });
  });

  it('writes nothing and logs nothing when nothing changed', async () => {
    const before = (await auditOf(minzdravId)).length;
    const res = await updateOrganization(deps, editor(), { slug: 'minzdrav', details: details() });
    expect(res.changed).toEqual([]);
    expect(await auditOf(minzdravId)).toHaveLength(before);
  });

  it('refuses anonymous visitors, other bodies’ editors and roles that do not keep the body', async () => {
    const other = (await orgsRepository.findBySlug(deps.db, 'minfin'))?.id as string;
    for (const origin of [
      { actor: anonymous, ip: null },
      as([{ role: 'editor', orgId: other }]),
      as([{ role: 'appeals_officer', orgId: minzdravId }]),
      as([{ role: 'expert', orgId: null }]),
    ]) {
      await expect(
        updateOrganization(deps, origin, { slug: 'minzdrav', details: details({ phone: '+7 999' }) }),
      ).rejects.toBeInstanceOf(Forbidden);
    }
    expect((await orgsRepository.findBySlug(deps.db, 'minzdrav'))?.phone).toBe('+7 (4012) 00-00-00');
    await expect(
      updateOrganization(deps, as([{ role: 'admin', orgId: null }]), { slug: 'nope', details: details() }),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('lets the project office, administrators and the head of the body save', async () => {
    for (const [i, origin] of [
      as([{ role: 'project_office', orgId: null }]),
      as([{ role: 'admin', orgId: null }]),
      as([{ role: 'head', orgId: minzdravId }]),
    ].entries()) {
      const res = await updateOrganization(deps, origin, {
        slug: 'minzdrav',
        details: details({ phone: `+7 (4012) 10-00-0${i}` }),
      });
      expect(res.changed).toEqual(['phone']);
    }
  });
});

describe('the form schema of organisation details', () => {
  it('turns empty fields into nulls and explains what is wrong in i18n keys', () => {
    const ok = orgDetailsInput.safeParse({ phone: '', email: '', website: '', inn: '' });
    expect(ok.success && ok.data).toMatchObject({ phone: null, email: null, website: null, inn: null });
    const bad = orgDetailsInput.safeParse({
      phone: 'звоните',
      email: 'x@',
      website: 'gov39.ru',
      inn: '1234567890',
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message).sort()).toEqual(
      ['orgs.email.invalid', 'orgs.inn.invalid', 'orgs.phone.invalid', 'orgs.website.invalid'].sort(),
    );
  });
});

describe('responsible officials', () => {
  it('adds, changes and removes an official, each step in the audit log', async () => {
    const official = officialInput.parse({
      duty: 'appeals',
      fullName: 'Сидорова Мария Петровна',
      position: 'Начальник отдела по работе с обращениями граждан',
      phone: '+7 (4012) 00-00-01',
      email: '',
      receptionHours: 'вторник, 10:00–13:00',
      dutiesRu: '',
    });
    const row = await addResponsibleOfficial(deps, editor(), { slug: 'minzdrav', official });
    expect(row).toMatchObject({
      orgId: minzdravId,
      isDemo: false,
      email: null,
      receptionHours: 'вторник, 10:00–13:00',
    });
    const upd = await updateResponsibleOfficial(deps, editor(), {
      slug: 'minzdrav',
      id: row.id,
      official: { ...official, position: 'Консультант' },
    });
    expect(upd.changed).toEqual(['position']);
    await removeResponsibleOfficial(deps, editor(), { slug: 'minzdrav', id: row.id });
    expect(await orgsRepository.findOfficial(deps.db, minzdravId, row.id)).toBeUndefined();
    expect((await auditOf(row.id)).map((e) => e.action)).toEqual([
      'responsible_official.create',
      'responsible_official.update',
      'responsible_official.delete',
    ]);
  });

  it('turns a demo entry into a real one when staff save it', async () => {
    const [demo] = await deps.db
      .select()
      .from(responsibleOfficials)
      .where(eq(responsibleOfficials.orgId, minzdravId));
    expect(demo?.isDemo).toBe(true);
    await updateResponsibleOfficial(deps, editor(), {
      slug: 'minzdrav',
      id: demo?.id as string,
      official: officialInput.parse({ duty: demo?.duty, fullName: 'Настоящее Имя', position: 'Советник' }),
    });
    expect((await orgsRepository.findOfficial(deps.db, minzdravId, demo?.id as string))?.isDemo).toBe(false);
  });

  it('refuses outsiders and answers 404 for an official of another body or a malformed id', async () => {
    const official = officialInput.parse({ duty: 'media', fullName: 'Кто-то', position: 'Пресс-секретарь' });
    await expect(
      addResponsibleOfficial(deps, { actor: anonymous, ip: null }, { slug: 'minzdrav', official }),
    ).rejects.toBeInstanceOf(Forbidden);
    const minfin = (await orgsRepository.findBySlug(deps.db, 'minfin'))?.id as string;
    const [foreign] = await deps.db
      .select()
      .from(responsibleOfficials)
      .where(eq(responsibleOfficials.orgId, minfin));
    await expect(
      removeResponsibleOfficial(deps, editor(), { slug: 'minzdrav', id: foreign?.id as string }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      updateResponsibleOfficial(deps, editor(), { slug: 'minzdrav', id: 'not-a-uuid', official }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await orgsRepository.findOfficial(deps.db, minfin, foreign?.id as string)).toBeDefined();
  });
});

describe('what staff see', () => {
  it('lists only the bodies a person keeps, all of them for the project office', async () => {
    expect((await listManagedOrgs(deps, editor().actor)).map((o) => o.slug)).toEqual(['minzdrav']);
    const all = await listManagedOrgs(deps, as([{ role: 'project_office', orgId: null }]).actor);
    const [{ n } = { n: 0 }] = await deps.db.$client
      .query<{ n: number }>('select count(*)::int as n from organizations')
      .then((r) => r.rows);
    expect(all).toHaveLength(n);
    await expect(getOrgForStaff(deps, anonymous, 'minzdrav')).rejects.toBeInstanceOf(Forbidden);
  });

  it('rolls the write back when the audit entry cannot be written', async () => {
    const before = await orgsRepository.findBySlug(deps.db, 'minzdrav');
    // Make the audit insert fail for new rows only; the use case must then leave the organisation as it was.
    await deps.db.$client.query(
      'alter table audit_log add constraint audit_fail check (action <> $$organization.update$$) not valid',
    );
    try {
      await expect(
        updateOrganization(deps, editor(), {
          slug: 'minzdrav',
          details: details({ phone: '+7 (4012) 99-99-99' }),
        }),
      ).rejects.toThrow();
      expect((await orgsRepository.findBySlug(deps.db, 'minzdrav'))?.phone).toBe(before?.phone);
    } finally {
      await deps.db.$client.query('alter table audit_log drop constraint audit_fail');
    }
  });
});
