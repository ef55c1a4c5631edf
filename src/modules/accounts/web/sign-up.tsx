import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { anonymousPostLimit } from '../../../platform/http/altcha.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { AltchaField } from '../../../platform/ui/altcha-field.tsx';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Fieldset,
  Form,
  fieldError,
  Narrow,
  PasswordInput,
  TextInput,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { signUpInput } from '../accounts.input.ts';
import { signUp } from '../sign-up.ts';
import { ALTCHA_FIELD, altchaErrors, EmailField } from './common.tsx';

function SignUpView({ values, errors }: { values: Record<string, string>; errors: FieldError[] }) {
  const { t } = useView();
  return (
    <Narrow>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('accounts.signUp.title')}</h1>
      <p class="govuk-body">{t('accounts.signUp.lead')}</p>
      <Form action="/sign-up">
        <EmailField
          label={t('accounts.signUp.email')}
          hint={t('accounts.signUp.emailHint')}
          value={values.email}
          errors={errors}
        />
        <Fieldset legend={t('accounts.signUp.nameLegend')} legendSize="m">
          <TextInput
            name="lastName"
            label={t('accounts.signUp.lastName')}
            value={values.lastName}
            errors={errors}
            autocomplete="family-name"
            spellcheck={false}
            width="two-thirds"
          />
          <TextInput
            name="firstName"
            label={t('accounts.signUp.firstName')}
            value={values.firstName}
            errors={errors}
            autocomplete="given-name"
            spellcheck={false}
            width="two-thirds"
          />
          <TextInput
            name="patronymic"
            label={t('accounts.signUp.patronymic')}
            value={values.patronymic}
            errors={errors}
            autocomplete="additional-name"
            spellcheck={false}
            width="two-thirds"
          />
        </Fieldset>
        <PasswordInput
          name="password"
          label={t('accounts.signUp.password')}
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
        <Checkboxes
          name="consent"
          legend={t('accounts.signUp.consentLegend')}
          legendSize="m"
          hint={t('accounts.signUp.consentHint')}
          errors={errors}
          values={values.consent}
          items={[{ value: 'yes', text: t('accounts.signUp.consent') }]}
        />
        <AltchaField error={fieldError(errors, ALTCHA_FIELD)} />
        <Button>{t('accounts.signUp.submit')}</Button>
      </Form>
      <p class="govuk-body">
        {t('accounts.signUp.haveAccount')}{' '}
        <a class="govuk-link" href="/sign-in">
          {t('accounts.signIn.submit')}
        </a>
      </p>
    </Narrow>
  );
}

function CheckEmailView() {
  const { t } = useView();
  return (
    <Narrow>
      <h1 class="govuk-heading-l">{t('accounts.signUp.checkEmail.title')}</h1>
      <p class="govuk-body">{t('accounts.signUp.checkEmail.body')}</p>
      <p class="govuk-body">{t('accounts.signUp.checkEmail.noMail')}</p>
    </Narrow>
  );
}

/** GET/POST /sign-up and the "check your e-mail" page after it. */
export async function signUpRoutes(app: FastifyInstance) {
  const signUpPage =
    (req: FastifyRequest): RenderForm =>
    (form) => ({ title: req.t('accounts.signUp.title'), body: <SignUpView {...form} /> });

  app.get('/sign-up', async (req, reply) => showForm(req, reply, signUpPage(req)));

  app.post(
    '/sign-up',
    // Without the proof of work: 10 sign-ups an hour per address; with it: 50.
    { config: { rateLimit: anonymousPostLimit({ withPow: 50, withoutPow: 10, timeWindow: '1 hour' }) } },
    async (req, reply) =>
      handleForm(req, reply, {
        schema: signUpInput,
        render: signUpPage(req),
        forget: ['password', 'passwordConfirm'],
        check: () => altchaErrors(req),
        run: async (data) => {
          await signUp(app.deps, originOf(req), data, { locale: req.locale });
          return '/sign-up/check-email';
        },
      }),
  );

  app.get('/sign-up/check-email', async (req, reply) =>
    reply.page(req.t('accounts.signUp.checkEmail.title'), <CheckEmailView />),
  );
}
