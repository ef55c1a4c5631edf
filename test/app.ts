import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createTestDeps, type TestDeps } from './db.ts';

export type TestApp = { app: FastifyInstance; deps: TestDeps; close(): Promise<void> };

/** The real app on a fresh database, for app.inject. */
export async function createTestApp(
  opts: Parameters<typeof createTestDeps>[0] & {
    /** extra routes a test needs inside the real app (a form that uploads, a route that throws) */
    routes?: (app: FastifyInstance) => Promise<void>;
    /** sees every route of the app as it is added (the access matrix enumerates them) */
    onRoute?: (route: RouteOptions) => void;
  } = {},
): Promise<TestApp> {
  const deps = await createTestDeps(opts);
  const app = await buildApp(deps, opts.onRoute ? { onRoute: opts.onRoute } : {});
  if (opts.routes) await app.register(opts.routes);
  await app.ready();
  return {
    app,
    deps,
    async close() {
      await app.close();
      await deps.close();
    },
  };
}

/** A cookie jar for a sequence of injected requests, as a browser keeps them. */
export class CookieJar {
  private jar = new Map<string, string>();
  store(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string) {
    return this.jar.get(name);
  }
  set(name: string, value: string) {
    this.jar.set(name, value);
  }
}

/** The CSRF token a rendered form carries. */
export function csrfFrom(html: string): string {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  if (!m?.[1]) throw new Error('no CSRF token in page');
  return m[1];
}
