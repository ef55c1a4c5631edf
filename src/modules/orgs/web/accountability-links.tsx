import { defineMessages } from '../../../platform/i18n/index.ts';
import { useView } from '../../../platform/ui/context.ts';

/*
 * The accountability pages (issue 10, the activist): appeal statistics,
 * quarterly reviews, questions and answers, the public archive of answered
 * appeals and the transparency log, linked from the portal home and from each
 * body's home. Plain addresses: orgs links to the appeals and publications
 * pages without importing those modules (they import orgs).
 */

defineMessages({
  ru: {
    'orgs.accountability.title': 'Подотчётность',
    'orgs.accountability.lead': 'Как органы власти отвечают на обращения и что публикуют',
    'orgs.accountability.orgLead': 'Как этот орган отвечает на обращения и что публикует',
    'orgs.accountability.stats': 'Статистика обращений',
    'orgs.accountability.stats.hint': 'сколько обращений, сколько отвечено в срок, довольны ли люди ответами',
    'orgs.accountability.compare': 'Сравнение органов по обращениям',
    'orgs.accountability.reviews': 'Ежеквартальные обзоры обращений',
    'orgs.accountability.faq': 'Частые вопросы и ответы',
    'orgs.accountability.archive': 'Открытый архив обращений и ответов',
    'orgs.accountability.transparency': 'Журнал публикаций',
    'orgs.accountability.transparency.hint':
      'что и когда опубликовано или изменено, с проверяемой цепочкой записей',
  },
  en: {
    'orgs.accountability.title': 'Accountability',
    'orgs.accountability.lead': 'How the authorities answer appeals and what they publish',
    'orgs.accountability.orgLead': 'How this body answers appeals and what it publishes',
    'orgs.accountability.stats': 'Appeal statistics',
    'orgs.accountability.stats.hint':
      'how many appeals, how many answered on time, whether people are satisfied',
    'orgs.accountability.compare': 'Bodies compared by appeals',
    'orgs.accountability.reviews': 'Quarterly reviews of appeals',
    'orgs.accountability.faq': 'Frequent questions and answers',
    'orgs.accountability.archive': 'Public archive of appeals and answers',
    'orgs.accountability.transparency': 'Publication log',
    'orgs.accountability.transparency.hint': 'what was published or changed and when, in a verifiable chain',
  },
});

/** The accountability links: region-wide on the home (`slug` the government), the body's own on its home. */
export function AccountabilityLinks({ slug, region }: { slug: string; region: boolean }) {
  const { t } = useView();
  const base = `/orgs/${encodeURIComponent(slug)}/appeals`;
  return (
    <section aria-labelledby="accountability-heading" id="accountability">
      <h2 class="govuk-heading-l" id="accountability-heading">
        {t('orgs.accountability.title')}
      </h2>
      <p class="govuk-body">{t(region ? 'orgs.accountability.lead' : 'orgs.accountability.orgLead')}</p>
      <ul class="govuk-list govuk-list--spaced">
        <li>
          <a class="govuk-link" href={region ? '/appeals/stats' : `${base}#stats`}>
            {t('orgs.accountability.stats')}
          </a>
          <span class="govuk-body-s">: {t('orgs.accountability.stats.hint')}</span>
        </li>
        {!region && (
          <li>
            <a class="govuk-link" href="/appeals/stats">
              {t('orgs.accountability.compare')}
            </a>
          </li>
        )}
        <li>
          <a class="govuk-link" href={`${base}/reviews`}>
            {t('orgs.accountability.reviews')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}#faq`}>
            {t('orgs.accountability.faq')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}/archive`}>
            {t('orgs.accountability.archive')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/transparency">
            {t('orgs.accountability.transparency')}
          </a>
          <span class="govuk-body-s">: {t('orgs.accountability.transparency.hint')}</span>
        </li>
      </ul>
    </section>
  );
}
