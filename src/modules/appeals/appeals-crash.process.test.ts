import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  embeddedDbUrl,
  type ServerProcess,
  signInOverHttp,
  startServerProcess,
  tempDataDir,
} from '../../../test/server-process.ts';
import { DEMO_PASSWORD } from '../accounts/index.ts';

/*
 * A crash at any moment after the 201 loses nothing: the real server process
 * (with its embedded PostgreSQL) takes a stream of submissions and is killed
 * with SIGKILL, the whole process group at once, mid-stream; restarted on the
 * same DATA_DIR it must hold every acknowledged appeal, and each body's
 * numbering must have no gaps.
 */
const dir = tempDataDir('open-region-crash-');
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) await s.killHard();
  rmSync(dir, { recursive: true, force: true });
});

const env = { DATA_DIR: dir, SEED: 'demo' };
const bodies = ['minzdrav', 'minobr', 'minsoc'];

describe('appeal intake across a crash', () => {
  it('keeps every acknowledged appeal and leaves no gaps in numbering', { timeout: 300_000 }, async () => {
    const first = await startServerProcess(env);
    servers.push(first);
    const cookie = await signInOverHttp(first.base, 'm.ivanova@esia-demo.example', DEMO_PASSWORD);

    const acked: string[] = [];
    let sent = 0;
    let killed = false;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        sent++;
        try {
          const res = await fetch(`${first.base}/api/v1/appeals`, {
            method: 'POST',
            headers: { cookie, origin: first.base, 'content-type': 'application/json' },
            body: JSON.stringify({
              orgSlug: bodies[(w + i) % bodies.length],
              kind: 'statement',
              lastName: 'Иванова',
              firstName: 'Мария',
              email: 'm.ivanova@esia-demo.example',
              text: `Поток ${w}, обращение ${i}`,
            }),
          });
          if (res.status === 201) acked.push(((await res.json()) as { number: string }).number);
          else throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        } catch (err) {
          if (!killed) throw err;
        }
      }
    };
    const stream = Promise.all([0, 1, 2, 3, 4, 5].map(worker));
    // a worker that meets an unexpected answer fails the test at once instead of leaving the wait below spinning
    let streamError: unknown = null;
    stream.catch((err) => {
      streamError = err;
    });
    // kill once a good number of appeals are acknowledged, while requests are still in flight
    while (acked.length < 150 && !streamError) await new Promise((r) => setTimeout(r, 5));
    if (streamError) {
      killed = true;
      throw streamError;
    }
    killed = true;
    await first.killHard();
    await stream;
    expect(acked.length).toBeGreaterThanOrEqual(150);

    const second = await startServerProcess(env);
    servers.push(second);
    const db = new pg.Client({ connectionString: embeddedDbUrl(dir) });
    await db.connect();
    try {
      // every appeal of the year (the demo seed may have registered some too), and which came from this stream
      const { rows } = await db.query<{
        number: string;
        code: string;
        year: number;
        sequence: number;
        streamed: boolean;
      }>(
        "select a.number, o.code, a.year, a.sequence, a.text like 'Поток %' as streamed from appeals a join organizations o on o.id = a.org_id",
      );
      const streamed = rows.filter((r) => r.streamed);
      const stored = new Set(rows.map((r) => r.number));
      const lost = acked.filter((n) => !stored.has(n));
      expect(lost).toEqual([]);
      // in-flight requests may have committed without an answer reaching us, never the other way round
      expect(streamed.length).toBeGreaterThanOrEqual(acked.length);
      expect(streamed.length).toBeLessThanOrEqual(sent);
      const groups = new Map<string, number[]>();
      for (const r of rows)
        groups.set(`${r.code}/${r.year}`, [...(groups.get(`${r.code}/${r.year}`) ?? []), r.sequence]);
      for (const code of ['MINZDRAV', 'MINOBR', 'MINSOC'])
        expect([...groups.keys()].some((k) => k.startsWith(`${code}/`))).toBe(true);
      for (const [, list] of groups) {
        const seqs = list.sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      }
    } finally {
      await db.end();
    }

    // the restarted server still serves them to their author, with the same session
    const sample = acked.slice(-5);
    for (const n of sample) {
      const res = await fetch(`${second.base}/api/v1/appeals/${n}`, { headers: { cookie } });
      expect(res.status).toBe(200);
    }
    // and numbering carries on from where it stopped
    const next = await fetch(`${second.base}/api/v1/appeals`, {
      method: 'POST',
      headers: { cookie, origin: second.base, 'content-type': 'application/json' },
      body: JSON.stringify({
        orgSlug: 'minzdrav',
        kind: 'proposal',
        lastName: 'Иванова',
        firstName: 'Мария',
        email: 'm.ivanova@esia-demo.example',
        text: 'После перезапуска',
      }),
    });
    expect(next.status).toBe(201);
    const maxBefore = Math.max(
      ...acked.filter((n) => n.startsWith('MINZDRAV-')).map((n) => Number(n.split('-').at(-1))),
    );
    expect(Number(((await next.json()) as { number: string }).number.split('-').at(-1))).toBeGreaterThan(
      maxBefore,
    );
    await second.stop();
  });
});
