import { and, asc, count, desc, eq, gt, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { PublicationKind } from './publications.input.ts';
import {
  declarants,
  declarationYears,
  documentLinks,
  incomeDeclarations,
  publicationAttachments,
  publicationLog,
  publications,
  publicationVersions,
  siteFeedback,
} from './publications.tables.ts';

export type PublicationRow = typeof publications.$inferSelect;
export type NewPublication = typeof publications.$inferInsert;
export type VersionRow = typeof publicationVersions.$inferSelect;
export type LogRow = typeof publicationLog.$inferSelect;
export type AttachmentRow = typeof publicationAttachments.$inferSelect;
export type DocumentLinkRow = typeof documentLinks.$inferSelect;
export type DeclarationRow = typeof incomeDeclarations.$inferSelect;
export type DeclarantRow = typeof declarants.$inferSelect;
/** A person the public may see, with the positions and years of their published rows. */
export type PublicDeclarant = {
  id: string;
  orgId: string;
  shortName: string;
  positions: string[];
  years: number[];
  publishedAt: Date;
};
/** A year of a body's declarations: its decision (published or not, on what basis) and its rows. */
export type DeclarationYear = {
  year: number;
  published: boolean;
  legalBasis: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  /** every row, the rows of people who left included */
  rows: number;
  /** rows of people still in the post: what the public sees when the year is published */
  publicRows: number;
};
export type SiteFeedbackRow = typeof siteFeedback.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** A row whose person still holds the post. */
const activeDeclarant = sql`exists (select 1 from ${declarants} p where p.id = ${incomeDeclarations.declarantId} and p.tenure_ended_on is null)`;

export type DocumentFilter = {
  docType?: string | undefined;
  docStatus?: string | undefined;
  topic?: string | undefined;
};

/** Declaration table sort keys (GET ?sort=) and their columns. */
export const declarationSorts = {
  name: incomeDeclarations.declarantShortName,
  position: incomeDeclarations.position,
  income: incomeDeclarations.declaredIncomeKopecks,
} as const;
export type DeclarationSort = keyof typeof declarationSorts;

/** Every query of the publications module. */
export const publicationsRepository = {
  async insert(db: DbOrTx, row: NewPublication): Promise<PublicationRow> {
    const [r] = await db.insert(publications).values(row).returning();
    if (!r) throw new Error('insert publication returned nothing');
    return r;
  },

  async update(db: DbOrTx, id: string, patch: Partial<NewPublication>): Promise<void> {
    await db.update(publications).set(patch).where(eq(publications.id, id));
  },

  async findById(db: DbOrTx, id: string): Promise<PublicationRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [r] = await db.select().from(publications).where(eq(publications.id, id)).limit(1);
    return r;
  },

  async lockById(db: DbOrTx, id: string): Promise<PublicationRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [r] = await db.select().from(publications).where(eq(publications.id, id)).for('update').limit(1);
    return r;
  },

  async findSection(db: DbOrTx, orgId: string, key: string): Promise<PublicationRow | undefined> {
    const [r] = await db
      .select()
      .from(publications)
      .where(and(eq(publications.orgId, orgId), eq(publications.sectionKey, key)))
      .limit(1);
    return r;
  },

  async sectionsOf(db: DbOrTx, orgId: string): Promise<PublicationRow[]> {
    return db
      .select()
      .from(publications)
      .where(and(eq(publications.orgId, orgId), eq(publications.kind, 'section')));
  },

  async listByKinds(
    db: DbOrTx,
    orgId: string,
    kinds: readonly PublicationKind[],
    page: { limit: number; offset: number },
  ): Promise<{ items: PublicationRow[]; total: number }> {
    const where = and(eq(publications.orgId, orgId), inArray(publications.kind, [...kinds]));
    const [items, [c]] = await Promise.all([
      db
        .select()
        .from(publications)
        .where(where)
        .orderBy(desc(publications.publishedAt), desc(publications.createdAt))
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(publications).where(where),
    ]);
    return { items, total: c?.n ?? 0 };
  },

  async listDocuments(
    db: DbOrTx,
    orgId: string,
    f: DocumentFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: PublicationRow[]; total: number }> {
    const parts: SQL[] = [eq(publications.orgId, orgId), eq(publications.kind, 'document')];
    if (f.docType) parts.push(eq(publications.docType, f.docType));
    if (f.docStatus) parts.push(eq(publications.docStatus, f.docStatus));
    if (f.topic) parts.push(sql`${f.topic} = any(${publications.topics})`);
    const where = and(...parts);
    const [items, [c]] = await Promise.all([
      db
        .select()
        .from(publications)
        .where(where)
        .orderBy(desc(publications.docDate), desc(publications.publishedAt))
        .limit(page.limit)
        .offset(page.offset),
      db.select({ n: count() }).from(publications).where(where),
    ]);
    return { items, total: c?.n ?? 0 };
  },

  /**
   * The register of the region's acts: documents of the given types, newest
   * document date first, a page after the keyset cursor (date, id); one row
   * more than the limit tells that a next page exists.
   */
  async actsRegister(
    db: DbOrTx,
    f: { types: readonly string[]; year?: number | undefined; numberKey?: string | undefined },
    after: { date: string; id: string } | null,
    limit: number,
  ): Promise<PublicationRow[]> {
    const parts: SQL[] = [
      eq(publications.kind, 'document'),
      inArray(publications.docType, [...f.types]),
      isNotNull(publications.docDate),
    ];
    if (f.year) parts.push(sql`extract(year from ${publications.docDate}) = ${f.year}`);
    if (f.numberKey)
      parts.push(sql`replace(replace(lower(${publications.docNumber}), '№', ''), ' ', '') = ${f.numberKey}`);
    if (after)
      parts.push(
        sql`(${publications.docDate}, ${publications.id}) < (${after.date}::date, ${after.id}::uuid)`,
      );
    return db
      .select()
      .from(publications)
      .where(and(...parts))
      .orderBy(desc(publications.docDate), desc(publications.id))
      .limit(limit + 1);
  },

  /**
   * The documents carrying a topic (the acts on open municipal government),
   * of the given organisations or of all; drafts («проект») left out; newest
   * document date first.
   */
  async documentsWithTopic(db: DbOrTx, topic: string, orgIds: string[] | null): Promise<PublicationRow[]> {
    const parts: SQL[] = [
      eq(publications.kind, 'document'),
      sql`${topic} = any(${publications.topics})`,
      sql`coalesce(${publications.docStatus}, '') <> 'проект'`,
    ];
    if (orgIds) {
      if (orgIds.length === 0) return [];
      parts.push(inArray(publications.orgId, orgIds));
    }
    return db
      .select()
      .from(publications)
      .where(and(...parts))
      .orderBy(desc(publications.docDate), desc(publications.id));
  },

  /** Which years the register has, newest first (the year filter). */
  async actsYears(db: DbOrTx, types: readonly string[]): Promise<number[]> {
    const r = await db.execute<{ y: number }>(sql`
      select distinct extract(year from doc_date)::int as y from publications
      where kind = 'document' and doc_date is not null and doc_type = any(${sql.param([...types])}::text[])
      order by y desc`);
    return r.rows.map((x) => Number(x.y));
  },

  async findDocumentByNumber(db: DbOrTx, orgId: string, number: string): Promise<PublicationRow[]> {
    return db
      .select()
      .from(publications)
      .where(
        and(
          eq(publications.orgId, orgId),
          eq(publications.kind, 'document'),
          sql`lower(replace(${publications.docNumber}, ' ', '')) = lower(replace(${number}, ' ', ''))`,
        ),
      )
      .orderBy(desc(publications.docDate));
  },

  async findByIds(db: DbOrTx, ids: string[]): Promise<PublicationRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(publications).where(inArray(publications.id, ids));
  },

  // Versions and the log

  async insertVersion(db: DbOrTx, row: typeof publicationVersions.$inferInsert): Promise<void> {
    await db.insert(publicationVersions).values(row);
  },

  async versions(db: DbOrTx, publicationId: string): Promise<VersionRow[]> {
    return db
      .select()
      .from(publicationVersions)
      .where(eq(publicationVersions.publicationId, publicationId))
      .orderBy(desc(publicationVersions.version));
  },

  async version(db: DbOrTx, publicationId: string, version: number): Promise<VersionRow | undefined> {
    const [r] = await db
      .select()
      .from(publicationVersions)
      .where(
        and(eq(publicationVersions.publicationId, publicationId), eq(publicationVersions.version, version)),
      )
      .limit(1);
    return r;
  },

  /** Serialises appends to the log until the transaction ends, then returns the head. */
  async lockLogHead(db: DbOrTx): Promise<LogRow | undefined> {
    await db.execute(sql`select pg_advisory_xact_lock(7305001)`);
    const [r] = await db.select().from(publicationLog).orderBy(desc(publicationLog.seq)).limit(1);
    return r;
  },

  async nextLogSeq(db: DbOrTx): Promise<number> {
    const r = await db.execute<{ n: string }>(
      sql`select nextval(pg_get_serial_sequence('publication_log', 'seq')) as n`,
    );
    return Number(r.rows[0]?.n);
  },

  async insertLog(db: DbOrTx, row: typeof publicationLog.$inferInsert): Promise<void> {
    await db.insert(publicationLog).values(row);
  },

  async logHead(db: DbOrTx): Promise<LogRow | undefined> {
    const [r] = await db.select().from(publicationLog).orderBy(desc(publicationLog.seq)).limit(1);
    return r;
  },

  async logCount(db: DbOrTx): Promise<number> {
    const [r] = await db.select({ n: count() }).from(publicationLog);
    return r?.n ?? 0;
  },

  /** Log entries newest first, a page at a time, with what each item is. */
  async logPage(db: DbOrTx, page: { limit: number; offset: number }) {
    return db
      .select({
        seq: publicationLog.seq,
        publicationId: publicationLog.publicationId,
        version: publicationLog.version,
        action: publicationLog.action,
        at: publicationLog.at,
        hash: publicationLog.hash,
        prevHash: publicationLog.prevHash,
        title: publications.title,
        kind: publications.kind,
        sectionKey: publications.sectionKey,
        orgId: publications.orgId,
      })
      .from(publicationLog)
      .leftJoin(publications, eq(publications.id, publicationLog.publicationId))
      .orderBy(desc(publicationLog.seq))
      .limit(page.limit)
      .offset(page.offset);
  },

  /** Log entries in order with the version content they commit to, after `afterSeq`. */
  async logBatch(db: DbOrTx, afterSeq: number, limit: number) {
    return db
      .select({
        seq: publicationLog.seq,
        publicationId: publicationLog.publicationId,
        version: publicationLog.version,
        action: publicationLog.action,
        at: publicationLog.at,
        prevHash: publicationLog.prevHash,
        hash: publicationLog.hash,
        content: publicationVersions.content,
      })
      .from(publicationLog)
      .leftJoin(
        publicationVersions,
        and(
          eq(publicationVersions.publicationId, publicationLog.publicationId),
          eq(publicationVersions.version, publicationLog.version),
        ),
      )
      .where(gt(publicationLog.seq, afterSeq))
      .orderBy(asc(publicationLog.seq))
      .limit(limit);
  },

  /** Publications after `afterId` (by id), for the check that the current rows match their last version. */
  async publicationBatch(db: DbOrTx, afterId: string, limit: number): Promise<PublicationRow[]> {
    return db
      .select()
      .from(publications)
      .where(gt(publications.id, afterId))
      .orderBy(asc(publications.id))
      .limit(limit);
  },

  async lastLogSeqOf(db: DbOrTx, publicationId: string): Promise<number | undefined> {
    const [r] = await db
      .select({ seq: publicationLog.seq })
      .from(publicationLog)
      .where(eq(publicationLog.publicationId, publicationId))
      .orderBy(desc(publicationLog.seq))
      .limit(1);
    return r?.seq;
  },

  /** Is the file the video or poster of a published media item (so it may be served publicly)? */
  async isMediaFile(db: DbOrTx, fileId: string): Promise<boolean> {
    const [r] = await db
      .select({ id: publications.id })
      .from(publications)
      .where(sql`${publications.videoFileId} = ${fileId} or ${publications.posterFileId} = ${fileId}`)
      .limit(1);
    return r !== undefined;
  },

  // Links between documents

  async insertLink(db: DbOrTx, row: DocumentLinkRow): Promise<void> {
    await db
      .insert(documentLinks)
      .values(row)
      .onConflictDoUpdate({
        target: [documentLinks.fromId, documentLinks.toId],
        set: { relation: row.relation },
      });
  },

  async linksFrom(db: DbOrTx, id: string): Promise<DocumentLinkRow[]> {
    return db.select().from(documentLinks).where(eq(documentLinks.fromId, id));
  },

  async linksTo(db: DbOrTx, id: string): Promise<DocumentLinkRow[]> {
    return db.select().from(documentLinks).where(eq(documentLinks.toId, id));
  },

  // Attachments

  async insertAttachment(
    db: DbOrTx,
    row: typeof publicationAttachments.$inferInsert,
  ): Promise<AttachmentRow> {
    const [r] = await db.insert(publicationAttachments).values(row).returning();
    if (!r) throw new Error('insert attachment returned nothing');
    return r;
  },

  async attachments(db: DbOrTx, publicationId: string): Promise<AttachmentRow[]> {
    return db
      .select()
      .from(publicationAttachments)
      .where(eq(publicationAttachments.publicationId, publicationId))
      .orderBy(asc(publicationAttachments.createdAt), asc(publicationAttachments.name));
  },

  async attachmentsOf(db: DbOrTx, ids: string[]): Promise<AttachmentRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(publicationAttachments).where(inArray(publicationAttachments.publicationId, ids));
  },

  async findAttachment(db: DbOrTx, id: string): Promise<AttachmentRow | undefined> {
    if (!isUuid(id)) return undefined;
    const [r] = await db
      .select()
      .from(publicationAttachments)
      .where(eq(publicationAttachments.id, id))
      .limit(1);
    return r;
  },

  async setAttachmentText(
    db: DbOrTx,
    id: string,
    status: string,
    text: string | null,
    failure: string | null = null,
  ): Promise<void> {
    await db
      .update(publicationAttachments)
      .set({ textStatus: status, text, textFailure: failure })
      .where(eq(publicationAttachments.id, id));
  },

  /** Marks a still-pending attachment's extraction failed; false when it was already settled. */
  async failPendingAttachmentText(db: DbOrTx, id: string, failure: string): Promise<boolean> {
    const rows = await db
      .update(publicationAttachments)
      .set({ textStatus: 'failed', textFailure: failure })
      .where(and(eq(publicationAttachments.id, id), eq(publicationAttachments.textStatus, 'pending')))
      .returning({ id: publicationAttachments.id });
    return rows.length > 0;
  },

  // Index for search

  async publicBatch(db: DbOrTx, afterId: string, limit: number): Promise<PublicationRow[]> {
    return db
      .select()
      .from(publications)
      .where(and(gt(publications.id, afterId), isNotNull(publications.publishedAt)))
      .orderBy(asc(publications.id))
      .limit(limit);
  },

  /** A batch of published items other than sections, by id after `afterId`: what the sitemap lists. */
  async publicPageBatch(db: DbOrTx, afterId: string, limit: number) {
    return db
      .select({
        id: publications.id,
        orgId: publications.orgId,
        kind: publications.kind,
        sectionKey: publications.sectionKey,
      })
      .from(publications)
      .where(
        and(
          gt(publications.id, afterId),
          isNotNull(publications.publishedAt),
          sql`${publications.kind} <> 'section'`,
        ),
      )
      .orderBy(asc(publications.id))
      .limit(limit);
  },

  /**
   * A batch of public documents with requisites, light columns only (no body), by id after `afterId`:
   * what the documents register (open data) lists; `orgId` narrows it to one issuer.
   */
  async publicDocumentBatch(db: DbOrTx, opts: { afterId: string; limit: number; orgId: string | null }) {
    return db
      .select({
        id: publications.id,
        orgId: publications.orgId,
        title: publications.title,
        docType: publications.docType,
        docNumber: publications.docNumber,
        docDate: publications.docDate,
        docStatus: publications.docStatus,
      })
      .from(publications)
      .where(
        and(
          eq(publications.kind, 'document'),
          gt(publications.id, opts.afterId),
          isNotNull(publications.publishedAt),
          isNotNull(publications.docType),
          isNotNull(publications.docNumber),
          opts.orgId ? eq(publications.orgId, opts.orgId) : undefined,
        ),
      )
      .orderBy(asc(publications.id))
      .limit(opts.limit);
  },

  // Income declarations

  async insertDeclaration(db: DbOrTx, row: typeof incomeDeclarations.$inferInsert): Promise<DeclarationRow> {
    const [r] = await db.insert(incomeDeclarations).values(row).returning();
    if (!r) throw new Error('insert declaration returned nothing');
    return r;
  },

  /** Delete a row; returns it (its declarant and year), or null when there was none. */
  async deleteDeclaration(db: DbOrTx, orgId: string, id: string): Promise<DeclarationRow | null> {
    if (!isUuid(id)) return null;
    const [r] = await db
      .delete(incomeDeclarations)
      .where(and(eq(incomeDeclarations.orgId, orgId), eq(incomeDeclarations.id, id)))
      .returning();
    return r ?? null;
  },

  /** The body's person of that short name, created on their first row. */
  async declarantByName(db: DbOrTx, orgId: string, shortName: string): Promise<DeclarantRow> {
    await db.insert(declarants).values({ orgId, shortName }).onConflictDoNothing();
    const [r] = await db
      .select()
      .from(declarants)
      .where(and(eq(declarants.orgId, orgId), eq(declarants.shortName, shortName)));
    if (!r) throw new Error('declarant upsert returned nothing');
    return r;
  },

  async declarant(db: DbOrTx, orgId: string, id: string): Promise<DeclarantRow | null> {
    if (!isUuid(id)) return null;
    const [r] = await db
      .select()
      .from(declarants)
      .where(and(eq(declarants.orgId, orgId), eq(declarants.id, id)));
    return r ?? null;
  },

  /** Every person of the body who has rows, by name (staff). */
  async declarants(db: DbOrTx, orgId: string): Promise<DeclarantRow[]> {
    return db
      .select()
      .from(declarants)
      .where(
        and(
          eq(declarants.orgId, orgId),
          sql`exists (select 1 from ${incomeDeclarations} d where d.declarant_id = ${declarants.id})`,
        ),
      )
      .orderBy(asc(declarants.shortName));
  },

  async endTenure(
    db: DbOrTx,
    id: string,
    v: { endedOn: string; basis: string; by: string | null; at: Date },
  ): Promise<void> {
    await db
      .update(declarants)
      .set({
        tenureEndedOn: v.endedOn,
        tenureEndBasis: v.basis,
        tenureRecordedBy: v.by,
        tenureRecordedAt: v.at,
      })
      .where(eq(declarants.id, id));
  },

  /**
   * A year's rows. `publicOnly` leaves out the people whose tenure ended
   * (Указ №613: published only while they hold the post).
   */
  async declarations(
    db: DbOrTx,
    orgId: string,
    year: number,
    sort: DeclarationSort = 'name',
    dir: 'asc' | 'desc' = 'asc',
    opts: { publicOnly?: boolean } = {},
  ): Promise<DeclarationRow[]> {
    const col = declarationSorts[sort];
    // Family rows stay right under their declarant: sort declarants, then by relation within one.
    const groupKey =
      sort === 'income'
        ? sql`max(${incomeDeclarations.declaredIncomeKopecks}) filter (where ${incomeDeclarations.relation} = 'DECLARANT') over (partition by ${incomeDeclarations.declarantShortName}, ${incomeDeclarations.position})`
        : col;
    return db
      .select()
      .from(incomeDeclarations)
      .where(
        and(
          eq(incomeDeclarations.orgId, orgId),
          eq(incomeDeclarations.year, year),
          opts.publicOnly ? activeDeclarant : undefined,
        ),
      )
      .orderBy(
        dir === 'asc' ? sql`${groupKey} asc nulls last` : sql`${groupKey} desc nulls last`,
        asc(incomeDeclarations.declarantShortName),
        sql`case ${incomeDeclarations.relation} when 'DECLARANT' then 0 when 'СУПРУГА' then 1 when 'СУПРУГ' then 1 else 2 end`,
        asc(incomeDeclarations.sortOrder),
        asc(incomeDeclarations.createdAt),
      );
  },

  /** A person's rows in the years the body publishes, newest year first (empty once they left). */
  async publishedRowsOf(db: DbOrTx, declarantId: string): Promise<DeclarationRow[]> {
    return db
      .select()
      .from(incomeDeclarations)
      .where(
        and(
          eq(incomeDeclarations.declarantId, declarantId),
          activeDeclarant,
          sql`exists (select 1 from ${declarationYears} y where y.org_id = ${incomeDeclarations.orgId}
                and y.year = ${incomeDeclarations.year} and y.published)`,
        ),
      )
      .orderBy(
        desc(incomeDeclarations.year),
        sql`case ${incomeDeclarations.relation} when 'DECLARANT' then 0 when 'СУПРУГА' then 1 when 'СУПРУГ' then 1 else 2 end`,
        asc(incomeDeclarations.sortOrder),
        asc(incomeDeclarations.createdAt),
      );
  },

  /**
   * People the public may see (in the post, with a row in a published year),
   * with their positions and years; for search and the sitemap. `ids` narrows.
   */
  async publicDeclarants(db: DbOrTx, opts: { ids?: string[] } = {}): Promise<PublicDeclarant[]> {
    if (opts.ids && opts.ids.length === 0) return [];
    const r = await db.execute<{
      id: string;
      org_id: string;
      short_name: string;
      positions: string[] | null;
      years: number[];
      published_at: Date | string;
    }>(sql`
      select p.id, p.org_id, p.short_name,
             array_agg(distinct d.position) filter (where d.relation = 'DECLARANT') as positions,
             array_agg(distinct d.year) as years, max(y.updated_at) as published_at
      from declarants p
      join income_declarations d on d.declarant_id = p.id
      join declaration_years y on y.org_id = d.org_id and y.year = d.year and y.published
      where p.tenure_ended_on is null
        ${
          opts.ids
            ? sql`and p.id in (${sql.join(
                opts.ids.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`
            : sql``
        }
      group by p.id
      order by p.org_id, p.short_name`);
    return r.rows.map((x) => ({
      id: x.id,
      orgId: x.org_id,
      shortName: x.short_name,
      positions: (x.positions ?? []).filter(Boolean),
      years: (x.years ?? []).map(Number).sort((a, b) => b - a),
      publishedAt: new Date(x.published_at),
    }));
  },

  async declarationYears(db: DbOrTx, orgId: string): Promise<DeclarationYear[]> {
    const r = await db.execute<{
      year: number;
      published: boolean;
      legal_basis: string | null;
      decided_by: string | null;
      decided_at: Date | string | null;
      rows: string;
      public_rows: string;
    }>(sql`
      select y.year, coalesce(p.published, false) as published, p.legal_basis, p.decided_by,
             p.updated_at as decided_at, count(d.id) as rows,
             count(d.id) filter (where pd.tenure_ended_on is null) as public_rows
      from (select distinct year from income_declarations where org_id = ${orgId}
            union select year from declaration_years where org_id = ${orgId}) y
      left join declaration_years p on p.org_id = ${orgId} and p.year = y.year
      left join income_declarations d on d.org_id = ${orgId} and d.year = y.year
      left join declarants pd on pd.id = d.declarant_id
      group by y.year, p.published, p.legal_basis, p.decided_by, p.updated_at
      order by y.year desc`);
    return r.rows.map((x) => ({
      year: Number(x.year),
      published: Boolean(x.published),
      legalBasis: x.legal_basis,
      decidedBy: x.decided_by,
      decidedAt: x.decided_at === null ? null : new Date(x.decided_at),
      rows: Number(x.rows),
      publicRows: Number(x.public_rows),
    }));
  },

  async setYearPublished(
    db: DbOrTx,
    orgId: string,
    year: number,
    v: { published: boolean; legalBasis: string; decidedBy: string | null; now: Date },
  ) {
    const set = {
      published: v.published,
      legalBasis: v.legalBasis,
      decidedBy: v.decidedBy,
      updatedAt: v.now,
    };
    await db
      .insert(declarationYears)
      .values({ orgId, year, ...set })
      .onConflictDoUpdate({ target: [declarationYears.orgId, declarationYears.year], set });
  },

  async isYearPublished(db: DbOrTx, orgId: string, year: number): Promise<boolean> {
    const [r] = await db
      .select({ p: declarationYears.published })
      .from(declarationYears)
      .where(and(eq(declarationYears.orgId, orgId), eq(declarationYears.year, year)))
      .limit(1);
    return r?.p ?? false;
  },

  // Site feedback

  async insertFeedback(db: DbOrTx, row: typeof siteFeedback.$inferInsert): Promise<void> {
    await db.insert(siteFeedback).values(row);
  },

  async feedback(db: DbOrTx, orgId: string, limit = 100): Promise<SiteFeedbackRow[]> {
    return db
      .select()
      .from(siteFeedback)
      .where(eq(siteFeedback.orgId, orgId))
      .orderBy(desc(siteFeedback.createdAt))
      .limit(limit);
  },
};
