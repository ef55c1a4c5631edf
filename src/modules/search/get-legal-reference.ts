import type { DbOrTx } from '../../platform/db/client.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { type LegalEntry, legalReferenceQuery, searchVocabulary } from '../../platform/search/index.ts';
import { findOrganizationBySlug, type OrgRow } from '../orgs/index.ts';

/** The reference shows the newest documents in force; the rest are a search away. */
export const LEGAL_LIMIT = 500;
export const PER_GROUP = 20;

export type LegalGroup = {
  topic: string | null;
  entries: LegalEntry[];
  tags: { tag: string; count: number }[];
};

/**
 * Documents in force (statuses registered as inForce), grouped by topic, with
 * the topics present for the «что касается меня» filter. Public: no access check.
 */
export async function getLegalReference(
  deps: { db: DbOrTx },
  p: { orgSlug?: string | undefined; topics: string[] },
): Promise<{
  org: OrgRow | null;
  groups: LegalGroup[];
  allTopics: string[];
  total: number;
  statuses: string[];
}> {
  const org = p.orgSlug ? ((await findOrganizationBySlug(deps.db, p.orgSlug)) ?? null) : null;
  if (p.orgSlug && !org) throw new NotFound('organization');
  const statuses = [...searchVocabulary().docStatuses.values()].filter((s) => s.inForce).map((s) => s.key);
  const all = await legalReferenceQuery(deps.db, {
    statuses,
    limit: LEGAL_LIMIT,
    ...(org ? { orgId: org.id } : {}),
  });
  const allTopics = [...new Set(all.flatMap((e) => e.topics))].sort((a, b) => a.localeCompare(b, 'ru'));
  const chosen = p.topics.filter((t) => allTopics.includes(t));
  const shown = chosen.length ? all.filter((e) => e.topics.some((t) => chosen.includes(t))) : all;
  const byTopic = new Map<string | null, LegalEntry[]>();
  for (const e of shown) {
    const keys = e.topics.length ? e.topics.filter((t) => !chosen.length || chosen.includes(t)) : [null];
    for (const k of keys) byTopic.set(k, [...(byTopic.get(k) ?? []), e]);
  }
  const groups = [...byTopic.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'ru')))
    .map(([topic, entries]) => {
      const tags = new Map<string, number>();
      for (const e of entries) for (const t of e.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
      return {
        topic,
        entries,
        tags: [...tags.entries()]
          .map(([tag, count]) => ({ tag, count }))
          .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'ru')),
      };
    });
  return { org, groups, allTopics, total: shown.length, statuses };
}
