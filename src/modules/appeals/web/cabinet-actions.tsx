import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { formatLocalDate } from '../../../platform/calendar/format.ts';
import { toLocalDate } from '../../../platform/calendar/index.ts';
import { Conflict, type FieldError } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import {
  Button,
  ButtonGroup,
  Checkboxes,
  ErrorSummary,
  Form,
  InsetText,
  SummaryList,
  Textarea,
  WarningText,
} from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { archiveConsentInput, disputeInput, withdrawInput } from '../appeals.input.ts';
import { openStatuses } from '../appeals.model.ts';
import type { AppealRow } from '../appeals.repository.ts';
import '../cabinet.messages.ts';
import { type DisputeStart, disputeAnswer, getDisputeStart } from '../dispute-answer.ts';
import { statusPath } from '../format.ts';
import { getOwnAppeal, type OwnAppeal } from '../get-own-appeals.ts';
import { setArchiveConsent } from '../set-archive-consent.ts';
import { withdrawAppeal } from '../withdraw-appeal.ts';

/*
 * The author's actions on an appeal in the cabinet (issue 10): withdraw it
 * while no answer has been sent, dispute a sent answer by a complaint to the
 * higher body, give or withdraw consent to the public archive.
 */

/** The `?notice=` of the appeal page after an action here, and the message it shows. */
export const CABINET_ACTION_NOTICES: Record<string, { kind: 'success' | 'info'; key: string } | undefined> = {
  withdrawn: { kind: 'success', key: 'appeals.withdraw.done' },
  archiveConsentGiven: { kind: 'success', key: 'appeals.archiveConsent.givenFlash' },
  archiveConsentWithdrawn: { kind: 'success', key: 'appeals.archiveConsent.withdrawnFlash' },
  // a link followed after the appeal moved on (an old tab): the appeal page says why plainly
  cannotWithdraw: { kind: 'info', key: 'appeals.withdraw.tooLate' },
  cannotDispute: { kind: 'info', key: 'appeals.dispute.notAnswered' },
};

const WITHDRAWABLE: ReadonlySet<string> = new Set(openStatuses);

