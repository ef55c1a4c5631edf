import type { FastifyReply, FastifyRequest } from 'fastify';
import { isSignedIn } from '../../../platform/authz/index.ts';
import type { FieldError } from '../../../platform/errors/index.ts';
import { verifyAltcha } from '../../../platform/http/altcha.ts';
import { TextInput } from '../../../platform/ui/components.tsx';

/** The field the ALTCHA widget fills; the error summary links to it. */
export const ALTCHA_FIELD = 'altcha';

/** A form error when the submitted ALTCHA payload is forged, expired or replayed; none when valid or absent. */
export async function altchaErrors(req: FastifyRequest): Promise<FieldError[]> {
  return (await verifyAltcha(req)) === 'invalid'
    ? [{ field: ALTCHA_FIELD, message: 'accounts.altcha.failed' }]
    : [];
}

/**
 * Show a one-line notice named in `?notice=` after a redirect. Only keys in
 * the list are shown, so the query string cannot put arbitrary text on the page.
 */
export function noticeFrom(req: FastifyRequest, allowed: Record<string, string>) {
  const key = (req.query as Record<string, unknown> | undefined)?.notice;
  if (typeof key === 'string' && key in allowed) {
    req.flash = { kind: 'success', text: req.t(allowed[key] as string) };
  }
}

/** Anonymous visitors go to sign-in and come back here afterwards; returns true when it redirected. */
export function requireSignIn(req: FastifyRequest, reply: FastifyReply): boolean {
  if (isSignedIn(req.actor)) return false;
  reply.redirect(`/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  return true;
}

export function formBody(req: FastifyRequest): Record<string, unknown> {
  return (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
}

/** The e-mail field of the sign-in, sign-up and reset forms: no spellcheck, no capitals, browser autofill. */
export function EmailField(p: {
  label: string;
  hint?: string;
  value: string | undefined;
  errors: FieldError[];
}) {
  return (
    <TextInput
      name="email"
      type="email"
      label={p.label}
      hint={p.hint}
      value={p.value}
      errors={p.errors}
      autocomplete="email"
      spellcheck={false}
      autocapitalize="none"
    />
  );
}
