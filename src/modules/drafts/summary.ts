import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Actor } from '../../platform/authz/index.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { Deps } from '../../platform/deps.ts';
import { Conflict, InvalidInput, NotFound } from '../../platform/errors/index.ts';
import { draftForStaff, userIdOf } from './draft-access.ts';
import type { PositionInput } from './drafts.input.ts';
import { type DraftRow, type DraftUnitRow, draftsRepository as repo } from './drafts.repository.ts';
import { type DraftCard, getDraftCard } from './get-drafts.ts';
import { buildSummary, incomplete, listProposals, type SummaryRow, type SummaryTotals } from './proposals.ts';

export type Summary = { rows: SummaryRow[]; totals: SummaryTotals };

/** The proposals (read from the discussion, closed by now) and the positions as `db` sees them. */
async function summaryOf(deps: Pick<Deps, 'db' | 'clock'>, db: DbOrTx, draft: DraftRow): Promise<Summary> {
  const [proposals, positions] = await Promise.all([
    listProposals(deps, draft.id),
    repo.positions(db, draft.id),
  ]);
  const versions = [...new Set(proposals.map((p) => p.version))];
  const units = new Map<number, DraftUnitRow[]>();
  for (const v of versions) units.set(v, await repo.units(db, draft.id, v));
  return buildSummary(proposals, positions, units);
}

/**
 * The summary of proposals for the public (once published) or for the
 * draft's staff (while they draw it up): 404 to anyone else before then.
 */
export async function getSummary(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<DraftCard & Summary> {
  const card = await getDraftCard(deps, actor, id);
  if (!card.draft.summaryPublishedAt && !card.canManage) throw new NotFound();
  return { ...card, ...(await summaryOf(deps, deps.db, card.draft)) };
}

/** The developer's position on one proposal, while the summary is drawn up. */
export async function setProposalPosition(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string; position: PositionInput },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { draft } = await draftForStaff(tx, origin.actor, input.draftId, true);
    if (draft.stage !== 'summary' || draft.outcome) throw new Conflict('drafts.stage.notSummary');
    const p = input.position;
    const proposals = await listProposals(deps, draft.id);
    if (!proposals.some((x) => x.commentId === p.commentId))
      throw new InvalidInput([{ field: 'commentId', message: 'drafts.position.comment' }]);
    await repo.upsertPosition(tx, {
      draftId: draft.id,
      commentId: p.commentId,
      position: p.position,
      justification: p.justification,
      decidedBy: userIdOf(origin),
      decidedAt: deps.clock.now(),
    });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'draft.position',
      objectType: 'draft_regulation',
      objectId: draft.id,
      orgId: draft.orgId,
      details: { commentId: p.commentId, position: p.position },
    });
  });
}

/**
 * Publish the summary of proposals: every proposal must have the developer's
 * position (and a justification unless учтено); the draft moves to the decision.
 */
export async function publishSummary(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { draftId: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { draft } = await draftForStaff(tx, origin.actor, input.draftId, true);
    if (draft.stage !== 'summary' || draft.outcome) throw new Conflict('drafts.stage.notSummary');
    const { rows, totals } = await summaryOf(deps, tx, draft);
    if (rows.some(incomplete)) throw new Conflict('drafts.summary.positionsMissing');
    const now = deps.clock.now();
    await repo.updateDraft(tx, draft.id, { stage: 'decision', summaryPublishedAt: now, updatedAt: now });
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'draft.summary_publish',
      objectType: 'draft_regulation',
      objectId: draft.id,
      orgId: draft.orgId,
      details: { ...totals },
    });
  });
}
