import { type Origin, recordAction } from '../../platform/audit/index.ts';
import { addCalendarDays, toLocalDate } from '../../platform/calendar/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { InvalidInput } from '../../platform/errors/index.ts';
import { markOrgSectionFilled } from '../orgs/index.ts';
import { orgForStaff, userIdOf } from './draft-access.ts';
import type { DraftInput } from './drafts.input.ts';
import { type DraftRow, draftsRepository as repo } from './drafts.repository.ts';
import { indexDraft } from './drafts.search.ts';
import { loadPeriods } from './periods.ts';

/** Open a draft's card with the notice of intent; a plan item it answers to is linked both ways. */
export async function createDraft(
  deps: Pick<Deps, 'db' | 'clock'>,
  origin: Origin,
  input: { slug: string; draft: DraftInput },
): Promise<DraftRow> {
  return deps.db.transaction(async (tx) => {
    const org = await orgForStaff(tx, origin.actor, input.slug);
    const d = input.draft;
    if (d.planItemId) {
      const item = await repo.planItem(tx, d.planItemId);
      if (!item || item.orgId !== org.id || item.draftId)
        throw new InvalidInput([{ field: 'planItemId', message: 'drafts.planItem.invalid' }]);
    }
    const now = deps.clock.now();
    const today = toLocalDate(now);
    const periods = await loadPeriods(tx);
    const row = await repo.insertDraft(tx, {
      orgId: org.id,
      title: d.title,
      summary: d.summary,
      actType: d.actType,
      impactDegree: d.impactDegree,
      stage: 'notice',
      noticeStartsOn: today,
      noticeEndsOn: addCalendarDays(today, periods.noticeDays),
      createdBy: userIdOf(origin),
      createdAt: now,
      updatedAt: now,
    });
    if (d.planItemId)
      await repo.updatePlanItem(tx, d.planItemId, { draftId: row.id, state: 'in_progress', updatedAt: now });
    await markOrgSectionFilled(tx, org.id, 'regulation', now);
    await recordAction(tx, {
      actor: origin.actor,
      ip: origin.ip,
      action: 'draft.create',
      objectType: 'draft_regulation',
      objectId: row.id,
      orgId: org.id,
      details: { actType: d.actType, impactDegree: d.impactDegree },
    });
    await indexDraft(tx, row);
    return row;
  });
}
