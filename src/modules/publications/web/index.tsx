import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { type FieldError, Forbidden, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { findStoredFile, sendStoredFile, uploadsOf } from '../../../platform/files/index.ts';
import { anonymousPostLimit, verifyAltcha } from '../../../platform/http/altcha.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import {
  findOrganizationById,
  listAllOrganizations,
  listResponsibleOfficials,
  type OrgRow,
} from '../../orgs/index.ts';
import { attachFiles } from '../attach-files.ts';
import { declarationFromForm, declarationInput } from '../declarations.input.ts';
import {
  addDeclaration,
  getPublicDeclarations,
  removeDeclaration,
  setDeclarationsPublished,
} from '../declarations.ts';
import { orgBySlug } from '../find-org.ts';
import { publicationUrl } from '../index-items.ts';
import {
  documentInput,
  mediaItemInput,
  mediaKinds,
  sectionInput,
  siteFeedbackInput,
} from '../publications.input.ts';
import { canPublish } from '../publications.policy.ts';
import {
  type DeclarationSort,
  declarationSorts,
  type PublicationRow,
  publicationsRepository as repo,
} from '../publications.repository.ts';
import { publishDocument } from '../publish-document.ts';
import { publishMediaItem } from '../publish-media-item.ts';
import { saveSection } from '../save-section.ts';
import { type StructuredSection, sectionByKey, structuredSections } from '../sections.ts';
import { submitSiteFeedback } from '../submit-site-feedback.ts';
import { updateDocument } from '../update-document.ts';
import { updateMediaItem } from '../update-media-item.ts';
import { formatDocDate, orgName } from './common.tsx';
import { csvOfDeclarations } from './declarations-csv.ts';
import { DeclarationsView } from './declarations-page.tsx';
import {
  DeclarationsManageView,
  DocumentFormView,
  ManageIndexView,
  ManageOrgsView,
  MediaFormView,
  SectionFormView,
} from './manage-pages.tsx';
import {
  DiffView,
  DocumentsView,
  DocumentView,
  HistoryView,
  MediaItemView,
  PressView,
  SectionPageView,
  SiteFeedbackForm,
  VersionView,
} from './public-pages.tsx';
import { TransparencyView } from './transparency-page.tsx';

type Slug = { slug: string };
const PER_PAGE = 20;

function pageOf(q: unknown): number {
  const v = Number((q as Record<string, unknown>)?.page);
  return Number.isInteger(v) && v >= 1 && v <= 100_000 ? v : 1;
}

