import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The body of every API error (RFC 9457 application/problem+json), as the error handler writes it. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('stable machine-readable code, e.g. not_found, invalid_request'),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe('Ошибка (application/problem+json) / Error (application/problem+json)');
z.globalRegistry.add(problemSchema, { id: 'Problem' });

/** Only the JSON API is documented; pages and platform endpoints are not part of it. */
function documented(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

/**
 * OpenAPI 3.1 from the zod schemas of the routes (`/openapi.json`) and
 * Swagger UI at `/api/docs`. Register before the modules' routes so it sees them.
 */
export const openApiPlatform = fp(async (app: FastifyInstance) => {
  const { config } = app.deps;
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Открытый регион — API / Open Region API',
        version: '1.0.0',
        description: [
          'Открытые данные портала «Открытый регион» Калининградской области: органы власти, их разделы и ответственные должностные лица. Ответы — JSON; ошибки — application/problem+json с полем `code`. Неизвестные параметры запроса отклоняются с кодом 400.',
          '',
          'Open data of the Open Region portal of Kaliningrad Oblast: authorities, their sections and responsible officials. Responses are JSON; errors are application/problem+json with a `code` field. Unknown query parameters are refused with 400.',
        ].join('\n'),
        license: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      },
      servers: [{ url: config.publicUrl }],
      tags: [{ name: 'organizations', description: 'Органы власти / Authorities' }],
    },
    transform: (arg) => {
      const out = jsonSchemaTransform(arg);
      if (!documented(arg.url)) return { ...out, schema: { ...(out.schema ?? {}), hide: true } };
      return out;
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { deepLinking: true, defaultModelsExpandDepth: 0 },
    // Swagger UI sets inline styles from its script; allow that here only, scripts stay 'self'.
    transformStaticCSP: (header) =>
      header.replace(/style-src ([^;]*)/, (_m, v: string) => `style-src ${v} 'unsafe-inline'`),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async (_req, reply) => {
    return reply.header('cache-control', 'no-cache').send(app.swagger());
  });
});
