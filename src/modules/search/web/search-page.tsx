import { isSignedIn } from '../../../platform/authz/index.ts';
import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { toLocalDate } from '../../../platform/calendar/index.ts';
import {
  COUNT_CAP,
  FACET_SET,
  type FacetCount,
  type SearchHit,
  searchVocabulary,
} from '../../../platform/search/index.ts';
import {
  Button,
  Details,
  ErrorSummary,
  InsetText,
  Pagination,
  WarningText,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { Radios, Select, TextInput } from '../../../platform/ui/fields.tsx';
import type { OrgRow } from '../../orgs/index.ts';
import { type PageForm, type SearchRequest, searchHref } from '../search.input.ts';
import type { PortalSearch } from '../search-portal.ts';
import { Marked, orgLabel, vocabLabel } from './common.tsx';

type FacetKey = 'type' | 'org' | 'topic' | 'year';

function reqValues(req: SearchRequest, k: FacetKey): string[] {
  if (k === 'type') return req.types ?? [];
  if (k === 'org') return req.orgSlugs;
  if (k === 'topic') return req.topics ?? [];
  return (req.years ?? []).map(String);
}

function Facet({
  k,
  title,
  counts,
  req,
  label,
  keyOf,
}: {
  k: FacetKey;
  title: string;
  counts: FacetCount[];
  req: SearchRequest;
  label: (key: string) => string;
  keyOf?: (key: string) => string;
}) {
  const { t } = useView();
  const selected = reqValues(req, k);
  if (counts.length === 0 && selected.length === 0) return null;
  return (
    <>
      <h3 class="govuk-heading-s">{title}</h3>
      <ul class="govuk-list app-facet">
        {selected.map((v) => (
          <li key={`sel-${v}`}>
            <a
              class="govuk-link"
              href={searchHref(req, { [k]: selected.filter((x) => x !== v), page: undefined })}
            >
              <strong>{label(v)}</strong> <span class="govuk-visually-hidden">— </span>(
              {t('search.facet.selected')})
            </a>
          </li>
        ))}
        {counts
          .filter((c) => !selected.includes(keyOf ? keyOf(c.key) : c.key))
          .slice(0, 15)
          .map((c) => {
            const v = keyOf ? keyOf(c.key) : c.key;
            return (
              <li key={c.key}>
                <a class="govuk-link" href={searchHref(req, { [k]: [...selected, v], page: undefined })}>
                  {label(v)}
                </a>{' '}
                <span class="govuk-hint govuk-!-display-inline">({c.count})</span>
              </li>
            );
          })}
      </ul>
    </>
  );
}

function Hit({ h, orgById }: { h: SearchHit; orgById: Map<string, OrgRow> }) {
  const { t, locale } = useView();
  const org = h.orgId ? orgById.get(h.orgId) : undefined;
  const meta = [
    vocabLabel('types', h.type, locale),
    h.docType ? vocabLabel('docTypes', h.docType, locale) : null,
    h.docNumber ? t('search.meta.number', { n: h.docNumber }) : null,
    h.docDate
      ? t('search.meta.from', { d: formatLocalDate(h.docDate) })
      : formatLocalDate(toLocalDate(h.publishedAt)),
    h.docStatus ? vocabLabel('docStatuses', h.docStatus, locale) : null,
    orgLabel(org, locale) || null,
  ].filter(Boolean);
  return (
    <li class="app-search-hit">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
        <a class="govuk-link" href={h.url}>
          <Marked parts={h.title} />
        </a>
      </h3>
      <p class="govuk-body-s govuk-!-margin-bottom-1 app-muted">{meta.join(' · ')}</p>
      {h.snippet.length > 0 && (
        <p class="govuk-body">
          <Marked parts={h.snippet} />
        </p>
      )}
    </li>
  );
}

function AdvancedFields({ form, orgs }: { form: PageForm; orgs: OrgRow[] }) {
  const { t, locale } = useView();
  const v = searchVocabulary();
  const values = form.values;
  const anyAdvanced = ['docType', 'number', 'docFrom', 'docTo', 'status', 'issuer'].some((k) => values[k]);
  return (
    <Details summary={t('search.advanced')} open={anyAdvanced || form.errors.length > 0}>
      <p class="govuk-hint">{t('search.advanced.hint')}</p>
      <Select
        name="docType"
        label={t('search.docType')}
        value={values.docType ?? ''}
        items={[
          { value: '', text: t('search.docType.any') },
          ...[...v.docTypes.values()].map((d) => ({ value: d.key, text: locale === 'en' ? d.en : d.ru })),
        ]}
      />
      <TextInput
        name="number"
        label={t('search.number')}
        hint={t('search.number.hint')}
        value={values.number}
        width="10"
      />
      <Radios
        name="numberMode"
        legend={t('search.numberMode')}
        legendSize="s"
        inline
        value={values.numberMode === 'prefix' ? 'prefix' : 'exact'}
        items={[
          { value: 'exact', text: t('search.numberMode.exact') },
          { value: 'prefix', text: t('search.numberMode.prefix') },
        ]}
      />
      <TextInput
        name="docFrom"
        label={t('search.docFrom')}
        hint={t('search.date.hint')}
        value={values.docFrom}
        width="10"
        errors={form.errors}
      />
      <TextInput
        name="docTo"
        label={t('search.docTo')}
        hint={t('search.date.hint')}
        value={values.docTo}
        width="10"
        errors={form.errors}
      />
      <Select
        name="status"
        label={t('search.status')}
        value={values.status ?? ''}
        items={[
          { value: '', text: t('search.status.any') },
          ...[...v.docStatuses.values()].map((d) => ({ value: d.key, text: locale === 'en' ? d.en : d.ru })),
        ]}
      />
      <Select
        name="issuer"
        label={t('search.issuer')}
        value={values.issuer ?? ''}
        items={[
          { value: '', text: t('search.issuer.any') },
          ...orgs.map((o) => ({ value: o.slug, text: locale === 'en' && o.nameEn ? o.nameEn : o.nameRu })),
        ]}
      />
    </Details>
  );
}

/** /search: the box, the advanced form, facets, results, pages. */
export function SearchView({ req, form, data }: { req: SearchRequest; form: PageForm; data: PortalSearch }) {
  const { t, locale, actor } = useView();
  const { result, orgs, orgById } = data;
  const bySlug = new Map(orgs.map((o) => [o.slug, o]));
  const pages = Math.min(Math.ceil(result.total / result.perPage), Math.floor(COUNT_CAP / result.perPage));
  const hidden = {
    type: req.types,
    org: req.orgSlugs,
    topic: req.topics,
    year: req.years?.map(String),
    sort: req.sort === 'date' ? ['date'] : [],
  };
  const facets = result.facets;
  const filtered = Object.values(hidden).some((l) => l && l.length > 0 && l[0] !== 'date');
  return (
    <>
      {form.errors.length > 0 && <ErrorSummary errors={form.errors} />}
      <h1 class="govuk-heading-l">{t('search.title')}</h1>
      <search>
        <form action="/search" method="get" novalidate>
          {Object.entries(hidden).flatMap(([k, list]) =>
            (list ?? []).map((x) => <input key={`${k}-${x}`} type="hidden" name={k} value={x} />),
          )}
          <TextInput
            name="q"
            type="search"
            label={t('search.q.label')}
            labelSize="m"
            hint={t('search.q.hint')}
            value={form.values.q}
            spellcheck
          />
          <AdvancedFields form={form} orgs={orgs} />
          <Button>{t('search.submit')}</Button>
        </form>
      </search>
      {result.suggestion && result.mode !== 'suggestion' && (
        <p class="govuk-body">
          {t('search.didYouMean')}{' '}
          <a class="govuk-link" href={searchHref(req, { q: result.suggestion, page: undefined })}>
            {result.suggestion}
          </a>
          ?
        </p>
      )}
      {result.mode === 'suggestion' && result.suggestion && (
        <InsetText>{t('search.showingFor', { q: result.query, s: result.suggestion })}</InsetText>
      )}
      {result.mode === 'similar' && <InsetText>{t('search.similar')}</InsetText>}
      {result.mode === 'timeout' && <WarningText>{t('search.timeout')}</WarningText>}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">{t('search.filters')}</h2>
          {facets && (
            <>
              <Facet
                k="type"
                title={t('search.facet.type')}
                counts={facets.type}
                req={req}
                label={(k) => vocabLabel('types', k, locale)}
              />
              <Facet
                k="org"
                title={t('search.facet.org')}
                counts={facets.org}
                req={req}
                keyOf={(id) => orgById.get(id)?.slug ?? id}
                label={(slug) => orgLabel(bySlug.get(slug), locale) || slug}
              />
              <Facet
                k="topic"
                title={t('search.facet.topic')}
                counts={facets.topic}
                req={req}
                label={(k) => vocabLabel('topics', k, locale)}
              />
              <Facet
                k="year"
                title={t('search.facet.year')}
                counts={facets.year}
                req={req}
                label={(k) => k}
              />
              {result.facetsPartial && <p class="govuk-body-s">{t('search.capped', { n: FACET_SET })}</p>}
            </>
          )}
          {filtered && (
            <p class="govuk-body">
              <a class="govuk-link" href={searchHref({ orgSlugs: [], q: req.q })}>
                {t('search.clear')}
              </a>
            </p>
          )}
          <h3 class="govuk-heading-s">{t('search.feeds')}</h3>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href="/feeds/news.atom">
                {t('feeds.news')}
              </a>
            </li>
            <li>
              <a class="govuk-link" href="/feeds/documents.atom">
                {t('feeds.documents')}
              </a>
            </li>
          </ul>
        </div>
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m">{t('search.results')}</h2>
          <p class="govuk-body" role="status">
            {result.capped && result.mode !== 'timeout'
              ? t('search.foundCapped', { n: result.total })
              : result.mode === 'timeout'
                ? ''
                : t('search.found', { n: result.total })}
          </p>
          {result.query && result.mode !== 'timeout' && (
            <p class="govuk-body-s">
              {t('search.sort')}:{' '}
              {req.sort === 'date' ? (
                <>
                  <a class="govuk-link" href={searchHref(req, { sort: undefined, page: undefined })}>
                    {t('search.sort.relevance')}
                  </a>{' '}
                  | <strong>{t('search.sort.date')}</strong>
                </>
              ) : (
                <>
                  <strong>{t('search.sort.relevance')}</strong> |{' '}
                  <a class="govuk-link" href={searchHref(req, { sort: 'date', page: undefined })}>
                    {t('search.sort.date')}
                  </a>
                </>
              )}
            </p>
          )}
          {result.items.length === 0 ? (
            <p class="govuk-body">{t('search.nothing')}</p>
          ) : (
            <ol class="govuk-list app-search-results" start={(result.page - 1) * result.perPage + 1}>
              {result.items.map((h) => (
                <Hit key={h.id} h={h} orgById={orgById} />
              ))}
            </ol>
          )}
          {result.mode === 'timeout' ? (
            <Pagination
              previous={
                result.page > 1 ? { href: searchHref(req, { page: String(result.page - 1) }) } : undefined
              }
              next={
                result.items.length === result.perPage
                  ? { href: searchHref(req, { page: String(result.page + 1) }) }
                  : undefined
              }
            />
          ) : (
            <Pagination
              page={result.page}
              total={pages}
              href={(n) => searchHref(req, { page: n > 1 ? String(n) : undefined })}
            />
          )}
          {result.query && (
            <p class="govuk-body">
              <a class="govuk-link" href={searchHref(req, { page: undefined }, '/subscriptions/new')}>
                {t('search.subscribe')}
              </a>
              {!isSignedIn(actor) && null}
            </p>
          )}
        </div>
      </div>
    </>
  );
}
