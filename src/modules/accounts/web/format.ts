import type { Translate } from '../../../platform/i18n/index.ts';

/** «Редактор — Министерство …» or «Администратор — все организации». */
export function roleText(t: Translate, role: string, orgId: string | null, orgNames: Map<string, string>) {
  const where = orgId ? (orgNames.get(orgId) ?? orgId) : t('accounts.manage.user.global');
  return `${t(`role.${role}`)} — ${where}`;
}
