import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { globalRoles, orgRoles } from '../../../platform/authz/index.ts';
import { type FieldError, Forbidden } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import {
  Button,
  ErrorSummary,
  Form,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { type ManageSection, manageSectionsFor } from '../../../platform/ui/manage-sections.ts';
import { grantRoleInput, positionInput, userSearchInput } from '../accounts.input.ts';
import { accountsPolicy } from '../accounts.policy.ts';
import type { RoleAssignmentRow, UserRow } from '../accounts.repository.ts';
import { changePosition } from '../change-position.ts';
import { findUsers, getUserForAdmin } from '../find-users.ts';
import { grantRole } from '../grant-role.ts';
import { allOrgs, type OrgRef, orgNames } from '../orgs-lookup.ts';
import { revokeRole } from '../revoke-role.ts';
import { noticeFrom, requireSignIn } from './common.tsx';
import { roleText } from './format.ts';

function ManageView({ sections }: { sections: ManageSection[] }) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('accounts.manage.title')}</h1>
      <p class="govuk-body">{t('accounts.manage.lead')}</p>
      {sections.length === 0 ? (
        <p class="govuk-body">{t('accounts.manage.none')}</p>
      ) : (
        <ul class="govuk-list app-manage-sections">
          {sections.map((s) => (
            <li key={s.key}>
              <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                <a class="govuk-link" href={s.href}>
                  {t(s.titleKey)}
                </a>
              </h2>
              {s.descriptionKey && <p class="govuk-body">{t(s.descriptionKey)}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function identificationTag(u: UserRow) {
  return u.identification === 'esia' ? <Tag colour="green">ЕСИА</Tag> : <Tag colour="grey">e-mail</Tag>;
}

function UsersView({
  q,
  found,
  names,
}: {
  q: string;
  found: { user: UserRow; roles: RoleAssignmentRow[] }[];
  names: Map<string, string>;
}) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('accounts.manage.users.title')}</h1>
      <form action="/manage/users" method="get" novalidate>
        <TextInput
          name="q"
          type="search"
          label={t('accounts.manage.users.search')}
          value={q}
          width="two-thirds"
        />
        <Button variant="secondary">{t('accounts.manage.users.find')}</Button>
      </form>
      {found.length === 0 ? (
        <p class="govuk-body">{t('accounts.manage.users.none')}</p>
      ) : (
        <Table
          head={[
            { text: t('accounts.manage.users.col.name') },
            { text: t('accounts.manage.users.col.email') },
            { text: t('accounts.manage.users.col.identification') },
            { text: t('accounts.manage.users.col.roles') },
          ]}
          rows={found.map(({ user, roles }) => [
            <>
              <a class="govuk-link" href={`/manage/users/${user.id}`}>
                {user.displayName}
              </a>
              {user.isDemo && (
                <>
                  {' '}
                  <Tag colour="orange">{t('accounts.manage.users.demo')}</Tag>
                </>
              )}
            </>,
            user.email,
            identificationTag(user),
            roles.length === 0 ? (
              '—'
            ) : (
              <ul class="govuk-list govuk-body-s">
                {roles.map((r) => (
                  <li key={r.id}>{roleText(t, r.role, r.orgId, names)}</li>
                ))}
              </ul>
            ),
          ])}
        />
      )}
    </>
  );
}

function UserView({
  user,
  roles,
  names,
  orgs,
  values,
  errors,
}: {
  user: UserRow;
  roles: RoleAssignmentRow[];
  names: Map<string, string>;
  orgs: OrgRef[];
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t, locale, actor } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">
        <span class="govuk-caption-l">{t('accounts.manage.users.title')}</span>
        {user.displayName}
      </h1>
      <SummaryList
        rows={[
          { key: t('accounts.cabinet.email'), value: user.email },
          {
            key: t('accounts.cabinet.identification'),
            value: t(`accounts.cabinet.identification.${user.identification === 'esia' ? 'esia' : 'email'}`),
          },
        ]}
      />
      <Form action={`/manage/users/${user.id}/position`}>
        <TextInput
          name="position"
          label={t('accounts.manage.user.position')}
          labelSize="m"
          hint={t('accounts.position.hint')}
          value={values.position ?? user.position ?? ''}
          errors={errors}
        />
        <Button variant="secondary">{t('accounts.manage.user.positionSubmit')}</Button>
      </Form>
      <h2 class="govuk-heading-m">{t('accounts.manage.user.roles')}</h2>
      {roles.length === 0 ? (
        <p class="govuk-body">{t('accounts.manage.user.noRoles')}</p>
      ) : (
        <Table
          rows={roles.map((r) => [
            roleText(t, r.role, r.orgId, names),
            accountsPolicy.canRevokeRole(actor, r) ? (
              <Form action={`/manage/users/${user.id}/roles/${r.id}/revoke`}>
                <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                  {t('accounts.manage.user.revoke')}
                  <span class="govuk-visually-hidden"> {roleText(t, r.role, r.orgId, names)}</span>
                </button>
              </Form>
            ) : (
              ''
            ),
          ])}
        />
      )}
      <h2 class="govuk-heading-m">{t('accounts.manage.user.grant')}</h2>
      <Form action={`/manage/users/${user.id}/roles`}>
        <Select
          name="role"
          label={t('accounts.manage.user.role')}
          value={values.role}
          errors={errors}
          items={[
            { value: '', text: '' },
            ...[...orgRoles, ...globalRoles].map((r) => ({ value: r, text: t(`role.${r}`) })),
          ]}
        />
        <Select
          name="orgId"
          label={t('accounts.manage.user.org')}
          hint={t('accounts.manage.user.orgHint')}
          value={values.orgId}
          errors={errors}
          items={[
            { value: '', text: t('accounts.manage.user.orgNone') },
            ...orgs.map((o) => ({ value: o.id, text: locale === 'en' && o.nameEn ? o.nameEn : o.nameRu })),
          ]}
        />
        <Button>{t('accounts.manage.user.grant')}</Button>
      </Form>
    </>
  );
}

const manageCrumbs = (req: FastifyRequest) => [
  { href: '/', text: req.t('ui.nav.home') },
  { href: '/manage', text: req.t('accounts.manage.title') },
];

/** /manage: the staff area's front page; /manage/users: people and roles (administrators). */
export async function manageRoutes(app: FastifyInstance) {
  app.get('/manage', async (req, reply) => {
    if (requireSignIn(req, reply)) return reply;
    if (!accountsPolicy.canEnterManage(req.actor)) throw new Forbidden();
    return reply.page(
      req.t('accounts.manage.title'),
      <ManageView sections={manageSectionsFor(req.actor)} />,
      {
        breadcrumbs: [{ href: '/', text: req.t('ui.nav.home') }, { text: req.t('accounts.manage.title') }],
      },
    );
  });

  app.get('/manage/users', async (req, reply) => {
    if (requireSignIn(req, reply)) return reply;
    const { q } = userSearchInput.parse(req.query ?? {});
    const found = await findUsers(app.deps, req.actor, { q });
    const names = await orgNames(app.deps.db, req.locale);
    return reply.page(req.t('accounts.manage.users.title'), <UsersView q={q} found={found} names={names} />, {
      breadcrumbs: manageCrumbs(req),
    });
  });

  const userPage = async (req: FastifyRequest, userId: string): Promise<RenderForm> => {
    const { user, roles } = await getUserForAdmin(app.deps, req.actor, userId);
    const [names, orgs] = await Promise.all([orgNames(app.deps.db, req.locale), allOrgs(app.deps.db)]);
    return (form) => ({
      title: user.displayName,
      body: <UserView user={user} roles={roles} names={names} orgs={orgs} {...form} />,
      breadcrumbs: [
        ...manageCrumbs(req),
        { href: '/manage/users', text: req.t('accounts.manage.users.title') },
      ],
    });
  };

  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  app.get<{ Params: { id: string } }>('/manage/users/:id', async (req, reply) => {
    if (requireSignIn(req, reply)) return reply;
    if (!accountsPolicy.canManageUsers(req.actor)) throw new Forbidden();
    if (!uuid.test(req.params.id)) return reply.callNotFound();
    noticeFrom(req, {
      granted: 'accounts.manage.user.notice.granted',
      revoked: 'accounts.manage.user.notice.revoked',
      position: 'accounts.cabinet.notice.position',
    });
    return showForm(req, reply, await userPage(req, req.params.id));
  });

  app.post<{ Params: { id: string } }>('/manage/users/:id/roles', async (req, reply) => {
    if (requireSignIn(req, reply)) return reply;
    if (!accountsPolicy.canManageUsers(req.actor)) throw new Forbidden();
    if (!uuid.test(req.params.id)) return reply.callNotFound();
    return handleForm(req, reply, {
      schema: grantRoleInput,
      render: await userPage(req, req.params.id),
      run: async (data) => {
        await grantRole(app.deps, originOf(req), { ...data, userId: req.params.id });
        return `/manage/users/${req.params.id}?notice=granted`;
      },
    });
  });

  app.post<{ Params: { id: string } }>('/manage/users/:id/position', async (req, reply) => {
    if (requireSignIn(req, reply)) return reply;
    if (!accountsPolicy.canManageUsers(req.actor)) throw new Forbidden();
    if (!uuid.test(req.params.id)) return reply.callNotFound();
    return handleForm(req, reply, {
      schema: positionInput,
      render: await userPage(req, req.params.id),
      run: async (data) => {
        await changePosition(app.deps, originOf(req), { ...data, userId: req.params.id });
        return `/manage/users/${req.params.id}?notice=position`;
      },
    });
  });

  app.post<{ Params: { id: string; assignmentId: string } }>(
    '/manage/users/:id/roles/:assignmentId/revoke',
    async (req, reply) => {
      if (requireSignIn(req, reply)) return reply;
      if (!accountsPolicy.canManageUsers(req.actor)) throw new Forbidden();
      if (!uuid.test(req.params.assignmentId)) return reply.callNotFound();
      const userId = await revokeRole(app.deps, originOf(req), { assignmentId: req.params.assignmentId });
      return reply.redirect(`/manage/users/${userId}?notice=revoked`, 303);
    },
  );
}
