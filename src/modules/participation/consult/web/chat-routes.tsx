import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../../platform/audit/index.ts';
import { isSignedIn } from '../../../../platform/authz/index.ts';
import { loadCalendar } from '../../../../platform/calendar/store.ts';
import { NotFound } from '../../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../../platform/http/form-page.ts';
import {
  findOrganizationById,
  findOrganizationBySlug,
  listAllOrganizations,
  type OrgRow,
} from '../../../orgs/index.ts';
import { answerChat, closeChat } from '../answer-chat.ts';
import { isChatOpen, readChatHours } from '../chat-hours.ts';
import { getChatQueue, saveChatHours } from '../chat-queue.ts';
import { chatAnswerInput, chatHoursInput, chatMessageInput } from '../consult.input.ts';
import { consultPolicy } from '../consult.policy.ts';
import { consultRepository } from '../consult.repository.ts';
import { continueChat, getConversation, startChat } from '../start-chat.ts';
import {
  ChatAnswerView,
  ChatHoursView,
  ChatQueueView,
  ChatStartView,
  ConversationView,
  conversationPath,
} from './chat-views.tsx';
import { noticeFrom, orgName, redirectToSignIn } from './common.tsx';

type SlugParams = { slug: string };
type ConvParams = { slug: string; id: string };

const notices = {
  sent: 'chat.notice.sent',
  answered: 'chat.notice.answered',
  closed: 'chat.notice.closed',
  hours: 'chat.notice.hours',
};

