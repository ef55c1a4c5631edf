import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Deps } from '../../platform/deps.ts';
import { findStoredFile, readStoredFile } from '../../platform/files/index.ts';
import { publicationsRepository as repo } from './publications.repository.ts';
import { indexPublication } from './publications.search.ts';

/** Longest text kept per attachment (the search index weighs it lowest anyway). */
const MAX_TEXT = 2_000_000;

/** The text of a PDF or DOCX; null when the file has none that can be read (a scan, a broken file). */
export async function textOf(ext: string, bytes: Buffer): Promise<string | null> {
  try {
    if (ext === 'pdf') {
      const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
      const { text } = await extractText(pdf, { mergePages: true });
      const t = (Array.isArray(text) ? text.join('\n') : text).replace(/\s+\n/g, '\n').trim();
      return t.length > 0 ? t.slice(0, MAX_TEXT) : null;
    }
    if (ext === 'docx') {
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      const t = value.trim();
      return t.length > 0 ? t.slice(0, MAX_TEXT) : null;
    }
  } catch {
    return null;
  }
  return null;
}

/**
 * The background job: read an attachment's text and keep it for search. A file
 * without extractable text is marked so, and its page says the text is not searchable.
 */
export async function extractAttachmentText(
  deps: Pick<Deps, 'db' | 'config' | 'log'>,
  data: { attachmentId: string },
): Promise<'done' | 'failed' | 'missing'> {
  const a = await repo.findAttachment(deps.db, data.attachmentId);
  if (!a) return 'missing';
  const file = await findStoredFile(deps.db, a.fileId);
  const bytes = file ? await readStoredFile(deps, file).catch(() => null) : null;
  const text = bytes ? await textOf(a.ext, bytes) : null;
  const status = text === null ? 'failed' : 'done';
  await deps.db.transaction(async (tx) => {
    await repo.setAttachmentText(tx, a.id, status, text);
    await indexPublication(tx, a.publicationId);
  });
  deps.log.info({ attachmentId: a.id, status }, 'attachment text extracted');
  return status;
}
