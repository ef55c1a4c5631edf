import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../../platform/audit/index.ts';
import { isSignedIn } from '../../../../platform/authz/index.ts';
import { formatLocalDate } from '../../../../platform/calendar/format.ts';
import { addCalendarDays, toLocalDate } from '../../../../platform/calendar/index.ts';
import { authorize, NotFound } from '../../../../platform/errors/index.ts';
import {
  type FormState,
  handleForm,
  type RenderForm,
  showForm,
} from '../../../../platform/http/form-page.ts';
import {
  findOrganizationBySlug,
  findOrganizationsByIds,
  listAllOrganizations,
  type OrgRow,
} from '../../../orgs/index.ts';
import {
  banInput,
  commentInput,
  editCommentInput,
  hideInput,
  outcomeInput,
  reportInput,
  topicInput,
} from '../discussions.input.ts';
import { endOfRegionDay, startOfRegionDay, TOPIC } from '../discussions.model.ts';
import { discussionsPolicy } from '../discussions.policy.ts';
import type { DiscussionRow } from '../discussions.repository.ts';
import { editComment } from '../edit-comment.ts';
import {
  getCommentForModeration,
  getCommentHistory,
  getDiscussionById,
  getDiscussionForOutcome,
  getModerationQueue,
  listDiscussions,
  loadDiscussionView,
} from '../get-discussion.ts';
import { approveComment, banAuthor, hideComment } from '../moderate-comment.ts';
import { openDiscussion } from '../open-discussion.ts';
import { postComment } from '../post-comment.ts';
import { publishOutcome } from '../publish-outcome.ts';
import { reportComment } from '../report-comment.ts';
import {
  DiscussionListView,
  DiscussionPageView,
  discussionHref,
  EditView,
  HistoryView,
  ModerateView,
  OutcomeFormView,
  orgTitle,
  QueueView,
  ReplyView,
  ReportView,
  RulesView,
  TopicFormView,
} from './pages.tsx';

type Id = { id: string };
type CommentParams = { id: string; cid: string };
type SlugParams = { slug: string };

/**
 * Where a comment returns: the page of the owner's part it was written on (`back`, e.g. a plan
 * item's page), when that is a local path under the owner's page; the owner's page otherwise.
 */
function backTo(d: Pick<DiscussionRow, 'id' | 'ownerUrl'>, body: unknown): string {
  const back = (body as { back?: unknown } | null)?.back;
  if (
    d.ownerUrl &&
    typeof back === 'string' &&
    back.startsWith(`${d.ownerUrl}/`) &&
    // letters, digits, '-', '_' and '/' only: no '..' (nor its %2e form) to climb out of the owner's pages
    /^\/(?![/\\])[A-Za-z0-9\-_/]*$/.test(back)
  )
    return back;
  return discussionHref(d);
}

function redirectToSignIn(req: FastifyRequest, reply: FastifyReply, next = req.url): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
  return true;
}

const NOTICES: Record<string, string> = {
  hidden: 'disc.notice.hidden',
  approved: 'disc.notice.approved',
  banned: 'disc.notice.banned',
  reported: 'disc.notice.reported',
  edited: 'disc.notice.edited',
  outcome: 'disc.notice.outcome',
  opened: 'disc.notice.opened',
};
function noticeFrom(req: FastifyRequest) {
  const key = (req.query as Record<string, unknown>)?.notice;
  if (typeof key === 'string' && Object.hasOwn(NOTICES, key))
    req.flash = { kind: 'success', text: req.t(NOTICES[key] as string) };
}

const home = (req: FastifyRequest) => ({ href: '/', text: req.t('ui.nav.home') });
const listCrumb = (req: FastifyRequest) => ({ href: '/discussions', text: req.t('disc.list.title') });
const manageCrumbs = (req: FastifyRequest) => [
  { href: '/manage', text: req.t('ui.nav.manage') },
  { href: '/manage/discussions', text: req.t('disc.manage.title') },
];

