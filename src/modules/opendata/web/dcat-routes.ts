import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../../platform/errors/index.ts';
import { sendCacheable } from '../../../platform/http/cache.ts';
import { listAllOrganizations } from '../../orgs/index.ts';
import { catalogTriples, DCAT_PAGE_SIZE, datasetTriples } from '../dcat.ts';
import { getCatalogue } from '../get-catalogue.ts';
import { type Triple, toJsonLd, toTurtle } from '../rdf.ts';

const TYPES = { ttl: 'text/turtle; charset=utf-8', jsonld: 'application/ld+json; charset=utf-8' } as const;

async function sendRdf(req: FastifyRequest, reply: FastifyReply, ext: keyof typeof TYPES, triples: Triple[]) {
  reply.header('content-type', TYPES[ext]);
  const body = ext === 'ttl' ? await toTurtle(triples) : JSON.stringify(toJsonLd(triples), null, 1);
  return sendCacheable(req, reply, body, { anyone: true });
}

const extOf = (s: string) => {
  if (s !== 'ttl' && s !== 'jsonld') throw new NotFound('format');
  return s;
};

/** The DCAT-AP 3 catalogue (/catalog.ttl, /catalog.jsonld, paged) and each dataset (/dataset/<id>.ttl). */
export async function dcatRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.get<{ Params: { ext: string }; Querystring: { page?: string } }>(
    '/catalog.:ext',
    async (req, reply) => {
      const ext = extOf(req.params.ext);
      const all = await getCatalogue(deps);
      const pages = Math.max(1, Math.ceil(all.length / DCAT_PAGE_SIZE));
      const page = Number(req.query.page ?? 1);
      if (!Number.isInteger(page) || page < 1 || page > pages) throw new NotFound('page');
      const government = (await listAllOrganizations(deps.db)).find((o) => o.kind === 'government');
      return sendRdf(req, reply, ext, catalogTriples(deps.config.publicUrl, all, page, ext, government));
    },
  );
  app.get<{ Params: { file: string } }>('/dataset/:file', async (req, reply) => {
    const m = /^(.+)\.(ttl|jsonld)$/.exec(req.params.file);
    if (!m) throw new NotFound('format');
    const f = (await getCatalogue(deps)).find((x) => x.dataset.identifier === m[1]);
    if (!f) throw new NotFound('dataset');
    return sendRdf(req, reply, extOf(m[2] as string), datasetTriples(deps.config.publicUrl, f));
  });
}
