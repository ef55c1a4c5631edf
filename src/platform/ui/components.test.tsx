import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { anonymous } from '../authz/index.ts';
import { FORM_LEVEL } from '../errors/index.ts';
import { type Locale, translator } from '../i18n/index.ts';
import {
  BackLink,
  Breadcrumbs,
  Button,
  Checkboxes,
  DateInput,
  Details,
  ErrorSummary,
  Fieldset,
  FileUpload,
  Form,
  Heading,
  InsetText,
  NotificationBanner,
  Pagination,
  Panel,
  PasswordInput,
  pageWindow,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningText,
} from './components.tsx';
import { type ViewContext, ViewCtx } from './context.ts';
import { lowVisionOff } from './low-vision.ts';
import './messages.ts';

function html(node: VNode, locale: Locale = 'ru'): string {
  const view: ViewContext = {
    locale,
    t: translator(locale),
    actor: anonymous,
    url: '/',
    csrfToken: 'csrf-123',
    lowVision: lowVisionOff,
    kiosk: false,
  };
  return renderToString(<ViewCtx.Provider value={view}>{node}</ViewCtx.Provider>);
}

/** The attributes of the first element matching a tag and an id. */
function tagWithId(markup: string, tag: string, id: string): string {
  const m = markup.match(new RegExp(`<${tag}[^>]*\\bid="${id}"[^>]*>`));
  if (!m) throw new Error(`no <${tag} id="${id}"> in ${markup}`);
  return m[0];
}

describe('TextInput', () => {
  it('links label, hint and error to the input and keeps the value', () => {
    const out = html(
      <TextInput
        name="email"
        label="Электронная почта"
        hint="На неё придёт ответ"
        error="ui.lowVision.size.required"
        value={'a"b<c'}
        type="email"
        autocomplete="email"
      />,
    );
    expect(out).toContain('<div class="govuk-form-group govuk-form-group--error">');
    expect(out).toContain('<label class="govuk-label" for="email">Электронная почта</label>');
    expect(out).toContain('<div id="email-hint" class="govuk-hint">На неё придёт ответ</div>');
    expect(out).toContain(
      '<p id="email-error" class="govuk-error-message"><span class="govuk-visually-hidden">Ошибка:</span> Выберите размер текста</p>',
    );
    const input = tagWithId(out, 'input', 'email');
    expect(input).toContain('class="govuk-input govuk-input--error"');
    expect(input).toContain('aria-describedby="email-hint email-error"');
    expect(input).toContain('value="a&quot;b&lt;c"');
    expect(input).toContain('type="email"');
    expect(input).toContain('autocomplete="email"');
  });

  it('has no describedby or error class without hint or error, and takes the error from a list', () => {
    const plain = tagWithId(html(<TextInput name="q" label="Поиск" />), 'input', 'q');
    expect(plain).not.toContain('aria-describedby');
    expect(plain).not.toContain('--error');
    const fromList = html(
      <TextInput
        name="q"
        label="Поиск"
        errors={[
          { field: 'other', message: 'x' },
          { field: 'q', message: 'Пусто' },
        ]}
      />,
    );
    expect(tagWithId(fromList, 'input', 'q')).toContain('aria-describedby="q-error"');
    expect(fromList).toContain('Пусто');
  });

  it('renders width, prefix and suffix and the label as the page heading', () => {
    const out = html(
      <TextInput name="sum" label="Сумма" width="5" suffix="₽" labelAsHeading labelSize="l" />,
    );
    expect(out).toContain(
      '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="sum">',
    );
    expect(out).toContain('govuk-input--width-5');
    expect(out).toContain('<div class="govuk-input__wrapper">');
    expect(out).toContain('<div class="govuk-input__suffix" aria-hidden="true">₽</div>');
  });
});

describe('PasswordInput', () => {
  it('is a password field with the hidden show toggle and Russian texts for the script', () => {
    const out = html(<PasswordInput name="password" label="Пароль" autocomplete="new-password" />);
    expect(out).toContain('data-module="govuk-password-input"');
    expect(out).toContain('data-i18n.show-password="Показать"');
    const input = tagWithId(out, 'input', 'password');
    expect(input).toContain('type="password"');
    expect(input).toContain('autocomplete="new-password"');
    expect(out).toMatch(/<button[^>]*aria-controls="password"[^>]*hidden/);
  });
});

