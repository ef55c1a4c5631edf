import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { InsetText, SummaryList, Table } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type {
  OpenMunicipalityAct,
  OpenMunicipalityPage,
  OpenMunicipalityRegion,
} from '../open-municipality.ts';
import { docTypeLabel } from '../publications.input.ts';
import { orgName, StatusTag } from './common.tsx';

/** The region-wide page of the acts. */
export const OPEN_MUNICIPALITY_REGION_PATH = '/legal-acts/open-municipality';

/** The acts as a table: kind, number, date, title with its link, status. */
function ActsTable({ acts, caption }: { acts: OpenMunicipalityAct[]; caption: string }) {
  const { t, locale } = useView();
  return (
    <Table
      caption={caption}
      captionSize="s"
      head={[
        { text: t('publications.requisites.type') },
        { text: t('publications.requisites.number') },
        { text: t('publications.requisites.date') },
        { text: t('publications.field.title') },
        { text: t('publications.requisites.status') },
      ]}
      rows={acts.map((a) => [
        docTypeLabel(a.docType, locale),
        a.docNumber ?? '',
        formatLocalDate(a.docDate),
        <a key="l" class="govuk-link" href={a.url}>
          {a.title}
        </a>,
        <StatusTag key="s" status={a.docStatus} />,
      ])}
    />
  );
}

/** `/orgs/<slug>/open-municipality` (concept VI.1, VI.4): who curates openness and the municipality's acts on it. */
export function OpenMunicipalityView({ page }: { page: OpenMunicipalityPage }) {
  const { t, locale } = useView();
  const { org, acts, coordinators } = page;
  const name = orgName(org, locale);
  return (
    <>
      <span class="govuk-caption-l">{name}</span>
      <h1 class="govuk-heading-xl">{t('publications.openMun.title')}</h1>
      <p class="govuk-body-l">{t('publications.openMun.lead')}</p>
      <h2 class="govuk-heading-m">{t('publications.openMun.acts')}</h2>
      {acts.length === 0 ? (
        <InsetText>{t('publications.openMun.none')}</InsetText>
      ) : (
        <ActsTable acts={acts} caption={t('publications.openMun.caption', { org: name })} />
      )}
      <h2 class="govuk-heading-m">{t('publications.openMun.coordinators')}</h2>
      {coordinators.length === 0 ? (
        <p class="govuk-body">{t('publications.openMun.noCoordinator')}</p>
      ) : (
        coordinators.map((o) => (
          <div class="govuk-!-margin-bottom-6" key={o.id}>
            <h3 class="govuk-heading-s govuk-!-margin-bottom-2">{o.fullName}</h3>
            <SummaryList
              rows={[
                { key: t('publications.openMun.position'), value: o.position },
                ...(o.email || o.phone
                  ? [
                      {
                        key: t('publications.openMun.contacts'),
                        value: [o.phone, o.email].filter(Boolean).join(', '),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        ))
      )}
      <h2 class="govuk-heading-m">{t('publications.openMun.more')}</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`/orgs/${org.slug}/plans`}>
            {t('publications.openMun.plans')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`/orgs/${org.slug}/rating`}>
            {t('publications.openMun.rating')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`/orgs/${org.slug}/officials`}>
            {t('publications.openMun.officials')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={OPEN_MUNICIPALITY_REGION_PATH}>
            {t('publications.openMunRegion.title')}
          </a>
        </li>
      </ul>
    </>
  );
}

/** `/legal-acts/open-municipality` (concept VI.4): every municipality's acts, and those with none yet. */
export function OpenMunicipalityRegionView({ region }: { region: OpenMunicipalityRegion }) {
  const { t, locale } = useView();
  const total = region.withActs.length + region.without.length;
  return (
    <>
      <h1 class="govuk-heading-xl">{t('publications.openMunRegion.title')}</h1>
      <p class="govuk-body-l">{t('publications.openMunRegion.lead')}</p>
      <p class="govuk-body">{t('publications.openMunRegion.count', { n: region.withActs.length, total })}</p>
      {region.withActs.map(({ org, acts }) => {
        const name = orgName(org, locale);
        return (
          <section key={org.id} aria-labelledby={`m-${org.slug}`}>
            <h2 class="govuk-heading-m" id={`m-${org.slug}`}>
              <a class="govuk-link" href={`/orgs/${org.slug}/open-municipality`}>
                {name}
              </a>
            </h2>
            <ActsTable acts={acts} caption={t('publications.openMun.caption', { org: name })} />
          </section>
        );
      })}
      <h2 class="govuk-heading-m" id="without">
        {t('publications.openMunRegion.without')}
      </h2>
      {region.without.length === 0 ? (
        <p class="govuk-body">{t('publications.openMunRegion.allHave')}</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {region.without.map((o) => (
            <li key={o.id}>
              <a class="govuk-link" href={`/orgs/${o.slug}/open-municipality`}>
                {orgName(o, locale)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
