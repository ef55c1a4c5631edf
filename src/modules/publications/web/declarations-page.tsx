import type { ComponentChildren } from 'preact';
import { Table } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import type { DeclarationRow, DeclarationSort } from '../publications.repository.ts';
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

/** `/orgs/<slug>/declarations`: a year's table, sortable by GET links, with CSV. */
export function DeclarationsView({
  org,
  years,
  year,
  rows,
  sort,
  dir,
  extra,
}: {
  org: OrgRow;
  years: number[];
  year: number | null;
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
      {years.length > 1 && (
        <nav aria-label={t('declarations.field.year')}>
          <ul class="govuk-list govuk-list--inline">
            {years.map((y) => (
              <li key={y}>
                {y === year ? (
                  <strong>{y}</strong>
                ) : (
                  <a class="govuk-link" href={`${base}?year=${y}`}>
                    {y}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
      {year === null ? (
        <p class="govuk-body">{t('declarations.none')}</p>
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
              rows={rows.map((r) => {
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
          </div>
        </>
      )}
      {extra}
    </>
  );
}
