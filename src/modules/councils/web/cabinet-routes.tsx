import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { formatDateTime } from '../../../platform/calendar/format.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  SummaryList,
  Table,
  Tag,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { Checkboxes, Textarea, TextInput } from '../../../platform/ui/fields.tsx';
import { answerPoolOpinion } from '../answer-pool-opinion.ts';
import { idOrNotFound } from '../council-access.ts';
import { foldScores, opinionAnswerInput, scoreInput } from '../councils.input.ts';
import { getScoringPage, type ScoringPage } from '../get-call-page.ts';
import { type CouncilsCabinet, getCouncilsCabinet, getOpinionRequest } from '../get-councils-cabinet.ts';
import { scoreCandidate } from '../score-candidate.ts';
import { callHref, meetingHref, noticeFrom, redirectToSignIn } from './common.tsx';

function CabinetView({ c }: { c: CouncilsCabinet }) {
  const { t, locale } = useView();
  const nothing = !c.applications.length && !c.registrations.length && !c.isExpert && !c.pool;
  return (
    <>
      <h1 class="govuk-heading-xl">{t('councils.cabinet.title')}</h1>
      {nothing && <p class="govuk-body">{t('councils.cabinet.nothing')}</p>}
      {c.applications.length > 0 && (
        <>
          <h2 class="govuk-heading-l">{t('councils.cabinet.applications')}</h2>
          <ul class="govuk-list">
            {c.applications.map((a) => (
              <li key={a.id}>
                <a class="govuk-link" href={callHref(a.callId)}>
                  {a.callTitle}
                </a>{' '}
                <Tag>{t(`councils.application.status.${a.status}`)}</Tag>
              </li>
            ))}
          </ul>
        </>
      )}
      {c.registrations.length > 0 && (
        <>
          <h2 class="govuk-heading-l">{t('councils.cabinet.registrations')}</h2>
          <ul class="govuk-list">
            {c.registrations.map(({ r, m, councilName }) => (
              <li key={r.id}>
                <a class="govuk-link" href={meetingHref(m.id)}>
                  {councilName}: {formatDateTime(m.startsAt, locale)}
                </a>{' '}
                <Tag>{t(`councils.cabinet.status.${r.status}`)}</Tag>
              </li>
            ))}
          </ul>
        </>
      )}
      {c.isExpert && (
        <>
          <h2 class="govuk-heading-l">{t('councils.cabinet.scoring')}</h2>
          <p class="govuk-body">{t('councils.cabinet.scoringLead')}</p>
          <Table
            caption={t('councils.cabinet.scoring')}
            captionSize="s"
            head={[{ text: t('councils.call.candidate') }, { text: t('councils.calls.title') }, { text: '' }]}
            rows={c.scoring.map((s) => [
              s.application.fullName,
              s.callTitle,
              s.own ? (
                t('councils.cabinet.own')
              ) : s.recused ? (
                t('councils.cabinet.recused')
              ) : s.done ? (
                <a
                  class="govuk-link"
                  href={`/cabinet/councils/score/${s.application.id}`}
                  key={s.application.id}
                >
                  {t('councils.cabinet.scored')}
                </a>
              ) : (
                <a
                  class="govuk-link"
                  href={`/cabinet/councils/score/${s.application.id}`}
                  key={s.application.id}
                >
                  {t('councils.cabinet.score')}
                  <span class="govuk-visually-hidden">: {s.application.fullName}</span>
                </a>
              ),
            ])}
          />
        </>
      )}
      {c.pool && (
        <>
          <h2 class="govuk-heading-l">{t('councils.cabinet.opinions')}</h2>
          <ul class="govuk-list">
            {c.opinions.map((o) => (
              <li key={o.id}>
                <a class="govuk-link" href={`/cabinet/councils/opinions/${o.id}`}>
                  {o.councilName}
                </a>{' '}
                {o.answeredAt ? (
                  <Tag colour="green">{t('councils.cabinet.answered')}</Tag>
                ) : (
                  <Tag colour="yellow">{t('councils.cabinet.answer')}</Tag>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ScoreView({
  page,
  values,
  errors,
}: {
  page: ScoringPage;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = useView();
  const a = page.application;
  const scoreOf = (criterionId: string) => page.mine.find((s) => s.criterionId === criterionId)?.score;
  const blocked = page.isCandidate || page.recused || page.mine.length > 0;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span class="govuk-caption-l">{page.call.titleRu}</span>
      <h1 class="govuk-heading-xl">
        {t('councils.score.title')}: {a.fullName}
      </h1>
      <SummaryList
        rows={[
          { key: t('councils.apply.expertise'), value: a.expertise },
          { key: t('councils.apply.referenceGroup'), value: a.referenceGroup ?? '—' },
          { key: t('councils.apply.motivation'), value: a.motivation },
          { key: t('councils.apply.documents'), value: a.documents.join('; ') || '—' },
        ]}
      />
      {page.isCandidate && <InsetText>{t('councils.score.ownApplication')}</InsetText>}
      {page.recused && <InsetText>{t('councils.score.recusedNote')}</InsetText>}
      {page.mine.length > 0 && (
        <Table
          caption={t('councils.score.mine')}
          captionSize="s"
          head={[{ text: t('councils.call.criterion') }, { text: t('councils.call.total'), numeric: true }]}
          rows={page.criteria.map((c) => [
            c.nameRu,
            { content: String(scoreOf(c.id) ?? '—'), numeric: true },
          ])}
        />
      )}
      {page.others ? (
        <Table
          caption={t('councils.score.others')}
          captionSize="s"
          head={[{ text: t('councils.call.criterion') }, { text: t('councils.call.total'), numeric: true }]}
          rows={page.criteria.map((c) => [
            c.nameRu,
            {
              content: page.others
                ?.filter((s) => s.criterionId === c.id)
                .map((s) => s.score)
                .join(', '),
              numeric: true,
            },
          ])}
        />
      ) : (
        <p class="govuk-body">{t('councils.score.othersHidden')}</p>
      )}
      {!blocked && (
        <Form action={`/cabinet/councils/score/${a.id}`}>
          {page.criteria.map((c) => (
            <TextInput
              key={c.id}
              name={`score-${c.id}`}
              label={`${c.nameRu} (${t('councils.call.weight')}: ${c.weight})`}
              hint={t('councils.score.hint', { max: String(page.call.scaleMax) })}
              value={values[`score-${c.id}`]}
              errors={errors}
              width="3"
              inputmode="numeric"
            />
          ))}
          <Checkboxes
            name="conflict"
            legend={t('councils.apply.statements')}
            legendSize="s"
            values={values.conflict}
            errors={errors}
            items={[{ value: 'yes', text: t('councils.score.conflict') }]}
          />
          <Textarea name="reason" label={t('councils.score.reason')} value={values.reason} errors={errors} />
          <Button>{t('councils.score.submit')}</Button>
        </Form>
      )}
    </>
  );
}

function OpinionView({
  request,
  values,
  errors,
}: {
  request: Awaited<ReturnType<typeof getOpinionRequest>>;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('councils.opinion.title')}</h1>
      <SummaryList
        rows={[
          { key: t('councils.opinion.from'), value: request.councilName },
          { key: t('councils.opinions.question'), value: request.question },
          ...(request.answer ? [{ key: t('councils.opinions.answer'), value: request.answer }] : []),
        ]}
      />
      {!request.answer && (
        <Form action={`/cabinet/councils/opinions/${request.id}`}>
          <Textarea
            name="answer"
            label={t('councils.opinions.answer')}
            value={values.answer}
            errors={errors}
            rows={8}
          />
          <Button>{t('councils.opinion.submit')}</Button>
        </Form>
      )}
    </>
  );
}

type IdParams = { id: string };

/** «Советы» in the cabinet: applications, registrations, scoring (experts), opinions (pool). */
export async function councilsCabinetRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const crumbs = (req: FastifyRequest) => [
    { href: '/cabinet', text: req.t('ui.nav.cabinet') },
    { href: '/cabinet/councils', text: req.t('councils.cabinet.title') },
  ];

  app.get('/cabinet/councils', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const c = await getCouncilsCabinet(deps, req.actor);
    noticeFrom(req, { scored: 'councils.score.done', answered: 'councils.opinion.done' });
    return reply.page(req.t('councils.cabinet.title'), <CabinetView c={c} />, {
      breadcrumbs: [
        { href: '/cabinet', text: req.t('ui.nav.cabinet') },
        { text: req.t('councils.cabinet.title') },
      ],
    });
  });

  const scoreForm =
    (req: FastifyRequest, page: ScoringPage): RenderForm =>
    (form) => ({
      title: `${req.t('councils.score.title')}: ${page.application.fullName}`,
      body: <ScoreView page={page} {...form} />,
      breadcrumbs: [...crumbs(req), { text: req.t('councils.score.title') }],
    });
  app.get<{ Params: IdParams }>('/cabinet/councils/score/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const page = await getScoringPage(deps, req.actor, idOrNotFound(req.params.id));
    return showForm(req, reply, scoreForm(req, page));
  });
  app.post<{ Params: IdParams }>('/cabinet/councils/score/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const page = await getScoringPage(deps, req.actor, idOrNotFound(req.params.id));
    return handleForm(req, reply, {
      schema: scoreInput,
      input: foldScores,
      render: scoreForm(req, page),
      run: async (score) => {
        await scoreCandidate(deps, originOf(req), { applicationId: page.application.id, score });
        return '/cabinet/councils?notice=scored';
      },
    });
  });

  const opinionForm =
    (req: FastifyRequest, request: Awaited<ReturnType<typeof getOpinionRequest>>): RenderForm =>
    (form) => ({
      title: req.t('councils.opinion.title'),
      body: <OpinionView request={request} {...form} />,
      breadcrumbs: [...crumbs(req), { text: req.t('councils.opinion.title') }],
    });
  app.get<{ Params: IdParams }>('/cabinet/councils/opinions/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const request = await getOpinionRequest(deps, req.actor, idOrNotFound(req.params.id));
    return showForm(req, reply, opinionForm(req, request));
  });
  app.post<{ Params: IdParams }>('/cabinet/councils/opinions/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const request = await getOpinionRequest(deps, req.actor, idOrNotFound(req.params.id));
    return handleForm(req, reply, {
      schema: opinionAnswerInput,
      render: opinionForm(req, request),
      run: async ({ answer }) => {
        await answerPoolOpinion(deps, originOf(req), { requestId: request.id, answer });
        return '/cabinet/councils?notice=answered';
      },
    });
  });
}
