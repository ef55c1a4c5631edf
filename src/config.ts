import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** The only reader of process.env: every setting parsed, typed and frozen. */
const portMessage = 'must be a whole number from 0 to 65535';
const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, portMessage)
    .transform(Number)
    .refine((n) => n <= 65535, portMessage)
    .default(3000),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address, e.g. 127.0.0.1')
    .default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** how far behind the primary the replica may be and still be read (ms) */
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce
    .number()
    .int()
    .min(0, 'must be a number of milliseconds')
    .max(600_000, 'must be at most 600000 (ten minutes)')
    .default(3_000),
  /** app processes `npm start` runs on one port (node:cluster); 1 serves from the one process */
  WORKERS: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number of processes from 1 to 64')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 64, 'must be a whole number of processes from 1 to 64')
    .default(1),
  /** S3-compatible file storage: http(s)://ACCESS_KEY:SECRET@host[:port]/bucket[?region=…] */
  S3_URL: z
    .url({
      protocol: /^https?$/,
      message: 'must look like https://ACCESS_KEY:SECRET@host/bucket (http:// for a local server)',
    })
    .refine((v) => {
      const u = new URL(v);
      return u.username !== '' && u.password !== '' && /^\/[^/]+\/?$/.test(u.pathname);
    }, 'must look like https://ACCESS_KEY:SECRET@host/bucket (http:// for a local server)')
    .optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED: z.enum(['demo', 'none'], { message: 'must be demo or none' }).default('demo'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  MAIL_FROM: z.string().default('Открытый регион <noreply@open-region.local>'),
  SECRETS_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SECRETS_KEY_PREVIOUS: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Shed load (503) when the mean event-loop delay passes this many milliseconds; 0 turns shedding off. */
  LOAD_SHED_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0, 'must be 0 (off) or a number of milliseconds')
    .default(1000),
  /** How long an anonymous public page is answered from memory before it is rendered again (ms); 0: off. */
  PAGE_CACHE_TTL_MS: z.coerce
    .number()
    .int()
    .min(0, 'must be 0 (off) or a number of milliseconds')
    .default(5000),
  /** The most memory the page cache of one process may hold (MiB). */
  PAGE_CACHE_MAX_MB: z.coerce.number().int().min(1, 'must be a whole number of MiB, at least 1').default(32),
  TRUST_PROXY: z
    .string()
    .trim()
    .refine(
      (v) => parseTrustProxy(v) !== null,
      'must be a number of proxy hops (e.g. 1) or a comma-separated list of proxy addresses or CIDRs (e.g. 127.0.0.1,10.0.0.0/8)',
    )
    .optional(),
});

/** Named ranges proxy-addr (Fastify's trustProxy) understands besides addresses and CIDRs. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(s: string): boolean {
  if (NAMED_RANGES.has(s)) return true;
  const [addr = '', prefix, extra] = s.split('/');
  const family = isIP(addr);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: a hop count, or the addresses/CIDRs of the reverse proxies whose
 * X-Forwarded-For is believed; null when malformed. Unset means no proxy is
 * trusted: the client address is the TCP peer, so nobody escapes a per-address
 * rate limit by sending the header.
 */
export function parseTrustProxy(v: string): number | string[] | null {
  if (/^\d{1,3}$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 && list.every(isAddressOrCidr) ? list : null;
}

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseReplicaUrl: string | undefined;
  /** the replica's tolerated lag; a person reads the primary for this plus a few seconds after their own write */
  replicaMaxLagMs: number;
  /** how many app processes serve the port (WORKERS, default 1) */
  workers: number;
  /** S3-compatible storage for uploaded files; unset: DATA_DIR/files */
  s3: S3Config | undefined;
  publicUrl: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  sessionSecret: string;
  seed: 'demo' | 'none';
  logLevel: string;
  mailFrom: string;
  /** seals secrets kept in the database (platform/secrets): SECRETS_KEY, else SESSION_SECRET; the previous key while rotating */
  secretKeys: Readonly<{ current: string; previous: string | undefined }>;
  /** false (the default), a hop count or proxy addresses/CIDRs: Fastify's `trustProxy` */
  trustProxy: false | number | string[];
  /** the mean event-loop delay (ms) past which requests are refused with 503; 0: never */
  loadShedDelayMs: number;
  /** the shared cache of anonymous public pages (platform/http/page-cache.ts): freshness and size */
  pageCache: Readonly<{ ttlMs: number; maxBytes: number }>;
}>;

export type S3Config = Readonly<{
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}>;

/** S3_URL's parts: the endpoint, the bucket (path style, which every S3-compatible server speaks) and the keys. */
function parseS3Url(v: string): S3Config {
  const u = new URL(v);
  return Object.freeze({
    endpoint: `${u.protocol}//${u.host}`,
    bucket: u.pathname.replace(/^\/|\/$/g, ''),
    region: u.searchParams.get('region') ?? 'us-east-1',
    accessKeyId: decodeURIComponent(u.username),
    secretAccessKey: decodeURIComponent(u.password),
  });
}

export class ConfigError extends Error {}

/** Parse the environment; a wrong value throws one line naming the variable and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? 'wrong value'}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (
    e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`
  ).replace(/\/$/, '');
  const sessionSecret = e.SESSION_SECRET ?? readOrCreateSecret(dataDir);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    replicaMaxLagMs: e.DATABASE_REPLICA_MAX_LAG_MS,
    workers: e.WORKERS,
    s3: e.S3_URL ? parseS3Url(e.S3_URL) : undefined,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    sessionSecret,
    secretKeys: Object.freeze({ current: e.SECRETS_KEY ?? sessionSecret, previous: e.SECRETS_KEY_PREVIOUS }),
    seed: e.SEED,
    logLevel: e.LOG_LEVEL,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY ? (parseTrustProxy(e.TRUST_PROXY) ?? false) : false,
    loadShedDelayMs: e.LOAD_SHED_DELAY_MS,
    pageCache: Object.freeze({ ttlMs: e.PAGE_CACHE_TTL_MS, maxBytes: e.PAGE_CACHE_MAX_MB * 2 ** 20 }),
  });
}

/** A generated secret kept in DATA_DIR, so sessions survive a restart without configuration. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  let kept = '';
  try {
    if (existsSync(file)) kept = readFileSync(file, 'utf8').trim();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`Invalid DATA_DIR: cannot read ${file} (${code})`);
  }
  if (kept.length >= 32) return kept;
  // An empty file is a write that never finished; anything else short was put there by hand.
  if (kept.length > 0)
    throw new ConfigError(`Invalid DATA_DIR: ${file} holds a secret shorter than 32 characters`);
  try {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(
      `Invalid DATA_DIR: cannot keep the session secret in ${dataDir} (${code}): make it writable for this user or set DATA_DIR to another directory`,
    );
  }
}
