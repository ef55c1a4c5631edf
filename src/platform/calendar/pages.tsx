import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../audit/index.ts';
import { isSignedIn } from '../authz/index.ts';
import { type FieldError, NotFound } from '../errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../http/form-page.ts';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Table,
  Tag,
  TextInput,
  WarningText,
} from '../ui/components.tsx';
import { useView } from '../ui/context.ts';
import { registerManageSection } from '../ui/manage-sections.ts';
import {
  type CalendarYearRow,
  calendarPolicy,
  calendarYearForm,
  calendarYearInput,
  confirmCalendarYear,
  listCalendarYears,
} from './admin.ts';
import './messages.ts';

registerManageSection({
  key: 'platform.calendar',
  href: '/manage/calendar',
  titleKey: 'calendar.manage.title',
  descriptionKey: 'calendar.manage.description',
  order: 94,
  visible: calendarPolicy.canManageCalendar,
});

const MONTHS_RU = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function sourceTag(source: CalendarYearRow['source'], t: (k: string) => string) {
  const colour = source === 'statutory' ? 'yellow' : source === 'entered' ? 'blue' : 'green';
  return <Tag colour={colour}>{t(`calendar.source.${source}`)}</Tag>;
}

function YearsView({ rows }: { rows: CalendarYearRow[] }) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('calendar.manage.title')}</h1>
      <p class="govuk-body">{t('calendar.lead')}</p>
      <Table
        head={[
          { text: t('calendar.year') },
          { text: t('calendar.source') },
          { text: t('calendar.offDays'), numeric: true },
          { text: <span class="govuk-visually-hidden">{t('calendar.edit')}</span> },
        ]}
        rows={rows.map((r) => [
          String(r.year),
          <>
            {sourceTag(r.source, t)}
            {r.note && <span class="govuk-body-s govuk-!-display-block">{r.note}</span>}
          </>,
          { content: String(r.offDays), numeric: true },
          <a class="govuk-link" href={`/manage/calendar/${r.year}`} key="e">
            {t('calendar.edit')}
            <span class="govuk-visually-hidden"> {r.year}</span>
          </a>,
        ])}
      />
    </>
  );
}

function YearForm(p: {
  year: number;
  values: Record<string, string>;
  errors: FieldError[];
  source: CalendarYearRow['source'];
}) {
  const { t, locale } = useView();
  const names = locale === 'en' ? MONTHS_EN : MONTHS_RU;
  return (
    <>
      <ErrorSummary errors={p.errors} />
      <h1 class="govuk-heading-l">{t('calendar.editYear', { year: p.year })}</h1>
      <p class="govuk-body">{sourceTag(p.source, t)}</p>
      {p.source === 'statutory' && <WarningText>{t('calendar.prefilled')}</WarningText>}
      <InsetText>{t('calendar.editLead')}</InsetText>
      <Form action={`/manage/calendar/${p.year}`}>
        {names.map((name, i) => (
          <TextInput
            key={name}
            name={`m${i + 1}`}
            label={name}
            value={p.values[`m${i + 1}`]}
            errors={p.errors}
            spellcheck={false}
            autocomplete="off"
          />
        ))}
        <TextInput
          name="note"
          label={t('calendar.sourceNote')}
          hint={t('calendar.sourceNoteHint')}
          value={p.values.note}
          errors={p.errors}
        />
        <Button>{t('calendar.save')}</Button>
      </Form>
    </>
  );
}

function yearParam(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new NotFound('calendar_year');
  const y = Number(raw);
  if (y < 1999 || y > 2100) throw new NotFound('calendar_year');
  return y;
}

/** /manage/calendar: the production calendar by year, and the form that enters a year's transfers. */
export async function calendarPages(app: FastifyInstance) {
  const crumbs = (req: FastifyRequest) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/manage', text: req.t('ui.nav.manage') },
  ];
  const signIn = (req: FastifyRequest) => `/sign-in?next=${encodeURIComponent(req.url)}`;

  app.get('/manage/calendar', { schema: { hide: true } }, async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
    const rows = await listCalendarYears(app.deps, req.actor);
    const q = req.query as Record<string, unknown>;
    if (typeof q.saved === 'string' && /^\d{4}$/.test(q.saved))
      req.flash = {
        kind: 'success',
        text: req.t('calendar.saved', { year: q.saved, count: String(Number(q.count) || 0) }),
      };
    return reply.page(req.t('calendar.manage.title'), <YearsView rows={rows} />, {
      breadcrumbs: crumbs(req),
    });
  });

  const yearForm =
    (req: FastifyRequest, year: number, source: CalendarYearRow['source']): RenderForm =>
    (form) => ({
      title: req.t('calendar.editYear', { year }),
      body: <YearForm year={year} {...form} source={source} />,
      breadcrumbs: [...crumbs(req), { href: '/manage/calendar', text: req.t('calendar.manage.title') }],
    });

  app.get<{ Params: { year: string } }>(
    '/manage/calendar/:year',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
      const year = yearParam(req.params.year);
      const { values, source } = await calendarYearForm(app.deps, req.actor, year);
      return showForm(req, reply, yearForm(req, year, source), values);
    },
  );

  app.post<{ Params: { year: string } }>(
    '/manage/calendar/:year',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
      const year = yearParam(req.params.year);
      const { source } = await calendarYearForm(app.deps, req.actor, year);
      return handleForm(req, reply, {
        schema: calendarYearInput(year),
        render: yearForm(req, year, source),
        run: async (data) => {
          const { recomputed } = await confirmCalendarYear(app.deps, originOf(req), { year, ...data });
          return `/manage/calendar?saved=${year}&count=${recomputed}`;
        },
      });
    },
  );
}
