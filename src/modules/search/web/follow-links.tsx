import { useView } from '../../../platform/ui/context.ts';

/**
 * «Следить» on a followable object's page: the link to follow it by e-mail
 * and its Atom feed. Other modules render it through search/index.ts.
 */
export function FollowLinks({ kind, id }: { kind: string; id: string }) {
  const { t } = useView();
  return (
    <p class="govuk-body app-follow">
      <a class="govuk-link" href={`/subscriptions/follow/${kind}/${id}`}>
        {t('subs.follow.link')}
      </a>
      {' · '}
      <a class="govuk-link" href={`/feeds/follow/${kind}/${id}.atom`} type="application/atom+xml">
        {t('subs.follow.atom')}
      </a>
    </p>
  );
}
