import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { safeLocalPath } from '../../../platform/http/redirect.ts';
import { openSecret, SecretError, sealSecret } from '../../../platform/secrets/index.ts';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  Narrow,
  SummaryList,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { oidcConsentInput } from '../accounts.input.ts';
import type { IdentityClaims } from '../oidc/client.ts';
import { findProvider } from '../oidc/client.ts';
import { OIDC_CONSENT_VERSION, signInWithOidc } from '../sign-in-with-oidc.ts';
import { setSessionCookie } from './session-plugin.ts';

/*
 * The 152-ФЗ consent before a first sign-in through ЕСИА (or another OpenID
 * Connect provider) creates an account. The callback stores nothing when the
 * account would be new: it seals what the provider said (AES-256-GCM under the
 * secrets key, so it can be neither read nor altered on the way) into a cookie
 * of 15 minutes and shows this page. Agreeing creates the account with the
 * consent's version in its audit entry and signs in; without an answer there
 * is no session, so nothing else can be done in between.
 *
 * Refusing deletes the cookie and stores nothing at all: no account, no
 * identity link, no audit entry. What remains is what every visitor leaves:
 * the request log's method, route, status and network address, kept for the
 * security of the system (152-ФЗ ст. 6 ч. 1 п. 7, ст. 19), with no name,
 * e-mail or ЕСИА identifier in it (test/security/no-personal-data-in-logs).
 */

export const CONSENT_COOKIE = 'oidc_consent';
const COOKIE_PATH = '/sign-in/oidc';
const CONSENT_PATH = '/sign-in/oidc/consent';
const TTL_MS = 15 * 60 * 1000;

type Pending = { provider: string; claims: IdentityClaims; next: string; exp: number };

function cookieOpts(app: FastifyInstance) {
  return {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.deps.config.secureCookies,
  };
}

/** Keep the provider's answer in the browser, sealed, and show the consent page. */
export function askConsent(
  app: FastifyInstance,
  reply: FastifyReply,
  pending: Omit<Pending, 'exp'>,
): FastifyReply {
  const sealed = sealSecret(
    JSON.stringify({ ...pending, exp: app.deps.clock.now().getTime() + TTL_MS }),
    app.deps.config.secretKeys,
  );
  reply.setCookie(CONSENT_COOKIE, sealed, { ...cookieOpts(app), maxAge: TTL_MS / 1000 });
  return reply.redirect(CONSENT_PATH, 303);
}

function readPending(app: FastifyInstance, req: FastifyRequest): Pending | null {
  const raw = req.cookies[CONSENT_COOKIE];
  if (!raw) return null;
  try {
    const p = JSON.parse(openSecret(raw, app.deps.config.secretKeys)) as Pending;
    return typeof p.provider === 'string' &&
      typeof p.claims?.subject === 'string' &&
      p.exp > app.deps.clock.now().getTime()
      ? p
      : null;
  } catch (err) {
    if (err instanceof SecretError || err instanceof SyntaxError) return null;
    throw err;
  }
}

function ConsentView({ claims, errors }: { claims: IdentityClaims; errors: FieldError[] }) {
  const { t } = useView();
  const name = [claims.lastName, claims.firstName, claims.patronymic].filter(Boolean).join(' ');
  const none = t('accounts.oidcConsent.none');
  return (
    <Narrow>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('accounts.oidcConsent.title')}</h1>
      <p class="govuk-body-l">{t('accounts.oidcConsent.lead')}</p>
      <h2 class="govuk-heading-m">{t('accounts.oidcConsent.whatHeading')}</h2>
      <SummaryList
        rows={[
          { key: t('accounts.oidcConsent.name'), value: name || none },
          { key: t('accounts.oidcConsent.email'), value: claims.email ?? none },
          {
            key: t('accounts.oidcConsent.level'),
            value: claims.level ? t(`accounts.cabinet.level.${claims.level}`) : none,
          },
          { key: t('accounts.oidcConsent.subject'), value: t('accounts.oidcConsent.subjectValue') },
        ]}
      />
      <h2 class="govuk-heading-m">{t('accounts.oidcConsent.whyHeading')}</h2>
      <p class="govuk-body">{t('accounts.oidcConsent.why')}</p>
      <p class="govuk-body">{t('accounts.oidcConsent.keep')}</p>
      <h2 class="govuk-heading-m">{t('accounts.oidcConsent.withdrawHeading')}</h2>
      <p class="govuk-body">{t('accounts.oidcConsent.withdraw')}</p>
      <p class="govuk-body">{t('accounts.oidcConsent.ifRefused')}</p>
      <Form action={CONSENT_PATH}>
        <ButtonGroup>
          <Button name="decision" value="agree" id="decision">
            {t('accounts.oidcConsent.agree')}
          </Button>
          <Button name="decision" value="refuse" variant="secondary">
            {t('accounts.oidcConsent.refuse')}
          </Button>
        </ButtonGroup>
      </Form>
    </Narrow>
  );
}

/** GET/POST /sign-in/oidc/consent: the consent a first ЕСИА sign-in answers before its account exists. */
export async function oidcConsentRoutes(app: FastifyInstance) {
  const page =
    (req: FastifyRequest, claims: IdentityClaims): RenderForm =>
    (form) => ({
      title: req.t('accounts.oidcConsent.title'),
      body: <ConsentView claims={claims} errors={form.errors} />,
    });
  const expired = (reply: FastifyReply) => reply.redirect('/sign-in?notice=oidcFailed', 303);

  app.get(CONSENT_PATH, async (req, reply) => {
    const pending = readPending(app, req);
    if (!pending) return expired(reply);
    return showForm(req, reply, page(req, pending.claims));
  });

  app.post(
    CONSENT_PATH,
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const pending = readPending(app, req);
      if (!pending) return expired(reply);
      return handleForm(req, reply, {
        schema: oidcConsentInput,
        render: page(req, pending.claims),
        run: async ({ decision }) => {
          reply.clearCookie(CONSENT_COOKIE, cookieOpts(app));
          // Refused: nothing was stored, and the provider's answer leaves with the cookie.
          if (decision === 'refuse') return '/sign-in?notice=oidcConsentRefused';
          const provider = await findProvider(app, pending.provider);
          if (!provider) return '/sign-in?notice=oidcFailed';
          const result = await signInWithOidc(
            app.deps,
            originOf(req),
            { provider, claims: pending.claims, consent: OIDC_CONSENT_VERSION },
            {
              kiosk: req.kiosk,
              userAgent: req.headers['user-agent'],
              replaceSession: req.session?.id ?? null,
            },
          );
          if (result.kind === 'signed_in') {
            setSessionCookie(req, reply, result.token, req.kiosk);
            return safeLocalPath(pending.next, app.deps.config.publicUrl, '/cabinet');
          }
          if (result.kind === 'email_taken') return '/sign-in?notice=oidcEmailTaken';
          return '/sign-in?notice=oidcFailed';
        },
      });
    },
  );
}
