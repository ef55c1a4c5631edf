import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { sendCacheable } from '../../../platform/http/cache.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { searchEntriesQuery } from '../../../platform/search/index.ts';
import { useView } from '../../../platform/ui/context.ts';
import { listAllOrganizations } from '../../orgs/index.ts';
import { confirmSubscription } from '../confirm-subscription.ts';
import { createSubscription } from '../create-subscription.ts';
import { findFollowTarget, followable } from '../follow.ts';
import { type FeedKind, getFeed } from '../get-feed.ts';
import { getFollowFeed, getOrgUpdatesFeed } from '../get-follow-feed.ts';
import { getLegalReference } from '../get-legal-reference.ts';
import { listSubscriptions } from '../list-subscriptions.ts';
import { findSubscriptionByToken, removeSubscription } from '../remove-subscription.ts';
import { firstOf, listOf, requestFromPage, searchHref, subscriptionInput } from '../search.input.ts';
import { searchPortal } from '../search-portal.ts';
import { LegalReferenceView } from './legal-page.tsx';
import { SearchView } from './search-page.tsx';
import {
  FollowView,
  InvalidLinkView,
  NewSubscriptionView,
  SubscriptionsView,
  UnsubscribeView,
} from './subscriptions-page.tsx';

type Q = Record<string, unknown>;

