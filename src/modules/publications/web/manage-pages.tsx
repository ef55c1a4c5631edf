import { formatDate, formatLocalDate } from '../../../platform/calendar/format.ts';
import type { ProductionCalendar } from '../../../platform/calendar/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { ClarityReport } from '../../../platform/text/clarity-view.tsx';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  FileUpload,
  Form,
  Radios,
  Select,
  Table,
  Tag,
  Textarea,
  TextInput,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import type { TextClarity } from '../clarity.ts';
import { relations } from '../declarations.input.ts';
import { declarationsDeadline } from '../declarations.ts';
import { publicationUrl } from '../index-items.ts';
import { docStatuses, docTypeLabel, docTypes, mediaKinds } from '../publications.input.ts';
import type {
  DeclarantRow,
  DeclarationRow,
  DeclarationYear,
  PublicationRow,
  SiteFeedbackRow,
} from '../publications.repository.ts';
import { type StructuredSection, structuredSections } from '../sections.ts';
import { orgName, StatusTag } from './common.tsx';
import { declarationCells, rub } from './declarations-page.tsx';

type FormProps = { org: OrgRow; values: Record<string, string>; errors: FieldError[] };

const base = (org: OrgRow) => `/manage/orgs/${org.slug}/publications`;

/** `/manage/orgs/<slug>/publications`: everything the organisation publishes, with links to add and change. */
export function ManageIndexView({
  org,
  media,
  documents,
  sections,
  feedback,
}: {
  org: OrgRow;
  media: PublicationRow[];
  documents: PublicationRow[];
  sections: PublicationRow[];
  feedback: SiteFeedbackRow[];
}) {
  const { t, locale } = useView();
  const filled = new Map(sections.map((s) => [s.sectionKey, s]));
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('publications.manage.title')}</h1>
      <ButtonGroup>
        <Button href={`${base(org)}/new`}>{t('publications.manage.newMedia')}</Button>
        <Button href={`${base(org)}/documents/new`} variant="secondary">
          {t('publications.manage.newDocument')}
        </Button>
        <Button href={`/manage/orgs/${org.slug}/declarations`} variant="secondary">
          {t('publications.manage.declarations')}
        </Button>
      </ButtonGroup>
      <h2 class="govuk-heading-m">{t('publications.manage.sections')}</h2>
      <Table
        rows={structuredSections.map((s) => [
          locale === 'en' ? s.titleEn : s.titleRu,
          filled.has(s.key) ? (
            <Tag key="t" colour="green">
              {t('publications.manage.filled')}
            </Tag>
          ) : (
            <Tag key="t" colour="grey">
              {t('publications.manage.emptyTag')}
            </Tag>
          ),
          <a key="e" class="govuk-link" href={`${base(org)}/sections/${s.key}`}>
            {t('publications.manage.edit')}
            <span class="govuk-visually-hidden"> {s.titleRu}</span>
          </a>,
        ])}
      />
      <h2 class="govuk-heading-m">{t('publications.manage.documents')}</h2>
      <Table
        rows={documents.map((d) => [
          `${docTypeLabel(d.docType, locale)} № ${d.docNumber} ${formatLocalDate(d.docDate)}`,
          <a key="v" class="govuk-link" href={publicationUrl(d, org.slug)}>
            {d.title}
          </a>,
          <StatusTag key="s" status={d.docStatus} />,
          <a key="e" class="govuk-link" href={`${base(org)}/documents/${d.id}`}>
            {t('publications.manage.edit')}
            <span class="govuk-visually-hidden"> {d.title}</span>
          </a>,
        ])}
      />
      <h2 class="govuk-heading-m">{t('publications.manage.media')}</h2>
      <Table
        rows={media.map((m) => [
          t(`publications.kind.${m.kind}`),
          <a key="v" class="govuk-link" href={publicationUrl(m, org.slug)}>
            {m.title}
          </a>,
          formatDate(m.publishedAt, locale),
          <a key="e" class="govuk-link" href={`${base(org)}/${m.id}`}>
            {t('publications.manage.edit')}
            <span class="govuk-visually-hidden"> {m.title}</span>
          </a>,
        ])}
      />
      <h2 class="govuk-heading-m">{t('publications.feedback.list')}</h2>
      {feedback.length === 0 ? (
        <p class="govuk-body">{t('publications.feedback.none')}</p>
      ) : (
        <Table rows={feedback.map((f) => [formatDate(f.createdAt, locale), f.text, f.email ?? ''])} />
      )}
    </>
  );
}

