import { type Origin, recordAction } from '../../platform/audit/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { authorize } from '../../platform/errors/index.ts';
import type { DeadlineSettings } from './appeals.model.ts';
import {
  type EditableDeadlineSettings,
  loadDeadlineSettings,
  saveDeadlineSettings,
} from './appeals.settings.ts';
import { staffPolicy } from './staff.policy.ts';

/**
 * Change the deadline settings (the administrator's page). Appeals already
 * registered keep the deadlines they were given; the new terms apply to those
 * registered from now on. Audited with each changed term's old and new value.
 */
export async function changeDeadlineSettings(
  deps: Pick<Deps, 'db'>,
  origin: Origin,
  input: { settings: EditableDeadlineSettings },
): Promise<{ changed: string[] }> {
  authorize(staffPolicy.canManageDeadlines(origin.actor));
  return deps.db.transaction(async (tx) => {
    const before = await loadDeadlineSettings(tx);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, to] of Object.entries(input.settings)) {
      const from = before[key as keyof DeadlineSettings];
      if (from !== to) changes[key] = { from, to };
    }
    const changed = Object.keys(changes);
    if (changed.length === 0) return { changed };
    await saveDeadlineSettings(tx, { ...before, ...input.settings });
    await recordAction(tx, {
      ...origin,
      action: 'appeals.deadlines.change',
      objectType: 'settings',
      objectId: 'appeals.deadlines',
      details: { changes },
    });
    return { changed };
  });
}
