import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { originOf } from '../../../../platform/audit/index.ts';
import { isSignedIn } from '../../../../platform/authz/index.ts';
import { type FieldError, Forbidden, InvalidInput } from '../../../../platform/errors/index.ts';
import { sendStoredFile, uploadsOf } from '../../../../platform/files/index.ts';
import {
  type FormState,
  type FormView,
  formValues,
  handleForm,
  type RenderForm,
  sendFormPage,
  showForm,
} from '../../../../platform/http/form-page.ts';
import { parseForm } from '../../../../platform/http/forms.ts';
import { firstValues, pageHref } from '../../../../platform/manage/filters.ts';
import { registerManageSection } from '../../../../platform/ui/manage-sections.ts';
import { listAllOrganizations } from '../../../orgs/index.ts';
import { answerAppeal } from '../../answer-appeal.ts';
import { withTemplate } from '../../answer-templates.ts';
import { applyAnswerTemplate } from '../../apply-answer-template.ts';
import { assignAppeal, assignAppeals } from '../../assign-appeal.ts';
import { buildMonthlyReport, type MonthlyReport, reportCsv, reportXlsx } from '../../build-monthly-report.ts';
import { classifyAppeal } from '../../classify-appeal.ts';
import { commentOnAppeal } from '../../comment-on-appeal.ts';
import { delayMediaRequest } from '../../delay-media-request.ts';
import { extendAppeal } from '../../extend-appeal.ts';
import { findTotkQuestions } from '../../find-totk-questions.ts';
import { forwardAppeal } from '../../forward-appeal.ts';
import { getAppealFileForStaff, getAppealForStaff } from '../../get-appeal-for-staff.ts';
import { leaveAppealWithoutAnswer } from '../../leave-appeal-without-answer.ts';
import { listAppealQueue } from '../../list-appeal-queue.ts';
import { returnComplaint } from '../../return-complaint.ts';
import { saveAnswerDraft } from '../../save-answer-draft.ts';
import {
  answerInput,
  applyTemplateInput,
  assignInput,
  bulkAssignInput,
  classifyInput,
  commentInput,
  draftInput,
  extendInput,
  forwardInput,
  leaveInput,
  mediaDelayInput,
  queueQueryInput,
  reportQueryInput,
  returnComplaintInput,
} from '../../staff.input.ts';
import '../../staff.messages.ts';
import '../../obstruction.messages.ts';
import type { QueueFilter } from '../../appeals.repository.ts';
import { staffPolicy } from '../../staff.policy.ts';
import { AppealPage, type TopicSearch } from './appeal-page.tsx';
import { appealsDeadlinesWeb } from './deadlines-page.tsx';
import { QueuePage, queueQuery } from './queue-page.tsx';
import { ReportPage } from './report-page.tsx';
import { appealsTemplatesWeb } from './templates-pages.tsx';

registerManageSection({
  key: 'appeals.queue',
  href: '/manage/appeals',
  titleKey: 'appeals.staff.queue.title',
  descriptionKey: 'appeals.staff.queue.description',
  order: 20,
  visible: staffPolicy.canOpenQueue,
});

const PAGE_SIZE = 50;

const notices: Record<string, string> = {
  assign: 'appeals.staff.done.assign',
  comment: 'appeals.staff.done.comment',
  classify: 'appeals.staff.done.classify',
  forward: 'appeals.staff.done.forward',
  extend: 'appeals.staff.done.extend',
  answer: 'appeals.staff.done.answer',
  draft: 'appeals.staff.done.draft',
  leave: 'appeals.staff.done.leave',
  return: 'appeals.staff.done.return',
  'media-delay': 'appeals.staff.done.media',
};

function signedIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return true;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return false;
}

