import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getRows } from '../get-rows.ts';

const params = z.object({ identifier: z.string().max(80) });
const query = z
  .object({
    limit: z.coerce.number().int().min(1).max(10_000).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  })
  .catchall(z.string().max(500));

/** GET /api/v1/datasets/<identifier>/rows: the newest version's rows as JSON, filtered by column equality. */
export async function rowsApi(app: FastifyInstance) {
  app.get(
    '/datasets/:identifier/rows',
    {
      schema: {
        summary: 'Rows of a dataset’s newest data version',
        description:
          'limit (≤ 10000), offset, and any column name as a filter (?district=Центральный). Values are typed by the structure.',
        tags: ['opendata'],
        params,
        querystring: query,
      },
    },
    async (req) => {
      const { identifier } = req.params as z.infer<typeof params>;
      const { limit, offset, ...filters } = req.query as z.infer<typeof query>;
      return getRows(app.deps, { identifier, limit, offset, filters: filters as Record<string, string> });
    },
  );
}