describe('Textarea', () => {
  it('keeps the text and wires hint and error', () => {
    const out = html(
      <Textarea name="text" label="Текст" hint="Подробно" error="Введите текст" value="<script>" />,
    );
    const ta = tagWithId(out, 'textarea', 'text');
    expect(ta).toContain('class="govuk-textarea govuk-textarea--error"');
    expect(ta).toContain('aria-describedby="text-hint text-error"');
    expect(ta).toContain('rows="5"');
    expect(out).toContain('&lt;script></textarea>');
  });

  it('adds the character count markup with its info message first in describedby', () => {
    const out = html(<Textarea name="text" label="Текст" maxlength={500} />);
    expect(out).toContain(
      'class="govuk-form-group govuk-character-count" data-module="govuk-character-count"',
    );
    expect(out).toContain('data-maxlength="500"');
    expect(out).toContain('data-i18n.characters-under-limit.few="Осталось %{count} символа"');
    expect(tagWithId(out, 'textarea', 'text')).toContain('aria-describedby="text-info"');
    expect(out).toContain(
      '<div id="text-info" class="govuk-hint govuk-character-count__message">Можно ввести до 500 символов</div>',
    );
    expect(tagWithId(out, 'textarea', 'text')).not.toContain('maxlength');
  });

  it('counts words in English', () => {
    const out = html(<Textarea name="t" label="Text" maxwords={50} />, 'en');
    expect(out).toContain('data-maxwords="50"');
    expect(out).toContain('You can enter up to 50 words');
  });
});

describe('Radios', () => {
  const items = [
    { value: 'yes', text: 'Да' },
    { value: 'no', text: 'Нет', hint: 'Пояснение' },
  ];

  it('puts the legend, hint and error on the fieldset and ticks the value', () => {
    const out = html(
      <Radios
        name="agree"
        legend="Согласны?"
        hint="Выберите один"
        error="Выберите ответ"
        value="no"
        items={items}
        inline
      />,
    );
    expect(out).toContain('<fieldset class="govuk-fieldset" aria-describedby="agree-hint agree-error">');
    expect(out).toContain(
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Согласны?</legend>',
    );
    expect(out).toContain('class="govuk-radios govuk-radios--inline" data-module="govuk-radios"');
    // the first input's id is the name, so the error summary's #agree reaches it
    expect(tagWithId(out, 'input', 'agree')).not.toContain('checked');
    const second = tagWithId(out, 'input', 'agree-2');
    expect(second).toContain('checked');
    expect(second).toContain('aria-describedby="agree-2-item-hint"');
    expect(out).toContain('<label class="govuk-label govuk-radios__label" for="agree-2">Нет</label>');
    expect(out).toContain('govuk-form-group--error');
  });

  it('can make the legend the page heading', () => {
    const out = html(<Radios name="a" legend="Вопрос" isPageHeading legendSize="l" items={items} />);
    expect(out).toContain(
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Вопрос</h1></legend>',
    );
  });
});

describe('Checkboxes', () => {
  it('ticks every value (also from parseForm newline-joined values)', () => {
    const items = [
      { value: 'news', text: 'Новости' },
      { value: 'docs', text: 'Документы' },
      { value: 'none', text: 'Ничего', exclusive: true, dividerBefore: 'или' },
    ];
    const out = html(
      <Checkboxes name="topics" legend="Темы" values={'news\nnone'} items={items} error="Выберите" />,
    );
    expect(out).toContain('data-module="govuk-checkboxes"');
    expect(tagWithId(out, 'input', 'topics')).toContain('checked');
    expect(tagWithId(out, 'input', 'topics-2')).not.toContain('checked');
    expect(tagWithId(out, 'input', 'topics-3')).toContain('data-behaviour="exclusive"');
    expect(out).toContain('<div class="govuk-checkboxes__divider">или</div>');
    expect(out).toContain('aria-describedby="topics-error"');
  });

  it('without a legend, a single checkbox carries the hint itself', () => {
    const out = html(<Checkboxes name="ok" hint="Обязательно" items={[{ value: '1', text: 'Согласен' }]} />);
    expect(out).not.toContain('<fieldset');
    expect(tagWithId(out, 'input', 'ok')).toContain('aria-describedby="ok-hint"');
  });
});

