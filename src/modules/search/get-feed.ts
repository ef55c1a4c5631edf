import type { DbOrTx } from '../../platform/db/client.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { latestEntries, searchSources } from '../../platform/search/index.ts';
import { findOrganizationBySlug, listAllOrganizations } from '../orgs/index.ts';
import { regionalActTypes } from '../publications/index.ts';
import { type AtomEntry, atomFeed } from './atom.ts';

export type FeedKind = 'news' | 'documents' | 'legal-acts';
export const FEED_SIZE = 50;

/** The content types registered for a feed (SearchContentType.feed). */
export function feedTypes(kind: FeedKind): string[] {
  const feed = kind === 'legal-acts' ? 'documents' : kind;
  return searchSources().flatMap((s) => s.types.filter((t) => t.feed === feed).map((t) => t.key));
}

/** An Atom feed of the newest news or documents, region-wide or of one organisation. Public: no access check. */
export async function getFeed(
  deps: { db: DbOrTx; publicUrl: string },
  p: { kind: FeedKind; orgSlug?: string; title: (org?: string) => string },
): Promise<string> {
  const org = p.orgSlug ? await findOrganizationBySlug(deps.db, p.orgSlug) : undefined;
  if (p.orgSlug && !org) throw new NotFound('organization');
  const types = feedTypes(p.kind);
  const rows = types.length
    ? await latestEntries(deps.db, {
        types,
        ...(org ? { orgId: org.id } : {}),
        // the register of the region's acts (/legal-acts) has a feed of its own
        ...(p.kind === 'legal-acts' ? { docTypes: regionalActTypes } : {}),
        limit: FEED_SIZE,
      })
    : [];
  const names = new Map((await listAllOrganizations(deps.db)).map((o) => [o.id, o.nameRu]));
  const base = deps.publicUrl.replace(/\/$/, '');
  const path = org ? `/feeds/orgs/${org.slug}/${p.kind}.atom` : `/feeds/${p.kind}.atom`;
  const entries: AtomEntry[] = rows.map((r) => ({
    id: `${base}${r.url}`,
    title: r.title,
    summary: r.summary,
    url: `${base}${r.url}`,
    published: r.publishedAt,
    updated: r.updatedAt > r.publishedAt ? r.updatedAt : r.publishedAt,
    ...(r.orgId && names.get(r.orgId) ? { author: names.get(r.orgId) as string } : {}),
  }));
  return atomFeed({
    id: `${base}${path}`,
    title: p.title(org?.nameRu),
    selfUrl: `${base}${path}`,
    htmlUrl: org
      ? `${base}/orgs/${org.slug}`
      : p.kind === 'legal-acts'
        ? `${base}/legal-acts`
        : `${base}/search`,
    author: org?.nameRu ?? 'Открытый регион',
    entries,
  });
}
