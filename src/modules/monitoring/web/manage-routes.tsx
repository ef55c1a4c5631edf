import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { authorize, NotFound } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  Form,
  Heading,
  InsetText,
  Radios,
  Select,
  Table,
  Tag,
  TextInput,
  useView,
} from '../../../platform/ui/index.ts';
import { activateMethodology } from '../activate-methodology.ts';
import { assignExpert } from '../assign-expert.ts';
import { freezeFigures } from '../freeze-figures.ts';
import { getDiagnostic } from '../get-diagnostic.ts';
import {
  getCriterionForStaff,
  getCycleForStaff,
  getExpertAssignment,
  getMethodologyForStaff,
  getMonitoringOverview,
  getSelfAssessment,
  listRatedOrganizations,
} from '../get-staff-views.ts';
import {
  answersOf,
  assignInput,
  criterionInput,
  cycleInput,
  expertScoresInput,
  reconcileInput,
  returnInput,
  selfAssessmentInput,
} from '../monitoring.input.ts';
import { appliesTo, autoKeys, scales, sources } from '../monitoring.model.ts';
import { monitoringPolicy } from '../monitoring.policy.ts';
import type { CriterionRow } from '../monitoring.repository.ts';
import { openCycle } from '../open-cycle.ts';
import { publishRating } from '../publish-rating.ts';
import { reconcileScore } from '../reconcile-score.ts';
import { returnSelfAssessment } from '../return-self-assessment.ts';
import { saveCriterion } from '../save-criterion.ts';
import { saveExpertScores } from '../save-expert-scores.ts';
import { saveSelfAssessment } from '../save-self-assessment.ts';

type FormState = { values: Record<string, string>; errors: FieldError[] };

function redirectToSignIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

function yearOf(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new NotFound('cycle');
  return Number(raw);
}

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('ru-RU', { maximumFractionDigits: 2 });

const BASE = '/manage/monitoring';

// ---------- views ----------

type Overview = Awaited<ReturnType<typeof getMonitoringOverview>>;

