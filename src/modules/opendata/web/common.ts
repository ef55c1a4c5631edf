import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { FREQUENCIES, LICENSES, TOPICS } from '../opendata.input.ts';

export function orgName(org: Pick<OrgRow, 'nameRu' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

const label = (table: Record<string, { ru: string; en: string }>, key: string, locale: Locale) => {
  const v = table[key];
  return v ? v[locale] : key;
};
export const topicLabel = (k: string, l: Locale) => label(TOPICS, k, l);
export const frequencyLabel = (k: string, l: Locale) => label(FREQUENCIES, k, l);
export const licenseLabel = (k: string, l: Locale) => label(LICENSES, k, l);

/** The site's own origin for absolute URLs in the files (PUBLIC_URL). */
export const baseOf = (req: FastifyRequest) => req.server.deps.config.publicUrl;

export const registerCrumbs = (req: FastifyRequest) => [
  { href: '/', text: req.t('ui.nav.home') },
  { href: '/opendata/', text: req.t('opendata.title') },
];
