import type { Deps } from '../../platform/deps.ts';
import { loadIdentificationSettings, saveIdentificationSettings } from './appeals.settings.ts';

/**
 * The demo accepts appeals from accounts identified by a confirmed e-mail too,
 * for every type, so a visitor can try the form without a real ЕСИА; a
 * production deployment keeps the defaults (ЕСИА only for 59-ФЗ appeals).
 */
export async function seedDemoAppeals(deps: Pick<Deps, 'db'>): Promise<{ allowEmailAccounts: boolean }> {
  const current = await loadIdentificationSettings(deps.db);
  const open = Object.fromEntries(
    Object.entries(current).map(([type, rule]) => [type, { ...rule, allowEmailAccounts: true }]),
  );
  await saveIdentificationSettings(deps.db, open);
  return { allowEmailAccounts: true };
}
