import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { rateLimitsRepository } from '../../../platform/http/rate-limits.repository.ts';
import { findUserContact } from '../../accounts/index.ts';
import type { CommentInput } from './discussions.input.ts';
import { RATE_PER_ADDRESS, RATE_PER_PERSON, RATE_WINDOW_MS, SPAM_HOLD_SCORE } from './discussions.model.ts';
import { discussionsPolicy } from './discussions.policy.ts';
import { type CommentRow, discussionsRepository as repo } from './discussions.repository.ts';
import { spamScore } from './spam.ts';

const refuse = (message: string) => new InvalidInput([{ field: 'form', message }]);

/**
 * A comment or a reply. Refused with a message when the discussion is not open,
 * the person lacks the identification it needs, is banned or posts too often;
 * held for a moderator under pre-moderation or when its spam score is high;
 * a reply to a reply joins the same thread (one level deep).
 */
export async function postComment(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: Omit<CommentInput, 'wording'> & { wording?: string | undefined; discussionId: string },
): Promise<CommentRow> {
  const { actor } = origin;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const d = await repo.findById(tx, input.discussionId);
    if (!d) throw new NotFound();
    const blocker = discussionsPolicy.commentBlocker(actor, d, now);
    if (blocker === 'signIn' || !isSignedIn(actor)) throw new Forbidden();
    if (blocker) throw refuse(`disc.blocker.${blocker}`);
    const ban = await repo.activeBan(tx, actor.userId, now);
    if (ban) throw refuse('disc.blocker.banned');

    const official = input.official && discussionsPolicy.canAnswerOfficially(actor, d);
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await repo.findComment(tx, input.parentId);
      if (!parent || parent.discussionId !== d.id || parent.status !== 'published')
        throw new InvalidInput([{ field: 'text', message: 'disc.comment.parent.invalid' }]);
      parentId = parent.parentId ?? parent.id;
    }
    // A position is asked of top-level comments, not of replies or the body's answers.
    if (d.positionRequired && !parentId && !official && !input.position)
      throw new InvalidInput([{ field: 'position', message: 'disc.comment.position.required' }]);
    if (input.anchor && !d.anchors.some((a) => a.id === input.anchor))
      throw new InvalidInput([{ field: 'anchor', message: 'disc.comment.anchor.invalid' }]);

    // Flooding: per person and per address, counted in the shared rate_limits table.
    const person = await rateLimitsRepository.hit(tx, `disc|u|${actor.userId}`, RATE_WINDOW_MS);
    const address = origin.ip
      ? await rateLimitsRepository.hit(tx, `disc|ip|${origin.ip}`, RATE_WINDOW_MS)
      : null;
    if (person.hits > RATE_PER_PERSON || (address && address.hits > RATE_PER_ADDRESS))
      throw refuse('disc.blocker.rate');

    const recent = await repo.recentByAuthor(
      tx,
      actor.userId,
      new Date(now.getTime() - 3_600_000),
      input.text,
    );
    const account = await findUserContact(tx, actor.userId);
    const spam = official
      ? { score: 0, signals: [] }
      : spamScore({
          text: input.wording ? `${input.text}\n${input.wording}` : input.text,
          recentComments: recent.total,
          sameText: recent.sameText,
          accountAgeHours: account ? (now.getTime() - account.createdAt.getTime()) / 3_600_000 : 0,
        });
    const held = !official && (d.moderation === 'pre' || spam.score >= SPAM_HOLD_SCORE);

    const participant = await repo.joinDiscussion(tx, d.id, actor.userId, now);
    if (input.showName && participant.nameConsentAt === null)
      await repo.setNameConsent(tx, d.id, actor.userId, { at: now, name: actor.displayName });

    const c = await repo.insertComment(tx, {
      discussionId: d.id,
      parentId,
      authorUserId: actor.userId,
      authorNumber: participant.number,
      position: parentId || official ? null : (input.position ?? null),
      anchorId: input.anchor ?? null,
      text: input.text,
      // a proposed wording belongs to a top-level comment of a discussion that takes one
      wording: d.wordingField && !parentId && !official ? (input.wording ?? null) : null,
      status: held ? 'pending' : 'published',
      official,
      spamScore: spam.score,
      spamSignals: spam.signals,
      createdAt: now,
    });
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: official ? 'discussion.official_reply' : 'discussion.comment',
      objectType: 'discussion_comment',
      objectId: c.id,
      orgId: d.orgId,
      details: { discussionId: d.id, status: c.status, spamScore: spam.score, nameConsent: input.showName },
    });
    return c;
  });
}
