import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { OrgRow } from '../../orgs/index.ts';
import { orgName } from './common.tsx';

/** What the route files of publications share: query parsing, notices, sign-in, breadcrumbs. */

export type Slug = { slug: string };
export const PER_PAGE = 20;

/** `?page=` as a page number from 1 (anything else is page 1). */
export function pageOf(q: unknown): number {
  const v = Number((q as Record<string, unknown>)?.page);
  return Number.isInteger(v) && v >= 1 && v <= 100_000 ? v : 1;
}

/** A short non-empty query parameter, trimmed. */
export function str(q: unknown, k: string): string | undefined {
  const v = (q as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'string' && v.trim() !== '' && v.length <= 200 ? v.trim() : undefined;
}

const notices: Record<string, string> = {
  saved: 'publications.manage.saved',
  published: 'publications.manage.published',
  attached: 'publications.manage.attached',
  added: 'declarations.manage.added',
  removed: 'declarations.manage.removed',
  switched: 'declarations.manage.switched',
  tenure: 'declarations.manage.tenureEnded',
  thanks: 'publications.feedback.thanks',
};

/** The one-line notice a redirect named in `?notice=` (only known keys, so no text comes from the URL). */
export function noticeFrom(req: FastifyRequest) {
  const key = str(req.query, 'notice');
  if (key && Object.hasOwn(notices, key))
    req.flash = { kind: 'success', text: req.t(notices[key] as string) };
}

export function redirectToSignIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

export const orgCrumbs = (req: FastifyRequest, org: OrgRow) => [
  { href: '/', text: req.t('ui.nav.home') },
  { href: '/orgs', text: req.t('orgs.list.title') },
  { href: `/orgs/${org.slug}`, text: orgName(org, req.locale) },
];

export const manageCrumbs = (req: FastifyRequest, org: OrgRow) => [
  { href: '/manage', text: req.t('ui.nav.manage') },
  { href: `/manage/orgs/${org.slug}`, text: orgName(org, req.locale) },
  { href: `/manage/orgs/${org.slug}/publications`, text: req.t('publications.manage.title') },
];
