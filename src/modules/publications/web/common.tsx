import type { ComponentChildren } from 'preact';
import { formatDate } from '../../../platform/calendar/format.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { SummaryList, Tag, type TagColour } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OfficialRow, OrgRow } from '../../orgs/index.ts';
import type { PublicationRow } from '../publications.repository.ts';
import { sanitizeRichText } from '../sanitize.ts';

export function orgName(org: Pick<OrgRow, 'nameRu' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

const statusColour: Record<string, TagColour> = {
  проект: 'yellow',
  действует: 'green',
  изменён: 'blue',
  утратил_силу: 'grey',
};

export function StatusTag({ status }: { status: string | null }) {
  const { t } = useView();
  if (!status) return null;
  return <Tag colour={statusColour[status]}>{t(`publications.docStatus.${status}`)}</Tag>;
}

/** Sanitised HTML of an item (sanitised again on the way out, so a row edited behind our back is still safe). */
export function RichText({ html }: { html: string }) {
  return <div class="app-rich-text" dangerouslySetInnerHTML={{ __html: sanitizeRichText(html) }} />;
}

/** «Опубликовано …», and «Изменено …» with a link to the history once there is more than one version. */
export function Dates({ p, historyHref }: { p: PublicationRow; historyHref: string }) {
  const { t, locale } = useView();
  return (
    <p class="govuk-body-s">
      {t('publications.published', { date: formatDate(p.publishedAt, locale) })}
      {p.changedAt && (
        <>
          {' · '}
          <strong>{t('publications.changed', { date: formatDate(p.changedAt, locale) })}</strong>
          {' · '}
          <a class="govuk-link" href={historyHref}>
            {t('publications.history')}
          </a>
        </>
      )}
    </p>
  );
}

/** Who answers for a section: the officials of its duty, or a plain «not named yet». */
export function Responsible({
  officials,
  heading,
}: {
  officials: OfficialRow[];
  heading?: ComponentChildren;
}) {
  const { t } = useView();
  return (
    <>
      <h2 class="govuk-heading-m">{heading ?? t('publications.section.responsible')}</h2>
      {officials.length === 0 ? (
        <p class="govuk-body">{t('publications.section.noResponsible')}</p>
      ) : (
        officials.map((o) => (
          <SummaryList
            key={o.id}
            rows={[
              { key: o.fullName, value: o.position },
              ...(o.phone || o.email
                ? [
                    {
                      key: t('orgs.officials.contacts'),
                      value: [o.phone, o.email].filter(Boolean).join(', '),
                    },
                  ]
                : []),
            ]}
          />
        ))
      )}
    </>
  );
}
