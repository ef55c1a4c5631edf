import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listAllOrganizations } from '../../orgs/index.ts';
import { getCatalogue } from '../get-catalogue.ts';
import { TOPICS } from '../opendata.input.ts';
import {
  type FullDataset,
  groupDict,
  organizationDict,
  type PackageDict,
  packageDict,
  resourcesOf,
  tagDict,
} from './ckan-dicts.ts';
import { facetsOf, filterPackages, SearchQueryError, sortPackages } from './ckan-search.ts';

/*
 * A CKAN-compatible Action API (read actions) at /api/3/action/<name> and
 * /api/action/<name): GET query parameters and POST JSON bodies alike, CKAN's
 * envelope {help, success, result | error{__type, message}} and its statuses
 * (Not Found 404, Validation Error 409 with the fields inside `error`, Search
 * Query Error 400, an unknown action 400 with a bare string).
 */

class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail: Record<string, unknown>,
  ) {
    super(type);
  }
}
const notFound = (what = 'Not found') => new CkanError(404, 'Not Found Error', { message: what });
const invalid = (field: string, msg: string) => new CkanError(409, 'Validation Error', { [field]: [msg] });

type Params = Record<string, unknown>;
type Ctx = {
  base: string;
  params: Params;
  catalogue: () => Promise<FullDataset[]>;
  packages: () => Promise<PackageDict[]>;
};

function str(p: Params, k: string): string | undefined {
  const v = p[k];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw invalid(k, 'Must be a string');
}
function int(p: Params, k: string, dflt: number, max?: number): number {
  const s = str(p, k);
  if (s === undefined) return dflt;
  if (!/^\d+$/.test(s)) throw invalid(k, 'Invalid integer');
  const n = Number(s);
  return max !== undefined ? Math.min(n, max) : n;
}
function bool(p: Params, k: string): boolean {
  const s = str(p, k)?.toLowerCase();
  return s === 'true' || s === '1' || s === 'yes';
}
/** A list given as JSON (facet.field='["tags"]'), an array, or one value. */
function list(p: Params, k: string): string[] {
  const v = p[k];
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v.trim().startsWith('[')) {
    try {
      const parsed = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // fall through to the message below
    }
    throw invalid(k, 'Must be a JSON list');
  }
  return [String(v)];
}
const required = (p: Params, k: string) => {
  const v = str(p, k);
  if (v === undefined) throw invalid(k, 'Missing value');
  return v;
};

const packagesOf = (c: Ctx) => c.packages();
const byNameOrId = (all: PackageDict[], id: string) =>
  all.find((p) => p.id === id || p.name === id.toLowerCase());

const actions: Record<string, (c: Ctx, app: FastifyInstance) => Promise<unknown>> = {
  async package_list(c) {
    const limit = int(c.params, 'limit', Number.MAX_SAFE_INTEGER);
    const offset = int(c.params, 'offset', 0);
    const names = (await c.catalogue()).map((f) => f.dataset.identifier).sort();
    return names.slice(offset, offset + limit);
  },

  async current_package_list_with_resources(c) {
    const limit = int(c.params, 'limit', 1000);
    const offset = int(c.params, 'offset', 0);
    const all = sortPackages(await packagesOf(c), 'metadata_modified desc');
    return all.slice(offset, offset + limit);
  },

  async package_search(c) {
    const rows = int(c.params, 'rows', 10, 1000);
    const start = int(c.params, 'start', 0);
    const q = str(c.params, 'q') ?? '*:*';
    const fq = [
      ...list(c.params, 'fq_list'),
      ...(str(c.params, 'fq') ? [str(c.params, 'fq') as string] : []),
    ];
    const sort = str(c.params, 'sort') ?? 'score desc, metadata_modified desc';
    const facetFields = list(c.params, 'facet.field');
    const facetLimit = Number(str(c.params, 'facet.limit') ?? 50);
    const facetMin = int(c.params, 'facet.mincount', 1);
    let found: PackageDict[];
    try {
      found = sortPackages(filterPackages(await packagesOf(c), [q, ...fq]), sort);
    } catch (err) {
      if (err instanceof SearchQueryError)
        throw new CkanError(400, 'Search Query Error', {
          message: `Search Query is invalid: ${err.message}`,
        });
      throw err;
    }
    const { facets, search_facets } = facetsOf(
      found,
      facetFields,
      Number.isFinite(facetLimit) ? facetLimit : 50,
      facetMin,
    );
    return { count: found.length, sort, facets, search_facets, results: found.slice(start, start + rows) };
  },

  async package_show(c) {
    const id = required(c.params, 'id');
    const p = byNameOrId(await packagesOf(c), id);
    if (!p) throw notFound();
    return p;
  },

  async resource_show(c) {
    const id = required(c.params, 'id');
    for (const f of await c.catalogue()) {
      const r = resourcesOf(c.base, f).find((x) => x.id === id);
      if (r) return r;
    }
    throw notFound('Resource was not found.');
  },

  async organization_list(c, app) {
    const allFields = bool(c.params, 'all_fields');
    const limit = int(c.params, 'limit', allFields ? 25 : 1000, 1000);
    const offset = int(c.params, 'offset', 0);
    const sort = str(c.params, 'sort') ?? 'title asc';
    const [orgs, cat] = await Promise.all([listAllOrganizations(app.deps.db), c.catalogue()]);
    const count = (id: string) => cat.filter((f) => f.org.id === id).length;
    const [field = 'title', dir = 'asc'] = sort.trim().split(/\s+/);
    if (!['title', 'name', 'package_count'].includes(field)) throw invalid('sort', 'Bad sort field');
    const dicts = orgs.map((o) => organizationDict(o, count(o.id)));
    dicts.sort((a, b) => {
      const x = a[field as 'title'] as string | number;
      const y = b[field as 'title'] as string | number;
      return (x < y ? -1 : x > y ? 1 : 0) * (dir === 'desc' ? -1 : 1);
    });
    const page = dicts.slice(offset, offset + limit);
    return allFields ? page : page.map((d) => d.name);
  },

  async organization_show(c, app) {
    const id = required(c.params, 'id');
    const org = (await listAllOrganizations(app.deps.db)).find((o) => o.id === id || o.slug === id);
    if (!org) throw notFound();
    const mine = (await packagesOf(c)).filter((p) => p.owner_org === org.id);
    return {
      ...organizationDict(org, mine.length),
      ...(bool(c.params, 'include_datasets') ? { packages: mine.slice(0, 10) } : {}),
      users: [],
      extras: [],
    };
  },

  async group_list(c) {
    const allFields = bool(c.params, 'all_fields');
    const cat = await c.catalogue();
    const dicts = Object.keys(TOPICS)
      .map((k) => groupDict(k, cat.filter((f) => f.dataset.topic === k).length))
      .sort((a, b) => a.title.localeCompare(b.title, 'ru'));
    const limit = int(c.params, 'limit', allFields ? 25 : 1000, 1000);
    const page = dicts.slice(int(c.params, 'offset', 0)).slice(0, limit);
    return allFields ? page : page.map((d) => d.name);
  },

  async group_show(c) {
    const id = required(c.params, 'id');
    if (!Object.hasOwn(TOPICS, id)) throw notFound();
    const mine = (await packagesOf(c)).filter((p) => p.groups.some((g) => g.name === id));
    return {
      ...groupDict(id, mine.length),
      ...(bool(c.params, 'include_datasets') ? { packages: mine.slice(0, 10) } : {}),
      users: [],
      extras: [],
    };
  },

  async tag_list(c) {
    const query = str(c.params, 'query')?.toLowerCase();
    const names = [...new Set((await c.catalogue()).flatMap((f) => f.dataset.keywords))]
      .filter((t) => !query || t.toLowerCase().includes(query))
      .sort((a, b) => a.localeCompare(b, 'ru'));
    return bool(c.params, 'all_fields') ? names.map(tagDict) : names;
  },

  async status_show(c) {
    return statusOf(c.base);
  },
};

