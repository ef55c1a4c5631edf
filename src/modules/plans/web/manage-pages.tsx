import type { FieldError } from '../../../platform/errors/index.ts';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  InsetText,
  Select,
  Table,
  Textarea,
  TextInput,
  WarningText,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import type { PlanView } from '../get-plan.ts';
import { flatten, type PlanNode } from '../plan-tree.ts';
import { activityStatuses, itemKinds, type PlanAction, planKinds } from '../plans.input.ts';
import type { PlanItemRow, PlanRow } from '../plans.repository.ts';
import { NodeStatus, orgName, PlanStatusTag, planPath, progressText } from './common.tsx';
import { Links } from './public-pages.tsx';

type Values = Record<string, string>;
type FormProps = { values: Values; errors: FieldError[] };

export const managePlanPath = (p: Pick<PlanRow, 'id'>) => `/manage/plans/${p.id}`;

/** `/manage/plans`: the plans this person keeps, the templates first. */
export function ManagePlansView({ plans, orgs }: { plans: PlanRow[]; orgs: OrgRow[] }) {
  const { t, locale } = useView();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (
    <>
      <h1 class="govuk-heading-xl">{t('plans.manage.title')}</h1>
      <ButtonGroup>
        <Button href="/manage/plans/new">{t('plans.manage.new')}</Button>
        <a class="govuk-link" href="/manage/plans/reports">
          {t('plans.manage.reportsTitle')}
        </a>
      </ButtonGroup>
      {plans.length === 0 ? (
        <p class="govuk-body">{t('plans.manage.none')}</p>
      ) : (
        <Table
          head={[
            { text: t('plans.manage.titleField') },
            { text: t('plans.manage.org') },
            { text: t('plans.field.period') },
            { text: t('plans.field.status') },
          ]}
          rows={plans.map((p) => [
            <a class="govuk-link" href={managePlanPath(p)} key="a">
              {p.titleRu}
              {p.version > 1 ? ` (${t('plans.version', { n: p.version })})` : ''}
            </a>,
            p.isTemplate
              ? t('plans.manage.template')
              : byId.get(p.orgId)
                ? orgName(byId.get(p.orgId) as OrgRow, locale)
                : '',
            `${p.periodStart}–${p.periodEnd}`,
            <PlanStatusTag status={p.status} key="s" />,
          ])}
        />
      )}
    </>
  );
}

/** `/manage/plans/new`: a plan for a body, from the project office's template or blank. */
export function NewPlanView({
  orgs,
  templates,
  values,
  errors,
}: FormProps & { orgs: OrgRow[]; templates: PlanRow[] }) {
  const { t, locale } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('plans.manage.new')}</h1>
      <Form action="/manage/plans/new">
        <Select
          name="orgId"
          label={t('plans.manage.org')}
          value={values.orgId}
          errors={errors}
          items={[{ value: '', text: '' }, ...orgs.map((o) => ({ value: o.id, text: orgName(o, locale) }))]}
        />
        <Select
          name="templateId"
          label={t('plans.manage.fromTemplate')}
          hint={t('plans.manage.fromTemplateHint')}
          value={values.templateId}
          errors={errors}
          items={[
            { value: '', text: t('plans.manage.noTemplate') },
            ...templates.map((p) => ({ value: p.id, text: p.titleRu })),
          ]}
        />
        <Select
          name="kind"
          label={t('plans.manage.kind')}
          value={values.kind ?? 'departmental_openness'}
          errors={errors}
          items={planKinds.map((k) => ({ value: k, text: t(`plans.kind.${k}`) }))}
        />
        <TextInput
          name="titleRu"
          label={t('plans.manage.titleField')}
          value={values.titleRu}
          errors={errors}
        />
        <Textarea
          name="summaryRu"
          label={t('plans.manage.summary')}
          value={values.summaryRu}
          errors={errors}
          rows={3}
        />
        <TextInput
          name="periodStart"
          label={t('plans.manage.periodStart')}
          value={values.periodStart}
          errors={errors}
          width="4"
          inputmode="numeric"
        />
        <TextInput
          name="periodEnd"
          label={t('plans.manage.periodEnd')}
          value={values.periodEnd}
          errors={errors}
          width="4"
          inputmode="numeric"
        />
        <Button>{t('plans.manage.create')}</Button>
      </Form>
    </>
  );
}

