import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { Table } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OfficialRow, OrgRow, OrgSectionRow } from '../orgs.repository.ts';

/** The organisation's name in the page's language (Russian when there is no English name). */
export function orgName(org: Pick<OrgRow, 'nameRu' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

export function sectionTitle(s: Pick<OrgSectionRow, 'titleRu' | 'titleEn'>, locale: Locale): string {
  return locale === 'en' ? s.titleEn : s.titleRu;
}

export function sectionSummary(s: Pick<OrgSectionRow, 'summaryRu' | 'summaryEn'>, locale: Locale) {
  return locale === 'en' ? (s.summaryEn ?? s.summaryRu) : s.summaryRu;
}

/** The public address of an organisation's home. */
export const orgHref = (slug: string) => `/orgs/${slug}`;

/** «Демо: Иванова А. А., консультант …» — who answers for a duty, in one line. */
export function officialLine(o: Pick<OfficialRow, 'fullName' | 'position'>): string {
  return `${o.fullName}, ${o.position.charAt(0).toLowerCase()}${o.position.slice(1)}`;
}

/** Contacts of an official as text lines; nothing invented when none are given. */
export function Contacts({ o }: { o: Pick<OfficialRow, 'phone' | 'email'> }) {
  const { t } = useView();
  if (!o.phone && !o.email) return <>{t('orgs.officials.noContacts')}</>;
  return (
    <>
      {o.phone && <span>{o.phone}</span>}
      {o.phone && o.email && <br />}
      {o.email && (
        <a class="govuk-link" href={`mailto:${o.email}`}>
          {o.email}
        </a>
      )}
    </>
  );
}

/** The table of responsible officials: area, person, position, contacts. */
export function OfficialsTable({ officials }: { officials: OfficialRow[] }) {
  const { t } = useView();
  return (
    <Table
      label={t('orgs.officials.title')}
      head={[
        { text: t('orgs.officials.duty') },
        { text: t('orgs.officials.name') },
        { text: t('orgs.officials.position') },
        { text: t('orgs.officials.contacts') },
      ]}
      rows={officials.map((o) => [
        t(`orgs.duty.${o.duty}`),
        o.fullName,
        o.position,
        <Contacts key="c" o={o} />,
      ])}
    />
  );
}

/** Anonymous visitors go to sign-in and come back here afterwards; true when it redirected. */
export function redirectToSignIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

/** Show a one-line notice named in `?notice=` after a redirect; only known keys, never free text. */
export function noticeFrom(req: FastifyRequest, allowed: Record<string, string>): void {
  const key = (req.query as Record<string, unknown> | undefined)?.notice;
  if (typeof key === 'string' && Object.hasOwn(allowed, key)) {
    req.flash = { kind: 'success', text: req.t(allowed[key] as string) };
  }
}
