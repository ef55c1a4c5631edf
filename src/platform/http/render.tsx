import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type ViewContext, ViewCtx } from '../ui/context.ts';
import { type Crumb, Layout } from '../ui/layout.tsx';
import { sendCacheable } from './cache.ts';

export type PageOptions = { status?: number; breadcrumbs?: Crumb[] };

/** Render a view inside the layout as a complete HTML document. */
export function renderPage(view: ViewContext, title: string, body: VNode, opts: PageOptions = {}): string {
  const html = renderToString(
    <ViewCtx.Provider value={view}>
      <Layout title={title} breadcrumbs={opts.breadcrumbs}>
        {body}
      </Layout>
    </ViewCtx.Provider>,
  );
  return `<!DOCTYPE html>\n${html}`;
}

/** Send a page: `return reply.page(req, 'Заголовок', <View/>)`. */
export function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  title: string,
  body: VNode,
  opts: PageOptions = {},
) {
  const html = renderPage(req.view(reply), title, body, opts);
  reply.status(opts.status ?? 200).header('content-type', 'text/html; charset=utf-8');
  return sendCacheable(req, reply, html);
}