/** `/manage/publications`: the organisations whose publications the person keeps. */
export function ManageOrgsView({ orgs }: { orgs: OrgRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">{t('publications.manage.section')}</h1>
      <p class="govuk-body">{t('publications.manage.chooseOrg')}</p>
      <ul class="govuk-list">
        {orgs.map((o) => (
          <li key={o.id}>
            <a class="govuk-link" href={`/manage/orgs/${o.slug}/publications`}>
              {orgName(o, locale)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Add or change a news item or another media item. */
export function MediaFormView({
  org,
  item,
  values,
  errors,
  clarity,
}: FormProps & { item: PublicationRow | null; clarity?: TextClarity | undefined }) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{item ? item.title : t('publications.manage.newMedia')}</h1>
      <ErrorSummary errors={errors} />
      {clarity && <ClarityReport {...clarity} />}
      <Form
        action={item ? `${base(org)}/${item.id}` : `${base(org)}/new`}
        enctype={item ? undefined : 'multipart/form-data'}
      >
        <Radios
          name="kind"
          legend={t('publications.field.kind')}
          legendSize="s"
          value={values.kind ?? 'news'}
          errors={errors}
          items={mediaKinds.map((k) => ({ value: k, text: t(`publications.kind.${k}`) }))}
        />
        <TextInput name="title" label={t('publications.field.title')} value={values.title} errors={errors} />
        <Textarea
          name="summary"
          rows={2}
          label={t('publications.field.summary')}
          hint={t('publications.field.summaryHint')}
          value={values.summary}
          errors={errors}
        />
        <Textarea
          name="body"
          rows={12}
          label={t('publications.field.body')}
          hint={t('publications.field.bodyHint')}
          value={values.body}
          errors={errors}
        />
        <TextInput
          name="videoUrl"
          type="url"
          spellcheck={false}
          label={t('publications.field.videoUrl')}
          hint={t('publications.field.videoUrlHint')}
          value={values.videoUrl}
          errors={errors}
        />
        {!item && (
          <>
            <FileUpload
              name="videoFile"
              accept=".mp4"
              label={t('publications.field.videoFile')}
              hint={t('publications.field.videoFileHint')}
              errors={errors}
            />
            <FileUpload
              name="posterFile"
              accept=".jpg,.jpeg,.png"
              label={t('publications.field.posterFile')}
              errors={errors}
            />
          </>
        )}
        <Textarea
          name="transcript"
          rows={6}
          label={t('publications.field.transcript')}
          value={values.transcript}
          errors={errors}
        />
        <TextInput
          name="topics"
          label={t('publications.field.topics')}
          hint={t('publications.field.topicsHint')}
          value={values.topics}
          errors={errors}
        />
        <TextInput name="tags" label={t('publications.field.tags')} value={values.tags} errors={errors} />
        <ButtonGroup>
          <Button>{item ? t('publications.manage.save') : t('publications.manage.publish')}</Button>
          <Button variant="secondary" name="check" value="text">
            {t('publications.manage.checkText')}
          </Button>
        </ButtonGroup>
      </Form>
    </>
  );
}

/** Add or change a document's requisites and text; attach files from the edit page. */
export function DocumentFormView({
  org,
  doc,
  values,
  errors,
  clarity,
}: FormProps & { doc: PublicationRow | null; clarity?: TextClarity | undefined }) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{doc ? doc.title : t('publications.manage.newDocument')}</h1>
      <ErrorSummary errors={errors} />
      {clarity && <ClarityReport {...clarity} />}
      <Form action={doc ? `${base(org)}/documents/${doc.id}` : `${base(org)}/documents/new`}>
        <Select
          name="docType"
          label={t('publications.field.docType')}
          value={values.docType}
          errors={errors}
          items={[
            { value: '', text: '' },
            ...docTypes.map((d) => ({ value: d, text: docTypeLabel(d, locale) })),
          ]}
        />
        <TextInput
          name="docNumber"
          width="10"
          spellcheck={false}
          label={t('publications.field.docNumber')}
          value={values.docNumber}
          errors={errors}
        />
        <TextInput
          name="docDate"
          width="10"
          inputmode="numeric"
          label={t('publications.field.docDate')}
          hint={t('publications.field.docDateHint')}
          value={values.docDate ? formatIfIso(values.docDate) : values.docDate}
          errors={errors}
        />
        <Radios
          name="docStatus"
          legend={t('publications.field.docStatus')}
          legendSize="s"
          value={values.docStatus ?? 'действует'}
          errors={errors}
          items={docStatuses.map((s) => ({ value: s, text: t(`publications.docStatus.${s}`) }))}
        />
        <Textarea
          name="title"
          rows={2}
          label={t('publications.field.title')}
          value={values.title}
          errors={errors}
        />
        <Textarea
          name="summary"
          rows={2}
          label={t('publications.field.summary')}
          value={values.summary}
          errors={errors}
        />
        <Textarea
          name="body"
          rows={12}
          label={t('publications.field.body')}
          hint={t('publications.field.bodyHint')}
          value={values.body}
          errors={errors}
        />
        <TextInput
          name="topics"
          label={t('publications.field.topics')}
          hint={t('publications.field.topicsHint')}
          value={values.topics}
          errors={errors}
        />
        {org.level === 'municipal' && (
          <Checkboxes
            name="openMunicipality"
            legend={t('publications.field.openMunicipalityLegend')}
            legendSize="s"
            values={values.openMunicipality}
            errors={errors}
            items={[
              {
                value: 'yes',
                text: t('publications.field.openMunicipality'),
                hint: t('publications.field.openMunicipalityHint'),
              },
            ]}
          />
        )}
        <TextInput name="tags" label={t('publications.field.tags')} value={values.tags} errors={errors} />
        <TextInput
          name="amends"
          label={t('publications.field.amends')}
          hint={t('publications.field.linksHint')}
          value={values.amends}
          errors={errors}
        />
        <TextInput
          name="cancels"
          label={t('publications.field.cancels')}
          hint={t('publications.field.linksHint')}
          value={values.cancels}
          errors={errors}
        />
        <ButtonGroup>
          <Button>{doc ? t('publications.manage.save') : t('publications.manage.publish')}</Button>
          <Button variant="secondary" name="check" value="text">
            {t('publications.manage.checkText')}
          </Button>
        </ButtonGroup>
      </Form>
      {doc && (
        <>
          <h2 class="govuk-heading-m">{t('publications.manage.attach')}</h2>
          <Form action={`${base(org)}/documents/${doc.id}/files`} enctype="multipart/form-data">
            <FileUpload
              name="files"
              multiple
              accept=".pdf,.docx,.xlsx,.odt"
              label={t('publications.field.files')}
              hint={t('publications.field.filesHint')}
              errors={errors}
            />
            <Button variant="secondary">{t('publications.manage.attach')}</Button>
          </Form>
        </>
      )}
    </>
  );
}

function formatIfIso(v: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatLocalDate(v) : v;
}

/** Fill or change a structured section. */
export function SectionFormView({ org, def, values, errors }: FormProps & { def: StructuredSection }) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{locale === 'en' ? def.titleEn : def.titleRu}</h1>
      <p class="govuk-body">{locale === 'en' ? def.summaryEn : def.summaryRu}</p>
      <ErrorSummary errors={errors} />
      <Form action={`${base(org)}/sections/${def.key}`}>
        <Textarea
          name="body"
          rows={16}
          label={t('publications.field.body')}
          hint={t('publications.field.bodyHint')}
          value={values.body}
          errors={errors}
        />
        <Button>{t('publications.manage.save')}</Button>
      </Form>
    </>
  );
}

