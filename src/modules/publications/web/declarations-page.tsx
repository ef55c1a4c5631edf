import type { ComponentChildren } from 'preact';
import { Table } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { declarantUrl } from '../declarations.search.ts';
import type { DeclarantRow, DeclarationRow, DeclarationSort } from '../publications.repository.ts';
import { orgName } from './common.tsx';

const area = (n: number) => n.toLocaleString('ru-RU', { maximumFractionDigits: 2 });
export const rub = (kopecks: number) =>
  (kopecks / 100).toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Cells of one row as text lines, shared by the page and the CSV. */
export function declarationCells(r: DeclarationRow, t: (k: string) => string) {
  const owned = r.realEstateOwned.map(
    (o) =>
      `${o.type} (${o.ownership}${o.share ? `, ${o.share}` : ''}), ${area(o.areaSqm)} кв. м, ${o.country}`,
  );
  const used = r.realEstateUsed.map((o) => `${o.type}, ${area(o.areaSqm)} кв. м, ${o.country}`);
  const vehicles = r.vehicles.map((v) => `${v.type} ${v.make}`);
  const deals = r.largeDealSources.map((d) => `${d.assetType}: ${d.sources}`);
  const person = r.relation === 'DECLARANT' ? r.declarantShortName : t(`declarations.relation.${r.relation}`);
  return { person, position: r.relation === 'DECLARANT' ? r.position : '', owned, used, vehicles, deals };
}

const lines = (l: string[]) =>
  l.length === 0
    ? '—'
    : l.map((x, i) => (
        <span key={i} class="app-line">
          {x}
          {i < l.length - 1 && <br />}
        </span>
      ));

/** The table's cells of a row; the declarant's name links to their page of every year. */
function rowCells(org: OrgRow, r: DeclarationRow, t: (k: string) => string) {
  const c = declarationCells(r, t);
  return [
    r.relation === 'DECLARANT' ? (
      <a class="govuk-link" href={declarantUrl(org.slug, r.declarantId)}>
        {c.person}
      </a>
    ) : (
      c.person
    ),
    c.position,
    lines(c.owned),
    lines(c.used),
    lines(c.vehicles),
    { content: rub(r.declaredIncomeKopecks), numeric: true },
    lines(c.deals),
  ];
}

/** `/orgs/<slug>/declarations`: a year's table, sortable by GET links, with CSV; a withheld year names its basis. */
export function DeclarationsView({
  org,
  years,
  year,
  withheld,
  rows,
  sort,
  dir,
  extra,
}: {
  org: OrgRow;
  years: { year: number; published: boolean }[];
  year: number | null;
  withheld: string | null;
  rows: DeclarationRow[];
  sort: DeclarationSort;
  dir: 'asc' | 'desc';
  extra?: ComponentChildren;
}) {
  const { t, locale } = useView();
  const base = `/orgs/${org.slug}/declarations`;
  const sortLink = (key: DeclarationSort, label: string) => {
    const next = sort === key && dir === 'asc' ? 'desc' : 'asc';
    const mark = sort === key ? (dir === 'asc' ? ' ▲' : ' ▼') : '';
    return (
      <a
        class="govuk-link"
        href={`${base}?year=${year}&sort=${key}&dir=${next}`}
        aria-label={t('declarations.sortBy', { col: label })}
      >
        {label}
        {mark}
      </a>
    );
  };
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{t('declarations.title')}</h1>
      <p class="govuk-body">{t('declarations.tenureNote')}</p>
      {years.length > 1 && (
        <nav aria-label={t('declarations.field.year')}>
          <ul class="govuk-list govuk-list--inline">
            {years.map((y) => {
              const label = y.published ? String(y.year) : `${y.year} (${t('declarations.withheldTag')})`;
              return (
                <li key={y.year}>
                  {y.year === year ? (
                    <strong>{label}</strong>
                  ) : (
                    <a class="govuk-link" href={`${base}?year=${y.year}`}>
                      {label}
                    </a>
                  )}
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {year === null ? (
        <p class="govuk-body">{t('declarations.none')}</p>
      ) : withheld !== null ? (
        <div class="govuk-inset-text">
          <p class="govuk-body">{t('declarations.withheld', { year })}</p>
          <p class="govuk-body">{t('declarations.withheldBasis', { basis: withheld })}</p>
        </div>
      ) : (
        <>
          <h2 class="govuk-heading-m">{t('declarations.year', { year })}</h2>
          <p class="govuk-body">
            <a class="govuk-link" href={`${base}.csv?year=${year}&sort=${sort}&dir=${dir}`}>
              {t('declarations.csv')}
            </a>
          </p>
          <div class="app-table-scroll">
            <Table
              head={[
                { text: sortLink('name', t('declarations.col.name')) },
                { text: sortLink('position', t('declarations.col.position')) },
                { text: t('declarations.col.owned') },
                { text: t('declarations.col.used') },
                { text: t('declarations.col.vehicles') },
                { text: sortLink('income', t('declarations.col.income')), numeric: true },
                { text: t('declarations.col.deals') },
              ]}
              rows={rows.map((r) => rowCells(org, r, t))}
            />
          </div>
        </>
      )}
      {extra}
    </>
  );
}

/** `/orgs/<slug>/declarations/officials/<id>`: one person's every published year (journalists, issue 10). */
export function OfficialDeclarationsView({
  org,
  person,
  years,
}: {
  org: OrgRow;
  person: DeclarantRow;
  years: { year: number; rows: DeclarationRow[] }[];
}) {
  const { t, locale } = useView();
  const positions = [
    ...new Set(years.flatMap((y) => y.rows.filter((r) => r.relation === 'DECLARANT').map((r) => r.position))),
  ];
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{t('declarations.official.title', { name: person.shortName })}</h1>
      {positions.length > 0 && <p class="govuk-body-l">{positions.join('; ')}</p>}
      <p class="govuk-body">
        {t('declarations.official.years', { years: years.map((y) => y.year).join(', ') })}
      </p>
      <p class="govuk-body">{t('declarations.tenureNote')}</p>
      {years.map((y) => (
        <section key={y.year} aria-labelledby={`year-${y.year}`}>
          <h2 class="govuk-heading-m" id={`year-${y.year}`}>
            {t('declarations.year', { year: y.year })}
          </h2>
          <Table
            label={t('declarations.year', { year: y.year })}
            head={[
              { text: t('declarations.col.name') },
              { text: t('declarations.col.position') },
              { text: t('declarations.col.owned') },
              { text: t('declarations.col.used') },
              { text: t('declarations.col.vehicles') },
              { text: t('declarations.col.income'), numeric: true },
              { text: t('declarations.col.deals') },
            ]}
            rows={y.rows.map((r) => {
              const c = declarationCells(r, t);
              return [
                c.person,
                c.position,
                lines(c.owned),
                lines(c.used),
                lines(c.vehicles),
                { content: rub(r.declaredIncomeKopecks), numeric: true },
                lines(c.deals),
              ];
            })}
          />
        </section>
      ))}
      <p class="govuk-body">
        <a class="govuk-link" href={`/orgs/${org.slug}/declarations`}>
          {t('declarations.official.back')}
        </a>
      </p>
    </>
  );
}
