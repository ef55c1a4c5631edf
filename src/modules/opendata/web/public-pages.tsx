import { formatDate } from '../../../platform/calendar/format.ts';
import { InsetText, SummaryList, Table, Tag } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { dataFileName, datasetPath, passportDate, structureFileName } from '../format.ts';
import type { Passport, RegisterEntry } from '../get-register.ts';
import { LICENSES, STANDARD_VERSION } from '../opendata.input.ts';
import { QUALITY_CHECKS, type Quality } from '../quality.ts';
import type { ReferenceBook } from '../reference-books.ts';
import { frequencyLabel, licenseLabel, orgName, topicLabel } from './common.ts';

/** RDFa attributes Preact's element types do not list (rel on a span, content on a span). */
const rdfa = (attrs: Record<string, string>) => attrs as object;

function QualityTag({ q }: { q: Quality }) {
  return <Tag colour={q.score >= 85 ? 'green' : q.score >= 55 ? 'yellow' : 'red'}>{q.score}</Tag>;
}

/** «Все наборы» / «Справочники»: plain links, so the filter works without JavaScript. */
function KindFilter({
  base,
  kind,
  counts,
}: {
  base: string;
  kind: 'all' | 'refbooks';
  counts: [number, number];
}) {
  const { t } = useView();
  const item = (k: 'all' | 'refbooks', href: string, text: string) => (
    <li class="govuk-!-display-inline-block govuk-!-margin-right-4">
      {kind === k ? (
        <strong aria-current="page">{text}</strong>
      ) : (
        <a class="govuk-link" href={href}>
          {text}
        </a>
      )}
    </li>
  );
  return (
    <nav aria-label={t('opendata.filter.label')}>
      <ul class="govuk-list">
        {item('all', base, t('opendata.filter.all', { n: counts[0] }))}
        {item('refbooks', `${base}?kind=refbooks`, t('opendata.filter.refbooks', { n: counts[1] }))}
      </ul>
    </nav>
  );
}

/** A body's reference books (10.2): published ones link to their dataset; the others say why not or when. */
function ReferenceBooksTable({ books }: { books: ReferenceBook[] }) {
  const { t } = useView();
  return (
    <>
      <h2 class="govuk-heading-m" id="reference-books">
        {t('opendata.refbooks.title')}
      </h2>
      <p class="govuk-body">{t('opendata.refbooks.lead')}</p>
      {books.length === 0 ? (
        <p class="govuk-body">{t('opendata.refbooks.empty')}</p>
      ) : (
        <Table
          caption={t('opendata.refbooks.title')}
          captionSize="s"
          head={[{ text: t('opendata.col.title') }, { text: t('opendata.refbooks.status') }]}
          rows={books.map((b) => [
            <>
              {b.dataset ? (
                <a class="govuk-link" href={datasetPath(b.dataset.identifier)}>
                  {b.name}
                </a>
              ) : (
                <strong>{b.name}</strong>
              )}
              <br />
              <span class="govuk-body-s">{b.description}</span>
            </>,
            <>
              <Tag colour={b.status === 'published' ? 'green' : b.status === 'no' ? 'red' : 'yellow'}>
                {t(`opendata.refbooks.status.${b.status}`)}
              </Tag>
              {b.note && <p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{b.note}</p>}
            </>,
          ])}
        />
      )}
    </>
  );
}

