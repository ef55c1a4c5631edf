import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { isStaff } from '../../../platform/authz/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { handleForm, type RenderForm, showForm } from '../../../platform/http/form-page.ts';
import { KIOSK_COOKIE, kioskTerminalOf } from '../../../platform/http/kiosk.ts';
import { Button, ErrorSummary, Form, Narrow } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { PasswordInput } from '../../../platform/ui/fields.tsx';
import { kioskLeaveInput, kioskStartInput } from '../accounts.input.ts';
import { endKioskSession } from '../end-kiosk-session.ts';
import { leaveKioskTerminal, startKioskTerminal } from '../kiosk-terminal.ts';
import { clearSessionCookie } from './session-plugin.ts';

function KioskView({ errors, staff }: { errors: FieldError[]; staff: boolean }) {
  const { t, kiosk } = useView();
  return (
    <Narrow>
      <ErrorSummary errors={errors} />
      <h1 class="govuk-heading-l">{t('accounts.kiosk.title')}</h1>
      <p class="govuk-body">{t('accounts.kiosk.lead')}</p>
      <p class="govuk-body govuk-!-font-weight-bold">
        {t(kiosk ? 'accounts.kiosk.on' : 'accounts.kiosk.off')}
      </p>
      {kiosk ? (
        <Form action="/kiosk/off">
          <PasswordInput
            name="pin"
            label={t('accounts.kiosk.pin.leave')}
            hint={t('accounts.kiosk.pin.leaveHint')}
            errors={errors}
            inputmode="numeric"
            autocomplete="off"
            width="10"
          />
          <Button variant="secondary">{t('accounts.kiosk.disable')}</Button>
        </Form>
      ) : staff ? (
        <Form action="/kiosk">
          <PasswordInput
            name="pin"
            label={t('accounts.kiosk.pin.set')}
            hint={t('accounts.kiosk.pin.setHint')}
            errors={errors}
            inputmode="numeric"
            autocomplete="new-password"
            width="10"
          />
          <PasswordInput
            name="pinConfirm"
            label={t('accounts.kiosk.pin.confirm')}
            errors={errors}
            inputmode="numeric"
            autocomplete="new-password"
            width="10"
          />
          <Button>{t('accounts.kiosk.enable')}</Button>
        </Form>
      ) : (
        <p class="govuk-body">
          {t('accounts.kiosk.staffOnly')}{' '}
          <a class="govuk-link" href="/sign-in?next=/kiosk">
            {t('accounts.kiosk.signIn')}
          </a>
        </p>
      )}
    </Narrow>
  );
}

function IdleView() {
  const { t } = useView();
  return (
    <Narrow>
      <h1 class="govuk-heading-xl">{t('accounts.kiosk.idle.title')}</h1>
      <p class="govuk-body-l">{t('accounts.kiosk.idle.body')}</p>
      <Button href="/" variant="start">
        {t('accounts.kiosk.start')}
      </Button>
    </Narrow>
  );
}

async function endSession(req: FastifyRequest, reply: FastifyReply, force: boolean) {
  const ended = req.session && (req.session.kiosk || force);
  await endKioskSession(req.server.deps, originOf(req), { session: req.session, force });
  if (ended) clearSessionCookie(req, reply);
}

const kioskPage =
  (req: FastifyRequest): RenderForm =>
  (form) => ({
    title: req.t('accounts.kiosk.title'),
    body: <KioskView errors={form.errors} staff={isStaff(req.actor)} />,
  });

/**
 * Kiosk mode for terminals in the bodies' premises (task 8.4). A member of
 * staff turns it on at /kiosk with a PIN; the `kiosk` cookie then carries the
 * terminal's id (read by the http platform into req.kiosk) and only that PIN
 * turns it off. Pages get larger targets (the `kiosk` class), sign-in is not
 * remembered, a session ends after 5 idle minutes on the server, and the
 * screen resets to /kiosk/idle: with JavaScript after a warning with a
 * «Продолжить» button (platform/ui/scripts/kiosk-idle.js), without it by a
 * meta refresh.
 */
export async function kioskRoutes(app: FastifyInstance) {
  const cookieOpts = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.deps.config.secureCookies,
  });

  app.get('/kiosk', async (req, reply) => showForm(req, reply, kioskPage(req)));

  const limit = { config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } };

  app.post('/kiosk', limit, async (req, reply) =>
    handleForm(req, reply, {
      schema: kioskStartInput,
      render: kioskPage(req),
      forget: ['pin', 'pinConfirm'],
      run: async (data) => {
        const id = await startKioskTerminal(app.deps, originOf(req), data);
        // Whoever set the terminal up does not stay signed in on it.
        await endSession(req, reply, true);
        reply.setCookie(KIOSK_COOKIE, id, { ...cookieOpts(), maxAge: 5 * 365 * 24 * 3600 });
        return '/kiosk';
      },
    }),
  );

  app.post('/kiosk/off', limit, async (req, reply) => {
    const terminalId = kioskTerminalOf(req.cookies);
    if (!terminalId) return reply.redirect('/kiosk', 303);
    return handleForm(req, reply, {
      schema: kioskLeaveInput,
      render: kioskPage(req),
      forget: ['pin'],
      run: async (data) => {
        await leaveKioskTerminal(app.deps, originOf(req), { ...data, terminalId });
        await endSession(req, reply, false);
        reply.clearCookie(KIOSK_COOKIE, cookieOpts());
        return '/kiosk';
      },
    });
  });

  app.get('/kiosk/idle', async (req, reply) => {
    await endSession(req, reply, false);
    if (req.session?.kiosk) req.actor = { kind: 'anonymous' };
    return reply.page(req.t('accounts.kiosk.idle.title'), <IdleView />);
  });

  // «Продолжить» in the idle warning: any request keeps a kiosk session alive (the session plugin
  // notes it); this one answers nothing and is never cached.
  app.get('/kiosk/alive', async (_req, reply) => reply.header('cache-control', 'no-store').code(204).send());
}
