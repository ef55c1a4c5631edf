import { useView } from '../../../platform/ui/context.ts';
import type { PlanRow } from '../plans.repository.ts';

/*
 * ATTACH POINT for the participation engine's discussions (src/modules/participation,
 * built at the same time as this module). When its attach API is on main, a plan in
 * «на обсуждении» opens a discussion on start_discussion (changePlanStatus's
 * onDiscussionOpened hook, its id kept in plans.discussion_id) with the plan's
 * items as anchors, and this component renders the engine's comments and form.
 * Until then it says the plan is open for discussion and how to send proposals.
 */
export function PlanDiscussion({ plan }: { plan: PlanRow; itemId?: string }) {
  const { t } = useView();
  if (plan.status !== 'discussion' && !plan.discussionId) return null;
  return (
    <section aria-labelledby="plan-discussion">
      <h2 class="govuk-heading-m" id="plan-discussion">
        {t('plans.discussion.title')}
      </h2>
      {plan.status === 'discussion' && <p class="govuk-body">{t('plans.discussion.open')}</p>}
      <p class="govuk-body">
        {t('plans.discussion.pending')}{' '}
        <a class="govuk-link" href="/appeals/start">
          {t('plans.discussion.write')}
        </a>
      </p>
    </section>
  );
}
