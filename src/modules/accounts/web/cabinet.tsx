import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { type Actor, isSignedIn } from '../../../platform/authz/index.ts';
import { formatDateTime } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { cabinetSectionsFor } from '../../../platform/ui/cabinet-sections.ts';
import {
  BackLink,
  Button,
  ErrorSummary,
  Fieldset,
  Form,
  Narrow,
  PasswordInput,
  SummaryList,
  Table,
  Tag,
  TextInput,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { changePasswordInput, nameInput, positionInput } from '../accounts.input.ts';
import { accountsPolicy } from '../accounts.policy.ts';
import { changeName } from '../change-name.ts';
import { changePassword } from '../change-password.ts';
import { changePosition } from '../change-position.ts';
import { getCabinet } from '../get-cabinet.ts';
import { signInProviders } from '../oidc/providers.ts';
import { orgNames } from '../orgs-lookup.ts';
import { sessionUserAgent } from '../sessions.ts';
import { noticeFrom, requireSignIn } from './common.tsx';
import { roleText } from './format.ts';

type Cabinet = Awaited<ReturnType<typeof getCabinet>>;

function CabinetView({
  data,
  currentSessionId,
  names,
  esiaProvider,
}: {
  data: Cabinet;
  currentSessionId: string | null;
  names: Map<string, string>;
  esiaProvider: string | null;
}) {
  const { t, locale, actor } = useView();
  const { user } = data;
  const esia = user.identification === 'esia';
  return (
    <>
      <h1 class="govuk-heading-l">{t('accounts.cabinet.title')}</h1>
      {cabinetSectionsFor(actor).length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('accounts.cabinet.sections')}</h2>
          <ul class="govuk-list">
            {cabinetSectionsFor(actor).map((s) => (
              <li key={s.key}>
                <a class="govuk-link" href={s.href}>
                  {t(s.titleKey)}
                </a>
                {s.descriptionKey && <span class="govuk-body-s">: {t(s.descriptionKey)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 class="govuk-heading-m">{t('accounts.cabinet.profile')}</h2>
      <SummaryList
        rows={[
          {
            key: t('accounts.cabinet.name'),
            value: user.displayName,
            actions: accountsPolicy.canChangeName(actor)
              ? [{ href: '/cabinet/name', text: t('accounts.cabinet.changeName') }]
              : [],
          },
          ...(data.roles.length > 0 || user.position
            ? [
                {
                  key: t('accounts.cabinet.position'),
                  value: user.position || t('accounts.cabinet.positionNone'),
                  actions: accountsPolicy.canChangePosition(actor, user.id)
                    ? [{ href: '/cabinet/position', text: t('accounts.cabinet.changePosition') }]
                    : [],
                },
              ]
            : []),
          {
            key: t('accounts.cabinet.email'),
            value: (
              <>
                {user.email}{' '}
                {user.emailVerifiedAt ? (
                  <Tag colour="green">{t('accounts.cabinet.emailConfirmed')}</Tag>
                ) : (
                  <Tag colour="grey">{t('accounts.cabinet.emailUnconfirmed')}</Tag>
                )}
              </>
            ),
          },
          {
            key: t('accounts.cabinet.identification'),
            value: t(`accounts.cabinet.identification.${esia ? 'esia' : 'email'}`),
          },
          ...(esia && user.identityLevel
            ? [
                {
                  key: t('accounts.cabinet.identityLevel'),
                  value: t(`accounts.cabinet.level.${user.identityLevel}`),
                },
              ]
            : []),
          {
            key: t('accounts.cabinet.roles'),
            value:
              data.roles.length === 0 ? (
                t('accounts.cabinet.noRoles')
              ) : (
                <ul class="govuk-list">
                  {data.roles.map((r) => (
                    <li key={r.id}>{roleText(t, r.role, r.orgId, names)}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      <p class="govuk-body">
        <a class="govuk-link" href="/cabinet/password">
          {t(user.passwordHash ? 'accounts.cabinet.changePassword' : 'accounts.cabinet.setPassword')}
        </a>
      </p>
      {!esia && esiaProvider && (
        <>
          <p class="govuk-body">{t('accounts.cabinet.esiaWhy')}</p>
          <Button href={`/sign-in/oidc/${esiaProvider}?next=/cabinet`} variant="secondary">
            {t('accounts.cabinet.esiaLink')}
          </Button>
        </>
      )}
      <h2 class="govuk-heading-m">{t('accounts.cabinet.sessions')}</h2>
      <p class="govuk-body">{t('accounts.cabinet.sessionsLead')}</p>
      <Table
        label={t('accounts.cabinet.sessions')}
        head={[
          { text: t('accounts.cabinet.session.device') },
          { text: t('accounts.cabinet.session.started') },
          { text: t('accounts.cabinet.session.lastSeen') },
        ]}
        rows={data.sessions.map((s) => [
          <>
            {sessionUserAgent(s) || '—'}
            {s.id === currentSessionId && (
              <>
                {' '}
                <Tag colour="blue">{t('accounts.cabinet.session.current')}</Tag>
              </>
            )}
            {s.kiosk && (
              <>
                {' '}
                <Tag colour="grey">{t('accounts.cabinet.session.kiosk')}</Tag>
              </>
            )}
          </>,
          formatDateTime(s.createdAt, locale),
          formatDateTime(s.lastSeenAt, locale),
        ])}
      />
      <Form action="/sign-out/everywhere">
        <Button variant="warning">{t('accounts.cabinet.signOutEverywhere')}</Button>
      </Form>
    </>
  );
}

function PositionView({
  values,
  errors,
}: {
  values: Record<string, string | undefined>;
  errors: FieldError[];
}) {
  const { t } = useView();
  return (
    <Narrow>
      <BackLink href="/cabinet" />
      <ErrorSummary errors={errors} />
      <Form action="/cabinet/position">
        <TextInput
          name="position"
          label={t('accounts.position.label')}
          hint={t('accounts.position.hint')}
          value={values.position}
          errors={errors}
          labelSize="l"
          labelAsHeading
        />
        <Button>{t('accounts.position.submit')}</Button>
      </Form>
    </Narrow>
  );
}

function NameView({ values, errors }: { values: Record<string, string | undefined>; errors: FieldError[] }) {
  const { t } = useView();
  return (
    <Narrow>
      <BackLink href="/cabinet" />
      <ErrorSummary errors={errors} />
      <Form action="/cabinet/name">
        <Fieldset legend={t('accounts.name.title')} legendSize="l" isPageHeading>
          <TextInput
            name="lastName"
            label={t('accounts.signUp.lastName')}
            value={values.lastName}
            errors={errors}
            autocomplete="family-name"
            spellcheck={false}
          />
          <TextInput
            name="firstName"
            label={t('accounts.signUp.firstName')}
            value={values.firstName}
            errors={errors}
            autocomplete="given-name"
            spellcheck={false}
          />
          <TextInput
            name="patronymic"
            label={t('accounts.signUp.patronymic')}
            value={values.patronymic}
            errors={errors}
            autocomplete="additional-name"
            spellcheck={false}
          />
        </Fieldset>
        <Button>{t('accounts.name.submit')}</Button>
      </Form>
    </Narrow>
  );
}

function PasswordView({ errors, hasPassword }: { errors: FieldError[]; hasPassword: boolean }) {
  const { t } = useView();
  return (
    <Narrow>
      <BackLink href="/cabinet" />
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('accounts.password.title')}</h1>
      <Form action="/cabinet/password">
        {hasPassword && (
          <PasswordInput
            name="currentPassword"
            label={t('accounts.password.current')}
            errors={errors}
            autocomplete="current-password"
          />
        )}
        <PasswordInput
          name="password"
          label={t('accounts.password.new')}
          hint={t('accounts.signUp.passwordHint')}
          errors={errors}
          autocomplete="new-password"
        />
        <PasswordInput
          name="passwordConfirm"
          label={t('accounts.signUp.passwordConfirm')}
          errors={errors}
          autocomplete="new-password"
        />
        <Button>{t('accounts.password.submit')}</Button>
      </Form>
    </Narrow>
  );
}

const cabinetCrumbs = (req: FastifyRequest) => [
  { href: '/', text: req.t('ui.nav.home') },
  { href: '/cabinet', text: req.t('accounts.cabinet.title') },
];

async function esiaProviderId(req: FastifyRequest): Promise<string | null> {
  const list = await signInProviders(req.server.deps);
  return list.find((p) => p.identification === 'esia')?.id ?? null;
}

function signedIn(req: FastifyRequest, reply: FastifyReply): Extract<Actor, { kind: 'user' }> | null {
  if (requireSignIn(req, reply)) return null;
  return isSignedIn(req.actor) ? req.actor : null;
}

/** /cabinet: the citizen's own page; /cabinet/name and /cabinet/password change the profile. */
export async function cabinetRoutes(app: FastifyInstance) {
  app.get('/cabinet', async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    noticeFrom(req, {
      name: 'accounts.cabinet.notice.name',
      position: 'accounts.cabinet.notice.position',
      password: 'accounts.cabinet.notice.password',
      esia: 'accounts.cabinet.notice.esia',
    });
    const data = await getCabinet(app.deps, req.actor);
    const names = await orgNames(app.deps.db, req.locale);
    return reply.page(
      req.t('accounts.cabinet.title'),
      <CabinetView
        data={data}
        currentSessionId={req.session?.id ?? null}
        names={names}
        esiaProvider={await esiaProviderId(req)}
      />,
      { breadcrumbs: [{ href: '/', text: req.t('ui.nav.home') }, { text: req.t('accounts.cabinet.title') }] },
    );
  });

  const namePage =
    (req: FastifyRequest): RenderForm =>
    (form) => ({
      title: req.t('accounts.name.title'),
      body: <NameView {...form} />,
      breadcrumbs: cabinetCrumbs(req),
    });
  const passwordPage =
    (req: FastifyRequest, hasPassword: boolean): RenderForm =>
    (form) => ({
      title: req.t('accounts.password.title'),
      body: <PasswordView errors={form.errors} hasPassword={hasPassword} />,
      breadcrumbs: cabinetCrumbs(req),
    });

  app.get('/cabinet/name', async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const { user } = await getCabinet(app.deps, req.actor);
    if (!accountsPolicy.canChangeName(req.actor)) return reply.redirect('/cabinet', 303);
    return showForm(req, reply, namePage(req), {
      lastName: user.lastName ?? '',
      firstName: user.firstName ?? '',
      patronymic: user.patronymic ?? '',
    });
  });

  app.post('/cabinet/name', async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    return handleForm(req, reply, {
      schema: nameInput,
      render: namePage(req),
      run: async (data) => {
        await changeName(app.deps, originOf(req), data);
        return '/cabinet?notice=name';
      },
    });
  });

  const positionPage =
    (req: FastifyRequest): RenderForm =>
    (form) => ({
      title: req.t('accounts.position.title'),
      body: <PositionView {...form} />,
      breadcrumbs: cabinetCrumbs(req),
    });

  app.get('/cabinet/position', async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const { user } = await getCabinet(app.deps, req.actor);
    if (!accountsPolicy.canChangePosition(req.actor, user.id)) return reply.redirect('/cabinet', 303);
    return showForm(req, reply, positionPage(req), { position: user.position ?? '' });
  });

  app.post('/cabinet/position', async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const actor = req.actor;
    return handleForm(req, reply, {
      schema: positionInput,
      render: positionPage(req),
      run: async (data) => {
        await changePosition(app.deps, originOf(req), {
          ...data,
          userId: isSignedIn(actor) ? actor.userId : '',
        });
        return '/cabinet?notice=position';
      },
    });
  });

  app.get('/cabinet/password', async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const { user } = await getCabinet(app.deps, req.actor);
    return showForm(req, reply, passwordPage(req, !!user.passwordHash));
  });

  app.post(
    '/cabinet/password',
    { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      if (!signedIn(req, reply)) return reply;
      const { user } = await getCabinet(app.deps, req.actor);
      return handleForm(req, reply, {
        schema: changePasswordInput,
        render: passwordPage(req, !!user.passwordHash),
        forget: ['currentPassword', 'password', 'passwordConfirm'],
        run: async (data) => {
          await changePassword(app.deps, originOf(req), data, { currentSessionId: req.session?.id ?? null });
          return '/cabinet?notice=password';
        },
      });
    },
  );
}
