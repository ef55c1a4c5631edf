import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'open-region-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base = { SESSION_SECRET: 'x'.repeat(32), DATA_DIR: tmp };

function failure(env: Record<string, string>): string {
  try {
    loadConfig({ ...base, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const c = loadConfig(base);
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(c.secureCookies).toBe(false);
    expect(c.seed).toBe('demo');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.smtpUrl).toBeUndefined();
    expect(c.workers).toBe(1);
    expect(c.s3).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every variable it knows', () => {
    const c = loadConfig({
      ...base,
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      PUBLIC_URL: 'https://open.example.ru/',
      SMTP_URL: 'smtp://mail:25',
      SEED: 'none',
      LOG_LEVEL: 'warn',
      WORKERS: '4',
      S3_URL: 'https://AKIA%2B1:s%40cret@storage.example.ru:9000/open-region?region=ru-central1',
    });
    expect(c).toMatchObject({
      workers: 4,
      s3: {
        endpoint: 'https://storage.example.ru:9000',
        bucket: 'open-region',
        region: 'ru-central1',
        accessKeyId: 'AKIA+1',
        secretAccessKey: 's@cret',
      },
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/x',
      publicUrl: 'https://open.example.ru',
      secureCookies: true,
      smtpUrl: 'smtp://mail:25',
      seed: 'none',
      logLevel: 'warn',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ ...base, PORT: '', SMTP_URL: '' })).toMatchObject({ port: 3000, smtpUrl: undefined });
  });

  it.each([
    ['PORT', 'abc', 'Invalid PORT: must be a whole number from 0 to 65535'],
    ['PORT', '70000', 'Invalid PORT: must be a whole number from 0 to 65535'],
    ['PORT', '-1', 'Invalid PORT: must be a whole number from 0 to 65535'],
    ['PORT', '30.5', 'Invalid PORT: must be a whole number from 0 to 65535'],
    ['PORT', ' ', 'Invalid PORT: must be a whole number from 0 to 65535'],
    ['HOST', 'bad host', 'Invalid HOST: must be a host name or an IP address, e.g. 127.0.0.1'],
    ['DATABASE_URL', 'mysql://db/x', 'Invalid DATABASE_URL: must start with postgres:// or postgresql://'],
    [
      'DATABASE_REPLICA_URL',
      'db:5432',
      'Invalid DATABASE_REPLICA_URL: must start with postgres:// or postgresql://',
    ],
    ['WORKERS', '0', 'Invalid WORKERS: must be a whole number of processes from 1 to 64'],
    ['WORKERS', 'two', 'Invalid WORKERS: must be a whole number of processes from 1 to 64'],
    ['WORKERS', '65', 'Invalid WORKERS: must be a whole number of processes from 1 to 64'],
    [
      'S3_URL',
      's3://bucket',
      'Invalid S3_URL: must look like https://ACCESS_KEY:SECRET@host/bucket (http:// for a local server)',
    ],
    [
      'S3_URL',
      'https://s3.example.ru/files',
      'Invalid S3_URL: must look like https://ACCESS_KEY:SECRET@host/bucket (http:// for a local server)',
    ],
    ['PUBLIC_URL', 'open.example.ru', 'Invalid PUBLIC_URL: must be an absolute http(s) URL'],
    ['PUBLIC_URL', 'ftp://open.example.ru', 'Invalid PUBLIC_URL: must be an absolute http(s) URL'],
    ['SMTP_URL', 'mail.example.ru:25', 'Invalid SMTP_URL: must start with smtp:// or smtps://'],
    ['SESSION_SECRET', 'short', 'Invalid SESSION_SECRET: must be at least 32 characters'],
    ['SEED', 'full', 'Invalid SEED: must be demo or none'],
    [
      'LOG_LEVEL',
      'verbose',
      'Invalid LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
    ],
  ])('stops on a wrong %s (%j) with one line naming it', (name, value, message) => {
    const m = failure({ [name]: value });
    expect(m).toBe(message);
    expect(m).not.toContain('\n');
  });

  it('names DATA_DIR when it cannot be used for the session secret', () => {
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, 'not a folder');
    const m = failure({ DATA_DIR: file, SESSION_SECRET: '' });
    expect(m).toMatch(
      /^Invalid DATA_DIR: cannot keep the session secret in .*a-file \(E[A-Z]+\): make it writable .* or set DATA_DIR to another directory$/,
    );
  });

  it('refuses a hand-written secret file that is too short', () => {
    const dir = mkdtempSync(path.join(tmp, 'short-'));
    writeFileSync(path.join(dir, 'session-secret'), 'abc\n');
    expect(failure({ DATA_DIR: dir, SESSION_SECRET: '' })).toMatch(/^Invalid DATA_DIR: .* shorter than 32/);
  });
});

describe('SESSION_SECRET', () => {
  it('is generated into DATA_DIR when absent, readable only by the owner, and kept', () => {
    const dir = path.join(tmp, 'fresh', 'data');
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, 'session-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first.sessionSecret);
  });

  it('regenerates a secret file left empty by an interrupted write', () => {
    const dir = mkdtempSync(path.join(tmp, 'empty-'));
    writeFileSync(path.join(dir, 'session-secret'), '');
    chmodSync(path.join(dir, 'session-secret'), 0o600);
    const c = loadConfig({ DATA_DIR: dir });
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('uses the variable when it is set and writes nothing', () => {
    const dir = path.join(tmp, 'given');
    expect(loadConfig({ DATA_DIR: dir, SESSION_SECRET: 's'.repeat(40) }).sessionSecret).toBe('s'.repeat(40));
    expect(() => statSync(path.join(dir, 'session-secret'))).toThrow();
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
  });

  it('takes a hop count or a list of addresses, CIDRs and named ranges', () => {
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(
      loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback' }).trustProxy,
    ).toEqual(['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback']);
  });

  it('refuses anything else with one line naming the variable', () => {
    for (const v of ['true', 'yes', '10.0.0.1/33', '10.0.0.300', 'proxy.example', '10.0.0.1/8/8', ',']) {
      expect(failure({ TRUST_PROXY: v }), v).toMatch(/^Invalid TRUST_PROXY: must be a number of proxy hops/);
    }
  });
});

describe('SECRETS_KEY', () => {
  it('seals with SECRETS_KEY when set, else with SESSION_SECRET; the previous key is kept for rotation', () => {
    expect(loadConfig(base).secretKeys).toEqual({ current: base.SESSION_SECRET, previous: undefined });
    const k = 'k'.repeat(40);
    expect(
      loadConfig({ ...base, SECRETS_KEY: k, SECRETS_KEY_PREVIOUS: base.SESSION_SECRET }).secretKeys,
    ).toEqual({
      current: k,
      previous: base.SESSION_SECRET,
    });
    expect(failure({ SECRETS_KEY: 'short' })).toBe('Invalid SECRETS_KEY: must be at least 32 characters');
  });
});
