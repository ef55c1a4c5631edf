import { formatDate } from '../../../../platform/calendar/format.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import { formatBytes } from '../../../../platform/files/index.ts';
import {
  Button,
  ErrorSummary,
  FileUpload,
  Form,
  InsetText,
  Pagination,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  useView,
} from '../../../../platform/ui/index.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import { DiscussionSection } from '../../../participation/index.ts';
import type { PracticeCasePage } from '../get-practice.ts';
import { practiceTopics, referralTargets } from '../practice.input.ts';
import type { PracticeCaseRow, PracticeReferralRow, PracticeStats } from '../practice.repository.ts';

type FormProps = { values: Record<string, string>; errors: FieldError[] };

export const orgName = (org: Pick<OrgRow, 'nameRu' | 'nameEn'>, locale: string) =>
  locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;

/** Plain text as paragraphs (escaped by Preact). */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p class="govuk-body" key={i} style="white-space: pre-line">
            {p.trim()}
          </p>
        ))}
    </>
  );
}

function StatsList({ stats }: { stats: PracticeStats }) {
  const { t } = useView();
  return (
    <SummaryList
      rows={(['total', 'published', 'awaiting', 'referred'] as const).map((k) => ({
        key: t(`practice.stats.${k}`),
        value: String(stats[k]),
      }))}
    />
  );
}