function OverviewView({ o }: { o: Overview }) {
  const { t } = useView();
  return (
    <>
      <Heading>{t('monitoring.manage.title')}</Heading>
      {o.canRun && (
        <>
          <Heading level={2} size="m">
            {t('monitoring.methodology')}
          </Heading>
          <ul class="govuk-list">
            {o.methodologies.map((m) => (
              <li key={m.id}>
                {t('monitoring.methodology.version', { n: m.version })} — {t(`monitoring.status.${m.status}`)}
              </li>
            ))}
          </ul>
          <p class="govuk-body">
            <a class="govuk-link" href={`${BASE}/methodology`}>
              {t('monitoring.methodology')}
            </a>
          </p>
          <Heading level={2} size="m">
            {t('monitoring.cycles')}
          </Heading>
          {o.cycles.length === 0 ? (
            <p class="govuk-body">{t('monitoring.none')}</p>
          ) : (
            <ul class="govuk-list">
              {o.cycles.map((c) => (
                <li key={c.id}>
                  <a class="govuk-link" href={`${BASE}/cycles/${c.year}`}>
                    {t('monitoring.cycle.title', { year: c.year })}
                  </a>{' '}
                  — {t(`monitoring.cycle.status.${c.status}`)}
                </li>
              ))}
            </ul>
          )}
          <Button href={`${BASE}/cycles/new`} variant="secondary">
            {t('monitoring.cycle.new')}
          </Button>
        </>
      )}
      {o.self.length > 0 && (
        <>
          <Heading level={2} size="m">
            {t('monitoring.self.mine')}
          </Heading>
          <ul class="govuk-list">
            {o.self.map((s) => (
              <li key={`${s.cycleId}${s.orgId}`}>
                <a class="govuk-link" href={`${BASE}/cycles/${s.year}/self/${s.org.slug}`}>
                  {t('monitoring.self.title', { year: s.year, org: s.org.nameRu })}
                </a>{' '}
                — {t(`monitoring.self.status.${s.selfStatus}`)} ·{' '}
                <a class="govuk-link" href={`${BASE}/diagnostic/${s.org.slug}`}>
                  {t('monitoring.diagnostic.link')}
                  <span class="govuk-visually-hidden"> {s.org.nameRu}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {o.assignments.length > 0 && (
        <>
          <Heading level={2} size="m">
            {t('monitoring.expert.mine')}
          </Heading>
          <ul class="govuk-list">
            {o.assignments.map((a) => (
              <li key={a.id}>
                <a class="govuk-link" href={`${BASE}/cycles/${a.year}/expert/${a.org.slug}`}>
                  {t('monitoring.expert.title', { year: a.year, org: a.org.nameRu })}
                </a>
                {a.submittedAt && ` — ${t('monitoring.self.status.submitted')}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

type Methodology = Awaited<ReturnType<typeof getMethodologyForStaff>>;

function MethodologyView({ m, errors }: { m: Methodology } & FormState) {
  const { t } = useView();
  const draft = m.methodology.status === 'draft';
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading caption={t('monitoring.methodology.version', { n: m.methodology.version })}>
        {m.methodology.titleRu}
      </Heading>
      <p class="govuk-body">
        <Tag colour={draft ? 'yellow' : 'green'}>{t(`monitoring.status.${m.methodology.status}`)}</Tag>
      </p>
      <InsetText>
        {t(draft ? 'monitoring.methodology.draftNote' : 'monitoring.methodology.activeNote')}
      </InsetText>
      <p class="govuk-body">
        {t('monitoring.methodology.sums', {
          executive: fmt(m.sums.executive),
          municipal: fmt(m.sums.municipal),
        })}
      </p>
      {draft && (
        <Form action={`${BASE}/methodology/activate`}>
          <Button>{t('monitoring.methodology.activate')}</Button>
        </Form>
      )}
      <Table
        caption={t('monitoring.methodology')}
        captionSize="s"
        head={[
          { text: t('monitoring.field.task') },
          { text: t('monitoring.field.question') },
          { text: t('monitoring.field.scale') },
          { text: t('monitoring.field.source') },
          { text: t('monitoring.field.appliesTo') },
          { text: t('monitoring.field.weight'), numeric: true },
          { text: '' },
        ]}
        rows={m.criteria.map((c) => [
          c.task,
          c.questionRu,
          t(`monitoring.scale.${c.scale}`),
          t(`monitoring.source.${c.source}`),
          t(`monitoring.appliesTo.${c.appliesTo}`),
          { content: fmt(c.weight), numeric: true },
          <a class="govuk-link" href={`${BASE}/criteria/${encodeURIComponent(c.code)}`}>
            {t('monitoring.methodology.edit')}
            <span class="govuk-visually-hidden"> {c.code}</span>
          </a>,
        ])}
      />
    </>
  );
}

function CriterionView({ criterion, values, errors }: { criterion: CriterionRow } & FormState) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading caption={`${t('monitoring.field.task')} ${criterion.task}`}>
        {t('monitoring.criterion.title', { code: criterion.code })}
      </Heading>
      <Form action={`${BASE}/criteria/${encodeURIComponent(criterion.code)}`}>
        <TextInput
          name="questionRu"
          label={t('monitoring.field.question')}
          value={values.questionRu}
          errors={errors}
        />
        <TextInput
          name="weight"
          label={t('monitoring.field.weight')}
          hint={t('monitoring.field.weight.hint')}
          value={values.weight}
          errors={errors}
          width="5"
          inputmode="decimal"
        />
        <Select
          name="scale"
          label={t('monitoring.field.scale')}
          value={values.scale}
          errors={errors}
          items={scales.map((s) => ({ value: s, text: t(`monitoring.scale.${s}`) }))}
        />
        <Select
          name="source"
          label={t('monitoring.field.source')}
          value={values.source}
          errors={errors}
          items={sources.map((s) => ({ value: s, text: t(`monitoring.source.${s}`) }))}
        />
        <Select
          name="autoKey"
          label={t('monitoring.field.autoKey')}
          value={values.autoKey}
          errors={errors}
          items={[{ value: '', text: '—' }, ...autoKeys.map((k) => ({ value: k, text: k }))]}
        />
        <Select
          name="appliesTo"
          label={t('monitoring.field.appliesTo')}
          value={values.appliesTo}
          errors={errors}
          items={appliesTo.map((s) => ({ value: s, text: t(`monitoring.appliesTo.${s}`) }))}
        />
        <TextInput
          name="evidenceRu"
          label={t('monitoring.field.evidence')}
          value={values.evidenceRu}
          errors={errors}
        />
        <Radios
          name="direction"
          legend={t('monitoring.field.direction')}
          legendSize="s"
          value={values.direction}
          errors={errors}
          inline
          items={[
            { value: 'up', text: t('monitoring.direction.up') },
            { value: 'down', text: t('monitoring.direction.down') },
          ]}
        />
        {(['step1', 'step2', 'step3'] as const).map((s, i) => (
          <TextInput
            key={s}
            name={s}
            label={`${t('monitoring.field.steps')}: ${i + 1}`}
            value={values[s]}
            errors={errors}
            width="5"
            inputmode="decimal"
          />
        ))}
        <Button>{t('monitoring.self.save')}</Button>
      </Form>
    </>
  );
}

type Orgs = Awaited<ReturnType<typeof listRatedOrganizations>>;

function NewCycleView({ orgs, values, errors }: { orgs: Orgs } & FormState) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading>{t('monitoring.cycle.new')}</Heading>
      <Form action={`${BASE}/cycles/new`}>
        <TextInput
          name="year"
          label={t('monitoring.field.year')}
          value={values.year}
          errors={errors}
          width="4"
          inputmode="numeric"
        />
        <TextInput
          name="cutoffOn"
          label={t('monitoring.field.cutoff')}
          hint={t('monitoring.field.cutoff.hint')}
          value={values.cutoffOn}
          errors={errors}
          width="10"
        />
        <Checkboxes
          name="orgIds"
          legend={t('monitoring.field.orgs')}
          legendSize="s"
          values={values.orgIds}
          errors={errors}
          small
          items={orgs.map((o) => ({ value: o.id, text: o.nameRu }))}
        />
        <Button>{t('monitoring.cycle.open')}</Button>
      </Form>
    </>
  );
}

type CycleView = Awaited<ReturnType<typeof getCycleForStaff>>;

function CyclePage({ c, values, errors }: { c: CycleView } & FormState) {
  const { t } = useView();
  const year = c.cycle.year;
  const published = c.cycle.status === 'published';
  const experts = new Map(c.experts.map((e) => [e.id, e.displayName]));
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading caption={t(`monitoring.cycle.status.${c.cycle.status}`)}>
        {t('monitoring.cycle.title', { year })}
      </Heading>
      {!published && (
        <ButtonGroup>
          <Form action={`${BASE}/cycles/${year}/freeze`}>
            <Button variant="secondary">{t('monitoring.cycle.freeze')}</Button>
          </Form>
          <Form action={`${BASE}/cycles/${year}/publish`}>
            <Button>{t('monitoring.cycle.publish')}</Button>
          </Form>
        </ButtonGroup>
      )}
      {published && (
        <p class="govuk-body">
          <a class="govuk-link" href={`/rating/${year}`}>
            {t('monitoring.rating.title', { year })}
          </a>
        </p>
      )}
      <Table
        caption={t('monitoring.cycle.preview')}
        captionSize="s"
        head={[
          { text: t('monitoring.field.org') },
          { text: t('monitoring.field.appliesTo') },
          { text: t('monitoring.self.mine') },
          { text: t('monitoring.cycle.experts') },
          { text: t('monitoring.rating.index'), numeric: true },
        ]}
        rows={c.members.map((m) => [
          <a class="govuk-link" href={`${BASE}/cycles/${year}/self/${m.org.slug}`}>
            {m.org.nameRu}
          </a>,
          t(`monitoring.appliesTo.${m.level}`),
          t(`monitoring.self.status.${m.selfStatus}`),
          c.assignments
            .filter((a) => a.orgId === m.orgId)
            .map((a) => `${experts.get(a.expertUserId) ?? '—'}${a.submittedAt ? ' ✓' : ''}`)
            .join(', ') || '—',
          { content: fmt(m.index), numeric: true },
        ])}
      />
      {c.pending.length > 0 && (
        <>
          <Heading level={2} size="m">
            {t('monitoring.cycle.pending')}
          </Heading>
          {c.pending.map((p) => (
            <Form action={`${BASE}/cycles/${year}/reconcile`} key={`${p.orgId}${p.criterionId}`}>
              <p class="govuk-body">
                {p.org.nameRu}, {p.criterion.task}: {p.criterion.questionRu} — {p.scores.map(fmt).join(', ')}
              </p>
              <input type="hidden" name="orgId" value={p.orgId} />
              <input type="hidden" name="criterionId" value={p.criterionId} />
              <TextInput
                name="value"
                id={`value-${p.orgId}-${p.criterionId}`}
                label={t('monitoring.field.value')}
                width="3"
                errors={values.criterionId === p.criterionId && values.orgId === p.orgId ? errors : []}
              />
              <TextInput
                name="note"
                id={`note-${p.orgId}-${p.criterionId}`}
                label={t('monitoring.field.note')}
                errors={values.criterionId === p.criterionId && values.orgId === p.orgId ? errors : []}
              />
              <Button variant="secondary">{t('monitoring.cycle.reconcile')}</Button>
            </Form>
          ))}
        </>
      )}
      {!published && (
        <>
          <Heading level={2} size="m">
            {t('monitoring.cycle.assign')}
          </Heading>
          <Form action={`${BASE}/cycles/${year}/assign`}>
            <Select
              name="orgId"
              label={t('monitoring.field.org')}
              value={values.orgId}
              errors={errors}
              items={[
                { value: '', text: '—' },
                ...c.members.map((m) => ({ value: m.orgId, text: m.org.nameRu })),
              ]}
            />
            <Select
              name="expertUserId"
              label={t('monitoring.field.expert')}
              value={values.expertUserId}
              errors={errors}
              items={[
                { value: '', text: '—' },
                ...c.experts.map((e) => ({ value: e.id, text: e.displayName })),
              ]}
            />
            <Button variant="secondary">{t('monitoring.cycle.assign')}</Button>
          </Form>
        </>
      )}
    </>
  );
}

function AnswerFields({
  c,
  values,
  errors,
  withEvidence,
}: { c: CriterionRow; withEvidence: boolean } & FormState) {
  const { t } = useView();
  const legend = `${c.task}. ${c.questionRu}`;
  const hint = c.evidenceRu ? `${t('monitoring.field.evidence')}: ${c.evidenceRu}` : undefined;
  return (
    <div class="govuk-!-margin-bottom-6">
      {c.scale === 'yes_no' || c.scale === 'score_0_3' ? (
        <Radios
          name={`v_${c.id}`}
          legend={legend}
          legendSize="s"
          hint={hint}
          value={values[`v_${c.id}`]}
          errors={errors}
          inline
          items={
            c.scale === 'yes_no'
              ? [
                  { value: '1', text: t('monitoring.yes') },
                  { value: '0', text: t('monitoring.no') },
                ]
              : ['0', '1', '2', '3'].map((v) => ({ value: v, text: v }))
          }
        />
      ) : (
        <TextInput
          name={`v_${c.id}`}
          label={legend}
          labelSize="s"
          hint={hint}
          value={values[`v_${c.id}`]}
          errors={errors}
          width="5"
          inputmode="decimal"
          suffix={c.scale === 'percent' ? '%' : undefined}
        />
      )}
      {withEvidence && (
        <TextInput
          name={`e_${c.id}`}
          label={`${t('monitoring.field.evidenceUrl')} (${c.task})`}
          value={values[`e_${c.id}`]}
          errors={errors}
          inputmode="url"
        />
      )}
      <TextInput
        name={`c_${c.id}`}
        label={`${t('monitoring.field.comment')} (${c.task})`}
        value={values[`c_${c.id}`]}
        errors={errors}
      />
    </div>
  );
}

type Self = Awaited<ReturnType<typeof getSelfAssessment>>;

function SelfView({
  s,
  canEdit,
  canReturn,
  values,
  errors,
}: { s: Self; canEdit: boolean; canReturn: boolean } & FormState) {
  const { t } = useView();
  const year = s.cycle.year;
  const locked = s.member.selfStatus === 'submitted' || s.cycle.status === 'published';
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading caption={t(`monitoring.self.status.${s.member.selfStatus}`)}>
        {t('monitoring.self.title', { year, org: s.org.nameRu })}
      </Heading>
      {s.member.selfStatus === 'returned' && s.member.selfRemarks && (
        <InsetText>{t('monitoring.self.returned', { remarks: s.member.selfRemarks })}</InsetText>
      )}
      {s.member.selfStatus === 'submitted' && <InsetText>{t('monitoring.self.submittedNote')}</InsetText>}
      <p class="govuk-body">{t('monitoring.self.lead')}</p>
      {canEdit && !locked ? (
        <Form action={`${BASE}/cycles/${year}/self/${s.org.slug}`}>
          {s.criteria.map((c) => (
            <AnswerFields key={c.id} c={c} values={values} errors={errors} withEvidence />
          ))}
          <ButtonGroup>
            <Button name="action" value="submit">
              {t('monitoring.self.submit')}
            </Button>
            <Button name="action" value="save" variant="secondary">
              {t('monitoring.self.save')}
            </Button>
          </ButtonGroup>
        </Form>
      ) : (
        <Table
          caption={t('monitoring.self.mine')}
          captionSize="s"
          head={[
            { text: t('monitoring.field.question') },
            { text: t('monitoring.field.value') },
            { text: t('monitoring.field.evidenceUrl') },
          ]}
          rows={s.criteria.map((c) => {
            const a = s.answers.get(c.id);
            return [`${c.task}. ${c.questionRu}`, fmt(a?.value), a?.evidenceUrl ?? '—'];
          })}
        />
      )}
      {canReturn && s.member.selfStatus === 'submitted' && s.cycle.status !== 'published' && (
        <Form action={`${BASE}/cycles/${year}/self/${s.org.slug}/return`}>
          <TextInput
            name="remarks"
            label={t('monitoring.field.remarks')}
            value={values.remarks}
            errors={errors}
          />
          <Button variant="warning">{t('monitoring.cycle.return')}</Button>
        </Form>
      )}
    </>
  );
}

type Expert = Awaited<ReturnType<typeof getExpertAssignment>>;

function ExpertView({ e, values, errors }: { e: Expert } & FormState) {
  const { t } = useView();
  const year = e.cycle.year;
  return (
    <>
      <ErrorSummary errors={errors} />
      <Heading>{t('monitoring.expert.title', { year, org: e.org.nameRu })}</Heading>
      <p class="govuk-body">{t('monitoring.expert.lead')}</p>
      {e.assignment.submittedAt ? (
        <Table
          caption={t('monitoring.expert.others')}
          captionSize="s"
          head={[
            { text: t('monitoring.field.question') },
            { text: t('monitoring.field.value') },
            { text: t('monitoring.expert.others') },
          ]}
          rows={e.criteria.map((c) => [
            `${c.task}. ${c.questionRu}`,
            fmt(e.mine.get(c.id)?.value),
            e.others
              .filter((o) => o.criterionId === c.id)
              .map((o) => fmt(o.value))
              .join(', ') || '—',
          ])}
        />
      ) : (
        <Form action={`${BASE}/cycles/${year}/expert/${e.org.slug}`}>
          {e.criteria.map((c) => (
            <AnswerFields key={c.id} c={c} values={values} errors={errors} withEvidence={false} />
          ))}
          <ButtonGroup>
            <Button name="action" value="submit">
              {t('monitoring.self.submit')}
            </Button>
            <Button name="action" value="save" variant="secondary">
              {t('monitoring.self.save')}
            </Button>
          </ButtonGroup>
        </Form>
      )}
    </>
  );
}

type Diagnostic = Awaited<ReturnType<typeof getDiagnostic>>;

function DiagnosticView({ d }: { d: Diagnostic }) {
  const { t } = useView();
  return (
    <>
      <Heading caption={d.org.nameRu}>{t('monitoring.diagnostic.title')}</Heading>
      <p class="govuk-body-l">{t('monitoring.diagnostic.index', { index: fmt(d.index) })}</p>
      <p class="govuk-body">{t('monitoring.diagnostic.lead')}</p>
      <Table
        caption={t('monitoring.diagnostic.where')}
        captionSize="s"
        head={[
          { text: t('monitoring.field.task') },
          { text: t('monitoring.field.question') },
          { text: t('monitoring.org.basis') },
          { text: t('monitoring.diagnostic.lost'), numeric: true },
          { text: t('monitoring.diagnostic.action') },
        ]}
        rows={d.lines.map((l) => [
          l.task,
          l.question,
          l.basis,
          { content: fmt(l.lost), numeric: true },
          l.action && l.lost > 0 ? (
            <a class="govuk-link" href={l.action}>
              {t('monitoring.diagnostic.open')}
              <span class="govuk-visually-hidden"> {l.task}</span>
            </a>
          ) : (
            '—'
          ),
        ])}
      />
    </>
  );
}

// ---------- routes ----------

type YearParams = { year: string };
type YearSlugParams = { year: string; slug: string };
const notices: Record<string, string> = { saved: 'monitoring.saved' };

/** The staff pages under /manage/monitoring. */
export async function monitoringManageRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const crumbs = (req: FastifyRequest) => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: BASE, text: req.t('monitoring.manage.title') },
  ];
  const notice = (req: FastifyRequest) => {
    const key = (req.query as Record<string, unknown> | undefined)?.notice;
    if (typeof key === 'string' && Object.hasOwn(notices, key))
      req.flash = { kind: 'success', text: req.t(notices[key] as string) };
  };

  app.get(BASE, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const o = await getMonitoringOverview(deps, req.actor);
    return reply.page(req.t('monitoring.manage.title'), <OverviewView o={o} />, {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('monitoring.manage.title') },
      ],
    });
  });

  app.get<{ Params: { slug: string } }>(`${BASE}/diagnostic/:slug`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const d = await getDiagnostic(deps, req.actor, req.params.slug);
    return reply.page(`${req.t('monitoring.diagnostic.title')}: ${d.org.nameRu}`, <DiagnosticView d={d} />, {
      breadcrumbs: [...crumbs(req), { text: req.t('monitoring.diagnostic.title') }],
    });
  });

  // methodology
  const methodologyForm =
    (req: FastifyRequest, m: Methodology): RenderForm =>
    (form) => ({
      title: m.methodology.titleRu,
      body: <MethodologyView m={m} {...form} />,
      breadcrumbs: [...crumbs(req), { text: req.t('monitoring.methodology') }],
    });
  app.get(`${BASE}/methodology`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    notice(req);
    return showForm(req, reply, methodologyForm(req, await getMethodologyForStaff(deps, req.actor)));
  });
  app.post(`${BASE}/methodology/activate`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const m = await getMethodologyForStaff(deps, req.actor);
    return handleForm(req, reply, {
      schema: z.object({}),
      render: methodologyForm(req, m),
      run: async () => {
        await activateMethodology(deps, originOf(req), { methodologyId: m.methodology.id });
        return `${BASE}/methodology?notice=saved`;
      },
    });
  });

  const criterionForm =
    (req: FastifyRequest, c: CriterionRow): RenderForm =>
    (form) => ({
      title: req.t('monitoring.criterion.title', { code: c.code }),
      body: <CriterionView criterion={c} {...form} />,
      breadcrumbs: [
        ...crumbs(req),
        { href: `${BASE}/methodology`, text: req.t('monitoring.methodology') },
        { text: c.code },
      ],
    });
  app.get<{ Params: { code: string } }>(`${BASE}/criteria/:code`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { criterion: c } = await getCriterionForStaff(deps, req.actor, req.params.code);
    return showForm(req, reply, criterionForm(req, c), {
      questionRu: c.questionRu,
      weight: String(c.weight),
      scale: c.scale,
      source: c.source,
      appliesTo: c.appliesTo,
      evidenceRu: c.evidenceRu ?? '',
      autoKey: c.autoKey ?? '',
      direction: c.thresholds?.direction ?? '',
      step1: c.thresholds ? String(c.thresholds.steps[0]) : '',
      step2: c.thresholds ? String(c.thresholds.steps[1]) : '',
      step3: c.thresholds ? String(c.thresholds.steps[2]) : '',
    });
  });
  app.post<{ Params: { code: string } }>(`${BASE}/criteria/:code`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { criterion: c } = await getCriterionForStaff(deps, req.actor, req.params.code);
    return handleForm(req, reply, {
      schema: criterionInput,
      render: criterionForm(req, c),
      run: async (criterion) => {
        await saveCriterion(deps, originOf(req), { criterionId: c.id, criterion });
        return `${BASE}/methodology?notice=saved`;
      },
    });
  });

  // cycles
  const newCycleForm =
    (req: FastifyRequest, orgs: Orgs): RenderForm =>
    (form) => ({
      title: req.t('monitoring.cycle.new'),
      body: <NewCycleView orgs={orgs} {...form} />,
      breadcrumbs: [...crumbs(req), { text: req.t('monitoring.cycle.new') }],
    });
  app.get(`${BASE}/cycles/new`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const orgs = await listRatedOrganizations(deps, req.actor);
    const year = deps.clock.now().getUTCFullYear();
    return showForm(req, reply, newCycleForm(req, orgs), {
      year: String(year),
      cutoffOn: `${year + 1}-01-20`,
      orgIds: orgs.map((o) => o.id).join('\n'),
    });
  });
  app.post(`${BASE}/cycles/new`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const orgs = await listRatedOrganizations(deps, req.actor);
    return handleForm(req, reply, {
      schema: cycleInput,
      render: newCycleForm(req, orgs),
      run: async (input) => {
        const cycle = await openCycle(deps, originOf(req), input);
        return `${BASE}/cycles/${cycle.year}?notice=saved`;
      },
    });
  });

  const cycleForm =
    (req: FastifyRequest, c: CycleView): RenderForm =>
    (form) => ({
      title: req.t('monitoring.cycle.title', { year: c.cycle.year }),
      body: <CyclePage c={c} {...form} />,
      breadcrumbs: [...crumbs(req), { text: req.t('monitoring.cycle.title', { year: c.cycle.year }) }],
    });
  app.get<{ Params: YearParams }>(`${BASE}/cycles/:year`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    notice(req);
    return showForm(
      req,
      reply,
      cycleForm(req, await getCycleForStaff(deps, req.actor, yearOf(req.params.year))),
    );
  });
  const cycleAction = <S extends z.ZodType>(
    path: string,
    schema: S,
    run: (req: FastifyRequest<{ Params: YearParams }>, c: CycleView, data: z.infer<S>) => Promise<unknown>,
  ) =>
    app.post<{ Params: YearParams }>(`${BASE}/cycles/:year/${path}`, async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const c = await getCycleForStaff(deps, req.actor, yearOf(req.params.year));
      return handleForm(req, reply, {
        schema,
        render: cycleForm(req, c),
        run: async (data) => {
          await run(req, c, data);
          return `${BASE}/cycles/${c.cycle.year}?notice=saved`;
        },
      });
    });
  cycleAction('freeze', z.object({}), (req, c) =>
    freezeFigures(deps, originOf(req), { cycleId: c.cycle.id }),
  );
  cycleAction('publish', z.object({}), (req, c) =>
    publishRating(deps, originOf(req), { cycleId: c.cycle.id }),
  );
  cycleAction('assign', assignInput, (req, c, d) =>
    assignExpert(deps, originOf(req), { cycleId: c.cycle.id, ...d }),
  );
  cycleAction('reconcile', reconcileInput, (req, c, d) =>
    reconcileScore(deps, originOf(req), { cycleId: c.cycle.id, ...d }),
  );

  // self-assessment
  const selfForm =
    (req: FastifyRequest, s: Self): RenderForm =>
    (form) => ({
      title: req.t('monitoring.self.title', { year: s.cycle.year, org: s.org.nameRu }),
      body: (
        <SelfView
          s={s}
          canEdit={monitoringPolicyView.canSelfAssess(req, s.org.id)}
          canReturn={monitoringPolicyView.canRun(req)}
          {...form}
        />
      ),
      breadcrumbs: [
        ...crumbs(req),
        { text: req.t('monitoring.self.title', { year: s.cycle.year, org: s.org.nameRu }) },
      ],
    });
  const loadSelf = (req: FastifyRequest<{ Params: YearSlugParams }>) =>
    getSelfAssessment(deps, req.actor, { year: yearOf(req.params.year), slug: req.params.slug });
  app.get<{ Params: YearSlugParams }>(`${BASE}/cycles/:year/self/:slug`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    notice(req);
    const s = await loadSelf(req);
    const values: Record<string, string> = {};
    for (const [id, a] of s.answers) {
      if (a.value !== null) values[`v_${id}`] = String(a.value);
      if (a.evidenceUrl) values[`e_${id}`] = a.evidenceUrl;
      if (a.comment) values[`c_${id}`] = a.comment;
    }
    return showForm(req, reply, selfForm(req, s), values);
  });
  app.post<{ Params: YearSlugParams }>(`${BASE}/cycles/:year/self/:slug`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const s = await loadSelf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    return handleForm(req, reply, {
      schema: selfAssessmentInput,
      render: selfForm(req, s),
      run: async ({ action }) => {
        await saveSelfAssessment(deps, originOf(req), {
          cycleId: s.cycle.id,
          orgId: s.org.id,
          action,
          answers: answersOf(
            body,
            s.criteria.map((c) => c.id),
          ),
        });
        return `${BASE}/cycles/${s.cycle.year}/self/${s.org.slug}?notice=saved`;
      },
    });
  });
  app.post<{ Params: YearSlugParams }>(`${BASE}/cycles/:year/self/:slug/return`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    // the project office's action: refused before the form is read, so a body's staff learn nothing from it
    authorize(monitoringPolicy.canRun(req.actor));
    const s = await loadSelf(req);
    return handleForm(req, reply, {
      schema: returnInput,
      render: selfForm(req, s),
      run: async ({ remarks }) => {
        await returnSelfAssessment(deps, originOf(req), { cycleId: s.cycle.id, orgId: s.org.id, remarks });
        return `${BASE}/cycles/${s.cycle.year}/self/${s.org.slug}?notice=saved`;
      },
    });
  });

  // expert scores
  const expertForm =
    (req: FastifyRequest, e: Expert): RenderForm =>
    (form) => ({
      title: req.t('monitoring.expert.title', { year: e.cycle.year, org: e.org.nameRu }),
      body: <ExpertView e={e} {...form} />,
      breadcrumbs: [
        ...crumbs(req),
        { text: req.t('monitoring.expert.title', { year: e.cycle.year, org: e.org.nameRu }) },
      ],
    });
  const loadExpert = (req: FastifyRequest<{ Params: YearSlugParams }>) =>
    getExpertAssignment(deps, req.actor, { year: yearOf(req.params.year), slug: req.params.slug });
  app.get<{ Params: YearSlugParams }>(`${BASE}/cycles/:year/expert/:slug`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    notice(req);
    const e = await loadExpert(req);
    const values: Record<string, string> = {};
    for (const [id, s] of e.mine) {
      values[`v_${id}`] = String(s.value);
      if (s.comment) values[`c_${id}`] = s.comment;
    }
    return showForm(req, reply, expertForm(req, e), values);
  });
  app.post<{ Params: YearSlugParams }>(`${BASE}/cycles/:year/expert/:slug`, async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const e = await loadExpert(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    return handleForm(req, reply, {
      schema: expertScoresInput,
      render: expertForm(req, e),
      run: async ({ action }) => {
        await saveExpertScores(deps, originOf(req), {
          assignmentId: e.assignment.id,
          action,
          answers: answersOf(
            body,
            e.criteria.map((c) => c.id),
          ),
        });
        return `${BASE}/cycles/${e.cycle.year}/expert/${e.org.slug}?notice=saved`;
      },
    });
  });
}

/** The policy as the views ask it (what buttons to show); the use cases check again. */
const monitoringPolicyView = {
  canSelfAssess: (req: FastifyRequest, orgId: string) => monitoringPolicy.canSelfAssess(req.actor, orgId),
  canRun: (req: FastifyRequest) => monitoringPolicy.canRun(req.actor),
};
