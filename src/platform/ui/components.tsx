import type { ComponentChildren } from 'preact';
import type { FieldError } from '../errors/index.ts';
import { useView } from './context.ts';

/*
 * GOV.UK Frontend components reproduced as Preact components, with the
 * documented markup (https://design-system.service.gov.uk/components/).
 */

export function Heading({
  children,
  size = 'l',
  caption,
}: {
  children: ComponentChildren;
  size?: 'xl' | 'l' | 'm' | 's';
  caption?: string;
}) {
  return (
    <h1 class={`govuk-heading-${size}`}>
      {caption && <span class={`govuk-caption-${size}`}>{caption}</span>}
      {children}
    </h1>
  );
}

export function Button({
  children,
  href,
  variant,
  name,
  value,
  type = 'submit',
}: {
  children: ComponentChildren;
  href?: string;
  variant?: 'secondary' | 'warning' | 'start';
  name?: string;
  value?: string;
  type?: 'submit' | 'button';
}) {
  const cls = `govuk-button${variant === 'secondary' ? ' govuk-button--secondary' : ''}${variant === 'warning' ? ' govuk-button--warning' : ''}${variant === 'start' ? ' govuk-button--start' : ''}`;
  if (href)
    return (
      <a href={href} role="button" draggable={false} class={cls} data-module="govuk-button">
        {children}
      </a>
    );
  return (
    <button type={type} class={cls} data-module="govuk-button" name={name} value={value}>
      {children}
    </button>
  );
}

/** The error summary at the top of a form: each message links to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useView();
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">{t('ui.errorSummary.title')}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.field}>
                <a href={`#${e.field}`}>{t(e.message)}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function fieldError(errors: FieldError[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}

function ErrorMessage({ id, message }: { id: string; message: string }) {
  const { t } = useView();
  return (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">{t('ui.error.prefix')}</span> {t(message)}
    </p>
  );
}

type InputProps = {
  name: string;
  label: string;
  value?: string | undefined;
  hint?: string;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'search' | 'url';
  autocomplete?: string;
  width?: '2' | '3' | '4' | '5' | '10' | '20' | '30' | 'full';
  spellcheck?: boolean;
  labelAsHeading?: boolean;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text' | 'search' | 'url';
};

export function TextInput(p: InputProps) {
  const id = p.name;
  const describedBy =
    [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const widthCls = p.width
    ? p.width === 'full'
      ? ' govuk-!-width-full'
      : ` govuk-input--width-${p.width}`
    : '';
  return (
    <div class={`govuk-form-group${p.error ? ' govuk-form-group--error' : ''}`}>
      <label class="govuk-label" for={id}>
        {p.label}
      </label>
      {p.hint && (
        <div id={`${id}-hint`} class="govuk-hint">
          {p.hint}
        </div>
      )}
      {p.error && <ErrorMessage id={id} message={p.error} />}
      <input
        class={`govuk-input${widthCls}${p.error ? ' govuk-input--error' : ''}`}
        id={id}
        name={p.name}
        type={(p.type ?? 'text') as 'text'}
        value={p.value ?? ''}
        aria-describedby={describedBy}
        autocomplete={p.autocomplete}
        spellcheck={p.spellcheck}
        inputMode={p.inputmode}
      />
    </div>
  );
}

/** A form that works without JavaScript: POST, the CSRF token, no browser validation popups. */
export function Form({
  action,
  children,
  method = 'post',
  enctype,
}: {
  action: string;
  children: ComponentChildren;
  method?: 'post' | 'get';
  enctype?: string;
}) {
  const { csrfToken } = useView();
  return (
    <form action={action} method={method} novalidate enctype={enctype}>
      {method === 'post' && <input type="hidden" name="_csrf" value={csrfToken} />}
      {children}
    </form>
  );
}

export function SummaryList({ rows }: { rows: { key: string; value: ComponentChildren }[] }) {
  return (
    <dl class="govuk-summary-list">
      {rows.map((r) => (
        <div class="govuk-summary-list__row" key={r.key}>
          <dt class="govuk-summary-list__key">{r.key}</dt>
          <dd class="govuk-summary-list__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
