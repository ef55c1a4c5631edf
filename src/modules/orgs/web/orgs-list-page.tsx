import { Button, Select } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { type OrgKind, type OrgLevel, orgKinds, orgLevels } from '../orgs.input.ts';
import type { OrgRow } from '../orgs.repository.ts';
import { orgHref, orgName } from './common.tsx';

/** `/orgs`: the government, the executive bodies by kind, the municipalities by kind; a GET filter by kind. */
export function OrgsListView({
  orgs,
  kind,
  kindsPresent,
}: {
  orgs: OrgRow[];
  kind: OrgKind | undefined;
  kindsPresent: OrgKind[];
}) {
  const { t, locale } = useView();
  const filtered = kind !== undefined || orgs.length === 0;
  return (
    <>
      <h1 class="govuk-heading-xl">{t('orgs.list.title')}</h1>
      <p class="govuk-body-l">{t('orgs.list.lead')}</p>
      <form action="/orgs" method="get" novalidate>
        <Select
          name="kind"
          label={t('orgs.list.filter.kind')}
          value={kind ?? ''}
          items={[
            { value: '', text: t('orgs.list.filter.all') },
            ...kindsPresent.map((k) => ({ value: k, text: t(`orgs.kinds.${k}`) })),
          ]}
        />
        <Button variant="secondary">{t('orgs.list.filter.submit')}</Button>
      </form>
      <p class="govuk-body">
        {t('orgs.list.count', { count: orgs.length })}
        {filtered && (
          <>
            {' '}
            <a class="govuk-link" href="/orgs">
              {t('orgs.list.filter.reset')}
            </a>
          </>
        )}
      </p>
      {orgs.length === 0 && <p class="govuk-body">{t('orgs.list.empty')}</p>}
      {orgLevels.map((level: OrgLevel) => {
        const ofLevel = orgs.filter((o) => o.level === level);
        if (ofLevel.length === 0) return null;
        const kinds = orgKinds.filter((k) => ofLevel.some((o) => o.kind === k));
        return (
          <section key={level} aria-labelledby={`level-${level}`}>
            <h2 class="govuk-heading-l" id={`level-${level}`}>
              {t(`orgs.level.${level}`)}
            </h2>
            {kinds.map((k) => {
              const items = ofLevel.filter((o) => o.kind === k);
              const showKindHeading = level !== 'government';
              return (
                <div key={k}>
                  {showKindHeading && <h3 class="govuk-heading-m">{t(`orgs.kinds.${k}`)}</h3>}
                  <ul class="govuk-list govuk-list--spaced">
                    {items.map((o) => (
                      <li key={o.id}>
                        <a class="govuk-link" href={orgHref(o.slug)}>
                          {orgName(o, locale)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </>
  );
}
