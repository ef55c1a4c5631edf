import { and, asc, desc, eq, getTableColumns, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { copyRows } from '../../platform/db/copy.ts';
import {
  type DatasetColumn,
  datasetProposalSupports,
  datasetProposals,
  datasetRows,
  datasetStructures,
  datasets,
  datasetVersions,
  informationResources,
} from './opendata.tables.ts';

export type DatasetRow = typeof datasets.$inferSelect;
export type StructureRow = typeof datasetStructures.$inferSelect;
export type VersionRow = typeof datasetVersions.$inferSelect;
export type ProposalRow = typeof datasetProposals.$inferSelect;
/** A proposal with how many people support it. */
export type ProposalWithSupport = ProposalRow & { supports: number };
export type ResourceRow = typeof informationResources.$inferSelect;

/** A dataset with its newest data and structure versions (either may be missing before the first upload). */
export type DatasetSummary = DatasetRow & { latest: VersionRow | null; structure: StructureRow | null };

const ROW_BATCH = 5000;

const supportCount = sql<number>`(select count(*)::int from ${datasetProposalSupports} s where s.proposal_id = ${datasetProposals.id})`;

/** Every query of the open-data module. */
export const opendataRepository = {
  async byIdentifier(db: DbOrTx, identifier: string): Promise<DatasetRow | undefined> {
    const [r] = await db.select().from(datasets).where(eq(datasets.identifier, identifier.toLowerCase()));
    return r;
  },

  async byId(db: DbOrTx, id: string): Promise<DatasetRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [r] = await db.select().from(datasets).where(eq(datasets.id, id));
    return r;
  },

  async bySource(db: DbOrTx, source: string, sourceOrgId: string | null): Promise<DatasetRow | undefined> {
    const [r] = await db
      .select()
      .from(datasets)
      .where(
        and(
          eq(datasets.source, source),
          sourceOrgId ? eq(datasets.sourceOrgId, sourceOrgId) : isNull(datasets.sourceOrgId),
        ),
      );
    return r;
  },

  /** The register (of one body, or all), each with its newest versions, in identifier order. */
  async summaries(db: DbOrTx, orgIds?: string[]): Promise<DatasetSummary[]> {
    const rows = await db
      .select()
      .from(datasets)
      .where(orgIds ? (orgIds.length ? inArray(datasets.orgId, orgIds) : sql`false`) : undefined)
      .orderBy(asc(datasets.identifier));
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [versions, structures] = await Promise.all([
      db
        .selectDistinctOn([datasetVersions.datasetId])
        .from(datasetVersions)
        .where(inArray(datasetVersions.datasetId, ids))
        .orderBy(datasetVersions.datasetId, desc(datasetVersions.stamp)),
      db
        .selectDistinctOn([datasetStructures.datasetId])
        .from(datasetStructures)
        .where(inArray(datasetStructures.datasetId, ids))
        .orderBy(datasetStructures.datasetId, desc(datasetStructures.stamp)),
    ]);
    const v = new Map(versions.map((x) => [x.datasetId, x]));
    const st = new Map(structures.map((x) => [x.datasetId, x]));
    return rows.map((r) => ({ ...r, latest: v.get(r.id) ?? null, structure: st.get(r.id) ?? null }));
  },

  async all(db: DbOrTx): Promise<DatasetRow[]> {
    return db.select().from(datasets).orderBy(asc(datasets.identifier));
  },

  /** Every version and structure of these datasets, newest first (the catalogue's resources). */
  async versionsOf(
    db: DbOrTx,
    ids: string[],
  ): Promise<{ versions: VersionRow[]; structures: StructureRow[] }> {
    if (ids.length === 0) return { versions: [], structures: [] };
    const [versions, structures] = await Promise.all([
      db
        .select()
        .from(datasetVersions)
        .where(inArray(datasetVersions.datasetId, ids))
        .orderBy(desc(datasetVersions.stamp)),
      db
        .select()
        .from(datasetStructures)
        .where(inArray(datasetStructures.datasetId, ids))
        .orderBy(desc(datasetStructures.stamp)),
    ]);
    return { versions, structures };
  },

  async versionById(db: DbOrTx, id: string): Promise<VersionRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [r] = await db.select().from(datasetVersions).where(eq(datasetVersions.id, id));
    return r;
  },

  /** Versions whose CSV is not rendered yet, newest first. */
  async unrenderedVersions(db: DbOrTx, limit: number): Promise<VersionRow[]> {
    return db
      .select()
      .from(datasetVersions)
      .where(isNull(datasetVersions.csvSha256))
      .orderBy(desc(datasetVersions.stamp))
      .limit(limit);
  },

  async setCsvFile(db: DbOrTx, id: string, file: { sha256: string; bytes: number }): Promise<void> {
    await db
      .update(datasetVersions)
      .set({ csvSha256: file.sha256, csvBytes: file.bytes })
      .where(eq(datasetVersions.id, id));
  },

  async structureById(db: DbOrTx, id: string): Promise<StructureRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [r] = await db.select().from(datasetStructures).where(eq(datasetStructures.id, id));
    return r;
  },

  async insertDataset(db: DbOrTx, row: typeof datasets.$inferInsert): Promise<DatasetRow> {
    const [r] = await db.insert(datasets).values(row).returning();
    if (!r) throw new Error('dataset insert returned nothing');
    return r;
  },

  async touch(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db.update(datasets).set({ modifiedAt: at }).where(eq(datasets.id, id));
  },

  async structures(db: DbOrTx, datasetId: string): Promise<StructureRow[]> {
    return db
      .select()
      .from(datasetStructures)
      .where(eq(datasetStructures.datasetId, datasetId))
      .orderBy(desc(datasetStructures.stamp));
  },

  async versions(db: DbOrTx, datasetId: string): Promise<VersionRow[]> {
    return db
      .select()
      .from(datasetVersions)
      .where(eq(datasetVersions.datasetId, datasetId))
      .orderBy(desc(datasetVersions.stamp));
  },

  async insertStructure(
    db: DbOrTx,
    datasetId: string,
    stamp: Date,
    columns: DatasetColumn[],
  ): Promise<StructureRow> {
    const [r] = await db.insert(datasetStructures).values({ datasetId, stamp, columns }).returning();
    if (!r) throw new Error('structure insert returned nothing');
    return r;
  },

  async insertVersion(db: DbOrTx, row: typeof datasetVersions.$inferInsert): Promise<VersionRow> {
    const [r] = await db.insert(datasetVersions).values(row).returning();
    if (!r) throw new Error('version insert returned nothing');
    return r;
  },

  /** The totals of a version written a batch at a time: known once its last row is in. */
  async setVersionTotals(
    db: DbOrTx,
    id: string,
    totals: { rowCount: number; digest: string },
  ): Promise<void> {
    await db.update(datasetVersions).set(totals).where(eq(datasetVersions.id, id));
  },

  /** The rows of a new version, numbered from `after` + 1, in batches (one statement per thousand rows). */
  async insertRows(db: DbOrTx, versionId: string, rows: (string | null)[][], after = 0): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insert(datasetRows)
        .values(
          rows
            .slice(i, i + 1000)
            .map((cells, j) => ({ versionId, n: after + i + j + 1, cells: cells as string[] })),
        );
    }
  },

  /** Bulk rows of a new version through COPY (the benchmark's generated millions), numbered from 1. */
  async copyRows(db: Db, versionId: string, rows: Iterable<string[]>): Promise<number> {
    let n = 0;
    return copyRows(
      db,
      'dataset_rows',
      ['version_id', 'n', 'cells'],
      (function* () {
        for (const cells of rows) yield [versionId, ++n, cells];
      })(),
    );
  },

  /** A version's rows in file order, a batch at a time by key (flat memory at any size). */
  async *streamRows(db: DbOrTx, versionId: string): AsyncGenerator<(string | null)[][]> {
    let after = 0;
    for (;;) {
      const batch = await db
        .select({ n: datasetRows.n, cells: datasetRows.cells })
        .from(datasetRows)
        .where(and(eq(datasetRows.versionId, versionId), gt(datasetRows.n, after)))
        .orderBy(asc(datasetRows.n))
        .limit(ROW_BATCH);
      if (batch.length === 0) return;
      yield batch.map((r) => r.cells);
      after = batch[batch.length - 1]?.n ?? after;
      if (batch.length < ROW_BATCH) return;
    }
  },

  /**
   * A page of a version's rows for the data API. Without filters the page is a
   * key range (row numbers are 1…rowCount), so a far offset costs no more than the first.
   */
  async rowsPage(
    db: DbOrTx,
    versionId: string,
    p: { limit: number; offset: number; filters: { index: number; value: string }[] },
  ): Promise<{ rows: (string | null)[][]; total: number | null }> {
    if (p.filters.length === 0) {
      const rows = await db
        .select({ cells: datasetRows.cells })
        .from(datasetRows)
        .where(
          and(
            eq(datasetRows.versionId, versionId),
            gt(datasetRows.n, p.offset),
            sql`${datasetRows.n} <= ${p.offset + p.limit}`,
          ),
        )
        .orderBy(asc(datasetRows.n));
      return { rows: rows.map((r) => r.cells), total: null };
    }
    const where = and(
      eq(datasetRows.versionId, versionId),
      ...p.filters.map((f) => sql`${datasetRows.cells}[${f.index + 1}] = ${f.value}`),
    );
    const rows = await db
      .select({ cells: datasetRows.cells })
      .from(datasetRows)
      .where(where)
      .orderBy(asc(datasetRows.n))
      .limit(p.limit)
      .offset(p.offset);
    const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(datasetRows).where(where);
    return { rows: rows.map((r) => r.cells), total: c?.n ?? 0 };
  },

  // Proposals (10.3)

  async insertProposal(db: DbOrTx, row: typeof datasetProposals.$inferInsert): Promise<ProposalRow> {
    const [r] = await db.insert(datasetProposals).values(row).returning();
    if (!r) throw new Error('proposal insert returned nothing');
    return r;
  },

  /** A page of proposals (of some bodies or all; of one status or any), newest first, each with its supports. */
  async proposalsPage(
    db: DbOrTx,
    p: { orgIds?: string[]; status?: string; limit: number; offset: number },
  ): Promise<{ items: ProposalWithSupport[]; total: number }> {
    const where = and(
      p.orgIds ? (p.orgIds.length ? inArray(datasetProposals.orgId, p.orgIds) : sql`false`) : undefined,
      p.status ? eq(datasetProposals.status, p.status) : undefined,
    );
    const [items, [c]] = await Promise.all([
      db
        .select({ ...getTableColumns(datasetProposals), supports: supportCount })
        .from(datasetProposals)
        .where(where)
        .orderBy(desc(datasetProposals.createdAt), asc(datasetProposals.id))
        .limit(p.limit)
        .offset(p.offset),
      db.select({ n: sql<number>`count(*)::int` }).from(datasetProposals).where(where),
    ]);
    return { items, total: c?.n ?? 0 };
  },

  async proposalById(db: DbOrTx, id: string): Promise<ProposalWithSupport | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [r] = await db
      .select({ ...getTableColumns(datasetProposals), supports: supportCount })
      .from(datasetProposals)
      .where(eq(datasetProposals.id, id));
    return r;
  },

  /** One support per person and proposal: false when the person had supported it already. */
  async addSupport(db: DbOrTx, proposalId: string, userId: string, at: Date): Promise<boolean> {
    const r = await db
      .insert(datasetProposalSupports)
      .values({ proposalId, userId, createdAt: at })
      .onConflictDoNothing()
      .returning({ proposalId: datasetProposalSupports.proposalId });
    return r.length > 0;
  },

  /** Which of these proposals the person has supported. */
  async supportedBy(db: DbOrTx, userId: string, proposalIds: string[]): Promise<Set<string>> {
    if (proposalIds.length === 0) return new Set();
    const rows = await db
      .select({ id: datasetProposalSupports.proposalId })
      .from(datasetProposalSupports)
      .where(
        and(
          eq(datasetProposalSupports.userId, userId),
          inArray(datasetProposalSupports.proposalId, proposalIds),
        ),
      );
    return new Set(rows.map((r) => r.id));
  },

  async answerProposal(
    db: DbOrTx,
    id: string,
    a: {
      status: string;
      answer: string;
      datasetIdentifier: string | null;
      answeredAt: Date;
      answeredBy: string | null;
    },
  ): Promise<void> {
    await db.update(datasetProposals).set(a).where(eq(datasetProposals.id, id));
  },

  async answeredCount(db: DbOrTx, orgId: string): Promise<number> {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(datasetProposals)
      .where(and(eq(datasetProposals.orgId, orgId), isNotNull(datasetProposals.answeredAt)));
    return r?.n ?? 0;
  },

  // Inventory (10.5)

  async resources(db: DbOrTx, orgId: string): Promise<ResourceRow[]> {
    return db
      .select()
      .from(informationResources)
      .where(eq(informationResources.orgId, orgId))
      .orderBy(asc(informationResources.name));
  },

  async insertResource(db: DbOrTx, row: typeof informationResources.$inferInsert): Promise<ResourceRow> {
    const [r] = await db.insert(informationResources).values(row).returning();
    if (!r) throw new Error('resource insert returned nothing');
    return r;
  },
};
