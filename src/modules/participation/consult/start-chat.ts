import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { loadCalendar } from '../../../platform/calendar/store.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize, InvalidInput, NotFound, Unauthenticated } from '../../../platform/errors/index.ts';
import { isChatOpen, readChatHours } from './chat-hours.ts';
import { consultPolicy } from './consult.policy.ts';
import { type ConversationRow, consultRepository as repo } from './consult.repository.ts';

/** Messages one person may send to consultants within an hour. */
export const CHAT_MESSAGES_PER_HOUR = 20;

async function checkFlood(deps: Pick<Deps, 'db' | 'clock'>, userId: string) {
  const since = new Date(deps.clock.now().getTime() - 3600_000);
  if ((await repo.recentMessagesBy(deps.db, userId, since)) >= CHAT_MESSAGES_PER_HOUR)
    throw new InvalidInput([{ field: 'message', message: 'chat.message.tooMany' }]);
}

/**
 * A signed-in person writes to the body's consultant (task 3.4). The answer
 * comes in the page's widget when the script sent the message within working
 * hours, otherwise by e-mail (the form without JavaScript, or after hours).
 */
export async function startChat(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { orgId: string; message: string; via: 'chat' | 'email' },
): Promise<ConversationRow> {
  const { actor } = origin;
  if (!isSignedIn(actor)) throw new Unauthenticated();
  await checkFlood(deps, actor.userId);
  const now = deps.clock.now();
  const { calendar } = await loadCalendar(deps.db);
  const open = isChatOpen(calendar, await readChatHours(deps.db, input.orgId), now);
  const channel = input.via === 'chat' && open ? 'chat' : 'email';
  return deps.db.transaction(async (tx) => {
    const c = await repo.insertConversation(tx, {
      orgId: input.orgId,
      userId: actor.userId,
      email: actor.email,
      channel,
      status: 'waiting',
      createdAt: now,
      lastMessageAt: now,
    });
    await repo.insertMessage(tx, {
      conversationId: c.id,
      fromStaff: false,
      authorUserId: actor.userId,
      body: input.message,
      createdAt: now,
    });
    await recordAction(tx, {
      ...origin,
      action: 'chat.start',
      objectType: 'chat_conversation',
      objectId: c.id,
      orgId: c.orgId,
      details: { channel },
    });
    return c;
  });
}

/** The person writes again in their conversation; it waits for the consultant once more. */
export async function continueChat(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { conversationId: string; message: string },
): Promise<ConversationRow> {
  const { actor } = origin;
  if (!isSignedIn(actor)) throw new Unauthenticated();
  const c = await repo.conversationById(deps.db, input.conversationId);
  if (!c) throw new NotFound('chat_conversation');
  authorize(actor.userId === c.userId, true);
  if (c.status === 'closed') throw new InvalidInput([{ field: 'message', message: 'chat.message.closed' }]);
  await checkFlood(deps, actor.userId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await repo.insertMessage(tx, {
      conversationId: c.id,
      fromStaff: false,
      authorUserId: actor.userId,
      body: input.message,
      createdAt: now,
    });
    await repo.setConversation(tx, c.id, { status: 'waiting', lastMessageAt: now });
  });
  return c;
}

/** A conversation with its messages, for the person who began it or the body's consultants. */
export async function getConversation(deps: Pick<Deps, 'db'>, origin: Pick<Origin, 'actor'>, id: string) {
  const conversation = await repo.conversationById(deps.db, id);
  if (!conversation) throw new NotFound('chat_conversation');
  authorize(consultPolicy.canSeeConversation(origin.actor, conversation), true);
  return { conversation, messages: await repo.messagesOf(deps.db, conversation.id) };
}
