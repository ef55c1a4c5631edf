import type { Deps } from '../../platform/deps.ts';
import { loadIdentificationSettings, saveIdentificationSettings } from './appeals.settings.ts';

/**
 * The demo accepts appeals from accounts identified by a confirmed e-mail too,
 * so a visitor can try the form without a real ЕСИА; a production deployment
 * keeps the default (ЕСИА only, 59-ФЗ as amended in 2025).
 */
export async function seedDemoAppeals(deps: Pick<Deps, 'db'>): Promise<{ allowEmailAccounts: boolean }> {
  const current = await loadIdentificationSettings(deps.db);
  await saveIdentificationSettings(deps.db, { ...current, allowEmailAccounts: true });
  return { allowEmailAccounts: true };
}
