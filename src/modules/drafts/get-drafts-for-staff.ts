import type { Actor } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import { discussionBounds } from './change-draft-stage.ts';
import { orgForStaff } from './draft-access.ts';
import type { ImpactDegree } from './drafts.input.ts';
import { canManageDrafts } from './drafts.policy.ts';
import { type DraftRow, type PlanItemRow, draftsRepository as repo } from './drafts.repository.ts';
import { type DraftCard, getDraftCard } from './get-drafts.ts';

type ReadDeps = Pick<Deps, 'db' | 'clock'>;

/** The bodies whose rule-making this person keeps. */
export async function listDraftingOrgs(deps: Pick<Deps, 'db'>, actor: Actor): Promise<OrgRow[]> {
  return (await listAllOrganizations(deps.db)).filter((o) => canManageDrafts(actor, o));
}

/** A body's drafts and plan items for its staff. */
export async function getOrgDraftsForStaff(
  deps: ReadDeps,
  actor: Actor,
  slug: string,
): Promise<{ org: OrgRow; drafts: DraftRow[]; plan: PlanItemRow[] }> {
  const org = await orgForStaff(deps.db, actor, slug);
  const [{ rows }, plan] = await Promise.all([
    repo.listDrafts(deps.db, { orgId: org.id }, { limit: 200, offset: 0 }),
    repo.planItems(deps.db, { orgId: org.id }),
  ]);
  return { org, drafts: rows, plan };
}

/** The staff card: the public card and the bounds of a discussion opened today. */
export async function getDraftForStaff(
  deps: ReadDeps,
  actor: Actor,
  id: string,
): Promise<{ card: DraftCard; bounds: { min: string; max: string } | null }> {
  const card = await getDraftCard(deps, actor, id);
  authorize(card.canManage);
  const bounds =
    card.draft.stage === 'notice'
      ? await discussionBounds(deps, card.draft.impactDegree as ImpactDegree)
      : null;
  return { card, bounds };
}
