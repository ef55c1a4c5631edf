import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Config, S3Config } from '../../config.ts';

/**
 * Where the bytes of uploaded files live: content-addressed by SHA-256, so a
 * blob is written once and never changed. DATA_DIR/files on one machine; an
 * S3-compatible bucket (S3_URL) when several hosts serve the portal, so a file
 * uploaded through one is downloaded through any other.
 */
export type BlobStore = {
  readonly kind: 'local' | 's3';
  /** Store the bytes under their SHA-256; a blob already there is left as it is. */
  put(sha256: string, data: Buffer, mediaType: string): Promise<void>;
  /** The bytes, or null when there is no such blob. */
  get(sha256: string): Promise<Buffer | null>;
  /** The bytes as a stream (for downloads), or null when there is no such blob. */
  stream(sha256: string): Promise<Readable | null>;
  /**
   * Store a file already written to local disk (too large to hold in memory) under its SHA-256; the
   * file is moved or read from, and the caller removes it afterwards if it is still there.
   */
  putFile(sha256: string, file: string, mediaType: string): Promise<void>;
};

/** The key of a blob: `files/ab/ab12…`, the same layout on disk and in a bucket. */
export function blobKey(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError('not a SHA-256');
  return `files/${sha256.slice(0, 2)}/${sha256}`;
}

function isMissing(err: unknown): boolean {
  const e = err as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e.code === 'ENOENT' ||
    e.name === 'NoSuchKey' ||
    e.name === 'NotFound' ||
    e.$metadata?.httpStatusCode === 404
  );
}

/**
 * The file storage cannot be reached (an S3 server down, refusing, timing out or answering 5xx): the
 * request is answered 503 with Retry-After by the error handler, not 500, and its transaction is undone.
 */
export class StorageUnavailable extends Error {
  readonly statusCode = 503;
  readonly code = 'storage_unavailable';
  constructor(cause: unknown) {
    super('The file storage is unavailable; try again in a minute.', { cause });
  }
}

const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

function isOutage(err: unknown): boolean {
  const e = err as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    NETWORK_ERRORS.has(e.code ?? '') || e.name === 'TimeoutError' || (e.$metadata?.httpStatusCode ?? 0) >= 500
  );
}

/** DATA_DIR/files/ab/ab12…; written to a temporary name and renamed, so a reader never sees half a file, and the temporary file removed when the write fails. */
export function localBlobStore(dataDir: string): BlobStore {
  const file = (sha: string) => path.join(dataDir, blobKey(sha));
  /** A blob not there yet is written to a temporary name by `write`, then renamed into place. */
  const store = async (sha: string, write: (tmp: string) => Promise<void>) => {
    const target = file(sha);
    try {
      await access(target);
      return;
    } catch {
      // not there yet
    }
    const tmp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await write(tmp);
      await rename(tmp, target);
    } catch (err) {
      // no half file left behind (a full disk, say); the caller decides what the person is told
      await rm(tmp, { force: true }).catch(() => {});
      throw err;
    }
  };
  return {
    kind: 'local',
    put: (sha, data) => store(sha, (tmp) => writeFile(tmp, data)),
    // a copy, not a rename: the file may be on another file system (the system's temporary directory)
    putFile: (sha, from) => store(sha, (tmp) => copyFile(from, tmp)),
    async get(sha) {
      try {
        return await readFile(file(sha));
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },
    async stream(sha) {
      try {
        await access(file(sha));
      } catch {
        return null;
      }
      return createReadStream(file(sha));
    },
  };
}

/** A bucket of an S3-compatible server (path-style addressing, which every such server speaks). */
export function s3BlobStore(cfg: S3Config): BlobStore {
  const s3 = new S3Client({
    endpoint: cfg.endpoint,
    region: cfg.region,
    forcePathStyle: true,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    // a server that does not answer must not hold the request (and its database transaction) for minutes
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 20_000 },
    maxAttempts: 2,
    // checksums only where the API requires them: a streamed body then goes as itself with its
    // length, not in aws-chunked framing with a checksum trailer, which not every S3-compatible
    // server reads (s3rver stored the framing as part of the file)
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  // every call: an outage of the storage becomes StorageUnavailable (a 503), anything else stays as it is
  const client = {
    send: (async (command: Parameters<S3Client['send']>[0]) => {
      try {
        return await s3.send(command);
      } catch (err) {
        throw isOutage(err) ? new StorageUnavailable(err) : err;
      }
    }) as S3Client['send'],
  };
  const Bucket = cfg.bucket;
  const object = async (sha: string) => {
    try {
      return await client.send(new GetObjectCommand({ Bucket, Key: blobKey(sha) }));
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  };
  const putObject = async (
    sha: string,
    mediaType: string,
    body: () => Promise<{ Body: Buffer | Readable; ContentLength?: number }>,
  ) => {
    const Key = blobKey(sha);
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key }));
      return;
    } catch (err) {
      if (!isMissing(err)) throw err;
    }
    const put = async () =>
      client.send(new PutObjectCommand({ Bucket, Key, ContentType: mediaType, ...(await body()) }));
    try {
      await put();
    } catch (err) {
      // a fresh deployment: the bucket is made on the first upload
      if ((err as { name?: string }).name !== 'NoSuchBucket') throw err;
      await client.send(new CreateBucketCommand({ Bucket }));
      await put();
    }
  };
  return {
    kind: 's3',
    async put(sha, data, mediaType) {
      await putObject(sha, mediaType, async () => ({ Body: data }));
    },
    async putFile(sha, file, mediaType) {
      // one PUT with the length known (up to 5 GB, past any data file the portal renders)
      const { size } = await stat(file);
      await putObject(sha, mediaType, async () => ({ Body: createReadStream(file), ContentLength: size }));
    },
    async get(sha) {
      const o = await object(sha);
      return o?.Body ? Buffer.from(await o.Body.transformToByteArray()) : null;
    },
    async stream(sha) {
      const o = await object(sha);
      return o?.Body ? (o.Body as Readable) : null;
    },
  };
}

// One client per configuration (per process): S3Client keeps its connections.
const stores = new WeakMap<Config, BlobStore>();

/** The store the configuration names: S3 when S3_URL is set, DATA_DIR/files otherwise. */
export function blobStoreFor(config: Config): BlobStore {
  let s = stores.get(config);
  if (!s) {
    s = config.s3 ? s3BlobStore(config.s3) : localBlobStore(config.dataDir);
    stores.set(config, s);
  }
  return s;
}