/** The register (region-wide or of one body): a table of datasets and the machine-readable links. */
export function RegisterView({
  entries: all,
  org,
  kind,
  books,
}: {
  entries: RegisterEntry[];
  org: OrgRow | null;
  kind: 'all' | 'refbooks';
  /** a body's reference books, datasets and inventory alike (its register only) */
  books: ReferenceBook[] | null;
}) {
  const { t, locale } = useView();
  const files = ['list.csv', 'list.json', 'list.xml'];
  const entries = kind === 'refbooks' ? all.filter((e) => e.referenceBook) : all;
  const base = org ? `/orgs/${org.slug}/opendata/` : '/opendata/';
  return (
    <>
      <p class="govuk-body-l">{t('opendata.register.lead')}</p>
      <p class="govuk-body">
        {t('opendata.register.machine')}{' '}
        {files.map((f, i) => (
          <>
            {i > 0 && ', '}
            <a class="govuk-link" href={`/opendata/${f}`}>
              {f}
            </a>
          </>
        ))}
        .
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/api/3/action/package_list">
          CKAN API
        </a>
        {' · '}
        <a class="govuk-link" href="/catalog.ttl">
          DCAT (Turtle)
        </a>
        {' · '}
        <a class="govuk-link" href="/catalog.jsonld">
          DCAT (JSON-LD)
        </a>
        {org && (
          <>
            {' · '}
            <a class="govuk-link" href={`/orgs/${org.slug}/opendata/inventory`}>
              {t('opendata.inventory.title')}
            </a>
          </>
        )}
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href="/opendata/proposals">
          {t('opendata.proposals.title')}
        </a>
        {' · '}
        <a
          class="govuk-link"
          href={org ? `/opendata/proposals?org=${org.slug}#propose` : '/opendata/proposals#propose'}
        >
          {t('opendata.proposals.link')}
        </a>
      </p>
      {all.some((e) => e.org.innIsDemo) && <InsetText>{t('opendata.register.demoInn')}</InsetText>}
      <KindFilter base={base} kind={kind} counts={[all.length, all.filter((e) => e.referenceBook).length]} />
      {entries.length === 0 ? (
        <p class="govuk-body">
          {t(kind === 'refbooks' ? 'opendata.refbooks.none' : 'opendata.register.empty')}
        </p>
      ) : (
        <Table
          caption={t('opendata.title')}
          captionSize="m"
          head={[
            { text: t('opendata.col.title') },
            ...(org ? [] : [{ text: t('opendata.col.org') }]),
            { text: t('opendata.col.modified') },
            { text: t('opendata.col.quality'), numeric: true },
          ]}
          rows={entries.map((e) => [
            <>
              <a class="govuk-link" href={datasetPath(e.identifier)}>
                {e.title}
              </a>
              {e.referenceBook && (
                <>
                  {' '}
                  <Tag colour="blue">{t('opendata.refbooks.tag')}</Tag>
                </>
              )}
              <br />
              <span class="govuk-body-s app-break-word">{e.identifier}</span>
            </>,
            ...(org
              ? []
              : [
                  <a class="govuk-link" href={`/orgs/${e.org.slug}/opendata/`}>
                    {orgName(e.org, locale)}
                  </a>,
                ]),
            formatDate(e.modifiedAt, locale),
            { content: <QualityTag q={e.quality} />, numeric: true },
          ])}
        />
      )}
      {books && <ReferenceBooksTable books={books} />}
    </>
  );
}

/**
 * The passport: the methodology's 17 rows as a table with RDFa (dc: and foaf:
 * terms, as publishers mark it up), the terms of use, the quality checks, the files.
 */
