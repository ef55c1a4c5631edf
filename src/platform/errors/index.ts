/** Domain errors thrown by use cases; one handler maps them to pages and problem+json. */
export class DomainError extends Error {
  readonly status: number = 500;
  readonly code: string = 'internal';
  constructor(message?: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  override readonly status = 404;
  override readonly code = 'not_found';
}

export class Forbidden extends DomainError {
  override readonly status = 403;
  override readonly code = 'forbidden';
}

export class Unauthenticated extends DomainError {
  override readonly status = 401;
  override readonly code = 'unauthenticated';
}

export class Conflict extends DomainError {
  override readonly status = 409;
  override readonly code = 'conflict';
}

/** A field's message: an i18n key (or plain text), with the values its `{name}` slots take. */
export type FieldError = { field: string; message: string; params?: Record<string, string | number> };

/** The field of an error that belongs to the whole form (a refusal, a rule across fields): shown as text, not a link. */
export const FORM_LEVEL = 'form';

/** Input that failed validation: each field's message is an i18n key or plain text. */
export class InvalidInput extends DomainError {
  override readonly status = 422;
  override readonly code = 'invalid_input';
  constructor(readonly errors: FieldError[]) {
    super('invalid input');
  }
}

/** Open every use case with this: `authorize(policy.canX(actor, row))`. */
export function authorize(allowed: boolean, asNotFound = false): asserts allowed {
  if (!allowed) throw asNotFound ? new NotFound() : new Forbidden();
}
