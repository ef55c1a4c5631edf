import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { sendStoredFile } from '../../../platform/files/index.ts';
import { anonymousPostLimit, verifyAltcha } from '../../../platform/http/altcha.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { findDocumentByNumber, getAttachmentFile, getDocument, listDocuments } from '../get-documents.ts';
import { getMediaFile, getMediaItem, listPress } from '../get-media.ts';
import { getSectionPage } from '../get-section-page.ts';
import { getDiff, getHistory, getVersion } from '../get-versions.ts';
import { publicationUrl } from '../index-items.ts';
import { docTypeLabel, siteFeedbackInput } from '../publications.input.ts';
import { type StructuredSection, sectionByKey, structuredSections } from '../sections.ts';
import { submitSiteFeedback } from '../submit-site-feedback.ts';
import { orgName } from './common.tsx';
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
import { noticeFrom, orgCrumbs, PER_PAGE, pageOf, type Slug, str } from './routes-common.ts';

const intOr = (v: string | undefined) => (v ? Number.parseInt(v, 10) || undefined : undefined);

/** The public pages: news and media, documents and their files, versions, the structured sections. */
export async function publicationsPublicRoutes(app: FastifyInstance) {
  const { deps } = app;

  // News and media (3.1–3.3)

  app.get<{ Params: Slug }>('/orgs/:slug/press', async (req, reply) => {
    const page = pageOf(req.query);
    const d = await listPress(deps, req.actor, { slug: req.params.slug, page, perPage: PER_PAGE });
    const title = req.t('publications.press.title');
    return reply.page(
      `${title}: ${orgName(d.org, req.locale)}`,
      <PressView org={d.org} items={d.items} page={page} pages={d.pages} officials={d.officials} />,
      { breadcrumbs: [...orgCrumbs(req, d.org), { text: title }] },
    );
  });

  app.get<{ Params: Slug & { id: string } }>('/orgs/:slug/press/:id', async (req, reply) => {
    const { org, item } = await getMediaItem(deps, req.actor, req.params);
    return reply.page(item.title, <MediaItemView org={org} p={item} />, {
      breadcrumbs: [
        ...orgCrumbs(req, org),
        { href: `/orgs/${org.slug}/press`, text: req.t('publications.press.title') },
        { text: item.title },
      ],
    });
  });

  // Documents

  app.get<{ Params: Slug }>('/orgs/:slug/documents', async (req, reply) => {
    const page = pageOf(req.query);
    const filter = {
      docType: str(req.query, 'docType'),
      docStatus: str(req.query, 'docStatus'),
      topic: str(req.query, 'topic')?.toLowerCase(),
    };
    const d = await listDocuments(deps, req.actor, {
      slug: req.params.slug,
      filter,
      page,
      perPage: PER_PAGE,
    });
    const title = req.t('publications.documents.title');
    return reply.page(
      `${title}: ${orgName(d.org, req.locale)}`,
      <DocumentsView org={d.org} items={d.items} filter={filter} page={page} pages={d.pages} />,
      { breadcrumbs: [...orgCrumbs(req, d.org), { text: title }] },
    );
  });

  app.get<{ Params: Slug & { id: string } }>('/orgs/:slug/documents/:id', async (req, reply) => {
    const d = await getDocument(deps, req.actor, req.params);
    const label = `${docTypeLabel(d.doc.docType, req.locale)} № ${d.doc.docNumber}`;
    return reply.page(`${label}: ${d.doc.title}`, <DocumentView page={d} />, {
      breadcrumbs: [
        ...orgCrumbs(req, d.org),
        { href: `/orgs/${d.org.slug}/documents`, text: req.t('publications.documents.title') },
        { text: label },
      ],
    });
  });

  app.get<{ Params: { org: string; number: string } }>(
    '/documents/by-number/:org/:number',
    async (req, reply) => {
      const { org, doc } = await findDocumentByNumber(deps, req.actor, {
        slug: req.params.org,
        number: req.params.number,
      });
      return reply.redirect(`/orgs/${org.slug}/documents/${doc.id}`, 303);
    },
  );

  app.get<{ Params: { id: string; name: string } }>('/attachments/:id/:name', async (req, reply) =>
    sendStoredFile(deps, reply, await getAttachmentFile(deps, req.actor, req.params), { inline: true }),
  );

  app.get<{ Params: { fileId: string } }>('/files/publications/:fileId', async (req, reply) =>
    sendStoredFile(deps, reply, await getMediaFile(deps, req.actor, req.params), { inline: true }),
  );

  // Versions

  app.get<{ Params: { id: string } }>('/publications/:id/history', async (req, reply) => {
    const { p, org, versions } = await getHistory(deps, req.actor, req.params);
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
    const version = Number.parseInt(req.params.v, 10) || 0;
    const { p, org, v } = await getVersion(deps, req.actor, { id: req.params.id, version });
    const title = req.t('publications.version.title', { n: v.version });
    return reply.page(title, <VersionView org={org} p={p} v={v} />, {
      breadcrumbs: [
        ...orgCrumbs(req, org),
        { href: `/publications/${p.id}/history`, text: req.t('publications.history') },
        { text: title },
      ],
    });
  });

  app.get<{ Params: { id: string } }>('/publications/:id/diff', async (req, reply) => {
    const d = await getDiff(deps, req.actor, {
      id: req.params.id,
      from: intOr(str(req.query, 'from')),
      to: intOr(str(req.query, 'to')),
    });
    const title = req.t('publications.diff.title', { from: d.from.version, to: d.to.version });
    return reply.page(title, <DiffView org={d.org} p={d.p} from={d.from} to={d.to} />, {
      breadcrumbs: [
        ...orgCrumbs(req, d.org),
        { href: `/publications/${d.p.id}/history`, text: req.t('publications.history') },
        { text: title },
      ],
    });
  });

  // Structured sections (8-ФЗ; 6.1–6.4, 7.1, 7.2, 8.1, 8.2); site development takes feedback from anyone

  const sectionPage = async (req: FastifyRequest<{ Params: Slug }>, def: StructuredSection) => {
    const d = await getSectionPage(deps, req.actor, { slug: req.params.slug, def });
    const title = req.locale === 'en' ? def.titleEn : def.titleRu;
    const render: RenderForm = (form) => ({
      title: `${title}: ${orgName(d.org, req.locale)}`,
      body: (
        <SectionPageView org={d.org} def={def} item={d.item} officials={d.officials} canEdit={d.canEdit}>
          {def.key === 'site_development' && <SiteFeedbackForm org={d.org} {...form} />}
        </SectionPageView>
      ),
      breadcrumbs: [...orgCrumbs(req, d.org), { text: title }],
    });
    return { org: d.org, render };
  };

  for (const def of structuredSections) {
    app.get<{ Params: Slug }>(`/orgs/:slug/${def.path}`, async (req, reply) => {
      noticeFrom(req);
      return showForm(req, reply, (await sectionPage(req, def)).render);
    });
  }

  app.post<{ Params: Slug }>(
    '/orgs/:slug/site-development/feedback',
    { config: { rateLimit: anonymousPostLimit({ withPow: 20, withoutPow: 5, timeWindow: '10 minutes' }) } },
    async (req, reply) => {
      const { org, render } = await sectionPage(req, sectionByKey('site_development') as StructuredSection);
      return handleForm(req, reply, {
        schema: siteFeedbackInput,
        render,
        check: async () =>
          (await verifyAltcha(req)) === 'invalid'
            ? [{ field: 'text', message: 'publications.feedback.altcha' }]
            : [],
        run: async (data) => {
          await submitSiteFeedback(deps, originOf(req), { slug: org.slug, ...data });
          return `/orgs/${org.slug}/site-development?notice=thanks`;
        },
      });
    },
  );
}
