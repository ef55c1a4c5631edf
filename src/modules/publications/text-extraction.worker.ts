import { parentPort, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

/*
 * Runs in a worker thread started by extract-attachment-text.ts, with its own
 * heap limit and a deadline: a PDF or DOCX that inflates to gigabytes kills
 * this thread, never the portal. Plain code only (no project imports), so
 * Node's type stripping can load it in any process.
 */

const { ext, bytes, maxText } = workerData as { ext: string; bytes: Uint8Array; maxText: number };

async function textOf(): Promise<string> {
  if (ext === 'pdf') {
    const pdf = await getDocumentProxy(bytes, { verbosity: 0 });
    const { text } = await extractText(pdf, { mergePages: true });
    return (Array.isArray(text) ? text.join('\n') : text).replace(/\s+\n/g, '\n').trim();
  }
  const { value } = await mammoth.extractRawText({
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
  });
  return value.trim();
}

textOf().then(
  (text) => parentPort?.postMessage({ ok: true, text: text.slice(0, maxText) }),
  (err: unknown) =>
    // Only the error's class and first line: a parser's message may quote the document.
    parentPort?.postMessage({
      ok: false,
      reason: 'unreadable',
      detail: String((err as Error)?.name ?? 'Error'),
    }),
);
