import { and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { organizations, orgSections, responsibleOfficials } from './orgs.tables.ts';

/** The columns a module's section registration writes; `filledAt` is the serving module's. */
const SECTION_UPSERT_KEYS = [
  'titleRu',
  'titleEn',
  'summaryRu',
  'summaryEn',
  'concept',
  'path',
  'position',
  'enabled',
  'responsibleDuty',
] as const;
const excludedOf = (key: (typeof SECTION_UPSERT_KEYS)[number]) =>
  sql.raw(`excluded.${orgSections[key].name}`);

export type OrgRow = typeof organizations.$inferSelect;
export type OrgSectionRow = typeof orgSections.$inferSelect;
export type OfficialRow = typeof responsibleOfficials.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type OrgFilter = { kind?: string | undefined; level?: string | undefined };

/** Government first, then executive bodies, then municipalities; within each, the data file's order. */
const levelOrder = sql`case ${organizations.level} when 'government' then 0 when 'executive' then 1 else 2 end`;

function whereOf(f: OrgFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.kind) parts.push(eq(organizations.kind, f.kind));
  if (f.level) parts.push(eq(organizations.level, f.level));
  return parts.length ? and(...parts) : undefined;
}

/** Everything the orgs module reads and writes. */
export const orgsRepository = {
  async list(db: DbOrTx, f: OrgFilter = {}, page?: { limit: number; offset: number }): Promise<OrgRow[]> {
    const q = db
      .select()
      .from(organizations)
      .where(whereOf(f))
      .orderBy(levelOrder, asc(organizations.sortOrder), asc(organizations.nameRu));
    return page ? q.limit(page.limit).offset(page.offset) : q;
  },

  async count(db: DbOrTx, f: OrgFilter = {}): Promise<number> {
    const [row] = await db.select({ n: count() }).from(organizations).where(whereOf(f));
    return row?.n ?? 0;
  },

  async findBySlug(db: DbOrTx, slug: string): Promise<OrgRow | undefined> {
    const [row] = await db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
    return row;
  },

  async findById(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
    const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
    return row;
  },

  async findByIds(db: DbOrTx, ids: string[]): Promise<OrgRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(organizations).where(inArray(organizations.id, ids));
  },

  async children(db: DbOrTx, parentId: string): Promise<OrgRow[]> {
    return db
      .select()
      .from(organizations)
      .where(eq(organizations.parentId, parentId))
      .orderBy(asc(organizations.sortOrder), asc(organizations.nameRu));
  },

  async updateDetails(
    db: DbOrTx,
    id: string,
    patch: Partial<
      Pick<
        OrgRow,
        | 'headPosition'
        | 'headName'
        | 'descriptionRu'
        | 'descriptionEn'
        | 'address'
        | 'phone'
        | 'email'
        | 'website'
        | 'inn'
        | 'innIsDemo'
      >
    >,
    now: Date,
  ): Promise<void> {
    await db
      .update(organizations)
      .set({ ...patch, updatedAt: now })
      .where(eq(organizations.id, id));
  },

  /**
   * Insert an organisation from the data file, or refresh the fields the data
   * file owns (name, kind, place in the structure, code) and leave alone what
   * staff keep (head, contacts, description, ИНН).
   */
  async upsertFromData(
    db: DbOrTx,
    row: typeof organizations.$inferInsert,
  ): Promise<{ id: string; inserted: boolean }> {
    const [res] = await db
      .insert(organizations)
      .values(row)
      .onConflictDoUpdate({
        target: organizations.slug,
        set: {
          kind: row.kind,
          level: row.level,
          nameRu: row.nameRu,
          nameEn: row.nameEn ?? null,
          shortNameRu: row.shortNameRu ?? null,
          code: row.code,
          sortOrder: row.sortOrder ?? 0,
          sourceNote: row.sourceNote ?? null,
        },
      })
      .returning({ id: organizations.id, inserted: sql<boolean>`(xmax = 0)` });
    if (!res) throw new Error(`upsert of organisation ${row.slug} returned nothing`);
    return res;
  },

  /** Demo details (SEED=demo) where staff and the data left a field empty; never over a kept value. */
  async fillEmptyDetails(
    db: DbOrTx,
    id: string,
    d: { headName: string; phone: string; email: string; address: string },
  ): Promise<void> {
    await db
      .update(organizations)
      .set({
        headName: sql`coalesce(${organizations.headName}, ${d.headName})`,
        phone: sql`coalesce(${organizations.phone}, ${d.phone})`,
        email: sql`coalesce(${organizations.email}, ${d.email})`,
        address: sql`coalesce(${organizations.address}, ${d.address})`,
      })
      .where(eq(organizations.id, id));
  },

  async setParent(db: DbOrTx, id: string, parentId: string | null): Promise<void> {
    await db.update(organizations).set({ parentId }).where(eq(organizations.id, id));
  },

  // Sections

  async sections(db: DbOrTx, orgId: string, opts: { enabledOnly?: boolean } = {}): Promise<OrgSectionRow[]> {
    return db
      .select()
      .from(orgSections)
      .where(
        opts.enabledOnly
          ? and(eq(orgSections.orgId, orgId), eq(orgSections.enabled, true))
          : eq(orgSections.orgId, orgId),
      )
      .orderBy(asc(orgSections.position), asc(orgSections.key));
  },

  async sectionsOf(db: DbOrTx, orgIds: string[]): Promise<OrgSectionRow[]> {
    if (orgIds.length === 0) return [];
    return db
      .select()
      .from(orgSections)
      .where(and(inArray(orgSections.orgId, orgIds), eq(orgSections.enabled, true)))
      .orderBy(asc(orgSections.position));
  },

  async findSectionByPath(db: DbOrTx, orgId: string, path: string): Promise<OrgSectionRow | undefined> {
    const [row] = await db
      .select()
      .from(orgSections)
      .where(and(eq(orgSections.orgId, orgId), eq(orgSections.path, path), eq(orgSections.enabled, true)))
      .limit(1);
    return row;
  },

  /** Add the sections an organisation has no section with that key of yet; returns how many were added. */
  async insertSectionsIfMissing(db: DbOrTx, rows: (typeof orgSections.$inferInsert)[]): Promise<number> {
    if (rows.length === 0) return 0;
    const res = await db
      .insert(orgSections)
      .values(rows)
      .onConflictDoNothing({ target: [orgSections.orgId, orgSections.key] });
    return res.rowCount ?? 0;
  },

  /**
   * Add or rewrite sections by key (titles, summary, path, position, duty) in one statement; their
   * filled marks are kept. A row already as given is not written again (no new row version, no
   * WAL): modules register their sections at every start. Returns how many rows were added or changed.
   */
  async upsertSections(db: DbOrTx, rows: (typeof orgSections.$inferInsert)[]): Promise<number> {
    if (rows.length === 0) return 0;
    const res = await db
      .insert(orgSections)
      .values(
        rows.map((row) => ({
          ...row,
          summaryRu: row.summaryRu ?? null,
          summaryEn: row.summaryEn ?? null,
          concept: row.concept ?? null,
          position: row.position ?? 0,
          enabled: row.enabled ?? true,
          responsibleDuty: row.responsibleDuty ?? null,
        })),
      )
      .onConflictDoUpdate({
        target: [orgSections.orgId, orgSections.key],
        set: Object.fromEntries(SECTION_UPSERT_KEYS.map((k) => [k, excludedOf(k)])),
        setWhere: sql`(${sql.join(
          SECTION_UPSERT_KEYS.map((k) => orgSections[k]),
          sql`, `,
        )}) is distinct from (${sql.join(SECTION_UPSERT_KEYS.map(excludedOf), sql`, `)})`,
      });
    return res.rowCount ?? 0;
  },

  /**
   * A digest of everything the organisations' search entries are built from (organisations, their
   * sections, responsible officials): equal digests mean the entries need no rebuild.
   */
  async searchInputsDigest(db: DbOrTx): Promise<string> {
    const res = await db.execute<{ digest: string }>(sql`
      select md5(
        coalesce((select string_agg(t::text, '|' order by t.id) from ${organizations} t), '') || '#' ||
        coalesce((select string_agg(t::text, '|' order by t.id) from ${orgSections} t), '') || '#' ||
        coalesce((select string_agg(t::text, '|' order by t.id) from ${responsibleOfficials} t), '')
      ) as digest`);
    return res.rows[0]?.digest ?? '';
  },

  async setSectionFilled(db: DbOrTx, orgId: string, key: string, at: Date | null): Promise<number> {
    const res = await db
      .update(orgSections)
      .set({ filledAt: at })
      .where(and(eq(orgSections.orgId, orgId), eq(orgSections.key, key)))
      .returning({ id: orgSections.id });
    return res.length;
  },

  // Responsible officials

  async officials(db: DbOrTx, orgId: string): Promise<OfficialRow[]> {
    return db
      .select()
      .from(responsibleOfficials)
      .where(eq(responsibleOfficials.orgId, orgId))
      .orderBy(asc(responsibleOfficials.sortOrder), asc(responsibleOfficials.createdAt));
  },

  async findOfficial(db: DbOrTx, orgId: string, id: string): Promise<OfficialRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = await db
      .select()
      .from(responsibleOfficials)
      .where(and(eq(responsibleOfficials.orgId, orgId), eq(responsibleOfficials.id, id)))
      .limit(1);
    return row;
  },

  async dutiesWithOfficials(db: DbOrTx, orgId: string): Promise<Set<string>> {
    const rows = await db
      .selectDistinct({ duty: responsibleOfficials.duty })
      .from(responsibleOfficials)
      .where(eq(responsibleOfficials.orgId, orgId));
    return new Set(rows.map((r) => r.duty));
  },

  async insertOfficial(db: DbOrTx, row: typeof responsibleOfficials.$inferInsert): Promise<OfficialRow> {
    const [res] = await db.insert(responsibleOfficials).values(row).returning();
    if (!res) throw new Error('insert of a responsible official returned nothing');
    return res;
  },

  async updateOfficial(
    db: DbOrTx,
    orgId: string,
    id: string,
    patch: Partial<typeof responsibleOfficials.$inferInsert>,
  ): Promise<void> {
    await db
      .update(responsibleOfficials)
      .set(patch)
      .where(and(eq(responsibleOfficials.orgId, orgId), eq(responsibleOfficials.id, id)));
  },

  async deleteOfficial(db: DbOrTx, orgId: string, id: string): Promise<void> {
    await db
      .delete(responsibleOfficials)
      .where(and(eq(responsibleOfficials.orgId, orgId), eq(responsibleOfficials.id, id)));
  },

  async maxOfficialSort(db: DbOrTx, orgId: string): Promise<number> {
    const [row] = await db
      .select({ m: sql<number>`coalesce(max(${responsibleOfficials.sortOrder}), 0)` })
      .from(responsibleOfficials)
      .where(eq(responsibleOfficials.orgId, orgId));
    return Number(row?.m ?? 0);
  },

  /** Organisations whose parent is unset, for the list of top-level bodies. */
  async roots(db: DbOrTx): Promise<OrgRow[]> {
    return db.select().from(organizations).where(isNull(organizations.parentId)).orderBy(levelOrder);
  },
};