function lockReason(plan: PlanRow): string | null {
  if (plan.supersededAt) return 'plans.conflict.superseded';
  if (plan.status === 'approved' || plan.status === 'completed') return 'plans.conflict.approved';
  if (plan.status === 'agreement') return 'plans.conflict.agreement';
  return null;
}

function StaffNode({ view, node, editable }: { view: PlanView; node: PlanNode; editable: boolean }) {
  const { t } = useView();
  const it = node.item;
  const base = managePlanPath(view.plan);
  return (
    <li class="app-plan-tree__item">
      <p class="govuk-body govuk-!-margin-bottom-1">
        <span class="govuk-caption-s">
          {t(`plans.itemKind.${it.kind}`)} {it.code ?? ''} · {t('plans.progress')}:{' '}
          {progressText(node.progress, t)}
        </span>
        <a class="govuk-link" href={`${base}/items/${it.id}`}>
          {it.titleRu}
        </a>{' '}
        <NodeStatus node={node} />
        {editable && (it.kind === 'goal' || it.kind === 'task') && (
          <>
            {' · '}
            <a class="govuk-link" href={`${base}/items/new?parent=${it.id}`}>
              {t('plans.manage.addChild')}
              <span class="govuk-visually-hidden"> — {it.titleRu}</span>
            </a>
          </>
        )}
      </p>
      {node.children.length > 0 && (
        <ul class="app-plan-tree">
          {node.children.map((c) => (
            <StaffNode key={c.item.id} view={view} node={c} editable={editable} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** `/manage/plans/<id>`: the plan's workspace: tree, approval steps with remarks, new version. */
export function ManagePlanView({
  view,
  steps,
  canNewVersion,
  values,
  errors,
}: FormProps & { view: PlanView; steps: PlanAction[]; canNewVersion: boolean }) {
  const { t, locale } = useView();
  const { plan, org } = view;
  const reason = lockReason(plan);
  const base = managePlanPath(plan);
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">
        {plan.isTemplate ? t('plans.manage.template') : orgName(org, locale)} · {t(`plans.kind.${plan.kind}`)}
      </span>
      <h1 class="govuk-heading-xl">{plan.titleRu}</h1>
      <p class="govuk-body">
        <PlanStatusTag status={plan.status} /> {t('plans.version', { n: plan.version })} ·{' '}
        {t('plans.period', { start: plan.periodStart, end: plan.periodEnd })}
      </p>
      {!plan.isTemplate && (
        <p class="govuk-body">
          <a class="govuk-link" href={planPath(org.slug, plan)}>
            {t('plans.manage.public')}
          </a>
        </p>
      )}
      <h2 class="govuk-heading-l">{t('plans.manage.tree')}</h2>
      {reason && <InsetText>{t('plans.manage.locked', { reason: t(reason) })}</InsetText>}
      {!reason && (
        <Button href={`${base}/items/new`} variant="secondary">
          {t('plans.manage.addGoal')}
        </Button>
      )}
      {view.tree.roots.length === 0 ? (
        <p class="govuk-body">{t('plans.tree.empty')}</p>
      ) : (
        <ul class="app-plan-tree">
          {view.tree.roots.map((n) => (
            <StaffNode key={n.item.id} view={view} node={n} editable={!reason} />
          ))}
        </ul>
      )}
      {(steps.length > 0 || canNewVersion) && <h2 class="govuk-heading-l">{t('plans.manage.steps')}</h2>}
      {steps.length > 0 && (
        <Form action={`${base}/step`}>
          {plan.status === 'discussion' && steps.includes('submit') && (
            <Textarea
              name="discussionResult"
              label={t('plans.manage.discussionResult')}
              value={values.discussionResult}
              errors={errors}
              rows={4}
            />
          )}
          <Textarea
            name="remarks"
            label={t('plans.manage.remarks')}
            value={values.remarks}
            errors={errors}
            rows={3}
          />
          <ButtonGroup>
            {steps.map((s) => (
              <Button key={s} name="action" value={s} variant={s === 'return' ? 'warning' : undefined}>
                {t(`plans.step.${s}`)}
              </Button>
            ))}
          </ButtonGroup>
        </Form>
      )}
      {canNewVersion && (
        <Form action={`${base}/new-version`}>
          <p class="govuk-body">{t('plans.manage.newVersionLead')}</p>
          <Button variant="secondary">{t('plans.manage.newVersion')}</Button>
        </Form>
      )}
    </>
  );
}

/** `/manage/plans/<id>/items/new` and `/manage/plans/<id>/items/<itemId>`: one item, its targets and actuals. */
export function ManageItemView({
  view,
  item,
  comprehensiveItems,
  which,
  values,
  errors,
}: FormProps & {
  view: PlanView;
  item: PlanItemRow | null;
  comprehensiveItems: PlanItemRow[];
  /** which of the page's forms the values and errors belong to */
  which: 'item' | 'targets' | 'actual';
}) {
  const { t } = useView();
  const { plan } = view;
  const base = managePlanPath(plan);
  const locked = lockReason(plan);
  const v = (form: typeof which) => (which === form ? values : {});
  const e = (form: typeof which) => (which === form ? errors : []);
  const parents = flatten(view.tree.roots).filter(
    (n) => (n.item.kind === 'goal' || n.item.kind === 'task') && n.item.id !== item?.id,
  );
  const node = item ? view.tree.byId.get(item.id) : undefined;
  const periods: string[] = [];
  for (let y = plan.periodStart; y <= plan.periodEnd; y++)
    periods.push(`${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`, `${y}`);
  const iv = v('item');
  const stored: Values = {};
  for (const [p, x] of node?.series?.targets ?? []) stored[`target_${p}`] = String(x).replace('.', ',');
  const tv = which === 'targets' ? values : stored;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">
        <a class="govuk-link" href={base}>
          {plan.titleRu}
        </a>
      </span>
      <h1 class="govuk-heading-xl">{item ? item.titleRu : t('plans.manage.itemNew')}</h1>
      {locked && <WarningText>{t(locked)}</WarningText>}
      {node && item?.kind === 'indicator' && (
        <p class="govuk-body">
          <NodeStatus node={node} /> {t('plans.progress')}: {progressText(node.progress, t)}
        </p>
      )}
      <h2 class="govuk-heading-l">{t('plans.manage.itemEdit')}</h2>
      <Form action={item ? `${base}/items/${item.id}` : `${base}/items/new`}>
        {item ? (
          <input type="hidden" name="kind" value={item.kind} />
        ) : (
          <Select
            name="kind"
            label={t('plans.manage.itemKind')}
            value={iv.kind}
            errors={e('item')}
            items={itemKinds.map((k) => ({ value: k, text: t(`plans.itemKind.${k}`) }))}
          />
        )}
        <Select
          name="parentId"
          label={t('plans.manage.parent')}
          value={iv.parentId}
          errors={e('item')}
          items={[
            { value: '', text: '—' },
            ...parents.map((p) => ({
              value: p.item.id,
              text: `${t(`plans.itemKind.${p.item.kind}`)} ${p.item.code ?? ''} ${p.item.titleRu}`.slice(
                0,
                150,
              ),
            })),
          ]}
        />
        <TextInput name="code" label={t('plans.manage.code')} value={iv.code} errors={e('item')} width="5" />
        <Textarea
          name="titleRu"
          label={t('plans.manage.titleItem')}
          value={iv.titleRu}
          errors={e('item')}
          rows={2}
        />
        <Textarea
          name="descriptionRu"
          label={t('plans.manage.description')}
          value={iv.descriptionRu}
          errors={e('item')}
          rows={3}
        />
        <TextInput
          name="weight"
          label={t('plans.manage.weight')}
          hint={t('plans.manage.weightHint')}
          value={iv.weight}
          errors={e('item')}
          width="5"
          inputmode="decimal"
        />
        <TextInput name="unit" label={t('plans.manage.unit')} value={iv.unit} errors={e('item')} width="10" />
        <Select
          name="direction"
          label={t('plans.manage.direction')}
          value={iv.direction}
          errors={e('item')}
          items={[
            { value: '', text: '—' },
            { value: 'up', text: t('plans.direction.up') },
            { value: 'down', text: t('plans.direction.down') },
          ]}
        />
        <TextInput
          name="baseline"
          label={t('plans.manage.baseline')}
          value={iv.baseline}
          errors={e('item')}
          width="10"
          inputmode="decimal"
        />
        <TextInput
          name="baselineYear"
          label={t('plans.manage.baselineYear')}
          value={iv.baselineYear}
          errors={e('item')}
          width="4"
          inputmode="numeric"
        />
        <TextInput
          name="contractWeight"
          label={t('plans.manage.contractWeight')}
          hint={t('plans.manage.contractWeightHint')}
          value={iv.contractWeight}
          errors={e('item')}
          width="5"
          inputmode="decimal"
        />
        <TextInput
          name="deadline"
          label={t('plans.manage.deadline')}
          value={iv.deadline}
          errors={e('item')}
          width="10"
        />
        <Select
          name="activityStatus"
          label={t('plans.manage.activityStatus')}
          value={iv.activityStatus}
          errors={e('item')}
          items={[
            { value: '', text: '—' },
            ...activityStatuses.map((s) => ({ value: s, text: t(`plans.astatus.${s}`) })),
          ]}
        />
        <TextInput
          name="responsibleName"
          label={t('plans.manage.responsibleName')}
          value={iv.responsibleName}
          errors={e('item')}
        />
        <TextInput
          name="responsiblePosition"
          label={t('plans.manage.responsiblePosition')}
          value={iv.responsiblePosition}
          errors={e('item')}
        />
        {comprehensiveItems.length > 0 && (
          <Select
            name="implementsItemId"
            label={t('plans.manage.implements')}
            value={iv.implementsItemId}
            errors={e('item')}
            items={[
              { value: '', text: t('plans.manage.implementsNone') },
              ...comprehensiveItems.map((c) => ({
                value: c.id,
                text: `${c.code ?? ''} ${c.titleRu}`.slice(0, 150),
              })),
            ]}
          />
        )}
        <Textarea
          name="links"
          label={t('plans.manage.links')}
          hint={t('plans.manage.linksHint')}
          value={iv.links}
          errors={e('item')}
          rows={3}
        />
        <Button>{t('plans.manage.save')}</Button>
      </Form>
      {item && item.links.length > 0 && <Links links={item.links} />}
      {item?.kind === 'indicator' && (
        <>
          <h2 class="govuk-heading-l">{t('plans.manage.targets')}</h2>
          <p class="govuk-body">{t('plans.manage.targetsHint')}</p>
          <Form action={`${base}/items/${item.id}/targets`}>
            <div class="app-plan-targets">
              {periods.map((p) => (
                <TextInput
                  key={p}
                  name={`target_${p}`}
                  label={p}
                  value={tv[`target_${p}`]}
                  errors={e('targets')}
                  width="5"
                  inputmode="decimal"
                />
              ))}
            </div>
            <Button>{t('plans.manage.saveTargets')}</Button>
          </Form>
          <h2 class="govuk-heading-l">{t('plans.manage.report')}</h2>
          <ActualForm action={`${base}/items/${item.id}/actuals`} values={v('actual')} errors={e('actual')} />
        </>
      )}
    </>
  );
}

function ActualForm({ action, values, errors }: FormProps & { action: string }) {
  const { t } = useView();
  return (
    <Form action={action}>
      <TextInput
        name="period"
        label={t('plans.manage.reportPeriod')}
        hint={t('plans.manage.reportPeriodHint')}
        value={values.period}
        errors={errors}
        width="10"
        spellcheck={false}
      />
      <TextInput
        name="value"
        label={t('plans.manage.reportValue')}
        value={values.value}
        errors={errors}
        width="10"
        inputmode="decimal"
      />
      <TextInput
        name="reportedOn"
        label={t('plans.manage.reportedOn')}
        value={values.reportedOn}
        errors={errors}
        width="10"
      />
      <TextInput name="source" label={t('plans.manage.source')} value={values.source} errors={errors} />
      <Textarea
        name="comment"
        label={t('plans.manage.comment')}
        value={values.comment}
        errors={errors}
        rows={2}
      />
      <Button>{t('plans.manage.reportSubmit')}</Button>
    </Form>
  );
}
