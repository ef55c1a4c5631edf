import pino from 'pino';

/**
 * The process logger. Request logs carry method, path and status only: no
 * bodies, no cookies, no query strings, so no personal data reaches the logs.
 */
export function createLogger(level: string) {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'email', 'password'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        id: req.id,
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
  });
}
