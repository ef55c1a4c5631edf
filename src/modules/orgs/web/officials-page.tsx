import { InsetText, SummaryList, Tag } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { duties } from '../orgs.input.ts';
import type { OfficialRow, OrgRow, OrgSectionRow } from '../orgs.repository.ts';
import { Contacts, orgName, sectionSummary, sectionTitle } from './common.tsx';

/** One person: position, contacts, reception hours and what they do (task 3.2: goals, tasks, functions). */
function OfficialCard({ o }: { o: OfficialRow }) {
  const { t } = useView();
  const rows = [
    { key: t('orgs.officials.position'), value: o.position },
    { key: t('orgs.officials.contacts'), value: <Contacts o={o} /> },
  ];
  if (o.receptionHours) rows.push({ key: t('orgs.officials.reception'), value: o.receptionHours });
  if (o.dutiesRu) rows.push({ key: t('orgs.officials.functions'), value: o.dutiesRu });
  return (
    <div class="govuk-!-margin-bottom-6">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-2">
        {o.fullName} {o.isDemo && <Tag colour="yellow">{t('orgs.officials.demo')}</Tag>}
      </h3>
      <SummaryList rows={rows} />
    </div>
  );
}

/** `/orgs/<slug>/officials`: every responsible official, by area (tasks 3.2, 4.1, 7.4, 10.1). */
export function OfficialsView({ org, officials }: { org: OrgRow; officials: OfficialRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('orgs.officials.title')}</h1>
      <p class="govuk-body-l">{t('orgs.officials.lead')}</p>
      {officials.length === 0 && <p class="govuk-body">{t('orgs.officials.none')}</p>}
      {duties.map((d) => {
        const of = officials.filter((o) => o.duty === d);
        if (of.length === 0) return null;
        return (
          <section key={d} aria-labelledby={`duty-${d}`}>
            <h2 class="govuk-heading-m" id={`duty-${d}`}>
              {t(`orgs.duty.${d}`)}
            </h2>
            {of.map((o) => (
              <OfficialCard key={o.id} o={o} />
            ))}
          </section>
        );
      })}
    </>
  );
}

/** `/orgs/<slug>/<section>` while no module serves the section: what it will hold and who answers for it. */
export function SectionView({
  org,
  section,
  officials,
}: {
  org: OrgRow;
  section: OrgSectionRow;
  officials: OfficialRow[];
}) {
  const { t, locale } = useView();
  const who = section.responsibleDuty ? officials.filter((o) => o.duty === section.responsibleDuty) : [];
  const summary = sectionSummary(section, locale);
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{sectionTitle(section, locale)}</h1>
      {summary && <p class="govuk-body-l">{summary}</p>}
      {!section.filledAt && <InsetText>{t('orgs.section.empty')}</InsetText>}
      <h2 class="govuk-heading-m">{t('orgs.section.whoResponsible')}</h2>
      {who.length === 0 ? (
        <p class="govuk-body">{t('orgs.home.noResponsible')}</p>
      ) : (
        who.map((o) => <OfficialCard key={o.id} o={o} />)
      )}
    </>
  );
}