function signInFirst(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

const notices: Record<string, string> = {
  created: 'subs.created',
  confirmed: 'subs.confirmed',
  removed: 'subs.removed',
};

/** /search, the legal reference, Atom feeds and e-mail subscriptions. */
export async function searchWeb(app: FastifyInstance) {
  const { db, config } = app.deps;
  const home = (req: FastifyRequest) => ({ href: '/', text: req.t('ui.nav.home') });

  app.get('/search', async (req, reply) => {
    const { req: sreq, form } = requestFromPage((req.query ?? {}) as Q);
    const data = await searchPortal({ db }, sreq);
    const title = sreq.q ? `${req.t('search.title')}: ${sreq.q.slice(0, 80)}` : req.t('search.title');
    return reply.page(title, <SearchView req={sreq} form={form} data={data} />, {
      breadcrumbs: [home(req), { text: req.t('search.title') }],
    });
  });

  const legal = async (req: FastifyRequest, reply: FastifyReply, slug?: string) => {
    const q = (req.query ?? {}) as Q;
    const topics = listOf(q.topic);
    const tag = firstOf(q.tag)?.slice(0, 200);
    const data = await getLegalReference({ db }, { orgSlug: slug, topics });
    const title = data.org ? req.t('legal.titleOrg', { org: data.org.nameRu }) : req.t('legal.title');
    const action = data.org ? `/orgs/${data.org.slug}/legal-reference` : '/legal-reference';
    const crumbs = data.org
      ? [
          home(req),
          { href: '/orgs', text: req.t('orgs.list.title') },
          { href: `/orgs/${data.org.slug}`, text: data.org.nameRu },
          { text: req.t('legal.title') },
        ]
      : [home(req), { text: req.t('legal.title') }];
    return reply.page(
      title,
      <LegalReferenceView data={data} title={title} chosen={topics} tag={tag} action={action} />,
      { breadcrumbs: crumbs },
    );
  };
  app.get('/legal-reference', (req, reply) => legal(req, reply));
  app.get<{ Params: { slug: string } }>('/orgs/:slug/legal-reference', (req, reply) =>
    legal(req, reply, req.params.slug),
  );

  const feed = async (reply: FastifyReply, req: FastifyRequest, kind: FeedKind, slug?: string) => {
    const xml = await getFeed(
      { db, publicUrl: config.publicUrl },
      {
        kind,
        ...(slug ? { orgSlug: slug } : {}),
        title: (org) =>
          org
            ? req.t(kind === 'news' ? 'feeds.title.orgNews' : 'feeds.title.orgDocuments', { org })
            : req.t(`feeds.title.${kind}`),
      },
    );
    reply.type('application/atom+xml; charset=utf-8');
    return sendCacheable(req, reply, xml, { maxAge: 300, anyone: true });
  };
  app.get('/feeds/news.atom', (req, reply) => feed(reply, req, 'news'));
  app.get('/feeds/documents.atom', (req, reply) => feed(reply, req, 'documents'));
  app.get('/feeds/legal-acts.atom', (req, reply) => feed(reply, req, 'legal-acts'));
  app.get<{ Params: { slug: string; file: string } }>('/feeds/orgs/:slug/:file', async (req, reply) => {
    if (req.params.file === 'participation.atom') {
      const xml = await getOrgUpdatesFeed(
        { db, clock: app.deps.clock, publicUrl: config.publicUrl },
        { orgSlug: req.params.slug, title: (org) => req.t('feeds.title.orgParticipation', { org }) },
      );
      reply.type('application/atom+xml; charset=utf-8');
      return sendCacheable(req, reply, xml, { maxAge: 300, anyone: true });
    }
    const kind = ({ 'news.atom': 'news', 'documents.atom': 'documents' } as const)[
      req.params.file as 'news.atom'
    ];
    if (!kind) throw new NotFound('feed');
    return feed(reply, req, kind, req.params.slug);
  });

  // Following one object: its Atom feed, and a page to follow it by e-mail

  app.get<{ Params: { kind: string; file: string } }>('/feeds/follow/:kind/:file', async (req, reply) => {
    const id = req.params.file.match(/^(.+)\.atom$/)?.[1];
    if (!id) throw new NotFound('feed');
    const label = followable(req.params.kind)?.label;
    const xml = await getFollowFeed(
      { db, clock: app.deps.clock, publicUrl: config.publicUrl },
      {
        kind: req.params.kind,
        id,
        title: (title) =>
          req.t('feeds.title.follow', { kind: (req.locale === 'en' ? label?.en : label?.ru) ?? '', title }),
      },
    );
    reply.type('application/atom+xml; charset=utf-8');
    return sendCacheable(req, reply, xml, { maxAge: 300, anyone: true });
  });

  const followPage = async (req: FastifyRequest<{ Params: { kind: string; id: string } }>) => {
    const target = await findFollowTarget(db, req.params.kind, req.params.id);
    if (!target) throw new NotFound('follow');
    const label = followable(target.kind)?.label;
    const mine = (await listSubscriptions({ db }, req.actor)).find(
      (s) => s.kind === 'follow' && s.params.object === target.kind && s.params.id === target.id,
    );
    return { target, kindLabel: (req.locale === 'en' ? label?.en : label?.ru) ?? target.kind, mine };
  };

  app.get<{ Params: { kind: string; id: string } }>('/subscriptions/follow/:kind/:id', async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    const { target, kindLabel, mine } = await followPage(req);
    return reply.page(
      req.t('subs.follow.title', { title: target.title }),
      <FollowView target={target} kindLabel={kindLabel} mine={mine} />,
      { breadcrumbs: [...subsCrumbs(req), { text: req.t('subs.follow') }] },
    );
  });

  app.post<{ Params: { kind: string; id: string } }>(
    '/subscriptions/follow/:kind/:id',
    async (req, reply) => {
      if (signInFirst(req, reply)) return reply;
      const { target } = await followPage(req);
      await createSubscription(app.deps, originOf(req), {
        kind: 'follow',
        object: target.kind,
        id: target.id,
      });
      return reply.redirect('/subscriptions?notice=created', 303);
    },
  );

  // Subscriptions

  const subsCrumbs = (req: FastifyRequest) => [
    home(req),
    { href: '/subscriptions', text: req.t('subs.title') },
  ];

  app.get('/subscriptions', async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    const key = firstOf((req.query as Q).notice);
    if (key && notices[key]) req.flash = { kind: 'success', text: req.t(notices[key]) };
    const rows = await listSubscriptions({ db }, req.actor);
    return reply.page(req.t('subs.title'), <SubscriptionsView rows={rows} />, {
      breadcrumbs: [home(req), { text: req.t('subs.title') }],
    });
  });

  /** The new-subscription form: the organisations and the topics in use to choose from. */
  const newForm = async (req: FastifyRequest): Promise<RenderForm> => {
    const [orgs, browse] = await Promise.all([
      listAllOrganizations(db),
      searchEntriesQuery(db, { perPage: 1 }),
    ]);
    const topics = (browse.facets?.topic ?? []).map((f) => f.key);
    return (form) => ({
      title: req.t('subs.new'),
      body: <NewSubscriptionView {...form} orgs={orgs} topics={topics} />,
      breadcrumbs: [...subsCrumbs(req), { text: req.t('subs.new') }],
    });
  };

  app.get('/subscriptions/new', async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    const { req: sreq } = requestFromPage((req.query ?? {}) as Q);
    const params = searchHref({ ...sreq, q: undefined, page: 1 }).split('?')[1] ?? '';
    const values: Record<string, string> = { params };
    if (sreq.q) Object.assign(values, { kind: 'query', q: sreq.q.slice(0, 300) });
    else if (sreq.orgSlugs.length === 1) Object.assign(values, { kind: 'org', org: sreq.orgSlugs[0] });
    else if (sreq.topics?.length === 1) Object.assign(values, { kind: 'topic', topic: sreq.topics[0] });
    return showForm(req, reply, await newForm(req), values);
  });

  app.post('/subscriptions/new', async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    return handleForm(req, reply, {
      schema: subscriptionInput,
      render: await newForm(req),
      run: async (data) => {
        await createSubscription(app.deps, originOf(req), data);
        return '/subscriptions?notice=created';
      },
    });
  });

  app.get<{ Params: { token: string } }>(
    '/subscriptions/confirm/:token',
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      if (await confirmSubscription(app.deps, req.params.token)) {
        return reply.page(req.t('subs.confirmed'), <ConfirmedView />);
      }
      return reply.page(req.t('subs.title'), <InvalidLinkView />, { status: 404 });
    },
  );

  app.get<{ Params: { token: string } }>('/subscriptions/unsubscribe/:token', async (req, reply) => {
    const row = await findSubscriptionByToken(app.deps, req.params.token);
    if (!row) return reply.page(req.t('subs.title'), <InvalidLinkView />, { status: 404 });
    return reply.page(
      req.t('subs.unsubscribe.title'),
      <UnsubscribeView label={row.label} token={req.params.token} />,
    );
  });

  app.post<{ Params: { token: string } }>('/subscriptions/unsubscribe/:token', async (req, reply) => {
    const row = await findSubscriptionByToken(app.deps, req.params.token);
    if (!row) return reply.page(req.t('subs.title'), <InvalidLinkView />, { status: 404 });
    await removeSubscription(app.deps, originOf(req), { token: req.params.token });
    return reply.page(req.t('subs.removed'), <RemovedView />);
  });

  app.post<{ Params: { id: string } }>('/subscriptions/:id/delete', async (req, reply) => {
    if (signInFirst(req, reply)) return reply;
    await removeSubscription(app.deps, originOf(req), { id: req.params.id });
    return reply.redirect('/subscriptions?notice=removed', 303);
  });
}

function ConfirmedView() {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('subs.confirmed')}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href="/subscriptions">
          {t('subs.title')}
        </a>
      </p>
    </>
  );
}

function RemovedView() {
  const { t } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('subs.removed')}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href="/search">
          {t('search.title')}
        </a>
      </p>
    </>
  );
}
