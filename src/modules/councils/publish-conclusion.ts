import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { councilForStaff } from './council-access.ts';
import type { ConclusionInput } from './councils.input.ts';
import { type ConclusionRow, councilsRepository as repo } from './councils.repository.ts';
import { indexConclusion } from './councils.search.ts';

/**
 * Publish a conclusion on a draft, plan, programme or report, or the yearly
 * co-report (tasks 1.2, 1.4, 6.4). It is shown on the council page and, by its
 * subject's address, on the subject's card (`conclusionsOn` in index.ts).
 */
export async function publishConclusion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { councilId: string; conclusion: ConclusionInput },
): Promise<ConclusionRow> {
  return deps.db.transaction(async (tx) => {
    const council = await councilForStaff(tx, origin.actor, input.councilId);
    const row = await repo.insertConclusion(tx, {
      ...input.conclusion,
      councilId: council.id,
      publishedAt: deps.clock.now(),
    });
    // DISCUSSION ATTACH POINT: open the public discussion of the conclusion through
    // participation/index.ts here, and keep its id with repo.setConclusionDiscussion.
    await indexConclusion(tx, council, row);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'council_conclusion.publish',
      objectType: 'council_conclusion',
      objectId: row.id,
      orgId: council.orgId,
      details: { kind: row.kind, subjectKind: row.subjectKind },
    });
    return row;
  });
}
