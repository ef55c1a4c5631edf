import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn } from '../../../platform/authz/index.ts';
import { NotFound } from '../../../platform/errors/index.ts';
import { type DraftStage, draftStages } from '../drafts.input.ts';

/** What the route files of drafts share: parameters, notices, sign-in. */

export type IdParams = { id: string };
export type SlugParams = { slug: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the address: anything but a UUID is a page that does not exist. */
export function idOf(p: { id: string }): string {
  if (!UUID.test(p.id)) throw new NotFound();
  return p.id;
}

export function str(q: unknown, k: string): string | undefined {
  const v = (q as Record<string, unknown> | undefined)?.[k];
  return typeof v === 'string' && v.trim() !== '' && v.length <= 100 ? v.trim() : undefined;
}

/** A whole number from the address within bounds, else undefined. */
export function intOf(q: unknown, k: string, min: number, max: number): number | undefined {
  const v = Number(str(q, k));
  return Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

export function stageOf(q: unknown): DraftStage | undefined {
  const s = str(q, 'stage');
  return (draftStages as readonly string[]).includes(s ?? '') ? (s as DraftStage) : undefined;
}

const notices: Record<string, string> = {
  saved: 'drafts.manage.saved',
  created: 'drafts.manage.created',
  text: 'drafts.manage.textSaved',
  stage: 'drafts.manage.stageChanged',
  position: 'drafts.manage.positionSaved',
  summary: 'drafts.manage.summaryPublished',
  decided: 'drafts.manage.decided',
};

/** The one-line notice a redirect named in `?notice=` (known keys only). */
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
