import { createUser } from '../../../test/auth.ts';
import type { TestDeps } from '../../../test/db.ts';
import { type Actor, type RoleGrant, userActor } from '../../platform/authz/index.ts';
import { listAllOrganizations, type OrgRow, seedOrganizations } from '../orgs/index.ts';
import { submitAppeal } from './submit-appeal.ts';

/**
 * Test kit of the staff side (used by tests only): the region's bodies, a
 * citizen identified through ЕСИА, and staff of the first body in each role,
 * as database users and as actors.
 */
export async function staffKit(deps: TestDeps) {
  await seedOrganizations(deps);
  const orgs = (await listAllOrganizations(deps.db)).filter((o) => o.level === 'executive');
  const [body, other, third] = orgs as [OrgRow, OrgRow, OrgRow];
  const citizenUser = await createUser(deps, { identification: 'esia', identityLevel: 'verified' });
  const citizen = userActor(citizenUser.userId, [], {
    identification: 'esia',
    identityLevel: 'verified',
    email: citizenUser.email,
  });
  const person = async (grants: RoleGrant[], position?: string) => {
    const u = await createUser(deps, { grants, ...(position ? { position } : {}) });
    return { ...u, actor: userActor(u.userId, grants, { email: u.email }) as Actor };
  };
  const officer = await person([{ role: 'appeals_officer', orgId: body.id }]);
  const head = await person([{ role: 'head', orgId: body.id }], 'Министр');
  const signer = await person([{ role: 'appeals_signer', orgId: body.id }], 'Заместитель министра');
  const anticorruption = await person([{ role: 'anti_corruption_officer', orgId: body.id }]);
  const otherOfficer = await person([{ role: 'appeals_officer', orgId: other.id }]);
  const admin = await person([{ role: 'admin', orgId: null }]);

  let n = 0;
  /** A citizen's appeal to `org` (the first body by default), through the real intake use case. */
  const submit = async (
    opts: {
      type?: 'appeal' | 'info_request' | 'corruption_report' | 'media_request';
      kind?: string | null;
      org?: OrgRow;
      /** the body a complaint is about (59-ФЗ art. 8 ч.6) */
      complainedOrgId?: string | null;
      /** a complaint of obstructed public control (concept task 6.5): what the official did */
      obstructionKind?: string | null;
    } = {},
  ) => {
    const type = opts.type ?? 'appeal';
    n++;
    const { appeal } = await submitAppeal(deps, { actor: citizen, ip: null }, {
      type,
      kind: type === 'appeal' ? (opts.kind ?? 'statement') : null,
      orgSlug: (opts.org ?? body).slug,
      officialName: null,
      complainedOrgId: opts.complainedOrgId ?? null,
      complainedOfficialId: null,
      obstructsPublicControl: !!opts.obstructionKind,
      obstructionKind: opts.obstructionKind ?? null,
      publicControlSubject: null,
      lastName: 'Смирнова',
      firstName: 'Анна',
      patronymic: 'Петровна',
      email: citizenUser.email,
      postalAddress: null,
      phone: null,
      organizationName: type === 'media_request' ? 'Редакция «Новости Калининграда»' : null,
      subject: null,
      text: `Текст обращения ${n}`,
      involvedPersons: null,
      eventDate: null,
      place: null,
      answerForm: null,
      collective: false,
      cosigners: [],
    } as never);
    return appeal;
  };
  const origin = (p: { actor: Actor }) => ({ actor: p.actor, ip: '192.0.2.10' });
  return {
    body,
    other,
    third,
    citizen,
    citizenUser,
    officer,
    head,
    signer,
    anticorruption,
    otherOfficer,
    admin,
    submit,
    origin,
  };
}