/** `/manage/orgs/<slug>/declarations`: years with their publication switch, rows, the form to add one. */
export function DeclarationsManageView({
  org,
  years,
  rowsByYear,
  declarants,
  calendar,
  values,
  errors,
}: FormProps & {
  years: DeclarationYear[];
  rowsByYear: Map<number, DeclarationRow[]>;
  declarants: DeclarantRow[];
  /** the production calendar as administrators corrected it */
  calendar: ProductionCalendar;
}) {
  const { t, locale } = useView();
  const path = `/manage/orgs/${org.slug}/declarations`;
  const left = new Set(declarants.filter((d) => d.tenureEndedOn !== null).map((d) => d.id));
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{t('publications.manage.declarations')}</h1>
      <p class="govuk-body">{t('declarations.tenureNote')}</p>
      {declarants.length > 0 && (
        <section aria-labelledby="people">
          <h2 class="govuk-heading-m" id="people">
            {t('declarations.manage.people')}
          </h2>
          <Table
            head={[
              { text: t('declarations.manage.person') },
              { text: t('declarations.manage.status') },
              { text: '' },
            ]}
            rows={declarants.map((d) => [
              d.shortName,
              d.tenureEndedOn === null
                ? t('declarations.manage.inPost')
                : t('declarations.manage.left', {
                    date: formatLocalDate(d.tenureEndedOn),
                    basis: d.tenureEndBasis ?? '',
                  }),
              d.tenureEndedOn === null ? (
                <a key="a" class="govuk-link" href={`${path}/declarants/${d.id}/tenure`}>
                  {t('declarations.manage.endTenure')}
                  <span class="govuk-visually-hidden">: {d.shortName}</span>
                </a>
              ) : (
                ''
              ),
            ])}
          />
        </section>
      )}
      {years.map((y) => (
        <section key={y.year} aria-labelledby={`year-${y.year}`}>
          <h2 class="govuk-heading-m" id={`year-${y.year}`}>
            {t('declarations.year', { year: y.year })}{' '}
            <Tag colour={y.published ? 'green' : 'grey'}>
              {t(y.published ? 'declarations.manage.published' : 'declarations.manage.notPublished')}
            </Tag>
          </h2>
          <p class="govuk-body">
            {t('declarations.manage.deadline', {
              date: formatLocalDate(declarationsDeadline(calendar, y.year)),
            })}
          </p>
          <p class="govuk-body">
            {y.decidedAt === null
              ? t('declarations.manage.noDecision')
              : y.legalBasis === null
                ? t('declarations.manage.noBasis', { date: formatDate(y.decidedAt, locale) })
                : t('declarations.manage.decided', {
                    date: formatDate(y.decidedAt, locale),
                    basis: y.legalBasis,
                  })}
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href={`${path}/${y.year}/publication`}>
              {t('declarations.manage.decide', { year: y.year })}
            </a>
          </p>
          <Table
            rows={(rowsByYear.get(y.year) ?? []).map((r) => {
              const c = declarationCells(r, t);
              return [
                left.has(r.declarantId) ? (
                  <>
                    {c.person} <Tag colour="grey">{t('declarations.manage.notPublished')}</Tag>
                  </>
                ) : (
                  c.person
                ),
                c.position,
                { content: rub(r.declaredIncomeKopecks), numeric: true },
                <Form key="f" action={`${path}/rows/${r.id}/remove`}>
                  <Button variant="secondary" classes="govuk-!-margin-bottom-0">
                    {t('declarations.manage.remove')}
                    <span class="govuk-visually-hidden"> {c.person}</span>
                  </Button>
                </Form>,
              ];
            })}
          />
        </section>
      ))}
      <h2 class="govuk-heading-m" id="add">
        {t('declarations.manage.add')}
      </h2>
      <ErrorSummary errors={errors} />
      <Form action={path}>
        <TextInput
          name="year"
          width="4"
          inputmode="numeric"
          label={t('declarations.field.year')}
          value={values.year}
          errors={errors}
        />
        <TextInput
          name="declarantShortName"
          width="20"
          label={t('declarations.field.shortName')}
          hint={t('declarations.field.shortNameHint')}
          value={values.declarantShortName}
          errors={errors}
        />
        <TextInput
          name="position"
          label={t('declarations.field.position')}
          value={values.position}
          errors={errors}
        />
        <Radios
          name="relation"
          legend={t('declarations.field.relation')}
          legendSize="s"
          value={values.relation}
          errors={errors}
          items={relations.map((r) => ({ value: r, text: t(`declarations.relation.${r}`) }))}
        />
        <TextInput
          name="declaredIncomeRub"
          width="20"
          inputmode="decimal"
          label={t('declarations.field.income')}
          value={values.declaredIncomeRub}
          errors={errors}
        />
        <Textarea
          name="realEstateOwned"
          label={t('declarations.field.owned')}
          hint={t('declarations.field.ownedHint')}
          value={values.realEstateOwned}
          errors={errors}
        />
        <Textarea
          name="realEstateUsed"
          label={t('declarations.field.used')}
          hint={t('declarations.field.usedHint')}
          value={values.realEstateUsed}
          errors={errors}
        />
        <Textarea
          name="vehicles"
          label={t('declarations.field.vehicles')}
          hint={t('declarations.field.vehiclesHint')}
          value={values.vehicles}
          errors={errors}
        />
        <Textarea
          name="largeDealSources"
          label={t('declarations.field.deals')}
          hint={t('declarations.field.dealsHint')}
          value={values.largeDealSources}
          errors={errors}
        />
        <Button>{t('declarations.manage.add')}</Button>
      </Form>
    </>
  );
}

