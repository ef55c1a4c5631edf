import { type ComponentChildren, Fragment } from 'preact';
import type { FieldError } from '../errors/index.ts';
import { useView } from './context.ts';

/*
 * GOV.UK Frontend 6 form fields as Preact components, with the markup of
 * node_modules/govuk-frontend/dist/govuk/components/<name>/template.njk:
 * the hint is `<id>-hint`, the error `<id>-error`, both listed in aria-describedby.
 * `error` is an i18n key (or plain text) and is shown through t(); labels, legends
 * and hints are text the caller has already translated.
 */

type Size = 'xl' | 'l' | 'm' | 's';

/** The message for one field, from a parseForm / InvalidInput error list. */
export function fieldError(errors: FieldError[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}

function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

function joinIds(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** Props every field accepts: its name, the typed value back, a hint and an error. */
type FieldBase = {
  name: string;
  /** defaults to name; the error summary links to `#<id>` */
  id?: string;
  hint?: ComponentChildren;
  /** i18n key of the message for this field */
  error?: string | undefined;
  /** or the whole error list: the message for `name` is picked from it */
  errors?: FieldError[] | undefined;
  /** ids of other elements that describe the field */
  describedBy?: string;
  disabled?: boolean;
};

/** The field's message; one with values (`params`) is filled here, and its text passes through t() unchanged later. */
function errorOf(p: FieldBase): string | undefined {
  const { t } = useView();
  if (p.error !== undefined) return p.error;
  const e = p.errors?.find((x) => x.field === p.name);
  return e?.params ? t(e.message, e.params) : e?.message;
}

export function Label({
  for: htmlFor,
  children,
  size,
  isPageHeading,
  classes,
}: {
  for?: string;
  children: ComponentChildren;
  size?: Size | undefined;
  isPageHeading?: boolean | undefined;
  classes?: string | undefined;
}) {
  const label = (
    <label class={cx('govuk-label', size && `govuk-label--${size}`, classes)} for={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 class="govuk-label-wrapper">{label}</h1> : label;
}

export function Hint({
  id,
  children,
  classes,
}: {
  id?: string;
  children: ComponentChildren;
  classes?: string;
}) {
  return (
    <div id={id} class={cx('govuk-hint', classes)}>
      {children}
    </div>
  );
}

/** A field's error: the visually hidden «Ошибка:» prefix, then the message through t(). */
export function ErrorMessage({ id, message }: { id: string; message: string }) {
  const { t } = useView();
  return (
    <p id={id} class="govuk-error-message">
      <span class="govuk-visually-hidden">{t('ui.error.prefix')}</span> {t(message)}
    </p>
  );
}

export type LegendProps = {
  legend: ComponentChildren;
  legendSize?: Size;
  /** the legend is the page's h1 (a one-question page) */
  isPageHeading?: boolean;
};

export function Fieldset({
  legend,
  legendSize,
  isPageHeading,
  describedBy,
  role,
  classes,
  children,
}: Partial<LegendProps> & {
  describedBy?: string | undefined;
  role?: 'group';
  classes?: string;
  children: ComponentChildren;
}) {
  return (
    <fieldset class={cx('govuk-fieldset', classes)} role={role} aria-describedby={describedBy}>
      {legend !== undefined && (
        <legend class={cx('govuk-fieldset__legend', legendSize && `govuk-fieldset__legend--${legendSize}`)}>
          {isPageHeading ? <h1 class="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
      )}
      {children}
    </fieldset>
  );
}

type LabelledField = FieldBase & {
  label: ComponentChildren;
  labelSize?: Size;
  /** the label is the page's h1 */
  labelAsHeading?: boolean;
};

/** Label, hint and error of a single-control field, in GOV.UK order. */
function FieldTop({ p, id, error }: { p: LabelledField; id: string; error: string | undefined }) {
  return (
    <>
      <Label for={id} size={p.labelSize} isPageHeading={p.labelAsHeading}>
        {p.label}
      </Label>
      {p.hint !== undefined && <Hint id={`${id}-hint`}>{p.hint}</Hint>}
      {error && <ErrorMessage id={`${id}-error`} message={error} />}
    </>
  );
}

function describedByOf(p: FieldBase, id: string, error: string | undefined, first?: string) {
  return joinIds(first, p.describedBy, p.hint !== undefined && `${id}-hint`, error && `${id}-error`);
}

export type InputWidth =
  | '2'
  | '3'
  | '4'
  | '5'
  | '10'
  | '20'
  | '30'
  | 'full'
  | 'three-quarters'
  | 'two-thirds'
  | 'one-half'
  | 'one-third'
  | 'one-quarter';

function widthClass(width: InputWidth | undefined, base: string): string | undefined {
  if (!width) return undefined;
  if (/^\d+$/.test(width)) return `${base}--width-${width}`;
  return `govuk-!-width-${width}`;
}

type InputProps = LabelledField & {
  value?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'search' | 'url';
  autocomplete?: string;
  width?: InputWidth;
  spellcheck?: boolean;
  inputmode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'text' | 'search' | 'url';
  autocapitalize?: 'none' | 'off' | 'on' | 'sentences' | 'words' | 'characters';
  pattern?: string;
  prefix?: string;
  suffix?: string;
  classes?: string;
};

export function TextInput(p: InputProps) {
  const id = p.id ?? p.name;
  const error = errorOf(p);
  const input = (
    <input
      class={cx('govuk-input', widthClass(p.width, 'govuk-input'), p.classes, error && 'govuk-input--error')}
      id={id}
      name={p.name}
      type={(p.type ?? 'text') as 'text'}
      spellcheck={p.spellcheck}
      value={p.value || undefined}
      disabled={p.disabled}
      aria-describedby={describedByOf(p, id, error)}
      autocomplete={p.autocomplete}
      autocapitalize={p.autocapitalize}
      pattern={p.pattern}
      inputmode={p.inputmode}
    />
  );
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <FieldTop p={p} id={id} error={error} />
      {p.prefix || p.suffix ? (
        <div class="govuk-input__wrapper">
          {p.prefix && (
            <div class="govuk-input__prefix" aria-hidden="true">
              {p.prefix}
            </div>
          )}
          {input}
          {p.suffix && (
            <div class="govuk-input__suffix" aria-hidden="true">
              {p.suffix}
            </div>
          )}
        </div>
      ) : (
        input
      )}
    </div>
  );
}

/** A password field with the «Показать» toggle that GOV.UK's script adds (hidden without JavaScript). */
export function PasswordInput(p: Omit<InputProps, 'type' | 'prefix' | 'suffix'>) {
  const { t } = useView();
  const id = p.id ?? p.name;
  const error = errorOf(p);
  return (
    <div
      class={cx('govuk-form-group', 'govuk-password-input', error && 'govuk-form-group--error')}
      data-module="govuk-password-input"
      {...{
        'data-i18n.show-password': t('ui.password.show'),
        'data-i18n.hide-password': t('ui.password.hide'),
        'data-i18n.show-password-aria-label': t('ui.password.showLabel'),
        'data-i18n.hide-password-aria-label': t('ui.password.hideLabel'),
        'data-i18n.password-shown-announcement': t('ui.password.shown'),
        'data-i18n.password-hidden-announcement': t('ui.password.hidden'),
      }}
    >
      <FieldTop p={p} id={id} error={error} />
      <div class="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          class={cx(
            'govuk-input',
            'govuk-password-input__input',
            'govuk-js-password-input-input',
            widthClass(p.width, 'govuk-input'),
            error && 'govuk-input--error',
          )}
          id={id}
          name={p.name}
          type="password"
          spellcheck={false}
          value={p.value || undefined}
          disabled={p.disabled}
          aria-describedby={describedByOf(p, id, error)}
          autocomplete={p.autocomplete ?? 'current-password'}
          autocapitalize="none"
          inputmode={p.inputmode}
        />
        <button
          type="button"
          class="govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle"
          data-module="govuk-button"
          aria-controls={id}
          aria-label={t('ui.password.showLabel')}
          hidden
        >
          {t('ui.password.show')}
        </button>
      </div>
    </div>
  );
}

type TextareaProps = LabelledField & {
  value?: string | undefined;
  rows?: number;
  spellcheck?: boolean;
  autocomplete?: string;
  /** with a limit, the GOV.UK character count (its script counts as you type; the server still checks) */
  maxlength?: number;
  maxwords?: number;
  /** show the count only past this percentage of the limit */
  threshold?: number;
};

/** Russian needs one/few/many/other plural forms; English one/other. */
function pluralAttrs(t: (k: string) => string, attr: string, msg: string) {
  const out: Record<string, string> = {};
  for (const form of ['one', 'few', 'many', 'other'] as const) {
    out[`data-i18n.${attr}.${form}`] = t(`${msg}.${form}`);
  }
  return out;
}

export function Textarea(p: TextareaProps) {
  const { t } = useView();
  const id = p.id ?? p.name;
  const error = errorOf(p);
  const limit = p.maxwords ?? p.maxlength;
  const counted = limit !== undefined;
  const words = p.maxwords !== undefined;
  const textarea = (
    <textarea
      class={cx('govuk-textarea', error && 'govuk-textarea--error', counted && 'govuk-js-character-count')}
      id={id}
      name={p.name}
      rows={p.rows ?? 5}
      spellcheck={p.spellcheck}
      disabled={p.disabled}
      aria-describedby={describedByOf(p, id, error, counted ? `${id}-info` : undefined)}
      autocomplete={p.autocomplete}
      value={p.value || undefined}
    />
  );
  if (!counted) {
    return (
      <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
        <FieldTop p={p} id={id} error={error} />
        {textarea}
      </div>
    );
  }
  const kind = words ? 'words' : 'characters';
  return (
    <div
      class={cx('govuk-form-group', error && 'govuk-form-group--error', 'govuk-character-count')}
      data-module="govuk-character-count"
      data-maxlength={p.maxlength}
      data-maxwords={p.maxwords}
      data-threshold={p.threshold}
      {...pluralAttrs(t, `${kind}-under-limit`, `ui.count.${kind}Under`)}
      {...{ [`data-i18n.${kind}-at-limit`]: t(`ui.count.${kind}At`) }}
      {...pluralAttrs(t, `${kind}-over-limit`, `ui.count.${kind}Over`)}
    >
      <FieldTop p={p} id={id} error={error} />
      {textarea}
      <div id={`${id}-info`} class="govuk-hint govuk-character-count__message">
        {t(words ? 'ui.count.wordsLimit' : 'ui.count.charactersLimit', { count: limit })}
      </div>
    </div>
  );
}

export type ChoiceItem = {
  value: string;
  text: ComponentChildren;
  hint?: ComponentChildren;
  disabled?: boolean;
  /** a «или» divider before this item */
  dividerBefore?: string;
  /** checkboxes only: «none of these» unticks the others (with JavaScript) */
  exclusive?: boolean;
};

type ChoicesProps = FieldBase &
  Partial<LegendProps> & {
    items: ChoiceItem[];
    small?: boolean;
    classes?: string;
  };

/** The id of item n (1-based): the first has no suffix so the error summary can link to it. */
function itemId(prefix: string, index: number) {
  return index > 1 ? `${prefix}-${index}` : prefix;
}

function Choices({
  p,
  kind,
  isChecked,
}: {
  p: ChoicesProps & { inline?: boolean };
  kind: 'radios' | 'checkboxes';
  isChecked: (v: string) => boolean;
}) {
  const prefix = p.id ?? p.name;
  const error = errorOf(p);
  const describedBy = joinIds(
    p.describedBy,
    p.hint !== undefined && `${prefix}-hint`,
    error && `${prefix}-error`,
  );
  const inputCls = `govuk-${kind}__input`;
  const body = (
    <>
      {p.hint !== undefined && <Hint id={`${prefix}-hint`}>{p.hint}</Hint>}
      {error && <ErrorMessage id={`${prefix}-error`} message={error} />}
      <div
        class={cx(
          `govuk-${kind}`,
          p.small && `govuk-${kind}--small`,
          p.inline && kind === 'radios' && 'govuk-radios--inline',
          p.classes,
        )}
        data-module={`govuk-${kind}`}
      >
        {p.items.map((item, i) => {
          const iid = itemId(prefix, i + 1);
          const hintId = item.hint !== undefined ? `${iid}-item-hint` : undefined;
          // Without a fieldset, a lone checkbox carries the group's description itself.
          const itemDescribedBy =
            kind === 'checkboxes' ? joinIds(p.legend === undefined && describedBy, hintId) : hintId;
          return (
            <Fragment key={item.value}>
              {item.dividerBefore && <div class={`govuk-${kind}__divider`}>{item.dividerBefore}</div>}
              <div class={`govuk-${kind}__item`}>
                <input
                  class={inputCls}
                  id={iid}
                  name={p.name}
                  type={kind === 'radios' ? 'radio' : 'checkbox'}
                  value={item.value}
                  checked={isChecked(item.value)}
                  disabled={item.disabled}
                  data-behaviour={item.exclusive ? 'exclusive' : undefined}
                  aria-describedby={itemDescribedBy}
                />
                <label class={`govuk-label govuk-${kind}__label`} for={iid}>
                  {item.text}
                </label>
                {hintId && (
                  <div id={hintId} class={`govuk-hint govuk-${kind}__hint`}>
                    {item.hint}
                  </div>
                )}
              </div>
            </Fragment>
          );
        })}
      </div>
    </>
  );
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      {p.legend !== undefined ? (
        <Fieldset
          legend={p.legend}
          legendSize={p.legendSize ?? 'm'}
          isPageHeading={p.isPageHeading ?? false}
          describedBy={describedBy}
        >
          {body}
        </Fieldset>
      ) : (
        body
      )}
    </div>
  );
}

/** One choice of several, in a fieldset with its legend. */
export function Radios(p: ChoicesProps & { value?: string | undefined; inline?: boolean }) {
  return <Choices p={p} kind="radios" isChecked={(v) => p.value !== undefined && v === p.value} />;
}

/** Several choices; `values` are the ticked ones (parseForm joins repeated fields with newlines). */
export function Checkboxes(p: ChoicesProps & { values?: readonly string[] | string | undefined }) {
  const values = typeof p.values === 'string' ? p.values.split('\n') : (p.values ?? []);
  return <Choices p={p} kind="checkboxes" isChecked={(v) => values.includes(v)} />;
}

export type DatePart = 'day' | 'month' | 'year';

/**
 * Day, month and year in a fieldset (role=group). Fields are named `<name>-day`,
 * `<name>-month`, `<name>-year`; the error summary links to `#<name>-day`
 * (or to the first part in `errorParts`).
 */
export function DateInput(
  p: FieldBase &
    LegendProps & {
      values?: Partial<Record<DatePart, string | undefined>>;
      /** the parts at fault; all three when the error is about the whole date */
      errorParts?: DatePart[];
      /** bday-day etc. for a date of birth */
      autocompletePrefix?: string;
    },
) {
  const { t } = useView();
  const id = p.id ?? p.name;
  const error = errorOf(p);
  const describedBy = joinIds(p.describedBy, p.hint !== undefined && `${id}-hint`, error && `${id}-error`);
  const parts: DatePart[] = ['day', 'month', 'year'];
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <Fieldset
        legend={p.legend}
        legendSize={p.legendSize ?? 'm'}
        isPageHeading={p.isPageHeading ?? false}
        describedBy={describedBy}
        role="group"
      >
        {p.hint !== undefined && <Hint id={`${id}-hint`}>{p.hint}</Hint>}
        {error && <ErrorMessage id={`${id}-error`} message={error} />}
        <div class="govuk-date-input" id={id}>
          {parts.map((part) => {
            const partError = error && (!p.errorParts || p.errorParts.includes(part));
            return (
              <div class="govuk-date-input__item" key={part}>
                <div class="govuk-form-group">
                  <label class="govuk-label govuk-date-input__label" for={`${id}-${part}`}>
                    {t(`ui.date.${part}`)}
                  </label>
                  <input
                    class={cx(
                      'govuk-input govuk-date-input__input',
                      partError && 'govuk-input--error',
                      `govuk-input--width-${part === 'year' ? 4 : 2}`,
                    )}
                    id={`${id}-${part}`}
                    name={`${p.name}-${part}`}
                    type="text"
                    value={p.values?.[part] || undefined}
                    disabled={p.disabled}
                    inputmode="numeric"
                    autocomplete={p.autocompletePrefix ? `${p.autocompletePrefix}-${part}` : undefined}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}

export type SelectItem = { value: string; text: string; disabled?: boolean };

export function Select(
  p: LabelledField & { items: SelectItem[]; value?: string | undefined; classes?: string },
) {
  const id = p.id ?? p.name;
  const error = errorOf(p);
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <FieldTop p={p} id={id} error={error} />
      <select
        class={cx('govuk-select', p.classes, error && 'govuk-select--error')}
        id={id}
        name={p.name}
        disabled={p.disabled}
        aria-describedby={describedByOf(p, id, error)}
      >
        {p.items.map((item) => (
          <option
            key={item.value}
            value={item.value}
            selected={p.value !== undefined && item.value === p.value}
            disabled={item.disabled}
          >
            {item.text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A file input. With `enhanced`, GOV.UK's script turns it into a drop zone with
 * Russian texts; without JavaScript it stays the browser's own control.
 * The form needs enctype="multipart/form-data".
 */
export function FileUpload(p: LabelledField & { multiple?: boolean; accept?: string; enhanced?: boolean }) {
  const { t } = useView();
  const id = p.id ?? p.name;
  const error = errorOf(p);
  const input = (
    <input
      class={cx('govuk-file-upload', error && 'govuk-file-upload--error')}
      id={id}
      name={p.name}
      type="file"
      disabled={p.disabled}
      multiple={p.multiple}
      accept={p.accept}
      aria-describedby={describedByOf(p, id, error)}
    />
  );
  return (
    <div class={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <FieldTop p={p} id={id} error={error} />
      {p.enhanced ? (
        <div
          class="govuk-file-upload-wrapper"
          data-module="govuk-file-upload"
          {...{
            'data-i18n.choose-files-button': t('ui.file.choose'),
            'data-i18n.no-file-chosen': t('ui.file.none'),
            'data-i18n.drop-instruction': t('ui.file.drop'),
            'data-i18n.entered-drop-zone': t('ui.file.entered'),
            'data-i18n.left-drop-zone': t('ui.file.left'),
            ...pluralAttrs(t, 'multiple-files-chosen', 'ui.file.multiple'),
          }}
        >
          {input}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
