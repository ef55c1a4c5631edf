import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFound } from '../../../platform/errors/index.ts';
import { blobStoreFor } from '../../../platform/files/index.ts';
import { sendCacheable } from '../../../platform/http/cache.ts';
import { datapackage } from '../datapackage.ts';
import {
  dataCsv,
  dataJson,
  dataXml,
  listCsv,
  listJson,
  listXml,
  metaCsv,
  metaJson,
  metaXml,
  structureCsv,
} from '../files.ts';
import { findVersionFile, getPassport, getRegister } from '../get-register.ts';
import { opendataRepository as repo } from '../opendata.repository.ts';
import { referenceBooksOf } from '../reference-books.ts';
import { baseOf, orgName, registerCrumbs } from './common.ts';
import { withHeading } from './heading.tsx';
import { PassportView, RegisterView } from './public-pages.tsx';

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
} as const;
type Ext = keyof typeof TYPES;

/** A small file of the register (list, meta, structure): revalidated on every use, since it changes with the data. */
function sendFile(
  req: Parameters<typeof sendCacheable>[0],
  reply: FastifyReply,
  ext: Ext,
  body: string | object,
) {
  reply.header('content-type', TYPES[ext]);
  return sendCacheable(req, reply, typeof body === 'string' ? body : JSON.stringify(body, null, 1), {
    anyone: true,
  });
}

/** The register's filter: every dataset, or the reference books only (?kind=refbooks). */
const kindOf = (query: unknown): 'all' | 'refbooks' =>
  (query as Record<string, unknown> | undefined)?.kind === 'refbooks' ? 'refbooks' : 'all';

/** The public side of the register: the methodology 3.0 layout under /opendata/ and each body's register. */
export async function opendataPublicRoutes(app: FastifyInstance) {
  const { deps } = app;

  const register = async (req: Parameters<typeof sendCacheable>[0], reply: FastifyReply) => {
    const { entries } = await getRegister(deps);
    const title = req.t('opendata.title');
    const kind = kindOf(req.query);
    return reply.page(
      title,
      withHeading(title, <RegisterView entries={entries} org={null} kind={kind} books={null} />),
      {
        breadcrumbs: [{ href: '/', text: req.t('ui.nav.home') }, { text: req.t('opendata.title') }],
      },
    );
  };
  app.get('/opendata', (_req, reply) => reply.redirect('/opendata/', 301));
  app.get('/opendata/', register);

  app.get<{ Params: { ext: string } }>('/opendata/list.:ext', async (req, reply) => {
    const ext = req.params.ext;
    if (ext !== 'csv' && ext !== 'json' && ext !== 'xml') throw new NotFound('file');
    const { entries } = await getRegister(deps);
    const base = baseOf(req);
    return sendFile(
      req,
      reply,
      ext,
      ext === 'csv'
        ? listCsv(base, entries)
        : ext === 'json'
          ? listJson(base, entries)
          : listXml(base, entries),
    );
  });

  app.get<{ Params: { slug: string } }>('/orgs/:slug/opendata', (req, reply) =>
    reply.redirect(`/orgs/${encodeURIComponent(req.params.slug)}/opendata/`, 301),
  );
  app.get<{ Params: { slug: string } }>('/orgs/:slug/opendata/', async (req, reply) => {
    const { org, entries } = await getRegister(deps, { slug: req.params.slug });
    if (!org) throw new NotFound('organization');
    const books = referenceBooksOf(entries, await repo.resources(deps.db, org.id));
    const name = orgName(org, req.locale);
    const title = req.t('opendata.register.orgTitle', { org: name });
    const kind = kindOf(req.query);
    const view = <RegisterView entries={entries} org={org} kind={kind} books={books} />;
    return reply.page(title, withHeading(title, view), {
      breadcrumbs: [
        { href: '/', text: req.t('ui.nav.home') },
        { href: '/orgs', text: req.t('orgs.list.title') },
        { href: `/orgs/${org.slug}`, text: name },
        { text: req.t('opendata.title') },
      ],
    });
  });

  app.get<{ Params: { id: string } }>('/opendata/:id', (req, reply) =>
    reply.redirect(`/opendata/${encodeURIComponent(req.params.id)}/`, 301),
  );
  app.get<{ Params: { id: string } }>('/opendata/:id/', async (req, reply) => {
    const p = await getPassport(deps, req.params.id);
    const latest = p.versions[0];
    const structure = latest && p.structures.find((s) => s.id === latest.structureId);
    const preview =
      latest && structure
        ? {
            columns: structure.columns.map((c) => c.titleRu),
            rows: (await repo.rowsPage(deps.db, latest.id, { limit: 5, offset: 0, filters: [] })).rows,
          }
        : null;
    return reply.page(
      p.dataset.title,
      withHeading(p.dataset.title, <PassportView p={p} base={baseOf(req)} preview={preview} />),
      {
        breadcrumbs: [...registerCrumbs(req), { text: p.dataset.identifier }],
      },
    );
  });

  app.get<{ Params: { id: string; file: string } }>('/opendata/:id/:file', async (req, reply) => {
    const m = /^(.+)\.(csv|json|xml)$/.exec(req.params.file);
    if (!m) throw new NotFound('file');
    const [, name, ext] = m as unknown as [string, string, Ext];
    const p = await getPassport(deps, req.params.id);
    const base = baseOf(req);
    if (name === 'meta')
      return sendFile(
        req,
        reply,
        ext,
        ext === 'csv' ? metaCsv(base, p) : ext === 'json' ? metaJson(base, p) : metaXml(base, p),
      );
    if (name === 'datapackage' && ext === 'json') return sendFile(req, reply, 'json', datapackage(base, p));
    const found = findVersionFile(p, name);
    if (!found) throw new NotFound('file');
    if (found.kind === 'structure') {
      if (ext !== 'csv') throw new NotFound('file');
      return sendFile(req, reply, 'csv', structureCsv(found.structure.columns));
    }
    // A data version never changes: any cache may keep it.
    const disposition = `inline; filename="${name}.${ext}"`;
    // rendered once into file storage: the stored bytes, with their length and their hash as the tag
    const { csvSha256, csvBytes } = found.version;
    if (ext === 'csv' && csvSha256 && csvBytes !== null) {
      if (req.headers['if-none-match'] === `"${csvSha256}"`) return reply.code(304).send();
      const stored = await blobStoreFor(deps.config).stream(csvSha256);
      if (stored)
        return reply
          .header('content-type', TYPES.csv)
          .header('cache-control', 'public, max-age=86400, immutable')
          .header('content-disposition', disposition)
          .header('content-length', String(csvBytes))
          .header('etag', `"${csvSha256}"`)
          .send(stored);
    }
    const cols = found.structure.columns;
    const body =
      ext === 'csv'
        ? dataCsv(deps.db, found.version, cols)
        : ext === 'json'
          ? dataJson(deps.db, found.version, cols)
          : dataXml(deps.db, found.version, cols);
    return reply
      .header('content-type', TYPES[ext])
      .header('cache-control', 'public, max-age=86400, immutable')
      .header('content-disposition', disposition)
      .send(Readable.from(body));
  });
}
