import type { FastifyInstance } from 'fastify';
import { isStaff } from '../../platform/authz/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { registerManageSection } from '../../platform/ui/manage-sections.ts';
import type { ModuleManifest } from '../manifest.ts';
import { listAllOrganizations } from '../orgs/index.ts';
import { publicationsApi } from './api/index.ts';
import { EXTRACT_ABANDONED_QUEUE, EXTRACT_QUEUE } from './attach-files.ts';
import { declarantUrl } from './declarations.search.ts';
import { extractAttachmentText, extractionAbandoned } from './extract-attachment-text.ts';
import { generatePublications } from './generate-publications.ts';
import { publicationUrl } from './index-items.ts';
import { publicationsMessages } from './messages.ts';
import { publicationsRepository } from './publications.repository.ts';
import { publicationsSearch } from './publications.search.ts';
import { structuredSections } from './sections.ts';
import { publicationsWeb } from './web/index.tsx';

export {
  listPublicItemsForIndex,
  type PublicItem,
  publicationUrl,
  publicDocumentRegister,
  type RegisterDocument,
} from './index-items.ts';
export {
  actInForce,
  listOpenMunicipalityActs,
  OPEN_MUNICIPALITY_TOPIC,
  type OpenMunicipalityAct,
} from './open-municipality.ts';
export {
  type DocType,
  type DocumentInput,
  dateField,
  docTypeLabel,
  docTypes,
  documentInput,
  regionalActTypes,
} from './publications.input.ts';
export { publishDocument } from './publish-document.ts';
export { sanitizeRichText } from './sanitize.ts';
export { structuredSections } from './sections.ts';
export { DEMO_REGIONAL_LAW, seedDemoRegion } from './seed-demo-region.ts';
export {
  DEMO_PDF_DOCUMENT,
  DEMO_PDF_PHRASE,
  registerPublicationSections,
  seedDemoPublications,
} from './seed-publications.ts';
export { type VerifyResult, verifyPublicationLog } from './verify-publication-log.ts';

registerManageSection({
  key: 'publications',
  href: '/manage/publications',
  titleKey: 'publications.manage.section',
  descriptionKey: 'publications.manage.sectionDescription',
  order: 30,
  visible: (actor) => isStaff(actor),
});

/** The text-extraction worker (PDF, DOCX) for attachments, run in the server process. */
async function publicationsWorkers(deps: Deps): Promise<void> {
  await deps.jobs.work<{ attachmentId: string }>(EXTRACT_QUEUE, async (data) => {
    await extractAttachmentText(deps, data);
  });
  await deps.jobs.work<{ attachmentId: string }>(EXTRACT_ABANDONED_QUEUE, async (data) => {
    await extractionAbandoned(deps, data);
  });
}

/** Public URLs for the sitemap: press, documents, sections, items. */
async function publicationsSitemap(app: FastifyInstance): Promise<string[]> {
  const { db } = app.deps;
  const orgs = await listAllOrganizations(db);
  const urls = ['/transparency', '/legal-acts', '/legal-acts/open-municipality'];
  for (const o of orgs) {
    urls.push(`/orgs/${o.slug}/press`, `/orgs/${o.slug}/documents`, `/orgs/${o.slug}/declarations`);
    for (const s of structuredSections) urls.push(`/orgs/${o.slug}/${s.path}`);
  }
  // the page of each person the public may see (in the post, a year published)
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
  for (const d of await publicationsRepository.publicDeclarants(db)) {
    const slug = slugOf.get(d.orgId);
    if (slug) urls.push(declarantUrl(slug, d.id));
  }
  // light rows a batch at a time: a region holds hundreds of thousands of items
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await publicationsRepository.publicPageBatch(db, after, 10_000);
    for (const p of rows) urls.push(publicationUrl(p, slugOf.get(p.orgId) ?? ''));
    const last = rows.at(-1);
    if (!last || rows.length < 10_000) break;
    after = last.id;
  }
  return urls;
}

/**
 * What each organisation publishes: news and media, documents with requisites
 * and attachments, the structured sections of 8-ФЗ, income declarations; every
 * version kept and every change in a hash-chained log (/transparency).
 */
export const publicationsModule: ModuleManifest = {
  name: 'publications',
  messages: publicationsMessages,
  web: publicationsWeb,
  api: publicationsApi,
  sitemap: publicationsSitemap,
  search: publicationsSearch,
  workers: publicationsWorkers,
  generate: { after: ['orgs'], run: generatePublications },
};
