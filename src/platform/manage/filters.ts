import { z } from 'zod';
import type { OutboxFilter } from '../mail/outbox.repository.ts';
import type { AuditFilter } from './audit.repository.ts';

/** Rows per page of the staff lists. */
export const PAGE_SIZE = 50;

/** A repeated query parameter (?a=1&a=2) counts once, as its first value. */
export function firstValues(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!query || typeof query !== 'object') return out;
  for (const [k, v] of Object.entries(query)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/**
 * The civil date of a GOV.UK date input's three fields: undefined when all are
 * empty, null when they do not make a real date.
 */
export function dateFromParts(day = '', month = '', year = ''): string | undefined | null {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return undefined;
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(m) - 1 ||
    date.getUTCDate() !== Number(d)
  )
    return null;
  return date.toISOString().slice(0, 10);
}

const text = z.string().trim().max(200, 'manage.audit.tooLong').optional();
const datePart = z.string().max(10, 'manage.date.invalid').optional();
const page = z.coerce.number().int().min(1).max(100_000).catch(1);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit log's GET filters: who, what, which object, which organisation, which days. */
export const auditQueryInput = z
  .object({
    actor: text,
    action: text,
    objectType: text,
    objectId: text,
    org: text,
    'from-day': datePart,
    'from-month': datePart,
    'from-year': datePart,
    'to-day': datePart,
    'to-month': datePart,
    'to-year': datePart,
    page,
  })
  .transform((v, ctx) => {
    const from = dateFromParts(v['from-day'], v['from-month'], v['from-year']);
    const to = dateFromParts(v['to-day'], v['to-month'], v['to-year']);
    if (from === null) ctx.addIssue({ code: 'custom', path: ['from-day'], message: 'manage.date.invalid' });
    if (to === null) ctx.addIssue({ code: 'custom', path: ['to-day'], message: 'manage.date.invalid' });
    if (from && to && to < from)
      ctx.addIssue({ code: 'custom', path: ['to-day'], message: 'manage.audit.range.invalid' });
    // checked here, not in the object, so every wrong filter is reported at once
    if (v.org && !UUID.test(v.org))
      ctx.addIssue({ code: 'custom', path: ['org'], message: 'manage.audit.org.invalid' });
    const actor = v.actor || undefined;
    const filter: AuditFilter = {
      actorId: actor && UUID.test(actor) ? actor : undefined,
      actorEmail: actor && !UUID.test(actor) ? actor : undefined,
      actionPrefix: v.action || undefined,
      objectType: v.objectType || undefined,
      objectId: v.objectId || undefined,
      orgId: v.org || undefined,
      from: from ?? undefined,
      to: to ?? undefined,
    };
    return { filter, page: v.page };
  });

/** The outbox's GET filters. */
export const outboxQueryInput = z
  .object({
    to: text,
    status: z.enum(['', 'unsent', 'sent'], { message: 'manage.outbox.status.invalid' }).optional(),
    page,
  })
  .transform((v) => {
    const filter: OutboxFilter = { to: v.to || undefined, status: v.status || undefined };
    return { filter, page: v.page };
  });

/** The query string of a list page: the filters as given, with another page number. */
export function pageHref(path: string, values: Record<string, string>, n: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v && k !== 'page' && k !== 'lang') q.set(k, v);
  if (n > 1) q.set('page', String(n));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
