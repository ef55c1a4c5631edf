import type { Actor } from '../../platform/authz/index.ts';
import { toLocalDate } from '../../platform/calendar/index.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import { findOrgStaff } from '../accounts/index.ts';
import { listAllOrganizations, type OrgRow } from '../orgs/index.ts';
import {
  type QueueFilter,
  type QueueRow,
  type QueueSort,
  appealsRepository as repo,
} from './appeals.repository.ts';
import { staffPolicy, staffRolesFor, visibilityOf } from './staff.policy.ts';

export type QueueItem = QueueRow & { workingDaysLeft: number; provisional: boolean };

/** Someone an appeal on the page may be given to (bulk assign), with their body. */
export type QueueOfficer = { id: string; displayName: string; orgId: string };

/**
 * The staff queue: the appeals of the person's organisations (corruption reports
 * only with that role), filtered, open and earliest deadline first unless sorted
 * otherwise; with the officers of the bodies on the page, for bulk assignment.
 */
export async function listAppealQueue(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { filter: QueueFilter; page: number; pageSize: number; sort?: QueueSort },
): Promise<{
  items: QueueItem[];
  total: number;
  counts: { byStatus: Record<string, number>; overdue: number };
  orgs: OrgRow[];
  officers: QueueOfficer[];
  today: string;
}> {
  authorize(staffPolicy.canOpenQueue(actor));
  const v = visibilityOf(actor);
  const today = toLocalDate(deps.clock.now());
  const [rows, counts, all, { calendar }] = await Promise.all([
    repo.queue(
      deps.db,
      v,
      input.filter,
      today,
      {
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      },
      input.sort,
    ),
    repo.queueCounts(deps.db, v, input.filter, today),
    listAllOrganizations(deps.db),
    loadCalendar(deps.db),
  ]);
  const mine = new Set([
    ...(v.workerOrgs === 'all' ? all.map((o) => o.id) : v.workerOrgs),
    ...(v.corruptionOrgs === 'all' ? [] : v.corruptionOrgs),
  ]);
  const officers: QueueOfficer[] = [];
  const pairs = new Map(rows.map((r) => [`${r.orgId}/${r.type === 'corruption_report'}`, r]));
  for (const r of pairs.values())
    for (const o of await findOrgStaff(deps.db, r.orgId, staffRolesFor(r.type)))
      if (!officers.some((x) => x.id === o.id && x.orgId === r.orgId))
        officers.push({ id: o.id, displayName: o.displayName, orgId: r.orgId });
  return {
    officers,
    items: rows.map((r) => ({
      ...r,
      workingDaysLeft: calendar.workingDaysBetween(today, r.dueDate),
      provisional: r.dueProvisional && calendar.isProvisional(r.dueDate),
    })),
    total: repo.queueTotal(counts, input.filter),
    counts,
    orgs: all.filter((o) => mine.has(o.id)),
    today,
  };
}
