import type { DbOrTx } from '../../platform/db/client.ts';
import { plansRepository as repo } from './plans.repository.ts';

/**
 * Copy a plan's tree into another plan, parents before children: from the
 * template (structure only) or into a new version (targets and actuals too).
 */
export async function copyItems(
  tx: DbOrTx,
  fromPlanId: string,
  toPlanId: string,
  opts: { withValues: boolean },
): Promise<void> {
  const items = await repo.items(tx, fromPlanId);
  const newId = new Map<string, string>();
  const pending = [...items];
  while (pending.length > 0) {
    const i = pending.findIndex((x) => x.parentId === null || newId.has(x.parentId));
    if (i < 0) break; // an orphan cycle cannot happen, but never loop forever
    const [item] = pending.splice(i, 1);
    if (!item) break;
    const { id, planId: _p, createdAt: _c, parentId, ...rest } = item;
    const copy = await repo.insertItem(tx, {
      ...rest,
      planId: toPlanId,
      parentId: parentId ? (newId.get(parentId) ?? null) : null,
      sourceItemId: id,
    });
    newId.set(id, copy.id);
    if (opts.withValues) await repo.copyTargetsAndActuals(tx, id, copy.id);
  }
}
