import { formatDate, formatLocalDate } from '../../../platform/calendar/format.ts';
import {
  Button,
  Form,
  InsetText,
  Pagination,
  Select,
  SummaryList,
  Table,
  Tag,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { CouncilConclusion } from '../../councils/index.ts';
import { DiscussionSection, type DiscussionView } from '../../participation/index.ts';
import { docTypeLabel } from '../../publications/index.ts';
import { type DraftStage, draftStages } from '../drafts.input.ts';
import type { DraftUnitRow } from '../drafts.repository.ts';
import { type DraftExpertise, type PrescreenHit, UnitWithHints } from '../expertise/index.ts';
import { DRAFTS_PER_PAGE, type DraftCard, type DraftList, type UnitDiff } from '../get-drafts.ts';
import type { PlanView } from '../get-plan.ts';
import type { StageView } from '../periods.ts';
import { openStage, orgName, StageTag } from './common.tsx';

/** The address of a list with its filter. */
export function listHref(base: string, stage: DraftStage | undefined, page = 1): string {
  const p = new URLSearchParams();
  if (stage) p.set('stage', stage);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

/** /drafts and /orgs/<slug>/drafts: drafts newest first, filtered by stage. */
export function DraftListView({
  list,
  stage,
  base,
}: {
  list: DraftList;
  stage: DraftStage | undefined;
  base: string;
}) {
  const { t, locale } = useView();
  const planHref = list.org ? `/orgs/${list.org.slug}/legislative-plan` : '/drafts/plan';
  return (
    <>
      <h1 class="govuk-heading-xl">
        {list.org && <span class="govuk-caption-l">{orgName(list.org, locale)}</span>}
        {t(list.org ? 'drafts.orgTitle' : 'drafts.title')}
      </h1>
      <p class="govuk-body-l">{t('drafts.lead')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href={planHref}>
          {t('drafts.planLink')}
        </a>
      </p>
      <Form action={base} method="get">
        <Select
          name="stage"
          label={t('drafts.filter.stage')}
          value={stage ?? ''}
          items={[
            { value: '', text: t('drafts.filter.any') },
            ...draftStages.map((s) => ({ value: s, text: t(`drafts.stage.${s}`) })),
          ]}
        />
        <Button variant="secondary">{t('drafts.filter.submit')}</Button>
      </Form>
      <p class="govuk-body">{t('drafts.count', { n: list.total })}</p>
      {list.items.length === 0 ? (
        <p class="govuk-body">{t('drafts.empty')}</p>
      ) : (
        <ul class="govuk-list">
          {list.items.map(({ draft, org, stages }) => {
            const open = openStage(stages);
            return (
              <li key={draft.id} class="govuk-!-margin-bottom-6">
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                  <a class="govuk-link" href={`/drafts/${draft.id}`}>
                    {draft.title}
                  </a>
                </h2>
                <p class="govuk-body-s govuk-!-margin-bottom-1">
                  {orgName(org, locale)} · {docTypeLabel(draft.actType, locale)}
                </p>
                <p class="govuk-body-s">
                  <StageTag draft={draft} />{' '}
                  {open?.daysLeft !== null && open?.daysLeft !== undefined && open.endsOn && (
                    <span>
                      {t('drafts.card.daysLeft', { n: open.daysLeft, date: formatLocalDate(open.endsOn) })}
                    </span>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination
        page={list.page}
        total={Math.max(1, Math.ceil(list.total / DRAFTS_PER_PAGE))}
        href={(n) => listHref(base, stage, n)}
      />
    </>
  );
}

/** The expertise block of the card: its dates, the hints' count, each conclusion with its answer's state, the way in. */
function ExpertiseOnCard({ expertise }: { expertise: DraftExpertise }) {
  const { t, locale } = useView();
  const { draft, conclusions } = expertise;
  const hints = [...expertise.hints.values()].reduce((n, h) => n + h.length, 0);
  const href = `/drafts/${draft.id}/expertise`;
  return (
    <section id="expertise" aria-labelledby="expertise-title">
      <h2 class="govuk-heading-m" id="expertise-title">
        {t('drafts.card.expertise')}
      </h2>
      {draft.expertiseStartsOn && draft.expertiseEndsOn && (
        <p class="govuk-body">
          {t('drafts.card.expertiseDates', {
            from: formatLocalDate(draft.expertiseStartsOn),
            to: formatLocalDate(draft.expertiseEndsOn),
          })}
        </p>
      )}
      {draft.textVersion > 0 && (
        <p class="govuk-body" data-prescreen-count>
          {t('drafts.card.hints', { n: hints, units: expertise.hints.size })}
        </p>
      )}
      {conclusions.length === 0 ? (
        <p class="govuk-body">{t('expertise.conclusions.none')}</p>
      ) : (
        <ul class="govuk-list" data-expertise-conclusions>
          {conclusions.map((c) => (
            <li key={c.id}>
              <a class="govuk-link" href={`${href}#conclusion-${c.id}`}>
                {c.expert?.name ?? '—'}
              </a>
              {', '}
              {t('expertise.conclusion.submitted', { date: formatDate(c.submittedAt, locale) }).toLowerCase()}
              {': '}
              {c.noFactors
                ? t('expertise.conclusion.noFactors').toLowerCase()
                : t('drafts.card.findings', { n: c.findings.length })}{' '}
              {c.answeredAt ? (
                <Tag colour="green">
                  {t('expertise.conclusion.answered', { date: formatDate(c.answeredAt, locale) })}
                </Tag>
              ) : c.overdue ? (
                <Tag colour="red">
                  {t('expertise.conclusion.overdue', { date: formatLocalDate(c.answerDueOn) })}
                </Tag>
              ) : (
                <Tag colour="yellow">
                  {t('expertise.conclusion.due', { date: formatLocalDate(c.answerDueOn) })}
                </Tag>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={href}>
          {t('drafts.card.expertiseLink')}
        </a>
      </p>
      {expertise.canConclude && <Button href={`${href}/new`}>{t('expertise.new')}</Button>}
    </section>
  );
}

function StageList({ stages }: { stages: StageView[] }) {
  const { t } = useView();
  return (
    <ol class="govuk-list govuk-list--number">
      {stages.map((s) => (
        <li key={s.stage}>
          <strong>{t(`drafts.stage.${s.stage}`)}</strong> — {t(`drafts.stageState.${s.state}`)}
          {(s.startsOn || s.endsOn) && (
            <span>
              {': '}
              {t('drafts.card.dates', {
                from: formatLocalDate(s.startsOn) || '…',
                to: formatLocalDate(s.endsOn) || '…',
              })}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

/** /drafts/<id>: the card with its stages, text, versions, summary, council's conclusion and links. */
export function DraftCardView({
  card,
  discussion,
  expertise,
  councilConclusions,
}: {
  card: DraftCard;
  discussion?: DiscussionView | null;
  expertise: DraftExpertise;
  councilConclusions: CouncilConclusion[];
}) {
  const { t, locale } = useView();
  const { draft, org, stages, versions } = card;
  const open = openStage(stages);
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{draft.title}</h1>
      <p class="govuk-body">
        <StageTag draft={draft} />
      </p>
      {open && !draft.outcome && (
        <InsetText id="open-stage">
          <p class="govuk-body govuk-!-font-weight-bold">
            {t('drafts.card.openNow', { stage: t(`drafts.stage.${open.stage}`) })}
          </p>
          {open.endsOn &&
            open.daysLeft !== null &&
            (open.daysLeft > 0 ? (
              <p class="govuk-body">
                {t('drafts.card.daysLeft', { n: open.daysLeft, date: formatLocalDate(open.endsOn) })}
              </p>
            ) : (
              <p class="govuk-body">{t('drafts.card.termOver', { date: formatLocalDate(open.endsOn) })}</p>
            ))}
        </InsetText>
      )}
      <p class="govuk-body-l">{draft.summary}</p>
      <SummaryList
        rows={[
          {
            key: t('drafts.card.org'),
            value: (
              <a class="govuk-link" href={`/orgs/${org.slug}/drafts`}>
                {orgName(org, locale)}
              </a>
            ),
          },
          { key: t('drafts.card.actType'), value: docTypeLabel(draft.actType, locale) },
          { key: t('drafts.card.impact'), value: t(`drafts.impact.${draft.impactDegree}`) },
          ...(card.planItem
            ? [
                {
                  key: t('drafts.card.plan'),
                  value: (
                    <a
                      class="govuk-link"
                      href={`/orgs/${org.slug}/legislative-plan?year=${card.planItem.year}#item-${card.planItem.id}`}
                    >
                      {card.planItem.title}
                    </a>
                  ),
                },
              ]
            : []),
          ...(draft.outcome === 'adopted' && draft.publicationId
            ? [
                {
                  key: t('drafts.outcome.adopted'),
                  value: (
                    <a class="govuk-link" href={`/orgs/${org.slug}/documents/${draft.publicationId}`}>
                      {t('drafts.card.adoptedAs', { title: draft.title })}
                    </a>
                  ),
                },
              ]
            : []),
        ]}
      />
      {card.canManage && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/manage/drafts/${draft.id}`}>
            {t('drafts.card.manage')}
          </a>
        </p>
      )}
      <h2 class="govuk-heading-m">{t('drafts.card.stages')}</h2>
      <StageList stages={stages} />
      <h2 class="govuk-heading-m">{t('drafts.card.text')}</h2>
      {draft.textVersion === 0 ? (
        <p class="govuk-body">{t('drafts.card.noText')}</p>
      ) : (
        <>
          <p class="govuk-body">
            <a class="govuk-link" href={`/drafts/${draft.id}/text`}>
              {t('drafts.card.readText')}
            </a>
          </p>
          <h3 class="govuk-heading-s">{t('drafts.card.versions')}</h3>
          <ul class="govuk-list">
            {versions.map((v) => (
              <li key={v.version}>
                <a class="govuk-link" href={`/drafts/${draft.id}/text?version=${v.version}`}>
                  {t('drafts.text.versionOf', { n: v.version, date: formatDate(v.createdAt, locale) })}
                </a>
                {v.note && <span> — {v.note}</span>}
                {v.fileId && (
                  <>
                    {' · '}
                    <a class="govuk-link" href={`/drafts/${draft.id}/versions/${v.version}.docx`}>
                      {t('drafts.card.download')}
                    </a>
                  </>
                )}
                {v.version > 1 && (
                  <>
                    {' · '}
                    <a
                      class="govuk-link"
                      href={`/drafts/${draft.id}/diff?from=${v.version - 1}&to=${v.version}`}
                    >
                      {t('drafts.card.compare')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {discussion && (
        // the engine's section brings its own heading and the ids #discussion, #discussion-title
        <div id="proposals">
          <DiscussionSection view={discussion} />
        </div>
      )}
      <ExpertiseOnCard expertise={expertise} />
      <h2 class="govuk-heading-m">{t('drafts.card.summary')}</h2>
      {draft.summaryPublishedAt ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/drafts/${draft.id}/summary`}>
            {t('drafts.card.summaryLink')}
          </a>{' '}
          ({t('drafts.summary.publishedAt', { date: formatDate(draft.summaryPublishedAt, locale) })})
        </p>
      ) : (
        <p class="govuk-body">{t('drafts.summary.notYet')}</p>
      )}
      <h2 class="govuk-heading-m">{t('drafts.card.council')}</h2>
      {councilConclusions.length > 0 && (
        <ul class="govuk-list" data-council-conclusions>
          {councilConclusions.map((c) => (
            <li key={c.id} class="govuk-!-margin-bottom-4">
              <p class="govuk-body govuk-!-margin-bottom-1">
                <strong>{c.councilName}</strong>, {formatDate(c.publishedAt, locale)}
              </p>
              {c.text
                .split(/\n+/)
                .filter((p) => p.trim() !== '')
                .map((p, i) => (
                  <p class="govuk-body" key={i}>
                    {p}
                  </p>
                ))}
              <p class="govuk-body">
                <a class="govuk-link" href={`${c.url}#discussion`}>
                  {t('drafts.card.councilDiscuss')}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
      {draft.councilConclusion ? (
        <div id="council-conclusion">
          {draft.councilConclusionAt && (
            <p class="govuk-body-s">{formatDate(draft.councilConclusionAt, locale)}</p>
          )}
          {draft.councilConclusion.split(/\n+/).map((p, i) => (
            <p class="govuk-body" key={i}>
              {p}
            </p>
          ))}
        </div>
      ) : (
        councilConclusions.length === 0 && <p class="govuk-body">{t('drafts.card.councilNone')}</p>
      )}
      <h2 class="govuk-heading-m">{t('drafts.card.links')}</h2>
      {draft.links.length === 0 ? (
        <p class="govuk-body">{t('drafts.card.linksNone')}</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet">
          {draft.links.map((l) => (
            <li key={l.url}>
              <a class="govuk-link" href={l.url} rel="noopener noreferrer nofollow">
                {l.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** /drafts/<id>/text: the units of one version, each addressable as #unit-<key>, with the pre-screening hints marked. */
export function DraftTextView({
  card,
  version,
  units,
  hints,
}: {
  card: DraftCard;
  version: number;
  units: DraftUnitRow[];
  hints: Map<string, PrescreenHit[]>;
}) {
  const { t, locale } = useView();
  const v = card.versions.find((x) => x.version === version);
  return (
    <>
      <span class="govuk-caption-l">{card.draft.title}</span>
      <h1 class="govuk-heading-l">{t('drafts.text.title')}</h1>
      {v && (
        <p class="govuk-body">
          {t('drafts.text.versionOf', { n: version, date: formatDate(v.createdAt, locale) })}
        </p>
      )}
      {hints.size > 0 && (
        <InsetText>
          {t('drafts.text.hintsLead')}{' '}
          <a class="govuk-link" href={`/drafts/${card.draft.id}/expertise`}>
            {t('drafts.card.expertiseLink')}
          </a>
        </InsetText>
      )}
      <div class="draft-text">
        {units.map((u) => {
          const depth = u.key.split('-').filter((p) => ['ch', 'p', 'pp', 'abz'].includes(p)).length;
          const cls =
            u.kind === 'article'
              ? 'govuk-heading-s govuk-!-margin-top-6'
              : `govuk-body${depth > 1 ? ` govuk-!-margin-left-${[0, 0, 3, 5, 7][Math.min(depth, 4)]}` : ''}`;
          const link = (
            <>
              {' '}
              <a class="govuk-link govuk-body-s" href={`#unit-${u.key}`}>
                <span aria-hidden="true">¶</span>
                <span class="govuk-visually-hidden">{t('drafts.text.unitLink', { label: u.label })}</span>
              </a>
            </>
          );
          const hits = hints.get(u.key);
          if (hits?.length)
            return (
              <div key={u.key} data-unit-hints={u.key}>
                <UnitWithHints id={`unit-${u.key}`} class={cls} text={u.text} hits={hits} after={link} />
              </div>
            );
          const Tag = u.kind === 'article' ? 'h2' : 'p';
          return (
            <Tag key={u.key} id={`unit-${u.key}`} class={cls}>
              {u.text}
              {link}
            </Tag>
          );
        })}
      </div>
    </>
  );
}

function Parts({ parts }: { parts: { value: string; added?: boolean; removed?: boolean }[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i}>{p.value}</ins>
        ) : p.removed ? (
          <del key={i}>{p.value}</del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}

/** /drafts/<id>/diff: two versions side by side, unit by unit. */
export function DraftDiffView({
  card,
  from,
  to,
  units,
}: {
  card: DraftCard;
  from: number;
  to: number;
  units: UnitDiff[];
}) {
  const { t } = useView();
  const versions = card.versions.map((v) => ({
    value: String(v.version),
    text: t('drafts.card.version', { n: v.version }),
  }));
  return (
    <>
      <span class="govuk-caption-l">{card.draft.title}</span>
      <h1 class="govuk-heading-l">{t('drafts.diff.title')}</h1>
      <Form action={`/drafts/${card.draft.id}/diff`} method="get">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <Select name="from" label={t('drafts.diff.from')} value={String(from)} items={versions} />
          </div>
          <div class="govuk-grid-column-one-half">
            <Select name="to" label={t('drafts.diff.to')} value={String(to)} items={versions} />
          </div>
        </div>
        <Button variant="secondary">{t('drafts.diff.pick')}</Button>
      </Form>
      <p class="govuk-body">{t('drafts.diff.lead', { from, to })}</p>
      <Table
        caption={t('drafts.diff.title')}
        captionSize="s"
        head={[
          { text: '' },
          { text: t('drafts.diff.before', { n: from }) },
          { text: t('drafts.diff.after', { n: to }) },
        ]}
        rows={units.map((u) => [
          <span key="l">
            {u.label}
            <br />
            <Tag colour={u.change === 'same' ? 'grey' : u.change === 'removed' ? 'red' : 'green'}>
              {t(`drafts.diff.change.${u.change}`)}
            </Tag>
          </span>,
          <Parts key="b" parts={u.before} />,
          <Parts key="a" parts={u.after} />,
        ])}
      />
    </>
  );
}

/** /drafts/plan and /orgs/<slug>/legislative-plan: the plan of a year, each item with its state and draft. */
export function PlanPageView({ plan, base }: { plan: PlanView; base: string }) {
  const { t, locale } = useView();
  return (
    <>
      <h1 class="govuk-heading-xl">
        {plan.org && <span class="govuk-caption-l">{orgName(plan.org, locale)}</span>}
        {t('drafts.plan.title')}
        {plan.year ? ` — ${plan.year}` : ''}
      </h1>
      <p class="govuk-body-l">{t('drafts.plan.lead')}</p>
      <p class="govuk-body">{t('drafts.plan.discuss')}</p>
      {plan.years.length > 1 && (
        <Form action={base} method="get">
          <Select
            name="year"
            label={t('drafts.plan.year')}
            value={String(plan.year ?? '')}
            items={plan.years.map((y) => ({ value: String(y), text: String(y) }))}
          />
          <Button variant="secondary">{t('drafts.filter.submit')}</Button>
        </Form>
      )}
      {plan.canManage && plan.org && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/manage/orgs/${plan.org.slug}/legislative-plan`}>
            {t('drafts.manage.title')}
          </a>
        </p>
      )}
      {plan.items.length === 0 && <p class="govuk-body">{t('drafts.plan.empty')}</p>}
      {plan.items.map(({ item, org, draft }) => (
        <div key={item.id} id={`item-${item.id}`} class="govuk-summary-card">
          <div class="govuk-summary-card__title-wrapper">
            <h2 class="govuk-summary-card__title">{item.title}</h2>
          </div>
          <div class="govuk-summary-card__content">
            <SummaryList
              rows={[
                ...(plan.org ? [] : [{ key: t('drafts.card.org'), value: orgName(org, locale) }]),
                {
                  key: t('drafts.field.plan.horizon'),
                  value:
                    item.horizon === 'medium_term'
                      ? t('drafts.plan.mediumTerm', { from: item.year, to: item.yearTo ?? item.year })
                      : t('drafts.plan.horizon.annual'),
                },
                { key: t('drafts.plan.problem'), value: item.problem },
                { key: t('drafts.plan.affects'), value: item.affects },
                ...(item.actType
                  ? [{ key: t('drafts.card.actType'), value: docTypeLabel(item.actType, locale) }]
                  : []),
                {
                  key: t('drafts.plan.dates'),
                  value: `${formatLocalDate(item.plannedFrom) || '…'} — ${formatLocalDate(item.plannedTo) || '…'}`,
                },
                {
                  key: t('drafts.plan.responsible'),
                  value: item.responsiblePosition
                    ? `${item.responsibleName}, ${item.responsiblePosition}`
                    : item.responsibleName,
                },
                { key: t('drafts.plan.state'), value: <Tag>{t(`drafts.plan.state.${item.state}`)}</Tag> },
                {
                  key: t('drafts.plan.draft'),
                  value: draft ? (
                    <a class="govuk-link" href={`/drafts/${draft.id}`}>
                      {draft.title}
                    </a>
                  ) : (
                    t('drafts.plan.noDraft')
                  ),
                },
                ...(item.councilOpinion
                  ? [{ key: t('drafts.plan.council'), value: item.councilOpinion }]
                  : []),
              ]}
            />
          </div>
        </div>
      ))}
    </>
  );
}
