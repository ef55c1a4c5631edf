import type { ComponentChildren } from 'preact';
import { Column, GridRow, SummaryList, type SummaryRow, Tag } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgHome } from '../get-org-home.ts';
import type { OfficialRow, OrgRow, OrgSectionRow } from '../orgs.repository.ts';
import { AccountabilityLinks } from './accountability-links.tsx';
import { OfficialsTable, officialLine, orgHref, orgName, sectionSummary, sectionTitle } from './common.tsx';

/** The details rows everyone may see: never a placeholder ИНН, nothing that is not given. */
export function PublicDetails({ org, parent }: { org: OrgRow; parent: OrgRow | null }) {
  const { t, locale } = useView();
  const notGiven = <>{t('orgs.home.notGiven')}</>;
  const rows: SummaryRow[] = [{ key: t('orgs.home.kind'), value: t(`orgs.kind.${org.kind}`) }];
  if (parent) {
    rows.push({
      key: t('orgs.home.parent'),
      value: (
        <a class="govuk-link" href={orgHref(parent.slug)}>
          {orgName(parent, locale)}
        </a>
      ),
    });
  }
  rows.push({
    key: t('orgs.home.head'),
    value:
      org.headPosition || org.headName ? (
        <>
          {org.headPosition}
          {org.headPosition && org.headName && <br />}
          {org.headName}
        </>
      ) : (
        t('orgs.home.headNotGiven')
      ),
  });
  rows.push({ key: t('orgs.home.address'), value: org.address ?? notGiven });
  rows.push({ key: t('orgs.home.phone'), value: org.phone ?? notGiven });
  rows.push({
    key: t('orgs.home.email'),
    value: org.email ? (
      <a class="govuk-link" href={`mailto:${org.email}`}>
        {org.email}
      </a>
    ) : (
      notGiven
    ),
  });
  // Many bodies have no site of their own (their pages are on this portal): no row rather than «не указано».
  if (org.website)
    rows.push({
      key: t('orgs.home.website'),
      value: (
        <a class="govuk-link" href={org.website} rel="noopener">
          {org.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
        </a>
      ),
    });
  if (org.inn && !org.innIsDemo) rows.push({ key: t('orgs.home.inn'), value: org.inn });
  return <SummaryList rows={rows} />;
}

function responsibleFor(s: OrgSectionRow, officials: OfficialRow[]): OfficialRow[] {
  return s.responsibleDuty ? officials.filter((o) => o.duty === s.responsibleDuty) : [];
}

/** One section of the home: its title and summary, and either «filled» or «empty, and who answers for it». */
function SectionItem({ slug, s, officials }: { slug: string; s: OrgSectionRow; officials: OfficialRow[] }) {
  const { t, locale } = useView();
  const who = responsibleFor(s, officials);
  const summary = sectionSummary(s, locale);
  return (
    <li>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
        <a class="govuk-link" href={`${orgHref(slug)}/${s.path}`}>
          {sectionTitle(s, locale)}
        </a>
      </h3>
      {summary && <p class="govuk-body govuk-!-margin-bottom-1">{summary}</p>}
      {s.filledAt ? (
        <p class="govuk-body">
          <Tag colour="green">{t('orgs.home.sectionFilled')}</Tag>
        </p>
      ) : (
        <>
          <p class="govuk-body govuk-!-margin-bottom-1">
            <Tag colour="grey">{t('orgs.home.sectionEmpty')}</Tag>
          </p>
          <p class="govuk-body">
            {who.length > 0
              ? t('orgs.home.responsible', { who: who.map(officialLine).join('; ') })
              : t('orgs.home.noResponsible')}
          </p>
        </>
      )}
    </li>
  );
}

function OrgList({ orgs }: { orgs: OrgRow[] }): ComponentChildren {
  const { locale } = useView();
  return (
    <ul class="govuk-list govuk-list--spaced">
      {orgs.map((o) => (
        <li key={o.id}>
          <a class="govuk-link" href={orgHref(o.slug)}>
            {orgName(o, locale)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** `/orgs/<slug>`: the organisation's public home. */
export function OrgHomeView({ home, canManage }: { home: OrgHome; canManage: boolean }) {
  const { t, locale } = useView();
  const { org, parent, sections, officials, children } = home;
  const description = locale === 'en' ? (org.descriptionEn ?? org.descriptionRu) : org.descriptionRu;
  return (
    <>
      <GridRow>
        <Column>
          <span class="govuk-caption-l">{t(`orgs.kind.${org.kind}`)}</span>
          <h1 class="govuk-heading-xl">{orgName(org, locale)}</h1>
          {description && <p class="govuk-body-l">{description}</p>}
          {canManage && (
            <p class="govuk-body">
              <a class="govuk-link" href={`/manage/orgs/${org.slug}`}>
                {t('orgs.home.manage')}
              </a>
            </p>
          )}
          <h2 class="govuk-heading-m">{t('orgs.home.details')}</h2>
          <PublicDetails org={org} parent={parent} />
        </Column>
      </GridRow>

      <AccountabilityLinks slug={org.slug} region={false} />

      <h2 class="govuk-heading-l">{t('orgs.home.sections')}</h2>
      <ul class="govuk-list govuk-list--spaced">
        {sections
          .filter((s) => s.filledAt)
          .map((s) => (
            <SectionItem key={s.id} slug={org.slug} s={s} officials={officials} />
          ))}
      </ul>
      {sections.some((s) => !s.filledAt) && (
        <>
          <h2 class="govuk-heading-m">{t('orgs.home.sectionsEmpty')}</h2>
          <ul class="govuk-list govuk-list--spaced">
            {sections
              .filter((s) => !s.filledAt)
              .map((s) => (
                <SectionItem key={s.id} slug={org.slug} s={s} officials={officials} />
              ))}
          </ul>
        </>
      )}

      <h2 class="govuk-heading-l">{t('orgs.home.officials')}</h2>
      {officials.length === 0 ? (
        <p class="govuk-body">{t('orgs.officials.none')}</p>
      ) : (
        <OfficialsTable officials={officials} />
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`${orgHref(org.slug)}/officials`}>
          {t('orgs.home.allOfficials')}
        </a>
      </p>

      {children.length > 0 && (
        <>
          <h2 class="govuk-heading-l">{t('orgs.home.children')}</h2>
          <OrgList orgs={children} />
        </>
      )}
    </>
  );
}