function str(q: unknown, k: string): string | undefined {
  const v = (q as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'string' && v.trim() !== '' && v.length <= 200 ? v.trim() : undefined;
}

const notices: Record<string, string> = {
  saved: 'publications.manage.saved',
  published: 'publications.manage.published',
  attached: 'publications.manage.attached',
  added: 'declarations.manage.added',
  removed: 'declarations.manage.removed',
  switched: 'declarations.manage.switched',
  thanks: 'publications.feedback.thanks',
};

function noticeFrom(req: FastifyRequest) {
  const key = str(req.query, 'notice');
  if (key && Object.hasOwn(notices, key))
    req.flash = { kind: 'success', text: req.t(notices[key] as string) };
}

function redirectToSignIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

/** Form values of a stored item, for the edit form. */
function mediaValues(p: PublicationRow): Record<string, string> {
  return {
    kind: p.kind,
    title: p.title,
    summary: p.summary ?? '',
    body: p.bodyHtml,
    videoUrl: p.videoUrl ?? '',
    transcript: p.transcript ?? '',
    topics: p.topics.join(', '),
    tags: p.tags.join(', '),
  };
}

function documentValues(p: PublicationRow): Record<string, string> {
  return {
    docType: p.docType ?? '',
    docNumber: p.docNumber ?? '',
    docDate: formatDocDate(p.docDate),
    docStatus: p.docStatus ?? '',
    title: p.title,
    summary: p.summary ?? '',
    body: p.bodyHtml,
    topics: p.topics.join(', '),
    tags: p.tags.join(', '),
  };
}

/** Public pages of publications and the staff pages that keep them. */
export async function publicationsWeb(app: FastifyInstance) {
  const { db } = app.deps;
  const orgCrumbs = (req: FastifyRequest, org: OrgRow) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/orgs', text: req.t('orgs.list.title') },
    { href: `/orgs/${org.slug}`, text: orgName(org, req.locale) },
  ];

  // News and media (3.1–3.3)

  app.get<{ Params: Slug }>('/orgs/:slug/press', async (req, reply) => {
    const org = await orgBySlug(db, req.params.slug);
    const page = pageOf(req.query);
    const [{ items, total }, officials] = await Promise.all([
      repo.listByKinds(db, org.id, mediaKinds, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
      listResponsibleOfficials(db, org.id),
    ]);
    const title = req.t('publications.press.title');
    return reply.page(
      `${title}: ${orgName(org, req.locale)}`,
      <PressView
        org={org}
        items={items}
        page={page}
        pages={Math.max(1, Math.ceil(total / PER_PAGE))}
        officials={officials.filter((o) => o.duty === 'media')}
      />,
      { breadcrumbs: [...orgCrumbs(req, org), { text: title }] },
    );
  });

  app.get<{ Params: Slug & { id: string } }>('/orgs/:slug/press/:id', async (req, reply) => {
    const org = await orgBySlug(db, req.params.slug);
    const p = await repo.findById(db, req.params.id);
    if (!p || p.orgId !== org.id || !(mediaKinds as readonly string[]).includes(p.kind))
      throw new NotFound('publication');
    return reply.page(p.title, <MediaItemView org={org} p={p} />, {
      breadcrumbs: [
        ...orgCrumbs(req, org),
        { href: `/orgs/${org.slug}/press`, text: req.t('publications.press.title') },
        { text: p.title },
      ],
    });
  });

  // Documents

  app.get<{ Params: Slug }>('/orgs/:slug/documents', async (req, reply) => {
    const org = await orgBySlug(db, req.params.slug);
    const page = pageOf(req.query);
    const filter = {
      docType: str(req.query, 'docType'),
      docStatus: str(req.query, 'docStatus'),
      topic: str(req.query, 'topic')?.toLowerCase(),
    };
    const { items, total } = await repo.listDocuments(db, org.id, filter, {
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    const title = req.t('publications.documents.title');
    return reply.page(
      `${title}: ${orgName(org, req.locale)}`,
      <DocumentsView
        org={org}
        items={items}
        filter={filter}
        page={page}
        pages={Math.max(1, Math.ceil(total / PER_PAGE))}
      />,
      { breadcrumbs: [...orgCrumbs(req, org), { text: title }] },
    );
  });

  app.get<{ Params: Slug & { id: string } }>('/orgs/:slug/documents/:id', async (req, reply) => {
    const org = await orgBySlug(db, req.params.slug);
    const doc = await repo.findById(db, req.params.id);
    if (!doc || doc.orgId !== org.id || doc.kind !== 'document') throw new NotFound('publication');
    const [attachments, out, inn] = await Promise.all([
      repo.attachments(db, doc.id),
      repo.linksFrom(db, doc.id),
      repo.linksTo(db, doc.id),
    ]);
    const linked = new Map(
      (await repo.findByIds(db, [...out.map((l) => l.toId), ...inn.map((l) => l.fromId)])).map((d) => [
        d.id,
        d,
      ]),
    );
    const pick = (id: string, relation: string) => {
      const d = linked.get(id);
      return d ? [{ doc: d, relation }] : [];
    };
    return reply.page(
      `${doc.docType} № ${doc.docNumber}: ${doc.title}`,
      <DocumentView
        page={{
          org,
          doc,
          attachments,
          linksOut: out.flatMap((l) => pick(l.toId, l.relation)),
          linksIn: inn.flatMap((l) => pick(l.fromId, l.relation)),
        }}
      />,
      {
        breadcrumbs: [
          ...orgCrumbs(req, org),
          { href: `/orgs/${org.slug}/documents`, text: req.t('publications.documents.title') },
          { text: `${doc.docType} № ${doc.docNumber}` },
        ],
      },
    );
  });

  app.get<{ Params: { org: string; number: string } }>(
    '/documents/by-number/:org/:number',
    async (req, reply) => {
      const org = await orgBySlug(db, req.params.org);
      const [doc] = await repo.findDocumentByNumber(db, org.id, req.params.number.slice(0, 100));
      if (!doc) throw new NotFound('publication');
      return reply.redirect(`/orgs/${org.slug}/documents/${doc.id}`, 303);
    },
  );

  app.get<{ Params: { id: string; name: string } }>('/attachments/:id/:name', async (req, reply) => {
    const a = await repo.findAttachment(db, req.params.id);
    const file = a ? await findStoredFile(db, a.fileId) : undefined;
    if (!a || !file) throw new NotFound('attachment');
    return sendStoredFile(app.deps, reply, { ...file, originalName: a.name }, { inline: true });
  });

  app.get<{ Params: { fileId: string } }>('/files/publications/:fileId', async (req, reply) => {
    // Only a video or poster of a published media item is served here.
    const file = await findStoredFile(db, req.params.fileId);
    if (!file || !(await repo.isMediaFile(db, file.id))) throw new NotFound('file');
    return sendStoredFile(app.deps, reply, file, { inline: true });
  });

  // Versions

  const itemWithOrg = async (id: string) => {
    const p = await repo.findById(db, id);
    const org = p ? await findOrganizationById(db, p.orgId) : undefined;
    if (!p || !org) throw new NotFound('publication');
    return { p, org };
  };

  app.get<{ Params: { id: string } }>('/publications/:id/history', async (req, reply) => {
    const { p, org } = await itemWithOrg(req.params.id);
    const versions = await repo.versions(db, p.id);
    return reply.page(
      `${req.t('publications.history')}: ${p.title}`,
      <HistoryView org={org} p={p} versions={versions} />,
      {
        breadcrumbs: [
          ...orgCrumbs(req, org),
          { href: publicationUrl(p, org.slug), text: p.title },
          { text: req.t('publications.history') },
        ],
      },
    );
  });

  app.get<{ Params: { id: string; v: string } }>('/publications/:id/versions/:v', async (req, reply) => {
    const { p, org } = await itemWithOrg(req.params.id);
    const v = await repo.version(db, p.id, Number.parseInt(req.params.v, 10) || 0);
    if (!v) throw new NotFound('version');
    return reply.page(
      req.t('publications.version.title', { n: v.version }),
      <VersionView org={org} p={p} v={v} />,
      {
        breadcrumbs: [
          ...orgCrumbs(req, org),
          { href: `/publications/${p.id}/history`, text: req.t('publications.history') },
          { text: req.t('publications.version.title', { n: v.version }) },
        ],
      },
    );
  });

  app.get<{ Params: { id: string } }>('/publications/:id/diff', async (req, reply) => {
    const { p, org } = await itemWithOrg(req.params.id);
    const to = Number.parseInt(str(req.query, 'to') ?? String(p.version), 10) || p.version;
    const fromN = Number.parseInt(str(req.query, 'from') ?? String(to - 1), 10) || to - 1;
    const [from, toV] = await Promise.all([repo.version(db, p.id, fromN), repo.version(db, p.id, to)]);
    if (!from || !toV) throw new NotFound('version');
    const title = req.t('publications.diff.title', { from: from.version, to: toV.version });
    return reply.page(title, <DiffView org={org} p={p} from={from} to={toV} />, {
      breadcrumbs: [
        ...orgCrumbs(req, org),
        { href: `/publications/${p.id}/history`, text: req.t('publications.history') },
        { text: title },
      ],
    });
  });

  // Structured sections (8-ФЗ; 6.1–6.4, 7.1, 7.2, 8.1, 8.2)

  const renderSection = async (
    req: FastifyRequest,
    reply: FastifyReply,
    org: OrgRow,
    def: StructuredSection,
    feedback?: { values: Record<string, string>; errors: FieldError[] },
  ) => {
    const [item, officials] = await Promise.all([
      repo.findSection(db, org.id, def.key),
      listResponsibleOfficials(db, org.id),
    ]);
    const title = req.locale === 'en' ? def.titleEn : def.titleRu;
    return reply.page(
      `${title}: ${orgName(org, req.locale)}`,
      <SectionPageView
        org={org}
        def={def}
        item={item}
        officials={officials.filter((o) => o.duty === def.responsibleDuty)}
        canEdit={canPublish(req.actor, org)}
      >
        {def.key === 'site_development' && (
          <SiteFeedbackForm org={org} values={feedback?.values ?? {}} errors={feedback?.errors ?? []} />
        )}
      </SectionPageView>,
      { status: feedback?.errors.length ? 422 : 200, breadcrumbs: [...orgCrumbs(req, org), { text: title }] },
    );
  };

  for (const def of structuredSections) {
    app.get<{ Params: Slug }>(`/orgs/:slug/${def.path}`, async (req, reply) => {
      const org = await orgBySlug(db, req.params.slug);
      noticeFrom(req);
      return renderSection(req, reply, org, def);
    });
  }

  app.post<{ Params: Slug }>(
    '/orgs/:slug/site-development/feedback',
    { config: { rateLimit: anonymousPostLimit({ withPow: 20, withoutPow: 5, timeWindow: '10 minutes' }) } },
    async (req, reply) => {
      const org = await orgBySlug(db, req.params.slug);
      const def = sectionByKey('site_development') as StructuredSection;
      const form = parseForm(siteFeedbackInput, req.body);
      if (!form.ok) return renderSection(req, reply, org, def, { values: form.values, errors: form.errors });
      if ((await verifyAltcha(req)) === 'invalid')
        return renderSection(req, reply, org, def, {
          values: form.ok ? valuesOf(req.body) : {},
          errors: [{ field: 'text', message: 'publications.feedback.altcha' }],
        });
      await submitSiteFeedback(app.deps, originOf(req), { slug: org.slug, ...form.data });
      return reply.redirect(`/orgs/${org.slug}/site-development?notice=thanks`, 303);
    },
  );

  // Income declarations (7.3)

  const declarationQuery = (q: unknown) => {
    const sortRaw = str(q, 'sort');
    const sort: DeclarationSort =
      sortRaw && Object.hasOwn(declarationSorts, sortRaw) ? (sortRaw as DeclarationSort) : 'name';
    const dir: 'asc' | 'desc' = str(q, 'dir') === 'desc' ? 'desc' : 'asc';
    const y = str(q, 'year');
    const year = y && /^\d{4}$/.test(y) ? Number(y) : undefined;
    return { sort, dir, year };
  };

  app.get<{ Params: Slug }>('/orgs/:slug/declarations', async (req, reply) => {
    const q = declarationQuery(req.query);
    const d = await getPublicDeclarations({ db }, { slug: req.params.slug, ...q });
    const title = req.t('declarations.title');
    return reply.page(
      `${title}: ${orgName(d.org, req.locale)}`,
      <DeclarationsView org={d.org} years={d.years} year={d.year} rows={d.rows} sort={q.sort} dir={q.dir} />,
      { breadcrumbs: [...orgCrumbs(req, d.org), { text: req.t('publications.manage.declarations') }] },
    );
  });

  app.get<{ Params: Slug }>('/orgs/:slug/declarations.csv', async (req, reply) => {
    const q = declarationQuery(req.query);
    const d = await getPublicDeclarations({ db }, { slug: req.params.slug, ...q });
    if (d.year === null) throw new NotFound('declaration_year');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="declarations-${d.org.slug}-${d.year}.csv"`)
      .send(csvOfDeclarations(d.rows, req.t));
  });

  // Staff pages

  const staffOrg = async (req: FastifyRequest<{ Params: Slug }>) => {
    const org = await orgBySlug(db, req.params.slug);
    if (!canPublish(req.actor, org)) throw new Forbidden();
    return org;
  };
  const manageCrumbs = (req: FastifyRequest, org: OrgRow) => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: `/manage/orgs/${org.slug}`, text: orgName(org, req.locale) },
    { href: `/manage/orgs/${org.slug}/publications`, text: req.t('publications.manage.title') },
  ];

  app.get('/manage/publications', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const orgs = (await listAllOrganizations(db)).filter((o) => canPublish(req.actor, o));
    return reply.page(req.t('publications.manage.section'), <ManageOrgsView orgs={orgs} />, {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('publications.manage.section') },
      ],
    });
  });

  app.get<{ Params: Slug }>('/manage/orgs/:slug/publications', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await staffOrg(req);
    noticeFrom(req);
    const [media, documents, sections, feedback] = await Promise.all([
      repo.listByKinds(db, org.id, mediaKinds, { limit: 100, offset: 0 }),
      repo.listByKinds(db, org.id, ['document'], { limit: 200, offset: 0 }),
      repo.sectionsOf(db, org.id),
      repo.feedback(db, org.id),
    ]);
    return reply.page(
      req.t('publications.manage.title'),
      <ManageIndexView
        org={org}
        media={media.items}
        documents={documents.items}
        sections={sections}
        feedback={feedback}
      />,
      { breadcrumbs: [...manageCrumbs(req, org).slice(0, 2), { text: req.t('publications.manage.title') }] },
    );
  });

  // Media items
  app.get<{ Params: Slug }>('/manage/orgs/:slug/publications/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await staffOrg(req);
    return reply.page(
      req.t('publications.manage.newMedia'),
      <MediaFormView org={org} item={null} values={{}} errors={[]} />,
      {
        breadcrumbs: manageCrumbs(req, org),
      },
    );
  });

  app.post<{ Params: Slug }>('/manage/orgs/:slug/publications/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await staffOrg(req);
    const form = parseForm(mediaItemInput, req.body);
    if (!form.ok)
      return reply.page(
        req.t('publications.manage.newMedia'),
        <MediaFormView org={org} item={null} values={form.values} errors={form.errors} />,
        {
          status: 422,
          breadcrumbs: manageCrumbs(req, org),
        },
      );
    const row = await publishMediaItem(app.deps, originOf(req), {
      slug: org.slug,
      item: form.data,
      videoFiles: uploadsOf(req.body, 'videoFile'),
      posterFiles: uploadsOf(req.body, 'posterFile'),
    });
    return reply.redirect(`${publicationUrl(row, org.slug)}?notice=published`, 303);
  });

  app.get<{ Params: Slug & { id: string } }>('/manage/orgs/:slug/publications/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await staffOrg(req);
    const item = await repo.findById(db, req.params.id);
    if (!item || item.orgId !== org.id || !(mediaKinds as readonly string[]).includes(item.kind))
      throw new NotFound('publication');
    noticeFrom(req);
    return reply.page(
      item.title,
      <MediaFormView org={org} item={item} values={mediaValues(item)} errors={[]} />,
      {
        breadcrumbs: manageCrumbs(req, org),
      },
    );
  });

  app.post<{ Params: Slug & { id: string } }>('/manage/orgs/:slug/publications/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await staffOrg(req);
    const item = await repo.findById(db, req.params.id);
    if (!item || item.orgId !== org.id || !(mediaKinds as readonly string[]).includes(item.kind))
      throw new NotFound('publication');
    const form = parseForm(mediaItemInput, req.body);
    if (!form.ok)
      return reply.page(
        item.title,
        <MediaFormView org={org} item={item} values={form.values} errors={form.errors} />,
        {
          status: 422,
          breadcrumbs: manageCrumbs(req, org),
        },
      );
    await updateMediaItem(app.deps, originOf(req), { slug: org.slug, id: item.id, item: form.data });
    return reply.redirect(`/manage/orgs/${org.slug}/publications/${item.id}?notice=saved`, 303);
  });

  // Documents
  const docForm = (
    req: FastifyRequest,
    reply: FastifyReply,
    org: OrgRow,
    doc: PublicationRow | null,
    values: Record<string, string>,
    errors: FieldError[],
  ) =>
    reply.page(
      doc ? doc.title : req.t('publications.manage.newDocument'),
      <DocumentFormView org={org} doc={doc} values={values} errors={errors} />,
      {
        status: errors.length ? 422 : 200,
        breadcrumbs: manageCrumbs(req, org),
      },
    );

  app.get<{ Params: Slug }>('/manage/orgs/:slug/publications/documents/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await staffOrg(req);
    return docForm(req, reply, org, null, {}, []);
  });

  app.post<{ Params: Slug }>('/manage/orgs/:slug/publications/documents/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await staffOrg(req);
    const form = parseForm(documentInput, req.body);
    if (!form.ok) return docForm(req, reply, org, null, form.values, form.errors);
    try {
      const row = await publishDocument(app.deps, originOf(req), { slug: org.slug, doc: form.data });
      return reply.redirect(
        `/manage/orgs/${org.slug}/publications/documents/${row.id}?notice=published`,
        303,
      );
    } catch (err) {
      if (err instanceof InvalidInput) return docForm(req, reply, org, null, valuesOf(req.body), err.errors);
      throw err;
    }
  });

  const staffDoc = async (req: FastifyRequest<{ Params: Slug & { id: string } }>) => {
    const org = await staffOrg(req);
    const doc = await repo.findById(db, req.params.id);
    if (!doc || doc.orgId !== org.id || doc.kind !== 'document') throw new NotFound('publication');
    return { org, doc };
  };

  app.get<{ Params: Slug & { id: string } }>(
    '/manage/orgs/:slug/publications/documents/:id',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const { org, doc } = await staffDoc(req);
      noticeFrom(req);
      return docForm(req, reply, org, doc, documentValues(doc), []);
    },
  );

  app.post<{ Params: Slug & { id: string } }>(
    '/manage/orgs/:slug/publications/documents/:id',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const { org, doc } = await staffDoc(req);
      const form = parseForm(documentInput, req.body);
      if (!form.ok) return docForm(req, reply, org, doc, form.values, form.errors);
      try {
        await updateDocument(app.deps, originOf(req), { slug: org.slug, id: doc.id, doc: form.data });
      } catch (err) {
        if (err instanceof InvalidInput) return docForm(req, reply, org, doc, valuesOf(req.body), err.errors);
        throw err;
      }
      return reply.redirect(`/manage/orgs/${org.slug}/publications/documents/${doc.id}?notice=saved`, 303);
    },
  );

  app.post<{ Params: Slug & { id: string } }>(
    '/manage/orgs/:slug/publications/documents/:id/files',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const { org, doc } = await staffDoc(req);
      const files = uploadsOf(req.body, 'files');
      if (files.length === 0)
        return docForm(req, reply, org, doc, documentValues(doc), [
          { field: 'files', message: 'publications.files.required' },
        ]);
      try {
        await attachFiles(app.deps, originOf(req), { slug: org.slug, id: doc.id, files });
      } catch (err) {
        if (err instanceof InvalidInput)
          return docForm(req, reply, org, doc, documentValues(doc), err.errors);
        throw err;
      }
      return reply.redirect(`/manage/orgs/${org.slug}/publications/documents/${doc.id}?notice=attached`, 303);
    },
  );

  // Sections
  app.get<{ Params: Slug & { key: string } }>(
    '/manage/orgs/:slug/publications/sections/:key',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const org = await staffOrg(req);
      const def = sectionByKey(req.params.key);
      if (!def) throw new NotFound('section');
      const item = await repo.findSection(db, org.id, def.key);
      return reply.page(
        def.titleRu,
        <SectionFormView org={org} def={def} values={{ body: item?.bodyHtml ?? '' }} errors={[]} />,
        {
          breadcrumbs: manageCrumbs(req, org),
        },
      );
    },
  );

  app.post<{ Params: Slug & { key: string } }>(
    '/manage/orgs/:slug/publications/sections/:key',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const org = await staffOrg(req);
      const def = sectionByKey(req.params.key);
      if (!def) throw new NotFound('section');
      const form = parseForm(sectionInput, req.body);
      if (!form.ok)
        return reply.page(
          def.titleRu,
          <SectionFormView org={org} def={def} values={form.values} errors={form.errors} />,
          {
            status: 422,
            breadcrumbs: manageCrumbs(req, org),
          },
        );
      await saveSection(app.deps, originOf(req), { slug: org.slug, key: def.key, section: form.data });
      return reply.redirect(`/orgs/${org.slug}/${def.path}?notice=saved`, 303);
    },
  );

  // Declarations (staff)
  const declarationsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    org: OrgRow,
    values: Record<string, string>,
    errors: FieldError[],
  ) => {
    const years = await repo.declarationYears(db, org.id);
    const rowsByYear = new Map(
      await Promise.all(
        years.map(async (y) => [y.year, await repo.declarations(db, org.id, y.year)] as const),
      ),
    );
    return reply.page(
      req.t('publications.manage.declarations'),
      <DeclarationsManageView
        org={org}
        years={years}
        rowsByYear={rowsByYear}
        values={values}
        errors={errors}
      />,
      { status: errors.length ? 422 : 200, breadcrumbs: manageCrumbs(req, org) },
    );
  };

  app.get<{ Params: Slug }>('/manage/orgs/:slug/declarations', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await staffOrg(req);
    noticeFrom(req);
    return declarationsPage(req, reply, org, { year: String(app.deps.clock.now().getFullYear() - 1) }, []);
  });

  app.post<{ Params: Slug }>('/manage/orgs/:slug/declarations', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await staffOrg(req);
    const form = parseForm(
      declarationInput,
      declarationFromForm((req.body ?? {}) as Record<string, unknown>),
    );
    if (!form.ok) return declarationsPage(req, reply, org, valuesOf(req.body), form.errors);
    await addDeclaration(app.deps, originOf(req), { slug: org.slug, row: form.data });
    return reply.redirect(`/manage/orgs/${org.slug}/declarations?notice=added`, 303);
  });

  app.post<{ Params: Slug & { year: string } }>(
    '/manage/orgs/:slug/declarations/:year/publication',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const org = await staffOrg(req);
      const year = Number(req.params.year);
      if (!Number.isInteger(year) || year < 2009 || year > 2100) throw new NotFound('declaration_year');
      const published = (req.body as Record<string, unknown> | undefined)?.published === 'yes';
      await setDeclarationsPublished(app.deps, originOf(req), { slug: org.slug, year, published });
      return reply.redirect(`/manage/orgs/${org.slug}/declarations?notice=switched`, 303);
    },
  );

  app.post<{ Params: Slug & { id: string } }>(
    '/manage/orgs/:slug/declarations/rows/:id/remove',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const org = await staffOrg(req);
      await removeDeclaration(app.deps, originOf(req), { slug: org.slug, id: req.params.id });
      return reply.redirect(`/manage/orgs/${org.slug}/declarations?notice=removed`, 303);
    },
  );

  // The publication log
  app.get('/transparency', async (req, reply) => {
    const page = pageOf(req.query);
    const [lines, head, count] = await Promise.all([
      repo.logPage(db, { limit: 50, offset: (page - 1) * 50 }),
      repo.logHead(db),
      repo.logCount(db),
    ]);
    const orgIds = [...new Set(lines.map((l) => l.orgId).filter((x): x is string => x !== null))];
    const orgs = new Map(
      await Promise.all(orgIds.map(async (id) => [id, (await findOrganizationById(db, id))?.slug] as const)),
    );
    return reply.page(
      req.t('transparency.title'),
      <TransparencyView
        lines={lines.map((l) => ({
          ...l,
          url:
            l.kind && l.orgId && orgs.get(l.orgId)
              ? publicationUrl(
                  { id: l.publicationId, kind: l.kind, sectionKey: l.sectionKey },
                  orgs.get(l.orgId) as string,
                )
              : null,
        }))}
        head={head?.hash ?? null}
        count={count}
        page={page}
        pages={Math.max(1, Math.ceil(count / 50))}
      />,
      { breadcrumbs: [{ href: '/', text: req.t('ui.nav.home') }, { text: req.t('transparency.title') }] },
    );
  });
}

/** The typed strings of a submitted form, for showing it again. */
function valuesOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  }
  return out;
}
