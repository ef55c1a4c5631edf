import { useView } from './context.ts';

/**
 * The place of the ALTCHA proof-of-work widget in an anonymous form. The
 * browser script (public/build/altcha-enhance.js) turns it into the widget,
 * which puts its solution into a hidden `altcha` field; without JavaScript it
 * stays empty and the server applies the stricter rate limit instead.
 */
export function AltchaField({ error }: { error?: string | undefined }) {
  const { t, locale } = useView();
  return (
    <div
      class={`govuk-form-group app-altcha${error ? ' govuk-form-group--error' : ''}`}
      id="altcha"
      data-module="app-altcha"
      data-challenge-url="/altcha/challenge"
      data-locale={locale}
    >
      {error && (
        <p id="altcha-error" class="govuk-error-message">
          <span class="govuk-visually-hidden">{t('ui.error.prefix')}</span> {t(error)}
        </p>
      )}
    </div>
  );
}
