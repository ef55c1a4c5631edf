import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { appealTopics, totkEditions } from './appeals.tables.ts';

export type TotkEditionRow = typeof totkEditions.$inferSelect;
export type TopicRow = typeof appealTopics.$inferSelect;

/** The ТОТК editions an administrator loaded and their codes. */
export const totkRepository = {
  /** The newest loaded edition by its date (then by when it was loaded), or null. */
  async newestEdition(db: DbOrTx): Promise<TotkEditionRow | null> {
    const [r] = await db
      .select()
      .from(totkEditions)
      .orderBy(desc(totkEditions.editionDate), desc(totkEditions.loadedAt))
      .limit(1);
    return r ?? null;
  },

  async edition(db: DbOrTx, version: string): Promise<TotkEditionRow | null> {
    const [r] = await db.select().from(totkEditions).where(eq(totkEditions.version, version));
    return r ?? null;
  },

  async topics(db: DbOrTx, version: string): Promise<TopicRow[]> {
    return db
      .select()
      .from(appealTopics)
      .where(and(eq(appealTopics.version, version), eq(appealTopics.active, true)))
      .orderBy(asc(appealTopics.position));
  },

  /**
   * The questions whose words match: Russian full text over the question's name
   * (weight A) and its section, theme and topic (weight B), or a close trigram
   * match of the words in the name for a typo, or a code starting with the
   * words. The classifier comes as arrays (the shipped edition is data in the
   * code, a loaded one is the same shape), one parameter each.
   */
  async searchQuestions(
    db: DbOrTx,
    questions: { codes: string[]; names: string[]; paths: string[] },
    words: string,
    limit: number,
  ): Promise<string[]> {
    // a code typed in part («0003.0009») matches the codes it starts
    const codePrefix = /^\d{4}(\.\d{1,4}){0,4}$/.test(words) ? words : '';
    const res = await db.execute<{ code: string }>(sql`
      with t as (
        select code, name, path, pos,
               setweight(to_tsvector('russian', name), 'A') || setweight(to_tsvector('russian', path), 'B') as doc
        from unnest(${sql.param(questions.codes)}::text[], ${sql.param(questions.names)}::text[],
                    ${sql.param(questions.paths)}::text[]) with ordinality as u(code, name, path, pos)
      ), q as (select plainto_tsquery('russian', ${words}) as tsq)
      select code from t, q
      where (numnode(q.tsq) > 0 and t.doc @@ q.tsq)
         or word_similarity(lower(${words}), lower(t.name)) >= 0.6
         or (${codePrefix} <> '' and t.code like ${codePrefix} || '%')
      order by ts_rank(t.doc, q.tsq) desc, word_similarity(lower(${words}), lower(t.name)) desc, t.pos
      limit ${limit}`);
    return res.rows.map((r) => r.code);
  },

  async insertEdition(
    db: DbOrTx,
    edition: typeof totkEditions.$inferInsert,
    topics: (typeof appealTopics.$inferInsert)[],
  ): Promise<void> {
    await db.insert(totkEditions).values(edition);
    // in chunks: a full edition has thousands of codes, a statement at most 65535 parameters
    for (let i = 0; i < topics.length; i += 1000)
      await db.insert(appealTopics).values(topics.slice(i, i + 1000));
  },
};
