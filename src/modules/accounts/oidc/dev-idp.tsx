import { generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { z } from 'zod';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { Deps } from '../../../platform/deps.ts';
import { InvalidInput } from '../../../platform/errors/index.ts';
import { type FormState, handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { openSecret, sealSecret } from '../../../platform/secrets/index.ts';
import {
  Button,
  ErrorSummary,
  Form,
  Narrow,
  PasswordInput,
  Table,
  TextInput,
  WarningText,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { callbackUrl, DEV_IDP_CLIENT_ID, DEV_IDP_PATH, devIdpClientSecret } from './client.ts';
import { devIdpRepository } from './dev-idp.repository.ts';
import { DEV_IDP_PROVIDER } from './providers.ts';

/**
 * The demo citizens of the local identity provider that plays ЕСИА at
 * /dev-idp (SEED=demo and tests only). The first is also seeded as the
 * ЕСИА-identified demo citizen of the portal (seed-demo-accounts.ts).
 */
export const devIdpCitizens = [
  {
    subject: 'esia-demo-1000001',
    login: 'ivanova',
    password: 'gosuslugi-1',
    email: 'm.ivanova@esia-demo.example',
    familyName: 'Иванова',
    givenName: 'Мария',
    middleName: 'Сергеевна',
    level: 'verified',
  },
  {
    subject: 'esia-demo-1000002',
    login: 'petrov',
    password: 'gosuslugi-2',
    email: 'a.petrov@esia-demo.example',
    familyName: 'Петров',
    givenName: 'Алексей',
    middleName: 'Николаевич',
    level: 'standard',
  },
  {
    subject: 'esia-demo-1000003',
    login: 'sidorova',
    password: 'gosuslugi-3',
    email: 'e.sidorova@esia-demo.example',
    familyName: 'Сидорова',
    givenName: 'Екатерина',
    middleName: null,
    level: 'simplified',
  },
] as const;

/**
 * The provider's signing key, one for every process on the database: made by the first process
 * that needs it and kept sealed in dev_idp_store, so a token signed by one process verifies
 * against the keys another publishes.
 */
async function signingKey(deps: Deps): Promise<Record<string, unknown>> {
  const fresh = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: 'dev-idp-1',
    use: 'sig',
    alg: 'RS256',
  };
  const kept = await devIdpRepository.firstOf(
    deps.db,
    'SigningKey',
    'dev-idp-1',
    { sealed: sealSecret(JSON.stringify(fresh), deps.config.secretKeys) },
    new Date('9999-12-31T00:00:00Z'),
  );
  return JSON.parse(openSecret(String(kept.sealed), deps.config.secretKeys)) as Record<string, unknown>;
}

/**
 * oidc-provider's storage in PostgreSQL (dev_idp_store): the steps of one sign-in (authorisation,
 * the login form, the code exchange the portal makes from its own process) may each reach a
 * different app process.
 */
function databaseAdapter(db: DbOrTx) {
  return class DatabaseAdapter {
    constructor(private model: string) {}
    async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
      await devIdpRepository.upsert(db, this.model, id, payload, new Date(Date.now() + expiresIn * 1000));
    }
    async find(id: string) {
      return (await devIdpRepository.find(db, this.model, id, new Date())) as never;
    }
    async findByUid(uid: string) {
      return (await devIdpRepository.findBy(db, this.model, 'uid', uid, new Date())) as never;
    }
    async findByUserCode(userCode: string) {
      return (await devIdpRepository.findBy(db, this.model, 'userCode', userCode, new Date())) as never;
    }
    async consume(id: string) {
      await devIdpRepository.consume(db, this.model, id, Math.floor(Date.now() / 1000));
    }
    async destroy(id: string) {
      await devIdpRepository.destroy(db, this.model, id);
    }
    async revokeByGrantId(grantId: string) {
      await devIdpRepository.revokeByGrantId(db, grantId);
    }
  };
}

function providerFor(app: FastifyInstance, key: Record<string, unknown>): Provider {
  const { deps } = app;
  const config: Configuration = {
    clients: [
      {
        client_id: DEV_IDP_CLIENT_ID,
        client_secret: devIdpClientSecret(deps),
        redirect_uris: [callbackUrl(deps, DEV_IDP_PROVIDER)],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    adapter: databaseAdapter(deps.db),
    jwks: { keys: [key as never] },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 1800,
      Session: 3600,
      Grant: 3600,
    },
    cookies: { keys: [devIdpClientSecret(deps)] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['family_name', 'given_name', 'middle_name', 'trust_level'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `${DEV_IDP_PATH}/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const c = devIdpCitizens.find((x) => x.subject === sub);
      if (!c) return undefined;
      return {
        accountId: c.subject,
        async claims() {
          return {
            sub: c.subject,
            email: c.email,
            email_verified: true,
            family_name: c.familyName,
            given_name: c.givenName,
            ...(c.middleName ? { middle_name: c.middleName } : {}),
            trust_level: c.level,
          };
        },
      };
    },
    // A demo provider asks no consent: the portal is its only client.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { session, client } = ctx.oidc;
      if (!session?.accountId || !client) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) {
        const existing = await ctx.oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      const msg = String(out.error_description ?? out.error ?? 'error').replace(/[<>&"]/g, '');
      ctx.body = `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Ошибка входа — демонстрационная ЕСИА</title></head><body><h1>Ошибка входа</h1><p>${msg}</p><p><a href="/sign-in">Вернуться на портал</a></p></body></html>`;
    },
  };
  const provider = new Provider(`${deps.config.publicUrl}${DEV_IDP_PATH}`, config);
  provider.proxy = true;
  return provider;
}

const loginInput = z.object({
  login: z.string().trim().min(1, 'devIdp.failed').max(100),
  password: z.string().min(1, 'devIdp.failed').max(200),
});

function LoginView({ uid, values, errors }: { uid: string } & FormState) {
  const { t } = useView();
  // one message for any failure: the page does not say which of the two was wrong
  const failed = errors.length > 0;
  return (
    <Narrow>
      <ErrorSummary errors={failed ? [{ field: 'login', message: 'devIdp.failed' }] : []} />
      <h1 class="govuk-heading-l">{t('devIdp.title')}</h1>
      <WarningText>{t('devIdp.warning')}</WarningText>
      <Form action={`${DEV_IDP_PATH}/interaction/${uid}/login`}>
        <TextInput
          name="login"
          label={t('devIdp.login')}
          value={values.login}
          error={failed ? 'devIdp.failed' : undefined}
          autocomplete="username"
          spellcheck={false}
          autocapitalize="none"
        />
        <PasswordInput name="password" label={t('devIdp.password')} autocomplete="current-password" />
        <Button>{t('devIdp.submit')}</Button>
      </Form>
      <Form action={`${DEV_IDP_PATH}/interaction/${uid}/abort`}>
        <Button variant="secondary">{t('devIdp.cancel')}</Button>
      </Form>
      <Table
        caption={t('devIdp.accounts')}
        head={[
          { text: t('devIdp.col.login') },
          { text: t('devIdp.col.password') },
          { text: t('devIdp.col.name') },
          { text: t('devIdp.col.level') },
        ]}
        rows={devIdpCitizens.map((c) => [
          c.login,
          c.password,
          [c.familyName, c.givenName, c.middleName].filter(Boolean).join(' '),
          t(`accounts.cabinet.level.${c.level}`),
        ])}
      />
    </Narrow>
  );
}

/**
 * The local OpenID Connect provider playing ЕСИА, mounted at /dev-idp only
 * when SEED=demo (and in tests that set it): oidc-provider handles the
 * protocol endpoints, these routes render its sign-in page in the portal's
 * layout, in Russian, without JavaScript.
 */
export async function devIdpRoutes(app: FastifyInstance) {
  // expired codes and sessions of earlier runs go first
  await devIdpRepository.deleteExpired(app.deps.db, new Date());
  const provider = providerFor(app, await signingKey(app.deps));
  const callback = provider.callback();

  // The protocol endpoints: oidc-provider reads the raw request itself, so no body parsing here.
  await app.register(async (koa) => {
    koa.removeAllContentTypeParsers();
    koa.addContentTypeParser('*', (_req, _payload, done) => done(null));
    const pass = async (req: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      const raw = req.raw as IncomingMessage & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = (raw.url ?? '').slice(DEV_IDP_PATH.length) || '/';
      callback(raw, reply.raw);
    };
    koa.all(DEV_IDP_PATH, pass);
    koa.all(`${DEV_IDP_PATH}/*`, pass);
  });

  const limit = { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } };
  const loginPage =
    (req: FastifyRequest, uid: string): RenderForm =>
    (form) => ({ title: req.t('devIdp.title'), body: <LoginView uid={uid} {...form} /> });

  app.get<{ Params: { uid: string } }>(`${DEV_IDP_PATH}/interaction/:uid`, async (req, reply) => {
    let details: Awaited<ReturnType<Provider['interactionDetails']>>;
    try {
      details = await provider.interactionDetails(req.raw, reply.raw);
    } catch {
      return reply.redirect('/sign-in?notice=oidcFailed', 303);
    }
    if (details.uid !== req.params.uid) return reply.redirect('/sign-in?notice=oidcFailed', 303);
    return showForm(req, reply, loginPage(req, details.uid));
  });

  app.post<{ Params: { uid: string } }>(`${DEV_IDP_PATH}/interaction/:uid/login`, limit, async (req, reply) =>
    handleForm(req, reply, {
      schema: loginInput,
      render: loginPage(req, req.params.uid),
      forget: ['password'],
      run: async (data) => {
        const citizen = devIdpCitizens.find(
          (c) => c.login === data.login.toLowerCase() && c.password === data.password,
        );
        if (!citizen) throw new InvalidInput([{ field: 'login', message: 'devIdp.failed' }]);
        await finishLogin(req, reply, citizen.subject);
        return reply;
      },
    }),
  );

  async function finishLogin(req: FastifyRequest, reply: FastifyReply, subject: string) {
    reply.hijack();
    try {
      await provider.interactionFinished(
        req.raw,
        reply.raw,
        { login: { accountId: subject } },
        { mergeWithLastSubmission: false },
      );
    } catch {
      reply.raw.writeHead(303, { location: '/sign-in?notice=oidcFailed' }).end();
    }
  }

  app.post<{ Params: { uid: string } }>(
    `${DEV_IDP_PATH}/interaction/:uid/abort`,
    limit,
    async (req, reply) => {
      reply.hijack();
      try {
        await provider.interactionFinished(
          req.raw,
          reply.raw,
          { error: 'access_denied', error_description: 'Вход отменён' },
          { mergeWithLastSubmission: false },
        );
      } catch {
        reply.raw.writeHead(303, { location: '/sign-in?notice=oidcFailed' }).end();
      }
    },
  );
}
