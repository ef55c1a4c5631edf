import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Deps } from '../../platform/deps.ts';
import { blobStoreFor } from '../../platform/files/index.ts';
import { dataCsv } from './files.ts';
import { opendataRepository as repo, type VersionRow } from './opendata.repository.ts';
import { RENDER_QUEUE } from './queues.ts';

/*
 * A data version never changes, so its CSV is rendered once into file storage
 * (DATA_DIR/files or S3, content-addressed) and a download streams the stored
 * bytes: as fast as the disk, whatever the rows, with nothing held in memory.
 * Until the job has rendered a version, its file streams from the rows.
 */

/** Render one version's CSV into file storage and note it on the version; returns its hash and size. */
export async function renderVersionCsv(
  deps: Pick<Deps, 'db' | 'config'>,
  version: VersionRow,
): Promise<{ sha256: string; bytes: number }> {
  const structure = await repo.structureById(deps.db, version.structureId);
  if (!structure) throw new Error(`version ${version.id} has no structure`);
  const tmp = path.join(os.tmpdir(), `open-region-csv-${process.pid}-${randomBytes(6).toString('hex')}`);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await pipeline(
      Readable.from(dataCsv(deps.db, version, structure.columns)),
      new Transform({
        transform(chunk: string | Buffer, _enc, done) {
          const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
          hash.update(b);
          bytes += b.length;
          done(null, b);
        },
      }),
      createWriteStream(tmp),
    );
    const sha256 = hash.digest('hex');
    await blobStoreFor(deps.config).putFile(sha256, tmp, 'text/csv; charset=utf-8');
    await repo.setCsvFile(deps.db, version.id, { sha256, bytes });
    return { sha256, bytes };
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * Render the versions still without a file, newest first, a few at a time; returns how many it
 * rendered. One that fails is logged and left to stream from its rows (the next run tries it again).
 */
export async function renderPendingFiles(
  deps: Pick<Deps, 'db' | 'config'> & { log?: Deps['log'] },
  limit = 20,
): Promise<number> {
  let rendered = 0;
  for (const v of await repo.unrenderedVersions(deps.db, limit)) {
    try {
      await renderVersionCsv(deps, v);
      rendered++;
    } catch (err) {
      deps.log?.error({ err, version: v.id }, 'rendering a data file failed');
    }
  }
  return rendered;
}

/** Every minute, and once at start: one process at a time renders what is pending. */
export async function startFileRendering(deps: Deps): Promise<void> {
  await deps.jobs.work(RENDER_QUEUE, async () => {
    // keep going while there is more, so a large backlog does not wait a minute per batch
    while ((await renderPendingFiles(deps)) > 0);
  });
  await deps.jobs.boss.schedule(RENDER_QUEUE, '* * * * *', {});
}
