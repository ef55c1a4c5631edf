import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { appealAnswerTemplates } from './appeals.tables.ts';

export type AnswerTemplateRow = typeof appealAnswerTemplates.$inferSelect;

/** A body's answer templates (issue 10). */
export const templatesRepository = {
  /** The templates of these bodies (or of every body), by title. */
  async ofOrgs(db: DbOrTx, orgIds: string[] | 'all'): Promise<AnswerTemplateRow[]> {
    if (orgIds !== 'all' && orgIds.length === 0) return [];
    const q = db.select().from(appealAnswerTemplates);
    return (orgIds === 'all' ? q : q.where(inArray(appealAnswerTemplates.orgId, orgIds))).orderBy(
      asc(appealAnswerTemplates.title),
      asc(appealAnswerTemplates.createdAt),
    );
  },

  async byId(db: DbOrTx, id: string): Promise<AnswerTemplateRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [r] = await db.select().from(appealAnswerTemplates).where(eq(appealAnswerTemplates.id, id));
    return r;
  },

  async insert(db: DbOrTx, row: typeof appealAnswerTemplates.$inferInsert): Promise<AnswerTemplateRow> {
    const [r] = await db.insert(appealAnswerTemplates).values(row).returning();
    return r as AnswerTemplateRow;
  },

  async update(
    db: DbOrTx,
    id: string,
    patch: { title: string; text: string; updatedAt: Date },
  ): Promise<void> {
    await db.update(appealAnswerTemplates).set(patch).where(eq(appealAnswerTemplates.id, id));
  },

  async delete(db: DbOrTx, id: string): Promise<void> {
    await db.delete(appealAnswerTemplates).where(eq(appealAnswerTemplates.id, id));
  },
};
