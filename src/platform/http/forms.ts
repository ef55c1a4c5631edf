import type { z } from 'zod';
import { type FieldError, FORM_LEVEL } from '../errors/index.ts';

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldError[]; values: Record<string, string> };

/**
 * Validate a submitted form with the same zod schema the JSON API uses.
 * Messages in schemas are i18n keys; every typed value comes back for re-rendering.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') values[k] = v;
    else if (Array.isArray(v)) values[k] = v.filter((x) => typeof x === 'string').join('\n');
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? FORM_LEVEL);
    if (errors.some((e) => e.field === field)) continue;
    // a custom issue may carry the values its message names ({min}, {max})
    const params = issue.code === 'custom' ? (issue.params as FieldError['params']) : undefined;
    errors.push(params ? { field, message: issue.message, params } : { field, message: issue.message });
  }
  return { ok: false, errors, values };
}
