import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../../platform/audit/index.ts';
import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { uploadsOf } from '../../../platform/files/index.ts';
import {
  formValues,
  handleForm,
  type RenderForm,
  sendFormPage,
  showForm,
} from '../../../platform/http/form-page.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { attachFiles } from '../attach-files.ts';
import { asksForClarityCheck, publicationClarity } from '../clarity.ts';
import {
  getDocumentForStaff,
  getMediaItemForStaff,
  getOrgForPublishing,
  getPublicationsOverview,
  getSectionForStaff,
  listPublishingOrgs,
} from '../get-publications-for-staff.ts';
import { publicationUrl } from '../index-items.ts';
import { marksOpenMunicipality, OPEN_MUNICIPALITY_TOPIC } from '../open-municipality.ts';
import { documentInput, mediaItemInput, sectionInput } from '../publications.input.ts';
import type { PublicationRow } from '../publications.repository.ts';
import { publishDocument } from '../publish-document.ts';
import { publishMediaItem } from '../publish-media-item.ts';
import { saveSection } from '../save-section.ts';
import type { StructuredSection } from '../sections.ts';
import { updateDocument } from '../update-document.ts';
import { updateMediaItem } from '../update-media-item.ts';
import {
  DocumentFormView,
  ManageIndexView,
  ManageOrgsView,
  MediaFormView,
  SectionFormView,
} from './manage-pages.tsx';
import { manageCrumbs, noticeFrom, redirectToSignIn, type Slug } from './routes-common.ts';

type ItemParams = Slug & { id: string };

/** The files form has no fields of its own: its input is the files, checked beside the schema. */
const filesOnly = z.object({});

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
    docDate: formatLocalDate(p.docDate),
    docStatus: p.docStatus ?? '',
    title: p.title,
    summary: p.summary ?? '',
    body: p.bodyHtml,
    // the mark «об открытом муниципалитете» is a checkbox of its own on the form
    topics: p.topics.filter((x) => x !== OPEN_MUNICIPALITY_TOPIC).join(', '),
    openMunicipality: marksOpenMunicipality(p.topics) ? 'yes' : '',
    tags: p.tags.join(', '),
  };
}

/** The document form's body for its schema: the ticked «об открытом муниципалитете» joins the topics. */
function documentBody(body: Record<string, unknown>): Record<string, unknown> {
  const ticked = [body.openMunicipality].flat().includes('yes');
  if (!ticked) return body;
  const typed = typeof body.topics === 'string' ? body.topics : '';
  return { ...body, topics: typed ? `${typed}, ${OPEN_MUNICIPALITY_TOPIC}` : OPEN_MUNICIPALITY_TOPIC };
}

