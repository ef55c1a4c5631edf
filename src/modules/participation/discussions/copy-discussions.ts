import { withIndexesDropped } from '../../../platform/db/bulk.ts';
import type { Db } from '../../../platform/db/client.ts';
import { copyRows } from '../../../platform/db/copy.ts';
import type { DiscussionAnchor } from './discussions.tables.ts';

/*
 * Bulk writing of discussions for other modules' generators (`npm run
 * generate`): a module that owns the discussed objects (drafts' clauses, …)
 * describes the discussions, participants and comments, and this module writes
 * its own tables through COPY.
 */

export type BulkDiscussion = {
  id: string;
  objectType: string;
  objectId: string;
  orgId: string;
  title: string;
  ownerUrl: string | null;
  rules: string;
  opensAt: Date;
  closesAt: Date;
  anchors: DiscussionAnchor[];
  wordingField: boolean;
  participantCount: number;
  createdAt: Date;
};
export type BulkParticipant = {
  discussionId: string;
  userId: string;
  number: number;
  joinedAt: Date;
};
export type BulkComment = {
  id: string;
  discussionId: string;
  parentId: string | null;
  authorUserId: string;
  authorNumber: number;
  anchorId: string | null;
  text: string;
  wording: string | null;
  status: 'published' | 'pending' | 'hidden';
  official: boolean;
  hiddenReason: string | null;
  createdAt: Date;
};

/**
 * Write generated discussions with their participants and comments through
 * COPY, the comments' and participants' secondary indexes dropped and rebuilt
 * once (hundreds of thousands of rows at a region's scale).
 */
export async function copyDiscussions(
  db: Db,
  data: { discussions: BulkDiscussion[]; participants: BulkParticipant[]; comments: BulkComment[] },
): Promise<{ discussions: number; participants: number; comments: number }> {
  const discussions = await copyRows(
    db,
    'discussions',
    [
      'id',
      'object_type',
      'object_id',
      'org_id',
      'title',
      'owner_url',
      'rules',
      'opens_at',
      'closes_at',
      'moderation',
      'anchors',
      'wording_field',
      'participant_count',
      'created_at',
    ],
    data.discussions.map((d) => [
      d.id,
      d.objectType,
      d.objectId,
      d.orgId,
      d.title,
      d.ownerUrl,
      d.rules,
      d.opensAt,
      d.closesAt,
      'post',
      JSON.stringify(d.anchors),
      d.wordingField,
      d.participantCount,
      d.createdAt,
    ]),
  );
  return withIndexesDropped(db, ['discussion_participants', 'discussion_comments'], async () => {
    const participants = await copyRows(
      db,
      'discussion_participants',
      ['discussion_id', 'user_id', 'number', 'joined_at'],
      data.participants.map((p) => [p.discussionId, p.userId, p.number, p.joinedAt]),
    );
    const comments = await copyRows(
      db,
      'discussion_comments',
      [
        'id',
        'discussion_id',
        'parent_id',
        'author_user_id',
        'author_number',
        'anchor_id',
        'text',
        'wording',
        'status',
        'official',
        'hidden_reason',
        'created_at',
      ],
      data.comments.map((c) => [
        c.id,
        c.discussionId,
        c.parentId,
        c.authorUserId,
        c.authorNumber,
        c.anchorId,
        c.text,
        c.wording,
        c.status,
        c.official,
        c.hiddenReason,
        c.createdAt,
      ]),
    );
    return { discussions, participants, comments };
  });
}
