import type { FastifyInstance, FastifyRequest } from 'fastify';
import { originOf } from '../../../../platform/audit/index.ts';
import { NotFound } from '../../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../../platform/http/form-page.ts';
import { findUserContact } from '../../../accounts/index.ts';
import {
  findOrganizationById,
  findOrganizationBySlug,
  findOrganizationsByIds,
  listAllOrganizations,
  type OrgRow,
} from '../../../orgs/index.ts';
import { upcomingConsultationsOf } from '../../consult/get-consultations.ts';
import { noticeFrom, orgName, redirectToSignIn } from '../../consult/web/common.tsx';
import { listPolls } from '../../polls/get-poll.ts';
import { decideMembership } from '../decide-membership.ts';
import {
  getGroupForStaff,
  getGroupPage,
  getOrgGroups,
  getOwnGroups,
  listGroupsForStaff,
} from '../get-groups.ts';
import { decisionInput, groupInput, joinInput, ratingInput, referralInput } from '../groups.input.ts';
import { groupsPolicy } from '../groups.policy.ts';
import type { GroupRow } from '../groups.repository.ts';
import { joinGroup } from '../join-group.ts';
import { rateBody } from '../rate-body.ts';
import { referToCouncil } from '../refer-to-council.ts';
import { saveGroup } from '../save-group.ts';
import {
  CabinetGroupsView,
  GroupView,
  groupPath,
  ManageGroupsView,
  ManageGroupView,
  NewGroupView,
  OrgGroupsView,
} from './groups-views.tsx';

type SlugParams = { slug: string };
type GroupParams = { slug: string; id: string };

const notices = {
  joined: 'groups.notice.joined',
  pending: 'groups.notice.pending',
  rated: 'groups.notice.rated',
  saved: 'groups.notice.saved',
  decided: 'groups.notice.decided',
  referred: 'groups.notice.referred',
};

const groupValues = (g: GroupRow): Record<string, string> => ({
  orgId: g.orgId,
  name: g.name,
  who: g.who,
  why: g.why,
  how: g.how,
  channels: g.channels,
  needsApproval: g.needsApproval ? 'yes' : '',
});