/** The staff pages that keep an organisation's news, documents and sections (/manage/…/publications). */
export async function publicationsManageRoutes(app: FastifyInstance) {
  const { deps } = app;

  /** The news form; with `clarity`, the clarity check of the text in the form above it (9.1). */
  const mediaForm =
    (req: FastifyRequest, org: OrgRow, item: PublicationRow | null, clarity = item !== null): RenderForm =>
    (form) => ({
      title: item ? item.title : req.t('publications.manage.newMedia'),
      body: (
        <MediaFormView
          org={org}
          item={item}
          clarity={clarity ? publicationClarity(form.values) : undefined}
          {...form}
        />
      ),
      breadcrumbs: manageCrumbs(req, org),
    });
  /** «Проверить текст»: the same form again with the typed values and the check, nothing saved. */
  const checkText = (req: FastifyRequest, reply: FastifyReply, render: RenderForm) =>
    sendFormPage(req, reply, render, { values: formValues(req.body), errors: [] });
  const documentForm =
    (req: FastifyRequest, org: OrgRow, doc: PublicationRow | null, clarity = doc !== null): RenderForm =>
    (form) => ({
      title: doc ? doc.title : req.t('publications.manage.newDocument'),
      body: (
        <DocumentFormView
          org={org}
          doc={doc}
          clarity={clarity ? publicationClarity(form.values) : undefined}
          {...form}
        />
      ),
      breadcrumbs: manageCrumbs(req, org),
    });
  const sectionForm =
    (req: FastifyRequest, org: OrgRow, def: StructuredSection): RenderForm =>
    (form) => ({
      title: def.titleRu,
      body: <SectionFormView org={org} def={def} {...form} />,
      breadcrumbs: manageCrumbs(req, org),
    });

  app.get('/manage/publications', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const orgs = await listPublishingOrgs(deps, req.actor);
    return reply.page(req.t('publications.manage.section'), <ManageOrgsView orgs={orgs} />, {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('publications.manage.section') },
      ],
    });
  });

  app.get<{ Params: Slug }>('/manage/orgs/:slug/publications', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const d = await getPublicationsOverview(deps, req.actor, req.params);
    noticeFrom(req);
    return reply.page(req.t('publications.manage.title'), <ManageIndexView {...d} />, {
      breadcrumbs: [...manageCrumbs(req, d.org).slice(0, 2), { text: req.t('publications.manage.title') }],
    });
  });

  // News and media

  app.get<{ Params: Slug }>('/manage/orgs/:slug/publications/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await getOrgForPublishing(deps, req.actor, req.params);
    return showForm(req, reply, mediaForm(req, org, null));
  });

  app.post<{ Params: Slug }>('/manage/orgs/:slug/publications/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await getOrgForPublishing(deps, req.actor, req.params);
    if (asksForClarityCheck(req.body)) return checkText(req, reply, mediaForm(req, org, null, true));
    return handleForm(req, reply, {
      schema: mediaItemInput,
      render: mediaForm(req, org, null),
      run: async (item) => {
        const row = await publishMediaItem(deps, originOf(req), {
          slug: org.slug,
          item,
          videoFiles: uploadsOf(req.body, 'videoFile'),
          posterFiles: uploadsOf(req.body, 'posterFile'),
        });
        return `${publicationUrl(row, org.slug)}?notice=published`;
      },
    });
  });

  app.get<{ Params: ItemParams }>('/manage/orgs/:slug/publications/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, item } = await getMediaItemForStaff(deps, req.actor, req.params);
    noticeFrom(req);
    return showForm(req, reply, mediaForm(req, org, item), mediaValues(item));
  });

  app.post<{ Params: ItemParams }>('/manage/orgs/:slug/publications/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, item } = await getMediaItemForStaff(deps, req.actor, req.params);
    if (asksForClarityCheck(req.body)) return checkText(req, reply, mediaForm(req, org, item));
    return handleForm(req, reply, {
      schema: mediaItemInput,
      render: mediaForm(req, org, item),
      run: async (data) => {
        await updateMediaItem(deps, originOf(req), { slug: org.slug, id: item.id, item: data });
        return `/manage/orgs/${org.slug}/publications/${item.id}?notice=saved`;
      },
    });
  });

  // Documents

  app.get<{ Params: Slug }>('/manage/orgs/:slug/publications/documents/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await getOrgForPublishing(deps, req.actor, req.params);
    return showForm(req, reply, documentForm(req, org, null));
  });

  app.post<{ Params: Slug }>('/manage/orgs/:slug/publications/documents/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await getOrgForPublishing(deps, req.actor, req.params);
    if (asksForClarityCheck(req.body)) return checkText(req, reply, documentForm(req, org, null, true));
    return handleForm(req, reply, {
      schema: documentInput,
      input: documentBody,
      render: documentForm(req, org, null),
      run: async (doc) => {
        const row = await publishDocument(deps, originOf(req), { slug: org.slug, doc });
        return `/manage/orgs/${org.slug}/publications/documents/${row.id}?notice=published`;
      },
    });
  });

  app.get<{ Params: ItemParams }>('/manage/orgs/:slug/publications/documents/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, doc } = await getDocumentForStaff(deps, req.actor, req.params);
    noticeFrom(req);
    return showForm(req, reply, documentForm(req, org, doc), documentValues(doc));
  });

  app.post<{ Params: ItemParams }>('/manage/orgs/:slug/publications/documents/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { org, doc } = await getDocumentForStaff(deps, req.actor, req.params);
    if (asksForClarityCheck(req.body)) return checkText(req, reply, documentForm(req, org, doc));
    return handleForm(req, reply, {
      schema: documentInput,
      input: documentBody,
      render: documentForm(req, org, doc),
      run: async (data) => {
        await updateDocument(deps, originOf(req), { slug: org.slug, id: doc.id, doc: data });
        return `/manage/orgs/${org.slug}/publications/documents/${doc.id}?notice=saved`;
      },
    });
  });

  app.post<{ Params: ItemParams }>(
    '/manage/orgs/:slug/publications/documents/:id/files',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const { org, doc } = await getDocumentForStaff(deps, req.actor, req.params);
      const files = uploadsOf(req.body, 'files');
      // the page's other form shows the document as stored, whatever came with the files
      const render = documentForm(req, org, doc);
      return handleForm(req, reply, {
        schema: filesOnly,
        render: (form) => render({ values: documentValues(doc), errors: form.errors }),
        check: async () => (files.length ? [] : [{ field: 'files', message: 'publications.files.required' }]),
        run: async () => {
          await attachFiles(deps, originOf(req), { slug: org.slug, id: doc.id, files });
          return `/manage/orgs/${org.slug}/publications/documents/${doc.id}?notice=attached`;
        },
      });
    },
  );

  // Structured sections

  app.get<{ Params: Slug & { key: string } }>(
    '/manage/orgs/:slug/publications/sections/:key',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const { org, def, item } = await getSectionForStaff(deps, req.actor, req.params);
      return showForm(req, reply, sectionForm(req, org, def), { body: item?.bodyHtml ?? '' });
    },
  );

  app.post<{ Params: Slug & { key: string } }>(
    '/manage/orgs/:slug/publications/sections/:key',
    async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const { org, def } = await getSectionForStaff(deps, req.actor, req.params);
      return handleForm(req, reply, {
        schema: sectionInput,
        render: sectionForm(req, org, def),
        run: async (section) => {
          await saveSection(deps, originOf(req), { slug: org.slug, key: def.key, section });
          return `/orgs/${org.slug}/${def.path}?notice=saved`;
        },
      });
    },
  );
}
