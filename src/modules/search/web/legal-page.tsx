import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { Button } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { Checkboxes } from '../../../platform/ui/fields.tsx';
import { type getLegalReference, PER_GROUP } from '../get-legal-reference.ts';
import { vocabLabel } from './common.tsx';

type Data = Awaited<ReturnType<typeof getLegalReference>>;

/** /legal-reference and /orgs/<slug>/legal-reference: documents in force by topic, with a topic filter. */
export function LegalReferenceView({
  data,
  title,
  chosen,
  tag,
  action,
}: {
  data: Data;
  title: string;
  chosen: string[];
  tag?: string | undefined;
  action: string;
}) {
  const { t, locale } = useView();
  const topicLabel = (k: string | null) =>
    k === null ? t('legal.noTopic') : vocabLabel('topics', k, locale);
  return (
    <>
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body-l">{t('legal.lead')}</p>
      {data.allTopics.length > 0 && (
        <form action={action} method="get" novalidate>
          <Checkboxes
            name="topic"
            legend={t('legal.mine')}
            legendSize="m"
            classes="govuk-checkboxes--small"
            values={chosen}
            items={data.allTopics.map((k) => ({ value: k, text: topicLabel(k) }))}
          />
          <Button variant="secondary">{t('legal.apply')}</Button>
        </form>
      )}
      <p class="govuk-body">{t('legal.count', { n: data.total })}</p>
      {data.groups.length === 0 && <p class="govuk-body">{t('legal.empty')}</p>}
      {data.groups.map((g) => {
        const entries = tag ? g.entries.filter((e) => e.tags.includes(tag)) : g.entries;
        if (entries.length === 0) return null;
        return (
          <section key={g.topic ?? '-'}>
            <h2 class="govuk-heading-m">{topicLabel(g.topic)}</h2>
            {g.tags.length > 0 && (
              <p class="govuk-body-s">
                {t('legal.tags')}:{' '}
                {g.tags.slice(0, 20).map((x, i) => (
                  <span key={x.tag}>
                    {i > 0 && ', '}
                    <a
                      class="govuk-link"
                      href={`${action}?${new URLSearchParams([...chosen.map((c) => ['topic', c]), ['tag', x.tag]]).toString()}`}
                    >
                      {x.tag}
                    </a>{' '}
                    ({x.count})
                  </span>
                ))}
              </p>
            )}
            <ul class="govuk-list govuk-list--spaced">
              {entries.slice(0, PER_GROUP).map((e) => (
                <li key={e.id}>
                  <a class="govuk-link" href={e.url}>
                    {e.title}
                  </a>
                  <br />
                  <span class="govuk-body-s">
                    {[
                      e.docType ? vocabLabel('docTypes', e.docType, locale) : null,
                      e.docNumber ? t('search.meta.number', { n: e.docNumber }) : null,
                      e.docDate ? t('search.meta.from', { d: formatLocalDate(e.docDate) }) : null,
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  </span>
                </li>
              ))}
            </ul>
            {g.topic !== null && (
              <p class="govuk-body">
                <a
                  class="govuk-link"
                  href={`/search?${new URLSearchParams([
                    ['topic', g.topic],
                    ...data.statuses.map((st) => ['status', st]),
                    ...(data.org ? [['org', data.org.slug]] : []),
                  ]).toString()}`}
                >
                  {t('legal.all', { topic: topicLabel(g.topic) })}
                </a>
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}