describe('DateInput', () => {
  it('groups day, month and year, keeps values and marks only the parts at fault', () => {
    const out = html(
      <DateInput
        name="born"
        legend="Дата рождения"
        hint="Например, 27 3 1990"
        error="Месяц должен быть от 1 до 12"
        errorParts={['month']}
        values={{ day: '27', month: '13', year: '1990' }}
        autocompletePrefix="bday"
      />,
    );
    expect(out).toContain(
      '<fieldset class="govuk-fieldset" role="group" aria-describedby="born-hint born-error">',
    );
    expect(out).toContain('<div class="govuk-date-input" id="born">');
    const day = tagWithId(out, 'input', 'born-day');
    expect(day).toContain('name="born-day"');
    expect(day).toContain('value="27"');
    expect(day).toContain('inputmode="numeric"');
    expect(day).toContain('autocomplete="bday-day"');
    expect(day).not.toContain('govuk-input--error');
    expect(tagWithId(out, 'input', 'born-month')).toContain('govuk-input--error');
    expect(tagWithId(out, 'input', 'born-year')).toContain('govuk-input--width-4');
    expect(out).toContain(
      '<label class="govuk-label govuk-date-input__label" for="born-month">Месяц</label>',
    );
  });

  it('marks all three parts when the error is about the whole date', () => {
    const out = html(<DateInput name="d" legend="Дата" error="Введите дату" />);
    expect(out.match(/govuk-input--error/g)).toHaveLength(3);
  });
});

describe('Select, FileUpload', () => {
  it('selects the value and wires the error', () => {
    const out = html(
      <Select
        name="org"
        label="Орган"
        value="2"
        error="Выберите орган"
        items={[
          { value: '', text: 'Выберите' },
          { value: '1', text: 'Первый' },
          { value: '2', text: 'Второй' },
        ]}
      />,
    );
    const select = tagWithId(out, 'select', 'org');
    expect(select).toContain('class="govuk-select govuk-select--error"');
    expect(select).toContain('aria-describedby="org-error"');
    expect(out).toContain('<option value="2" selected>Второй</option>');
    expect(out).toContain('<option value="1">Первый</option>');
  });

  it('renders a file input, enhanced with the drop zone on request', () => {
    const plain = html(<FileUpload name="file" label="Файл" hint="PDF до 10 МБ" accept=".pdf" />);
    const input = tagWithId(plain, 'input', 'file');
    expect(input).toContain('type="file"');
    expect(input).toContain('class="govuk-file-upload"');
    expect(input).toContain('aria-describedby="file-hint"');
    expect(plain).not.toContain('data-module="govuk-file-upload"');
    const enhanced = html(<FileUpload name="file" label="Файл" enhanced multiple error="Выберите файл" />);
    expect(enhanced).toContain('data-module="govuk-file-upload"');
    expect(enhanced).toContain('data-i18n.choose-files-button="Выбрать файл"');
    expect(tagWithId(enhanced, 'input', 'file')).toContain('govuk-file-upload--error');
  });
});

describe('ErrorSummary and Form', () => {
  it('links each message to its field through t()', () => {
    const out = html(
      <ErrorSummary
        errors={[
          { field: 'size', message: 'ui.lowVision.size.required' },
          { field: 'born', message: 'Введите дату', href: '#born-day' },
        ]}
      />,
    );
    expect(out).toContain(
      '<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">',
    );
    expect(out).toContain('<h2 class="govuk-error-summary__title">Исправьте ошибки</h2>');
    expect(out).toContain('<a href="#size">Выберите размер текста</a>');
    expect(out).toContain('<a href="#born-day">Введите дату</a>');
    expect(html(<ErrorSummary errors={[]} />)).toBe('');
  });

  it('shows an error of the whole form as text, with no link to a field that does not exist', () => {
    const out = html(<ErrorSummary errors={[{ field: FORM_LEVEL, message: 'Обращение уже закрыто' }]} />);
    expect(out).toContain('<li>Обращение уже закрыто</li>');
    expect(out).not.toContain('href="#form"');
  });

  it('posts with the CSRF token and without browser validation', () => {
    const out = html(
      <Form action="/x">
        <Button>Отправить</Button>
      </Form>,
    );
    expect(out).toContain('<form action="/x" method="post" novalidate>');
    expect(out).toContain('<input type="hidden" name="_csrf" value="csrf-123"/>');
    expect(
      html(
        <Form action="/search" method="get">
          {null}
        </Form>,
      ),
    ).not.toContain('_csrf');
  });
});

