import { discussionState } from '../discussions.policy.ts';
import type { DiscussionRow } from '../discussions.repository.ts';
import type { CommentView, DiscussionView } from '../get-discussion.ts';

/** The fields of a discussion the API shows, copied by name. */
export function presentDiscussion(d: DiscussionRow, orgSlug: string, now: Date) {
  return {
    id: d.id,
    title: d.title,
    objectType: d.objectType,
    org: orgSlug,
    opensAt: d.opensAt.toISOString(),
    closesAt: d.closesAt.toISOString(),
    state: discussionState(d, now),
    url: d.ownerUrl ?? `/discussions/${d.id}`,
    outcome: d.outcome,
  };
}

/** A comment as an anonymous reader sees it: a hidden one keeps its reason, never its text. */
export function presentComment(c: CommentView, v: DiscussionView) {
  const hidden = c.status === 'hidden';
  return {
    id: c.id,
    parentId: c.parentId,
    author: c.official ? v.org.nameRu : (c.shownName ?? `Участник №${c.authorNumber}`),
    official: c.official,
    position: hidden ? null : (c.position as 'for' | 'against' | 'neutral' | null),
    anchor: hidden ? null : c.anchorId,
    status: hidden ? ('hidden' as const) : ('published' as const),
    text: hidden ? null : c.text,
    wording: hidden ? null : c.wording,
    hiddenReason: hidden ? c.hiddenReason : null,
    createdAt: c.createdAt.toISOString(),
    editedAt: hidden ? null : (c.editedAt?.toISOString() ?? null),
    inOutcome: c.inOutcome,
  };
}
