import { STATUS_CODES } from 'node:http';
import { z } from 'zod';

/*
 * Conventions for /api/v1 routes.
 *
 * - Every input schema (body, query, params) is built with `apiInput({...})`:
 *   a strict object, so a field the API does not know is a 400 with
 *   `application/problem+json` naming it, never silently dropped. A client
 *   that misspells `titel` learns it at once instead of losing the title.
 * - Output schemas are plain `z.object` presenters that copy fields by name.
 * - Errors are `application/problem+json` (RFC 9457) with a stable `code`
 *   from `problemCode` or the domain error, never a stack trace.
 */

/** A strict zod object for API input: unknown fields are refused with 400. */
export function apiInput<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape);
}

/** Stable, framework-independent codes for the errors Fastify raises before a handler runs. */
const FRAMEWORK_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_VALIDATION: 'invalid_request',
};

const STATUS_CODE_NAMES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_input',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** The `code` of a problem+json body for an error that is not a domain error. */
export function problemCode(status: number, frameworkCode: unknown): string {
  if (status >= 500 && status !== 503) return 'internal';
  if (typeof frameworkCode === 'string') {
    if (frameworkCode in FRAMEWORK_CODES) return FRAMEWORK_CODES[frameworkCode] as string;
    if (frameworkCode.startsWith('FST_CSRF')) return 'csrf';
  }
  return STATUS_CODE_NAMES[status] ?? (status >= 500 ? 'internal' : 'bad_request');
}

/** The `title` of a problem+json body: the HTTP reason phrase. */
export function problemTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
