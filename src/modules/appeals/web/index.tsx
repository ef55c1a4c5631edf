import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { toLocalDate } from '../../../platform/calendar/index.ts';
import { loadCalendar } from '../../../platform/calendar/store.ts';
import { type FieldError, InvalidInput, NotFound } from '../../../platform/errors/index.ts';
import {
  checkUploads,
  findStoredFile,
  sendStoredFile,
  storeUploads,
  uploadsOf,
} from '../../../platform/files/index.ts';
import {
  formValues,
  handleForm,
  type RenderForm,
  sendFormPage,
  showForm,
} from '../../../platform/http/form-page.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { findUserProfile } from '../../accounts/index.ts';
import { findOrganizationById, findOrganizationBySlug, listAllOrganizations } from '../../orgs/index.ts';
import {
  deleteAppealDraft,
  getOwnAppealDraft,
  listOwnAppealDrafts,
  saveAppealDraft,
} from '../appeal-drafts.ts';
import { appealFormInput, ratingInput } from '../appeals.input.ts';
import { type AppealType, appealTypes } from '../appeals.model.ts';
import { submitBlocker } from '../appeals.policy.ts';
import { appealsRepository } from '../appeals.repository.ts';
import { ATTACHMENT_RULES, loadDeadlineSettings, loadIdentificationSettings } from '../appeals.settings.ts';
import { competence, proposeBody } from '../competence.ts';
import { statusPath, workingDaysLeft } from '../format.ts';
import { CABINET_PAGE_SIZE, getOwnAppeal, listOwnAppeals } from '../get-own-appeals.ts';
import { rateAnswer } from '../rate-answer.ts';
import { buildReceiptPdf } from '../receipt-pdf.ts';
import { SubmitBlocked, submitAppeal } from '../submit-appeal.ts';
import { withdrawPublicationConsent } from '../withdraw-publication-consent.ts';
import '../journey.messages.ts';
import '../obstruction.messages.ts';
import { AddresseeGuideView, type GuideProposal } from './addressee-guide.tsx';
import { CABINET_ACTION_NOTICES } from './cabinet-actions.tsx';
import { CabinetAppealView, CabinetListView } from './cabinet-pages.tsx';
import { CheckAppealView } from './check-page.tsx';
import {
  BlockedView,
  ChooseTypeView,
  type KeptFile,
  NewAppealView,
  newTitleKey,
} from './new-appeal-page.tsx';
import { StartView } from './start-page.tsx';

function typeOf(v: unknown): AppealType | undefined {
  return typeof v === 'string' && (appealTypes as readonly string[]).includes(v)
    ? (v as AppealType)
    : undefined;
}

function signInHref(req: FastifyRequest) {
  return `/sign-in?next=${encodeURIComponent(req.url)}`;
}

const SLUG_RE = /^[a-z0-9-]{1,100}$/;