function orgName(org: OrgRow | undefined, locale: string): string {
  if (!org) return '—';
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

/** On the author's appeal page: the links to withdraw or dispute, the complaint links, the archive consent. */
export function CabinetActions({ data }: { data: OwnAppeal }) {
  const { t } = useView();
  const a = data.appeal;
  const complaints = data.events.filter((e) => e.kind === 'disputed' && e.targetAppealId);
  const canDispute = (a.status === 'sent' || a.status === 'closed') && a.type !== 'corruption_report';
  return (
    <>
      {data.disputes && (
        <p class="govuk-body" id="disputes-appeal">
          {t('appeals.dispute.isComplaintAbout')}{' '}
          <a class="govuk-link" href={statusPath(data.disputes.number)}>
            № {data.disputes.number}
          </a>
        </p>
      )}
      {complaints.length > 0 && (
        <ul class="govuk-list" id="disputed-by">
          {complaints.map((e) => {
            const n = String((e.details as { number?: unknown }).number ?? '');
            return (
              <li key={e.id}>
                {t('appeals.dispute.complaintSent')}{' '}
                <a class="govuk-link" href={statusPath(n)}>
                  № {n}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {(WITHDRAWABLE.has(a.status) || canDispute) && (
        <ButtonGroup>
          {WITHDRAWABLE.has(a.status) && (
            <Button href={`${statusPath(a.number)}/withdraw`} variant="secondary">
              {t('appeals.withdraw.link')}
            </Button>
          )}
          {canDispute && (
            <Button href={`${statusPath(a.number)}/dispute`} variant="secondary">
              {t('appeals.dispute.link')}
            </Button>
          )}
        </ButtonGroup>
      )}
      {a.type !== 'corruption_report' && <ArchiveConsentForm appeal={a} />}
    </>
  );
}

/** «Открытый архив»: what the author agreed to, and one button to change it. */
function ArchiveConsentForm({ appeal: a }: { appeal: AppealRow }) {
  const { t } = useView();
  const given = a.archiveConsentAt !== null;
  return (
    <section aria-labelledby="archive-consent-heading" id="archive-consent">
      <h2 class="govuk-heading-m" id="archive-consent-heading">
        {t('appeals.archiveConsent.title')}
      </h2>
      <p class="govuk-body">
        {given
          ? t('appeals.archiveConsent.given', {
              date: formatLocalDate(toLocalDate(a.archiveConsentAt as Date)),
            })
          : t('appeals.archiveConsent.notGiven')}
      </p>
      <p class="govuk-body">{t('appeals.archiveConsent.what')}</p>
      <Form action={`${statusPath(a.number)}/archive-consent`}>
        <input type="hidden" name="archiveConsent" value={given ? 'no' : 'yes'} />
        <Button variant={given ? 'warning' : 'secondary'}>
          {t(given ? 'appeals.archiveConsent.withdraw' : 'appeals.archiveConsent.give')}
        </Button>
      </Form>
    </section>
  );
}

/** The confirmation step before withdrawing: what it means, an optional reason, one button. */
function WithdrawView({
  data,
  values,
  errors,
}: {
  data: OwnAppeal;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const a = data.appeal;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('appeals.withdraw.title', { number: a.number })}</h1>
      <SummaryList
        rows={[
          { key: t('appeals.registered.number'), value: a.number },
          { key: t('appeals.cabinet.addressee'), value: orgName(data.org, locale) },
          { key: t('appeals.cabinet.registered'), value: formatLocalDate(a.registeredOn) },
          ...(a.subject ? [{ key: t('appeals.view.subject'), value: a.subject }] : []),
        ]}
      />
      <p class="govuk-body">{t('appeals.withdraw.what')}</p>
      <WarningText>{t('appeals.withdraw.warning')}</WarningText>
      <Form action={`${statusPath(a.number)}/withdraw`}>
        <Textarea
          name="reason"
          label={t('appeals.withdraw.reason')}
          hint={t('appeals.withdraw.reason.hint')}
          value={values.reason}
          errors={errors}
          rows={3}
        />
        <ButtonGroup>
          <Button variant="warning">{t('appeals.withdraw.confirm')}</Button>
          <a class="govuk-link" href={statusPath(a.number)}>
            {t('appeals.withdraw.cancel')}
          </a>
        </ButtonGroup>
      </Form>
    </>
  );
}

/** The complaint about an answer, prefilled: the first appeal, the body that answered, the higher body. */
function DisputeView({
  start,
  values,
  errors,
}: {
  start: DisputeStart;
  values: Record<string, string>;
  errors: FieldError[];
}) {
  const { t, locale } = useView();
  const { appeal: a, body, answer, higher } = start;
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('appeals.dispute.title')}</h1>
      <p class="govuk-body">{t('appeals.dispute.lead')}</p>
      <SummaryList
        rows={[
          { key: t('appeals.dispute.first'), value: `№ ${a.number}` },
          { key: t('appeals.dispute.answeredBy'), value: orgName(body, locale) },
          {
            key: t('appeals.dispute.answerDate'),
            value: answer.sentAt ? formatLocalDate(toLocalDate(answer.sentAt)) : '—',
          },
          ...(higher ? [{ key: t('appeals.dispute.to'), value: orgName(higher, locale) }] : []),
        ]}
      />
      {higher ? (
        <>
          <InsetText>{t('appeals.dispute.law')}</InsetText>
          <Form action={`${statusPath(a.number)}/dispute`}>
            <input type="hidden" name="formToken" value={values.formToken ?? ''} />
            <Textarea
              name="text"
              label={t('appeals.dispute.text')}
              hint={t('appeals.dispute.text.hint')}
              value={values.text}
              errors={errors}
              rows={10}
            />
            <Checkboxes
              name="archiveConsent"
              legend={t('appeals.field.archiveConsent')}
              legendSize="s"
              hint={t('appeals.field.archiveConsent.hint')}
              values={values.archiveConsent}
              errors={errors}
              items={[{ value: 'yes', text: t('appeals.field.archiveConsent.yes') }]}
            />
            <Button>{t('appeals.dispute.submit')}</Button>
          </Form>
        </>
      ) : (
        <InsetText id="no-higher-body">{t('appeals.dispute.noHigherBody')}</InsetText>
      )}
    </>
  );
}

/** The prefilled first lines of the complaint: the first appeal's number, the body and the answer's date. */
function disputeText(req: FastifyRequest, start: DisputeStart): string {
  const sent = start.answer.sentAt ? formatLocalDate(toLocalDate(start.answer.sentAt)) : '—';
  return req.t('appeals.dispute.prefill', {
    number: start.appeal.number,
    body: start.body.nameRu,
    date: sent,
  });
}

/** Withdraw, dispute and archive consent: GET/POST pairs under /cabinet/appeals/<number>/…. */
export async function appealsCabinetActionsWeb(app: FastifyInstance) {
  type Req = FastifyRequest<{ Params: { number: string } }>;
  const signIn = (req: FastifyRequest) => `/sign-in?next=${encodeURIComponent(req.url)}`;
  const crumbs = (req: Req, number: string) => [
    { href: '/', text: req.t('ui.nav.home') },
    { href: '/cabinet', text: req.t('accounts.cabinet.title') },
    { href: '/cabinet/appeals', text: req.t('appeals.cabinet.title') },
    { href: statusPath(number), text: number },
  ];

  const withdrawPage =
    (req: Req, data: OwnAppeal): RenderForm =>
    (form) => ({
      title: req.t('appeals.withdraw.title', { number: data.appeal.number }),
      body: <WithdrawView data={data} {...form} />,
      breadcrumbs: [...crumbs(req, data.appeal.number), { text: req.t('appeals.withdraw.link') }],
    });

  /** The author's appeal, or a page that says plainly why it can no longer be withdrawn (409). */
  async function withdrawable(req: Req): Promise<OwnAppeal> {
    const data = await getOwnAppeal(app.deps, originOf(req), req.params.number);
    if (!WITHDRAWABLE.has(data.appeal.status)) throw new Conflict('appeals.withdraw.tooLate');
    return data;
  }

  /** A GET of an action the appeal no longer allows: back to the appeal, which says why. */
  function backWith(req: Req, reply: FastifyReply, err: unknown, notice: string) {
    if (!(err instanceof Conflict)) throw err;
    return reply.redirect(`${statusPath(req.params.number)}?notice=${notice}`, 303);
  }

  /** A POST the appeal no longer allows: 409 with the reason in plain words. */
  async function refusal(req: Req, reply: FastifyReply, err: unknown) {
    if (!(err instanceof Conflict)) throw err;
    return reply.page(
      req.t(err.message),
      <>
        <h1 class="govuk-heading-l">{req.t(err.message)}</h1>
        <p class="govuk-body">
          <a class="govuk-link" href={statusPath(req.params.number)}>
            {req.t('appeals.actions.back')}
          </a>
        </p>
      </>,
      { status: 409, breadcrumbs: crumbs(req, req.params.number) },
    );
  }

  app.get<{ Params: { number: string } }>('/cabinet/appeals/:number/withdraw', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
    try {
      return showForm(req, reply, withdrawPage(req, await withdrawable(req)));
    } catch (err) {
      return backWith(req, reply, err, 'cannotWithdraw');
    }
  });

  app.post<{ Params: { number: string } }>('/cabinet/appeals/:number/withdraw', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
    const data = await getOwnAppeal(app.deps, originOf(req), req.params.number);
    return handleForm(req, reply, {
      schema: withdrawInput,
      render: withdrawPage(req, data),
      run: async ({ reason }) => {
        await withdrawAppeal(app.deps, originOf(req), { number: data.appeal.number, reason });
        return `${statusPath(data.appeal.number)}?notice=withdrawn`;
      },
    });
  });

  const disputePage =
    (req: Req, start: DisputeStart): RenderForm =>
    (form) => ({
      title: req.t('appeals.dispute.title'),
      body: <DisputeView start={start} {...form} />,
      breadcrumbs: [...crumbs(req, start.appeal.number), { text: req.t('appeals.dispute.link') }],
    });

  app.get<{ Params: { number: string } }>('/cabinet/appeals/:number/dispute', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
    try {
      const start = await getDisputeStart(app.deps, originOf(req), req.params.number);
      return showForm(req, reply, disputePage(req, start), {
        formToken: randomBytes(16).toString('base64url'),
        text: disputeText(req, start),
      });
    } catch (err) {
      return backWith(req, reply, err, 'cannotDispute');
    }
  });

  app.post<{ Params: { number: string } }>('/cabinet/appeals/:number/dispute', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
    let start: DisputeStart;
    try {
      start = await getDisputeStart(app.deps, originOf(req), req.params.number);
    } catch (err) {
      return refusal(req, reply, err);
    }
    const body = req.body as Record<string, unknown> | undefined;
    const token = typeof body?.formToken === 'string' && body.formToken.length <= 100 ? body.formToken : '';
    return handleForm(req, reply, {
      schema: disputeInput,
      render: disputePage(req, start),
      run: async (input) => {
        const complaint = await disputeAnswer(app.deps, originOf(req), {
          ...input,
          number: start.appeal.number,
          idempotencyKey: token ? `dispute:${token}` : null,
          locale: req.locale,
        });
        return `${statusPath(complaint.number)}?notice=registered`;
      },
    });
  });

  app.post<{ Params: { number: string } }>('/cabinet/appeals/:number/archive-consent', async (req, reply) => {
    if (!isSignedIn(req.actor)) return reply.redirect(signIn(req), 303);
    return handleForm(req, reply, {
      schema: archiveConsentInput,
      render: async () => {
        const data = await getOwnAppeal(app.deps, originOf(req), req.params.number);
        return {
          title: req.t('appeals.view.title', { number: data.appeal.number }),
          body: (
            <>
              <ErrorSummary
                errors={[{ field: 'archiveConsent', message: 'appeals.archiveConsent.required' }]}
              />
              <CabinetActions data={data} />
            </>
          ),
          breadcrumbs: crumbs(req, data.appeal.number),
        };
      },
      run: async ({ archiveConsent }) => {
        await setArchiveConsent(app.deps, originOf(req), {
          number: req.params.number,
          consent: archiveConsent,
        });
        return `${statusPath(req.params.number)}?notice=${archiveConsent ? 'archiveConsentGiven' : 'archiveConsentWithdrawn'}#archive-consent`;
      },
    });
  });
}
