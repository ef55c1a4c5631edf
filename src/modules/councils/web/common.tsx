import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { useView } from '../../../platform/ui/context.ts';
import type { CouncilRow } from '../councils.repository.ts';

export const councilHref = (id: string) => `/councils/${id}`;
export const meetingHref = (id: string) => `/councils/meetings/${id}`;
export const callHref = (id: string) => `/councils/calls/${id}`;
export const conclusionHref = (id: string) => `/councils/conclusions/${id}`;

export function councilName(c: Pick<CouncilRow, 'nameRu' | 'nameEn'>, locale: string): string {
  return locale === 'en' && c.nameEn ? c.nameEn : c.nameRu;
}

/** Send a visitor who is not signed in to sign in and back; true when it did. */
export function redirectToSignIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

/** Show a one-line notice named in `?notice=` after a redirect; only known keys, never free text. */
export function noticeFrom(
  req: FastifyRequest,
  allowed: Record<string, string>,
  params?: Record<string, string>,
): void {
  const key = (req.query as Record<string, unknown> | undefined)?.notice;
  if (typeof key === 'string' && Object.hasOwn(allowed, key))
    req.flash = { kind: 'success', text: req.t(allowed[key] as string, params) };
}

/** An external link or a portal path, as the text given. */
export function Link({ href, children }: { href: string; children: string }) {
  return (
    <a class="govuk-link" href={href} rel={href.startsWith('/') ? undefined : 'noopener noreferrer'}>
      {children}
    </a>
  );
}

/** Plain text with its paragraphs kept. */
export function Paragraphs({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <>
      {text
        .split(/\r?\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p class="govuk-body" key={i}>
            {p.trim()}
          </p>
        ))}
    </>
  );
}

export function KindCaption({ kind }: { kind: string }) {
  const { t } = useView();
  return <span class="govuk-caption-l">{t(`councils.kind.${kind}`)}</span>;
}
