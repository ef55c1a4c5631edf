import type { Translate } from '../../../platform/i18n/index.ts';

/** A moment in the region's time zone, e.g. «2 мар. 2026 г., 09:00». */
export function formatMoment(d: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Kaliningrad',
  }).format(d);
}

/** «Редактор — Министерство …» or «Администратор — все организации». */
export function roleText(t: Translate, role: string, orgId: string | null, orgNames: Map<string, string>) {
  const where = orgId ? (orgNames.get(orgId) ?? orgId) : t('accounts.manage.user.global');
  return `${t(`role.${role}`)} — ${where}`;
}
