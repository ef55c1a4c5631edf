import { formatBytes } from '../../../platform/files/index.ts';
import { Button, InsetText, Narrow } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { AppealType, DeadlineSettings } from '../appeals.model.ts';
import { ATTACHMENT_RULES } from '../appeals.settings.ts';
import { newTitleKey } from './new-appeal-page.tsx';

/**
 * `/appeals/start`: what the citizen needs to know before signing in (a GOV.UK
 * start page): who can write, what she will need, why Госуслуги, how long an
 * answer takes (from the deployment's deadline settings), then «Начать».
 */
export function StartView({
  type,
  startHref,
  signedIn,
  deadlines,
  emailAccountsForRequests,
  emailAccountsForAppeals,
}: {
  type: AppealType | null;
  startHref: string;
  signedIn: boolean;
  deadlines: DeadlineSettings;
  emailAccountsForRequests: boolean;
  emailAccountsForAppeals: boolean;
}) {
  const { t, locale } = useView();
  return (
    <Narrow>
      <h1 class="govuk-heading-xl">{t(newTitleKey(type ?? 'appeal'))}</h1>
      <p class="govuk-body-l">{t('appeals.start.lead')}</p>

      <h2 class="govuk-heading-m">{t('appeals.start.who.title')}</h2>
      <p class="govuk-body">{t('appeals.start.who.body')}</p>
      <p class="govuk-body-s">{t('appeals.start.who.law')}</p>

      <h2 class="govuk-heading-m">{t('appeals.start.need.title')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>{t('appeals.start.need.esia')}</li>
        <li>{t('appeals.start.need.email')}</li>
        <li>{t('appeals.start.need.text')}</li>
        <li>
          {t('appeals.start.need.optional', {
            count: ATTACHMENT_RULES.maxFiles,
            size: formatBytes(ATTACHMENT_RULES.maxBytes, locale === 'en' ? 'en' : 'ru'),
          })}
        </li>
        <li>{t('appeals.start.need.postal')}</li>
      </ul>
      <p class="govuk-body">{t('appeals.start.need.draft')}</p>

      <h2 class="govuk-heading-m">{t('appeals.start.esia.title')}</h2>
      <p class="govuk-body">{t('appeals.start.esia.body')}</p>
      <p class="govuk-body-s">{t('appeals.start.esia.law')}</p>
      {emailAccountsForRequests && <p class="govuk-body">{t('appeals.start.esia.infoRequest')}</p>}
      {emailAccountsForAppeals && <InsetText>{t('appeals.start.esia.demo')}</InsetText>}

      <h2 class="govuk-heading-m">{t('appeals.start.time.title')}</h2>
      <ul class="govuk-list govuk-list--bullet">
        <li>
          {t('appeals.start.time.appeal', { days: deadlines.answerDays, ext: deadlines.extensionMaxDays })}
        </li>
        <li>
          {t('appeals.start.time.info_request', {
            days: deadlines.infoRequestAnswerDays,
            ext: deadlines.infoRequestExtensionMaxDays,
          })}
        </li>
        <li>{t('appeals.start.time.media_request', { days: deadlines.mediaRequestAnswerDays })}</li>
      </ul>
      <p class="govuk-body">{t('appeals.start.time.forward', { days: deadlines.forwardDays })}</p>

      <p class="govuk-body">{t(signedIn ? 'appeals.start.signedInAs' : 'appeals.start.signInFirst')}</p>
      <Button href={startHref} variant="start">
        {t('appeals.start.button')}
      </Button>
    </Narrow>
  );
}
