import type { DbOrTx } from '../../platform/db/client.ts';
import { canonicalJson, entryHash, GENESIS_HASH } from './canonical.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import { currentContent } from './versioning.ts';

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | {
      ok: false;
      entries: number;
      /** the first entry whose hash does not hold */
      brokenAt: { seq: number; publicationId: string; version: number; reason: string };
    };

const BATCH = 1000;

/**
 * Recompute the publication log: every entry's hash from the previous hash and
 * the version it records, and every item's current row against its last
 * logged version. Public: anyone may check; names the first broken entry.
 */
export async function verifyPublicationLog(deps: { db: DbOrTx }): Promise<VerifyResult> {
  const { db } = deps;
  let prev = GENESIS_HASH;
  let after = 0;
  let entries = 0;
  const broken: { seq: number; publicationId: string; version: number; reason: string }[] = [];
  for (;;) {
    const rows = await repo.logBatch(db, after, BATCH);
    for (const r of rows) {
      entries++;
      after = r.seq;
      if (broken.length) continue;
      const fail = (reason: string) =>
        broken.push({ seq: r.seq, publicationId: r.publicationId, version: r.version, reason });
      if (r.prevHash !== prev) fail('prev_hash');
      else if (r.content === null) fail('version_missing');
      else {
        const h = entryHash(prev, {
          seq: r.seq,
          publicationId: r.publicationId,
          version: r.version,
          action: r.action,
          at: r.at.toISOString(),
          content: r.content,
        });
        if (h !== r.hash) fail('hash');
      }
      prev = r.hash;
    }
    if (rows.length < BATCH) break;
  }
  // The current rows must be what their last logged version says.
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const pubs = await repo.publicationBatch(db, afterId, BATCH);
    for (const p of pubs) {
      afterId = p.id;
      const last = await repo.version(db, p.id, p.version);
      const seq = (await repo.lastLogSeqOf(db, p.id)) ?? 0;
      const same = last && canonicalJson(last.content) === canonicalJson(await currentContent(db, p));
      if (!same) broken.push({ seq, publicationId: p.id, version: p.version, reason: 'current_differs' });
    }
    if (pubs.length < BATCH) break;
  }
  if (broken.length) {
    const first = broken.reduce((a, b) => (b.seq < a.seq ? b : a));
    return { ok: false, entries, brokenAt: first };
  }
  return { ok: true, entries, head: prev };
}
