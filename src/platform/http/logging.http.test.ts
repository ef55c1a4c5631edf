import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../../../test/auth.ts';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { visitor } from '../../../test/forms.ts';
import { buildApp } from '../../app.ts';
import { users } from '../../modules/schema.ts';
import { createLogger, scrubLogLine } from '../logger.ts';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let deps: TestDeps;
let app: FastifyInstance;
const EMAIL = 'ivan.petrov@mail.ru';

beforeAll(async () => {
  deps = await createTestDeps();
  app = await buildApp({ ...deps, log: createLogger('info', sink) });
  // A careless sign-in handler: logs the e-mail it got, then hits a unique violation
  // whose pg error carries the e-mail in its detail.
  await app.register(async (t) => {
    const careless = async (req: import('fastify').FastifyRequest) => {
      const body = req.body as { email: string; password: string };
      req.log.info({ email: body.email, password: body.password }, `sign-in attempt for ${body.email}`);
      await deps.db.insert(users).values({ email: body.email, displayName: 'Иван' });
      await deps.db.insert(users).values({ email: body.email, displayName: 'Иван' });
      return { ok: true };
    };
    t.post('/test/sign-in', careless);
    t.post('/api/v1/test/sign-in', { config: { apiAnonymousWrite: true } }, careless);
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await deps.close();
});

describe('request logs', () => {
  it('carry method, path and status but no query string, cookie, body or e-mail', async () => {
    lines.length = 0;
    const res = await app.inject({
      method: 'POST',
      url: `/test/sign-in?next=%2Fcabinet&login=${encodeURIComponent(EMAIL)}`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: 'sid=s3cr3t-session-token; _csrf=csrf-cookie-value',
        'x-csrf-token': 'csrf-header-value',
      },
      payload: new URLSearchParams({ email: EMAIL, password: 'Pa$$w0rd-secret' }).toString(),
    });
    // the POST has no CSRF token that matches: refused, and logged
    expect(res.statusCode).toBe(403);
    const log = lines.join('\n');
    expect(log).toContain('"path":"/test/sign-in"');
    expect(log).toContain('"status":403');
    for (const secret of ['ivan', 'petrov', 'mail.ru', 'next=', 'login', 's3cr3t', 'csrf-cookie', 'Pa$$w0rd'])
      expect(log, secret).not.toContain(secret);
  });

  it('scrub e-mails that handlers or database errors put in messages', async () => {
    lines.length = 0;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test/sign-in',
      payload: { email: EMAIL, password: 'Pa$$w0rd-secret' },
    });
    expect(res.statusCode).toBe(500);
    const log = lines.join('\n');
    // the handler's own line and the error, without the address or pg's detail of the row
    expect(log).toContain('sign-in attempt for [email]');
    expect(log).toContain('users_email_key');
    expect(log).toContain('"status":500');
    for (const secret of ['ivan', 'petrov', 'mail.ru', 'Иван', 'already exists', 'Pa$$w0rd'])
      expect(log, secret).not.toContain(secret);
  });
});

describe('the real sign-in', () => {
  it('leaves no e-mail or password in the logs, signed in or refused', async () => {
    const u = await createUser(deps, { email: 'maria.kuznetsova@example.ru', password: 'Correct-horse-1' });
    lines.length = 0;
    await signIn(app, u.email, u.password);
    const refused = await visitor(app).post(
      '/sign-in?next=%2Fcabinet',
      { email: 'nobody.known@example.ru', password: 'Wrong-pass-1' },
      { from: '/sign-in' },
    );
    expect(refused.statusCode).toBeLessThan(500);
    const log = lines.join('\n');
    expect(log).toContain('"path":"/sign-in"');
    for (const secret of [
      'maria',
      'kuznetsova',
      'nobody.known',
      'example.ru',
      'Correct-horse',
      'Wrong-pass',
      'next=',
    ])
      expect(log, secret).not.toContain(secret);
  });
});

describe('scrubLogLine', () => {
  it.each([
    ['{"msg":"for ivan@mail.ru"}', '{"msg":"for [email]"}'],
    ['{"msg":"for Иван.Петров@почта.рф"}', '{"msg":"for [email]"}'],
    ['{"msg":"Route GET:/x?email=a%40b.ru not found"}', '{"msg":"Route GET:/x not found"}'],
    ['{"url":"/orgs/x?q=1&lang=en"}', '{"url":"/orgs/x"}'],
    ['{"msg":"pg-boss@12 started"}', '{"msg":"pg-boss@12 started"}'],
  ])('%s', (input, output) => {
    expect(scrubLogLine(input)).toBe(output);
  });
});
