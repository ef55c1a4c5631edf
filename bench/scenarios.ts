// The scenarios of the harness, in groups each runnable alone (bench/pages.ts, bench/search.ts,
// bench/appeals.ts) or all together (bench/run.ts, `npm run bench`). A module that lands later adds
// its group here and its file beside them.
import { GENERATED_PASSWORD } from '../src/modules/accounts/index.ts';
import { dbQuery, type Scenario, signInOverHttp } from './lib.ts';

/** Sign in through the real form; a loaded server may shed a request with 503, so try a few times. */
async function signIn(base: string, email: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await signInOverHttp(base, email, GENERATED_PASSWORD);
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

export type Group = { name: string; scenarios: (base: string, dataDir: string) => Promise<Scenario[]> };

const enc = encodeURIComponent;
const q = (paths: string[]) => paths.map((p) => ({ method: 'GET' as const, path: p }));

/** Public pages: cacheable ones against the static ceiling, lists that must query against the query ceiling. */
export const pages: Group = {
  name: 'pages',
  async scenarios(base, dataDir) {
    const [doc] = await dbQuery<{ id: string; slug: string }>(
      dataDir,
      `select p.id, o.slug from publications p join organizations o on o.id = p.org_id
        where p.kind = 'document' order by p.published_at desc offset 100 limit 1`,
    );
    // a browser coming back: it sends the tag it holds, and a page unchanged is a 304 without a body
    const etag = (await fetch(`${base}/`)).headers.get('etag') ?? '';
    const list: Scenario[] = [
      { name: 'home /', path: '/', ceiling: 'static' },
      {
        name: 'home /, revalidating client (If-None-Match → 304)',
        path: '/',
        headers: { 'if-none-match': etag },
        ceiling: 'static',
      },
      {
        name: 'home /, browser (Accept-Encoding: gzip, deflate, br)',
        path: '/',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
        ceiling: 'static',
      },
      { name: 'organisation home /orgs/minsoc', path: '/orgs/minsoc', ceiling: 'static' },
      { name: 'document page', path: `/orgs/${doc?.slug}/documents/${doc?.id}`, ceiling: 'static' },
      {
        name: 'list with filters (documents: type, status)',
        path: `/orgs/government/documents?docType=${enc('постановление')}&docStatus=${enc('действует')}&page=3`,
        ceiling: 'query',
      },
      { name: 'appeals statistics /orgs/minsoc/appeals', path: '/orgs/minsoc/appeals', ceiling: 'query' },
      { name: 'Atom feed /feeds/documents.atom', path: '/feeds/documents.atom', ceiling: 'query' },
    ];
    return list;
  },
};

/** Search over the generated region: one client (latency) and four (throughput), as the targets say. */
export const search: Group = {
  name: 'search',
  async scenarios() {
    const mix = [
      'субсидий',
      'туризма',
      'благоустройство',
      'коррупции',
      'программы',
      'отходами',
      'наследия',
      'область',
    ];
    const q = (params: string[]) => params.map((p) => ({ method: 'GET' as const, path: p }));
    const word = q(mix.map((w) => `/search?q=${enc(w)}`));
    const phrase = q(
      ['"порядок предоставления субсидий"', '"капитальный ремонт"', '"приём граждан"'].map(
        (w) => `/search?q=${enc(w)}`,
      ),
    );
    const requisites = q([
      `/search?number=${enc('125-п')}`,
      `/search?number=12&numberMode=prefix`,
      `/search?docType=${enc('приказ')}&docFrom=2024-01-01&docTo=2024-03-31`,
    ]);
    const facets = q([
      `/search?q=${enc('субсидий')}&org=minzdrav&year=2025`,
      `/search?q=${enc('программы')}&type=document&topic=${enc('туризм')}`,
      `/search?q=${enc('благоустройство')}&org=government&sort=date`,
    ]);
    return [
      { name: 'search: one word, 1 client', requests: word, connections: 1, ceiling: 'query' },
      {
        name: 'search: one word (mix of rare and frequent)',
        requests: word,
        connections: 4,
        ceiling: 'query',
      },
      { name: 'search: phrase', requests: phrase, connections: 4, ceiling: 'query' },
      { name: 'search: requisites', requests: requisites, connections: 4, ceiling: 'query' },
      { name: 'search: facets', requests: facets, connections: 4, ceiling: 'query' },
    ];
  },
};

/** Appeals: intake with durable commits, a citizen's cabinet, the staff queue of the body with the backlog. */
export const appeals: Group = {
  name: 'appeals',
  async scenarios(base, dataDir) {
    const citizen = await signIn(base, 'citizen-1@generated.example');
    const submitter = await signIn(base, 'citizen-2@generated.example');
    const staff = await signIn(base, 'staff-minsoc@generated.example');
    const [minsoc] = await dbQuery<{ id: string }>(
      dataDir,
      `select id from organizations where slug = 'minsoc'`,
    );
    const slugs = (
      await dbQuery<{ slug: string }>(dataDir, 'select slug from organizations order by slug')
    ).map((r) => r.slug);
    let i = 0;
    const body = (orgSlug: string) =>
      JSON.stringify({
        orgSlug,
        kind: 'statement',
        lastName: 'Иванова',
        firstName: 'Мария',
        email: 'citizen-2@generated.example',
        text: 'Прошу установить пандус у входа в поликлинику № 3 на улице Садовой.',
      });
    const scenarios: Scenario[] = [
      {
        name: 'appeal submission POST /api/v1/appeals (all bodies)',
        path: '/api/v1/appeals',
        method: 'POST',
        headers: { cookie: submitter, origin: base, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            path: '/api/v1/appeals',
            setupRequest: (req) => ({ ...req, body: body(slugs[i++ % slugs.length] as string) }),
          },
        ],
        ceiling: 'query',
      },
      {
        name: "citizen's cabinet /cabinet/appeals",
        path: '/cabinet/appeals',
        headers: { cookie: citizen },
        ceiling: 'query',
      },
      {
        name: 'staff queue, body with the open backlog',
        path: `/manage/appeals?org=${minsoc?.id}&status=open`,
        headers: { cookie: staff },
        ceiling: 'query',
      },
    ];
    return scenarios;
  },
};

