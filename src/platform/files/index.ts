import { createHash } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { DbOrTx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { type FieldError, InvalidInput, NotFound } from '../errors/index.ts';
import { storedFiles } from './files.tables.ts';
import { blobStoreFor } from './storage.ts';

export { blobStoreFor } from './storage.ts';

export type StoredFile = typeof storedFiles.$inferSelect;

/** A file as the multipart parser hands it over (see http/uploads.ts). */
export type UploadedFile = { filename: string; mimetype: string; data: Buffer; truncated: boolean };

export function isUploadedFile(v: unknown): v is UploadedFile {
  return (
    typeof v === 'object' &&
    v !== null &&
    'data' in v &&
    Buffer.isBuffer((v as UploadedFile).data) &&
    'filename' in v
  );
}

/** The uploads of one form field, none, one or several, skipping the empty part a browser sends when nothing was chosen. */
export function uploadsOf(body: unknown, field: string): UploadedFile[] {
  const v = (body as Record<string, unknown> | undefined)?.[field];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter(isUploadedFile).filter((f) => !(f.filename === '' && f.data.length === 0));
}

/** Kinds of file a form may accept, each with the media types its content must show. */
export const FILE_KINDS = {
  pdf: ['application/pdf'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  odt: ['application/vnd.oasis.opendocument.text'],
  jpg: ['image/jpeg'],
  png: ['image/png'],
  mp4: ['video/mp4'],
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export type UploadRules = { kinds: FileKind[]; maxBytes: number; maxFiles: number };

/**
 * A file name as the person gave it, made safe to keep and show: the last part
 * of a path (either separator), no control characters and no bidirectional
 * overrides or isolates (U+202E turns «doc‮fdp.exe» into what looks like
 * «docexe.pdf»), NFC, spaces collapsed, at most 255 characters.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/**
 * The Content-Disposition of a download (RFC 6266): the name cleaned, an ASCII
 * `filename` for old clients (letters, digits, space and `._-()`; anything else «_»)
 * and the exact name as RFC 5987 `filename*` (every character outside
 * attr-char percent-encoded, `'()*` included).
 */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const clean = cleanFileName(name);
  const ascii = clean.replace(/[^\w .()-]/g, '_');
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The extension a name ends with, lower-cased, jpeg folded into jpg. */
function extOf(name: string): string {
  const e = path.extname(name).slice(1).toLowerCase();
  return e === 'jpeg' ? 'jpg' : e;
}

/**
 * Check uploads against the rules by their content, not their names: the type
 * found in the bytes must be allowed and agree with the extension. Returns the
 * field errors (message keys with parameters folded in by the caller's t()).
 */
export async function checkUploads(
  field: string,
  files: UploadedFile[],
  rules: UploadRules,
): Promise<FieldError[]> {
  if (files.length > rules.maxFiles) return [{ field, message: 'files.error.tooMany' }];
  for (const f of files) {
    if (f.truncated || f.data.length > rules.maxBytes) return [{ field, message: 'files.error.tooLarge' }];
    if (f.data.length === 0) return [{ field, message: 'files.error.empty' }];
    const found = await fileTypeFromBuffer(f.data);
    const kind = (Object.keys(FILE_KINDS) as FileKind[]).find((k) =>
      (FILE_KINDS[k] as readonly string[]).includes(found?.mime ?? ''),
    );
    if (!kind || !rules.kinds.includes(kind)) return [{ field, message: 'files.error.type' }];
    if (extOf(f.filename) !== kind) return [{ field, message: 'files.error.mismatch' }];
  }
  return [];
}

/** Errors of a disk that cannot take the bytes: full, over quota, or over the file size limit. */
const NO_SPACE = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * Store checked uploads: bytes first (DATA_DIR/files or the S3 bucket, see
 * storage.ts; content-addressed, so a retry or a duplicate writes nothing new),
 * then the rows in the caller's transaction.
 */
export async function storeUploads(
  deps: Pick<Deps, 'config'> & Partial<Pick<Deps, 'log'>>,
  tx: DbOrTx,
  field: string,
  files: UploadedFile[],
  rules: UploadRules,
  uploadedBy: string | null,
): Promise<StoredFile[]> {
  const errors = await checkUploads(field, files, rules);
  if (errors.length) throw new InvalidInput(errors);
  const out: StoredFile[] = [];
  for (const f of files) {
    const sha256 = createHash('sha256').update(f.data).digest('hex');
    const found = await fileTypeFromBuffer(f.data);
    try {
      await blobStoreFor(deps.config).put(sha256, f.data, found?.mime ?? 'application/octet-stream');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (NO_SPACE.has(code)) {
        // the operator must hear of it; the person is told on the form (nothing was kept)
        deps.log?.error({ code, bytes: f.data.length }, 'upload not stored: no space for files');
        throw new InvalidInput([{ field, message: 'files.error.noSpace' }]);
      }
      throw err;
    }
    const [row] = await tx
      .insert(storedFiles)
      .values({
        sha256,
        sizeBytes: f.data.length,
        mediaType: found?.mime ?? 'application/octet-stream',
        ext: extOf(f.filename),
        originalName: cleanFileName(f.filename),
        uploadedBy,
      })
      .returning();
    if (row) out.push(row);
  }
  return out;
}

export async function findStoredFile(db: DbOrTx, id: string): Promise<StoredFile | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row;
}

/** The bytes of a stored file. */
export async function readStoredFile(deps: Pick<Deps, 'config'>, file: StoredFile): Promise<Buffer> {
  const bytes = await blobStoreFor(deps.config).get(file.sha256);
  if (!bytes) throw new NotFound();
  return bytes;
}

/**
 * Send a stored file as a download. The caller has already decided the person
 * may see it; the type is the one found in the content, and the browser is told
 * not to guess another.
 */
export async function sendStoredFile(
  deps: Pick<Deps, 'config'>,
  reply: FastifyReply,
  file: StoredFile,
  opts: { inline?: boolean } = {},
): Promise<FastifyReply> {
  const body = await blobStoreFor(deps.config).stream(file.sha256);
  if (!body) throw new NotFound();
  const disposition =
    opts.inline && /^(image\/|application\/pdf)/.test(file.mediaType) ? 'inline' : 'attachment';
  return reply
    .header('content-type', file.mediaType)
    .header('content-length', String(file.sizeBytes))
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition(disposition, file.originalName))
    .send(body);
}

/** Human size for hints: «10 МБ». */
export function formatBytes(n: number, locale: 'ru' | 'en' = 'ru'): string {
  const mb = n / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} ${locale === 'ru' ? 'МБ' : 'MB'}`;
  return `${Math.ceil(n / 1024)} ${locale === 'ru' ? 'КБ' : 'KB'}`;
}
