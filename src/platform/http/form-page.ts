import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { z } from 'zod';
import { Conflict, type FieldError, FORM_LEVEL, InvalidInput } from '../errors/index.ts';
import { parseForm } from './forms.ts';
import { type PageOptions, renderPage } from './render.tsx';

/*
 * One way to run a form page (GOV.UK pattern, post/redirect/get):
 *   GET  → showForm: the page with its form and the starting values;
 *   POST → handleForm: parse the body with the input's zod schema; on an error the same
 *          page again (422) with the error summary in the order of the fields on the page
 *          and every typed value kept; otherwise the use case, whose InvalidInput (422) and
 *          Conflict (409) come back onto the form the same way; then 303 to the next page.
 */

/** What a form is shown with: the values typed so far (strings by field name) and the errors. */
export type FormState = { values: Record<string, string>; errors: FieldError[] };

/**
 * A form page: its title, body and breadcrumbs, built from the state of the form. It may be
 * called twice for one answer (the second time with the errors in page order), so load what
 * the page shows before, or once inside it, never with a side effect per call.
 */
export type FormView = { title: string; body: VNode } & Omit<PageOptions, 'status'>;
export type RenderForm = (form: FormState) => FormView | Promise<FormView>;

/** Never sent back to the page: the CSRF token, the ALTCHA payload. */
const NEVER_KEPT = new Set(['_csrf', 'altcha']);

/** The typed strings of a submitted body (repeated fields joined with newlines; files left out). */
export function formValues(body: unknown, forget: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body && typeof body === 'object' ? body : {}) as object)) {
    if (NEVER_KEPT.has(k) || forget.includes(k)) continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) {
      const strings = v.filter((x): x is string => typeof x === 'string');
      if (strings.length) out[k] = strings.join('\n');
    }
  }
  return out;
}

/** Where an error's summary link points: the element whose id is the field (or `href` when given). */
function targetOf(e: FieldError & { href?: string }): string {
  return e.href?.startsWith('#') ? e.href.slice(1) : e.field;
}

/**
 * Errors in the order their fields stand on the rendered page (the first element with
 * that id); errors whose field is not on the page keep their order after the others.
 */
export function orderByPage<E extends FieldError & { href?: string }>(html: string, errors: E[]): E[] {
  const at = (e: E) => {
    const i = html.indexOf(` id="${targetOf(e)}"`);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return errors
    .map((e, n) => ({ e, n, at: at(e) }))
    .sort((a, b) => a.at - b.at || a.n - b.n)
    .map((x) => x.e);
}

/** One message per field: the first one given wins. */
function firstPerField(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

/**
 * Send a form page in a given state. With errors, the summary is put in page order: the page
 * is rendered once to find where each field stands and, if the order differs, again.
 */
export async function sendFormPage(
  req: FastifyRequest,
  reply: FastifyReply,
  render: RenderForm,
  form: FormState,
  status = form.errors.length ? 422 : 200,
): Promise<FastifyReply> {
  const view = req.view(reply);
  let errors = firstPerField(form.errors);
  let page = await render({ values: form.values, errors });
  let html = renderPage(view, page.title, page.body, page);
  if (errors.length > 1) {
    const ordered = orderByPage(html, errors);
    if (ordered.some((e, i) => e !== errors[i])) {
      errors = ordered;
      page = await render({ values: form.values, errors });
      html = renderPage(view, page.title, page.body, page);
    }
  }
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

/** GET: the page with its form, empty or with the values of what is being edited. */
export function showForm(
  req: FastifyRequest,
  reply: FastifyReply,
  render: RenderForm,
  values: Record<string, string> = {},
): Promise<FastifyReply> {
  return sendFormPage(req, reply, render, { values, errors: [] });
}

export type FormSpec<S extends z.ZodType> = {
  /** the input's zod schema (the one the JSON API uses too) */
  schema: S;
  /** the page with the form: the same function the GET handler shows it with */
  render: RenderForm;
  /**
   * the use case, called with the parsed input; returns where to go next (303), or the
   * reply when it has answered itself (a page that shows a result once, a download)
   */
  run: (data: z.infer<S>) => Promise<string | FastifyReply>;
  /** what the schema reads, when it is not the body itself (fields added from the URL, repeated rows) */
  input?: (body: Record<string, unknown>) => unknown;
  /** checks beside the schema (ALTCHA, uploads); their errors join the schema's, and the use case is not run */
  check?: () => Promise<FieldError[]>;
  /** fields never sent back (passwords) */
  forget?: readonly string[];
  /** the field a refusal (Conflict) is shown at; without one it is shown as text in the summary */
  conflictField?: string;
};

/** POST: parse → the form again with its errors, or the use case → 303 (post/redirect/get). */
export async function handleForm<S extends z.ZodType>(
  req: FastifyRequest,
  reply: FastifyReply,
  spec: FormSpec<S>,
): Promise<FastifyReply> {
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  const values = formValues(body, spec.forget);
  const again = (errors: FieldError[], status = 422) =>
    sendFormPage(req, reply, spec.render, { values, errors }, status);

  const parsed = parseForm(spec.schema, spec.input ? spec.input(body) : body);
  const extra = spec.check ? await spec.check() : [];
  if (!parsed.ok || extra.length) return again([...(parsed.ok ? [] : parsed.errors), ...extra]);
  let next: string | FastifyReply;
  try {
    next = await spec.run(parsed.data);
  } catch (err) {
    if (err instanceof InvalidInput) return again(err.errors);
    if (err instanceof Conflict)
      return again([{ field: spec.conflictField ?? FORM_LEVEL, message: err.message }], 409);
    throw err;
  }
  return typeof next === 'string' ? reply.redirect(next, 303) : next;
}
