import { DiscussionSection, type DiscussionView } from '../../participation/index.ts';

/**
 * The plan's discussion (task 5.2), rendered by the participation engine: the
 * rules and dates, the comments with the body's answers, the form. On an
 * item's page the view holds that item's comments and the form points at it.
 */
export function PlanDiscussion({ view, itemId }: { view: DiscussionView | null; itemId?: string }) {
  if (!view) return null;
  return (
    <DiscussionSection view={view} form={itemId ? { values: { anchor: itemId }, errors: [] } : undefined} />
  );
}