describe('Button, Heading, Fieldset', () => {
  it('renders buttons and link buttons', () => {
    expect(html(<Button variant="secondary">Отмена</Button>)).toBe(
      '<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Отмена</button>',
    );
    const start = html(
      <Button href="/start" variant="start">
        Начать
      </Button>,
    );
    expect(start).toContain(
      '<a href="/start" role="button" draggable="false" class="govuk-button govuk-button--start"',
    );
    expect(start).toContain('class="govuk-button__start-icon"');
    expect(html(<Button disabled>Ждите</Button>)).toContain('disabled aria-disabled="true"');
  });

  it('renders a heading with a caption and a plain fieldset', () => {
    expect(
      html(
        <Heading size="xl" caption="Раздел">
          Заголовок
        </Heading>,
      ),
    ).toBe('<h1 class="govuk-heading-xl"><span class="govuk-caption-xl">Раздел</span>Заголовок</h1>');
    expect(
      html(
        <Heading level={2} size="m">
          Подраздел
        </Heading>,
      ),
    ).toBe('<h2 class="govuk-heading-m">Подраздел</h2>');
    expect(
      html(
        <Fieldset legend="Адрес" legendSize="l" describedBy="addr-hint">
          <span />
        </Fieldset>,
      ),
    ).toBe(
      '<fieldset class="govuk-fieldset" aria-describedby="addr-hint"><legend class="govuk-fieldset__legend govuk-fieldset__legend--l">Адрес</legend><span></span></fieldset>',
    );
  });
});

describe('Table, SummaryList, Tag', () => {
  it('renders caption, column headers, row headers and numeric cells', () => {
    const out = html(
      <Table
        caption="Обращения"
        head={[{ text: 'Орган' }, { text: 'Число', numeric: true }]}
        rows={[['Минздрав', { content: 12, numeric: true }]]}
        firstCellIsHeader
      />,
    );
    expect(out).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--m">Обращения</caption>',
    );
    expect(out).toContain(
      '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Число</th>',
    );
    expect(out).toContain('<th scope="row" class="govuk-table__header">Минздрав</th>');
    expect(out).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">12</td>');
  });

  it('makes every table’s scrolling container reachable by keyboard, and names it when it can', () => {
    const named = html(<Table caption="Обращения" rows={[['1']]} />);
    expect(named).toContain('<div class="app-table-wrap" role="region" aria-label="Обращения" tabindex="0">');
    const jsxCaption = html(<Table caption={<span>Итоги</span>} rows={[['1']]} />);
    const id = jsxCaption.match(/aria-labelledby="([^"]+)"/)?.[1];
    expect(id).toBeTruthy();
    expect(jsxCaption).toContain(`<caption id="${id}"`);
    expect(jsxCaption).toContain('tabindex="0"');
    // no caption, no label: still focusable, as a phone may have to scroll it sideways
    expect(html(<Table rows={[['1']]} />)).toContain('<div class="app-table-wrap" tabindex="0">');
  });

  it('renders rows with and without actions, hidden context on the link', () => {
    const out = html(
      <SummaryList
        rows={[
          {
            key: 'Имя',
            value: 'Иван',
            actions: [{ href: '/edit#name', text: 'Изменить', visuallyHiddenText: 'имя' }],
          },
          { key: 'Почта', value: 'a@b.ru' },
        ]}
      />,
    );
    expect(out).toContain('<dt class="govuk-summary-list__key">Имя</dt>');
    expect(out).toContain(
      '<dd class="govuk-summary-list__actions"><a class="govuk-link" href="/edit#name">Изменить<span class="govuk-visually-hidden"> имя</span></a></dd>',
    );
    expect(out).toContain('<div class="govuk-summary-list__row govuk-summary-list__row--no-actions">');
    expect(html(<SummaryList rows={[{ key: 'a', value: 'b' }]} />)).not.toContain('no-actions');
  });

  it('colours tags', () => {
    expect(html(<Tag colour="green">Рассмотрено</Tag>)).toBe(
      '<strong class="govuk-tag govuk-tag--green">Рассмотрено</strong>',
    );
    expect(html(<Tag>Новое</Tag>)).toBe('<strong class="govuk-tag">Новое</strong>');
  });
});