/**
 * A JSON document of the portal. Right after a heavy scenario the server may still be working off its
 * backlog and shed requests with an HTML 503 (or 429): wait as Retry-After says and ask again, and
 * name the status and the URL rather than failing on the HTML as JSON.
 */
async function getJson<T>(url: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if ((res.status === 503 || res.status === 429) && attempt < 10) {
      await res.body?.cancel();
      await new Promise((r) =>
        setTimeout(r, 1000 * Math.min(Number(res.headers.get('retry-after')) || 2, 10)),
      );
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok || !type.includes('json'))
      throw new Error(`GET ${url}: ${res.status} ${type}: ${(await res.text()).slice(0, 80)}`);
    return (await res.json()) as T;
  }
}

/** The newest data file of a dataset, found as a newcomer finds it: its meta.json. */
async function newestDataPath(base: string, identifier: string, ext = 'csv'): Promise<string> {
  const meta = await getJson<{ data: { source: string }[] }>(`${base}/opendata/${identifier}/meta.json`);
  const source = meta.data[0]?.source;
  if (!source) throw new Error(`${identifier} has no data version: generate into an empty BENCH_DATA_DIR`);
  return new URL(source).pathname.replace(/\.csv$/, `.${ext}`);
}

/**
 * Open data (issue 16): the register, a passport, a small data file and the CKAN search against the
 * ceilings; the generated large dataset (5,000,000 rows × scale) streamed as CSV and JSON by ten
 * clients at once (streamed and counted by the line, since a file outlasts the scenario), and a deep
 * page of its rows API. The server's peak RSS shows whether memory stays flat as the file grows.
 */
export const opendata: Group = {
  name: 'opendata',
  async scenarios(base, dataDir) {
    const [small] = await dbQuery<{ identifier: string }>(
      dataDir,
      `select identifier from datasets where identifier like '%-gen%' order by created_at limit 1`,
    );
    const [large] = await dbQuery<{ identifier: string; rows: number }>(
      dataDir,
      `select d.identifier, v.row_count as rows from datasets d join dataset_versions v on v.dataset_id = d.id
        where d.identifier like '%-passengers' order by v.stamp desc limit 1`,
    );
    if (!small || !large) throw new Error('no generated open data: generate into an empty BENCH_DATA_DIR');
    const smallCsv = await newestDataPath(base, small.identifier);
    const largeCsv = await newestDataPath(base, large.identifier);
    const largeJson = await newestDataPath(base, large.identifier, 'json');
    const ckan = q(
      ['транспорт', 'площадки', 'аптеки', 'наследия'].map(
        (w) => `/api/3/action/package_search?q=${enc(w)}&rows=20`,
      ),
    );
    return [
      { name: 'open data register /opendata/', path: '/opendata/', ceiling: 'query' },
      { name: 'dataset passport', path: `/opendata/${small.identifier}/`, ceiling: 'static' },
      { name: 'small data file (data-….csv)', path: smallCsv, ceiling: 'static' },
      { name: 'CKAN package_search (q, rows=20)', requests: ckan, ceiling: 'query' },
      {
        name: `large data file CSV, ${large.rows} rows a file, 10 clients`,
        path: largeCsv,
        connections: 10,
        ceiling: 'query',
        stream: true,
      },
      {
        name: `large data file JSON, ${large.rows} rows a file, 10 clients`,
        path: largeJson,
        connections: 10,
        ceiling: 'query',
        stream: true,
      },
      {
        name: 'rows API, a deep page (offset = half the rows, limit 100)',
        path: `/api/v1/datasets/${large.identifier}/rows?limit=100&offset=${Math.floor(large.rows / 2)}`,
        ceiling: 'query',
      },
    ];
  },
};

