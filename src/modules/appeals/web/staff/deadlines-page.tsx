import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../../platform/audit/index.ts';
import { isSignedIn } from '../../../../platform/authz/index.ts';
import type { FieldError } from '../../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../../platform/http/form-page.ts';
import {
  Button,
  ErrorSummary,
  Fieldset,
  Form,
  InsetText,
  Radios,
  Tag,
  TextInput,
} from '../../../../platform/ui/components.tsx';
import { useView } from '../../../../platform/ui/context.ts';
import { registerManageSection } from '../../../../platform/ui/manage-sections.ts';
import { type DeadlineSettings, deadlineSettings } from '../../appeals.model.ts';
import { CHOICE_TERMS, DAY_TERMS, TERM_GROUPS } from '../../appeals.settings.ts';
import { changeDeadlineSettings } from '../../change-deadline-settings.ts';
import { getDeadlineSettings } from '../../get-deadline-settings.ts';
import { deadlineSettingsInput } from '../../staff.input.ts';
import { staffPolicy } from '../../staff.policy.ts';
import '../../deadlines.messages.ts';

/*
 * The deadline settings (issue 10): /manage/appeals/deadlines shows each legal
 * term with its basis, its default and its bounds, and lets an administrator
 * change it. New appeals take the new terms; registered ones keep theirs.
 */

registerManageSection({
  key: 'appeals.deadlines',
  href: '/manage/appeals/deadlines',
  titleKey: 'appeals.deadlines.title',
  descriptionKey: 'appeals.deadlines.description',
  order: 95,
  visible: staffPolicy.canManageDeadlines,
});

const DEFAULTS = deadlineSettings.parse({});

function DeadlinesView({ values, errors }: { values: Record<string, string>; errors: FieldError[] }) {
  const { t } = useView();
  const hintOf = (key: string, extra: string) => (
    <>
      {t(`appeals.deadlines.${key}.basis`)} {extra}
    </>
  );
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-xl">{t('appeals.deadlines.title')}</h1>
      <p class="govuk-body">{t('appeals.deadlines.lead')}</p>
      <InsetText>{t('appeals.deadlines.scope')}</InsetText>
      <Form action="/manage/appeals/deadlines">
        {TERM_GROUPS.map((group) => (
          <Fieldset key={group} legend={t(`appeals.deadlines.group.${group}`)} legendSize="m">
            {DAY_TERMS.filter((d) => d.group === group).map((d) => (
              <TextInput
                key={d.key}
                name={d.key}
                label={
                  <>
                    {t(`appeals.deadlines.${d.key}`)}
                    {d.verify && (
                      <>
                        {' '}
                        <Tag colour="yellow">{t('appeals.deadlines.verify')}</Tag>
                      </>
                    )}
                  </>
                }
                hint={hintOf(
                  d.key,
                  `${t('appeals.deadlines.default', { value: String(DEFAULTS[d.key]) })} ${t('appeals.deadlines.range', { min: d.min, max: d.max })}`,
                )}
                value={values[d.key]}
                errors={errors}
                width="3"
                inputmode="numeric"
                spellcheck={false}
                autocomplete="off"
              />
            ))}
            {Object.entries(CHOICE_TERMS)
              .filter(([, c]) => c.group === group)
              .map(([key, c]) => (
                <Radios
                  key={key}
                  name={key}
                  legend={t(`appeals.deadlines.${key}`)}
                  legendSize="s"
                  hint={hintOf(key, '')}
                  value={values[key]}
                  errors={errors}
                  small
                  items={c.options.map((o) => ({ value: o, text: t(`appeals.deadlines.${key}.${o}`) }))}
                />
              ))}
          </Fieldset>
        ))}
        <Button>{t('appeals.deadlines.save')}</Button>
      </Form>
    </>
  );
}

const asValues = (s: DeadlineSettings): Record<string, string> =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)]));

/** /manage/appeals/deadlines: the administrator's page of the appeals' legal terms. */
export async function appealsDeadlinesWeb(app: FastifyInstance) {
  const { deps } = app;
  const signedIn = (req: FastifyRequest, reply: FastifyReply) => {
    if (isSignedIn(req.actor)) return true;
    reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
    return false;
  };
  const render =
    (req: FastifyRequest): RenderForm =>
    (form) => ({
      title: req.t('appeals.deadlines.title'),
      body: <DeadlinesView {...form} />,
      breadcrumbs: [
        { href: '/', text: req.t('ui.nav.home') },
        { href: '/manage', text: req.t('ui.nav.manage') },
      ],
    });

  app.get('/manage/appeals/deadlines', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const n = (req.query as Record<string, unknown>).notice;
    if (n === 'saved' || n === 'unchanged')
      req.flash = { kind: 'success', text: req.t(`appeals.deadlines.${n}`) };
    const settings = await getDeadlineSettings(deps, req.actor);
    return showForm(req, reply, render(req), asValues(settings));
  });

  app.post('/manage/appeals/deadlines', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    await getDeadlineSettings(deps, req.actor);
    return handleForm(req, reply, {
      schema: deadlineSettingsInput,
      render: render(req),
      run: async (settings) => {
        const { changed } = await changeDeadlineSettings(deps, originOf(req), { settings });
        return `/manage/appeals/deadlines?notice=${changed.length ? 'saved' : 'unchanged'}`;
      },
    });
  });
}
