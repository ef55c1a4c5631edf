import { Document, Packer, Paragraph } from 'docx';
import { eq } from 'drizzle-orm';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/db.ts';
import { SAMPLE_PDF } from '../../../test/multipart.ts';
import type { Origin } from '../../platform/audit/index.ts';
import { userActor } from '../../platform/authz/index.ts';
import { findOrganizationBySlug, seedOrganizations } from '../orgs/index.ts';
import { attachFiles, EXTRACT_ABANDONED_QUEUE, EXTRACT_QUEUE } from './attach-files.ts';
import {
  checkDocxArchive,
  extractAttachmentText,
  extractionAbandoned,
  extractText,
} from './extract-attachment-text.ts';
import { documentInput } from './publications.input.ts';
import { publicationAttachments } from './publications.tables.ts';
import { publishDocument } from './publish-document.ts';

/*
 * A DOCX zip bomb (issue 9): a file of a few hundred kilobytes whose
 * word/document.xml unpacks to 300 MB once took the web process to 4.4 GB.
 * The bombs are built here, streamed, so the test itself never holds them unpacked.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A DOCX whose document.xml is one paragraph of `unpackedMb` megabytes of the letter A. */
function bombDocx(unpackedMb: number): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const small = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 9 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  small('[Content_Types].xml', CONTENT_TYPES);
  small('_rels/.rels', RELS);
  const doc = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(doc);
  doc.push(strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>`));
  const mb = new Uint8Array(1024 * 1024).fill(0x41);
  for (let i = 0; i < unpackedMb; i++) doc.push(mb);
  doc.push(strToU8('</w:t></w:r></w:p></w:body></w:document>'), true);
  zip.end();
  return Buffer.concat(out);
}

/** The same bomb with its zip directory lying: every entry declares 4 kB unpacked. */
function lyingBomb(bomb: Uint8Array): Uint8Array {
  const b = Buffer.from(bomb);
  for (let i = 0; i + 46 < b.length; i++) {
    if (b.readUInt32LE(i) === 0x02014b50) b.writeUInt32LE(4096, i + 24);
  }
  return b;
}

let deps: TestDeps;
let editor: Origin;
let bomb: Uint8Array;
const logLines: string[] = [];

beforeAll(async () => {
  deps = await createTestDeps();
  deps.log = pino({ level: 'info' }, { write: (line: string) => logLines.push(line) });
  await seedOrganizations(deps);
  const minzdrav = await findOrganizationBySlug(deps.db, 'minzdrav');
  editor = {
    actor: userActor('00000000-0000-0000-0000-0000000000e1', [{ role: 'editor', orgId: minzdrav?.id ?? '' }]),
    ip: null,
  };
  bomb = bombDocx(300);
});
afterAll(async () => {
  await deps.close();
});

describe('DOCX text extraction', () => {
  it('reads a real document (the control case)', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [{ children: [new Paragraph('Порядок приёма граждан по личным вопросам.')] }],
      }),
    );
    expect(checkDocxArchive(docx)).toBeNull();
    expect(await extractText('docx', docx)).toEqual({
      ok: true,
      text: 'Порядок приёма граждан по личным вопросам.',
    });
  });

  it('refuses the 300 MB bomb from its declared sizes, before inflating anything', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(checkDocxArchive(bomb)).toBe('compression_ratio');
    const heapBefore = process.memoryUsage().rss;
    expect(await extractText('docx', bomb)).toEqual({ ok: false, reason: 'compression_ratio' });
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('a bomb that lies about its sizes dies in its worker thread, not in the portal', async () => {
    const liar = lyingBomb(bomb);
    expect(checkDocxArchive(liar)).toBeNull();
    const result = await extractText('docx', liar, { heapMb: 64, timeoutMs: 30_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['memory', 'unreadable', 'timeout']).toContain(result.reason);
  });

  it('a parser that outgrows its heap dies alone and is reported as memory', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Текст.')] }] }));
    expect(await extractText('docx', docx, { heapMb: 4, timeoutMs: 30_000 })).toEqual({
      ok: false,
      reason: 'memory',
    });
    // and the next file is read as usual
    expect((await extractText('docx', docx)).ok).toBe(true);
  });

  it('a parser that runs too long is stopped at its deadline', async () => {
    const liar = lyingBomb(bomb);
    expect(await extractText('docx', liar, { heapMb: 2048, timeoutMs: 1 })).toEqual({
      ok: false,
      reason: 'timeout',
    });
  });

  it('the job records the failure and its reason once, logs the reason, and does not throw', async () => {
    const d = await publishDocument(deps, editor, {
      slug: 'minzdrav',
      doc: documentInput.parse({
        docType: 'постановление',
        docNumber: '77-п',
        docDate: '01.02.2026',
        docStatus: 'действует',
        title: 'О бомбе',
        body: 'Текст.',
        topics: 'обращения',
      }),
    });
    const [a] = await attachFiles(deps, editor, {
      slug: 'minzdrav',
      id: d.id,
      files: [
        {
          filename: 'Иванов-секретно.docx',
          mimetype: 'application/octet-stream',
          data: Buffer.from(bomb),
          truncated: false,
        },
      ],
    });
    logLines.length = 0;
    expect(await extractAttachmentText(deps, { attachmentId: a?.id as string })).toBe('failed');
    const [row] = await deps.db
      .select()
      .from(publicationAttachments)
      .where(eq(publicationAttachments.id, a?.id as string));
    expect(row).toMatchObject({ textStatus: 'failed', textFailure: 'compression_ratio', text: null });
    const log = logLines.join('\n');
    expect(log).toContain('"reason":"compression_ratio"');
    expect(log).not.toContain('Иванов');
  });
});

describe('an extraction whose process is killed', () => {
  it('is tried three more times with back-off, then recorded as failed (interrupted), never 20 times', async () => {
    // the jobs of the tests above, which ran the use case directly, are not this test's
    await deps.db.$client.query('delete from pgboss.job where name = $1', [EXTRACT_QUEUE]);
    const d = await publishDocument(deps, editor, {
      slug: 'minzdrav',
      doc: documentInput.parse({
        docType: 'постановление',
        docNumber: '78-п',
        docDate: '01.02.2026',
        docStatus: 'действует',
        title: 'О прерванном извлечении',
        body: 'Текст.',
        topics: 'обращения',
      }),
    });
    const [a] = await attachFiles(deps, editor, {
      slug: 'minzdrav',
      id: d.id,
      files: [{ filename: 'scan.pdf', mimetype: 'application/pdf', data: SAMPLE_PDF, truncated: false }],
    });
    const attachmentId = a?.id as string;
    const { boss } = deps.jobs;
    const jobRow = async () =>
      (
        await deps.db.$client.query<{
          id: string;
          retry_limit: number;
          retry_backoff: boolean;
          state: string;
        }>(
          `select id, retry_limit, retry_backoff, state from pgboss.job where name = $1 and data->>'attachmentId' = $2`,
          [EXTRACT_QUEUE, attachmentId],
        )
      ).rows[0];
    expect(await jobRow()).toMatchObject({ retry_limit: 3, retry_backoff: true, state: 'created' });

    // Four attempts, each taken by a process that dies before finishing: pg-boss's monitor
    // fails an expired active job exactly as `fail` does here. The back-off's wait is skipped.
    for (let attempt = 0; attempt < 4; attempt++) {
      await deps.db.$client.query('update pgboss.job set start_after = now() where id = $1', [
        (await jobRow())?.id,
      ]);
      const [job] = await boss.fetch<{ attachmentId: string }>(EXTRACT_QUEUE);
      expect(job?.data.attachmentId).toBe(attachmentId);
      await boss.fail(EXTRACT_QUEUE, job?.id as string);
    }
    expect((await jobRow())?.state).toBe('failed');
    await deps.db.$client.query('update pgboss.job set start_after = now() where id = $1', [
      (await jobRow())?.id,
    ]);
    expect(await boss.fetch(EXTRACT_QUEUE)).toEqual([]);

    // the spent job went to the dead-letter queue, whose worker records the failure
    const [dead] = await boss.fetch<{ attachmentId: string }>(EXTRACT_ABANDONED_QUEUE);
    expect(dead?.data).toEqual({ attachmentId });
    expect(await extractionAbandoned(deps, dead?.data as { attachmentId: string })).toBe('failed');
    const [row] = await deps.db
      .select()
      .from(publicationAttachments)
      .where(eq(publicationAttachments.id, attachmentId));
    expect(row).toMatchObject({ textStatus: 'failed', textFailure: 'interrupted' });
    // an attempt that did finish is not overwritten
    expect(await extractionAbandoned(deps, { attachmentId })).toBe('settled');
  });
});
