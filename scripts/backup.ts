/**
 * `npm run backup [-- <file.tar.gz>]`: a consistent backup of DATA_DIR, taken
 * while the server runs or not: the embedded PostgreSQL as an online physical
 * backup (pg_backup_start … pg_backup_stop, the method pg_basebackup uses,
 * with the WAL that makes the copy consistent), then the uploaded files and the
 * session secret. `npm run restore` brings it back into an empty DATA_DIR.
 * With DATABASE_URL the database is not ours to copy: see docs/operations.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ConfigError, loadConfig } from '../src/config.ts';
import { StartupError, startEmbeddedPostgres } from '../src/platform/db/embedded.ts';
import { BACKUP_FORMAT, copyTree, fail, Refusal, runningPostgresUrl } from './backup-common.ts';

// Rebuilt by PostgreSQL, or meaningless in a copy (pg_basebackup leaves them out too).
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

async function main() {
  const config = loadConfig();
  if (config.databaseUrl)
    throw new Refusal(
      'DATABASE_URL is set: back that database up with pg_dump of its version, and DATA_DIR/files with it (docs/operations.md)',
    );
  const pgDir = path.join(config.dataDir, 'pg');
  if (!existsSync(path.join(pgDir, 'PG_VERSION')))
    throw new Refusal(`DATA_DIR ${config.dataDir} holds no database to back up`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(process.argv[2] ?? `open-region-backup-${stamp}.tar.gz`);
  mkdirSync(path.dirname(out), { recursive: true });

  // A running server's PostgreSQL is backed up as it runs; otherwise one is started for the backup.
  let url = runningPostgresUrl(pgDir);
  let stop: (() => Promise<void>) | null = null;
  if (!url) {
    const embedded = await startEmbeddedPostgres(pgDir);
    url = embedded.url;
    stop = embedded.stop;
  }
  const stage = mkdtempSync(path.join(path.dirname(out), '.open-region-backup-'));
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows: info } = await client.query<{ version: string; migration: string | null }>(
      `select current_setting('server_version') as version,
              (select max(created_at)::text from drizzle.__drizzle_migrations) as migration`,
    );
    // fast: an immediate checkpoint instead of waiting for the next one
    await client.query("select pg_backup_start('open-region backup', true)");
    copyTree(pgDir, path.join(stage, 'pg'), (name) => !SKIP.has(name) && !name.startsWith('pgsql_tmp'));
    for (const d of SKIP)
      if (!d.includes('.') && d !== 'backup_label' && d !== 'tablespace_map')
        mkdirSync(path.join(stage, 'pg', d), { recursive: true });
    const { rows } = await client.query<{ labelfile: string; spcmapfile: string }>(
      'select labelfile, spcmapfile from pg_backup_stop(false)',
    );
    const label = rows[0]?.labelfile ?? '';
    writeFileSync(path.join(stage, 'pg', 'backup_label'), label);
    if (rows[0]?.spcmapfile) writeFileSync(path.join(stage, 'pg', 'tablespace_map'), rows[0].spcmapfile);
    // the WAL written from the start of the backup to its stop makes the copied files consistent
    copyTree(path.join(pgDir, 'pg_wal'), path.join(stage, 'pg', 'pg_wal'), (n) => n !== 'archive_status');
    mkdirSync(path.join(stage, 'pg', 'pg_wal', 'archive_status'), { recursive: true });
    const firstWal = label.match(/\(file ([0-9A-F]{24})\)/)?.[1];
    if (!firstWal || !existsSync(path.join(stage, 'pg', 'pg_wal', firstWal)))
      throw new Refusal(
        'The database wrote so much during the backup that its first WAL file was recycled: run the backup again',
      );

    // Files are written before the rows that name them commit, so every file the copied
    // database names is already there; files are content-addressed and never rewritten.
    const files = path.join(config.dataDir, 'files');
    if (existsSync(files)) copyTree(files, path.join(stage, 'files'));
    const secret = path.join(config.dataDir, 'session-secret');
    if (existsSync(secret))
      writeFileSync(path.join(stage, 'session-secret'), readFileSync(secret), { mode: 0o600 });
    writeFileSync(
      path.join(stage, 'manifest.json'),
      `${JSON.stringify(
        {
          format: BACKUP_FORMAT,
          createdAt: new Date().toISOString(),
          postgres: info[0]?.version,
          newestMigration: info[0]?.migration,
        },
        null,
        2,
      )}\n`,
    );
    execFileSync('tar', ['-czf', out, '-C', stage, '.'], { stdio: 'pipe' });
    const mb = (statSync(out).size / 1024 / 1024).toFixed(1);
    process.stdout.write(`backup written to ${out} (${mb} MB)\n`);
  } finally {
    await client.end().catch(() => {});
    rmSync(stage, { recursive: true, force: true });
    await stop?.();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof StartupError || err instanceof Refusal) fail(err.message);
  fail(`Backup failed: ${String((err as Error).message ?? err).replace(/\s+/g, ' ')}`);
});
