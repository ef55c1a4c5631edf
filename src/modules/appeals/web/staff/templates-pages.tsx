import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../../platform/audit/index.ts';
import { isSignedIn } from '../../../../platform/authz/index.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../../platform/http/form-page.ts';
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  Form,
  Select,
  Table,
  Textarea,
  TextInput,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import { registerManageSection } from '../../../../platform/ui/manage-sections.ts';
import type { OrgRow } from '../../../orgs/index.ts';
import { PLACEHOLDER_LABELS, PLACEHOLDERS } from '../../answer-templates.ts';
import { deleteAnswerTemplate } from '../../delete-answer-template.ts';
import { getAnswerTemplate, listAnswerTemplates } from '../../list-answer-templates.ts';
import { saveAnswerTemplate } from '../../save-answer-template.ts';
import { answerTemplateInput } from '../../staff.input.ts';
import { staffPolicy } from '../../staff.policy.ts';
import type { AnswerTemplateRow } from '../../templates.repository.ts';

/*
 * A body's answer templates (issue 10): /manage/appeals/templates lists those of
 * the bodies the person works appeals for; each is a title and a text whose
 * placeholders are filled from the appeal when an official inserts it.
 */

registerManageSection({
  key: 'appeals.templates',
  href: '/manage/appeals/templates',
  titleKey: 'appeals.templates.title',
  descriptionKey: 'appeals.templates.description',
  order: 21,
  visible: (actor) => {
    const ids = staffPolicy.templateOrgIds(actor);
    return ids === 'all' || ids.length > 0;
  },
});

const orgLabel = (o: OrgRow, locale: 'ru' | 'en') => (locale === 'en' && o.nameEn ? o.nameEn : o.nameRu);

function TemplatesListView({ templates, orgs }: { templates: AnswerTemplateRow[]; orgs: OrgRow[] }) {
  const { t, locale } = useView();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (
    <>
      <h1 class="govuk-heading-xl">{t('appeals.templates.title')}</h1>
      <p class="govuk-body">{t('appeals.templates.lead')}</p>
      <Button href="/manage/appeals/templates/new">{t('appeals.templates.new')}</Button>
      {templates.length === 0 ? (
        <p class="govuk-body">{t('appeals.templates.none')}</p>
      ) : (
        <Table
          label={t('appeals.templates.title')}
          head={[{ text: t('appeals.templates.field.title') }, { text: t('appeals.templates.field.org') }]}
          rows={templates.map((x) => [
            <a class="govuk-link" href={`/manage/appeals/templates/${x.id}`} key="t">
              {x.title}
            </a>,
            byId.has(x.orgId) ? orgLabel(byId.get(x.orgId) as OrgRow, locale) : '',
          ])}
        />
      )}
    </>
  );
}

function TemplateFormView({
  item,
  orgs,
  values,
  errors,
}: {
  item: AnswerTemplateRow | null;
  orgs: OrgRow[];
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const org = item ? orgs.find((o) => o.id === item.orgId) : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      {org && <span class="govuk-caption-l">{orgLabel(org, locale)}</span>}
      <h1 class="govuk-heading-xl">{t(item ? 'appeals.templates.edit' : 'appeals.templates.new')}</h1>
      <Form action={item ? `/manage/appeals/templates/${item.id}` : '/manage/appeals/templates/new'}>
        {item ? (
          <input type="hidden" name="orgId" value={item.orgId} />
        ) : (
          <Select
            name="orgId"
            label={t('appeals.templates.field.org')}
            value={values.orgId}
            errors={errors}
            items={[
              { value: '', text: t('appeals.templates.org.choose') },
              ...orgs.map((o) => ({ value: o.id, text: orgLabel(o, locale) })),
            ]}
          />
        )}
        <TextInput
          name="title"
          label={t('appeals.templates.field.title')}
          hint={t('appeals.templates.field.titleHint')}
          value={values.title}
          errors={errors}
        />
        <Textarea
          name="text"
          label={t('appeals.templates.field.text')}
          hint={
            <>
              {t('appeals.templates.field.textHint')}
              <ul class="govuk-list">
                {PLACEHOLDERS.map((p) => (
                  <li key={p}>
                    <code lang="ru">{`{${p}}`}</code> —{' '}
                    {t(`appeals.templates.placeholder.${PLACEHOLDER_LABELS[p]}`)}
                  </li>
                ))}
              </ul>
            </>
          }
          value={values.text}
          errors={errors}
          rows={12}
        />
        <Button>{t('appeals.templates.save')}</Button>
      </Form>
      {item && (
        <ButtonGroup>
          <Form action={`/manage/appeals/templates/${item.id}/delete`}>
            <Button variant="warning">{t('appeals.templates.delete')}</Button>
          </Form>
        </ButtonGroup>
      )}
    </>
  );
}

