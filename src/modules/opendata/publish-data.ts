import { createHash } from 'node:crypto';
import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import type { UploadedFile } from '../../platform/files/index.ts';
import { checkData, type DataProblem } from './check-data.ts';
import { nextStamp } from './format.ts';
import { parseStructure } from './opendata.input.ts';
import { opendataPolicy } from './opendata.policy.ts';
import { type DatasetRow, opendataRepository as repo, type StructureRow } from './opendata.repository.ts';
import { indexDataset } from './opendata.search.ts';
import type { DatasetColumn } from './opendata.tables.ts';
import { REGENERATE_QUEUE } from './queues.ts';

/** An upload refused by its content: the first problems by row and column. Nothing was published. */
export class DataRejected extends InvalidInput {
  constructor(readonly problems: DataProblem[]) {
    super([{ field: 'file', message: 'opendata.check.rejected' }]);
  }
}

// jsonb reorders an object's keys, so columns compare field by field
const columnKey = (cs: DatasetColumn[]) =>
  JSON.stringify(cs.map((c) => [c.name, c.titleEn, c.titleRu, c.format, c.required]));
const sameColumns = (a: DatasetColumn[], b: DatasetColumn[]) => columnKey(a) === columnKey(b);

/** A data version's rows: all at once, or batches from a function that can read them again. */
export type Cells = (string | null)[];
export type RowBatches = () => AsyncIterable<Cells[]>;

/** The digest and count of rows read a batch at a time (memory stays flat). */
async function digestOf(columns: DatasetColumn[], batches: AsyncIterable<Cells[]>) {
  const h = createHash('sha256').update(JSON.stringify(columns.map((c) => c.name)));
  let rowCount = 0;
  for await (const batch of batches) {
    for (const r of batch) h.update(JSON.stringify(r));
    rowCount += batch.length;
  }
  return { digest: h.digest('hex'), rowCount };
}

/**
 * Write a new data version (and a new structure version when the columns
 * changed) in one transaction; an unchanged digest writes nothing. The newest
 * version is what the register serves, the older ones stay downloadable.
 * Rows given as batches are read twice (the digest, then the write): the
 * totals stored are those of the rows written, should they change between.
 */
export async function writeVersion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  ds: DatasetRow,
  data: { columns: DatasetColumn[]; rows: Cells[] | RowBatches; provenance: string },
): Promise<'written' | 'unchanged'> {
  const now = deps.clock.now();
  const { rows } = data;
  const batches: RowBatches = Array.isArray(rows)
    ? async function* () {
        yield rows;
      }
    : rows;
  const first = await digestOf(data.columns, batches());
  return deps.db.transaction(async (tx) => {
    const [structure] = await repo.structures(tx, ds.id);
    const [latest] = await repo.versions(tx, ds.id);
    if (latest && structure && latest.digest === first.digest && sameColumns(structure.columns, data.columns))
      return 'unchanged';
    let target: StructureRow | undefined = structure;
    if (!target || !sameColumns(target.columns, data.columns))
      target = await repo.insertStructure(tx, ds.id, nextStamp(now, structure?.stamp), data.columns);
    const version = await repo.insertVersion(tx, {
      datasetId: ds.id,
      structureId: target.id,
      stamp: nextStamp(now, latest?.stamp),
      provenance: data.provenance,
      rowCount: first.rowCount,
      digest: first.digest,
    });
    const h = createHash('sha256').update(JSON.stringify(data.columns.map((c) => c.name)));
    let rowCount = 0;
    for await (const batch of batches()) {
      for (const r of batch) h.update(JSON.stringify(r));
      await repo.insertRows(tx, version.id, batch, rowCount);
      rowCount += batch.length;
    }
    const digest = h.digest('hex');
    if (digest !== first.digest || rowCount !== first.rowCount)
      await repo.setVersionTotals(tx, version.id, { rowCount, digest });
    await repo.touch(tx, ds.id, now);
    await indexDataset(tx, { ...ds, modifiedAt: now });
    await recordAction(tx, {
      ...origin,
      action: 'dataset.publish_version',
      objectType: 'dataset',
      objectId: ds.id,
      orgId: ds.orgId,
      details: { identifier: ds.identifier, rows: rowCount },
    });
    return 'written';
  });
}

/**
 * Publish an uploaded CSV or XLSX as the dataset's new data version, after
 * checking it against the current structure; a refused file changes nothing.
 */
export async function uploadData(
  deps: Pick<Deps, 'db' | 'clock' | 'jobs'>,
  origin: Origin,
  input: { identifier: string; provenance: string; file: UploadedFile },
): Promise<void> {
  const ds = await repo.byIdentifier(deps.db, input.identifier);
  if (!ds) throw new NotFound('dataset');
  authorize(opendataPolicy.canManage(origin.actor, ds.orgId));
  if (ds.source !== 'upload')
    throw new InvalidInput([{ field: 'file', message: 'opendata.upload.generated' }]);
  const [structure] = await repo.structures(deps.db, ds.id);
  if (!structure) throw new NotFound('structure');
  const checked = await checkData(structure.columns, input.file);
  if (!checked.ok) throw new DataRejected(checked.problems);
  await writeVersion(deps, origin, ds, {
    columns: structure.columns,
    rows: checked.rows,
    provenance: input.provenance,
  });
  // the generated list of the body's datasets changes with it (one run for a burst of uploads)
  await deps.jobs.enqueue(deps.db, REGENERATE_QUEUE, {}, { singletonKey: 'opendata', startAfterSeconds: 10 });
}

/** A new structure version (the columns changed); the next upload is checked against it. */
export async function changeStructure(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { identifier: string; structure: string },
): Promise<void> {
  const ds = await repo.byIdentifier(deps.db, input.identifier);
  if (!ds) throw new NotFound('dataset');
  authorize(opendataPolicy.canManage(origin.actor, ds.orgId));
  const parsed = parseStructure(input.structure);
  if ('error' in parsed) throw new InvalidInput([{ field: 'structure', message: parsed.error }]);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [current] = await repo.structures(tx, ds.id);
    if (current && sameColumns(current.columns, parsed.columns))
      throw new InvalidInput([{ field: 'structure', message: 'opendata.structure.unchanged' }]);
    await repo.insertStructure(tx, ds.id, nextStamp(now, current?.stamp), parsed.columns);
    await repo.touch(tx, ds.id, now);
    await recordAction(tx, {
      ...origin,
      action: 'dataset.change_structure',
      objectType: 'dataset',
      objectId: ds.id,
      orgId: ds.orgId,
      details: { identifier: ds.identifier, columns: parsed.columns.length },
    });
  });
}
