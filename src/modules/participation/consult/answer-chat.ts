import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { type Actor, isSignedIn } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { translator } from '../../../platform/i18n/index.ts';
import { findOrganizationById } from '../../orgs/index.ts';
import { consultPolicy } from './consult.policy.ts';
import { consultRepository as repo } from './consult.repository.ts';

const tRu = translator('ru');

/**
 * The consultant answers a conversation. A conversation begun without the
 * widget (no JavaScript, or after hours) gets the answer by e-mail through the
 * outbox in the same transaction; a live one shows it in the widget.
 */
export async function answerChat(
  deps: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  origin: Origin,
  input: { conversationId: string; message: string },
): Promise<void> {
  const found = await repo.conversationById(deps.db, input.conversationId);
  if (!found) throw new NotFound('chat_conversation');
  authorize(consultPolicy.canRun(origin.actor, found.orgId), true);
  const org = await findOrganizationById(deps.db, found.orgId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const c = await repo.lockConversation(tx, found.id);
    if (!c) throw new NotFound('chat_conversation');
    if (c.status === 'closed') throw new InvalidInput([{ field: 'message', message: 'chat.message.closed' }]);
    await repo.insertMessage(tx, {
      conversationId: c.id,
      fromStaff: true,
      authorUserId: (origin.actor as Extract<Actor, { kind: 'user' }>).userId,
      body: input.message,
      createdAt: now,
    });
    await repo.setConversation(tx, c.id, { status: 'answered', lastMessageAt: now });
    let mailed = false;
    if (c.channel === 'email') {
      const slug = org?.slug ?? '';
      await deps.mail.send(tx, {
        to: c.email,
        kind: 'chat.answer',
        subject: tRu('chat.mail.subject', { org: org?.nameRu ?? '' }),
        text: tRu('chat.mail.text', {
          answer: input.message,
          link: `${deps.config.publicUrl}/orgs/${slug}/chat/${c.id}`,
        }),
      });
      mailed = true;
    }
    await recordAction(tx, {
      ...origin,
      action: 'chat.answer',
      objectType: 'chat_conversation',
      objectId: c.id,
      orgId: c.orgId,
      details: { mailed, by: isSignedIn(origin.actor) ? origin.actor.userId : null },
    });
  });
}

/** The consultant closes a conversation: it leaves the queue and takes no more messages. */
export async function closeChat(deps: Pick<Deps, 'db'>, origin: Origin, input: { conversationId: string }) {
  const c = await repo.conversationById(deps.db, input.conversationId);
  if (!c) throw new NotFound('chat_conversation');
  authorize(consultPolicy.canRun(origin.actor, c.orgId), true);
  await deps.db.transaction(async (tx) => {
    await repo.setConversation(tx, c.id, { status: 'closed' });
    await recordAction(tx, {
      ...origin,
      action: 'chat.close',
      objectType: 'chat_conversation',
      objectId: c.id,
      orgId: c.orgId,
    });
  });
}
