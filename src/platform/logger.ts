import pino, { type DestinationStream, type Logger } from 'pino';

// E-mail addresses, Cyrillic ones and URL-encoded ones included ("ivan%40mail.ru").
const EMAIL = /[\p{L}\p{N}._%+-]+(?:@|%40)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A query string inside a logged URL: "url":"/x?email=…" or "Route GET:/x?y=1 not found".
const QUERY_IN_URL = /(\/[^\s"?]*)\?[^\s"]*/g;

/** Remove what could identify a person from one serialized log line. */
export function scrubLogLine(line: string): string {
  return line.replace(EMAIL, '[email]').replace(QUERY_IN_URL, '$1');
}

type LoggedError = Error & {
  code?: unknown;
  statusCode?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
};

// Drizzle's "Failed query: … params: …" carries the values a person typed.
const PARAMS = /\nparams: [\s\S]*?(?=\n\s+at |$)/;
const hideParams = (s: string | undefined) => s?.replace(PARAMS, '\nparams: [hidden]');

/**
 * Errors keep their type, message, code, constraint and stack, but lose what
 * drivers attach about the data: pg's `detail` (the conflicting row's values)
 * and drizzle's query parameters.
 */
function errSerializer(err: LoggedError, depth = 0): unknown {
  if (!(err instanceof Error)) return err;
  return {
    type: err.name,
    message: hideParams(err.message),
    code: err.code,
    statusCode: err.statusCode,
    constraint: err.constraint,
    table: err.table,
    column: err.column,
    stack: hideParams(err.stack),
    cause: err.cause instanceof Error && depth < 3 ? errSerializer(err.cause, depth + 1) : undefined,
  };
}

/**
 * The process logger. Request logs carry method, path, id and status only: no
 * bodies, no cookies, no query strings; every line is scrubbed of e-mail
 * addresses before it is written, so no personal data reaches the logs.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers',
        'req.body',
        'req.query',
        'body',
        'query',
        'headers',
        'cookies',
        'email',
        'password',
        '*.email',
        '*.password',
      ],
      remove: true,
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      err: (err: LoggedError) => errSerializer(err),
    },
    hooks: { streamWrite: scrubLogLine },
  };
  return destination ? pino(options, destination) : pino(options);
}
