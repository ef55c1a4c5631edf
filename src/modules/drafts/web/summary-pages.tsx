import { formatDate } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Radios,
  SummaryList,
  Table,
  Textarea,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { proposalPositions } from '../drafts.input.ts';
import type { DraftCard } from '../get-drafts.ts';
import { incomplete, type SummaryRow } from '../proposals.ts';
import type { Summary } from '../summary.ts';
import { orgName } from './common.tsx';

/** A proposal: its new wording and the participant's justification, each under its name; else the remark alone. */
function ProposalCell({ r }: { r: SummaryRow }) {
  const { t } = useView();
  if (!r.wording) return <>{r.text}</>;
  return (
    <>
      <strong>{t('drafts.summary.wording')}:</strong> <q data-wording>{r.wording}</q>
      <br />
      <strong>{t('drafts.summary.reason')}:</strong> {r.text}
    </>
  );
}

/** /drafts/<id>/summary: every proposal with the developer's position, and the totals. */
export function SummaryView({ card, summary }: { card: DraftCard; summary: Summary }) {
  const { t, locale } = useView();
  const { draft } = card;
  return (
    <>
      <span class="govuk-caption-l">{orgName(card.org, locale)}</span>
      <h1 class="govuk-heading-l">{t('drafts.summary.title')}</h1>
      <p class="govuk-body-l">
        <a class="govuk-link" href={`/drafts/${draft.id}`}>
          {draft.title}
        </a>
      </p>
      <p class="govuk-body">{t('drafts.summary.lead')}</p>
      {draft.summaryPublishedAt ? (
        <p class="govuk-body">
          {t('drafts.summary.publishedAt', { date: formatDate(draft.summaryPublishedAt, locale) })}
        </p>
      ) : (
        <InsetText>{t('drafts.summary.notYet')}</InsetText>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`/drafts/${draft.id}/summary.docx`} download>
          {t('drafts.summary.docx')}
        </a>
      </p>
      {summary.rows.length === 0 ? (
        <p class="govuk-body">{t('drafts.summary.none')}</p>
      ) : (
        <Table
          caption={t('drafts.summary.title')}
          captionSize="s"
          head={[
            { text: '№' },
            { text: t('drafts.summary.participant') },
            { text: t('drafts.summary.unit') },
            { text: t('drafts.summary.proposal') },
            { text: t('drafts.summary.position') },
            { text: t('drafts.summary.justification') },
          ]}
          rows={summary.rows.map((r, i) => [
            String(i + 1),
            r.participant,
            r.unitKey ? (
              <a
                key="u"
                class="govuk-link"
                href={`/drafts/${draft.id}/text?version=${r.version}#unit-${r.unitKey}`}
              >
                {r.unitLabel}
              </a>
            ) : (
              t('drafts.summary.whole')
            ),
            <ProposalCell key="p" r={r} />,
            r.position ? t(`drafts.position.${r.position}`) : t('drafts.position.none'),
            r.justification ?? '',
          ])}
        />
      )}
      <h2 class="govuk-heading-m">{t('drafts.summary.totals')}</h2>
      <SummaryList
        rows={[
          {
            key: t('drafts.summary.total', { n: '' }).replace(/:\s*$/, ''),
            value: String(summary.totals.total),
          },
          { key: t('drafts.position.accepted'), value: String(summary.totals.accepted) },
          { key: t('drafts.position.partly'), value: String(summary.totals.partly) },
          { key: t('drafts.position.rejected'), value: String(summary.totals.rejected) },
        ]}
      />
    </>
  );
}

/** The staff card's block while the summary is drawn up: each proposal's position, then «publish». */
export function PositionsBlock({ draftId, summary }: { draftId: string; summary: Summary }) {
  const { t } = useView();
  return (
    <section aria-labelledby="positions-title">
      <h2 class="govuk-heading-m" id="positions-title">
        {t('drafts.manage.positions')}
      </h2>
      {summary.rows.length === 0 ? (
        <p class="govuk-body">{t('drafts.summary.none')}</p>
      ) : (
        <Table
          caption={t('drafts.card.proposals')}
          captionSize="s"
          head={[
            { text: t('drafts.summary.participant') },
            { text: t('drafts.summary.proposal') },
            { text: t('drafts.summary.position') },
          ]}
          rows={summary.rows.map((r) => [
            r.participant,
            <ProposalCell key="p" r={r} />,
            <a key="a" class="govuk-link" href={`/manage/drafts/${draftId}/proposals/${r.commentId}`}>
              {r.position ? t(`drafts.position.${r.position}`) : t('drafts.position.none')}
              {incomplete(r) && ' — '}
              {incomplete(r) && t('drafts.manage.savePosition')}
            </a>,
          ])}
        />
      )}
      <Form action={`/manage/drafts/${draftId}/publish-summary`} id="publish-summary">
        <Button>{t('drafts.manage.publishSummary')}</Button>
      </Form>
    </section>
  );
}

/** /manage/drafts/<id>/proposals/<commentId>: the developer's position on one proposal. */
export function PositionFormView({
  draftId,
  row,
  values,
  errors,
}: {
  draftId: string;
  row: SummaryRow;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('drafts.field.position')}</h1>
      <SummaryList
        rows={[
          { key: t('drafts.summary.participant'), value: row.participant },
          { key: t('drafts.summary.unit'), value: row.unitLabel ?? t('drafts.summary.whole') },
          { key: t('drafts.summary.proposal'), value: <ProposalCell r={row} /> },
        ]}
      />
      <Form action={`/manage/drafts/${draftId}/proposals/${row.commentId}`}>
        <input type="hidden" name="commentId" value={row.commentId} />
        <Radios
          name="position"
          legend={t('drafts.field.position')}
          legendSize="s"
          value={values.position}
          errors={errors}
          items={proposalPositions.map((p) => ({ value: p, text: t(`drafts.position.${p}`) }))}
        />
        <Textarea
          name="justification"
          label={t('drafts.field.justification')}
          hint={t('drafts.field.justificationHint')}
          value={values.justification}
          errors={errors}
        />
        <Button>{t('drafts.manage.savePosition')}</Button>
      </Form>
    </>
  );
}