/**
 * Participation over the generated region: a poll's page with live results (a tally over its votes
 * on every view), a closed poll's final results, the results as JSON, a consultation's transcript,
 * a body's reference groups with their quarterly summaries and a participation feed.
 */
export const participation: Group = {
  name: 'participation',
  async scenarios(base, dataDir) {
    const reader = await signIn(base, 'citizen-3@generated.example');
    // the live-results poll with the most votes: its page tallies them on every view
    const [live] = await dbQuery<{ id: string }>(
      dataDir,
      `select p.id from polls p join poll_votes v on v.poll_id = p.id where p.results = 'live'
        group by p.id order by count(*) desc limit 1`,
    );
    const [closed] = await dbQuery<{ id: string }>(
      dataDir,
      `select p.id from polls p join poll_votes v on v.poll_id = p.id
        where p.results = 'after_close' and p.closes_on < (now() at time zone 'Europe/Kaliningrad')::date
        group by p.id order by count(*) desc limit 1`,
    );
    const [consultation] = await dbQuery<{ id: string }>(
      dataDir,
      `select consultation_id as id from consultation_questions group by consultation_id order by count(*) desc limit 1`,
    );
    return [
      { name: 'poll page with live results /polls/<id>', path: `/polls/${live?.id}`, ceiling: 'query' },
      {
        name: 'poll page, signed in (the vote form)',
        path: `/polls/${live?.id}`,
        headers: { cookie: reader },
        ceiling: 'query',
      },
      { name: 'closed poll: final results /polls/<id>', path: `/polls/${closed?.id}`, ceiling: 'query' },
      {
        name: 'poll results as JSON /api/v1/polls/<id>',
        path: `/api/v1/polls/${live?.id}`,
        ceiling: 'query',
      },
      { name: 'polls list /polls', path: '/polls', ceiling: 'query' },
      {
        name: 'consultation transcript /consultations/<id>',
        path: `/consultations/${consultation?.id}`,
        ceiling: 'query',
      },
      { name: 'reference groups /orgs/minzdrav/groups', path: '/orgs/minzdrav/groups', ceiling: 'query' },
      {
        name: 'participation feed /feeds/orgs/minzdrav/participation.atom',
        path: '/feeds/orgs/minzdrav/participation.atom',
        ceiling: 'query',
      },
    ];
  },
};

/**
 * Rule-making over the generated region: the drafts list, the draft in public discussion with the
 * most proposals on its clauses (its comments read on every view) and the region's legislative plan.
 */
export const drafts: Group = {
  name: 'drafts',
  async scenarios(_base, dataDir) {
    const [busy] = await dbQuery<{ id: string; comments: number }>(
      dataDir,
      `select r.id, count(*)::int as comments from draft_regulations r
         join discussions d on d.object_type = 'draft' and d.object_id = r.id::text
         join discussion_comments c on c.discussion_id = d.id
        where r.stage = 'discussion' group by r.id order by count(*) desc, r.id limit 1`,
    );
    if (!busy)
      throw new Error(
        'no generated draft in discussion: generate the data again (drafts joined the generator later)',
      );
    return [
      { name: 'drafts list /drafts', path: '/drafts', ceiling: 'query' },
      {
        name: `draft in discussion with ${busy?.comments} comments /drafts/<id>`,
        path: `/drafts/${busy?.id}`,
        ceiling: 'query',
      },
      { name: 'legislative plan /drafts/plan', path: '/drafts/plan', ceiling: 'query' },
    ];
  },
};

/**
 * The openness rating of the generated cycle: the published rating (a snapshot of every
 * organisation's index), one body's page in it with every criterion explained, and the rating's API.
 */
export const monitoring: Group = {
  name: 'monitoring',
  async scenarios(_base, dataDir) {
    const [cycle] = await dbQuery<{ year: number }>(
      dataDir,
      `select year from monitoring_cycles where status = 'published' order by year desc limit 1`,
    );
    if (!cycle)
      throw new Error('no published rating: generate the data again (monitoring joined the generator later)');
    const year = cycle.year;
    return [
      { name: `rating page /rating/${year}`, path: `/rating/${year}`, ceiling: 'static' },
      {
        name: `a body in the rating /rating/${year}/minsoc`,
        path: `/rating/${year}/minsoc`,
        ceiling: 'static',
      },
      { name: `rating API /api/v1/ratings/${year}`, path: `/api/v1/ratings/${year}`, ceiling: 'query' },
    ];
  },
};

export const groups: Group[] = [pages, search, appeals, opendata, participation, drafts, monitoring];
