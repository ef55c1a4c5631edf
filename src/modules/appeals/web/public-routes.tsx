import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { formatDate } from '../../../platform/calendar/format.ts';
import { toLocalDate } from '../../../platform/calendar/index.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, sendFormPage, showForm } from '../../../platform/http/form-page.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import {
  findOrganizationById,
  findOrganizationBySlug,
  listAllOrganizations,
  listResponsibleOfficials,
  type OrgRow,
} from '../../orgs/index.ts';
import { type Finding, findPersonalData } from '../anonymise.ts';
import { loadDeadlineSettings } from '../appeals.settings.ts';
import { createFaqFromAppeal, previewFaqFromAppeal } from '../faq/faq-from-appeal.ts';
import { deleteFaqItem, publishFaqItem } from '../faq/publish-faq-item.ts';
import { saveFaqItem } from '../faq/save-faq-item.ts';
import { faqConfirmInput, faqFromAppealInput, faqInput, indexSet, reviewInput } from '../public.input.ts';
import { publicSidePolicy } from '../public.policy.ts';
import { type FaqRow, publicRepository as repo } from '../public.repository.ts';
import { prepareReview, publishReview, quarterEnded } from '../reviews/prepare-review.ts';
import { reviewDocx } from '../reviews/review-docx.ts';
import { type Quarter, quarterPeriod, yearPeriod } from '../stats/figures.ts';
import {
  getFiguresByOrg,
  getOrgAppealStats,
  getRegionTotals,
  getStatsYears,
} from '../stats/get-appeal-stats.ts';
import { quarterLabel } from '../stats/labels.ts';
import {
  FaqConfirmView,
  FaqFormView,
  FaqFromAppealView,
  FaqListView,
  ReviewEditView,
  ReviewsManageView,
} from './manage-public-pages.tsx';
import {
  OrgAppealsView,
  orgName,
  RegionStatsView,
  ReviewsListView,
  ReviewView,
  reviewPath,
} from './public-pages.tsx';

type SlugParams = { slug: string };

function noticeFrom(req: FastifyRequest, allowed: Record<string, string>): void {
  const key = (req.query as Record<string, unknown> | undefined)?.notice;
  if (typeof key === 'string' && Object.hasOwn(allowed, key)) {
    req.flash = { kind: 'success', text: req.t(allowed[key] as string) };
  }
}

function redirectToSignIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

const notices = {
  saved: 'appeals.manage.faq.saved',
  published: 'appeals.manage.faq.publishedNotice',
  unpublished: 'appeals.manage.faq.unpublishedNotice',
  deleted: 'appeals.manage.faq.deleted',
  reviewSaved: 'appeals.manage.reviews.saved',
  reviewPublished: 'appeals.manage.reviews.publishedNotice',
  reviewUnpublished: 'appeals.manage.reviews.unpublishedNotice',
};

/** A year from ?year=, within what the data has, else the current one. */
function yearFrom(req: FastifyRequest, years: number[], current: number): number {
  const y = Number((req.query as Record<string, unknown>).year);
  return years.includes(y) ? y : current;
}

