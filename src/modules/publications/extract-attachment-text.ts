import { Worker } from 'node:worker_threads';
import { unzipSync } from 'fflate';
import type { Deps } from '../../platform/deps.ts';
import { findStoredFile, readStoredFile } from '../../platform/files/index.ts';
import { projectPath } from '../../platform/paths.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import { indexPublication } from './publications.search.ts';

/** Longest text kept per attachment (the search index weighs it lowest anyway). */
const MAX_TEXT = 2_000_000;

/**
 * Limits on a DOCX before any of it is inflated, from the sizes its zip
 * directory declares: a real document of a few hundred pages unpacks to tens
 * of megabytes at a ratio under 20; a zip bomb declares hundreds of megabytes
 * at ratios in the hundreds or thousands.
 */
export const DOCX_LIMITS = { maxUnpackedBytes: 100 * 1024 * 1024, maxRatio: 100, maxEntries: 5_000 };

/** Limits of the worker thread that parses one file (heap in MB, wall time in ms). */
export const WORKER_LIMITS = { heapMb: 256, timeoutMs: 60_000 };

/** The worker runs from its source (Node strips the types) also when the server runs from its bundle in dist/. */
const WORKER_FILE = projectPath('src/modules/publications/text-extraction.worker.ts');

/** Why a file has no searchable text; kept with the attachment and logged (no content, no names). */
export type ExtractionFailure =
  | 'no_text' // parsed, but holds no text (a scan)
  | 'unreadable' // the parser refused it (broken or not what its extension says)
  | 'too_large' // declares more unpacked data than DOCX_LIMITS allows
  | 'compression_ratio' // declares a ratio no real document has: a zip bomb
  | 'memory' // the parser ran out of its heap
  | 'timeout' // the parser ran past its deadline
  | 'missing_file'; // the stored file is gone

export type Extraction = { ok: true; text: string } | { ok: false; reason: ExtractionFailure };

/** A DOCX's zip directory checked against DOCX_LIMITS without inflating anything; null when it passes. */
export function checkDocxArchive(bytes: Uint8Array): ExtractionFailure | null {
  let total = 0;
  let entries = 0;
  let verdict: ExtractionFailure | null = null;
  try {
    unzipSync(bytes, {
      // Called with each entry's declared sizes; returning false inflates nothing.
      filter: (f) => {
        entries++;
        total += f.originalSize;
        const ratio = f.originalSize / Math.max(f.size, 1);
        if (f.originalSize > 1024 * 1024 && ratio > DOCX_LIMITS.maxRatio) verdict ??= 'compression_ratio';
        return false;
      },
    });
  } catch {
    return 'unreadable';
  }
  if (verdict) return verdict;
  if (total > DOCX_LIMITS.maxUnpackedBytes || entries > DOCX_LIMITS.maxEntries) return 'too_large';
  return null;
}

/** Parse a PDF or DOCX in a worker thread with a heap limit and a deadline. */
export async function extractText(
  ext: string,
  bytes: Uint8Array,
  limits: { heapMb: number; timeoutMs: number } = WORKER_LIMITS,
): Promise<Extraction> {
  if (ext === 'docx') {
    const refused = checkDocxArchive(bytes);
    if (refused) return { ok: false, reason: refused };
  }
  return new Promise<Extraction>((resolve) => {
    let settled = false;
    const finish = (r: Extraction) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(WORKER_FILE, {
      workerData: { ext, bytes, maxText: MAX_TEXT },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 },
      // The worker needs no TypeScript loader beyond Node's own type stripping.
      execArgv: [],
    });
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    worker.on('message', (m: { ok: true; text: string } | { ok: false; reason: 'unreadable' }) =>
      finish(m.ok ? (m.text ? { ok: true, text: m.text } : { ok: false, reason: 'no_text' }) : m),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      finish({ ok: false, reason: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'unreadable' }),
    );
    worker.on('exit', () => finish({ ok: false, reason: 'unreadable' }));
  });
}

/**
 * The background job: read an attachment's text and keep it for search. A file
 * without extractable text is marked failed with the reason, once: the job
 * does not throw for a bad file, so pg-boss never retries it.
 */
export async function extractAttachmentText(
  deps: Pick<Deps, 'db' | 'config' | 'log'>,
  data: { attachmentId: string },
): Promise<'done' | 'failed' | 'missing'> {
  const a = await repo.findAttachment(deps.db, data.attachmentId);
  if (!a) return 'missing';
  const file = await findStoredFile(deps.db, a.fileId);
  const bytes = file ? await readStoredFile(deps, file).catch(() => null) : null;
  const result: Extraction = bytes ? await extractText(a.ext, bytes) : { ok: false, reason: 'missing_file' };
  const status = result.ok ? 'done' : 'failed';
  await deps.db.transaction(async (tx) => {
    await repo.setAttachmentText(
      tx,
      a.id,
      status,
      result.ok ? result.text : null,
      result.ok ? null : result.reason,
    );
    await indexPublication(tx, a.publicationId);
  });
  if (result.ok) deps.log.info({ attachmentId: a.id, status }, 'attachment text extracted');
  else
    deps.log.warn(
      { attachmentId: a.id, status, reason: result.reason, ext: a.ext },
      'attachment text not extracted',
    );
  return status;
}

/**
 * The dead-letter job of an extraction whose attempts were all spent without
 * finishing (each one's process died): the attachment is marked failed with
 * the reason `interrupted`, unless an attempt did finish after all.
 */
export async function extractionAbandoned(
  deps: Pick<Deps, 'db' | 'log'>,
  data: { attachmentId: string },
): Promise<'failed' | 'settled'> {
  const marked = await repo.failPendingAttachmentText(deps.db, data.attachmentId, 'interrupted');
  if (!marked) return 'settled';
  deps.log.warn({ attachmentId: data.attachmentId, reason: 'interrupted' }, 'attachment text not extracted');
  return 'failed';
}
