import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { UploadedFile } from '../files/index.ts';

/** The largest single file any form accepts; each form sets its own smaller rule. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * multipart/form-data with every field on req.body, as formbody does for plain
 * forms, so CSRF tokens and zod parsing work the same. A file arrives as
 * { filename, mimetype, data, truncated }: an over-size file is cut and marked,
 * not thrown, so the form comes back with a message and keeps what was typed.
 */
export const uploadsPlugin = fp(async (app: FastifyInstance) => {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 20, fields: 300, fieldSize: 1024 * 1024, parts: 320 },
    async onFile(part) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      const value: UploadedFile = {
        filename: part.filename ?? '',
        mimetype: part.mimetype,
        data: Buffer.concat(chunks),
        truncated: part.file.truncated,
      };
      (part as unknown as { value: UploadedFile }).value = value;
    },
  });
});
