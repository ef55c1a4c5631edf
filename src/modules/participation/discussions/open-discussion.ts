import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, Conflict, InvalidInput } from '../../../platform/errors/index.ts';
import { markOrgSectionFilled } from '../../orgs/index.ts';
import { type ModerationMode, TOPIC } from './discussions.model.ts';
import { discussionsPolicy } from './discussions.policy.ts';
import { type DiscussionRow, discussionsRepository as repo } from './discussions.repository.ts';
import { indexDiscussion } from './discussions.search.ts';
import type { DiscussionAnchor } from './discussions.tables.ts';
import { DISCUSSIONS_SECTION } from './sections.ts';

/** What an owner module gives to attach a discussion to one of its objects. */
export type OpenDiscussionInput = {
  /** the owner's kind, e.g. 'draft', 'plan', 'council_conclusion' ('topic' is the engine's own) */
  objectType: string;
  /** the owner's id in its module */
  objectId: string;
  /** the body that runs it: its editors and head moderate and answer officially */
  orgId: string;
  title: string;
  /** the owner's page, a local path; comments return there */
  ownerUrl?: string | null;
  /** what is discussed (standalone topics; an owner shows its own object) */
  description?: string;
  /** rules shown on top, besides the portal's rules at /discussions/rules */
  rules?: string;
  opensAt: Date;
  closesAt: Date;
  positionRequired?: boolean;
  identificationRequired?: boolean;
  moderation?: ModerationMode;
  editWindowMinutes?: number;
  /** the parts a comment may point at (clauses, items): ids unique, labels shown */
  anchors?: DiscussionAnchor[];
  /** a comment may propose a new wording beside its text, the justification (a draft regulation's discussion) */
  wordingField?: boolean;
};

/**
 * Attach a discussion to an owner object (one per object). The caller's actor
 * must be staff who may open discussions for that body; a second discussion for
 * the same object is a Conflict.
 */
export async function openDiscussion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: OpenDiscussionInput,
): Promise<DiscussionRow> {
  authorize(
    input.objectType === TOPIC
      ? discussionsPolicy.canOpenTopic(origin.actor, input.orgId)
      : discussionsPolicy.canOpen(origin.actor, input.orgId),
  );
  if (input.closesAt <= input.opensAt)
    throw new InvalidInput([{ field: 'closesOn', message: 'disc.topic.closesOn.beforeOpens' }]);
  const anchors = input.anchors ?? [];
  if (new Set(anchors.map((a) => a.id)).size !== anchors.length) throw new Error('anchor ids must be unique');
  // Comments redirect there: a local path only, never «//host» or a backslash a browser reads as one.
  if (input.ownerUrl && !/^\/(?![/\\])[^\\]*$/.test(input.ownerUrl))
    throw new Error('ownerUrl must be a local path');
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertDiscussion(tx, {
      objectType: input.objectType,
      objectId: input.objectId,
      orgId: input.orgId,
      title: input.title,
      ownerUrl: input.ownerUrl ?? null,
      description: input.description ?? '',
      rules: input.rules ?? '',
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      positionRequired: input.positionRequired ?? false,
      identificationRequired: input.identificationRequired ?? false,
      moderation: input.moderation ?? 'post',
      editWindowMinutes: input.editWindowMinutes ?? 15,
      anchors,
      wordingField: input.wordingField ?? false,
      createdBy: isSignedIn(origin.actor) ? origin.actor.userId : null,
      createdAt: deps.clock.now(),
    });
    if (!row) throw new Conflict('disc.open.exists');
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'discussion.open',
      objectType: 'discussion',
      objectId: row.id,
      orgId: row.orgId,
      details: { objectType: row.objectType, objectId: row.objectId, moderation: row.moderation },
    });
    await indexDiscussion(tx, row);
    await markOrgSectionFilled(tx, row.orgId, DISCUSSIONS_SECTION, row.createdAt);
    return row;
  });
}

/** The discussion attached to an owner object, or undefined: what an owner's page asks before rendering the section. */
export function getDiscussionForObject(
  db: Pick<Deps, 'db'>['db'],
  objectType: string,
  objectId: string,
): Promise<DiscussionRow | undefined> {
  return repo.findByObject(db, objectType, objectId);
}

/**
 * The owner's object changes its course: its discussion closes now (it has left its public
 * discussion: comments are no longer taken), or reopens from now until `closesAt` (put up for
 * discussion again). Staff of the body, or the owner module inside a step it has authorized itself
 * (`ownerAuthorized`: a commission returning a plan from its discussion); audited either way. A
 * discussion already closed stays as it is on close.
 */
export async function setDiscussionPeriod(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: {
    objectType: string;
    objectId: string;
    closesAt: 'now' | Date;
    ownerAuthorized?: boolean;
    /** on reopening: the owner's parts now (labels updated, new ones added; parts comments point at are kept) */
    anchors?: DiscussionAnchor[];
  },
): Promise<DiscussionRow | undefined> {
  const d = await repo.findByObject(deps.db, input.objectType, input.objectId);
  if (!d) return undefined;
  authorize(input.ownerAuthorized === true || discussionsPolicy.canOpen(origin.actor, d.orgId));
  const now = deps.clock.now();
  if (input.closesAt === 'now' && d.closesAt <= now) return d;
  // closed is `now > closesAt`: the last moment it took comments is the one before now
  const justBefore = new Date(now.getTime() - 1);
  const set =
    input.closesAt === 'now'
      ? { opensAt: justBefore < d.opensAt ? justBefore : d.opensAt, closesAt: justBefore }
      : { opensAt: now, closesAt: input.closesAt, anchors: mergeAnchors(d.anchors, input.anchors) };
  if (set.closesAt <= set.opensAt && input.closesAt !== 'now')
    throw new InvalidInput([{ field: 'closesOn', message: 'disc.topic.closesOn.beforeOpens' }]);
  return deps.db.transaction(async (tx) => {
    await repo.updateDiscussion(tx, d.id, set);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: input.closesAt === 'now' ? 'discussion.close' : 'discussion.reopen',
      objectType: 'discussion',
      objectId: d.id,
      orgId: d.orgId,
      details: { objectType: d.objectType, objectId: d.objectId, closesAt: set.closesAt.toISOString() },
    });
    const row = { ...d, ...set };
    await indexDiscussion(tx, row);
    return row;
  });
}

function mergeAnchors(old: DiscussionAnchor[], now: DiscussionAnchor[] | undefined): DiscussionAnchor[] {
  if (!now) return old;
  const ids = new Set(now.map((a) => a.id));
  return [...now, ...old.filter((a) => !ids.has(a.id))];
}
