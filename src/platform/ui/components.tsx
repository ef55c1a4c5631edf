import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { type FieldError, FORM_LEVEL } from '../errors/index.ts';
import { useView } from './context.ts';

/*
 * GOV.UK Frontend 6 components reproduced as Preact components, with the
 * documented markup (node_modules/govuk-frontend/dist/govuk/components/<name>/template.njk).
 * Form fields live in fields.tsx and are re-exported here.
 */

export * from './fields.tsx';

type Size = 'xl' | 'l' | 'm' | 's';

function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

export function Heading({
  children,
  size = 'l',
  caption,
  level = 1,
}: {
  children: ComponentChildren;
  size?: Size;
  caption?: string | undefined;
  level?: 1 | 2 | 3 | 4;
}) {
  const H = `h${level}` as 'h1';
  return (
    <H class={`govuk-heading-${size}`}>
      {caption && <span class={`govuk-caption-${size}`}>{caption}</span>}
      {children}
    </H>
  );
}

export function Button({
  children,
  href,
  variant,
  name,
  value,
  type = 'submit',
  disabled,
  id,
  classes,
  preventDoubleClick,
  formaction,
}: {
  children: ComponentChildren;
  href?: string;
  variant?: 'secondary' | 'warning' | 'start' | 'inverse';
  name?: string;
  value?: string;
  type?: 'submit' | 'button';
  disabled?: boolean;
  id?: string;
  classes?: string;
  preventDoubleClick?: boolean;
  /** send the form to another address (a second action of one form, e.g. «Вставить шаблон»; no JavaScript needed) */
  formaction?: string;
}) {
  const cls = cx('govuk-button', variant && `govuk-button--${variant}`, classes);
  const icon = variant === 'start' && (
    <svg
      class="govuk-button__start-icon"
      xmlns="http://www.w3.org/2000/svg"
      width="17.5"
      height="19"
      viewBox="0 0 33 40"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
  if (href)
    return (
      // biome-ignore lint/a11y/useSemanticElements: GOV.UK's documented markup for a link that looks like a button
      <a href={href} role="button" draggable={false} class={cls} data-module="govuk-button" id={id}>
        {children}
        {icon}
      </a>
    );
  return (
    <button
      type={type}
      value={value}
      name={name}
      formaction={formaction}
      disabled={disabled}
      aria-disabled={disabled ? 'true' : undefined}
      data-prevent-double-click={preventDoubleClick === undefined ? undefined : String(preventDoubleClick)}
      class={cls}
      data-module="govuk-button"
      id={id}
    >
      {children}
      {icon}
    </button>
  );
}

/** Buttons and links side by side (a primary action, then «Отмена»). */
export function ButtonGroup({ children }: { children: ComponentChildren }) {
  return <div class="govuk-button-group">{children}</div>;
}

/**
 * The error summary at the top of a form: each message links to its field
 * (`#<field>`, or `href` when the first control has another id, e.g. `#date-day`); an error
 * of the whole form (`FORM_LEVEL`) is plain text.
 */
export function ErrorSummary({
  errors,
  description,
}: {
  errors: (FieldError & { href?: string })[];
  description?: ComponentChildren;
}) {
  const { t } = useView();
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">{t('ui.errorSummary.title')}</h2>
        <div class="govuk-error-summary__body">
          {description !== undefined && <p>{description}</p>}
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.field}>
                {e.field === FORM_LEVEL && !e.href ? (
                  t(e.message, e.params)
                ) : (
                  <a href={e.href ?? `#${e.field}`}>{t(e.message, e.params)}</a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** A form that works without JavaScript: POST, the CSRF token, no browser validation popups. */
export function Form({
  action,
  children,
  method = 'post',
  enctype,
  id,
}: {
  action: string;
  children: ComponentChildren;
  method?: 'post' | 'get';
  enctype?: string;
  id?: string;
}) {
  const view = useView();
  return (
    <form action={action} method={method} novalidate enctype={enctype} id={id}>
      {/* read only for a POST: the token is made on first use, and with it the CSRF cookie */}
      {method === 'post' && <input type="hidden" name="_csrf" value={view.csrfToken} />}
      {children}
    </form>
  );
}

export type SummaryAction = { href: string; text: string; visuallyHiddenText?: string };
export type SummaryRow = {
  key: ComponentChildren;
  value: ComponentChildren;
  actions?: SummaryAction[];
};

function ActionLink({ a }: { a: SummaryAction }) {
  return (
    <a class="govuk-link" href={a.href}>
      {a.text}
      {a.visuallyHiddenText && <span class="govuk-visually-hidden"> {a.visuallyHiddenText}</span>}
    </a>
  );
}

/** Key–value pairs (`<dl>`), each row with optional change/remove links. */
export function SummaryList({ rows, noBorder }: { rows: SummaryRow[]; noBorder?: boolean }) {
  const anyActions = rows.some((r) => r.actions && r.actions.length > 0);
  return (
    <dl class={cx('govuk-summary-list', noBorder && 'govuk-summary-list--no-border')}>
      {rows.map((r, i) => {
        const actions = r.actions ?? [];
        return (
          <div
            key={i}
            class={cx(
              'govuk-summary-list__row',
              anyActions && actions.length === 0 && 'govuk-summary-list__row--no-actions',
            )}
          >
            <dt class="govuk-summary-list__key">{r.key}</dt>
            <dd class="govuk-summary-list__value">{r.value}</dd>
            {actions.length > 0 && (
              <dd class="govuk-summary-list__actions">
                {actions.length === 1 && actions[0] ? (
                  <ActionLink a={actions[0]} />
                ) : (
                  <ul class="govuk-summary-list__actions-list">
                    {actions.map((a) => (
                      <li class="govuk-summary-list__actions-list-item" key={a.href}>
                        <ActionLink a={a} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}

export type TableCell =
  | ComponentChildren
  | { content: ComponentChildren; numeric?: boolean; header?: boolean; colspan?: number };

function cellOf(c: TableCell): {
  content: ComponentChildren;
  numeric?: boolean;
  header?: boolean;
  colspan?: number;
} {
  return c !== null && typeof c === 'object' && 'content' in (c as object)
    ? (c as { content: ComponentChildren })
    : { content: c as ComponentChildren };
}

/**
 * A data table: caption, column headers, rows; numeric cells right-aligned.
 * It sits in a container that scrolls sideways on its own when the table is wider than
 * a phone's screen, so the page never does; the container is focusable, so keyboard users can
 * scroll it too, and a named region (by `label`, else by its caption) whenever it has a name.
 */
export function Table({
  caption,
  captionSize = 'm',
  head,
  rows,
  firstCellIsHeader,
  label,
}: {
  caption?: ComponentChildren;
  captionSize?: Size;
  head?: { text: ComponentChildren; numeric?: boolean }[];
  rows: TableCell[][];
  firstCellIsHeader?: boolean;
  /** the name of the scrolling region when the caption is not plain text */
  label?: string;
}) {
  const name = label ?? (typeof caption === 'string' ? caption : undefined);
  const captionId = useId();
  // always focusable (a table may scroll sideways on a phone: WCAG 2.1.1); named when it can be
  const region = name
    ? { role: 'region' as const, 'aria-label': name, tabIndex: 0 }
    : caption !== undefined
      ? { role: 'region' as const, 'aria-labelledby': captionId, tabIndex: 0 }
      : { tabIndex: 0 };
  return (
    <div class="app-table-wrap" {...region}>
      <table class="govuk-table">
        {caption !== undefined && (
          <caption
            id={name ? undefined : captionId}
            class={`govuk-table__caption govuk-table__caption--${captionSize}`}
          >
            {caption}
          </caption>
        )}
        {head && (
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              {head.map((h, i) => (
                <th
                  key={i}
                  scope="col"
                  class={cx('govuk-table__header', h.numeric && 'govuk-table__header--numeric')}
                >
                  {h.text}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody class="govuk-table__body">
          {rows.map((row, r) => (
            <tr class="govuk-table__row" key={r}>
              {row.map((raw, i) => {
                const c = cellOf(raw);
                return (i === 0 && firstCellIsHeader) || c.header ? (
                  <th key={i} scope="row" class="govuk-table__header" colSpan={c.colspan}>
                    {c.content}
                  </th>
                ) : (
                  <td
                    key={i}
                    class={cx('govuk-table__cell', c.numeric && 'govuk-table__cell--numeric')}
                    colSpan={c.colspan}
                  >
                    {c.content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type TagColour =
  | 'blue'
  | 'grey'
  | 'green'
  | 'teal'
  | 'purple'
  | 'magenta'
  | 'red'
  | 'orange'
  | 'yellow';

/** A status label; blue unless a colour is given. */
export function Tag({ children, colour }: { children: ComponentChildren; colour?: TagColour | undefined }) {
  return (
    <strong class={cx('govuk-tag', colour && colour !== 'blue' && `govuk-tag--${colour}`)}>{children}</strong>
  );
}

const arrowPrev = (
  <svg
    class="govuk-pagination__icon govuk-pagination__icon--prev"
    xmlns="http://www.w3.org/2000/svg"
    height="13"
    width="15"
    aria-hidden="true"
    focusable="false"
    viewBox="0 0 15 13"
  >
    <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
  </svg>
);
const arrowNext = (
  <svg
    class="govuk-pagination__icon govuk-pagination__icon--next"
    xmlns="http://www.w3.org/2000/svg"
    height="13"
    width="15"
    aria-hidden="true"
    focusable="false"
    viewBox="0 0 15 13"
  >
    <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
  </svg>
);

/** The page numbers to show: first, last, the current one and its neighbours; null is an ellipsis. */
export function pageWindow(page: number, total: number): (number | null)[] {
  const keep = new Set([1, total, page - 1, page, page + 1].filter((n) => n >= 1 && n <= total));
  const out: (number | null)[] = [];
  let last = 0;
  for (const n of [...keep].sort((a, b) => a - b)) {
    if (n - last === 2) out.push(n - 1);
    else if (n - last > 2) out.push(null);
    out.push(n);
    last = n;
  }
  return out;
}

/**
 * Pagination. Numbered: give `page`, `total` (pages) and `href(n)`.
 * Block (previous/next between pages of content): give `previous`/`next` with optional labels.
 */
export function Pagination(
  p:
    | { page: number; total: number; href: (n: number) => string; label?: string }
    | {
        previous?: { href: string; text?: string; labelText?: string } | undefined;
        next?: { href: string; text?: string; labelText?: string } | undefined;
        label?: string;
      },
) {
  const { t } = useView();
  const numbered = 'total' in p;
  if (numbered && p.total <= 1) return null;
  const previous = numbered ? (p.page > 1 ? { href: p.href(p.page - 1) } : undefined) : p.previous;
  const next = numbered ? (p.page < p.total ? { href: p.href(p.page + 1) } : undefined) : p.next;
  const block = !numbered;
  const arrowLink = (type: 'prev' | 'next', link: { href: string; text?: string; labelText?: string }) => (
    <div class={`govuk-pagination__${type}`}>
      <a class="govuk-link govuk-pagination__link" href={link.href} rel={type}>
        {(block || type === 'prev') && (type === 'prev' ? arrowPrev : arrowNext)}
        <span
          class={cx(
            'govuk-pagination__link-title',
            block && !link.labelText && 'govuk-pagination__link-title--decorated',
          )}
        >
          {link.text ?? (
            <>
              {t(type === 'prev' ? 'ui.pagination.prev' : 'ui.pagination.next')}
              <span class="govuk-visually-hidden">{t('ui.pagination.pageSuffix')}</span>
            </>
          )}
        </span>
        {link.labelText && block && (
          <>
            <span class="govuk-visually-hidden">:</span>
            <span class="govuk-pagination__link-label">{link.labelText}</span>
          </>
        )}
        {!block && type === 'next' && arrowNext}
      </a>
    </div>
  );
  return (
    <nav
      class={cx('govuk-pagination', block && 'govuk-pagination--block')}
      aria-label={p.label ?? t('ui.pagination.label')}
    >
      {previous && arrowLink('prev', previous)}
      {numbered && (
        <ul class="govuk-pagination__list">
          {pageWindow(p.page, p.total).map((n, i) =>
            n === null ? (
              <li key={`e${i}`} class="govuk-pagination__item govuk-pagination__item--ellipsis">
                ⋯
              </li>
            ) : (
              <li
                key={n}
                class={cx('govuk-pagination__item', n === p.page && 'govuk-pagination__item--current')}
              >
                <a
                  class="govuk-link govuk-pagination__link"
                  href={p.href(n)}
                  aria-label={t('ui.pagination.page', { n })}
                  aria-current={n === p.page ? 'page' : undefined}
                >
                  {n}
                </a>
              </li>
            ),
          )}
        </ul>
      )}
      {next && arrowLink('next', next)}
    </nav>
  );
}

/** A notice at the top of the page: «Важно» (region) or «Готово» (success, announced as an alert). */
export function NotificationBanner({
  type,
  title,
  titleId = 'govuk-notification-banner-title',
  text,
  children,
}: {
  type?: 'success' | 'important';
  title?: string;
  titleId?: string;
  /** a one-line message, styled as the banner's heading */
  text?: string;
  children?: ComponentChildren;
}) {
  const { t } = useView();
  const success = type === 'success';
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is region or alert, both take aria-labelledby
    <div
      class={cx('govuk-notification-banner', success && 'govuk-notification-banner--success')}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={titleId}>
          {title ?? t(success ? 'ui.flash.success' : 'ui.flash.info')}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        {text !== undefined && <p class="govuk-notification-banner__heading">{text}</p>}
        {children}
      </div>
    </div>
  );
}

export function InsetText({ children, id }: { children: ComponentChildren; id?: string }) {
  return (
    <div id={id} class="govuk-inset-text">
      {children}
    </div>
  );
}

/** A native disclosure: works without JavaScript. */
export function Details({
  summary,
  children,
  open,
  id,
}: {
  summary: ComponentChildren;
  children: ComponentChildren;
  open?: boolean;
  id?: string;
}) {
  return (
    <details id={id} class="govuk-details" open={open}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{summary}</span>
      </summary>
      <div class="govuk-details__text">{children}</div>
    </details>
  );
}

export function WarningText({
  children,
  iconFallbackText,
}: {
  children: ComponentChildren;
  iconFallbackText?: string;
}) {
  const { t } = useView();
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{iconFallbackText ?? t('ui.warning')}</span> {children}
      </strong>
    </div>
  );
}

/** The confirmation panel after a completed transaction (e.g. the appeal's registration number). */
export function Panel({
  title,
  children,
  headingLevel = 1,
}: {
  title: ComponentChildren;
  children?: ComponentChildren;
  headingLevel?: 1 | 2 | 3;
}) {
  const H = `h${headingLevel}` as 'h1';
  return (
    <div class="govuk-panel govuk-panel--confirmation">
      <H class="govuk-panel__title">{title}</H>
      {children !== undefined && <div class="govuk-panel__body">{children}</div>}
    </div>
  );
}

export function BackLink({ href, children }: { href: string; children?: ComponentChildren }) {
  const { t } = useView();
  return (
    <a href={href} class="govuk-back-link">
      {children ?? t('ui.back')}
    </a>
  );
}

export type Crumb = { href?: string | undefined; text: string };

/** The trail above the page heading; the current page (no href) is plain text. */
export function Breadcrumbs({ items, collapseOnMobile }: { items: Crumb[]; collapseOnMobile?: boolean }) {
  const { t } = useView();
  return (
    <nav
      class={cx('govuk-breadcrumbs', collapseOnMobile && 'govuk-breadcrumbs--collapse-on-mobile')}
      aria-label={t('ui.breadcrumbs.label')}
    >
      <ol class="govuk-breadcrumbs__list">
        {items.map((c) => (
          <li class="govuk-breadcrumbs__list-item" key={c.text}>
            {c.href ? (
              <a class="govuk-breadcrumbs__link" href={c.href}>
                {c.text}
              </a>
            ) : (
              c.text
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/* Page helpers: the GOV.UK grid. */

export function GridRow({ children }: { children: ComponentChildren }) {
  return <div class="govuk-grid-row">{children}</div>;
}

export function Column({
  width = 'two-thirds',
  children,
}: {
  width?: 'full' | 'one-half' | 'one-third' | 'two-thirds' | 'one-quarter' | 'three-quarters';
  children: ComponentChildren;
}) {
  return <div class={`govuk-grid-column-${width}`}>{children}</div>;
}

/** The usual page body: a two-thirds column, as GOV.UK pages read best. */
export function Narrow({ children }: { children: ComponentChildren }) {
  return (
    <GridRow>
      <Column>{children}</Column>
    </GridRow>
  );
}
