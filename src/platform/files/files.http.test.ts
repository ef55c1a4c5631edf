import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { visitor } from '../../../test/forms.ts';
import { multipartBody, SAMPLE_PDF, SAMPLE_PNG, type Upload } from '../../../test/multipart.ts';
import { parseForm } from '../http/forms.ts';
import {
  checkUploads,
  findStoredFile,
  readStoredFile,
  sendStoredFile,
  storeUploads,
  uploadsOf,
} from './index.ts';

const rules = { kinds: ['pdf', 'png'] as ('pdf' | 'png')[], maxBytes: 64 * 1024, maxFiles: 2 };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    routes: async (app) => {
      // a form with text and files, as a module writes one
      app.get('/test-upload', async (_req, reply) =>
        reply
          .type('text/html')
          .send(`<form><input type="hidden" name="_csrf" value="${reply.generateCsrf()}"></form>`),
      );
      app.post('/test-upload', async (req, reply) => {
        const form = parseForm(z.object({ title: z.string().min(1, 'title.required') }), req.body);
        const files = uploadsOf(req.body, 'attachments');
        const errors = [
          ...(form.ok ? [] : form.errors),
          ...(await checkUploads('attachments', files, rules)),
        ];
        if (errors.length) return reply.status(422).send({ errors, kept: form.ok ? form.data : form.values });
        const stored = await t.deps.db.transaction((tx) =>
          storeUploads(t.deps, tx, 'attachments', files, rules, null),
        );
        return reply.status(201).send({ ids: stored.map((s) => s.id) });
      });
      app.get<{ Params: { id: string } }>('/test-upload/:id', async (req, reply) => {
        const f = await findStoredFile(t.deps.db, req.params.id);
        if (!f) return reply.status(404).send();
        return sendStoredFile(t.deps, reply, f);
      });
    },
  });
});
afterAll(async () => {
  await t.close();
});

/** A fresh visitor sends the test form with these files. */
const post = (fields: Record<string, string>, files: Upload[]) =>
  visitor(t.app).post('/test-upload', fields, { files });

describe('uploads', () => {
  it('stores files checked by content and serves them back with their detected type', async () => {
    const res = await post({ title: 'Жалоба' }, [
      { field: 'attachments', name: 'скан.pdf', type: 'application/pdf', data: SAMPLE_PDF },
      { field: 'attachments', name: 'фото.png', type: 'image/png', data: SAMPLE_PNG },
    ]);
    expect(res.statusCode).toBe(201);
    const ids = res.json().ids as string[];
    expect(ids).toHaveLength(2);
    const f = await findStoredFile(t.deps.db, ids[0] as string);
    expect(f?.mediaType).toBe('application/pdf');
    expect((await readStoredFile(t.deps, f as NonNullable<typeof f>)).equals(SAMPLE_PDF)).toBe(true);
    const dl = await t.app.inject({ url: `/test-upload/${ids[1]}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''%D1%84%D0%BE%D1%82%D0%BE.png");
    expect(dl.rawPayload.equals(SAMPLE_PNG)).toBe(true);
  });

  it('refuses a file whose content is not what its name says, keeping the typed fields', async () => {
    const res = await post({ title: 'Заявление' }, [
      { field: 'attachments', name: 'document.pdf', type: 'application/pdf', data: SAMPLE_PNG },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'attachments', message: 'files.error.mismatch' }]);
    expect(res.json().kept).toEqual({ title: 'Заявление' });
    const text = await post({ title: 'x' }, [
      {
        field: 'attachments',
        name: 'notes.pdf',
        type: 'application/pdf',
        data: Buffer.from('just text, not a PDF'),
      },
    ]);
    expect(text.json().errors[0].message).toBe('files.error.type');
  });

  it('refuses too many and too large files with a message, not a 413 page that loses the form', async () => {
    const many = await post(
      { title: 'x' },
      [1, 2, 3].map((i) => ({
        field: 'attachments',
        name: `${i}.pdf`,
        type: 'application/pdf',
        data: SAMPLE_PDF,
      })),
    );
    expect(many.json().errors[0].message).toBe('files.error.tooMany');
    const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(70 * 1024, 32)]);
    const large = await post({ title: 'Большой файл' }, [
      { field: 'attachments', name: 'big.pdf', type: 'application/pdf', data: big },
    ]);
    expect(large.statusCode).toBe(422);
    expect(large.json().errors[0].message).toBe('files.error.tooLarge');
    expect(large.json().kept).toEqual({ title: 'Большой файл' });
  });

  it('ignores the empty file part a browser sends when nothing was chosen', async () => {
    const res = await post({ title: 'Без файлов' }, [
      { field: 'attachments', name: '', type: 'application/octet-stream', data: Buffer.alloc(0) },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().ids).toEqual([]);
  });

  it('still demands the CSRF token in a multipart form', async () => {
    const body = multipartBody({ title: 'x' }, []);
    const res = await t.app.inject({
      method: 'POST',
      url: '/test-upload',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    });
    expect(res.statusCode).toBe(403);
  });
});
