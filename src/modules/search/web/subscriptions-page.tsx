import type { FieldError } from '../../../platform/errors/index.ts';
import { Button, ErrorSummary, Form } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { Radios, Select, TextInput } from '../../../platform/ui/fields.tsx';
import type { OrgRow } from '../../orgs/index.ts';
import type { FollowTarget } from '../follow.ts';
import type { SubscriptionRow } from '../subscriptions.repository.ts';
import { vocabLabel } from './common.tsx';

/** /subscriptions: the person's subscriptions, each with an unsubscribe button. */
export function SubscriptionsView({ rows }: { rows: SubscriptionRow[] }) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('subs.title')}</h1>
      <p class="govuk-body">{t('subs.lead')}</p>
      {rows.length === 0 ? (
        <p class="govuk-body">{t('subs.none')}</p>
      ) : (
        <ul class="govuk-list govuk-list--spaced">
          {rows.map((r) => (
            <li key={r.id}>
              {r.label} — {r.confirmedAt ? t('subs.active') : t('subs.pending')}
              <Form action={`/subscriptions/${r.id}/delete`}>
                <Button variant="secondary" classes="govuk-!-margin-bottom-0">
                  {t('subs.unsubscribe')}
                  <span class="govuk-visually-hidden">: {r.label}</span>
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/subscriptions/new">
          {t('subs.new')}
        </a>
      </p>
    </>
  );
}

/** /subscriptions/new: to an organisation, a topic or the search it came from. */
export function NewSubscriptionView({
  values,
  errors,
  orgs,
  topics,
}: {
  values: Record<string, string>;
  errors: FieldError[];
  orgs: OrgRow[];
  topics: string[];
}) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('subs.new')}</h1>
      <p class="govuk-body">{t('subs.lead')}</p>
      <Form action="/subscriptions/new">
        <input type="hidden" name="params" value={values.params ?? ''} />
        <Radios
          name="kind"
          legend={t('subs.kind')}
          value={values.kind}
          errors={errors}
          items={[
            { value: 'org', text: t('subs.kind.org') },
            { value: 'topic', text: t('subs.kind.topic') },
            { value: 'query', text: t('subs.kind.query') },
          ]}
        />
        <Select
          name="org"
          label={t('subs.org')}
          value={values.org ?? ''}
          errors={errors}
          items={[
            { value: '', text: '—' },
            ...orgs.map((o) => ({ value: o.slug, text: locale === 'en' && o.nameEn ? o.nameEn : o.nameRu })),
          ]}
        />
        {topics.length > 0 ? (
          <Select
            name="topic"
            label={t('subs.topic')}
            value={values.topic ?? ''}
            errors={errors}
            items={[
              { value: '', text: '—' },
              ...topics.map((k) => ({ value: k, text: vocabLabel('topics', k, locale) })),
            ]}
          />
        ) : (
          <TextInput name="topic" label={t('subs.topic')} value={values.topic} errors={errors} />
        )}
        <TextInput name="q" label={t('subs.query')} value={values.q} errors={errors} />
        <Button>{t('subs.submit')}</Button>
      </Form>
    </>
  );
}

/** The unsubscribe link's page: one button, so a mail scanner opening the link unsubscribes no one. */
export function UnsubscribeView({ label, token }: { label: string; token: string }) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('subs.unsubscribe.title')}</h1>
      <p class="govuk-body">{t('subs.unsubscribe.confirm', { label })}</p>
      <Form action={`/subscriptions/unsubscribe/${token}`}>
        <Button variant="warning">{t('subs.unsubscribe')}</Button>
      </Form>
    </>
  );
}

export function InvalidLinkView() {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('subs.title')}</h1>
      <p class="govuk-body">{t('subs.invalidLink')}</p>
    </>
  );
}

/** /subscriptions/follow/<kind>/<id>: follow one object by e-mail (one button), or see that one already does. */
export function FollowView({
  target,
  kindLabel,
  mine,
}: {
  target: FollowTarget;
  kindLabel: string;
  mine: SubscriptionRow | undefined;
}) {
  const { t } = useView();
  return (
    <>
      <span class="govuk-caption-l">{kindLabel}</span>
      <h1 class="govuk-heading-l">{t('subs.follow.title', { title: target.title })}</h1>
      <p class="govuk-body">{t('subs.follow.lead')}</p>
      {mine ? (
        <p class="govuk-body">
          {t('subs.follow.already')} — {mine.confirmedAt ? t('subs.active') : t('subs.pending')}.{' '}
          <a class="govuk-link" href="/subscriptions">
            {t('subs.title')}
          </a>
        </p>
      ) : (
        <Form action={`/subscriptions/follow/${target.kind}/${target.id}`}>
          <Button>{t('subs.follow.submit')}</Button>
        </Form>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`/feeds/follow/${target.kind}/${target.id}.atom`}>
          {t('subs.follow.atom')}
        </a>
        {' · '}
        <a class="govuk-link" href={target.url}>
          {t('subs.follow.back')}
        </a>
      </p>
    </>
  );
}
