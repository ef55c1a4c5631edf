import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { accountsSession } from './modules/accounts/index.ts';
import { modules } from './modules/index.ts';
import { accessibilityPage } from './platform/accessibility/accessibility-page.tsx';
import { calendarPages } from './platform/calendar/pages.tsx';
import type { Deps } from './platform/deps.ts';
import { altchaRoutes } from './platform/http/altcha.ts';
import { apiWriteGuard } from './platform/http/api-guard.ts';
import { healthRoutes } from './platform/http/health.ts';
import { httpPlatform } from './platform/http/index.tsx';
import { openApiPlatform } from './platform/http/openapi.ts';
import { operationsPlatform } from './platform/http/operations.ts';
import { seoRoutes } from './platform/http/seo.ts';
import { platformManagePages } from './platform/manage/index.tsx';
import { staffAreaGuard } from './platform/manage/staff-area.ts';
import './platform/ui/messages.ts';
import './platform/files/messages.ts';
import './platform/text/messages.ts';

/**
 * Whose X-Forwarded-For counts (TRUST_PROXY); by default nobody's and the TCP peer is the client.
 * A hop count trusts that many proxies in front whatever their address (Fastify itself now
 * refuses a bare number), so it fits only when the app's port is reachable through the proxy alone.
 */
function trustProxyOption(tp: Deps['config']['trustProxy']) {
  return typeof tp === 'number' ? (_address: string, hop: number) => hop < tp : tp;
}

/**
 * The whole HTTP application: platform plugins first, then each module's pages and API.
 * `onRoute` sees every route as it is added (the access-matrix test enumerates them so).
 */
export async function buildApp(
  deps: Deps,
  opts: { onRoute?: (route: RouteOptions) => void } = {},
): Promise<FastifyInstance> {
  // pino's Logger and Fastify's base logger differ only in typing.

  const app = Fastify({
    loggerInstance: deps.log as unknown as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(deps.config.trustProxy),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(operationsPlatform, { deps });
  await app.register(httpPlatform, { deps });
  // Sessions set req.actor before any module's route runs.
  await app.register(accountsSession);
  await app.register(staffAreaGuard);
  await app.register(apiWriteGuard);
  await app.register(altchaRoutes);
  await app.register(healthRoutes);
  await app.register(accessibilityPage);
  await app.register(platformManagePages);
  await app.register(calendarPages);
  // OpenAPI collects routes as they are added, so it goes before the modules.
  await app.register(openApiPlatform);
  for (const m of modules) {
    if (m.web) await app.register(m.web);
    if (m.api) await app.register(m.api, { prefix: '/api/v1' });
  }
  await app.register(seoRoutes, { sources: modules.flatMap((m) => (m.sitemap ? [m.sitemap] : [])) });
  return app as unknown as FastifyInstance;
}