export function PracticeListView(p: {
  org: OrgRow;
  rows: PracticeCaseRow[];
  page: number;
  pages: number;
  acts: { act: string; n: number }[];
  stats: PracticeStats;
  filter: { topic?: string | undefined; act?: string | undefined };
}) {
  const { t, locale } = useView();
  const base = `/orgs/${p.org.slug}/practice`;
  const qs = (n: number) => {
    const q = new URLSearchParams();
    if (p.filter.topic) q.set('topic', p.filter.topic);
    if (p.filter.act) q.set('act', p.filter.act);
    if (n > 1) q.set('page', String(n));
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <>
      <span class="govuk-caption-l">{orgName(p.org, locale)}</span>
      <h1 class="govuk-heading-l">{t('practice.title')}</h1>
      <p class="govuk-body">{t('practice.lead')}</p>
      <Button href={`${base}/new`}>{t('practice.new')}</Button>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Form action={base} method="get">
            <Select
              name="topic"
              label={t('practice.field.topic')}
              value={p.filter.topic ?? ''}
              items={[
                { value: '', text: t('practice.topic.all') },
                ...practiceTopics.map((k) => ({ value: k, text: t(`practice.topic.${k}`) })),
              ]}
            />
            <TextInput
              name="act"
              label={t('practice.filter.act')}
              hint={t('practice.filter.actHint')}
              value={p.filter.act}
            />
            <Button variant="secondary">{t('practice.filter.apply')}</Button>
          </Form>
          {p.rows.length === 0 ? (
            <p class="govuk-body">{t('practice.none')}</p>
          ) : (
            <ul class="govuk-list" data-practice-list>
              {p.rows.map((c) => (
                <li key={c.id} class="govuk-!-margin-bottom-4">
                  <a class="govuk-link govuk-!-font-weight-bold" href={`/practice/${c.id}`}>
                    {c.act}
                  </a>
                  <br />
                  <span class="govuk-body-s">
                    {t(`practice.topic.${c.topic}`)} ·{' '}
                    {c.publishedAt ? formatDate(c.publishedAt, locale) : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={p.page} total={p.pages} href={qs} />
        </div>
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">{t('practice.stats')}</h2>
          <StatsList stats={p.stats} />
          {p.acts.length > 0 && (
            <>
              <h2 class="govuk-heading-m">{t('practice.byAct')}</h2>
              <ul class="govuk-list">
                {p.acts.map((a) => (
                  <li key={a.act}>
                    <a class="govuk-link" href={`${base}?act=${encodeURIComponent(a.act)}`}>
                      {a.act}
                    </a>{' '}
                    ({a.n})
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </>
  );
}

export function PracticeFormView({ org, values, errors }: FormProps & { org: OrgRow }) {
  const { t, locale } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{orgName(org, locale)}</span>
        <h1 class="govuk-heading-l">{t('practice.new.title')}</h1>
        <ErrorSummary errors={errors} />
        <p class="govuk-body">{t('practice.new.lead')}</p>
        <Form action={`/orgs/${org.slug}/practice/new`} enctype="multipart/form-data">
          <TextInput
            name="act"
            label={t('practice.field.act')}
            hint={t('practice.field.actHint')}
            value={values.act}
            errors={errors}
          />
          <Select
            name="topic"
            label={t('practice.field.topic')}
            value={values.topic ?? ''}
            errors={errors}
            items={[
              { value: '', text: '' },
              ...practiceTopics.map((k) => ({ value: k, text: t(`practice.topic.${k}`) })),
            ]}
          />
          <Textarea
            name="description"
            rows={8}
            label={t('practice.field.description')}
            hint={t('practice.field.descriptionHint')}
            value={values.description}
            errors={errors}
          />
          <Textarea
            name="decision"
            rows={3}
            label={t('practice.field.decision')}
            value={values.decision}
            errors={errors}
          />
          <FileUpload
            name="files"
            multiple
            accept=".pdf,.docx,.jpg,.jpeg,.png"
            label={t('practice.field.files')}
            hint={t('practice.field.filesHint')}
            errors={errors}
          />
          <Button>{t('practice.submit')}</Button>
        </Form>
      </div>
    </div>
  );
}

function Referrals({ referrals }: { referrals: PracticeReferralRow[] }) {
  const { t, locale } = useView();
  if (referrals.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">{t('practice.case.referrals')}</h2>
      <ul class="govuk-list" data-practice-referrals>
        {referrals.map((r) => (
          <li key={r.id}>
            {t(`practice.referral.${r.target}`)}, {formatDate(r.createdAt, locale)}
            {r.note ? `: ${r.note}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export function PracticeCaseView({ page, staff }: { page: PracticeCasePage; staff?: FormProps }) {
  const { t, locale } = useView();
  const { org, c, files, referrals } = page;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{orgName(org, locale)}</span>
        <h1 class="govuk-heading-l">{t('practice.case.title', { date: formatDate(c.createdAt, locale) })}</h1>
        <p class="govuk-body">
          {c.status === 'published' ? (
            <Tag colour="green">{t('practice.case.published')}</Tag>
          ) : (
            <Tag colour="yellow">{t('practice.case.awaiting')}</Tag>
          )}
        </p>
        <SummaryList
          rows={[
            { key: t('practice.case.act'), value: c.act },
            { key: t('practice.case.topic'), value: t(`practice.topic.${c.topic}`) },
            { key: t('practice.case.decision'), value: c.decision },
          ]}
        />
        {c.publicDescription && (
          <>
            <h2 class="govuk-heading-m">{t('practice.case.description')}</h2>
            <Paragraphs text={c.publicDescription} />
          </>
        )}
        {c.comment && (
          <>
            <h2 class="govuk-heading-m">{t('practice.case.comment')}</h2>
            <InsetText>
              <Paragraphs text={c.comment} />
            </InsetText>
          </>
        )}
        <Referrals referrals={referrals} />
        {files && (
          <section class="govuk-!-margin-top-6" data-practice-private>
            <h2 class="govuk-heading-m">{t('practice.case.authorWords')}</h2>
            <p class="govuk-hint">{t('practice.case.private')}</p>
            <Paragraphs text={c.description} />
            {files.length > 0 && (
              <>
                <h3 class="govuk-heading-s">{t('practice.case.files')}</h3>
                <ul class="govuk-list">
                  {files.map((f) => (
                    <li key={f.id}>
                      <a class="govuk-link" href={`/practice/${c.id}/files/${f.id}`}>
                        {f.name}
                      </a>{' '}
                      ({formatBytes(f.sizeBytes, locale)})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
        {staff && <StaffForms c={c} {...staff} />}
        {page.discussion && <DiscussionSection view={page.discussion} />}
      </div>
    </div>
  );
}

/** The staff's forms on the case page: publish the comment; refer the case. */
function StaffForms({ c, values, errors }: FormProps & { c: PracticeCaseRow }) {
  const { t } = useView();
  return (
    <section class="govuk-!-margin-top-6">
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m">{t('practice.manage.commentTitle')}</h2>
      <Form action={`/manage/practice/${c.id}/comment`}>
        <Textarea
          name="publicDescription"
          rows={6}
          label={t('practice.manage.publicDescription')}
          hint={t('practice.manage.publicDescriptionHint')}
          value={values.publicDescription}
          errors={errors}
        />
        <Textarea
          name="comment"
          rows={6}
          label={t('practice.manage.comment')}
          value={values.comment}
          errors={errors}
        />
        <Button>{t('practice.manage.publish')}</Button>
      </Form>
      <h2 class="govuk-heading-m">{t('practice.manage.referTitle')}</h2>
      <Form action={`/manage/practice/${c.id}/refer`}>
        <Radios
          name="target"
          legend={t('practice.manage.target')}
          legendSize="s"
          value={values.target}
          errors={errors}
          items={referralTargets.map((k) => ({ value: k, text: t(`practice.target.${k}`) }))}
        />
        <TextInput name="note" label={t('practice.manage.note')} value={values.note} errors={errors} />
        <Button variant="secondary">{t('practice.manage.refer')}</Button>
      </Form>
    </section>
  );
}

export function PracticeManageOrgsView({ orgs }: { orgs: OrgRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('practice.manage.title')}</h1>
      <p class="govuk-body">{t('practice.manage.orgs')}</p>
      <ul class="govuk-list">
        {orgs.map((o) => (
          <li key={o.id}>
            <a class="govuk-link" href={`/manage/orgs/${o.slug}/practice`}>
              {orgName(o, locale)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PracticeQueueView(p: {
  org: OrgRow;
  cases: PracticeCaseRow[];
  stats: PracticeStats;
  referrals: PracticeReferralRow[];
}) {
  const { t, locale } = useView();
  const referred = new Set(p.referrals.map((r) => r.caseId));
  return (
    <>
      <span class="govuk-caption-l">{orgName(p.org, locale)}</span>
      <h1 class="govuk-heading-l">{t('practice.manage.title')}</h1>
      <StatsList stats={p.stats} />
      <h2 class="govuk-heading-m">{t('practice.manage.queue')}</h2>
      {p.cases.length === 0 ? (
        <p class="govuk-body">{t('practice.manage.none')}</p>
      ) : (
        <Table
          label={t('practice.manage.queue')}
          head={[
            { text: t('practice.case.act') },
            { text: t('practice.case.topic') },
            { text: t('practice.case.published') },
            { text: t('practice.manage.open') },
          ]}
          rows={p.cases.map((c) => [
            c.act,
            t(`practice.topic.${c.topic}`),
            c.status === 'published'
              ? `${t('practice.case.published')}${referred.has(c.id) ? `; ${t('practice.stats.referred').toLowerCase()}` : ''}`
              : t('practice.case.awaiting'),
            <a class="govuk-link" href={`/practice/${c.id}`} key={c.id}>
              {t('practice.manage.open')}
            </a>,
          ])}
        />
      )}
    </>
  );
}
