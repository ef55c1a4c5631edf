import type { Actor } from '../../platform/authz/index.ts';
import { NotFound } from '../../platform/errors/index.ts';
import { findOrganizationById } from '../orgs/index.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import type { ReadDeps } from './reads.ts';

/*
 * Public reads: the versions of any item: its history, one version, two compared.
 * Every published item is public (there are no drafts); each read checks that the item exists,
 * is of the kind the address names and belongs to the organisation in it, else 404.
 */

async function itemWithOrg(deps: ReadDeps, id: string) {
  const p = await repo.findById(deps.db, id);
  const org = p ? await findOrganizationById(deps.db, p.orgId) : undefined;
  if (!p || !org) throw new NotFound('publication');
  return { p, org };
}

/** Every version of an item, newest first. */
export async function getHistory(deps: ReadDeps, _actor: Actor, input: { id: string }) {
  const { p, org } = await itemWithOrg(deps, input.id);
  return { p, org, versions: await repo.versions(deps.db, p.id) };
}

/** One version of an item as it was saved. */
export async function getVersion(deps: ReadDeps, _actor: Actor, input: { id: string; version: number }) {
  const { p, org } = await itemWithOrg(deps, input.id);
  const v = await repo.version(deps.db, p.id, input.version);
  if (!v) throw new NotFound('version');
  return { p, org, v };
}

/** Two versions of an item to compare; by default the current one and the one before it. */
export async function getDiff(
  deps: ReadDeps,
  _actor: Actor,
  input: { id: string; from?: number | undefined; to?: number | undefined },
) {
  const { p, org } = await itemWithOrg(deps, input.id);
  const to = input.to || p.version;
  const fromN = input.from || to - 1;
  const [from, toV] = await Promise.all([
    repo.version(deps.db, p.id, fromN),
    repo.version(deps.db, p.id, to),
  ]);
  if (!from || !toV) throw new NotFound('version');
  return { p, org, from, to: toV };
}