/** `/manage/orgs/<slug>/declarations/declarants/<id>/tenure`: the last day in the post and its basis. */
export function TenureEndView({ org, person, values, errors }: FormProps & { person: DeclarantRow }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{t('declarations.tenure.title', { name: person.shortName })}</h1>
      <p class="govuk-body">{t('declarations.tenure.lead')}</p>
      <Form action={`/manage/orgs/${org.slug}/declarations/declarants/${person.id}/tenure`}>
        <TextInput
          name="endedOn"
          width="10"
          label={t('declarations.field.endedOn')}
          hint={t('declarations.field.endedOnHint')}
          value={values.endedOn}
          errors={errors}
        />
        <Textarea
          name="basis"
          rows={3}
          label={t('declarations.field.tenureBasis')}
          hint={t('declarations.field.tenureBasisHint')}
          value={values.basis}
          errors={errors}
        />
        <ButtonGroup>
          <Button variant="warning">{t('declarations.manage.endTenure')}</Button>
          <a class="govuk-link" href={`/manage/orgs/${org.slug}/declarations`}>
            {t('publications.manage.cancel')}
          </a>
        </ButtonGroup>
      </Form>
    </>
  );
}

/** `/manage/orgs/<slug>/declarations/<year>/publication`: publish a year or not, with the legal basis. */
export function YearDecisionView({ org, year, values, errors }: FormProps & { year: number }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{t('declarations.decision.title', { year })}</h1>
      <p class="govuk-body">{t('declarations.decision.lead')}</p>
      <Form action={`/manage/orgs/${org.slug}/declarations/${year}/publication`}>
        <Radios
          name="published"
          legend={t('declarations.field.published')}
          legendSize="s"
          value={values.published}
          errors={errors}
          items={[
            { value: 'yes', text: t('declarations.field.publishedYes') },
            { value: 'no', text: t('declarations.field.publishedNo') },
          ]}
        />
        <Textarea
          name="legalBasis"
          rows={3}
          label={t('declarations.field.legalBasis')}
          hint={t('declarations.field.legalBasisHint')}
          value={values.legalBasis}
          errors={errors}
        />
        <ButtonGroup>
          <Button>{t('publications.manage.save')}</Button>
          <a class="govuk-link" href={`/manage/orgs/${org.slug}/declarations`}>
            {t('publications.manage.cancel')}
          </a>
        </ButtonGroup>
      </Form>
    </>
  );
}
