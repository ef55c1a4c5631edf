import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { Button, Form, Narrow } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { endKioskSession } from '../end-kiosk-session.ts';
import { clearSessionCookie } from './session-plugin.ts';

export const KIOSK_COOKIE = 'kiosk';

function KioskView() {
  const { t, kiosk } = useView();
  return (
    <Narrow>
      <h1 class="govuk-heading-l">{t('accounts.kiosk.title')}</h1>
      <p class="govuk-body">{t('accounts.kiosk.lead')}</p>
      <p class="govuk-body govuk-!-font-weight-bold">
        {t(kiosk ? 'accounts.kiosk.on' : 'accounts.kiosk.off')}
      </p>
      <Form action={kiosk ? '/kiosk/off' : '/kiosk'}>
        <Button variant={kiosk ? 'secondary' : undefined}>
          {t(kiosk ? 'accounts.kiosk.disable' : 'accounts.kiosk.enable')}
        </Button>
      </Form>
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

/**
 * Kiosk mode for terminals in the bodies' premises (task 8.4): /kiosk turns it
 * on for this browser (the `kiosk` cookie, read by the http platform into
 * req.kiosk). Then pages get larger targets (the `kiosk` class), sign-in is
 * not remembered, a session ends after 5 idle minutes on the server, and every
 * page refreshes to /kiosk/idle after 5 minutes so the screen resets without JavaScript.
 */
export async function kioskRoutes(app: FastifyInstance) {
  const cookieOpts = () => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.deps.config.secureCookies,
  });

  app.get('/kiosk', async (req, reply) => reply.page(req.t('accounts.kiosk.title'), <KioskView />));

  const limit = { config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } };

  app.post('/kiosk', limit, async (req, reply) => {
    // Whoever set the terminal up does not stay signed in on it.
    await endSession(req, reply, true);
    reply.setCookie(KIOSK_COOKIE, '1', { ...cookieOpts(), maxAge: 5 * 365 * 24 * 3600 });
    return reply.redirect('/kiosk', 303);
  });

  app.post('/kiosk/off', limit, async (req, reply) => {
    await endSession(req, reply, false);
    reply.clearCookie(KIOSK_COOKIE, cookieOpts());
    return reply.redirect('/kiosk', 303);
  });

  app.get('/kiosk/idle', async (req, reply) => {
    await endSession(req, reply, false);
    if (req.session?.kiosk) req.actor = { kind: 'anonymous' };
    return reply.page(req.t('accounts.kiosk.idle.title'), <IdleView />);
  });
}
