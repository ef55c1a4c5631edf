import type { FastifyInstance } from 'fastify';
import { decodeCursor, type LegalActsFilter, listLegalActs } from '../get-legal-acts.ts';
import { type DocType, regionalActTypes } from '../publications.input.ts';
import { LegalActsView } from './legal-acts-page.tsx';
import { str } from './routes-common.ts';

/** The filter from the address, leniently: a value that is none of the choices is dropped. */
function filterOf(q: unknown): LegalActsFilter {
  const type = str(q, 'type');
  const year = Number(str(q, 'year'));
  const number = str(q, 'number')?.trim().slice(0, 60);
  return {
    type: (regionalActTypes as readonly string[]).includes(type ?? '') ? (type as DocType) : undefined,
    year: Number.isInteger(year) && year > 1990 && year < 2200 ? year : undefined,
    number: number || undefined,
  };
}

/** /legal-acts: the register of the region's laws and the government's and governor's acts. */
export async function legalActsRoutes(app: FastifyInstance) {
  app.get('/legal-acts', async (req, reply) => {
    const filter = filterOf(req.query);
    const after = decodeCursor(str(req.query, 'after'));
    const page = await listLegalActs(app.deps, req.actor, { filter, after });
    return reply.page(
      req.t('publications.acts.title'),
      <LegalActsView page={page} filter={filter} first={after === null} />,
      {
        breadcrumbs: [{ href: '/', text: req.t('ui.nav.home') }, { text: req.t('publications.acts.title') }],
      },
    );
  });
}
