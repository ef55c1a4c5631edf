import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { UploadedFile } from '../files/index.ts';

/** The largest single file any form accepts; each form sets its own smaller rule. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

async function readFile(part: MultipartFile): Promise<UploadedFile> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  return {
    filename: part.filename ?? '',
    mimetype: part.mimetype,
    data: Buffer.concat(chunks),
    truncated: part.file.truncated,
  };
}

/**
 * multipart/form-data with every field on req.body, as formbody does for plain
 * forms, so CSRF tokens and zod parsing work the same. A file arrives as
 * { filename, mimetype, data, truncated }: an over-size file is cut and marked,
 * not thrown, so the form comes back with a message and keeps what was typed.
 *
 * The plugin's own `attachFieldsToBody` is not used: the parser's errors on a
 * broken body (cut short, no boundary) are plain Errors that would be a 500;
 * here they are the client's 400.
 */
export const uploadsPlugin = fp(async (app: FastifyInstance) => {
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 20, fields: 300, fieldSize: 1024 * 1024, parts: 320 },
  });
  app.addHook('preValidation', async (req) => {
    if (!req.isMultipart()) return;
    const body: Record<string, unknown> = {};
    try {
      for await (const part of req.parts()) {
        // The parser itself refuses __proto__ and the like as field names.
        const value = part.type === 'file' ? await readFile(part) : part.value;
        const prev = body[part.fieldname];
        body[part.fieldname] =
          prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      }
    } catch (err) {
      // The plugin's own limit errors carry their status (413); the parser's do not.
      if ((err as { statusCode?: number }).statusCode) throw err;
      throw Object.assign(new Error('The form data is broken or incomplete'), {
        statusCode: 400,
        code: 'bad_multipart',
      });
    }
    req.body = body;
  });
});