/** Public pages of discussions, the comment routes owners' sections post to, and the moderators' pages. */
export async function discussionsWeb(app: FastifyInstance): Promise<void> {
  const { deps } = app;

  const discussionPage =
    (req: FastifyRequest, id: string): RenderForm =>
    async (form: FormState) => {
      const d = await getDiscussionById(deps, id);
      const view = await loadDiscussionView(deps, req.actor, d);
      return {
        title: d.title,
        body: <DiscussionPageView view={view} form={form} />,
        breadcrumbs: [home(req), listCrumb(req)],
      };
    };

  app.get('/discussions', async (req, reply) => {
    const items = await listDiscussions(deps, {});
    const orgs = new Map(
      (await findOrganizationsByIds(deps.db, [...new Set(items.map((d) => d.orgId))])).map((o) => [o.id, o]),
    );
    return reply.page(
      req.t('disc.list.title'),
      <DiscussionListView items={items} orgs={orgs} now={deps.clock.now()} />,
      {
        breadcrumbs: [home(req)],
      },
    );
  });

  app.get('/discussions/rules', async (req, reply) =>
    reply.page(req.t('disc.rules.title'), <RulesView />, { breadcrumbs: [home(req), listCrumb(req)] }),
  );

  app.get<{ Params: SlugParams }>('/orgs/:slug/discussions', async (req, reply) => {
    const org = await findOrganizationBySlug(deps.db, req.params.slug);
    if (!org) throw new NotFound();
    const items = await listDiscussions(deps, { orgId: org.id });
    return reply.page(
      `${req.t('disc.list.orgTitle')} — ${orgTitle(org, req.locale)}`,
      <DiscussionListView items={items} org={org} orgs={new Map([[org.id, org]])} now={deps.clock.now()} />,
      { breadcrumbs: [home(req), { href: `/orgs/${org.slug}`, text: orgTitle(org, req.locale) }] },
    );
  });

  app.get<{ Params: Id }>('/discussions/:id', async (req, reply) => {
    noticeFrom(req);
    return showForm(req, reply, discussionPage(req, req.params.id));
  });

  app.post<{ Params: Id }>('/discussions/:id/comments', async (req, reply) => {
    const d = await getDiscussionById(deps, req.params.id);
    if (redirectToSignIn(req, reply, `/discussions/${d.id}`)) return reply;
    return handleForm(req, reply, {
      schema: commentInput,
      render: discussionPage(req, d.id),
      run: async (input) => {
        const c = await postComment(deps, originOf(req), { ...input, discussionId: d.id });
        return `${backTo(d, req.body)}#comment-${c.id}`;
      },
    });
  });

  app.get<{ Params: CommentParams }>('/discussions/:id/comments/:cid/reply', async (req, reply) => {
    const d = await getDiscussionById(deps, req.params.id);
    const view = await loadDiscussionView(deps, req.actor, d);
    const parent = view.comments.find((c) => c.id === req.params.cid && c.status === 'published');
    if (!parent) throw new NotFound();
    return reply.page(req.t('disc.reply.title'), <ReplyView view={view} parent={parent} />, {
      breadcrumbs: [home(req), listCrumb(req), { href: `/discussions/${d.id}`, text: d.title }],
    });
  });

  const editPage =
    (req: FastifyRequest, p: CommentParams): RenderForm =>
    async (form) => {
      const d = await getDiscussionById(deps, p.id);
      const { comment } = await getCommentHistory(deps, req.actor, d, p.cid);
      if (!isSignedIn(req.actor) || comment.authorUserId !== req.actor.userId) throw new NotFound();
      return {
        title: req.t('disc.edit.title'),
        body: <EditView discussion={d} comment={comment} form={form} />,
        breadcrumbs: [home(req), listCrumb(req), { href: `/discussions/${d.id}`, text: d.title }],
      };
    };

  app.get<{ Params: CommentParams }>('/discussions/:id/comments/:cid/edit', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const d = await getDiscussionById(deps, req.params.id);
    const { comment } = await getCommentHistory(deps, req.actor, d, req.params.cid);
    return showForm(req, reply, editPage(req, req.params), { text: comment.text });
  });

  app.post<{ Params: CommentParams }>('/discussions/:id/comments/:cid/edit', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const d = await getDiscussionById(deps, req.params.id);
    return handleForm(req, reply, {
      schema: editCommentInput,
      render: editPage(req, req.params),
      run: async ({ text }) => {
        await editComment(deps, originOf(req), { discussionId: d.id, commentId: req.params.cid, text });
        return `${discussionHref(d)}#comment-${req.params.cid}`;
      },
    });
  });

  app.get<{ Params: CommentParams }>('/discussions/:id/comments/:cid/history', async (req, reply) => {
    const d = await getDiscussionById(deps, req.params.id);
    const { comment, edits } = await getCommentHistory(deps, req.actor, d, req.params.cid);
    const view = await loadDiscussionView(deps, req.actor, d);
    return reply.page(
      req.t('disc.history.title'),
      <HistoryView discussion={d} org={view.org} comment={comment} edits={edits} />,
      { breadcrumbs: [home(req), listCrumb(req), { href: `/discussions/${d.id}`, text: d.title }] },
    );
  });

  const reportPage =
    (req: FastifyRequest, p: CommentParams): RenderForm =>
    async (form) => {
      const d = await getDiscussionById(deps, p.id);
      const { comment } = await getCommentHistory(deps, req.actor, d, p.cid);
      if (comment.status !== 'published') throw new NotFound();
      const view = await loadDiscussionView(deps, req.actor, d);
      return {
        title: req.t('disc.report.title'),
        body: <ReportView discussion={d} comment={comment} org={view.org} form={form} />,
        breadcrumbs: [home(req), listCrumb(req), { href: `/discussions/${d.id}`, text: d.title }],
      };
    };

  app.get<{ Params: CommentParams }>('/discussions/:id/comments/:cid/report', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    return showForm(req, reply, reportPage(req, req.params));
  });

  app.post<{ Params: CommentParams }>('/discussions/:id/comments/:cid/report', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    return handleForm(req, reply, {
      schema: reportInput,
      render: reportPage(req, req.params),
      run: async ({ reason }) => {
        await reportComment(deps, originOf(req), {
          discussionId: req.params.id,
          commentId: req.params.cid,
          reason,
        });
        return `/discussions/${req.params.id}?notice=reported#comment-${req.params.cid}`;
      },
    });
  });

  // ---- staff: the moderator queue, moderation, topics, outcomes (the staff-area guard runs first) ----

  app.get('/manage/discussions', async (req, reply) => {
    noticeFrom(req);
    const { items, counts } = await getModerationQueue(deps, req.actor);
    const all = await listAllOrganizations(deps.db);
    const openable = all.filter((o) => discussionsPolicy.canOpenTopic(req.actor, o.id));
    const own = openable.length
      ? (await listDiscussions(deps, { limit: 500 })).filter((d) => openable.some((o) => o.id === d.orgId))
      : [];
    if (!discussionsPolicy.canSeeQueue(req.actor) && openable.length === 0) authorize(false);
    return reply.page(
      req.t('disc.manage.title'),
      <QueueView
        items={items}
        counts={counts}
        orgs={new Map(all.map((o) => [o.id, o]))}
        own={own}
        openable={openable}
      />,
      { breadcrumbs: [{ href: '/manage', text: req.t('ui.nav.manage') }] },
    );
  });

  const moderatePage =
    (req: FastifyRequest, p: CommentParams): RenderForm =>
    async (form) => {
      const m = await getCommentForModeration(deps, req.actor, p.id, p.cid);
      return {
        title: req.t('disc.moderate.title'),
        body: (
          <ModerateView
            discussion={m.discussion}
            org={m.org}
            comment={m.comment}
            reports={m.reports}
            form={form}
          />
        ),
        breadcrumbs: manageCrumbs(req),
      };
    };

  app.get<{ Params: CommentParams }>('/manage/discussions/:id/comments/:cid', async (req, reply) =>
    showForm(req, reply, moderatePage(req, req.params)),
  );

  app.post<{ Params: CommentParams }>('/manage/discussions/:id/comments/:cid/approve', async (req, reply) => {
    await approveComment(deps, originOf(req), { discussionId: req.params.id, commentId: req.params.cid });
    return reply.redirect('/manage/discussions?notice=approved', 303);
  });

  app.post<{ Params: CommentParams }>('/manage/discussions/:id/comments/:cid/hide', async (req, reply) =>
    handleForm(req, reply, {
      schema: hideInput,
      render: moderatePage(req, req.params),
      run: async ({ reason }) => {
        await hideComment(deps, originOf(req), {
          discussionId: req.params.id,
          commentId: req.params.cid,
          reason,
        });
        return '/manage/discussions?notice=hidden';
      },
    }),
  );

  app.post<{ Params: CommentParams }>('/manage/discussions/:id/comments/:cid/ban', async (req, reply) =>
    handleForm(req, reply, {
      schema: banInput,
      render: moderatePage(req, req.params),
      run: async ({ days, banReason }) => {
        await banAuthor(deps, originOf(req), {
          discussionId: req.params.id,
          commentId: req.params.cid,
          days,
          reason: banReason,
        });
        return '/manage/discussions?notice=banned';
      },
    }),
  );

  const topicPage =
    (req: FastifyRequest, org: OrgRow): RenderForm =>
    (form) => ({
      title: req.t('disc.topic.title'),
      body: <TopicFormView org={org} form={form} />,
      breadcrumbs: manageCrumbs(req),
    });
  const orgForTopic = async (req: FastifyRequest<{ Params: SlugParams }>) => {
    const org = await findOrganizationBySlug(deps.db, req.params.slug);
    if (!org) throw new NotFound();
    authorize(discussionsPolicy.canOpenTopic(req.actor, org.id));
    return org;
  };

  app.get<{ Params: SlugParams }>('/manage/orgs/:slug/discussions/new', async (req, reply) => {
    const org = await orgForTopic(req);
    const today = toLocalDate(deps.clock.now());
    return showForm(req, reply, topicPage(req, org), {
      opensOn: formatLocalDate(today),
      closesOn: formatLocalDate(addCalendarDays(today, 30)),
      moderation: 'post',
    });
  });

  app.post<{ Params: SlugParams }>('/manage/orgs/:slug/discussions/new', async (req, reply) => {
    const org = await orgForTopic(req);
    return handleForm(req, reply, {
      schema: topicInput,
      render: topicPage(req, org),
      run: async (t) => {
        const d = await openDiscussion(deps, originOf(req), {
          objectType: TOPIC,
          objectId: crypto.randomUUID(),
          orgId: org.id,
          title: t.title,
          description: t.description,
          rules: t.rules,
          opensAt: startOfRegionDay(t.opensOn),
          closesAt: endOfRegionDay(t.closesOn),
          moderation: t.moderation,
          positionRequired: t.positionRequired,
          identificationRequired: t.identificationRequired,
        });
        return `/discussions/${d.id}?notice=opened`;
      },
    });
  });

  const outcomePage =
    (req: FastifyRequest, id: string): RenderForm =>
    async (form) => {
      const { discussion: d, comments } = await getDiscussionForOutcome(deps, req.actor, id);
      return {
        title: req.t('disc.outcome.formTitle'),
        body: <OutcomeFormView discussion={d} comments={comments} form={form} />,
        breadcrumbs: manageCrumbs(req),
      };
    };

  app.get<{ Params: Id }>('/manage/discussions/:id/outcome', async (req, reply) => {
    const d = await getDiscussionById(deps, req.params.id);
    return showForm(req, reply, outcomePage(req, d.id), {
      outcome: d.outcome ?? '',
      comments: d.outcomeCommentIds.join('\n'),
    });
  });

  app.post<{ Params: Id }>('/manage/discussions/:id/outcome', async (req, reply) =>
    handleForm(req, reply, {
      schema: outcomeInput,
      render: outcomePage(req, req.params.id),
      run: async (o) => {
        const d = await getDiscussionById(deps, req.params.id);
        await publishOutcome(deps, originOf(req), { discussionId: d.id, ...o });
        return `${discussionHref(d)}?notice=outcome#outcome`;
      },
    }),
  );
}