describe('Pagination', () => {
  it('shows first, last, the current page and its neighbours', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(1, 10)).toEqual([1, 2, null, 10]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('labels links in Russian and marks the current page', () => {
    const out = html(<Pagination page={2} total={3} href={(n) => `/news?page=${n}`} />);
    expect(out).toContain('<nav class="govuk-pagination" aria-label="Страницы">');
    expect(out).toContain('href="/news?page=1" rel="prev"');
    expect(out).toContain('Предыдущая<span class="govuk-visually-hidden"> страница</span>');
    expect(out).toContain('href="/news?page=3" rel="next"');
    expect(out).toContain('aria-label="Страница 2" aria-current="page"');
    expect(out).toContain('govuk-pagination__item govuk-pagination__item--current');
    expect(html(<Pagination page={1} total={1} href={() => '/'} />)).toBe('');
  });

  it('has no previous link on the first page', () => {
    const out = html(<Pagination page={1} total={4} href={(n) => `?p=${n}`} />);
    expect(out).not.toContain('rel="prev"');
    expect(out).toContain('rel="next"');
  });

  it('renders the block variant with labels', () => {
    const out = html(
      <Pagination previous={{ href: '/a', labelText: 'Раздел 1' }} next={{ href: '/c', text: 'Далее' }} />,
    );
    expect(out).toContain('class="govuk-pagination govuk-pagination--block"');
    expect(out).toContain('<span class="govuk-pagination__link-label">Раздел 1</span>');
    expect(out).toContain('govuk-pagination__link-title--decorated">Далее</span>');
  });
});

describe('Notices and navigation', () => {
  it('renders notification banners as region or alert', () => {
    const important = html(<NotificationBanner text="Приём приостановлен" />);
    expect(important).toContain('role="region" aria-labelledby="govuk-notification-banner-title"');
    expect(important).toContain('id="govuk-notification-banner-title">Важно</h2>');
    expect(important).toContain('<p class="govuk-notification-banner__heading">Приём приостановлен</p>');
    const success = html(<NotificationBanner type="success" titleId="t1" text="Сохранено" />);
    expect(success).toContain('govuk-notification-banner--success" role="alert" aria-labelledby="t1"');
  });

  it('renders inset text, details, warning text and the confirmation panel', () => {
    expect(html(<InsetText>Срок — 30 дней</InsetText>)).toBe(
      '<div class="govuk-inset-text">Срок — 30 дней</div>',
    );
    const details = html(<Details summary="Подробнее">Текст</Details>);
    expect(details).toContain(
      '<summary class="govuk-details__summary"><span class="govuk-details__summary-text">',
    );
    expect(details).toContain('<div class="govuk-details__text">Текст</div>');
    const warning = html(<WarningText>Без подписи не примем</WarningText>);
    expect(warning).toContain('<span class="govuk-warning-text__icon" aria-hidden="true">!</span>');
    expect(warning).toContain('<span class="govuk-visually-hidden">Внимание</span>');
    expect(html(<Panel title="Обращение принято">Номер 1</Panel>)).toBe(
      '<div class="govuk-panel govuk-panel--confirmation"><h1 class="govuk-panel__title">Обращение принято</h1><div class="govuk-panel__body">Номер 1</div></div>',
    );
  });

  it('renders the back link and breadcrumbs', () => {
    expect(html(<BackLink href="/orgs" />)).toBe('<a href="/orgs" class="govuk-back-link">Назад</a>');
    expect(html(<BackLink href="/orgs" />, 'en')).toContain('>Back</a>');
    const crumbs = html(<Breadcrumbs items={[{ href: '/', text: 'Главная' }, { text: 'Органы' }]} />);
    expect(crumbs).toContain('<nav class="govuk-breadcrumbs" aria-label="Навигационная цепочка">');
    expect(crumbs).toContain('<a class="govuk-breadcrumbs__link" href="/">Главная</a>');
    expect(crumbs).toContain('<li class="govuk-breadcrumbs__list-item">Органы</li>');
  });
});
