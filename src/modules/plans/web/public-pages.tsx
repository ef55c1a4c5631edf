import { formatDate, formatDateTime, formatLocalDate } from '../../../platform/calendar/format.ts';
import {
  Button,
  Details,
  Form,
  InsetText,
  NotificationBanner,
  Radios,
  SummaryList,
  Table,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import type { PlanView } from '../get-plan.ts';
import { atRiskOnly, type PlanNode } from '../plan-tree.ts';
import type { PlanRow } from '../plans.repository.ts';
import type { PlanLink } from '../plans.tables.ts';
import { periodRows } from '../progress.ts';
import {
  formatNumber,
  itemPath,
  NodeStatus,
  orgName,
  PlanStatusTag,
  ProgressBar,
  periodLabel,
  planPath,
} from './common.tsx';

/** `/orgs/<slug>/plans`: the body's plans. */
export function PlansListView({ org, plans }: { org: OrgRow; plans: PlanRow[] }) {
  const { t } = useView();
  const current = plans.filter((p) => !p.supersededAt);
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, useView().locale)}</span>
      <h1 class="govuk-heading-xl">{t('plans.section')}</h1>
      <p class="govuk-body-l">{t('plans.list.lead')}</p>
      {current.length === 0 ? (
        <p class="govuk-body">{t('plans.list.none')}</p>
      ) : (
        <ul class="govuk-list govuk-list--spaced">
          {current.map((p) => (
            <li key={p.id}>
              <a class="govuk-link govuk-!-font-weight-bold" href={planPath(org.slug, p)}>
                {p.titleRu}
              </a>{' '}
              <PlanStatusTag status={p.status} />
              <br />
              <span class="govuk-body-s">
                {t(`plans.kind.${p.kind}`)} · {t('plans.period', { start: p.periodStart, end: p.periodEnd })}
                {p.version > 1 && <> · {t('plans.version', { n: p.version })}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`/orgs/${org.slug}/plans/contract`}>
            {t('plans.list.contract')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`/orgs/${org.slug}/reports`}>
            {t('plans.list.reports')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/plans/comprehensive">
            {t('plans.comprehensive')}
          </a>
        </li>
      </ul>
    </>
  );
}

/** Plain text as paragraphs, one per line. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l, i) => (
          <p class="govuk-body" key={i}>
            {l}
          </p>
        ))}
    </>
  );
}

export function RuleDetails() {
  const { t } = useView();
  return (
    <Details summary={t('plans.rule.title')}>
      <p class="govuk-body">{t('plans.rule.status')}</p>
      <p class="govuk-body">{t('plans.rule.progress')}</p>
      <p class="govuk-body">{t('plans.rule.rollup')}</p>
    </Details>
  );
}

export function Links({ links }: { links: PlanLink[] }) {
  const { t } = useView();
  if (links.length === 0) return null;
  return (
    <ul class="govuk-list govuk-list--bullet">
      {links.map((l, i) => (
        <li key={i}>
          {t(`plans.linkKind.${l.kind}`)}:{' '}
          <a class="govuk-link" href={l.url}>
            {l.title}
          </a>
        </li>
      ))}
    </ul>
  );
}

function History({ view }: { view: PlanView }) {
  const { t, locale } = useView();
  return (
    <Table
      caption={t('plans.history.title')}
      head={[
        { text: t('plans.history.when') },
        { text: t('plans.history.step') },
        { text: t('plans.history.who') },
        { text: t('plans.history.remarks') },
      ]}
      rows={view.events.map((e) => [
        formatDateTime(e.at, locale),
        t(`plans.event.${e.action}`),
        e.actorRole ? t(`plans.role.${e.actorRole}`) : '',
        e.remarks ?? '',
      ])}
    />
  );
}

function VersionNotes({ view }: { view: PlanView }) {
  const { t } = useView();
  const slug = view.org.slug;
  return (
    <>
      {view.nextVersion && !view.plan.supersededAt && (
        <InsetText>
          {t('plans.version.draftOfNext', {
            n: view.nextVersion.version,
            status: t(`plans.status.${view.nextVersion.status}`),
          })}{' '}
          <a class="govuk-link" href={planPath(slug, view.nextVersion)}>
            {t('plans.version.open')}
          </a>
        </InsetText>
      )}
      {view.plan.supersededAt && view.nextVersion && (
        <NotificationBanner title={t('plans.version.superseded')}>
          <a class="govuk-link" href={planPath(slug, view.nextVersion)}>
            {view.nextVersion.titleRu} ({t('plans.version', { n: view.nextVersion.version })})
          </a>
        </NotificationBanner>
      )}
      {view.previousVersion && !view.plan.approvedAt && (
        <InsetText>
          {t('plans.version.previous')}{' '}
          <a class="govuk-link" href={planPath(slug, view.previousVersion)}>
            {t('plans.version', { n: view.previousVersion.version })}
          </a>
        </InsetText>
      )}
    </>
  );
}

function NodeLine({ view, node }: { view: PlanView; node: PlanNode }) {
  const { t, locale } = useView();
  const it = node.item;
  const impl = it.implementsItemId ? view.implemented.get(it.implementsItemId) : undefined;
  const implementers = view.implementers.get(it.id) ?? [];
  const body = it.responsibleOrgId ? view.orgs.get(it.responsibleOrgId) : undefined;
  return (
    <li class={`app-plan-tree__item app-plan-tree__item--${it.kind}`}>
      <p class="govuk-body govuk-!-margin-bottom-1">
        <span class="govuk-caption-s">
          {t(`plans.itemKind.${it.kind}`)} {it.code ?? ''} ·{' '}
          {t('plans.weight', { w: formatNumber(it.weight, locale) })}
        </span>
        <a class="govuk-link" href={itemPath(view.org.slug, view.plan, it.id)}>
          {it.titleRu}
        </a>{' '}
        <NodeStatus node={node} />
      </p>
      {it.kind !== 'activity' && <ProgressBar value={node.progress} />}
      {it.kind === 'activity' && it.deadline && (
        <p class="govuk-body-s govuk-!-margin-bottom-1">
          {t('plans.deadline', { date: formatLocalDate(it.deadline) })}
          {body && (
            <>
              {' · '}
              {t('plans.responsibleBody')}: {orgName(body, locale)}
            </>
          )}
        </p>
      )}
      {impl && (
        <p class="govuk-body-s govuk-!-margin-bottom-1">
          {t('plans.implements', { code: impl.item.code ?? '' })}: {impl.item.titleRu}
        </p>
      )}
      {implementers.length > 0 && (
        <p class="govuk-body-s govuk-!-margin-bottom-1">
          {t('plans.implementedBy')}:{' '}
          {implementers.map((x, i) => (
            <span key={x.item.id}>
              {i > 0 && '; '}
              {x.org ? (
                <a class="govuk-link" href={itemPath(x.org.slug, x.plan, x.item.id)}>
                  {orgName(x.org, locale)}: {x.item.titleRu}
                </a>
              ) : (
                x.item.titleRu
              )}
            </span>
          ))}
        </p>
      )}
      {node.children.length > 0 && (
        <ul class="app-plan-tree">
          {node.children.map((c) => (
            <NodeLine key={c.item.id} view={view} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** `/orgs/<slug>/plans/<id>`: the plan's tree with progress, the at-risk filter, versions, history, discussion. */
export function PlanPageView({
  view,
  risk,
  discussion,
  accountability,
}: {
  view: PlanView;
  risk: boolean;
  discussion?: preact.ComponentChildren;
  /** region-wide accountability figures shown with the comprehensive plan (concept task 6.5) */
  accountability?: preact.ComponentChildren;
}) {
  const { t, locale } = useView();
  const { plan, org } = view;
  const roots = risk ? atRiskOnly(view.tree.roots) : view.tree.roots;
  return (
    <>
      <span class="govuk-caption-l">
        {orgName(org, locale)} · {t(`plans.kind.${plan.kind}`)}
      </span>
      <h1 class="govuk-heading-xl">{plan.titleRu}</h1>
      <VersionNotes view={view} />
      <SummaryList
        rows={[
          { key: t('plans.field.status'), value: <PlanStatusTag status={plan.status} /> },
          { key: t('plans.field.period'), value: `${plan.periodStart}–${plan.periodEnd}` },
          { key: t('plans.field.version'), value: String(plan.version) },
          ...(plan.approvedAt
            ? [{ key: t('plans.field.approvedAt'), value: formatDate(plan.approvedAt, locale) }]
            : []),
          { key: t('plans.progress'), value: <ProgressBar value={view.tree.progress} /> },
        ]}
      />
      {plan.summaryRu && <p class="govuk-body">{plan.summaryRu}</p>}
      <RuleDetails />
      {plan.discussionResult && (
        <>
          <h2 class="govuk-heading-m">{t('plans.discussion.result')}</h2>
          <Paragraphs text={plan.discussionResult} />
        </>
      )}
      <h2 class="govuk-heading-l">{t('plans.tree.title')}</h2>
      <Form action={planPath(org.slug, plan)} method="get">
        <Radios
          name="show"
          legend={t('plans.filter.legend')}
          inline
          value={risk ? 'risk' : 'all'}
          items={[
            { value: 'all', text: t('plans.filter.all') },
            { value: 'risk', text: t('plans.filter.risk') },
          ]}
        />
        <Button variant="secondary">{t('plans.filter.apply')}</Button>
      </Form>
      {view.tree.roots.length === 0 ? (
        <p class="govuk-body">{t('plans.tree.empty')}</p>
      ) : roots.length === 0 ? (
        <p class="govuk-body">{t('plans.filter.noneAtRisk')}</p>
      ) : (
        <ul class="app-plan-tree">
          {roots.map((n) => (
            <NodeLine key={n.item.id} view={view} node={n} />
          ))}
        </ul>
      )}
      {accountability}
      {discussion}
      <History view={view} />
    </>
  );
}

/** `/orgs/<slug>/plans/<id>/items/<itemId>`: one goal, task, indicator or activity with its state. */
export function PlanItemView({
  view,
  node,
  ancestors,
  chartSvg,
  discussion,
}: {
  view: PlanView;
  node: PlanNode;
  ancestors: PlanNode[];
  chartSvg: string | null;
  discussion?: preact.ComponentChildren;
}) {
  const { t, locale } = useView();
  const it = node.item;
  const impl = it.implementsItemId ? view.implemented.get(it.implementsItemId) : undefined;
  const rows = node.series ? periodRows(node.series) : [];
  const body = it.responsibleOrgId ? view.orgs.get(it.responsibleOrgId) : undefined;
  return (
    <>
      <span class="govuk-caption-l">
        <a class="govuk-link" href={planPath(view.org.slug, view.plan)}>
          {view.plan.titleRu}
        </a>
        {ancestors.map((a) => (
          <span key={a.item.id}>
            {' › '}
            <a class="govuk-link" href={itemPath(view.org.slug, view.plan, a.item.id)}>
              {a.item.code ?? t(`plans.itemKind.${a.item.kind}`)}
            </a>
          </span>
        ))}
      </span>
      <h1 class="govuk-heading-xl">
        {it.code ? `${it.code}. ` : ''}
        {it.titleRu}
      </h1>
      <p class="govuk-body">
        {t(`plans.itemKind.${it.kind}`)} <NodeStatus node={node} />
      </p>
      {it.descriptionRu && <Paragraphs text={it.descriptionRu} />}
      <SummaryList
        rows={[
          ...(it.kind === 'indicator'
            ? [
                { key: t('plans.indicator.unit'), value: it.unit ?? '' },
                { key: t('plans.indicator.direction'), value: t(`plans.direction.${it.direction ?? 'up'}`) },
                {
                  key: t('plans.indicator.baseline'),
                  value:
                    it.baseline === null
                      ? '—'
                      : t('plans.indicator.baselineValue', {
                          value: formatNumber(it.baseline, locale),
                          year: it.baselineYear ?? '',
                        }),
                },
              ]
            : []),
          ...(it.kind === 'activity' && it.deadline
            ? [{ key: t('plans.field.deadline'), value: formatLocalDate(it.deadline) }]
            : []),
          ...(body ? [{ key: t('plans.responsibleBody'), value: orgName(body, locale) }] : []),
          ...(it.responsibleName
            ? [
                {
                  key: t('plans.responsible'),
                  value: [it.responsibleName, it.responsiblePosition].filter(Boolean).join(', '),
                },
              ]
            : []),
          ...(it.kind !== 'activity'
            ? [{ key: t('plans.progress'), value: <ProgressBar value={node.progress} /> }]
            : []),
          ...(impl
            ? [{ key: t('plans.implements', { code: impl.item.code ?? '' }), value: impl.item.titleRu }]
            : []),
        ]}
      />
      {it.kind === 'indicator' && (
        <>
          <h2 class="govuk-heading-l">{t('plans.indicator.chart')}</h2>
          {rows.length === 0 ? (
            <p class="govuk-body">{t('plans.indicator.noTargets')}</p>
          ) : (
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                {/* the SVG is built by indicatorChartSvg from escaped labels and numbers */}
                {chartSvg && <figure class="app-chart" dangerouslySetInnerHTML={{ __html: chartSvg }} />}
              </div>
              <div class="govuk-grid-column-one-third">
                <Table
                  caption={t('plans.indicator.chart')}
                  captionSize="s"
                  head={[
                    { text: t('plans.indicator.periodCol') },
                    { text: t('plans.indicator.target'), numeric: true },
                    { text: t('plans.indicator.actual'), numeric: true },
                    { text: t('plans.indicator.statusCol') },
                  ]}
                  rows={rows.map((r) => [
                    periodLabel(r.period, t),
                    { content: formatNumber(r.target, locale), numeric: true },
                    { content: formatNumber(r.actual, locale), numeric: true },
                    r.status ? t(`plans.pstatus.${r.status}`) : '',
                  ])}
                />
              </div>
            </div>
          )}
          <h2 class="govuk-heading-m">{t('plans.indicator.reports')}</h2>
          {node.reports.length === 0 ? (
            <p class="govuk-body">{t('plans.indicator.noReports')}</p>
          ) : (
            <Table
              label={t('plans.indicator.reports')}
              head={[
                { text: t('plans.indicator.reportedOn') },
                { text: t('plans.indicator.periodCol') },
                { text: t('plans.indicator.actual'), numeric: true },
                { text: t('plans.indicator.source') },
                { text: t('plans.indicator.comment') },
              ]}
              rows={[...node.reports]
                .reverse()
                .map((r) => [
                  formatLocalDate(r.reportedOn),
                  periodLabel(r.period, t),
                  { content: formatNumber(r.value, locale), numeric: true },
                  r.source,
                  r.comment ?? '',
                ])}
            />
          )}
        </>
      )}
      {node.children.length > 0 && (
        <ul class="app-plan-tree">
          {node.children.map((c) => (
            <li key={c.item.id}>
              <a class="govuk-link" href={itemPath(view.org.slug, view.plan, c.item.id)}>
                {c.item.code ? `${c.item.code}. ` : ''}
                {c.item.titleRu}
              </a>{' '}
              <NodeStatus node={c} />
            </li>
          ))}
        </ul>
      )}
      {it.links.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('plans.links')}</h2>
          <Links links={it.links} />
        </>
      )}
      {discussion}
      <RuleDetails />
    </>
  );
}
