import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { devIdpStore } from '../accounts.tables.ts';

type Payload = Record<string, unknown>;

/** Every query of the demo identity provider's store (dev_idp_store). */
export const devIdpRepository = {
  async upsert(db: DbOrTx, model: string, id: string, payload: Payload, expiresAt: Date): Promise<void> {
    const row = {
      model,
      id,
      payload,
      uid: typeof payload.uid === 'string' ? payload.uid : null,
      userCode: typeof payload.userCode === 'string' ? payload.userCode : null,
      grantId: typeof payload.grantId === 'string' ? payload.grantId : null,
      expiresAt,
    };
    await db
      .insert(devIdpStore)
      .values(row)
      .onConflictDoUpdate({ target: [devIdpStore.model, devIdpStore.id], set: row });
  },

  async find(db: DbOrTx, model: string, id: string, now: Date): Promise<Payload | undefined> {
    const [r] = await db
      .select({ payload: devIdpStore.payload, expiresAt: devIdpStore.expiresAt })
      .from(devIdpStore)
      .where(and(eq(devIdpStore.model, model), eq(devIdpStore.id, id)));
    return r && r.expiresAt > now ? (r.payload as Payload) : undefined;
  },

  async findBy(
    db: DbOrTx,
    model: string,
    field: 'uid' | 'userCode',
    value: string,
    now: Date,
  ): Promise<Payload | undefined> {
    const column = field === 'uid' ? devIdpStore.uid : devIdpStore.userCode;
    const [r] = await db
      .select({ payload: devIdpStore.payload, expiresAt: devIdpStore.expiresAt })
      .from(devIdpStore)
      .where(and(eq(devIdpStore.model, model), eq(column, value)));
    return r && r.expiresAt > now ? (r.payload as Payload) : undefined;
  },

  async consume(db: DbOrTx, model: string, id: string, at: number): Promise<void> {
    await db
      .update(devIdpStore)
      .set({ payload: sql`${devIdpStore.payload} || jsonb_build_object('consumed', ${at}::int)` })
      .where(and(eq(devIdpStore.model, model), eq(devIdpStore.id, id)));
  },

  async destroy(db: DbOrTx, model: string, id: string): Promise<void> {
    await db.delete(devIdpStore).where(and(eq(devIdpStore.model, model), eq(devIdpStore.id, id)));
  },

  async revokeByGrantId(db: DbOrTx, grantId: string): Promise<void> {
    await db.delete(devIdpStore).where(eq(devIdpStore.grantId, grantId));
  },

  async deleteExpired(db: DbOrTx, now: Date): Promise<void> {
    await db.delete(devIdpStore).where(lt(devIdpStore.expiresAt, now));
  },

  /** The first value stored under (model, id), whichever process stored it first. */
  async firstOf(db: DbOrTx, model: string, id: string, payload: Payload, expiresAt: Date): Promise<Payload> {
    await db.insert(devIdpStore).values({ model, id, payload, expiresAt }).onConflictDoNothing();
    const [r] = await db
      .select({ payload: devIdpStore.payload })
      .from(devIdpStore)
      .where(and(eq(devIdpStore.model, model), eq(devIdpStore.id, id)));
    return (r?.payload as Payload | undefined) ?? payload;
  },
};
