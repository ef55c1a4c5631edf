import { DiscussionSection, type DiscussionView } from '../../participation/index.ts';

/**
 * The plan's discussion (task 5.2), rendered by the participation engine: the
 * rules and dates, the comments with the body's answers, the form. On an
 * item's page the view holds that item's comments, the form points at it and returns there.
 */
export function PlanDiscussion({ view, itemId }: { view: DiscussionView | null; itemId?: string }) {
  if (!view) return null;
  return (
    <DiscussionSection
      view={view}
      form={
        itemId
          ? {
              // a comment written on the item's page returns to it
              values: { anchor: itemId, back: `${view.discussion.ownerUrl}/items/${itemId}` },
              errors: [],
            }
          : undefined
      }
    />
  );
}
