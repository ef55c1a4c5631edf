import { formatDate } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import {
  Button,
  ErrorSummary,
  Form,
  Heading,
  InsetText,
  Pagination,
  SummaryList,
  Table,
  Tag,
  type TagColour,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { Radios, Select, Textarea, TextInput } from '../../../platform/ui/fields.tsx';
import type { OrgRow } from '../../orgs/index.ts';
import type { ProposalList } from '../get-proposals.ts';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../opendata.input.ts';
import type { ProposalWithSupport } from '../opendata.repository.ts';
import { orgName } from './common.ts';

type FormProps = { values: Record<string, string>; errors: FieldError[] };

const COLOURS: Record<string, TagColour> = {
  new: 'blue',
  accepted: 'yellow',
  declined: 'red',
  published: 'green',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useView();
  return <Tag colour={COLOURS[status]}>{t(`opendata.proposals.status.${status}`)}</Tag>;
}

/** Plain text as paragraphs: what people typed stays text. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p class="govuk-body" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}

/** «Все / Новые / …»: plain links, so the filter works without JavaScript. */
function StatusFilter({ base, status }: { base: string; status: ProposalStatus | undefined }) {
  const { t } = useView();
  const links: [ProposalStatus | undefined, string][] = [
    [undefined, t('opendata.proposals.filter.all')],
    ...PROPOSAL_STATUSES.map((s): [ProposalStatus, string] => [s, t(`opendata.proposals.filter.${s}`)]),
  ];
  return (
    <nav aria-label={t('opendata.proposals.filter.label')}>
      <ul class="govuk-list">
        {links.map(([s, text]) => (
          <li class="govuk-!-display-inline-block govuk-!-margin-right-4" key={s ?? 'all'}>
            {s === status ? (
              <strong aria-current="page">{text}</strong>
            ) : (
              <a class="govuk-link" href={s ? `${base}?status=${s}` : base}>
                {text}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ProposalsTable({
  list,
  href,
  caption,
}: {
  list: ProposalList;
  href: (p: ProposalWithSupport) => string;
  caption: string;
}) {
  const { t, locale } = useView();
  if (list.items.length === 0) return <p class="govuk-body">{t('opendata.proposals.empty')}</p>;
  return (
    <Table
      caption={caption}
      captionSize="m"
      head={[
        { text: t('opendata.proposals.col.title') },
        { text: t('opendata.col.org') },
        { text: t('opendata.proposals.col.status') },
        { text: t('opendata.proposals.col.supports'), numeric: true },
      ]}
      rows={list.items.map((p) => {
        const org = list.orgs.get(p.orgId);
        return [
          <>
            <a class="govuk-link" href={href(p)}>
              {p.title}
            </a>
            <br />
            <span class="govuk-body-s">{formatDate(p.createdAt, locale)}</span>
          </>,
          org ? orgName(org, locale) : '',
          <StatusTag status={p.status} />,
          { content: String(p.supports), numeric: true },
        ];
      })}
    />
  );
}

/** /opendata/proposals: the proposals with their status and support, and the form to propose one. */
export function ProposalsView({
  list,
  status,
  orgs,
  signedIn,
  values,
  errors,
}: FormProps & {
  list: ProposalList;
  status: ProposalStatus | undefined;
  orgs: OrgRow[];
  signedIn: boolean;
}) {
  const { t, locale } = useView();
  const pageHref = (n: number) =>
    `/opendata/proposals?${new URLSearchParams({ ...(status ? { status } : {}), page: String(n) })}`;
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading size="xl">{t('opendata.proposals.title')}</Heading>
      <p class="govuk-body-l">{t('opendata.proposals.lead')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="#propose">
          {t('opendata.proposals.new')}
        </a>
      </p>
      <StatusFilter base="/opendata/proposals" status={status} />
      <ProposalsTable
        list={list}
        href={(p) => `/opendata/proposals/${p.id}`}
        caption={t('opendata.proposals.listCaption', { n: list.total })}
      />
      <Pagination page={list.page} total={list.pages} href={pageHref} />
      <h2 class="govuk-heading-l" id="propose">
        {t('opendata.proposals.new')}
      </h2>
      {signedIn ? (
        <Form action="/opendata/proposals">
          <TextInput
            name="title"
            label={t('opendata.field.proposalTitle')}
            hint={t('opendata.field.proposalTitle.hint')}
            value={values.title}
            errors={errors}
          />
          <Select
            name="org"
            label={t('opendata.field.proposalOrg')}
            value={values.org}
            errors={errors}
            items={[
              { value: '', text: t('opendata.field.proposalOrg.choose') },
              ...orgs.map((o) => ({ value: o.slug, text: orgName(o, locale) })),
            ]}
          />
          <Textarea
            name="description"
            label={t('opendata.field.proposalDescription')}
            hint={t('opendata.field.proposalDescription.hint')}
            value={values.description}
            errors={errors}
            rows={4}
          />
          <Textarea
            name="reason"
            label={t('opendata.field.proposalReason')}
            hint={t('opendata.field.proposalReason.hint')}
            value={values.reason}
            errors={errors}
            rows={3}
          />
          <Button>{t('opendata.proposals.submit')}</Button>
        </Form>
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href={`/sign-in?next=${encodeURIComponent('/opendata/proposals#propose')}`}>
            {t('opendata.proposals.signIn')}
          </a>
          {t('opendata.proposals.signInWhy')}
        </p>
      )}
    </>
  );
}

function ProposalDetails({ p, org }: { p: ProposalWithSupport; org: OrgRow }) {
  const { t, locale } = useView();
  return (
    <>
      <SummaryList
        rows={[
          { key: t('opendata.col.org'), value: orgName(org, locale) },
          { key: t('opendata.proposals.col.date'), value: formatDate(p.createdAt, locale) },
          { key: t('opendata.proposals.col.status'), value: <StatusTag status={p.status} /> },
          { key: t('opendata.proposals.col.supports'), value: String(p.supports) },
        ]}
      />
      <h2 class="govuk-heading-m">{t('opendata.field.proposalDescription')}</h2>
      <Paragraphs text={p.description} />
      <h2 class="govuk-heading-m">{t('opendata.field.proposalReason')}</h2>
      <Paragraphs text={p.reason} />
    </>
  );
}

function Answer({ p }: { p: ProposalWithSupport }) {
  const { t, locale } = useView();
  if (!p.answer) return null;
  return (
    <InsetText id="answer">
      <h2 class="govuk-heading-m">
        {t('opendata.proposals.answer', { date: p.answeredAt ? formatDate(p.answeredAt, locale) : '' })}
      </h2>
      <Paragraphs text={p.answer} />
      {p.status === 'published' && p.datasetIdentifier && (
        <p class="govuk-body">
          <a class="govuk-link app-break-word" href={`/opendata/${p.datasetIdentifier}/`}>
            {t('opendata.proposals.dataset', { id: p.datasetIdentifier })}
          </a>
        </p>
      )}
    </InsetText>
  );
}

/** One proposal: what, which body, why, its status and the body's answer; «Поддержать» for others signed in. */
export function ProposalView({
  p,
  org,
  supported,
  canSupport,
  signedIn,
  errors,
}: FormProps & {
  p: ProposalWithSupport;
  org: OrgRow;
  supported: boolean;
  canSupport: boolean;
  signedIn: boolean;
}) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading size="xl" caption={t('opendata.proposals.caption')}>
        {p.title}
      </Heading>
      <ProposalDetails p={p} org={org} />
      <Answer p={p} />
      {supported ? (
        <p class="govuk-body">
          <strong>{t('opendata.proposals.youSupported')}</strong>
        </p>
      ) : canSupport ? (
        <Form action={`/opendata/proposals/${p.id}/support`}>
          <Button variant="secondary">{t('opendata.proposals.support')}</Button>
        </Form>
      ) : (
        !signedIn && (
          <p class="govuk-body">
            <a class="govuk-link" href={`/sign-in?next=${encodeURIComponent(`/opendata/proposals/${p.id}`)}`}>
              {t('opendata.proposals.signInSupport')}
            </a>
          </p>
        )
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/opendata/proposals">
          {t('opendata.proposals.all')}
        </a>
      </p>
    </>
  );
}

/** /manage/opendata/proposals: the proposals the steward (or the coordinator) answers, new first by filter. */
export function ManageProposalsView({
  list,
  status,
}: {
  list: ProposalList;
  status: ProposalStatus | undefined;
}) {
  const { t } = useView();
  const pageHref = (n: number) =>
    `/manage/opendata/proposals?${new URLSearchParams({ ...(status ? { status } : {}), page: String(n) })}`;
  return (
    <>
      <StatusFilter base="/manage/opendata/proposals" status={status} />
      <ProposalsTable
        list={list}
        href={(p) => `/manage/opendata/proposals/${p.id}`}
        caption={t('opendata.proposals.listCaption', { n: list.total })}
      />
      <Pagination page={list.page} total={list.pages} href={pageHref} />
    </>
  );
}

/** The steward's answer to one proposal: the status, the answer, the dataset once published. */
export function AnswerProposalView({
  p,
  org,
  values,
  errors,
}: FormProps & { p: ProposalWithSupport; org: OrgRow }) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading size="xl" caption={t('opendata.proposals.caption')}>
        {p.title}
      </Heading>
      <ProposalDetails p={p} org={org} />
      <Answer p={p} />
      <h2 class="govuk-heading-l">{t('opendata.proposals.answerTitle')}</h2>
      <Form action={`/manage/opendata/proposals/${p.id}`}>
        <Radios
          name="status"
          legend={t('opendata.field.proposalStatus')}
          value={values.status}
          errors={errors}
          items={(['accepted', 'declined', 'published'] as const).map((s) => ({
            value: s,
            text: t(`opendata.proposals.decision.${s}`),
          }))}
        />
        <Textarea
          name="answer"
          label={t('opendata.field.answer')}
          hint={t('opendata.field.answer.hint')}
          value={values.answer}
          errors={errors}
          rows={5}
        />
        <TextInput
          name="datasetIdentifier"
          label={t('opendata.field.proposalDataset')}
          hint={t('opendata.field.proposalDataset.hint')}
          value={values.datasetIdentifier}
          errors={errors}
          spellcheck={false}
        />
        <Button>{t('opendata.proposals.sendAnswer')}</Button>
      </Form>
    </>
  );
}
