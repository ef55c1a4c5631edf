// A ceiling for the harness (bench/run.ts): a bare Fastify process, nothing of the portal but what
// the scenario needs, so each scenario's figure can be read as a share of what this machine can do.
//   --kind static --bytes N   GET / renders a static Preact page of about N bytes
//   --kind query --db URL     GET /org/:slug does one indexed query (organizations by slug) and renders it
// Prints `listening <url>` when ready. Started as a child process by bench/lib.ts.
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';

const { values } = parseArgs({
  options: { kind: { type: 'string' }, bytes: { type: 'string', default: '14000' }, db: { type: 'string' } },
});
const bytes = Number(values.bytes);
const paragraph = 'Открытый регион: новости, документы и обращения граждан органов власти. ';

/** A page of about `bytes` bytes of markup: a header, a list and paragraphs, as a portal page has. */
function page(title: string, extra: string) {
  const items = Math.max(1, Math.floor(bytes / 260));
  return `<!doctype html>${renderToString(
    h('html', { lang: 'ru' }, [
      h('head', null, [h('meta', { charset: 'utf-8' }), h('title', null, title)]),
      h('body', null, [
        h('header', { class: 'govuk-header' }, h('a', { href: '/' }, 'Открытый регион')),
        h('main', { class: 'govuk-main-wrapper' }, [
          h('h1', { class: 'govuk-heading-l' }, title),
          h('p', { class: 'govuk-body' }, extra),
          h(
            'ul',
            { class: 'govuk-list' },
            Array.from({ length: items }, (_, i) =>
              h('li', { key: i }, [h('a', { href: `/item/${i}` }, `Пункт ${i}`), ' ', paragraph]),
            ),
          ),
        ]),
      ]),
    ]),
  )}`;
}

const app = Fastify({ logger: false });
if (values.kind === 'static') {
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page('Главная', '')));
} else if (values.kind === 'query') {
  const pool = new pg.Pool({ connectionString: values.db, max: 10 });
  app.get<{ Params: { slug: string } }>('/org/:slug', async (req, reply) => {
    const { rows } = await pool.query('select id, name_ru, slug, kind from organizations where slug = $1', [
      req.params.slug,
    ]);
    const org = rows[0] as { name_ru: string; kind: string } | undefined;
    if (!org) return reply.code(404).send('not found');
    return reply.type('text/html; charset=utf-8').send(page(org.name_ru, org.kind));
  });
} else {
  process.stderr.write('--kind static|query\n');
  process.exit(2);
}
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${url}\n`);
for (const s of ['SIGINT', 'SIGTERM'] as const)
  process.on(s, () => void app.close().then(() => process.exit(0)));
