import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput } from '../../platform/errors/index.ts';
import type { KioskLeaveInput, KioskStartInput } from './accounts.input.ts';
import { accountsPolicy } from './accounts.policy.ts';
import { accountsRepository as repo } from './accounts.repository.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/**
 * A member of staff puts this browser into kiosk mode (task 8.4) with a PIN;
 * the returned terminal id goes into the browser's kiosk cookie. The caller
 * then ends the staff member's own session (whoever set the terminal up does
 * not stay signed in on it).
 */
export async function startKioskTerminal(
  deps: Deps,
  origin: Origin,
  input: KioskStartInput,
): Promise<string> {
  const { actor } = origin;
  authorize(accountsPolicy.canStartKiosk(actor));
  if (!isSignedIn(actor)) throw new Error('unreachable: staff are signed in');
  const pinHash = await hashPassword(input.pin);
  return deps.db.transaction(async (tx) => {
    const id = await repo.insertKioskTerminal(tx, {
      pinHash,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    await recordAction(tx, {
      actor,
      ip: origin.ip,
      action: 'kiosk.start',
      objectType: 'kiosk_terminal',
      objectId: id,
    });
    return id;
  });
}

/**
 * Take the terminal out of kiosk mode: only with the PIN it was set up with.
 * A wrong PIN is a field error (the route is rate limited); a terminal that is
 * unknown or already ended has nothing to protect and simply leaves.
 */
export async function leaveKioskTerminal(
  deps: Deps,
  origin: Origin,
  input: KioskLeaveInput & { terminalId: string },
): Promise<void> {
  const terminal = await repo.findActiveKioskTerminal(deps.db, input.terminalId);
  if (!terminal) return;
  if (!(await verifyPassword(terminal.pinHash, input.pin))) {
    throw new InvalidInput([{ field: 'pin', message: 'accounts.kiosk.pin.wrong' }]);
  }
  await deps.db.transaction(async (tx) => {
    await repo.endKioskTerminal(tx, terminal.id, deps.clock.now());
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'kiosk.end',
      objectType: 'kiosk_terminal',
      objectId: terminal.id,
    });
  });
}
