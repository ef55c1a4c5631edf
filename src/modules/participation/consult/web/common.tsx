import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn } from '../../../../platform/authz/index.ts';
import type { Locale } from '../../../../platform/i18n/index.ts';
import type { OrgRow } from '../../../orgs/index.ts';

/** Helpers the participation pages of consultations, chat and reference groups share. */

export function orgName(org: Pick<OrgRow, 'nameRu' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && org.nameEn ? org.nameEn : org.nameRu;
}

/** Anonymous visitors go to sign-in and come back here afterwards; true when it redirected. */
export function redirectToSignIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

/** A one-line notice named in `?notice=` after a redirect; only known keys, never free text. */
export function noticeFrom(req: FastifyRequest, allowed: Record<string, string>): void {
  const key = (req.query as Record<string, unknown> | undefined)?.notice;
  if (typeof key === 'string' && Object.hasOwn(allowed, key)) {
    req.flash = { kind: 'success', text: req.t(allowed[key] as string) };
  }
}

/** Plain text as paragraphs: markup typed by people stays text (Preact escapes it). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p class="govuk-body" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}
