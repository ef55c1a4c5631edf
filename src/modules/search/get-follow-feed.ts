import type { DbOrTx } from '../../platform/db/client.ts';
import type { Clock } from '../../platform/deps.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findOrganizationBySlug, listAllOrganizations } from '../orgs/index.ts';
import { type AtomEntry, atomFeed } from './atom.ts';
import { type FollowUpdate, findFollowTarget, followable, orgUpdates } from './follow.ts';
import { FEED_SIZE } from './get-feed.ts';

type FeedDeps = { db: DbOrTx; clock: Clock; publicUrl: string };

function entries(base: string, rows: FollowUpdate[], names: Map<string, string>): AtomEntry[] {
  return rows.map((u) => ({
    id: `${base}/#${u.key}`,
    title: u.title,
    summary: u.summary,
    url: `${base}${u.url}`,
    published: u.at,
    updated: u.at,
    ...(names.get(u.orgId) ? { author: names.get(u.orgId) as string } : {}),
  }));
}

/** The Atom feed of one followed object's updates (new comments, results, answers). Public: a hidden object is a 404. */
export async function getFollowFeed(
  deps: FeedDeps,
  p: { kind: string; id: string; title: (object: string) => string },
): Promise<string> {
  const target = await findFollowTarget(deps.db, p.kind, p.id);
  const f = followable(p.kind);
  if (!target || !f) throw new NotFound('follow');
  const rows = await f.updates(deps.db, { id: target.id, until: deps.clock.now(), limit: FEED_SIZE });
  const names = new Map((await listAllOrganizations(deps.db)).map((o) => [o.id, o.nameRu]));
  const base = deps.publicUrl.replace(/\/$/, '');
  const path = `/feeds/follow/${target.kind}/${target.id}.atom`;
  return atomFeed({
    id: `${base}${path}`,
    title: p.title(target.title),
    selfUrl: `${base}${path}`,
    htmlUrl: `${base}${target.url}`,
    author: names.get(target.orgId) ?? 'Открытый регион',
    entries: entries(base, rows, names),
  });
}

/** The Atom feed of an organisation's participation: the updates of all its followable objects. */
export async function getOrgUpdatesFeed(
  deps: FeedDeps,
  p: { orgSlug: string; title: (org: string) => string },
): Promise<string> {
  const org = await findOrganizationBySlug(deps.db, p.orgSlug);
  if (!org) throw new NotFound('organization');
  const rows = await orgUpdates(deps.db, { orgId: org.id, until: deps.clock.now(), limit: FEED_SIZE });
  const base = deps.publicUrl.replace(/\/$/, '');
  const path = `/feeds/orgs/${org.slug}/participation.atom`;
  return atomFeed({
    id: `${base}${path}`,
    title: p.title(org.nameRu),
    selfUrl: `${base}${path}`,
    htmlUrl: `${base}/orgs/${org.slug}`,
    author: org.nameRu,
    entries: entries(base, rows, new Map([[org.id, org.nameRu]])),
  });
}