export function PassportView({
  p,
  base,
  preview,
}: {
  p: Passport;
  base: string;
  preview: { columns: string[]; rows: (string | null)[][] } | null;
}) {
  const { t, locale } = useView();
  const d = p.dataset;
  const path = datasetPath(d.identifier);
  const latest = p.versions[0];
  const structureOf = (id: string) => p.structures.find((s) => s.id === id);
  const license = LICENSES[d.license as keyof typeof LICENSES];
  const rows: [string, preact.ComponentChildren][] = [
    [
      'identifier',
      <>
        <span property="dc:identifier">{d.identifier}</span>
        {p.org.innIsDemo && p.org.inn && d.identifier.startsWith(`${p.org.inn}-`) && (
          <p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
            {t('opendata.passport.demoInn', { inn: p.org.inn })}
          </p>
        )}
      </>,
    ],
    ['title', <span property="dc:title">{d.title}</span>],
    ['description', <span property="dc:description">{d.description}</span>],
    ['creator', <span property="dc:creator">{orgName(p.org, locale)}</span>],
    [
      'publisher',
      <span {...rdfa({ rel: 'dc:publisher' })}>
        <span typeof="foaf:Person">
          <span property="foaf:name">{d.publisherName}</span>
          <meta property="foaf:phone" content={`tel:${d.publisherPhone.replace(/[^\d+]/g, '')}`} />
          <meta property="foaf:mbox" content={`mailto:${d.publisherEmail}`} />
        </span>
      </span>,
    ],
    ['phone', d.publisherPhone],
    [
      'email',
      <a class="govuk-link" href={`mailto:${d.publisherEmail}`}>
        {d.publisherEmail}
      </a>,
    ],
    [
      'url',
      latest ? (
        <a
          class="govuk-link app-break-word"
          href={`${path}${dataFileName(latest, structureOf(latest.structureId) ?? latest)}.csv`}
        >
          {`${base}${path}${dataFileName(latest, structureOf(latest.structureId) ?? latest)}.csv`}
        </a>
      ) : (
        t('opendata.passport.noData')
      ),
    ],
    ['format', <span property="dc:format">csv</span>],
    [
      'structure',
      p.structures[0] ? (
        <a class="govuk-link app-break-word" href={`${path}${structureFileName(p.structures[0])}.csv`}>
          {`${base}${path}${structureFileName(p.structures[0])}.csv`}
        </a>
      ) : (
        '—'
      ),
    ],
    [
      'created',
      <span {...rdfa({ property: 'dc:created', content: passportDate(d.createdAt) })}>
        {formatDate(d.createdAt, locale)}
      </span>,
    ],
    [
      'modified',
      <span {...rdfa({ property: 'dc:modified', content: passportDate(d.modifiedAt) })}>
        {formatDate(d.modifiedAt, locale)}
      </span>,
    ],
    ['provenance', latest?.provenance ?? '—'],
    [
      'valid',
      latest ? (
        <span {...rdfa({ property: 'dc:valid', content: passportDate(latest.stamp) })}>
          {formatDate(latest.stamp, locale)}
        </span>
      ) : (
        '—'
      ),
    ],
    ['keywords', <span property="dc:subject">{d.keywords.join(', ')}</span>],
    [
      'versions',
      p.versions.length ? (
        <ul class="govuk-list" {...rdfa({ rel: 'dc:hasPart' })}>
          {p.versions.map((v) => {
            const name = dataFileName(v, structureOf(v.structureId) ?? v);
            return (
              <li key={v.id}>
                <a
                  class="govuk-link app-break-word"
                  href={`${path}${name}.csv`}
                  resource={`${path}${name}.csv`}
                >
                  {name}.csv
                </a>{' '}
                (
                <a class="govuk-link" href={`${path}${name}.json`}>
                  JSON
                </a>
                ,{' '}
                <a class="govuk-link" href={`${path}${name}.xml`}>
                  XML
                </a>
                )
              </li>
            );
          })}
        </ul>
      ) : (
        '—'
      ),
    ],
    [
      'structures',
      <ul class="govuk-list" {...rdfa({ rel: 'dc:hasPart' })}>
        {p.structures.map((s) => (
          <li key={s.id}>
            <a
              class="govuk-link"
              href={`${path}${structureFileName(s)}.csv`}
              resource={`${path}${structureFileName(s)}.csv`}
            >
              {structureFileName(s)}.csv
            </a>
          </li>
        ))}
      </ul>,
    ],
  ];
  return (
    <div
      about={path}
      typeof="foaf:Document"
      prefix="dc: http://purl.org/dc/terms/ foaf: http://xmlns.com/foaf/0.1/"
    >
      <link rel="dc:conformsTo" href={STANDARD_VERSION} />
      {d.referenceBook && (
        <p class="govuk-body">
          <Tag colour="blue">{t('opendata.refbooks.tag')}</Tag> {t('opendata.refbooks.passport')}{' '}
          <a class="govuk-link" href="/opendata/?kind=refbooks">
            {t('opendata.refbooks.all')}
          </a>
        </p>
      )}
      <Table
        caption={t('opendata.passport.title')}
        captionSize="s"
        rows={rows.map(([k, v]) => [{ content: t(`opendata.passport.${k}`), header: true }, v])}
      />
      <SummaryList
        rows={[
          { key: t('opendata.passport.topic'), value: topicLabel(d.topic, locale) },
          { key: t('opendata.passport.frequency'), value: frequencyLabel(d.frequency, locale) },
          {
            key: t('opendata.passport.license'),
            value: license ? (
              <a class="govuk-link" href={license.url} rel="license">
                {licenseLabel(d.license, locale)}
              </a>
            ) : (
              d.license
            ),
          },
        ]}
      />
      <h2 class="govuk-heading-m">{t('opendata.passport.quality', { score: p.quality.score })}</h2>
      <ul class="govuk-list">
        {QUALITY_CHECKS.map((k) => (
          <li key={k}>
            {t(`opendata.quality.${k}`)}:{' '}
            <strong>{t(p.quality.checks[k] ? 'opendata.yes' : 'opendata.no')}</strong>
          </li>
        ))}
      </ul>
      <p class="govuk-body">
        {t('opendata.passport.machine')}{' '}
        <a class="govuk-link" href={`${path}meta.csv`}>
          meta.csv
        </a>
        ,{' '}
        <a class="govuk-link" href={`${path}meta.json`}>
          meta.json
        </a>
        ,{' '}
        <a class="govuk-link" href={`${path}meta.xml`}>
          meta.xml
        </a>
        ,{' '}
        <a class="govuk-link" href={`${path}datapackage.json`}>
          datapackage.json
        </a>
        ,{' '}
        <a class="govuk-link" href={`/dataset/${d.identifier}.ttl`}>
          DCAT
        </a>
        ,{' '}
        <a class="govuk-link" href={`/api/v1/datasets/${d.identifier}/rows`}>
          API
        </a>
        .
      </p>
      {preview && preview.rows.length > 0 && (
        <Table
          caption={t('opendata.passport.preview')}
          captionSize="s"
          head={preview.columns.map((c) => ({ text: c }))}
          rows={preview.rows.map((r) => r.map((c) => c ?? ''))}
        />
      )}
    </div>
  );
}
