import type { FastifyInstance } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { anonymousPostLimit } from '../../../platform/http/altcha.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { AltchaField } from '../../../platform/ui/altcha-field.tsx';
import {
  Button,
  ErrorSummary,
  Form,
  fieldError,
  Narrow,
  PasswordInput,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { resetPasswordInput, resetRequestInput } from '../accounts.input.ts';
import { requestPasswordReset } from '../request-password-reset.ts';
import { resetPassword, resetTokenUsable } from '../reset-password.ts';
import { ALTCHA_FIELD, altchaErrors, EmailField, formBody } from './common.tsx';

function RequestView({ values, errors }: { values: Record<string, string>; errors: FieldError[] }) {
  const { t } = useView();
  return (
    <Narrow>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('accounts.reset.title')}</h1>
      <p class="govuk-body">{t('accounts.reset.lead')}</p>
      <Form action="/password-reset">
        <EmailField label={t('accounts.signIn.email')} value={values.email} errors={errors} />
        <AltchaField error={fieldError(errors, ALTCHA_FIELD)} />
        <Button>{t('accounts.reset.submit')}</Button>
      </Form>
    </Narrow>
  );
}

function SentView() {
  const { t } = useView();
  return (
    <Narrow>
      <h1 class="govuk-heading-l">{t('accounts.reset.sent.title')}</h1>
      <p class="govuk-body">{t('accounts.reset.sent.body')}</p>
    </Narrow>
  );
}

function NewPasswordView({ token, errors }: { token: string; errors: FieldError[] }) {
  const { t } = useView();
  return (
    <Narrow>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('accounts.reset.new.title')}</h1>
      <Form action={`/password-reset/${token}`}>
        <PasswordInput
          name="password"
          label={t('accounts.reset.new.password')}
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
        <AltchaField error={fieldError(errors, ALTCHA_FIELD)} />
        <Button>{t('accounts.reset.new.submit')}</Button>
      </Form>
    </Narrow>
  );
}

function InvalidView() {
  const { t } = useView();
  return (
    <Narrow>
      <h1 class="govuk-heading-l">{t('accounts.reset.invalid.title')}</h1>
      <p class="govuk-body">{t('accounts.reset.invalid.body')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/password-reset">
          {t('accounts.reset.invalid.again')}
        </a>
      </p>
    </Narrow>
  );
}

const tokenShape = /^[A-Za-z0-9_-]{20,100}$/;

/** /password-reset (ask for a link) and /password-reset/<token> (set the new password). */
export async function passwordResetRoutes(app: FastifyInstance) {
  app.get('/password-reset', async (req, reply) =>
    reply.page(req.t('accounts.reset.title'), <RequestView values={{}} errors={[]} />),
  );

  app.post(
    '/password-reset',
    { config: { rateLimit: anonymousPostLimit({ withPow: 20, withoutPow: 5, timeWindow: '1 hour' }) } },
    async (req, reply) => {
      const parsed = parseForm(resetRequestInput, formBody(req));
      const altcha = await altchaErrors(req);
      if (!parsed.ok || altcha.length) {
        const values = parsed.ok ? { email: parsed.data.email } : parsed.values;
        const errors = [...(parsed.ok ? [] : parsed.errors), ...altcha];
        return reply.page(req.t('accounts.reset.title'), <RequestView values={values} errors={errors} />, {
          status: 422,
        });
      }
      await requestPasswordReset(app.deps, originOf(req), parsed.data);
      return reply.redirect('/password-reset/sent', 303);
    },
  );

  app.get('/password-reset/sent', async (req, reply) =>
    reply.page(req.t('accounts.reset.sent.title'), <SentView />),
  );

  app.get<{ Params: { token: string } }>('/password-reset/:token', async (req, reply) => {
    const { token } = req.params;
    if (!tokenShape.test(token) || !(await resetTokenUsable(app.deps, token))) {
      return reply.page(req.t('accounts.reset.invalid.title'), <InvalidView />, { status: 404 });
    }
    return reply.page(req.t('accounts.reset.new.title'), <NewPasswordView token={token} errors={[]} />);
  });

  app.post<{ Params: { token: string } }>(
    '/password-reset/:token',
    { config: { rateLimit: anonymousPostLimit({ withPow: 50, withoutPow: 10, timeWindow: '1 hour' }) } },
    async (req, reply) => {
      const { token } = req.params;
      if (!tokenShape.test(token)) {
        return reply.page(req.t('accounts.reset.invalid.title'), <InvalidView />, { status: 404 });
      }
      const parsed = parseForm(resetPasswordInput, formBody(req));
      const altcha = await altchaErrors(req);
      if (!parsed.ok || altcha.length) {
        const errors = [...(parsed.ok ? [] : parsed.errors), ...altcha];
        return reply.page(
          req.t('accounts.reset.new.title'),
          <NewPasswordView token={token} errors={errors} />,
          {
            status: 422,
          },
        );
      }
      const ok = await resetPassword(app.deps, originOf(req), { token, password: parsed.data.password });
      if (!ok) return reply.page(req.t('accounts.reset.invalid.title'), <InvalidView />, { status: 404 });
      return reply.redirect('/sign-in?notice=passwordReset', 303);
    },
  );
}
