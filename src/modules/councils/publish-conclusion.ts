import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { openDiscussion } from '../participation/index.ts';
import { councilForStaff } from './council-access.ts';
import type { ConclusionInput } from './councils.input.ts';
import { type ConclusionRow, councilsRepository as repo } from './councils.repository.ts';
import { indexConclusion } from './councils.search.ts';

/** The participation engine's object type of a conclusion's discussion. */
export const CONCLUSION_OBJECT = 'council_conclusion';
/** How long a conclusion stays open for comments. */
const DISCUSSION_DAYS = 30;

/**
 * Publish a conclusion on a draft, plan, programme or report, or the yearly
 * co-report (tasks 1.2, 1.4, 6.4). It is shown on the council page and, by its
 * subject's address, on the subject's card (`conclusionsOn` in index.ts); its
 * public discussion is opened in the participation engine (task 1.4).
 */
export async function publishConclusion(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { councilId: string; conclusion: ConclusionInput },
): Promise<ConclusionRow> {
  const row = await deps.db.transaction(async (tx) => {
    const council = await councilForStaff(tx, origin.actor, input.councilId);
    const row = await repo.insertConclusion(tx, {
      ...input.conclusion,
      councilId: council.id,
      publishedAt: deps.clock.now(),
    });
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
    return { ...row, orgId: council.orgId };
  });
  // The public discussion of the conclusion (task 1.4), through the participation engine. It runs
  // its own transaction, so it follows the publication; the conclusion's page finds it by object.
  const discussion = await openDiscussion(deps, origin, {
    objectType: CONCLUSION_OBJECT,
    objectId: row.id,
    orgId: row.orgId,
    title: `${row.kind === 'co_report' ? 'Содоклад' : 'Заключение'}: ${row.subjectTitle}`,
    ownerUrl: `/councils/conclusions/${row.id}`,
    rules: 'Обсуждаем заключение совета: предложения и замечания к нему. Комментарии модерируются.',
    opensAt: row.publishedAt,
    closesAt: new Date(row.publishedAt.getTime() + DISCUSSION_DAYS * 86_400_000),
    moderation: 'post',
  });
  await repo.setConclusionDiscussion(deps.db, row.id, discussion.id);
  return { ...row, discussionId: discussion.id };
}
