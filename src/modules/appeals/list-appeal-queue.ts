import type { Actor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import { type AppealRow, type QueueFilter, appealsRepository as repo } from './appeals.repository.ts';
import { staffPolicy, visibilityOf } from './staff.policy.ts';

export type QueueItem = AppealRow & { workingDaysLeft: number; provisional: boolean };

/** The staff queue: the appeals of the person's organisations (corruption reports only with that role), filtered, earliest deadline first. */
export async function listAppealQueue(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { filter: QueueFilter; page: number; pageSize: number },
): Promise<{
  items: QueueItem[];
  total: number;
  counts: { byStatus: Record<string, number>; overdue: number };
  orgs: OrgRow[];
  today: string;
}> {
  authorize(staffPolicy.canOpenQueue(actor));
  const v = visibilityOf(actor);
  const today = toLocalDate(deps.clock.now());
  const [{ rows, total }, counts, all, { calendar }] = await Promise.all([
    repo.queue(deps.db, v, input.filter, today, {
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    }),
    repo.queueCounts(deps.db, v, input.filter, today),
    listAllOrganizations(deps.db),
    loadCalendar(deps.db),
  ]);
  const mine = new Set([
    ...(v.workerOrgs === 'all' ? all.map((o) => o.id) : v.workerOrgs),
    ...(v.corruptionOrgs === 'all' ? [] : v.corruptionOrgs),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      workingDaysLeft: calendar.workingDaysBetween(today, r.dueDate),
      provisional: r.dueProvisional && calendar.isProvisional(r.dueDate),
    })),
    total,
    counts,
    orgs: all.filter((o) => mine.has(o.id)),
    today,
  };
}
