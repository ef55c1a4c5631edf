import type { FastifyInstance } from 'fastify';
import { getTransparencyLog } from '../get-transparency-log.ts';
import { publicationUrl } from '../index-items.ts';
import { pageOf } from './routes-common.ts';
import { TransparencyView } from './transparency-page.tsx';

const LOG_PAGE = 50;

/** /transparency: the hash-chained publication log, page by page. */
export async function transparencyRoutes(app: FastifyInstance) {
  app.get('/transparency', async (req, reply) => {
    const page = pageOf(req.query);
    const log = await getTransparencyLog(app.deps, req.actor, { page, perPage: LOG_PAGE });
    const urlOf = (l: (typeof log.lines)[number]) => {
      const slug = l.orgId ? log.slugs.get(l.orgId) : undefined;
      return l.kind && slug
        ? publicationUrl({ id: l.publicationId, kind: l.kind, sectionKey: l.sectionKey }, slug)
        : null;
    };
    return reply.page(
      req.t('transparency.title'),
      <TransparencyView
        lines={log.lines.map((l) => ({ ...l, url: urlOf(l) }))}
        head={log.head}
        count={log.count}
        page={page}
        pages={log.pages}
      />,
      { breadcrumbs: [{ href: '/', text: req.t('ui.nav.home') }, { text: req.t('transparency.title') }] },
    );
  });
}
