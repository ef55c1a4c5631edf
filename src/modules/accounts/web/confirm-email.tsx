import type { FastifyInstance } from 'fastify';
import { originOf } from '../../../platform/audit/index.ts';
import { Narrow } from '../../../platform/ui/components.tsx';
import { useView } from '../../../platform/ui/context.ts';
import { confirmEmail } from '../confirm-email.ts';

function InvalidLinkView() {
  const { t } = useView();
  return (
    <Narrow>
      <h1 class="govuk-heading-l">{t('accounts.confirm.invalid.title')}</h1>
      <p class="govuk-body">{t('accounts.confirm.invalid.body')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/sign-in">
          {t('accounts.signIn.title')}
        </a>
      </p>
    </Narrow>
  );
}

/**
 * GET /confirm-email/<token>: the link from the mail confirms on opening.
 * (A mail scanner opening it first only confirms what the mailbox proves anyway.)
 */
export async function confirmEmailRoutes(app: FastifyInstance) {
  app.get<{ Params: { token: string } }>(
    '/confirm-email/:token',
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (req, reply) => {
      const token = req.params.token;
      const ok =
        /^[A-Za-z0-9_-]{20,100}$/.test(token) && (await confirmEmail(app.deps, originOf(req), { token }));
      if (ok) return reply.redirect('/sign-in?notice=confirmed', 303);
      return reply.page(req.t('accounts.confirm.invalid.title'), <InvalidLinkView />, { status: 404 });
    },
  );
}
