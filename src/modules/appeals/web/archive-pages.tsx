import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { Conflict, type FieldError, Forbidden, NotFound } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import {
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Pagination,
  Table,
  Textarea,
  TextInput,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { registerManageSection } from '../../../platform/ui/manage-sections.ts';
import { findOrganizationBySlug, listAllOrganizations, type OrgRow } from '../../orgs/index.ts';
import { type Finding, masks } from '../anonymise.ts';
import { type ArchiveEntryRow, archiveRepository } from '../archive/archive.repository.ts';
import { type ArchiveDraft, getArchiveDraft, publishArchiveEntry } from '../archive/publish-archive-entry.ts';
import '../cabinet.messages.ts';
import { publicSidePolicy } from '../public.policy.ts';

/*
 * The public archive of answered appeals (issue 10, the activist; the
 * WhatDoTheyKnow model within 59-ФЗ and 152-ФЗ): /orgs/<slug>/appeals/archive
 * with its search box, one page per entry; staff publish an appeal whose author
 * consented, anonymised, at /manage/appeals/archive.
 */

registerManageSection({
  key: 'appeals.archive',
  href: '/manage/appeals/archive',
  titleKey: 'appeals.archive.manage.title',
  descriptionKey: 'appeals.archive.manage.lead',
  order: 24,
  visible: publicSidePolicy.canManageAny,
});

const PAGE = 20;
const archivePath = (slug: string) => `/orgs/${slug}/appeals/archive`;
const entryPath = (slug: string, number: string) => `${archivePath(slug)}/${encodeURIComponent(number)}`;

function orgName(org: OrgRow, locale: string) {
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

function Lines({ text }: { text: string }) {
  return <div class="govuk-body app-preserve-lines">{text}</div>;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  return line.length > 160 ? `${line.slice(0, line.lastIndexOf(' ', 157))}…` : line;
}

function ArchiveListView({
  org,
  rows,
  total,
  page,
  q,
}: {
  org: OrgRow;
  rows: ArchiveEntryRow[];
  total: number;
  page: number;
  q: string;
}) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-xl">{t('appeals.archive.title')}</h1>
      <p class="govuk-body-l">{t('appeals.archive.lead')}</p>
      <Form action={archivePath(org.slug)} method="get">
        <TextInput name="q" label={t('appeals.archive.search')} value={q} type="search" width="two-thirds" />
        <Button variant="secondary">{t('appeals.archive.find')}</Button>
      </Form>
      <p class="govuk-body" id="archive-count">
        {q ? t('appeals.archive.found', { n: total, q }) : t('appeals.archive.count', { n: total })}
      </p>
      {rows.length === 0 ? (
        <p class="govuk-body">{t(q ? 'appeals.archive.noneFound' : 'appeals.archive.none')}</p>
      ) : (
        <ul class="govuk-list govuk-list--spaced" id="archive-entries">
          {rows.map((e) => (
            <li key={e.id}>
              <a class="govuk-link" href={entryPath(org.slug, e.number)}>
                {t('appeals.archive.entry', { number: e.number })}
              </a>
              <span class="govuk-body-s govuk-!-display-block">
                {t('appeals.archive.answered', { date: formatLocalDate(e.answeredOn) })}
              </span>
              <span class="govuk-!-display-block">{firstLine(e.question)}</span>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        total={Math.max(1, Math.ceil(total / PAGE))}
        href={(p) =>
          `${archivePath(org.slug)}?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`
        }
      />
      <InsetText>{t('appeals.archive.about')}</InsetText>
    </>
  );
}

function ArchiveEntryView({ org, e }: { org: OrgRow; e: ArchiveEntryRow }) {
  const { t, locale } = useView();
  return (
    <>
      <span class="govuk-caption-l">{orgName(org, locale)}</span>
      <h1 class="govuk-heading-l">{t('appeals.archive.entry', { number: e.number })}</h1>
      <p class="govuk-body-s">{t('appeals.archive.answered', { date: formatLocalDate(e.answeredOn) })}</p>
      <h2 class="govuk-heading-m">{t('appeals.archive.question')}</h2>
      <Lines text={e.question} />
      <h2 class="govuk-heading-m">{t('appeals.archive.answer')}</h2>
      <Lines text={e.answer} />
      <InsetText>{t('appeals.archive.about')}</InsetText>
      <p class="govuk-body">
        <a class="govuk-link" href={archivePath(org.slug)}>
          {t('appeals.archive.back')}
        </a>
      </p>
    </>
  );
}

function FindingsList({ findings }: { findings: Finding[] }) {
  const { t } = useView();
  if (findings.length === 0) return <p class="govuk-body-s">{t('appeals.archive.manage.noFindings')}</p>;
  return (
    <p class="govuk-body-s">
      {t('appeals.archive.manage.masked', {
        list: [...new Set(findings.map((f) => masks[f.kind]))].join(', '),
        n: findings.length,
      })}
    </p>
  );
}

function ManageListView({
  candidates,
  orgs,
}: {
  candidates: { number: string; orgId: string; answeredAt: Date | null }[];
  orgs: OrgRow[];
}) {
  const { t, locale } = useView();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return (
    <>
      <h1 class="govuk-heading-l">{t('appeals.archive.manage.title')}</h1>
      <p class="govuk-body">{t('appeals.archive.manage.lead')}</p>
      {candidates.length === 0 ? (
        <p class="govuk-body">{t('appeals.archive.manage.none')}</p>
      ) : (
        <Table
          label={t('appeals.archive.manage.title')}
          head={[{ text: t('appeals.archive.manage.number') }, { text: t('appeals.archive.manage.org') }]}
          rows={candidates.map((c) => [
            <a key="n" class="govuk-link" href={`/manage/appeals/archive/${encodeURIComponent(c.number)}`}>
              {c.number}
            </a>,
            byId.get(c.orgId) ? orgName(byId.get(c.orgId) as OrgRow, locale) : '—',
          ])}
        />
      )}
      <ul class="govuk-list">
        {orgs.map((o) => (
          <li key={o.id}>
            <a class="govuk-link" href={archivePath(o.slug)}>
              {t('appeals.archive.title')}: {orgName(o, locale)}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function PublishView({
  d,
  values,
  errors,
}: {
  d: ArchiveDraft;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t } = useView();
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('appeals.archive.manage.publishTitle', { number: d.appeal.number })}</h1>
      <p class="govuk-body">{t('appeals.archive.manage.publishLead')}</p>
      {d.entry?.publishedAt && <InsetText>{t('appeals.archive.manage.already')}</InsetText>}
      <Form action={`/manage/appeals/archive/${encodeURIComponent(d.appeal.number)}`}>
        <Textarea
          name="question"
          label={t('appeals.archive.question')}
          value={values.question}
          errors={errors}
          rows={10}
        />
        <FindingsList findings={d.question.findings} />
        <Textarea
          name="answer"
          label={t('appeals.archive.answer')}
          value={values.answer}
          errors={errors}
          rows={12}
        />
        <FindingsList findings={d.answer.findings} />
        <Button>{t('appeals.archive.manage.publish')}</Button>
      </Form>
    </>
  );
}

function CannotPublish({ reason }: { reason: string }) {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t(reason)}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href="/manage/appeals/archive">
          {t('appeals.archive.manage.title')}
        </a>
      </p>
    </>
  );
}

const archiveQuery = z.object({
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
const publishInput = z.object({
  question: z.string('appeals.archive.question.required').max(25_000, 'appeals.archive.tooLong'),
  answer: z.string('appeals.archive.answer.required').max(25_000, 'appeals.archive.tooLong'),
});

/** Public archive pages and the staff's publication of entries. */
export async function appealsArchiveWeb(app: FastifyInstance) {
  const { db } = app.deps;
  const orgOr404 = async (slug: string) => {
    const org = await findOrganizationBySlug(db, slug);
    if (!org) throw new NotFound('organization');
    return org;
  };
  const crumbs = (req: FastifyRequest, org: OrgRow) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: `/orgs/${org.slug}`, text: orgName(org, req.locale) },
    { href: `/orgs/${org.slug}/appeals`, text: req.t('appeals.public.title') },
  ];

  app.get<{ Params: { slug: string } }>('/orgs/:slug/appeals/archive', async (req, reply) => {
    const org = await orgOr404(req.params.slug);
    const { q, page } = archiveQuery.parse(req.query ?? {});
    const { rows, total } = await archiveRepository.published(db, org.id, q, {
      limit: PAGE,
      offset: (page - 1) * PAGE,
    });
    return reply.page(
      `${req.t('appeals.archive.title')}: ${orgName(org, req.locale)}`,
      <ArchiveListView org={org} rows={rows} total={total} page={page} q={q} />,
      { breadcrumbs: [...crumbs(req, org), { text: req.t('appeals.archive.title') }] },
    );
  });

  app.get<{ Params: { slug: string; number: string } }>(
    '/orgs/:slug/appeals/archive/:number',
    async (req, reply) => {
      const org = await orgOr404(req.params.slug);
      const e = await archiveRepository.publishedByNumber(db, org.id, req.params.number);
      if (!e) throw new NotFound('archive_entry');
      return reply.page(
        req.t('appeals.archive.entry', { number: e.number }),
        <ArchiveEntryView org={org} e={e} />,
        {
          breadcrumbs: [
            ...crumbs(req, org),
            { href: archivePath(org.slug), text: req.t('appeals.archive.title') },
            { text: e.number },
          ],
        },
      );
    },
  );

  const signIn = (req: FastifyRequest) => `/sign-in?next=${encodeURIComponent(req.url)}`;

  app.get('/manage/appeals/archive', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
    const ids = publicSidePolicy.managedOrgIds(req.actor);
    const all = await listAllOrganizations(db);
    const orgs = ids === 'all' ? all : all.filter((o) => ids.includes(o.id));
    if (orgs.length === 0) throw new Forbidden();
    const candidates = await archiveRepository.candidates(db, ids);
    return reply.page(
      req.t('appeals.archive.manage.title'),
      <ManageListView candidates={candidates} orgs={orgs} />,
      {
        breadcrumbs: [
          { href: '/manage', text: req.t('ui.nav.manage') },
          { text: req.t('appeals.archive.manage.title') },
        ],
      },
    );
  });

  const publishPage =
    (req: FastifyRequest, d: ArchiveDraft): RenderForm =>
    (form) => ({
      title: req.t('appeals.archive.manage.publishTitle', { number: d.appeal.number }),
      body: <PublishView d={d} {...form} />,
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { href: '/manage/appeals/archive', text: req.t('appeals.archive.manage.title') },
        { text: d.appeal.number },
      ],
    });

  app.get<{ Params: { number: string } }>('/manage/appeals/archive/:number', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
    let d: ArchiveDraft;
    try {
      d = await getArchiveDraft(app.deps, originOf(req), req.params.number);
    } catch (err) {
      // no consent, or not answered yet: the page says so plainly instead of the form
      if (!(err instanceof Conflict)) throw err;
      return reply.page(req.t(err.message), <CannotPublish reason={err.message} />, {
        breadcrumbs: [
          { href: '/manage', text: req.t('ui.nav.manage') },
          { href: '/manage/appeals/archive', text: req.t('appeals.archive.manage.title') },
          { text: req.params.number },
        ],
      });
    }
    return showForm(req, reply, publishPage(req, d), {
      question: d.entry?.question ?? d.question.masked,
      answer: d.entry?.answer ?? d.answer.masked,
    });
  });

  app.post<{ Params: { number: string } }>('/manage/appeals/archive/:number', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
    let d: ArchiveDraft;
    try {
      d = await getArchiveDraft(app.deps, originOf(req), req.params.number);
    } catch (err) {
      if (!(err instanceof Conflict)) throw err;
      return reply.page(req.t(err.message), <CannotPublish reason={err.message} />, { status: 409 });
    }
    return handleForm(req, reply, {
      schema: publishInput,
      render: publishPage(req, d),
      run: async (texts) => {
        const { entry, org } = await publishArchiveEntry(app.deps, originOf(req), {
          number: d.appeal.number,
          ...texts,
        });
        return entryPath(org.slug, entry.number);
      },
    });
  });
}
