import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { globalRoles, isSignedIn, orgRoles } from '../../../platform/authz/index.ts';

const meSchema = z
  .object({
    signedIn: z.boolean(),
    user: z
      .object({
        id: z.uuid(),
        displayName: z.string(),
        identification: z.enum(['email', 'esia']).describe('how the person was identified (59-ФЗ)'),
        identityLevel: z.enum(['simplified', 'standard', 'verified']).nullable(),
        emailVerified: z.boolean(),
        roles: z.array(z.object({ role: z.enum([...orgRoles, ...globalRoles]), orgId: z.uuid().nullable() })),
      })
      .nullable(),
  })
  .describe('The person behind the request, or signedIn: false');

/** GET /api/v1/me: who the session cookie belongs to (fields copied by name, no e-mail). */
export async function accountsApi(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Текущий пользователь / The current user',
        description:
          'Кто выполнил вход в этом браузере (по cookie сеанса) и его роли. / Who is signed in with this session cookie, and their roles.',
        response: { 200: meSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const a = req.actor;
      if (!isSignedIn(a)) return { signedIn: false, user: null };
      return {
        signedIn: true,
        user: {
          id: a.userId,
          displayName: a.displayName,
          identification: a.identification,
          identityLevel: (a.identityLevel ?? null) as 'simplified' | 'standard' | 'verified' | null,
          emailVerified: a.emailVerified,
          roles: a.grants.map((g) => ({ role: g.role, orgId: g.orgId })),
        },
      };
    },
  );
}
