import { diffWords } from 'diff';
import { formatDate, formatLocalDate } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { ClarityBadge } from '../../../platform/text/clarity-view.tsx';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Pagination,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OfficialRow, OrgRow } from '../../orgs/index.ts';
import { publicationClarity } from '../clarity.ts';
import { publicationUrl } from '../index-items.ts';
import { docStatuses, docTypeLabel, docTypes, mediaKinds } from '../publications.input.ts';
import type { AttachmentRow, PublicationRow, VersionRow } from '../publications.repository.ts';
import { htmlToText } from '../sanitize.ts';
import type { StructuredSection } from '../sections.ts';
import type { PublicationContent } from '../versioning.ts';
import { Dates, orgName, Responsible, RichText, StatusTag } from './common.tsx';

const Caption = ({ org }: { org: OrgRow }) => {
  const { locale } = useView();
  return <span class="govuk-caption-l">{orgName(org, locale)}</span>;
};

/** `/orgs/<slug>/press`: news and media, the media plan, the procedure for media requests, media officials. */
export function PressView({
  org,
  items,
  page,
  pages,
  officials,
}: {
  org: OrgRow;
  items: PublicationRow[];
  page: number;
  pages: number;
  officials: OfficialRow[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <Caption org={org} />
      <h1 class="govuk-heading-xl">{t('publications.press.title')}</h1>
      <p class="govuk-body-l">{t('publications.press.lead')}</p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {items.length === 0 ? (
            <p class="govuk-body">{t('publications.press.empty')}</p>
          ) : (
            <ul class="govuk-list">
              {items.map((p) => (
                <li key={p.id} class="govuk-!-margin-bottom-6">
                  <Tag colour="grey">{t(`publications.kind.${p.kind}`)}</Tag>
                  <h2 class="govuk-heading-s govuk-!-margin-top-2 govuk-!-margin-bottom-1">
                    <a class="govuk-link" href={publicationUrl(p, org.slug)}>
                      {p.title}
                    </a>
                  </h2>
                  <p class="govuk-body-s govuk-!-margin-bottom-1">{formatDate(p.publishedAt, locale)}</p>
                  {p.summary && <p class="govuk-body">{p.summary}</p>}
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} total={pages} href={(n) => `/orgs/${org.slug}/press?page=${n}`} />
        </div>
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">{t('publications.press.forMedia')}</h2>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={`/orgs/${org.slug}/media-plan`}>
                {t('publications.press.mediaPlan')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`/orgs/${org.slug}/media-requests`}>
                {t('publications.press.mediaRequests')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`/orgs/${org.slug}/officials#duty-media`}>
                {t('publications.press.officials')}
              </a>
            </li>
          </ul>
          <Responsible officials={officials} heading={t('publications.press.officials')} />
        </div>
      </div>
    </>
  );
}

function Video({ p }: { p: PublicationRow }) {
  const { t } = useView();
  return (
    <>
      {p.videoFileId ? (
        // biome-ignore lint/a11y/useMediaCaption: the full transcript follows the player
        <video
          controls
          preload="none"
          class="app-video"
          poster={p.posterFileId ? `/files/publications/${p.posterFileId}` : undefined}
          src={`/files/publications/${p.videoFileId}`}
        />
      ) : null}
      {p.videoUrl && (
        <p class="govuk-body">
          <a class="govuk-link" href={p.videoUrl} rel="noopener noreferrer">
            {t('publications.video.watch')}
          </a>
        </p>
      )}
      {p.transcript && (
        <>
          <h2 class="govuk-heading-m">{t('publications.video.transcript')}</h2>
          {p.transcript.split(/\n\s*\n/).map((para, i) => (
            <p class="govuk-body" key={i}>
              {para}
            </p>
          ))}
        </>
      )}
    </>
  );
}

/** A news item, press release, announcement, interview or video. */
export function MediaItemView({ org, p }: { org: OrgRow; p: PublicationRow }) {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <article class="govuk-grid-column-two-thirds">
        <Caption org={org} />
        <h1 class="govuk-heading-l">{p.title}</h1>
        <p class="govuk-body">
          <Tag colour="grey">{t(`publications.kind.${p.kind}`)}</Tag>
        </p>
        <Dates p={p} historyHref={`/publications/${p.id}/history`} />
        <ClarityBadge
          clarity={publicationClarity({ title: p.title, summary: p.summary, body: p.bodyHtml }).clarity}
        />
        {p.summary && <p class="govuk-body-l">{p.summary}</p>}
        <RichText html={p.bodyHtml} />
        {p.kind === 'video' && <Video p={p} />}
        {p.topics.length > 0 && (
          <p class="govuk-body-s">
            {t('publications.requisites.topics')}: {p.topics.join(', ')}
          </p>
        )}
      </article>
    </div>
  );
}

export type DocumentPage = {
  org: OrgRow;
  doc: PublicationRow;
  attachments: AttachmentRow[];
  linksOut: { doc: PublicationRow; relation: string }[];
  linksIn: { doc: PublicationRow; relation: string }[];
};

function DocLink({ d, slug }: { d: PublicationRow; slug: string }) {
  const { locale } = useView();
  return (
    <a class="govuk-link" href={`/orgs/${slug}/documents/${d.id}`}>
      {docTypeLabel(d.docType, locale)} № {d.docNumber} {d.docDate ? `от ${formatLocalDate(d.docDate)}` : ''}{' '}
      «{d.title}»
    </a>
  );
}

function attachmentNote(a: AttachmentRow): string | null {
  if (a.textStatus === 'failed') return 'publications.attachment.noText';
  if (a.textStatus === 'pending') return 'publications.attachment.pending';
  if (a.textStatus === 'unsupported') return 'publications.attachment.unsupported';
  return null;
}

/** A document: requisites, status and links, text, files (with a note when their text is not searchable). */
export function DocumentView({ page }: { page: DocumentPage }) {
  const { t, locale } = useView();
  const { org, doc, attachments, linksOut, linksIn } = page;
  const rows = [
    { key: t('publications.requisites.type'), value: docTypeLabel(doc.docType, locale) },
    { key: t('publications.requisites.number'), value: doc.docNumber },
    { key: t('publications.requisites.date'), value: formatLocalDate(doc.docDate) },
    { key: t('publications.requisites.issuer'), value: orgName(org, locale) },
    { key: t('publications.requisites.status'), value: <StatusTag status={doc.docStatus} /> },
  ];
  if (doc.topics.length)
    rows.push({ key: t('publications.requisites.topics'), value: doc.topics.join(', ') });
  if (doc.tags.length) rows.push({ key: t('publications.requisites.tags'), value: doc.tags.join(', ') });
  const linkRows = [
    ...linksOut.map((l) => ({
      key: t(l.relation === 'cancels' ? 'publications.links.cancels' : 'publications.links.amends'),
      value: <DocLink d={l.doc} slug={org.slug} />,
    })),
    ...linksIn.map((l) => ({
      key: t(l.relation === 'cancels' ? 'publications.links.cancelledBy' : 'publications.links.amendedBy'),
      value: <DocLink d={l.doc} slug={org.slug} />,
    })),
  ];
  return (
    <div class="govuk-grid-row">
      <article class="govuk-grid-column-two-thirds">
        <Caption org={org} />
        <h1 class="govuk-heading-l">{doc.title}</h1>
        <Dates p={doc} historyHref={`/publications/${doc.id}/history`} />
        <h2 class="govuk-heading-m">{t('publications.requisites')}</h2>
        <SummaryList rows={[...rows, ...linkRows]} />
        {doc.summary && <p class="govuk-body-l">{doc.summary}</p>}
        <RichText html={doc.bodyHtml} />
        {attachments.length > 0 && (
          <>
            <h2 class="govuk-heading-m">{t('publications.attachments')}</h2>
            <ul class="govuk-list">
              {attachments.map((a) => {
                const note = attachmentNote(a);
                return (
                  <li key={a.id}>
                    <a class="govuk-link" href={`/attachments/${a.id}/${encodeURIComponent(a.name)}`}>
                      {a.name}
                    </a>{' '}
                    <span class="govuk-body-s">
                      ({a.ext.toUpperCase()}, {Math.max(1, Math.round(a.sizeBytes / 1024))} КБ)
                    </span>
                    {note && <p class="govuk-body-s govuk-!-margin-top-1">{t(note)}</p>}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </article>
    </div>
  );
}

/** `/orgs/<slug>/documents`: filter by type, status and topic (GET), newest first. */
export function DocumentsView({
  org,
  items,
  filter,
  page,
  pages,
}: {
  org: OrgRow;
  items: PublicationRow[];
  filter: { docType?: string | undefined; docStatus?: string | undefined; topic?: string | undefined };
  page: number;
  pages: number;
}) {
  const { t, locale } = useView();
  const qs = (n: number) =>
    `/orgs/${org.slug}/documents?${new URLSearchParams({
      ...(filter.docType ? { docType: filter.docType } : {}),
      ...(filter.docStatus ? { docStatus: filter.docStatus } : {}),
      ...(filter.topic ? { topic: filter.topic } : {}),
      page: String(n),
    })}`;
  return (
    <>
      <Caption org={org} />
      <h1 class="govuk-heading-xl">{t('publications.documents.title')}</h1>
      <Form action={`/orgs/${org.slug}/documents`} method="get">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-third">
            <Select
              name="docType"
              label={t('publications.field.docType')}
              value={filter.docType}
              items={[
                { value: '', text: t('publications.documents.any') },
                ...docTypes.map((d) => ({ value: d, text: docTypeLabel(d, locale) })),
              ]}
            />
          </div>
          <div class="govuk-grid-column-one-third">
            <Select
              name="docStatus"
              label={t('publications.field.docStatus')}
              value={filter.docStatus}
              items={[
                { value: '', text: t('publications.documents.any') },
                ...docStatuses.map((s) => ({ value: s, text: t(`publications.docStatus.${s}`) })),
              ]}
            />
          </div>
          <div class="govuk-grid-column-one-third">
            <TextInput name="topic" label={t('publications.field.topics')} value={filter.topic} />
          </div>
        </div>
        <Button variant="secondary">{t('publications.documents.filter')}</Button>
      </Form>
      {items.length === 0 ? (
        <p class="govuk-body">{t('publications.documents.empty')}</p>
      ) : (
        <Table
          head={[
            { text: t('publications.requisites.type') },
            { text: t('publications.requisites.number') },
            { text: t('publications.requisites.date') },
            { text: t('publications.field.title') },
            { text: t('publications.requisites.status') },
          ]}
          rows={items.map((d) => [
            docTypeLabel(d.docType, locale),
            d.docNumber,
            formatLocalDate(d.docDate),
            <a key="l" class="govuk-link" href={`/orgs/${org.slug}/documents/${d.id}`}>
              {d.title}
            </a>,
            <StatusTag key="s" status={d.docStatus} />,
          ])}
        />
      )}
      <Pagination page={page} total={pages} href={qs} />
    </>
  );
}

/** A structured section page: its text, or a plain «empty» with who answers for it. */
export function SectionPageView({
  org,
  def,
  item,
  officials,
  canEdit,
  children,
}: {
  org: OrgRow;
  def: StructuredSection;
  item: PublicationRow | undefined;
  officials: OfficialRow[];
  canEdit: boolean;
  children?: preact.ComponentChildren;
}) {
  const { t, locale } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Caption org={org} />
        <h1 class="govuk-heading-xl">{locale === 'en' ? def.titleEn : def.titleRu}</h1>
        {item ? (
          <>
            <Dates p={item} historyHref={`/publications/${item.id}/history`} />
            <RichText html={item.bodyHtml} />
          </>
        ) : (
          <>
            <p class="govuk-body-l">{locale === 'en' ? def.summaryEn : def.summaryRu}</p>
            <InsetText>
              <Tag colour="grey">{t('publications.manage.emptyTag')}</Tag> {t('publications.section.empty')}
            </InsetText>
          </>
        )}
        {children}
        <Responsible officials={officials} />
        {canEdit && (
          <p class="govuk-body">
            <a class="govuk-link" href={`/manage/orgs/${org.slug}/publications/sections/${def.key}`}>
              {t('publications.section.edit')}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}

/** The feedback form about the site (8.2), on the development-plan page. */
export function SiteFeedbackForm({
  org,
  values,
  errors,
}: {
  org: OrgRow;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = useView();
  return (
    <section aria-labelledby="site-feedback">
      <h2 class="govuk-heading-m" id="site-feedback">
        {t('publications.feedback.title')}
      </h2>
      <ErrorSummary errors={errors} />
      <Form action={`/orgs/${org.slug}/site-development/feedback`}>
        <Textarea name="text" label={t('publications.feedback.text')} value={values.text} errors={errors} />
        <TextInput
          name="email"
          type="email"
          autocomplete="email"
          spellcheck={false}
          label={t('publications.feedback.emailLabel')}
          value={values.email}
          errors={errors}
        />
        <Button>{t('publications.feedback.send')}</Button>
      </Form>
    </section>
  );
}

/** The list of an item's versions, newest first, each with a link and a diff to the one before. */
export function HistoryView({
  org,
  p,
  versions,
}: {
  org: OrgRow;
  p: PublicationRow;
  versions: VersionRow[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <Caption org={org} />
      <h1 class="govuk-heading-l">
        {t('publications.history')}: {p.title}
      </h1>
      <p class="govuk-body">
        <a class="govuk-link" href={publicationUrl(p, org.slug)}>
          {p.title}
        </a>
      </p>
      <Table
        head={[
          { text: t('publications.history.version', { n: '' }).trim() },
          { text: t('publications.history.saved') },
          { text: t('publications.history.view') },
          { text: t('publications.history.diff') },
        ]}
        rows={versions.map((v) => [
          v.version === p.version ? `${v.version} (${t('publications.history.current')})` : String(v.version),
          formatDate(v.savedAt, locale),
          <a key="v" class="govuk-link" href={`/publications/${p.id}/versions/${v.version}`}>
            {t('publications.history.version', { n: v.version })}
          </a>,
          v.version > 1 ? (
            <a
              key="d"
              class="govuk-link"
              href={`/publications/${p.id}/diff?from=${v.version - 1}&to=${v.version}`}
            >
              {t('publications.diff.title', { from: v.version - 1, to: v.version })}
            </a>
          ) : (
            ''
          ),
        ])}
      />
    </>
  );
}

/** An earlier version as it was published. */
export function VersionView({ org, p, v }: { org: OrgRow; p: PublicationRow; v: VersionRow }) {
  const { t, locale } = useView();
  const c = v.content;
  return (
    <div class="govuk-grid-row">
      <article class="govuk-grid-column-two-thirds">
        <Caption org={org} />
        <h1 class="govuk-heading-l">{c.title}</h1>
        <InsetText>
          {t('publications.version.notice', { date: formatDate(v.savedAt, locale), n: p.version })}{' '}
          <a class="govuk-link" href={`/publications/${p.id}/history`}>
            {t('publications.history')}
          </a>
        </InsetText>
        {c.docType && (
          <SummaryList
            rows={[
              { key: t('publications.requisites.type'), value: docTypeLabel(c.docType, locale) },
              { key: t('publications.requisites.number'), value: c.docNumber ?? '' },
              { key: t('publications.requisites.date'), value: formatLocalDate(c.docDate) },
              { key: t('publications.requisites.status'), value: <StatusTag status={c.docStatus} /> },
            ]}
          />
        )}
        {c.summary && <p class="govuk-body-l">{c.summary}</p>}
        <RichText html={c.bodyHtml} />
      </article>
    </div>
  );
}

/** Plain text of a version for the diff: title, requisites, body. */
export function diffText(c: PublicationContent): string {
  return [
    c.title,
    c.docType
      ? `${docTypeLabel(c.docType, 'ru')} № ${c.docNumber ?? ''} ${formatLocalDate(c.docDate)} ${c.docStatus ?? ''}`
      : '',
    c.summary ?? '',
    htmlToText(c.bodyHtml),
    c.transcript ?? '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Word-by-word changes between two versions: removed struck through, added underlined. */
export function DiffView({
  org,
  p,
  from,
  to,
}: {
  org: OrgRow;
  p: PublicationRow;
  from: VersionRow;
  to: VersionRow;
}) {
  const { t } = useView();
  const parts = diffWords(diffText(from.content), diffText(to.content));
  const changed = parts.some((x) => x.added || x.removed);
  return (
    <>
      <Caption org={org} />
      <h1 class="govuk-heading-l">{t('publications.diff.title', { from: from.version, to: to.version })}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href={`/publications/${p.id}/history`}>
          {t('publications.history')}
        </a>
      </p>
      {!changed ? (
        <p class="govuk-body">{t('publications.diff.none')}</p>
      ) : (
        <div class="govuk-body app-diff">
          {parts.map((x, i) =>
            x.added ? (
              <ins key={i}>
                <span class="govuk-visually-hidden">[{t('publications.diff.added')}: </span>
                {x.value}
                <span class="govuk-visually-hidden">]</span>
              </ins>
            ) : x.removed ? (
              <del key={i}>
                <span class="govuk-visually-hidden">[{t('publications.diff.removed')}: </span>
                {x.value}
                <span class="govuk-visually-hidden">]</span>
              </del>
            ) : (
              <span key={i}>{x.value}</span>
            ),
          )}
        </div>
      )}
    </>
  );
}

export const kindsForPress = mediaKinds;