/** The /manage pages of answer templates. */
export async function appealsTemplatesWeb(app: FastifyInstance) {
  const { deps } = app;
  const signedIn = (req: FastifyRequest, reply: FastifyReply) => {
    if (isSignedIn(req.actor)) return true;
    reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
    return false;
  };
  const crumbs = (req: FastifyRequest) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: '/manage/appeals/templates', text: req.t('appeals.templates.title') },
  ];
  const notice = (req: FastifyRequest) => {
    const n = (req.query as Record<string, unknown>).notice;
    if (n === 'saved' || n === 'deleted')
      req.flash = { kind: 'success', text: req.t(`appeals.templates.${n}`) };
  };
  const form =
    (req: FastifyRequest, item: AnswerTemplateRow | null, orgs: OrgRow[]): RenderForm =>
    (f) => ({
      title: req.t(item ? 'appeals.templates.edit' : 'appeals.templates.new'),
      body: <TemplateFormView item={item} orgs={orgs} {...f} />,
      breadcrumbs: crumbs(req),
    });

  app.get('/manage/appeals/templates', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    notice(req);
    const { templates, orgs } = await listAnswerTemplates(deps, req.actor);
    return reply.page(
      req.t('appeals.templates.title'),
      <TemplatesListView templates={templates} orgs={orgs} />,
      {
        breadcrumbs: crumbs(req).slice(0, 2),
      },
    );
  });

  app.get('/manage/appeals/templates/new', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const { orgs } = await listAnswerTemplates(deps, req.actor);
    const values: Record<string, string> = orgs.length === 1 ? { orgId: (orgs[0] as OrgRow).id } : {};
    return showForm(req, reply, form(req, null, orgs), values);
  });

  app.post('/manage/appeals/templates/new', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const { orgs } = await listAnswerTemplates(deps, req.actor);
    return handleForm(req, reply, {
      schema: answerTemplateInput,
      render: form(req, null, orgs),
      run: async (template) => {
        const row = await saveAnswerTemplate(deps, originOf(req), { template });
        return `/manage/appeals/templates/${row.id}?notice=saved`;
      },
    });
  });

  app.get<{ Params: { id: string } }>(
    '/manage/appeals/templates/:id',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!signedIn(req, reply)) return reply;
      notice(req);
      const item = await getAnswerTemplate(deps, req.actor, req.params.id);
      const { orgs } = await listAnswerTemplates(deps, req.actor);
      return showForm(req, reply, form(req, item, orgs), {
        orgId: item.orgId,
        title: item.title,
        text: item.text,
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/manage/appeals/templates/:id',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!signedIn(req, reply)) return reply;
      const item = await getAnswerTemplate(deps, req.actor, req.params.id);
      const { orgs } = await listAnswerTemplates(deps, req.actor);
      return handleForm(req, reply, {
        schema: answerTemplateInput,
        // a template stays with its body whatever the form says
        input: (body) => ({ ...body, orgId: item.orgId }),
        render: form(req, item, orgs),
        run: async (template) => {
          await saveAnswerTemplate(deps, originOf(req), { id: item.id, template });
          return `/manage/appeals/templates/${item.id}?notice=saved`;
        },
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/manage/appeals/templates/:id/delete',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!signedIn(req, reply)) return reply;
      await deleteAnswerTemplate(deps, originOf(req), { id: req.params.id });
      return reply.redirect('/manage/appeals/templates?notice=deleted', 303);
    },
  );
}
