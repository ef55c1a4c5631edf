import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedBuffersMb, startEmbeddedPostgres } from './embedded.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'open-region-embedded-'));
// PostgreSQL runs as the user postgres, which must enter the directory
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the embedded server's settings", () => {
  it('gives a server database a quarter of the memory for shared buffers (128 MB to 1 GB)', async () => {
    expect(sharedBuffersMb(2 * 2 ** 30)).toBe(512);
    expect(sharedBuffersMb(256 * 2 ** 20)).toBe(128);
    expect(sharedBuffersMb(24 * 2 ** 30)).toBe(1024);
    const db = await startEmbeddedPostgres(path.join(dir, 'pg'), { persistent: false });
    try {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query(
        "select setting::bigint * 8 / 1024 as mb from pg_settings where name = 'shared_buffers'",
      );
      await client.end();
      expect(Number(rows[0].mb)).toBe(sharedBuffersMb(os.totalmem()));
    } finally {
      await db.stop();
    }
  }, 120_000);
});
