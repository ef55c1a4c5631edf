import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { accountsRepository as repo } from './accounts.repository.ts';

/**
 * End the session on a kiosk terminal when its screen goes idle (or the
 * terminal is switched on or off). Only kiosk sessions end this way, so a link
 * to /kiosk/idle cannot sign anybody out of their own browser.
 */
export async function endKioskSession(
  deps: Deps,
  origin: Origin,
  input: { session: { id: string; kiosk: boolean } | null; force?: boolean },
): Promise<void> {
  const { session } = input;
  if (!session || !isSignedIn(origin.actor) || !(session.kiosk || input.force)) return;
  const actor = origin.actor;
  await deps.db.transaction(async (tx) => {
    await repo.deleteSession(tx, session.id);
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'account.sign_out',
      objectType: 'user',
      objectId: actor.userId,
      details: { kiosk: true },
    });
  });
}
