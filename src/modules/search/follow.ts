import type { DbOrTx } from '../../platform/db/client.ts';

/**
 * Following one object (a discussion, a poll, a consultation, a reference
 * group): the module that owns the object registers a Followable; the search
 * module's subscriptions (kind `follow`, params `{ object, id }`) mail its
 * updates in the daily digest, and /feeds/follow/<kind>/<id>.atom and
 * /feeds/orgs/<slug>/participation.atom show them as Atom. One subscription
 * system: a follow is a subscription like any other.
 */

/** The followed object as a reader may see it. */
export type FollowTarget = { kind: string; id: string; title: string; orgId: string; url: string };

/** One thing that happened to a followed object (a new comment, the results, an answer). */
export type FollowUpdate = {
  /** stable and unique across the portal: the Atom entry id is built from it */
  key: string;
  orgId: string;
  title: string;
  summary: string;
  /** path on the portal */
  url: string;
  at: Date;
};

export type FollowUpdatesQuery = {
  /** one object; without it, every object of the kind in `orgId` */
  id?: string;
  orgId?: string;
  /** strictly after this moment (the digest's last mail) */
  after?: Date;
  /** up to and including this moment (now: nothing dated in the future shows) */
  until: Date;
  limit: number;
};

export type Followable = {
  /** in URLs and in the subscription's params: lower case, e.g. `poll` */
  kind: string;
  /** what the object is, for labels: «Опрос» */
  label: { ru: string; en: string };
  /** the object when it is public, else undefined (a draft poll cannot be followed) */
  find(db: DbOrTx, id: string): Promise<FollowTarget | undefined>;
  /** updates, newest first, at most `limit` */
  updates(db: DbOrTx, q: FollowUpdatesQuery): Promise<FollowUpdate[]>;
};

const registry = new Map<string, Followable>();

/** Make a kind of object followable (called once, when the owning module loads). */
export function registerFollowable(f: Followable): void {
  if (!/^[a-z_]{1,40}$/.test(f.kind)) throw new Error(`bad followable kind ${f.kind}`);
  registry.set(f.kind, f);
}

export function followable(kind: string): Followable | undefined {
  return registry.get(kind);
}

export function followables(): Followable[] {
  return [...registry.values()];
}

export const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public object behind (kind, id), or undefined for an unknown kind, a malformed id or a hidden object. */
export async function findFollowTarget(
  db: DbOrTx,
  kind: string,
  id: string,
): Promise<FollowTarget | undefined> {
  const f = registry.get(kind);
  if (!f || !UUID_SHAPE.test(id)) return undefined;
  return f.find(db, id.toLowerCase());
}

/** The newest updates of one organisation's followable objects, all kinds merged. */
export async function orgUpdates(
  db: DbOrTx,
  q: { orgId: string; after?: Date; until: Date; limit: number },
): Promise<FollowUpdate[]> {
  const all = await Promise.all(followables().map((f) => f.updates(db, q)));
  return all
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, q.limit);
}