/** `?type=…&org=…` of the appeal's way in, only values that can be one (the rest is dropped). */
function wayQuery(type: AppealType | undefined, org: string | null | undefined): string {
  const q = new URLSearchParams();
  if (type) q.set('type', type);
  if (org && SLUG_RE.test(org)) q.set('org', org);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The ids in a repeated hidden field (one value or several). */
function idsOf(body: unknown, field: string): string[] {
  const v = (body as Record<string, unknown> | undefined)?.[field];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string' && /^[0-9a-f-]{36}$/i.test(x)).slice(0, 20);
}

/** The appeal form, the citizen's cabinet of appeals and the rating of answers. */
export async function appealsWeb(app: FastifyInstance) {
  const { db } = app.deps;

  const homeCrumb = (req: FastifyRequest) => ({ href: '/', text: req.t('ui.nav.home') });
  const cabinetCrumbs = (req: FastifyRequest) => [
    homeCrumb(req),
    { href: '/cabinet', text: req.t('accounts.cabinet.title') },
    { href: '/cabinet/appeals', text: req.t('appeals.cabinet.title') },
  ];

  async function orgChoices(req: FastifyRequest) {
    const orgs = await listAllOrganizations(db);
    return orgs.map((o) => ({
      id: o.id,
      slug: o.slug,
      name: req.locale === 'en' && o.nameEn ? o.nameEn : o.nameRu,
    }));
  }

  /**
   * Sign-in first; then the identification rule of the type (before a type is
   * chosen: blocked only when every type is); true when the page was already sent.
   */
  async function gate(
    req: FastifyRequest,
    reply: FastifyReply,
    type: AppealType | null,
    org: string | null = null,
  ): Promise<boolean> {
    if (!isSignedIn(req.actor)) {
      // not a silent sign-in: the start page says first what she will need and why
      reply.redirect(`/appeals/start${wayQuery(type ?? undefined, org)}`, 303);
      return true;
    }
    const ident = await loadIdentificationSettings(db);
    const blockers = (type ? [type] : appealTypes).map((ty) => submitBlocker(req.actor, ident, ty));
    const blocker = blockers.every((b) => b !== null) ? blockers[0] : null;
    if (blocker) {
      await reply.page(
        req.t('appeals.blocked.title'),
        <BlockedView reason={blocker} signInHref={signInHref(req)} />,
        {
          status: 403,
          breadcrumbs: [homeCrumb(req), { text: req.t('appeals.new.title') }],
        },
      );
      return true;
    }
    return false;
  }

  /** The appeal form of one type; `kept` are the files already uploaded with it (read when shown). */
  async function newAppealPage(
    req: FastifyRequest,
    type: AppealType,
    kept: () => KeptFile[],
    listAll = false,
    names: { lastName: string; firstName: string; patronymic: string } | null = null,
  ): Promise<RenderForm> {
    const [ident, orgs] = await Promise.all([loadIdentificationSettings(db), orgChoices(req)]);
    return (form) => ({
      title: req.t(newTitleKey(type)),
      body: (
        <NewAppealView
          type={type}
          orgs={orgs}
          {...form}
          kept={kept()}
          allowEmailAccounts={ident[type].allowEmailAccounts}
          listAll={listAll}
          esiaName={names ? fullName(names) : null}
        />
      ),
      breadcrumbs: [homeCrumb(req), { text: req.t(newTitleKey(type)) }],
    });
  }

  async function newForm(req: FastifyRequest, reply: FastifyReply, orgSlug: string | null) {
    const q = req.query as Record<string, unknown>;
    const type = typeOf(q.type);
    const org = orgSlug ?? (typeof q.org === 'string' ? q.org : null);
    if (await gate(req, reply, type ?? null, org)) return reply;
    if (!type) {
      return reply.page(
        req.t('appeals.new.chooseType'),
        <ChooseTypeView action={req.url.split('?')[0] ?? '/appeals/new'} orgSlug={org} />,
        {
          breadcrumbs: [homeCrumb(req), { text: req.t('appeals.new.title') }],
        },
      );
    }
    const listAll = q.list === 'all';
    if (!org && !listAll) return guidePage(req, reply, type, q);
    const profile = isSignedIn(req.actor) ? await findUserProfile(db, req.actor.userId) : undefined;
    const values: Record<string, string> = {
      formToken: randomBytes(16).toString('base64url'),
      lastName: profile?.lastName ?? '',
      firstName: profile?.firstName ?? '',
      patronymic: profile?.patronymic ?? '',
      email: profile?.email ?? '',
      orgSlug: org ?? '',
    };
    const names = await esiaNames(req);
    return showForm(req, reply, await newAppealPage(req, type, () => [], listAll, names), values);
  }

  /**
   * The guide to the competent body (a GET form): the topic and the place
   * propose a body and say why, from the rules in data/competence.json.
   */
  async function guidePage(
    req: FastifyRequest,
    reply: FastifyReply,
    type: AppealType,
    q: Record<string, unknown>,
  ) {
    const str = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 100) : '');
    const values = { topic: str(q.topic), municipality: str(q.municipality), settlement: str(q.settlement) };
    const listHref = `/appeals/new${wayQuery(type, null)}&list=all`;
    if (q.guide === '1' && values.topic === 'other') return reply.redirect(listHref, 303);
    const orgs = await orgChoices(req);
    const errors: FieldError[] = [];
    let proposal: GuideProposal | null = null;
    if (q.guide === '1') {
      const p = proposeBody(competence, values);
      if (p.kind === 'unknownTopic') errors.push({ field: 'topic', message: 'appeals.guide.topic.required' });
      else if (p.kind === 'needPlace')
        errors.push({ field: 'municipality', message: 'appeals.guide.place.required' });
      else if (p.kind === 'unknownSettlement')
        errors.push({ field: 'settlement', message: 'appeals.guide.settlement.unknown' });
      else {
        const org = orgs.find((o) => o.slug === p.slug);
        if (org)
          proposal = {
            org,
            why: req.locale === 'en' ? p.topic.whyEn : p.topic.whyRu,
            href: `/appeals/new${wayQuery(type, org.slug)}`,
          };
      }
    }
    const municipal = new Set(competence.places.map((pl) => pl.municipality));
    return reply.page(
      req.t('appeals.guide.title'),
      <AddresseeGuideView
        type={type}
        topics={competence.topics}
        municipalities={orgs.filter((o) => municipal.has(o.slug))}
        values={values}
        errors={errors}
        proposal={proposal}
        listHref={listHref}
      />,
      {
        status: errors.length ? 422 : 200,
        breadcrumbs: [homeCrumb(req), { text: req.t(newTitleKey(type)) }],
      },
    );
  }

  app.get('/appeals/start', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const type = typeOf(q.type);
    const org = typeof q.org === 'string' ? q.org : null;
    const [deadlines, ident] = await Promise.all([loadDeadlineSettings(db), loadIdentificationSettings(db)]);
    const form = `/appeals/new${wayQuery(type, org)}`;
    const signedIn = isSignedIn(req.actor);
    return reply.page(
      req.t(newTitleKey(type ?? 'appeal')),
      <StartView
        type={type ?? null}
        signedIn={signedIn}
        startHref={signedIn ? form : `/sign-in?next=${encodeURIComponent(form)}`}
        deadlines={deadlines}
        emailAccountsForRequests={ident.info_request.allowEmailAccounts}
        emailAccountsForAppeals={ident.appeal.allowEmailAccounts}
      />,
      { breadcrumbs: [homeCrumb(req), { text: req.t(newTitleKey(type ?? 'appeal')) }] },
    );
  });

  app.get('/appeals/new', (req, reply) => newForm(req, reply, null));

  app.get<{ Params: { slug: string } }>('/orgs/:slug/appeals/new', async (req, reply) => {
    const org = await findOrganizationBySlug(db, req.params.slug);
    if (!org) throw new NotFound('organization');
    return newForm(req, reply, org.slug);
  });

  /** Her names when they came from Госуслуги (ЕСИА): shown, not editable, and what the appeal carries. */
  async function esiaNames(
    req: FastifyRequest,
  ): Promise<Record<'lastName' | 'firstName' | 'patronymic', string> | null> {
    if (!isSignedIn(req.actor) || req.actor.identification !== 'esia') return null;
    const p = await findUserProfile(db, req.actor.userId);
    if (!p?.lastName || !p.firstName) return null;
    return { lastName: p.lastName, firstName: p.firstName, patronymic: p.patronymic ?? '' };
  }

  const fullName = (n: { lastName: string; firstName: string; patronymic?: string | null }) =>
    [n.lastName, n.firstName, n.patronymic].filter(Boolean).join(' ');

  /**
   * The form posts here. «Продолжить» checks it and saves it as her draft, then
   * shows «Проверьте данные»; «Сохранить черновик» saves it as it stands. Good
   * files are stored at once, so a form sent back for another field keeps them.
   */
  app.post('/appeals/new', async (req, reply) => {
    const body = req.body as Record<string, unknown> | undefined;
    const type = typeOf(body?.type) ?? 'appeal';
    if (await gate(req, reply, type)) return reply;
    if (!isSignedIn(req.actor)) return reply;
    const userId = req.actor.userId;
    let kept = await appealsRepository.ownUnattachedFiles(db, userId, idsOf(body, 'fileIds'));
    const names = await esiaNames(req);
    const draftId = typeof body?.draftId === 'string' && body.draftId ? body.draftId : null;
    if (draftId) await getOwnAppealDraft(app.deps, originOf(req), draftId);
    const render = await newAppealPage(req, type, () => kept, false, names);
    const storeGoodUploads = async () => {
      const files = uploadsOf(body, 'attachments');
      const rules = { ...ATTACHMENT_RULES, maxFiles: ATTACHMENT_RULES.maxFiles - kept.length };
      const errors = await checkUploads('attachments', files, rules);
      if (files.length && errors.length === 0) {
        const stored = await db.transaction((tx) =>
          storeUploads(app.deps, tx, 'attachments', files, ATTACHMENT_RULES, userId),
        );
        kept = [...kept, ...stored];
      }
      return errors;
    };
    const save = () =>
      saveAppealDraft(app.deps, originOf(req), {
        draftId,
        type,
        values: { ...formValues(body), ...(names ?? {}) },
        fileIds: kept.map((f) => f.id),
      });
    if (body?.intent === 'draft') {
      // a draft is kept as typed; only files that pass the checks are kept with it
      await storeGoodUploads();
      await save();
      return reply.redirect('/cabinet/appeals?notice=draftSaved', 303);
    }
    return handleForm(req, reply, {
      schema: appealFormInput,
      input: (b) => ({ ...b, ...(names ?? {}) }),
      render,
      check: storeGoodUploads,
      run: async () => `/appeals/drafts/${(await save()).id}/check`,
    });
  });

  /** Her draft in the form, to go on writing (`?list=all`: the select of every body). */
  app.get<{ Params: { id: string } }>('/appeals/drafts/:id', async (req, reply) => {
    if (await gate(req, reply, null)) return reply;
    const draft = await getOwnAppealDraft(app.deps, originOf(req), req.params.id);
    const type = typeOf(draft.type) ?? 'appeal';
    if (await gate(req, reply, type)) return reply;
    const kept = await appealsRepository.ownUnattachedFiles(
      db,
      (req.actor as { userId: string }).userId,
      draft.fileIds,
    );
    const names = await esiaNames(req);
    const listAll = (req.query as Record<string, unknown>).list === 'all';
    return showForm(req, reply, await newAppealPage(req, type, () => kept, listAll, names), {
      ...draft.values,
      draftId: draft.id,
      formToken: `draft-${draft.id}`,
    });
  });

  /** «Проверьте данные»: what she gave, each part with «Изменить», then «Отправить обращение». */
  app.get<{ Params: { id: string } }>('/appeals/drafts/:id/check', async (req, reply) => {
    if (await gate(req, reply, null)) return reply;
    const draft = await getOwnAppealDraft(app.deps, originOf(req), req.params.id);
    const type = typeOf(draft.type) ?? 'appeal';
    if (await gate(req, reply, type)) return reply;
    const names = await esiaNames(req);
    const parsed = parseForm(appealFormInput, { ...draft.values, ...(names ?? {}), type });
    if (!parsed.ok) return reply.redirect(`/appeals/drafts/${draft.id}`, 303);
    const d = parsed.data;
    const userId = (req.actor as { userId: string }).userId;
    const [files, org, complained] = await Promise.all([
      appealsRepository.ownUnattachedFiles(db, userId, draft.fileIds),
      findOrganizationBySlug(db, d.orgSlug),
      d.complainedOrgId ? findOrganizationById(db, d.complainedOrgId) : undefined,
    ]);
    const nameOf = (o: { nameRu: string; nameEn: string | null } | undefined) =>
      o ? (req.locale === 'en' && o.nameEn ? o.nameEn : o.nameRu) : '—';
    return reply.page(
      req.t('appeals.check.title'),
      <CheckAppealView
        draftId={draft.id}
        files={files}
        namesFromEsia={names !== null}
        appeal={{
          type,
          kind: type === 'appeal' ? (d.kind ?? null) : null,
          orgName: nameOf(org),
          officialName: type === 'corruption_report' ? null : d.officialName,
          complainedOrgName: complained ? nameOf(complained) : null,
          obstructionKind: type === 'appeal' && d.obstructsPublicControl ? (d.obstructionKind ?? null) : null,
          publicControlSubject: type === 'appeal' && d.obstructsPublicControl ? d.publicControlSubject : null,
          name: fullName(d),
          organizationName: type === 'info_request' || type === 'media_request' ? d.organizationName : null,
          email: d.email,
          postalAddress: d.postalAddress,
          phone: d.phone,
          subject: d.subject,
          text: d.text,
          place: type === 'appeal' || type === 'corruption_report' ? d.place : null,
          cosigners: d.collective ? d.cosigners.map(fullName) : [],
          publicationConsent: d.publicationConsent,
        }}
      />,
      { breadcrumbs: [homeCrumb(req), { text: req.t('appeals.check.title') }] },
    );
  });

  /** Send: the draft becomes a registered appeal, and is deleted, in one transaction. */
  app.post<{ Params: { id: string } }>('/appeals/drafts/:id/send', async (req, reply) => {
    if (await gate(req, reply, null)) return reply;
    if (!isSignedIn(req.actor)) return reply;
    const key = `draft:${req.params.id}`.slice(0, 100);
    // a second press after the first was registered: the appeal, not a 404
    const sent = await appealsRepository.findByIdempotencyKey(db, req.actor.userId, key);
    if (sent) return reply.redirect(statusPath(sent.number), 303);
    const draft = await getOwnAppealDraft(app.deps, originOf(req), req.params.id);
    const type = typeOf(draft.type) ?? 'appeal';
    if (await gate(req, reply, type)) return reply;
    const names = await esiaNames(req);
    const parsed = parseForm(appealFormInput, { ...draft.values, ...(names ?? {}), type });
    if (!parsed.ok) return reply.redirect(`/appeals/drafts/${draft.id}`, 303);
    try {
      const { appeal, created } = await submitAppeal(app.deps, originOf(req), {
        ...parsed.data,
        idempotencyKey: key,
        fileIds: draft.fileIds,
        draftId: draft.id,
        locale: req.locale,
      });
      return reply.redirect(`${statusPath(appeal.number)}${created ? '?notice=registered' : ''}`, 303);
    } catch (err) {
      // a body or file that is gone since: back to the form, which says what to fix
      if (err instanceof InvalidInput) {
        const kept = await appealsRepository.ownUnattachedFiles(db, req.actor.userId, draft.fileIds);
        return sendFormPage(
          req,
          reply,
          await newAppealPage(req, type, () => kept, true, names),
          {
            values: { ...draft.values, draftId: draft.id, formToken: `draft-${draft.id}` },
            errors: err.errors,
          },
          422,
        );
      }
      if (err instanceof SubmitBlocked) return reply.redirect('/appeals/new', 303);
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/appeals/drafts/:id/delete', async (req, reply) => {
    if (await gate(req, reply, null)) return reply;
    await deleteAppealDraft(app.deps, originOf(req), req.params.id);
    return reply.redirect('/cabinet/appeals?notice=draftDeleted', 303);
  });

  app.get('/cabinet/appeals', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signInHref(req), 303);
    const q = req.query as Record<string, unknown>;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(String(q.page ?? '1'), 10) || 1));
    const { rows, total } = await listOwnAppeals(app.deps, originOf(req), page);
    if (q.notice === 'draftSaved') req.flash = { kind: 'success', text: req.t('appeals.drafts.saved') };
    if (q.notice === 'draftDeleted') req.flash = { kind: 'success', text: req.t('appeals.drafts.deleted') };
    const orgNames = new Map((await orgChoices(req)).map((o) => [o.slug, o.name]));
    const drafts = (await listOwnAppealDrafts(app.deps, originOf(req))).map((d) => ({
      id: d.id,
      updatedAt: d.updatedAt,
      orgName: orgNames.get(d.values.orgSlug ?? '') ?? null,
      subject: d.values.subject || (d.values.text ?? '').slice(0, 80),
    }));
    const now = app.deps.clock.now();
    const { calendar } = await loadCalendar(db);
    const daysLeft = new Map(rows.map((r) => [r.id, workingDaysLeft(calendar, r.dueDate, now)]));
    return reply.page(
      req.t('appeals.cabinet.title'),
      <CabinetListView
        rows={rows}
        total={total}
        page={page}
        pageSize={CABINET_PAGE_SIZE}
        daysLeft={daysLeft}
        drafts={drafts}
      />,
      { breadcrumbs: [...cabinetCrumbs(req).slice(0, 2), { text: req.t('appeals.cabinet.title') }] },
    );
  });

  /** The citizen's appeal with its rating form (the appeal is read once, however often the page is drawn). */
  function ownAppealPage(req: FastifyRequest<{ Params: { number: string } }>): RenderForm {
    let loaded: Promise<Awaited<ReturnType<typeof loadOwnAppeal>>> | undefined;
    return async (form) => {
      loaded ??= loadOwnAppeal(req);
      const { data, targets, daysLeft } = await loaded;
      return {
        title: req.t('appeals.view.title', { number: data.appeal.number }),
        body: (
          <CabinetAppealView
            data={data}
            daysLeft={daysLeft}
            justRegistered={(req.query as Record<string, unknown>).notice === 'registered'}
            targets={targets}
            ratingValues={form.values}
            ratingErrors={form.errors}
          />
        ),
        breadcrumbs: [...cabinetCrumbs(req), { text: data.appeal.number }],
      };
    };
  }

  async function loadOwnAppeal(req: FastifyRequest<{ Params: { number: string } }>) {
    const data = await getOwnAppeal(app.deps, originOf(req), req.params.number);
    // names of the bodies it was forwarded or copied to, for the history
    const targets = new Map<string, string>();
    for (const e of data.events) {
      if (e.targetOrgId && !targets.has(e.targetOrgId)) {
        const o = await findOrganizationById(db, e.targetOrgId);
        if (o) targets.set(o.id, req.locale === 'en' && o.nameEn ? o.nameEn : o.nameRu);
      }
    }
    const { calendar } = await loadCalendar(db);
    return { data, targets, daysLeft: workingDaysLeft(calendar, data.appeal.dueDate, app.deps.clock.now()) };
  }

  app.get<{ Params: { number: string } }>('/cabinet/appeals/:number', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signInHref(req), 303);
    const notice = (req.query as Record<string, unknown>).notice;
    if (notice === 'rated') req.flash = { kind: 'success', text: req.t('appeals.rating.saved') };
    const flash = typeof notice === 'string' ? CABINET_ACTION_NOTICES[notice] : undefined;
    if (flash) req.flash = { kind: flash.kind, text: req.t(flash.key) };
    if (notice === 'consent') req.flash = { kind: 'success', text: req.t('appeals.consent.withdrawn') };
    return showForm(req, reply, ownAppealPage(req));
  });

  app.post<{ Params: { number: string } }>('/cabinet/appeals/:number/rating', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signInHref(req), 303);
    return handleForm(req, reply, {
      schema: ratingInput,
      // a second rating is refused (409): the page then has no form, so the message stands alone
      render: ownAppealPage(req),
      run: async (rating) => {
        await rateAnswer(app.deps, originOf(req), { number: req.params.number, rating });
        return `${statusPath(req.params.number)}?notice=rated`;
      },
    });
  });

  /** The receipt of registration as PDF: the number, the addressee, the dates, what happens next. */
  app.get<{ Params: { number: string } }>('/cabinet/appeals/:number/receipt.pdf', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signInHref(req), 303);
    const { appeal: a, org } = await getOwnAppeal(app.deps, originOf(req), req.params.number);
    const t = req.t;
    const orgName = org ? (req.locale === 'en' && org.nameEn ? org.nameEn : org.nameRu) : '—';
    const rows: [string, string][] = [
      [t('appeals.registered.number'), a.number],
      [t('appeals.cabinet.type'), t(`appeals.type.${a.type}`)],
      [t('appeals.cabinet.addressee'), orgName],
      [t('appeals.cabinet.registered'), formatLocalDate(a.registeredOn)],
      [t('appeals.cabinet.due'), formatLocalDate(a.dueDate)],
      [t('appeals.receipt.author'), fullName(a)],
      ...(a.email ? [[t('appeals.field.email'), a.email] as [string, string]] : []),
      ...(a.postalAddress ? [[t('appeals.check.postalAddress'), a.postalAddress] as [string, string]] : []),
      ...(a.subject ? [[t('appeals.view.subject'), a.subject] as [string, string]] : []),
    ];
    const pdf = await buildReceiptPdf({
      title: t('appeals.receipt.title', { number: a.number }),
      rows,
      notes: [
        a.forwardDueDate
          ? t('appeals.receipt.next', {
              date: formatLocalDate(a.dueDate),
              forward: formatLocalDate(a.forwardDueDate),
            })
          : t('appeals.receipt.nextMedia', {
              date: formatLocalDate(a.dueDate),
              notice: formatLocalDate(a.noticeDueDate),
            }),
      ],
      footer: t('appeals.receipt.footer', {
        date: formatLocalDate(toLocalDate(app.deps.clock.now())),
        link: `${app.deps.config.publicUrl}${statusPath(a.number)}`,
      }),
    });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="receipt-${a.number}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
  app.post<{ Params: { number: string } }>(
    '/cabinet/appeals/:number/consent/withdraw',
    async (req, reply) => {
      if (!isSignedIn(req.actor)) return reply.redirect(signInHref(req), 303);
      await withdrawPublicationConsent(app.deps, originOf(req), { number: req.params.number });
      return reply.redirect(`${statusPath(req.params.number)}?notice=consent`, 303);
    },
  );

  app.get<{ Params: { number: string; fileId: string } }>(
    '/cabinet/appeals/:number/files/:fileId',
    async (req, reply) => {
      if (!isSignedIn(req.actor)) return reply.redirect(signInHref(req), 303);
      const data = await getOwnAppeal(app.deps, originOf(req), req.params.number);
      const att = data.attachments.find((f) => f.fileId === req.params.fileId);
      if (!att) throw new NotFound('file');
      // an answer's files are the citizen's only once the answer has been sent
      if (att.answerId && !data.answers.some((a) => a.id === att.answerId)) throw new NotFound('file');
      const file = await findStoredFile(db, att.fileId);
      if (!file) throw new NotFound('file');
      return sendStoredFile(app.deps, reply, file);
    },
  );
}
