import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict } from '../../platform/errors/index.ts';
import { closeDiscussion, closeExpertise } from './change-draft-stage.ts';
import { draftsRepository as repo } from './drafts.repository.ts';

/** The queue of the hourly job that moves drafts on when a stage's last day is over. */
export const ADVANCE_QUEUE = 'drafts.advance-stages';

/** Who makes a move by itself (the nil id, as the demo seed's); the audit entry says `automatic`. */
const PORTAL: Origin = {
  actor: userActor('00000000-0000-0000-0000-000000000000', [{ role: 'admin', orgId: null }], {
    displayName: 'Портал (по истечении срока)',
  }),
  ip: null,
};

/**
 * Move on every draft whose stage's last day is over, as staff would with the
 * buttons: a discussion closes and the anti-corruption expertise opens; an
 * expertise closes and the summary of proposals is drawn up (the developer then
 * states a position on each proposal). Each move is the same use case, in its own
 * transaction with the draft locked, so a click of staff at the same moment or a
 * second run of the job finds the stage already moved and skips it.
 */
export async function advanceDraftStages(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const today = toLocalDate(deps.clock.now());
  let moved = 0;
  for (const d of await repo.draftsPastStageEnd(deps.db, today)) {
    try {
      const input = { draftId: d.id, automatic: true };
      if (d.stage === 'discussion') await closeDiscussion(deps, PORTAL, input);
      else await closeExpertise(deps, PORTAL, input);
      moved++;
    } catch (e) {
      if (!(e instanceof Conflict)) throw e;
    }
  }
  return moved;
}