/** The public side of appeals: the body's appeals section, reviews, the region's comparison; staff FAQ and reviews. */
export async function appealsPublicWeb(app: FastifyInstance) {
  const { db } = app.deps;
  const deps = app.deps;
  const today = () => toLocalDate(deps.clock.now());
  const thisYear = () => Number(today().slice(0, 4));

  const orgCrumbs = (req: FastifyRequest, org: OrgRow) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/orgs', text: req.t('orgs.list.title') },
    { href: `/orgs/${org.slug}`, text: orgName(org, req.locale) },
  ];
  const orgOr404 = async (slug: string) => {
    const org = await findOrganizationBySlug(db, slug);
    if (!org) throw new NotFound('organization');
    return org;
  };

  app.get<{ Params: SlugParams }>('/orgs/:slug/appeals', async (req, reply) => {
    const org = await orgOr404(req.params.slug);
    const years = await getStatsYears(deps, [org.id], thisYear());
    const year = yearFrom(req, years, thisYear());
    const [officials, deadlines, faq, figures, reviews] = await Promise.all([
      listResponsibleOfficials(db, org.id),
      loadDeadlineSettings(db),
      repo.publishedFaq(db, org.id),
      getOrgAppealStats(deps, org.id, yearPeriod(year)),
      repo.publishedReviews(db, org.id),
    ]);
    return reply.page(
      `${req.t('appeals.public.title')}: ${orgName(org, req.locale)}`,
      <OrgAppealsView
        org={org}
        officials={officials.filter((o) => o.duty === 'appeals')}
        deadlines={deadlines}
        faq={faq}
        figures={figures}
        year={year}
        years={years}
        reviews={reviews}
      />,
      { breadcrumbs: [...orgCrumbs(req, org), { text: req.t('appeals.public.title') }] },
    );
  });

  app.get<{ Params: SlugParams }>('/orgs/:slug/appeals/reviews', async (req, reply) => {
    const org = await orgOr404(req.params.slug);
    const reviews = await repo.publishedReviews(db, org.id);
    return reply.page(
      `${req.t('appeals.public.reviews.title')}: ${orgName(org, req.locale)}`,
      <ReviewsListView org={org} reviews={reviews} />,
      {
        breadcrumbs: [
          ...orgCrumbs(req, org),
          { href: `/orgs/${org.slug}/appeals`, text: req.t('appeals.public.title') },
          { text: req.t('appeals.public.reviews.title') },
        ],
      },
    );
  });

  const publishedReview = async (slug: string, period: string) => {
    const m = /^(\d{4})-q([1-4])$/.exec(period);
    if (!m) throw new NotFound('appeal_review');
    const org = await orgOr404(slug);
    const review = await repo.review(db, org.id, Number(m[1]), Number(m[2]) as Quarter);
    if (!review?.publishedAt) throw new NotFound('appeal_review');
    return { org, review };
  };

  app.get<{ Params: SlugParams & { period: string } }>(
    '/orgs/:slug/appeals/reviews/:period',
    async (req, reply) => {
      const docx = req.params.period.endsWith('.docx');
      const { org, review } = await publishedReview(
        req.params.slug,
        req.params.period.replace(/\.docx$/, ''),
      );
      const path = reviewPath(org.slug, review);
      if (docx) {
        const buf = await reviewDocx(
          {
            orgName: orgName(org, req.locale),
            year: review.year,
            quarter: review.quarter,
            figures: review.figures,
            comment: review.comment,
            publishedAt: review.publishedAt,
            url: `${deps.config.publicUrl}${path}`,
          },
          req.t,
          req.locale,
        );
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            `attachment; filename="appeals-review-${org.slug}-${review.year}-q${review.quarter}.docx"`,
          )
          .send(buf);
      }
      const title = req.t('appeals.review.title', {
        quarter: quarterLabel(review.quarter, req.t),
        year: review.year,
      });
      return reply.page(title, <ReviewView org={org} review={review} docxHref={`${path}.docx`} />, {
        breadcrumbs: [
          ...orgCrumbs(req, org),
          { href: `/orgs/${org.slug}/appeals`, text: req.t('appeals.public.title') },
          { href: `/orgs/${org.slug}/appeals/reviews`, text: req.t('appeals.public.reviews.title') },
          { text: title },
        ],
      });
    },
  );

  app.get('/appeals/stats', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const level = q.level === 'executive' || q.level === 'municipal' ? q.level : 'all';
    const orgs = (await listAllOrganizations(db)).filter((o) => level === 'all' || o.level === level);
    const years = await getStatsYears(deps, 'all', thisYear());
    const year = yearFrom(req, years, thisYear());
    const ids = orgs.map((o) => o.id);
    const [by, total] = await Promise.all([
      getFiguresByOrg(deps, ids, yearPeriod(year)),
      getRegionTotals(deps, ids, yearPeriod(year)),
    ]);
    const rows = orgs.map((org) => ({ org, figures: by.get(org.id) ?? total }));
    return reply.page(
      req.t('appeals.region.title'),
      <RegionStatsView rows={rows} total={total} year={year} years={years} level={level} />,
      { breadcrumbs: [{ href: '/', text: req.t('ui.nav.home') }, { text: req.t('appeals.region.title') }] },
    );
  });

  // Staff: FAQ

  const manageCrumbs = (req: FastifyRequest, section: 'faq' | 'reviews') => [
    { href: '/manage', text: req.t('ui.nav.manage') },
    {
      href: `/manage/appeals/${section}`,
      text: req.t(section === 'faq' ? 'appeals.manage.faq.title' : 'appeals.manage.reviews.title'),
    },
  ];
  /** The bodies this person keeps the public side of (403 when none). */
  const managedOrgs = async (req: FastifyRequest): Promise<OrgRow[]> => {
    const ids = publicSidePolicy.managedOrgIds(req.actor);
    const all = await listAllOrganizations(db);
    const orgs = ids === 'all' ? all : all.filter((o) => ids.includes(o.id));
    if (orgs.length === 0) throw new Forbidden();
    return orgs;
  };
  const faqOr404 = async (req: FastifyRequest, id: string): Promise<FaqRow> => {
    const item = await repo.faqById(db, id);
    if (!item || !publicSidePolicy.canManage(req.actor, item.orgId)) throw new NotFound('appeal_faq_item');
    return item;
  };

  app.get('/manage/appeals/faq', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const orgs = await managedOrgs(req);
    const items = await repo.faqOf(db, publicSidePolicy.managedOrgIds(req.actor));
    noticeFrom(req, notices);
    return reply.page(req.t('appeals.manage.faq.title'), <FaqListView items={items} orgs={orgs} />, {
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('appeals.manage.faq.title') },
      ],
    });
  });

  const faqForm =
    (req: FastifyRequest, item: FaqRow | null, orgs: OrgRow[], warnings: Finding[] = []): RenderForm =>
    (form) => ({
      title: req.t(item ? 'appeals.manage.faq.edit' : 'appeals.manage.faq.new'),
      body: <FaqFormView item={item} orgs={orgs} {...form} warnings={warnings} />,
      breadcrumbs: manageCrumbs(req, 'faq'),
    });
  /** An organisation outside the person's own is refused on the form, as an unknown one is. */
  const ownOrg = (orgs: OrgRow[], orgId: string) => {
    if (!orgs.some((o) => o.id === orgId))
      throw new InvalidInput([{ field: 'orgId', message: 'appeals.faq.org.required' }]);
  };

  app.get('/manage/appeals/faq/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const orgs = await managedOrgs(req);
    const values: Record<string, string> = orgs.length === 1 ? { orgId: (orgs[0] as OrgRow).id } : {};
    return showForm(req, reply, faqForm(req, null, orgs), values);
  });

  app.post('/manage/appeals/faq/new', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const orgs = await managedOrgs(req);
    return handleForm(req, reply, {
      schema: faqInput,
      render: faqForm(req, null, orgs),
      run: async (item) => {
        ownOrg(orgs, item.orgId);
        const row = await saveFaqItem(deps, originOf(req), { item });
        return `/manage/appeals/faq/${row.id}?notice=saved`;
      },
    });
  });

  app.get('/manage/appeals/faq/from-appeal', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    await managedOrgs(req);
    const q = req.query as Record<string, unknown>;
    if (q.number === undefined) {
      return reply.page(
        req.t('appeals.manage.faq.fromAppeal'),
        <FaqFromAppealView values={{}} errors={[]} />,
        {
          breadcrumbs: manageCrumbs(req, 'faq'),
        },
      );
    }
    const form = parseForm(faqFromAppealInput, q);
    try {
      if (!form.ok) throw new InvalidInput(form.errors);
      const draft = await previewFaqFromAppeal(deps, originOf(req), form.data);
      return reply.page(req.t('appeals.manage.faq.confirm.title'), <FaqConfirmView draft={draft} />, {
        breadcrumbs: manageCrumbs(req, 'faq'),
      });
    } catch (e) {
      if (!(e instanceof InvalidInput)) throw e;
      return reply.page(
        req.t('appeals.manage.faq.fromAppeal'),
        <FaqFromAppealView values={{ number: String(q.number ?? '') }} errors={e.errors} />,
        { status: 422, breadcrumbs: manageCrumbs(req, 'faq') },
      );
    }
  });

  app.post('/manage/appeals/faq/from-appeal', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const number = parseForm(faqFromAppealInput, req.query);
    const confirm = parseForm(faqConfirmInput, req.body);
    if (!number.ok || !confirm.ok) throw new NotFound('appeal');
    const row = await createFaqFromAppeal(deps, originOf(req), {
      number: number.data.number,
      confirmedQuestion: indexSet(confirm.data.q),
      confirmedAnswer: indexSet(confirm.data.a),
    });
    return reply.redirect(`/manage/appeals/faq/${row.id}?notice=saved`, 303);
  });

  app.get<{ Params: { id: string } }>('/manage/appeals/faq/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const item = await faqOr404(req, req.params.id);
    const orgs = await managedOrgs(req);
    noticeFrom(req, notices);
    const warnings = [...findPersonalData(item.question), ...findPersonalData(item.answer)];
    return showForm(req, reply, faqForm(req, item, orgs, warnings), {
      question: item.question,
      answer: item.answer,
    });
  });

  app.post<{ Params: { id: string } }>('/manage/appeals/faq/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const item = await faqOr404(req, req.params.id);
    const orgs = await managedOrgs(req);
    return handleForm(req, reply, {
      schema: faqInput,
      input: (body) => ({ ...body, orgId: item.orgId }),
      render: faqForm(req, item, orgs),
      run: async (data) => {
        await saveFaqItem(deps, originOf(req), { id: item.id, item: data });
        return `/manage/appeals/faq/${item.id}?notice=saved`;
      },
    });
  });

  for (const [verb, publish] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/manage/appeals/faq/:id/${verb}`, async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const item = await faqOr404(req, req.params.id);
      try {
        await publishFaqItem(deps, originOf(req), { id: item.id, publish });
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        return reply.page(
          req.t('appeals.manage.faq.edit'),
          <FaqFormView
            item={item}
            orgs={await managedOrgs(req)}
            values={{ question: item.question, answer: item.answer }}
            errors={e.errors}
            warnings={[...findPersonalData(item.question), ...findPersonalData(item.answer)]}
          />,
          { status: 422, breadcrumbs: manageCrumbs(req, 'faq') },
        );
      }
      return reply.redirect(
        `/manage/appeals/faq/${item.id}?notice=${publish ? 'published' : 'unpublished'}`,
        303,
      );
    });
  }

  app.post<{ Params: { id: string } }>('/manage/appeals/faq/:id/delete', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const item = await faqOr404(req, req.params.id);
    await deleteFaqItem(deps, originOf(req), { id: item.id });
    return reply.redirect('/manage/appeals/faq?notice=deleted', 303);
  });

  // Staff: quarterly reviews

  const reviewsPage = async (req: FastifyRequest): Promise<{ orgs: OrgRow[]; render: RenderForm }> => {
    const orgs = await managedOrgs(req);
    const reviews = await repo.reviewsOf(db, publicSidePolicy.managedOrgIds(req.actor));
    const render: RenderForm = (form) => ({
      title: req.t('appeals.manage.reviews.title'),
      body: <ReviewsManageView reviews={reviews} orgs={orgs} {...form} />,
      breadcrumbs: [
        { href: '/manage', text: req.t('ui.nav.manage') },
        { text: req.t('appeals.manage.reviews.title') },
      ],
    });
    return { orgs, render };
  };

  app.get('/manage/appeals/reviews', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { orgs, render } = await reviewsPage(req);
    // The quarter that ended last is the one usually prepared.
    const d = today();
    const q = Math.floor((Number(d.slice(5, 7)) - 1) / 3);
    return showForm(req, reply, render, {
      orgId: orgs.length === 1 ? (orgs[0] as OrgRow).id : '',
      year: String(q === 0 ? thisYear() - 1 : thisYear()),
      quarter: String(q === 0 ? 4 : q),
    });
  });

  app.post('/manage/appeals/reviews', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const { orgs, render } = await reviewsPage(req);
    return handleForm(req, reply, {
      schema: reviewInput,
      render,
      run: async (data) => {
        ownOrg(orgs, data.orgId);
        const existing = await repo.review(db, data.orgId, data.year, data.quarter);
        const row = await prepareReview(deps, originOf(req), { ...data, comment: existing?.comment ?? null });
        return `/manage/appeals/reviews/${row.id}?notice=reviewSaved`;
      },
    });
  });

  const reviewOr404 = async (req: FastifyRequest, id: string) => {
    const review = await repo.reviewById(db, id);
    if (!review || !publicSidePolicy.canManage(req.actor, review.orgId)) throw new NotFound('appeal_review');
    const org = (await findOrganizationById(db, review.orgId)) as OrgRow;
    return { review, org };
  };

  const reviewForm =
    (req: FastifyRequest, v: Awaited<ReturnType<typeof reviewOr404>>): RenderForm =>
    (form) => {
      const end = quarterPeriod(v.review.year, v.review.quarter).to;
      return {
        title: req.t('appeals.review.title', {
          quarter: quarterLabel(v.review.quarter, req.t),
          year: v.review.year,
        }),
        body: (
          <ReviewEditView
            review={v.review}
            org={v.org}
            {...form}
            ended={quarterEnded(v.review, deps.clock.now())}
            endDate={formatDate(new Date(`${end}T12:00:00+02:00`), req.locale)}
          />
        ),
        breadcrumbs: manageCrumbs(req, 'reviews'),
      };
    };

  app.get<{ Params: { id: string } }>('/manage/appeals/reviews/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const v = await reviewOr404(req, req.params.id);
    noticeFrom(req, notices);
    return showForm(req, reply, reviewForm(req, v), { comment: v.review.comment ?? '' });
  });

  app.post<{ Params: { id: string } }>('/manage/appeals/reviews/:id', async (req, reply) => {
    if (redirectToSignIn(req, reply)) return reply;
    const v = await reviewOr404(req, req.params.id);
    return handleForm(req, reply, {
      schema: reviewInput,
      input: (body) => ({
        ...body,
        orgId: v.review.orgId,
        year: String(v.review.year),
        quarter: String(v.review.quarter),
      }),
      render: reviewForm(req, v),
      run: async (data) => {
        // Saving also refreshes the figures from the data.
        await prepareReview(deps, originOf(req), data);
        return `/manage/appeals/reviews/${v.review.id}?notice=reviewSaved`;
      },
    });
  });

  for (const [verb, publish] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/manage/appeals/reviews/:id/${verb}`, async (req, reply) => {
      if (redirectToSignIn(req, reply)) return reply;
      const v = await reviewOr404(req, req.params.id);
      if (publish && !quarterEnded(v.review, deps.clock.now())) {
        const end = quarterPeriod(v.review.year, v.review.quarter).to;
        const date = formatDate(new Date(`${end}T12:00:00+02:00`), req.locale);
        return sendFormPage(
          req,
          reply,
          reviewForm(req, v),
          {
            values: { comment: v.review.comment ?? '' },
            errors: [{ field: 'comment', message: req.t('appeals.manage.reviews.notEnded', { date }) }],
          },
          409,
        );
      }
      try {
        await publishReview(deps, originOf(req), { id: v.review.id, publish });
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        const values = { comment: v.review.comment ?? '' };
        const errors = e.errors.map((x) => ({ field: x.field, message: req.t(x.message) }));
        return sendFormPage(req, reply, reviewForm(req, v), { values, errors }, 422);
      }
      return reply.redirect(
        `/manage/appeals/reviews/${v.review.id}?notice=${publish ? 'reviewPublished' : 'reviewUnpublished'}`,
        303,
      );
    });
  }
}
