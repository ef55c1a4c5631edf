import type { DbOrTx } from '../../platform/db/client.ts';
import { totkRepository as repo } from './totk.repository.ts';
import { shippedTotk, Totk } from './totk.ts';

// Loaded editions never change (a newer one is a new version), so each is read once per process.
const loaded = new Map<string, Totk>();

/**
 * The edition appeals are classified by: the newest by date of the shipped one
 * and those an administrator loaded (`npm run import:totk`); a loaded edition
 * of the same date as the shipped one wins.
 */
export async function currentTotk(db: DbOrTx): Promise<Totk> {
  const shipped = shippedTotk();
  const newest = await repo.newestEdition(db);
  if (!newest || newest.editionDate < shipped.date) return shipped;
  let totk = loaded.get(newest.version);
  if (!totk) {
    const rows = await repo.topics(db, newest.version);
    totk = new Totk({
      classifier: 'ТОТК',
      version: newest.version,
      date: newest.editionDate,
      edition: 'full',
      items: rows.map((r) => ({ code: r.code, nameRu: r.nameRu })),
    });
    loaded.set(newest.version, totk);
  }
  return totk;
}
