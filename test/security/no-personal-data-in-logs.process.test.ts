import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Challenge } from 'altcha-lib/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, signInOverHttp, startServerProcess, tempDataDir } from '../server-process.ts';

/*
 * Secrets and personal data (issue 9, 152-ФЗ): the real server process, its
 * whole log written to a file at the most verbose level, is driven through
 * sign-up, a wrong and a right sign-in, a password-reset request and an appeal
 * with the demo citizens' data; the log holds none of the e-mails, names,
 * passwords or the appeal's text.
 */

const DEMO_PASSWORD = 'demo-pass-2026';
const newPerson = {
  email: 'evlampiy.sidorenko@example.test',
  lastName: 'Сидоренко',
  firstName: 'Евлампий',
  patronymic: 'Фомич',
  password: 'Sekret-Pass-7781',
};
const citizen = {
  email: 'citizen@open-region.example',
  lastName: 'Кузьмин',
  firstName: 'Павел',
  patronymic: 'Андреевич',
};
const ivanova = 'm.ivanova@esia-demo.example';
const wrongPassword = 'Wrong-Secret-991';
const appealText = 'Во дворе дома 17 по улице Красной третью неделю не вывозят мусор';
const phone = '+7 911 456-78-90';

let dataDir: string;
let logFile: string;
let server: ServerProcess;

/** A tiny cookie-keeping browser over real HTTP. */
class Browser {
  jar = new Map<string, string>();
  constructor(readonly base: string) {}
  cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async fetch(url: string, init: RequestInit = {}) {
    const res = await fetch(this.base + url, {
      redirect: 'manual',
      ...init,
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookie() },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair?.indexOf('=') ?? -1;
      if (pair && i > 0) this.jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
  async form(url: string, fields: Record<string, string>) {
    const page = await (await this.fetch(url)).text();
    const csrf = page.match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (!csrf) throw new Error(`no CSRF token on ${url}`);
    return this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
  }
}

async function altcha(base: string): Promise<string> {
  const { parameters, signature } = (await (await fetch(`${base}/altcha/challenge`)).json()) as Challenge;
  const challenge: Challenge = { parameters, ...(signature ? { signature } : {}) };
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

beforeAll(async () => {
  dataDir = tempDataDir('open-region-logs-');
  logFile = path.join(dataDir, 'server.log');
  server = await startServerProcess(
    { DATA_DIR: dataDir, SEED: 'demo', LOG_LEVEL: 'trace' },
    180_000,
    logFile,
  );
}, 200_000);
afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the server log holds no personal data or secrets', () => {
  it('after sign-up, sign-in, a password reset and an appeal', async () => {
    const base = server.base;
    const visitor = new Browser(base);
    const signUp = await visitor.form('/sign-up', {
      email: newPerson.email,
      lastName: newPerson.lastName,
      firstName: newPerson.firstName,
      patronymic: newPerson.patronymic,
      password: newPerson.password,
      passwordConfirm: newPerson.password,
      consent: 'yes',
      altcha: await altcha(base),
    });
    expect(signUp.status).toBe(303);

    const wrong = await new Browser(base).form('/sign-in', { email: ivanova, password: wrongPassword });
    expect(wrong.status).not.toBe(303);
    const reset = await new Browser(base).form('/password-reset', {
      email: citizen.email,
      altcha: await altcha(base),
    });
    expect(reset.status).toBeLessThan(400);

    const cookie = await signInOverHttp(base, citizen.email, DEMO_PASSWORD);
    const appeal = await fetch(`${base}/api/v1/appeals`, {
      method: 'POST',
      headers: { cookie, origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'appeal',
        kind: 'statement',
        orgSlug: 'minzdrav',
        lastName: citizen.lastName,
        firstName: citizen.firstName,
        patronymic: citizen.patronymic,
        email: citizen.email,
        phone,
        text: appealText,
      }),
    });
    expect(appeal.status).toBe(201);
    await server.stop();

    const log = readFileSync(logFile, 'utf8');
    // the log is there and detailed: each request was logged
    expect(log).toContain('/api/v1/appeals');
    expect(log).toContain('/sign-up');
    const secrets = [
      newPerson.email,
      newPerson.lastName,
      newPerson.firstName,
      newPerson.patronymic,
      newPerson.password,
      citizen.email,
      citizen.lastName,
      citizen.firstName,
      ivanova,
      'Иванова',
      DEMO_PASSWORD,
      wrongPassword,
      appealText.slice(0, 30),
      phone,
      // the session cookie's value: whoever reads the log must not be able to sign in
      cookie.match(/sid=([^;]+)/)?.[1] ?? 'sid-missing',
    ];
    const lower = log.toLowerCase();
    expect(secrets.filter((s) => lower.includes(s.toLowerCase()))).toEqual([]);
    // JSON escapes non-ASCII in some writers: look for the escaped forms too
    const escaped = secrets.map((s) =>
      JSON.stringify(s)
        .slice(1, -1)
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
    expect(escaped.filter((s) => /\\u/.test(s) && log.includes(s))).toEqual([]);
  }, 240_000);
});
