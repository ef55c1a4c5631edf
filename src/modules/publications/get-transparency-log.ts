import type { Actor } from '../../platform/authz/index.ts';
import { findOrganizationById } from '../orgs/index.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import { type Paged, pagesOf, type ReadDeps } from './reads.ts';

/*
 * Public reads: the public page of the publication log.
 * Every published item is public (there are no drafts); each read checks that the item exists,
 * is of the kind the address names and belongs to the organisation in it, else 404.
 */

/** A page of the publication log, newest first, each line with the address of what it records. */
export async function getTransparencyLog(deps: ReadDeps, _actor: Actor, input: Paged) {
  const { db } = deps;
  const [lines, head, count] = await Promise.all([
    repo.logPage(db, { limit: input.perPage, offset: (input.page - 1) * input.perPage }),
    repo.logHead(db),
    repo.logCount(db),
  ]);
  const orgIds = [...new Set(lines.map((l) => l.orgId).filter((x): x is string => x !== null))];
  const slugs = new Map(
    await Promise.all(orgIds.map(async (id) => [id, (await findOrganizationById(db, id))?.slug] as const)),
  );
  return { lines, slugs, head: head?.hash ?? null, count, pages: pagesOf(count, input.perPage) };
}