/** The chat with a body's consultant (task 3.4) and its staff queue. */
export async function chatWeb(app: FastifyInstance) {
  const { deps } = app;
  const { db } = deps;

  const orgBySlug = async (slug: string): Promise<OrgRow> => {
    const org = await findOrganizationBySlug(db, slug);
    if (!org) throw new NotFound('organization');
    return org;
  };
  const orgCrumbs = (req: FastifyRequest, org: OrgRow) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: `/orgs/${org.slug}`, text: orgName(org, req.locale) },
  ];

  const startForm =
    (req: FastifyRequest, org: OrgRow): RenderForm =>
    async (form) => {
      const hours = await readChatHours(db, org.id);
      const { calendar } = await loadCalendar(db);
      const mine = isSignedIn(req.actor)
        ? (await consultRepository.conversationsOfUser(db, req.actor.userId)).filter(
            (c) => c.orgId === org.id,
          )
        : [];
      return {
        title: `${req.t('chat.title')}: ${orgName(org, req.locale)}`,
        body: (
          <ChatStartView
            org={org}
            hours={hours}
            open={isChatOpen(calendar, hours, deps.clock.now())}
            mine={mine}
            {...form}
          />
        ),
        breadcrumbs: [...orgCrumbs(req, org), { text: req.t('chat.title') }],
      };
    };

  app.get<{ Params: SlugParams }>('/orgs/:slug/chat', async (req, reply) => {
    return showForm(req, reply, startForm(req, await orgBySlug(req.params.slug)));
  });

  app.post<{ Params: SlugParams }>('/orgs/:slug/chat', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await orgBySlug(req.params.slug);
    return handleForm(req, reply, {
      schema: chatMessageInput,
      render: startForm(req, org),
      run: async ({ message, via }) => {
        const c = await startChat(deps, originOf(req), { orgId: org.id, message, via });
        return `${conversationPath(org.slug, c.id)}?notice=sent`;
      },
    });
  });

  const conversationForm =
    (req: FastifyRequest, org: OrgRow, id: string): RenderForm =>
    async (form) => {
      const { conversation, messages } = await getConversation(deps, req, id);
      if (conversation.orgId !== org.id) throw new NotFound('chat_conversation');
      return {
        title: req.t('chat.conversation'),
        body: <ConversationView org={org} conversation={conversation} messages={messages} {...form} />,
        breadcrumbs: [
          ...orgCrumbs(req, org),
          { href: `/orgs/${org.slug}/chat`, text: req.t('chat.title') },
          { text: req.t('chat.conversation') },
        ],
      };
    };

  app.get<{ Params: ConvParams }>('/orgs/:slug/chat/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    noticeFrom(req, notices);
    const render = conversationForm(req, await orgBySlug(req.params.slug), req.params.id);
    await render({ values: {}, errors: [] }); // 404 for a conversation not theirs
    return showForm(req, reply, render);
  });

  app.post<{ Params: ConvParams }>('/orgs/:slug/chat/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await orgBySlug(req.params.slug);
    const render = conversationForm(req, org, req.params.id);
    await render({ values: {}, errors: [] });
    return handleForm(req, reply, {
      schema: chatMessageInput,
      render,
      run: async ({ message }) => {
        await continueChat(deps, originOf(req), { conversationId: req.params.id, message });
        return `${conversationPath(org.slug, req.params.id)}?notice=sent`;
      },
    });
  });

  /** What the widget polls: the messages as JSON (the person's own conversation only). */
  app.get<{ Params: ConvParams }>('/orgs/:slug/chat/:id/messages', async (req, reply) => {
    if (!isSignedIn(req.actor)) throw new NotFound('chat_conversation');
    const org = await orgBySlug(req.params.slug);
    const { conversation, messages } = await getConversation(deps, req, req.params.id);
    if (conversation.orgId !== org.id) throw new NotFound('chat_conversation');
    reply.header('cache-control', 'no-store');
    return {
      status: conversation.status,
      statusText: req.t(`chat.status.${conversation.status}`),
      messages: messages.map((m) => ({
        id: m.id,
        fromStaff: m.fromStaff,
        who: req.t(m.fromStaff ? 'chat.from.staff' : 'chat.from.you'),
        body: m.body,
        at: m.createdAt.toISOString(),
      })),
    };
  });

  // Staff

  const manageCrumbs = (req: FastifyRequest) => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: '/manage/chat', text: req.t('chat.manage.title') },
  ];

  app.get('/manage/chat', async (req, reply) => {
    noticeFrom(req, notices);
    const { conversations, counts } = await getChatQueue(deps, req.actor);
    const ids = consultPolicy.runOrgIds(req.actor);
    const all = await listAllOrganizations(db);
    const mine = ids === 'all' ? all : all.filter((o) => ids.includes(o.id));
    // the hours links list only the person's own bodies; the tables name any body in the queue
    const orgs = new Map(mine.map((o) => [o.id, o]));
    const named = new Map(
      all.filter((o) => conversations.some((c) => c.orgId === o.id) || orgs.has(o.id)).map((o) => [o.id, o]),
    );
    return reply.page(
      req.t('chat.manage.title'),
      <ChatQueueView conversations={conversations} counts={counts} orgs={ids === 'all' ? named : orgs} />,
      {
        breadcrumbs: [
          { href: '/manage', text: req.t('ui.nav.manage') },
          { text: req.t('chat.manage.title') },
        ],
      },
    );
  });

  const hoursForm =
    (req: FastifyRequest, org: OrgRow): RenderForm =>
    (form) => ({
      title: req.t('chat.manage.hoursTitle'),
      body: <ChatHoursView org={org} {...form} />,
      breadcrumbs: [...manageCrumbs(req), { text: req.t('chat.manage.hoursTitle') }],
    });

  const orgForHours = async (req: FastifyRequest<{ Params: SlugParams }>) => {
    const org = await orgBySlug(req.params.slug);
    if (!consultPolicy.canRun(req.actor, org.id)) throw new NotFound('organization');
    return org;
  };

  app.get<{ Params: SlugParams }>('/manage/chat/hours/:slug', async (req, reply) => {
    const org = await orgForHours(req);
    return showForm(req, reply, hoursForm(req, org), { ...(await readChatHours(db, org.id)) });
  });

  app.post<{ Params: SlugParams }>('/manage/chat/hours/:slug', async (req, reply) => {
    const org = await orgForHours(req);
    return handleForm(req, reply, {
      schema: chatHoursInput,
      render: hoursForm(req, org),
      run: async (hours) => {
        await saveChatHours(deps, originOf(req), { orgId: org.id, hours });
        return '/manage/chat?notice=hours';
      },
    });
  });

  const answerForm =
    (req: FastifyRequest, id: string): RenderForm =>
    async (form) => {
      const { conversation, messages } = await getConversation(deps, req, id);
      if (!consultPolicy.canRun(req.actor, conversation.orgId)) throw new NotFound('chat_conversation');
      const org = await findOrganizationById(db, conversation.orgId);
      return {
        title: req.t('chat.conversation'),
        body: <ChatAnswerView conversation={conversation} messages={messages} {...form} />,
        breadcrumbs: [
          ...manageCrumbs(req),
          { text: org ? orgName(org, req.locale) : req.t('chat.conversation') },
        ],
      };
    };

  app.get<{ Params: { id: string } }>('/manage/chat/:id', async (req, reply) => {
    const render = answerForm(req, req.params.id);
    await render({ values: {}, errors: [] });
    return showForm(req, reply, render);
  });

  app.post<{ Params: { id: string } }>('/manage/chat/:id', async (req, reply) => {
    const render = answerForm(req, req.params.id);
    await render({ values: {}, errors: [] });
    return handleForm(req, reply, {
      schema: chatAnswerInput,
      render,
      run: async ({ message }) => {
        await answerChat(deps, originOf(req), { conversationId: req.params.id, message });
        return '/manage/chat?notice=answered';
      },
    });
  });

  app.post<{ Params: { id: string } }>('/manage/chat/:id/close', async (req, reply) => {
    await closeChat(deps, originOf(req), { conversationId: req.params.id });
    return reply.redirect('/manage/chat?notice=closed', 303);
  });
}