function statusOf(base: string) {
  return {
    site_title: 'Открытый регион',
    site_description: 'Открытые данные органов власти Калининградской области',
    site_url: base,
    locale_default: 'ru',
    extensions: ['dcat'],
    ckan_version: '2.10.4',
  };
}

function send(reply: FastifyReply, status: number, body: unknown) {
  return reply
    .status(status)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(JSON.stringify(body));
}

export async function ckanRoutes(app: FastifyInstance) {
  // The catalogue and its package dicts are the same for every reader: this process keeps them for the
  // page cache's time (PAGE_CACHE_TTL_MS, 5 s; 0 turns it off), so a burst of searches builds them once.
  const ttl = app.deps.config.pageCache.ttlMs;
  let kept:
    | { until: number; base: string; catalogue: Promise<FullDataset[]>; packages?: Promise<PackageDict[]> }
    | undefined;
  const shared = (base: string) => {
    const now = app.deps.clock.now().getTime();
    if (kept && kept.until > now && kept.base === base) return kept;
    const entry: NonNullable<typeof kept> = { until: now + ttl, base, catalogue: getCatalogue(app.deps) };
    // a failed read is not kept
    entry.catalogue.catch(() => {
      if (kept === entry) kept = undefined;
    });
    if (ttl > 0) kept = entry;
    return entry;
  };
  const handle = async (req: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) => {
    const base = app.deps.config.publicUrl;
    const name = req.params.name;
    const help = `${base}/api/3/action/help_show?name=${encodeURIComponent(name)}`;
    const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
    if (!action) return send(reply, 400, `Bad request: Action name not known: ${name}`);
    const params: Params =
      req.method === 'POST'
        ? req.body && typeof req.body === 'object' && !Array.isArray(req.body)
          ? (req.body as Params)
          : {}
        : ((req.query ?? {}) as Params);
    const entry = shared(base);
    const ctx: Ctx = {
      base,
      params,
      catalogue: () => entry.catalogue,
      packages: () => {
        entry.packages ??= entry.catalogue.then((all) => all.map((f) => packageDict(base, f)));
        return entry.packages;
      },
    };
    try {
      return send(reply, 200, { help, success: true, result: await action(ctx, app) });
    } catch (err) {
      if (!(err instanceof CkanError)) throw err;
      return send(reply, err.status, { help, success: false, error: { __type: err.type, ...err.detail } });
    }
  };
  for (const prefix of ['/api/3/action', '/api/action']) {
    app.get(`${prefix}/:name`, handle);
    // CKAN's clients POST JSON to read actions; reading needs no sign-in.
    app.post(`${prefix}/:name`, { config: { apiAnonymousWrite: true } }, handle);
  }
  app.get('/api/util/status', async (_req, reply) => send(reply, 200, statusOf(app.deps.config.publicUrl)));
}
