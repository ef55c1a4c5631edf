import type { Actor } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { councilsPolicy } from './councils.policy.ts';
import { type CouncilRow, councilsRepository as repo } from './councils.repository.ts';

/** The council by id for a staff write: 404 when unknown, 403 unless the actor keeps it. */
export async function councilForStaff(db: DbOrTx, actor: Actor, id: string): Promise<CouncilRow> {
  const council = await repo.findCouncil(db, id);
  if (!council) throw new NotFound('council');
  authorize(councilsPolicy.canManage(actor, council));
  return council;
}

/** A uuid from the address, or a 404 (a malformed id names nothing). */
export function idOrNotFound(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new NotFound();
  return id;
}
