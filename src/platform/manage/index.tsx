import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn } from '../authz/index.ts';
import { parseForm } from '../http/forms.ts';
import { registerManageSection } from '../ui/manage-sections.ts';
import { AuditPage } from './audit-page.tsx';
import { auditQueryInput, firstValues, outboxQueryInput, PAGE_SIZE, pageHref } from './filters.ts';
import { listAuditEntries } from './list-audit-entries.ts';
import { listOutbox } from './list-outbox.ts';
import { managePolicy } from './manage.policy.ts';
import './messages.ts';
import { OutboxList, OutboxMessage } from './outbox-pages.tsx';
import { readOutboxMessage } from './read-outbox-message.ts';

registerManageSection({
  key: 'platform.audit',
  href: '/manage/audit',
  titleKey: 'manage.audit.title',
  descriptionKey: 'manage.audit.description',
  order: 95,
  visible: managePolicy.canReadAuditLog,
});
registerManageSection({
  key: 'platform.outbox',
  href: '/manage/outbox',
  titleKey: 'manage.outbox.title',
  descriptionKey: 'manage.outbox.description',
  order: 96,
  visible: managePolicy.canReadOutbox,
});

/** Anonymous visitors are sent to sign in; the use case decides the rest. */
function signedIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return true;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return false;
}

const crumbs = (req: FastifyRequest) => [
  { href: '/', text: req.t('ui.nav.home') },
  { href: '/manage', text: req.t('manage.title') },
];

/** The platform's own staff pages: the audit log and the mail outbox (administrators). */
export async function platformManagePages(app: FastifyInstance) {
  app.get('/manage/audit', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const values = firstValues(req.query);
    const parsed = parseForm(auditQueryInput, values);
    const page = parsed.ok ? parsed.data.page : 1;
    const { orgs, rows, more } = await listAuditEntries(
      app.deps,
      req.actor,
      parsed.ok ? { ...parsed.data, pageSize: PAGE_SIZE } : null,
    );
    return reply.page(
      req.t('manage.audit.title'),
      <AuditPage
        values={values}
        errors={parsed.ok ? [] : parsed.errors}
        rows={rows}
        page={page}
        more={more}
        pageSize={PAGE_SIZE}
        orgs={orgs}
        href={(n) => pageHref('/manage/audit', values, n)}
      />,
      { breadcrumbs: crumbs(req) },
    );
  });

  app.get('/manage/outbox', { schema: { hide: true } }, async (req, reply) => {
    if (!signedIn(req, reply)) return reply;
    const values = firstValues(req.query);
    const parsed = parseForm(outboxQueryInput, values);
    const page = parsed.ok ? parsed.data.page : 1;
    const { rows, more } = await listOutbox(
      app.deps,
      req.actor,
      parsed.ok ? { ...parsed.data, pageSize: PAGE_SIZE } : null,
    );
    return reply.page(
      req.t('manage.outbox.title'),
      <OutboxList
        values={values}
        errors={parsed.ok ? [] : parsed.errors}
        rows={rows}
        page={page}
        more={more}
        pageSize={PAGE_SIZE}
        smtp={app.deps.mail.smtp}
        href={(n) => pageHref('/manage/outbox', values, n)}
      />,
      { breadcrumbs: crumbs(req) },
    );
  });

  app.get<{ Params: { id: string } }>(
    '/manage/outbox/:id',
    { schema: { hide: true } },
    async (req, reply) => {
      if (!signedIn(req, reply)) return reply;
      const m = await readOutboxMessage(app.deps, req.actor, { id: req.params.id, ip: req.ip });
      return reply.page(m.subject, <OutboxMessage m={m} />, {
        breadcrumbs: [...crumbs(req), { href: '/manage/outbox', text: req.t('manage.outbox.title') }],
      });
    },
  );
}
