import { Column, GridRow } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { AccountabilityLinks } from './accountability-links.tsx';

const PRINCIPLES = ['information', 'clarity', 'engagement', 'accountability'] as const;

/** `/`: what the portal is, the four principles in plain words, the ways into the authorities. */
export function HomeView({
  executiveCount,
  municipalCount,
}: {
  executiveCount: number;
  municipalCount: number;
}) {
  const { t, kiosk } = useView();
  return (
    <>
      <GridRow>
        <Column>
          <h1 class="govuk-heading-xl">{t('home.title')}</h1>
          <p class="govuk-body-l">{t('home.lead')}</p>
          <p class="govuk-body">{t('home.what')}</p>
        </Column>
      </GridRow>

      <h2 class="govuk-heading-l">{t('appeals.home.title')}</h2>
      <p class="govuk-body">{t('appeals.home.body')}</p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href="/appeals/start?type=appeal">
            {t('appeals.new.title')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/appeals/start?type=info_request">
            {t('appeals.new.title.info_request')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/appeals/start?type=corruption_report">
            {t('appeals.new.title.corruption_report')}
          </a>
        </li>
      </ul>

      <h2 class="govuk-heading-l">{t('home.authorities.title')}</h2>
      <GridRow>
        <Column width="one-third">
          <h3 class="govuk-heading-m">
            <a class="govuk-link" href="/orgs/government">
              {t('home.authorities.government')}
            </a>
          </h3>
          <p class="govuk-body">{t('home.authorities.governmentBody')}</p>
        </Column>
        <Column width="one-third">
          <h3 class="govuk-heading-m">
            <a class="govuk-link" href="/orgs?level=executive">
              {t('home.authorities.executive')}
            </a>
          </h3>
          <p class="govuk-body">{t('home.authorities.executiveBody', { count: executiveCount })}</p>
        </Column>
        <Column width="one-third">
          <h3 class="govuk-heading-m">
            <a class="govuk-link" href="/orgs?level=municipal">
              {t('home.authorities.municipal')}
            </a>
          </h3>
          <p class="govuk-body">{t('home.authorities.municipalBody', { count: municipalCount })}</p>
        </Column>
      </GridRow>

      <h2 class="govuk-heading-l">{t('home.acts.title')}</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href="/legal-acts">
            {t('home.acts.register')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/search">
            {t('home.acts.search')}
          </a>
        </li>
      </ul>

      <AccountabilityLinks slug="government" region />

      <h2 class="govuk-heading-l">{t('home.principles.title')}</h2>
      <GridRow>
        {PRINCIPLES.map((p) => (
          <Column width="one-quarter" key={p}>
            <h3 class="govuk-heading-s">{t(`home.principles.${p}.title`)}</h3>
            <p class="govuk-body">{t(`home.principles.${p}.body`)}</p>
          </Column>
        ))}
      </GridRow>

      {/* A kiosk terminal offers no way off the service (task 8.4). */}
      {!kiosk && (
        <>
          <h2 class="govuk-heading-m">{t('home.developers.title')}</h2>
          <p class="govuk-body">
            {t('home.developers.body')}{' '}
            <a class="govuk-link" href="/api/docs">
              {t('home.developers.link')}
            </a>
          </p>
        </>
      )}
    </>
  );
}
