import { anonymous } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { loadDiscussionView } from '../participation/index.ts';
import { draftDiscussion, parseAnchor } from './change-draft-stage.ts';
import type { ProposalPosition } from './drafts.input.ts';
import type { DraftUnitRow, PositionRow } from './drafts.repository.ts';

/**
 * A proposal on a draft: a comment of the discussion engine (participation
 * module) on the whole draft or on one structural unit, with the new wording
 * it proposes, and the version of the text it was made on.
 */
export type Proposal = {
  commentId: string;
  /** the participant as the summary names them (their name when they agreed to show it) */
  participant: string;
  /** the unit's key (`draft_units.key`), null for the draft as a whole */
  unitKey: string | null;
  version: number;
  text: string;
  wording: string | null;
  createdAt: Date;
};

/**
 * The proposals of a draft: the published top-level comments of its
 * discussion (participation module), not the body's official replies. A
 * comment's anchor names the unit and the version it was made on; one on the
 * whole draft belongs to the version the discussion opened with. Comments a
 * moderator hid (abuse, spam) or still holds are not proposals.
 */
export async function listProposals(deps: Pick<Deps, 'db' | 'clock'>, draftId: string): Promise<Proposal[]> {
  const d = await draftDiscussion(deps.db, draftId);
  if (!d) return [];
  const view = await loadDiscussionView(deps, anonymous, d);
  const opened = parseAnchor(d.anchors[0]?.id ?? null)?.version ?? 1;
  return view.comments
    .filter((c) => c.status === 'published' && !c.official)
    .map((c) => {
      const a = parseAnchor(c.anchorId);
      return {
        commentId: c.id,
        participant: c.shownName ?? `Участник № ${c.authorNumber}`,
        unitKey: a?.key ?? null,
        version: a?.version ?? opened,
        text: c.text,
        wording: c.wording,
        createdAt: c.createdAt,
      };
    });
}

export type SummaryRow = Proposal & {
  unitLabel: string | null;
  position: ProposalPosition | null;
  justification: string | null;
};

export type SummaryTotals = Record<ProposalPosition | 'none', number> & { total: number };

/**
 * The summary of proposals: every proposal with the developer's position,
 * in the order they came, and the totals. Built from the proposals
 * themselves, so none can be missing from it.
 */
export function buildSummary(
  proposals: Proposal[],
  positions: PositionRow[],
  unitsByVersion: Map<number, DraftUnitRow[]>,
): { rows: SummaryRow[]; totals: SummaryTotals } {
  const byComment = new Map(positions.map((p) => [p.commentId, p]));
  const rows = [...proposals]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((p) => {
      const pos = byComment.get(p.commentId);
      const unit = p.unitKey ? unitsByVersion.get(p.version)?.find((u) => u.key === p.unitKey) : undefined;
      return {
        ...p,
        unitLabel: unit?.label ?? p.unitKey,
        position: (pos?.position as ProposalPosition | undefined) ?? null,
        justification: pos?.justification ?? null,
      };
    });
  const totals: SummaryTotals = { accepted: 0, partly: 0, rejected: 0, none: 0, total: rows.length };
  for (const r of rows) totals[r.position ?? 'none']++;
  return { rows, totals };
}

/** A row still lacking what the summary needs: a position, and a justification unless accepted. */
export function incomplete(r: SummaryRow): boolean {
  return r.position === null || (r.position !== 'accepted' && !r.justification);
}
