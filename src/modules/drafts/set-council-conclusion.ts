import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { draftForStaff } from './draft-access.ts';
import { draftsRepository as repo } from './drafts.repository.ts';
import type { DraftLink } from './drafts.tables.ts';

/** Publish the public council's conclusion on a draft on its card (task 1.4). */
export async function setCouncilConclusion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string; conclusion: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { draft } = await draftForStaff(tx, origin.actor, input.draftId, true);
    const now = deps.clock.now();
    await repo.updateDraft(tx, draft.id, {
      councilConclusion: input.conclusion,
      councilConclusionAt: now,
      updatedAt: now,
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'draft.council_conclusion',
      objectType: 'draft_regulation',
      objectId: draft.id,
      orgId: draft.orgId,
    });
  });
}

/** List another discussion of the draft on its card: a social network, another portal (task 9.5). */
export async function addDraftLink(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string; link: DraftLink },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { draft } = await draftForStaff(tx, origin.actor, input.draftId, true);
    await repo.updateDraft(tx, draft.id, {
      links: [...draft.links, input.link].slice(0, 50),
      updatedAt: deps.clock.now(),
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'draft.link_add',
      objectType: 'draft_regulation',
      objectId: draft.id,
      orgId: draft.orgId,
      details: { url: input.link.url },
    });
  });
}
