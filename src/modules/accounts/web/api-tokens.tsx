import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { formatDateTime } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { handleForm } from '../../../platform/http/form-page.ts';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Table,
  Tag,
  TextInput,
  WarningText,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { ApiTokenRow } from '../api-tokens.repository.ts';
import { apiTokenInput, createApiToken, listApiTokens, revokeApiToken } from '../api-tokens.ts';
import { noticeFrom, requireSignIn } from './common.tsx';

function TokensView({
  tokens,
  created,
  values,
  errors,
}: {
  tokens: ApiTokenRow[];
  created: string | null;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('accounts.tokens.title')}</h1>
      <p class="govuk-body">{t('accounts.tokens.lead')}</p>
      {created && (
        <div class="govuk-panel govuk-panel--confirmation" id="new-token">
          <h2 class="govuk-panel__title govuk-!-font-size-27">{t('accounts.tokens.created')}</h2>
          <div class="govuk-panel__body govuk-!-font-size-19">
            <code>{created}</code>
          </div>
        </div>
      )}
      {created && <WarningText>{t('accounts.tokens.once')}</WarningText>}
      <InsetText>{t('accounts.tokens.howTo')}</InsetText>
      {tokens.length > 0 && (
        <Table
          head={[
            { text: t('accounts.tokens.name') },
            { text: t('accounts.tokens.createdAt') },
            { text: t('accounts.tokens.lastUsed') },
            { text: t('accounts.tokens.expires') },
            { text: t('accounts.tokens.action') },
          ]}
          rows={tokens.map((k) => [
            k.name,
            formatDateTime(k.createdAt, locale),
            k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : '—',
            formatDateTime(k.expiresAt, locale),
            k.revokedAt ? (
              <Tag key="r" colour="grey">
                {t('accounts.tokens.revoked')}
              </Tag>
            ) : (
              <Form key="f" action={`/cabinet/tokens/${k.id}/revoke`}>
                <Button variant="warning">
                  {t('accounts.tokens.revoke')}
                  <span class="govuk-visually-hidden"> {k.name}</span>
                </Button>
              </Form>
            ),
          ])}
        />
      )}
      <h2 class="govuk-heading-m">{t('accounts.tokens.new')}</h2>
      <Form action="/cabinet/tokens">
        <TextInput
          name="name"
          label={t('accounts.tokens.name')}
          hint={t('accounts.tokens.name.hint')}
          value={values.name}
          errors={errors}
          width="20"
        />
        <Button>{t('accounts.tokens.create')}</Button>
      </Form>
    </>
  );
}

/** /cabinet/tokens: personal API tokens (create, see once, revoke). */
export async function apiTokenRoutes(app: FastifyInstance) {
  const crumbs = (req: FastifyRequest) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/cabinet', text: req.t('accounts.cabinet.title') },
    { text: req.t('accounts.tokens.title') },
  ];
  async function show(
    req: FastifyRequest,
    reply: FastifyReply,
    o: {
      created?: string | null;
      values?: Record<string, string>;
      errors?: FieldError[];
      status?: number;
    } = {},
  ) {
    const tokens = await listApiTokens(app.deps, originOf(req));
    return reply.page(
      req.t('accounts.tokens.title'),
      <TokensView
        tokens={tokens}
        created={o.created ?? null}
        values={o.values ?? {}}
        errors={o.errors ?? []}
      />,
      { status: o.status ?? 200, breadcrumbs: crumbs(req) },
    );
  }

  app.get('/cabinet/tokens', async (req, reply) => {
    if (requireSignIn(req, reply)) return reply;
    noticeFrom(req, { revoked: 'accounts.tokens.revokedNotice' });
    return show(req, reply);
  });

  // The new token is shown in the POST's answer itself (no redirect): it exists nowhere else to show later.
  app.post('/cabinet/tokens', async (req, reply) => {
    if (requireSignIn(req, reply)) return reply;
    return handleForm(req, reply, {
      schema: apiTokenInput,
      render: async (form) => ({
        title: req.t('accounts.tokens.title'),
        body: <TokensView tokens={await listApiTokens(app.deps, originOf(req))} created={null} {...form} />,
        breadcrumbs: crumbs(req),
      }),
      run: async (data) => {
        const { token } = await createApiToken(app.deps, originOf(req), data);
        reply.header('cache-control', 'no-store');
        return show(req, reply, { created: token });
      },
    });
  });

  app.post<{ Params: { id: string } }>('/cabinet/tokens/:id/revoke', async (req, reply) => {
    if (requireSignIn(req, reply)) return reply;
    await revokeApiToken(app.deps, originOf(req), req.params.id);
    return reply.redirect('/cabinet/tokens?notice=revoked', 303);
  });
}