/** The staff pages of appeals: the queue, an appeal with its action forms, the monthly ССТУ report. */
export async function appealsStaffWeb(app: FastifyInstance) {
  const { deps } = app;
  await appealsTemplatesWeb(app);
  await appealsDeadlinesWeb(app);
  const crumbs = (req: FastifyRequest) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/manage', text: req.t('ui.nav.manage') },
  ];
  const queueCrumbs = (req: FastifyRequest) => [
    ...crumbs(req),
    { href: '/manage/appeals', text: req.t('appeals.staff.queue.title') },
  ];

  /** The queue page for the filters of the address, with the bulk assignment form in a given state. */
  const queuePage = async (req: FastifyRequest, bulk: FormState): Promise<FormView> => {
    const values = firstValues(req.query);
    // the queue opens on the work: the appeals still owed an answer
    values.status ??= 'open';
    const parsed = parseForm(queueQueryInput, values);
    const q = parsed.ok ? parsed.data : { page: 1, sort: { key: 'due' as const, dir: 'asc' as const } };
    const filter: QueueFilter = {};
    if (parsed.ok) {
      const d = parsed.data;
      if (d.status && d.status !== 'open') filter.status = d.status;
      filter.open = d.status === 'open';
      filter.orgId = d.org;
      filter.officer = d.officer === 'me' && req.actor.kind === 'user' ? req.actor.userId : d.officer;
      filter.topic = d.topic;
      filter.dueWithin = d.due;
      filter.overdue = d.overdue;
      filter.obstruction = d.obstruction;
    }
    const res = await listAppealQueue(deps, req.actor, {
      filter,
      page: q.page,
      pageSize: PAGE_SIZE,
      sort: q.sort,
    });
    return {
      title: req.t('appeals.staff.queue.title'),
      body: (
        <QueuePage
          values={values}
          errors={parsed.ok ? [] : parsed.errors}
          bulk={bulk}
          items={res.items}
          total={res.total}
          page={q.page}
          pageSize={PAGE_SIZE}
          sort={q.sort}
          counts={res.counts}
          orgs={res.orgs}
          officers={res.officers}
          href={(n) => pageHref('/manage/appeals', values, n)}
          canReport={res.orgs.some((o) => staffPolicy.canReport(req.actor, o.id))}
        />
      ),
      breadcrumbs: crumbs(req),
    };
  };

  app.get('/manage/appeals', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const n = (req.query as Record<string, unknown>).assigned;
    if (typeof n === 'string' && /^\d{1,3}$/.test(n))
      req.flash = { kind: 'success', text: req.t('appeals.staff.done.bulk', { n }) };
    return showForm(req, reply, (bulk) => queuePage(req, bulk));
  });

  app.post('/manage/appeals/assign', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    return handleForm(req, reply, {
      schema: bulkAssignInput,
      render: (bulk) => queuePage(req, bulk),
      conflictField: 'ids',
      run: async (d) => {
        await assignAppeals(deps, originOf(req), d);
        const back = queueQuery(firstValues(req.query), { assigned: String(new Set(d.ids).size) });
        return `/manage/appeals${back}`;
      },
    });
  });

  app.get('/manage/appeals/report', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const all = await listAllOrganizations(deps.db);
    const orgs = all.filter((o) => staffPolicy.canReport(req.actor, o.id));
    if (orgs.length === 0) throw new Forbidden();
    const values = firstValues(req.query);
    let errors: FieldError[] = [];
    let report: MonthlyReport | null = null;
    if (values.org || values.month) {
      const parsed = parseForm(reportQueryInput, values);
      if (!parsed.ok) errors = parsed.errors;
      else {
        report = await buildMonthlyReport(deps, req.actor, {
          orgId: parsed.data.org,
          month: parsed.data.month,
        });
        const file = `appeals-${report.orgCode}-${report.month}`;
        if (parsed.data.format === 'csv')
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${file}.csv"`)
            .send(reportCsv(report));
        if (parsed.data.format === 'xlsx')
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', `attachment; filename="${file}.xlsx"`)
            .send(await reportXlsx(report));
      }
    } else {
      values.org = orgs[0]?.id ?? '';
      values.month = deps.clock.now().toISOString().slice(0, 7);
    }
    return reply.page(
      req.t('appeals.staff.report.title'),
      <ReportPage orgs={orgs} values={values} errors={errors} report={report} />,
      { status: errors.length > 0 ? 422 : 200, breadcrumbs: queueCrumbs(req) },
    );
  });

  const loadAppeal = async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const [data, orgs] = await Promise.all([
      getAppealForStaff(deps, originOf(req), { id: req.params.id }),
      listAllOrganizations(deps.db),
    ]);
    return { data, orgs };
  };
  /** The appeal page with one action's form in the given state; the appeal is read (and the read audited) once. */
  const appealPage = (
    req: FastifyRequest<{ Params: { id: string } }>,
    action: string | null,
    topicSearch: TopicSearch | null = null,
  ): RenderForm => {
    let loaded: ReturnType<typeof loadAppeal> | undefined;
    return async (form) => {
      loaded ??= loadAppeal(req);
      const { data, orgs } = await loaded;
      return {
        title: req.t('appeals.staff.appeal.title', { number: data.appeal.number }),
        body: (
          <AppealPage
            data={data}
            orgs={orgs}
            actor={req.actor}
            state={action ? { action, ...form } : null}
            topicSearch={topicSearch}
          />
        ),
        breadcrumbs: queueCrumbs(req),
      };
    };
  };

  app.get<{ Params: { id: string } }>(
    '/manage/appeals/:id',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!signedIn(req, reply)) return reply;
      const n = (req.query as Record<string, unknown>).notice;
      if (typeof n === 'string' && notices[n])
        req.flash = { kind: 'success', text: req.t(notices[n] as string) };
      // the classification control's search by words (a GET form: no JavaScript needed)
      const words = (req.query as Record<string, unknown>).topicq;
      const search = typeof words === 'string' ? await findTotkQuestions(deps, { words }) : null;
      return showForm(req, reply, appealPage(req, null, search));
    },
  );

  app.get<{ Params: { id: string; fileId: string } }>(
    '/manage/appeals/:id/files/:fileId',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!signedIn(req, reply)) return reply;
      const file = await getAppealFileForStaff(deps, originOf(req), req.params);
      return sendStoredFile(deps, reply, file);
    },
  );

  /** An action's form on the appeal page: through the form-page helper, a refusal (409) shown at its section. */
  function action<S extends z.ZodType>(
    name: string,
    schema: S,
    run: (req: FastifyRequest<{ Params: { id: string } }>, data: z.infer<S>) => Promise<unknown>,
  ) {
    app.post<{ Params: { id: string } }>(
      `/manage/appeals/:id/${name}`,
      { schema: { hide: true } },
      async (req, reply) => {
        if (!signedIn(req, reply)) return reply;
        return handleForm(req, reply, {
          schema,
          render: appealPage(req, name),
          conflictField: firstField(name),
          run: async (data) => {
            await run(req, data);
            return `/manage/appeals/${req.params.id}?notice=${name}#${firstField(name)}`;
          },
        });
      },
    );
  }

  action('comment', commentInput, (req, d) =>
    commentOnAppeal(deps, originOf(req), { id: req.params.id, text: d.commentText }),
  );
  action('assign', assignInput, (req, d) =>
    assignAppeal(deps, originOf(req), { id: req.params.id, userId: d.userId }),
  );
  action('classify', classifyInput, (req, d) =>
    classifyAppeal(deps, originOf(req), { id: req.params.id, questions: d.questions }),
  );
  action('forward', forwardInput, (req, d) =>
    forwardAppeal(deps, originOf(req), { id: req.params.id, ...d }),
  );
  action('return', returnComplaintInput, (req, d) =>
    returnComplaint(deps, originOf(req), {
      id: req.params.id,
      complainedOrgId: d.returnComplainedOrg,
      reason: d.returnReason,
    }),
  );
  action('media-delay', mediaDelayInput, (req, d) =>
    delayMediaRequest(deps, originOf(req), { id: req.params.id, until: d.until, reason: d.delayReason }),
  );
  // «Вставить шаблон» on the answer (or draft) form: the page again, the template below the typed text
  app.post<{ Params: { id: string } }>(
    '/manage/appeals/:id/template',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!signedIn(req, reply)) return reply;
      const values = formValues(req.body);
      const target = 'draftText' in values ? 'draft' : 'answer';
      const field = target === 'draft' ? 'draftText' : 'text';
      const render = appealPage(req, target);
      const parsed = parseForm(applyTemplateInput, req.body ?? {});
      if (!parsed.ok) return sendFormPage(req, reply, render, { values, errors: parsed.errors });
      try {
        const filled = await applyAnswerTemplate(deps, originOf(req), {
          id: req.params.id,
          templateId: parsed.data.template,
        });
        return sendFormPage(req, reply, render, {
          values: { ...values, [field]: withTemplate(values[field], filled) },
          errors: [],
        });
      } catch (err) {
        if (err instanceof InvalidInput)
          return sendFormPage(req, reply, render, { values, errors: err.errors });
        throw err;
      }
    },
  );
  action('extend', extendInput, (req, d) =>
    extendAppeal(deps, originOf(req), { id: req.params.id, days: d.days, reason: d.extendReason }),
  );
  action('answer', answerInput, (req, d) =>
    answerAppeal(deps, originOf(req), { id: req.params.id, ...d, files: uploadsOf(req.body, 'answerFiles') }),
  );
  action('draft', draftInput, (req, d) =>
    saveAnswerDraft(deps, originOf(req), { id: req.params.id, text: d.draftText }),
  );
  action('leave', leaveInput, (req, d) =>
    leaveAppealWithoutAnswer(deps, originOf(req), {
      id: req.params.id,
      reason: d.reason,
      link: d.link,
      addressReadable: d.addressUnreadable !== 'yes',
      comment: d.comment,
      crimeReportTo: d.crimeReportTo,
    }),
  );
}

/** A refused action's message links to its section's heading (each action's h3 has the action's name as id). */
function firstField(action: string): string {
  return action === 'draft' ? 'answer' : action === 'comment' ? 'comments' : action;
}
