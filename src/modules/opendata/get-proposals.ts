import type { Origin } from '../../platform/audit/index.ts';
import { type Actor, isSignedIn } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize, NotFound } from '../../platform/errors/index.ts';
import { findOrganizationsByIds, type OrgRow } from '../orgs/index.ts';
import { PROPOSAL_STATUSES, type ProposalStatus } from './opendata.input.ts';
import { opendataPolicy } from './opendata.policy.ts';
import { type ProposalWithSupport, opendataRepository as repo } from './opendata.repository.ts';

export const PROPOSALS_PER_PAGE = 20;

export type ProposalList = {
  items: ProposalWithSupport[];
  total: number;
  page: number;
  pages: number;
  orgs: Map<string, OrgRow>;
  /** the ones the person has supported */
  supported: Set<string>;
};

/** A status from the address, or none (every status). */
export const statusFilter = (v: unknown): ProposalStatus | undefined =>
  PROPOSAL_STATUSES.includes(v as ProposalStatus) ? (v as ProposalStatus) : undefined;

async function page(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  q: { orgIds?: string[]; status?: ProposalStatus | undefined; page: number },
): Promise<ProposalList> {
  const n = Math.max(1, Math.min(q.page, 10_000));
  const { items, total } = await repo.proposalsPage(deps.db, {
    ...(q.orgIds ? { orgIds: q.orgIds } : {}),
    ...(q.status ? { status: q.status } : {}),
    limit: PROPOSALS_PER_PAGE,
    offset: (n - 1) * PROPOSALS_PER_PAGE,
  });
  const ids = items.map((i) => i.id);
  const [orgs, supported] = await Promise.all([
    findOrganizationsByIds(deps.db, [...new Set(items.map((i) => i.orgId))]),
    isSignedIn(actor) ? repo.supportedBy(deps.db, actor.userId, ids) : Promise.resolve(new Set<string>()),
  ]);
  return {
    items,
    total,
    page: n,
    pages: Math.max(1, Math.ceil(total / PROPOSALS_PER_PAGE)),
    orgs: new Map(orgs.map((o) => [o.id, o])),
    supported,
  };
}

/** The public list of proposals (10.3), newest first, a page at a time; anyone may read it. */
export function listProposals(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  q: { status?: ProposalStatus | undefined; page: number },
): Promise<ProposalList> {
  return page(deps, actor, q);
}

/** One proposal with its body and whether the person has supported it. */
export async function getProposal(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const proposal = await repo.proposalById(deps.db, id);
  if (!proposal) throw new NotFound('dataset_proposal');
  const [[org], supported] = await Promise.all([
    findOrganizationsByIds(deps.db, [proposal.orgId]),
    isSignedIn(actor) ? repo.supportedBy(deps.db, actor.userId, [proposal.id]) : Promise.resolve(new Set()),
  ]);
  if (!org) throw new NotFound('organization');
  return { proposal, org, supported: supported.has(proposal.id) };
}

/** The proposals a steward (or the region's coordinator) answers; refused to anyone who answers none. */
export async function listProposalsForStaff(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  q: { status?: ProposalStatus | undefined; page: number },
): Promise<ProposalList> {
  const scope = opendataPolicy.proposalsScope(origin.actor);
  authorize(scope === 'all' || scope.length > 0);
  return page(deps, origin.actor, { ...q, ...(scope === 'all' ? {} : { orgIds: scope }) });
}

/** One proposal for the person who answers it. */
export async function getProposalForStaff(deps: Pick<Deps, 'db'>, origin: Origin, id: string) {
  const r = await getProposal(deps, origin.actor, id);
  authorize(opendataPolicy.canAnswerProposal(origin.actor, r.proposal.orgId));
  return r;
}
