import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { anonymousPostLimit } from '../../../platform/http/altcha.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
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
import { ALTCHA_FIELD, altchaErrors, EmailField } from './common.tsx';

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
  const requestPage =
    (req: FastifyRequest): RenderForm =>
    (form) => ({ title: req.t('accounts.reset.title'), body: <RequestView {...form} /> });
  const newPasswordPage =
    (req: FastifyRequest, token: string): RenderForm =>
    (form) => ({
      title: req.t('accounts.reset.new.title'),
      body: <NewPasswordView token={token} errors={form.errors} />,
    });
  const invalid = (req: FastifyRequest, reply: FastifyReply) =>
    reply.page(req.t('accounts.reset.invalid.title'), <InvalidView />, { status: 404 });

  app.get('/password-reset', async (req, reply) => showForm(req, reply, requestPage(req)));

  app.post(
    '/password-reset',
    { config: { rateLimit: anonymousPostLimit({ withPow: 20, withoutPow: 5, timeWindow: '1 hour' }) } },
    async (req, reply) =>
      handleForm(req, reply, {
        schema: resetRequestInput,
        render: requestPage(req),
        check: () => altchaErrors(req),
        run: async (data) => {
          await requestPasswordReset(app.deps, originOf(req), data);
          return '/password-reset/sent';
        },
      }),
  );

  app.get('/password-reset/sent', async (req, reply) =>
    reply.page(req.t('accounts.reset.sent.title'), <SentView />),
  );

  app.get<{ Params: { token: string } }>('/password-reset/:token', async (req, reply) => {
    const { token } = req.params;
    if (!tokenShape.test(token) || !(await resetTokenUsable(app.deps, token))) return invalid(req, reply);
    return showForm(req, reply, newPasswordPage(req, token));
  });

  app.post<{ Params: { token: string } }>(
    '/password-reset/:token',
    { config: { rateLimit: anonymousPostLimit({ withPow: 50, withoutPow: 10, timeWindow: '1 hour' }) } },
    async (req, reply) => {
      const { token } = req.params;
      if (!tokenShape.test(token)) return invalid(req, reply);
      return handleForm(req, reply, {
        schema: resetPasswordInput,
        render: newPasswordPage(req, token),
        forget: ['password', 'passwordConfirm'],
        check: () => altchaErrors(req),
        run: async (data) => {
          const ok = await resetPassword(app.deps, originOf(req), { token, password: data.password });
          return ok ? '/sign-in?notice=passwordReset' : invalid(req, reply);
        },
      });
    },
  );
}
