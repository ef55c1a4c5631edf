import { type Origin, recordAction } from '../../../platform/audit/index.ts';
import type { Actor } from '../../../platform/authz/index.ts';
import type { Deps } from '../../../platform/deps.ts';
import { authorize } from '../../../platform/errors/index.ts';
import { writeChatHours } from './chat-hours.ts';
import type { ChatHours } from './consult.input.ts';
import { consultPolicy } from './consult.policy.ts';
import { consultRepository as repo } from './consult.repository.ts';

/** /manage/chat: the open conversations of the bodies this person answers for, waiting first, with counts per body. */
export async function getChatQueue(deps: Pick<Deps, 'db'>, actor: Actor) {
  authorize(consultPolicy.canRunAny(actor));
  const orgIds = consultPolicy.runOrgIds(actor);
  const [conversations, counts] = await Promise.all([
    repo.queue(deps.db, orgIds),
    repo.waitingCounts(deps.db, orgIds),
  ]);
  return { conversations, counts };
}

/** Set a body's chat hours on working days; audited. */
export async function saveChatHours(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { orgId: string; hours: ChatHours },
): Promise<void> {
  authorize(consultPolicy.canRun(origin.actor, input.orgId));
  await deps.db.transaction(async (tx) => {
    await writeChatHours(tx, input.orgId, input.hours, deps.clock.now());
    await recordAction(tx, {
      ...origin,
      action: 'chat.hours',
      objectType: 'organization',
      objectId: input.orgId,
      orgId: input.orgId,
      details: { ...input.hours },
    });
  });
}