/** Reference groups (tasks 2.1–2.5): the body's page, a group's page, the cabinet, the staff pages. */
export async function groupsWeb(app: FastifyInstance) {
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

  app.get<{ Params: SlugParams }>('/orgs/:slug/groups', async (req, reply) => {
    const org = await orgBySlug(req.params.slug);
    const { groups, summaries, referrals } = await getOrgGroups(deps, org.id);
    return reply.page(
      `${req.t('groups.title')}: ${orgName(org, req.locale)}`,
      <OrgGroupsView org={org} groups={groups} summaries={summaries} referrals={referrals} />,
      { breadcrumbs: [...orgCrumbs(req, org), { text: req.t('groups.title') }] },
    );
  });

  // The body's home lists the section under the path the orgs module seeded.
  app.get<{ Params: SlugParams }>('/orgs/:slug/reference-groups', async (req, reply) => {
    const org = await orgBySlug(req.params.slug);
    return reply.redirect(`/orgs/${org.slug}/groups`, 301);
  });

  // The group is loaded once per request: the GET renders first to answer 404 early, then shows.
  const groupForm = (req: FastifyRequest, org: OrgRow, id: string): RenderForm => {
    let loaded: ReturnType<typeof getGroupPage> | undefined;
    return async (form) => {
      loaded ??= getGroupPage(deps, req.actor, id);
      const page = await loaded;
      if (page.group.orgId !== org.id) throw new NotFound('reference_group');
      return {
        title: page.group.name,
        body: <GroupView org={org} {...page} {...form} />,
        breadcrumbs: [
          ...orgCrumbs(req, org),
          { href: `/orgs/${org.slug}/groups`, text: req.t('groups.title') },
          { text: page.group.name },
        ],
      };
    };
  };

  app.get<{ Params: GroupParams }>('/orgs/:slug/groups/:id', async (req, reply) => {
    noticeFrom(req, notices);
    const render = groupForm(req, await orgBySlug(req.params.slug), req.params.id);
    await render({ values: {}, errors: [] });
    return showForm(req, reply, render);
  });

  app.post<{ Params: GroupParams }>('/orgs/:slug/groups/:id/join', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await orgBySlug(req.params.slug);
    const render = groupForm(req, org, req.params.id);
    await render({ values: {}, errors: [] });
    return handleForm(req, reply, {
      schema: joinInput,
      render,
      run: async ({ organisation }) => {
        const m = await joinGroup(deps, originOf(req), { groupId: req.params.id, organisation });
        return `${groupPath(org.slug, req.params.id)}?notice=${m.status === 'approved' ? 'joined' : 'pending'}`;
      },
    });
  });

  app.post<{ Params: GroupParams }>('/orgs/:slug/groups/:id/rate', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const org = await orgBySlug(req.params.slug);
    const render = groupForm(req, org, req.params.id);
    await render({ values: {}, errors: [] });
    return handleForm(req, reply, {
      schema: ratingInput,
      render,
      run: async (rating) => {
        await rateBody(deps, originOf(req), { groupId: req.params.id, ...rating });
        return `${groupPath(org.slug, req.params.id)}?notice=rated`;
      },
    });
  });

  app.get('/cabinet/groups', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const groups = await getOwnGroups(deps, req.actor);
    const approved = [
      ...new Set(groups.filter((g) => g.member.status === 'approved').map((g) => g.group.orgId)),
    ];
    const upcoming = await upcomingConsultationsOf(deps, approved);
    // the bodies' polls open now, beside their consultations
    const polls = (await Promise.all(approved.map((orgId) => listPolls(deps, { orgId }))))
      .flat()
      .filter((p) => p.state === 'open')
      .map((p) => p.poll);
    const orgs = new Map(
      (
        await findOrganizationsByIds(db, [
          ...new Set([...groups.map((g) => g.group.orgId), ...upcoming.map((c) => c.orgId)]),
        ])
      ).map((o) => [o.id, o]),
    );
    return reply.page(
      req.t('groups.cabinet.title'),
      <CabinetGroupsView groups={groups} orgs={orgs} upcoming={upcoming} polls={polls} />,
      {
        breadcrumbs: [
          { href: '/cabinet', text: req.t('ui.nav.cabinet') },
          { text: req.t('groups.cabinet.title') },
        ],
      },
    );
  });

  // Staff

  const manageCrumbs = (req: FastifyRequest) => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    { href: '/manage/groups', text: req.t('groups.manage.title') },
  ];
  const managedOrgs = async (req: FastifyRequest) => {
    const ids = groupsPolicy.managedOrgIds(req.actor);
    const all = await listAllOrganizations(db);
    return ids === 'all' ? all : all.filter((o) => ids.includes(o.id));
  };

  app.get('/manage/groups', async (req, reply) => {
    const groups = await listGroupsForStaff(deps, req.actor);
    const orgs = new Map(
      (await findOrganizationsByIds(db, [...new Set(groups.map((g) => g.orgId))])).map((o) => [o.id, o]),
    );
    return reply.page(req.t('groups.manage.title'), <ManageGroupsView groups={groups} orgs={orgs} />, {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('groups.manage.title') },
      ],
    });
  });

  const newForm =
    (req: FastifyRequest, orgs: OrgRow[]): RenderForm =>
    (form) => ({
      title: req.t('groups.manage.new'),
      body: <NewGroupView orgs={orgs} {...form} />,
      breadcrumbs: [...manageCrumbs(req), { text: req.t('groups.manage.new') }],
    });

  app.get('/manage/groups/new', async (req, reply) => {
    await listGroupsForStaff(deps, req.actor);
    const orgs = await managedOrgs(req);
    return showForm(
      req,
      reply,
      newForm(req, orgs),
      orgs.length === 1 ? { orgId: (orgs[0] as OrgRow).id } : {},
    );
  });

  app.post('/manage/groups/new', async (req, reply) => {
    await listGroupsForStaff(deps, req.actor);
    const orgs = await managedOrgs(req);
    return handleForm(req, reply, {
      schema: groupInput,
      render: newForm(req, orgs),
      run: async (group) => {
        const row = await saveGroup(deps, originOf(req), { group });
        return `/manage/groups/${row.id}?notice=saved`;
      },
    });
  });

  const manageForm =
    (req: FastifyRequest, id: string): RenderForm =>
    async (form) => {
      const data = await getGroupForStaff(deps, req.actor, id);
      const org = await findOrganizationById(db, data.group.orgId);
      const members = await Promise.all(
        data.members.map(async (m) => ({
          ...m,
          name: (await findUserContact(db, m.userId))?.displayName ?? '—',
        })),
      );
      return {
        title: data.group.name,
        body: (
          <ManageGroupView
            org={org}
            group={data.group}
            members={members}
            summaries={data.summaries}
            comments={data.comments}
            referrals={data.referrals}
            period={data.period}
            {...form}
          />
        ),
        breadcrumbs: [...manageCrumbs(req), { text: data.group.name }],
      };
    };

  app.get<{ Params: { id: string } }>('/manage/groups/:id', async (req, reply) => {
    noticeFrom(req, notices);
    const { group } = await getGroupForStaff(deps, req.actor, req.params.id);
    return showForm(req, reply, manageForm(req, group.id), groupValues(group));
  });

  app.post<{ Params: { id: string } }>('/manage/groups/:id', async (req, reply) => {
    const { group } = await getGroupForStaff(deps, req.actor, req.params.id);
    return handleForm(req, reply, {
      schema: groupInput,
      render: manageForm(req, group.id),
      input: (body) => ({ ...body, orgId: group.orgId }),
      run: async (input) => {
        await saveGroup(deps, originOf(req), { id: group.id, group: input });
        return `/manage/groups/${group.id}?notice=saved`;
      },
    });
  });

  app.post<{ Params: { id: string; memberId: string } }>(
    '/manage/groups/:id/members/:memberId',
    async (req, reply) => {
      const { group } = await getGroupForStaff(deps, req.actor, req.params.id);
      return handleForm(req, reply, {
        schema: decisionInput,
        render: manageForm(req, group.id),
        run: async ({ decision }) => {
          await decideMembership(deps, originOf(req), {
            groupId: group.id,
            memberId: req.params.memberId,
            decision,
          });
          return `/manage/groups/${group.id}?notice=decided`;
        },
      });
    },
  );

  app.post<{ Params: { id: string } }>('/manage/groups/:id/refer', async (req, reply) => {
    const { group } = await getGroupForStaff(deps, req.actor, req.params.id);
    return handleForm(req, reply, {
      schema: referralInput,
      render: manageForm(req, group.id),
      run: async ({ note }) => {
        await referToCouncil(deps, originOf(req), { groupId: group.id, note });
        return `/manage/groups/${group.id}?notice=referred`;
      },
    });
  });
}
