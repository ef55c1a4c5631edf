import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { anonymousPostLimit, limitPerKey } from '../../../platform/http/altcha.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { safeLocalPath } from '../../../platform/http/redirect.ts';
import { AltchaField } from '../../../platform/ui/altcha-field.tsx';
import {
  Button,
  ErrorSummary,
  Form,
  fieldError,
  InsetText,
  Narrow,
  PasswordInput,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { signInInput } from '../accounts.input.ts';
import { type ProviderButton, signInProviders } from '../oidc/providers.ts';
import { signInWithPassword } from '../sign-in-with-password.ts';
import { ALTCHA_FIELD, altchaErrors, EmailField, formBody, noticeFrom } from './common.tsx';
import { setSessionCookie } from './session-plugin.ts';

type Props = {
  values: Record<string, string>;
  errors: FieldError[];
  next: string;
  providers: ProviderButton[];
};

function SignInView({ values, errors, next, providers }: Props) {
  const { t, locale, kiosk } = useView();
  const nextQuery = next !== '/cabinet' ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <Narrow>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('accounts.signIn.title')}</h1>
      {kiosk && <InsetText>{t('accounts.signIn.kiosk')}</InsetText>}
      {providers.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('accounts.signIn.withProvider')}</h2>
          {providers.some((p) => p.identification === 'esia') && (
            <p class="govuk-body">{t('accounts.signIn.esiaHint')}</p>
          )}
          <div class="govuk-button-group">
            {providers.map((p) => (
              <Button key={p.id} href={`/sign-in/oidc/${p.id}${nextQuery}`} variant="secondary">
                {locale === 'en' ? p.labelEn : p.labelRu}
              </Button>
            ))}
          </div>
          <h2 class="govuk-heading-m">{t('accounts.signIn.withPassword')}</h2>
        </>
      )}
      <Form action="/sign-in">
        <input type="hidden" name="next" value={next} />
        <EmailField label={t('accounts.signIn.email')} value={values.email} errors={errors} />
        <PasswordInput
          name="password"
          label={t('accounts.signIn.password')}
          errors={errors}
          autocomplete="current-password"
        />
        <AltchaField error={fieldError(errors, ALTCHA_FIELD)} />
        <Button>{t('accounts.signIn.submit')}</Button>
      </Form>
      <p class="govuk-body">
        <a class="govuk-link" href="/password-reset">
          {t('accounts.signIn.forgot')}
        </a>
      </p>
      <p class="govuk-body">
        {t('accounts.signIn.noAccount')}{' '}
        <a class="govuk-link" href="/sign-up">
          {t('accounts.signIn.signUp')}
        </a>
      </p>
    </Narrow>
  );
}

const notices = {
  confirmed: 'accounts.notice.confirmed',
  passwordReset: 'accounts.notice.passwordReset',
  signedOut: 'accounts.notice.signedOut',
  signedOutEverywhere: 'accounts.notice.signedOutEverywhere',
  oidcFailed: 'accounts.notice.oidcFailed',
  oidcEmailTaken: 'accounts.notice.oidcEmailTaken',
  oidcLinkedElsewhere: 'accounts.notice.oidcLinkedElsewhere',
  oidcConsentRefused: 'accounts.notice.oidcConsentRefused',
  kioskEnded: 'accounts.notice.kioskEnded',
};

function UnconfirmedView({ email }: { email: string }) {
  const { t } = useView();
  return (
    <Narrow>
      <h1 class="govuk-heading-l">{t('accounts.signIn.unconfirmed.title')}</h1>
      <p class="govuk-body">{t('accounts.signIn.unconfirmed.body', { email })}</p>
    </Narrow>
  );
}

/** The account a sign-in attempt is for, as the rate limits count it. */
function accountKey(req: FastifyRequest): string {
  return String(formBody(req).email ?? '')
    .trim()
    .toLowerCase();
}

/** GET/POST /sign-in: e-mail and password, or an OpenID Connect provider (ЕСИА). */
export async function signInRoutes(app: FastifyInstance) {
  const signInPage =
    (req: FastifyRequest, next: string): RenderForm =>
    async (form) => ({
      title: req.t('accounts.signIn.title'),
      body: <SignInView {...form} next={next} providers={await signInProviders(app.deps)} />,
    });

  app.get('/sign-in', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const next = safeLocalPath(q.next, app.deps.config.publicUrl, '/cabinet');
    if (isSignedIn(req.actor) && !q.notice) return reply.redirect(next, 303);
    noticeFrom(req, notices);
    return showForm(req, reply, signInPage(req, next));
  });

  app.post(
    '/sign-in',
    {
      // Per client address: 50 tries per 10 minutes without the proof of work, 300 with it
      // (a whole office or library may share one address); per address and account: 10; per
      // account from any number of addresses: 30, so a botnet cannot guess one password at leisure.
      config: { rateLimit: anonymousPostLimit({ withPow: 300, withoutPow: 50, timeWindow: '10 minutes' }) },
      preHandler: [
        limitPerKey(app, {
          max: 10,
          timeWindow: '10 minutes',
          key: (req) => `sign-in|${req.ip}|${accountKey(req)}`,
        }),
        limitPerKey(app, {
          max: 30,
          timeWindow: '10 minutes',
          key: (req) => `sign-in-account|${accountKey(req)}`,
        }),
      ],
    },
    async (req, reply) => {
      const next = safeLocalPath(formBody(req).next, app.deps.config.publicUrl, '/cabinet');
      return handleForm(req, reply, {
        schema: signInInput,
        render: signInPage(req, next),
        forget: ['password'],
        check: () => altchaErrors(req),
        run: async (data) => {
          const result = await signInWithPassword(app.deps, originOf(req), data, {
            kiosk: req.kiosk,
            userAgent: req.headers['user-agent'],
            replaceSession: req.session?.id ?? null,
          });
          if (result.kind === 'unconfirmed')
            return reply.page(
              req.t('accounts.signIn.unconfirmed.title'),
              <UnconfirmedView email={result.email} />,
            );
          setSessionCookie(req, reply, result.token, req.kiosk);
          return next;
        },
      });
    },
  );
}
