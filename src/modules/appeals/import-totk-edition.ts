import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, InvalidInput } from '../../platform/errors/index.ts';
import { totkRepository as repo } from './totk.repository.ts';
import { shippedTotk, Totk, type TotkData, type TotkItem } from './totk.ts';

/**
 * Load an official edition of the ТОТК as a new edition, all or nothing: it
 * becomes the one appeals are classified by when its date is the newest.
 * Appeals already classified keep their codes.
 */
export async function importTotkEdition(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { version: string; date: string; source: string; items: TotkItem[] },
): Promise<Totk> {
  const data: TotkData = {
    classifier: 'ТОТК',
    version: input.version,
    date: input.date,
    edition: 'full',
    items: input.items,
  };
  let totk: Totk;
  try {
    totk = new Totk(data);
  } catch (e) {
    throw new InvalidInput([{ field: 'file', message: (e as Error).message }]);
  }
  await deps.db.transaction(async (tx) => {
    if (totk.version === shippedTotk().version || (await repo.edition(tx, totk.version)))
      throw new Conflict(`edition ${totk.version} is already loaded`);
    await repo.insertEdition(
      tx,
      { version: totk.version, editionDate: totk.date, source: input.source, loadedAt: deps.clock.now() },
      totk.rows(),
    );
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'totk.import',
      objectType: 'totk_edition',
      details: { version: totk.version, date: totk.date, codes: totk.nodes.length, source: input.source },
    });
  });
  return totk;
}
