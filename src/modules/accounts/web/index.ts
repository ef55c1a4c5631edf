import type { FastifyInstance } from 'fastify';
import { devIdpRoutes } from '../oidc/dev-idp.tsx';
import { devIdpEnabled } from '../oidc/providers.ts';
import { apiTokenRoutes } from './api-tokens.tsx';
import { cabinetRoutes } from './cabinet.tsx';
import { confirmEmailRoutes } from './confirm-email.tsx';
import { kioskRoutes } from './kiosk.tsx';
import { manageRoutes } from './manage.tsx';
import { oidcRoutes } from './oidc.tsx';
import { oidcConsentRoutes } from './oidc-consent.tsx';
import { passwordResetRoutes } from './password-reset.tsx';
import { signInRoutes } from './sign-in.tsx';
import { signOutRoutes } from './sign-out.tsx';
import { signUpRoutes } from './sign-up.tsx';

/** Every page of the accounts module. */
export async function accountsWeb(app: FastifyInstance) {
  await app.register(signInRoutes);
  await app.register(signOutRoutes);
  await app.register(signUpRoutes);
  await app.register(confirmEmailRoutes);
  await app.register(passwordResetRoutes);
  await app.register(cabinetRoutes);
  await app.register(apiTokenRoutes);
  await app.register(manageRoutes);
  await app.register(kioskRoutes);
  await app.register(oidcRoutes);
  await app.register(oidcConsentRoutes);
  // The demo ЕСИА: only in the demo deployment and in tests that ask for it (SEED=demo).
  if (devIdpEnabled(app.deps)) await app.register(devIdpRoutes);
}
