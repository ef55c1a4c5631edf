import type { Locale, Translate } from '../../../platform/i18n/index.ts';
import { Tag, type TagColour } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import type { PlanNode } from '../plan-tree.ts';
import type { PlanRow } from '../plans.repository.ts';
import { parsePeriod } from '../progress.ts';

export function orgName(org: Pick<OrgRow, 'nameRu' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

export const planPath = (orgSlug: string, plan: Pick<PlanRow, 'id'>) => `/orgs/${orgSlug}/plans/${plan.id}`;
export const itemPath = (orgSlug: string, plan: Pick<PlanRow, 'id'>, itemId: string) =>
  `${planPath(orgSlug, plan)}/items/${itemId}`;

const statusColours: Record<string, TagColour> = {
  draft: 'grey',
  discussion: 'yellow',
  agreement: 'orange',
  approved: 'green',
  completed: 'blue',
};

export function PlanStatusTag({ status }: { status: string }) {
  const { t } = useView();
  return <Tag colour={statusColours[status]}>{t(`plans.status.${status}`)}</Tag>;
}

const periodColours: Record<string, TagColour> = {
  achieved: 'green',
  at_risk: 'yellow',
  not_achieved: 'red',
  no_data: 'grey',
};

/** The computed status of an indicator (or an overdue activity). */
export function NodeStatus({ node }: { node: PlanNode }) {
  const { t } = useView();
  if (node.item.kind === 'activity') {
    if (node.atRisk) return <Tag colour="red">{t('plans.overdue')}</Tag>;
    return node.item.activityStatus ? (
      <Tag colour={node.item.activityStatus === 'done' ? 'green' : 'grey'}>
        {t(`plans.astatus.${node.item.activityStatus}`)}
      </Tag>
    ) : null;
  }
  if (node.item.kind !== 'indicator') return null;
  const s = node.status ?? 'no_data';
  return <Tag colour={periodColours[s]}>{t(`plans.pstatus.${s}`)}</Tag>;
}

export function formatNumber(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined) return '—';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 2 }).format(v);
}

export function progressText(p: number | null, t: Translate): string {
  return p === null ? t('plans.progress.none') : t('plans.progress.value', { value: Math.round(p) });
}

export function periodLabel(period: string, t: Translate): string {
  const p = parsePeriod(period);
  if (!p) return period;
  return p.quarter
    ? t('plans.period.quarter', { q: p.quarter, year: p.year })
    : t('plans.period.year', { year: p.year });
}

/** A progress bar readers see and screen readers hear as a figure. */
export function ProgressBar({ value }: { value: number | null }) {
  const { t } = useView();
  return (
    <span class="app-plan-progress">
      <meter class="app-plan-progress__meter" min={0} max={100} value={value ?? 0} aria-hidden="true" />
      <span class="app-plan-progress__text">
        {t('plans.progress')}: {progressText(value, t)}
      </span>
    </span>
  );
}
