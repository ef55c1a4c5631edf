import type { FastifyInstance } from 'fastify';
import { signInRoutes } from './sign-in.tsx';
import { signOutRoutes } from './sign-out.tsx';

/** Every page of the accounts module. */
export async function accountsWeb(app: FastifyInstance) {
  await app.register(signInRoutes);
  await app.register(signOutRoutes);
}
