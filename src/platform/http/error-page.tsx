import { useView } from '../ui/context.ts';

/** The error pages, in the layout: what happened and what to do next, in plain words. */
export function ErrorPage({
  kind,
}: {
  kind: '404' | '500' | '403' | 'csrf' | 'tooLarge' | 'rateLimit' | '4xx';
}) {
  const { t } = useView();
  const title = t(`error.${kind}.title`);
  const body = kind === '4xx' ? t('error.badRequest.body') : t(`error.${kind}.body`);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{body}</p>
        <p class="govuk-body">
          <a class="govuk-link" href="/">
            {t('error.404.home')}
          </a>
        </p>
      </div>
    </div>
  );
}
