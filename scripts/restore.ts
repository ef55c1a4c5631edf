/**
 * `npm run restore -- <backup.tar.gz>`: bring a backup made by `npm run backup`
 * back into an empty DATA_DIR, then start its database once (PostgreSQL replays
 * the WAL in the backup to a consistent state, and migrations run) and say what
 * it holds.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import { StartupError } from '../src/platform/db/embedded.ts';
import { MigrationsNewerThanCode } from '../src/platform/db/migrate.ts';
import { startRuntime } from '../src/runtime.ts';
import { BACKUP_FORMAT, fail, Refusal } from './backup-common.ts';

function chownTree(p: string, uid: number, gid: number) {
  chownSync(p, uid, gid);
  if (statSync(p).isDirectory()) for (const e of readdirSync(p)) chownTree(path.join(p, e), uid, gid);
}

async function main() {
  const archive = process.argv[2];
  if (!archive) throw new Refusal('Name the backup to restore: npm run restore -- <backup.tar.gz>');
  if (!existsSync(archive)) throw new Refusal(`No backup at ${path.resolve(archive)}`);
  const config = loadConfig();
  if (config.databaseUrl)
    throw new Refusal(
      'DATABASE_URL is set: restore that database with pg_restore, and DATA_DIR/files with it (docs/operations.md)',
    );
  const dataDir = config.dataDir;
  // loading the configuration may have just written a session secret: that alone is no content
  const present = existsSync(dataDir) ? readdirSync(dataDir).filter((n) => n !== 'session-secret') : [];
  if (present.length > 0)
    throw new Refusal(
      `DATA_DIR ${dataDir} is not empty: restore only into an empty DATA_DIR (move the old one aside first)`,
    );

  mkdirSync(dataDir, { recursive: true });
  const stage = mkdtempSync(path.join(dataDir, '.restore-'));
  try {
    try {
      execFileSync('tar', ['-xzf', path.resolve(archive), '-C', stage], { stdio: 'pipe' });
    } catch {
      throw new Refusal(`${path.resolve(archive)} is not a readable backup (tar could not unpack it)`);
    }
    let manifest: { format?: number; postgres?: string };
    try {
      manifest = JSON.parse(readFileSync(path.join(stage, 'manifest.json'), 'utf8'));
    } catch {
      throw new Refusal(`${path.resolve(archive)} is not a backup of Открытый регион (no manifest.json)`);
    }
    if (manifest.format !== BACKUP_FORMAT)
      throw new Refusal(
        `The backup has format ${manifest.format}; this release reads format ${BACKUP_FORMAT}`,
      );

    const pgDir = path.join(dataDir, 'pg');
    renameSync(path.join(stage, 'pg'), pgDir);
    chmodSync(pgDir, 0o700);
    // PostgreSQL runs as the user postgres when we are root, and insists on owning its files
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownTree(pgDir, uid, gid);
    }
    if (existsSync(path.join(stage, 'files')))
      renameSync(path.join(stage, 'files'), path.join(dataDir, 'files'));
    if (existsSync(path.join(stage, 'session-secret'))) {
      renameSync(path.join(stage, 'session-secret'), path.join(dataDir, 'session-secret'));
      chmodSync(path.join(dataDir, 'session-secret'), 0o600);
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }

  // Start it once: recovery from the backup's WAL, then migrations if this release is newer.
  const runtime = await startRuntime(loadConfig(), { workers: false });
  try {
    const { rows } = await runtime.deps.db.$client.query<{ orgs: number; appeals: number; files: number }>(
      `select (select count(*)::int from organizations) as orgs,
              (select count(*)::int from appeals) as appeals,
              (select count(*)::int from stored_files) as files`,
    );
    const r = rows[0];
    process.stdout.write(
      `restored into ${dataDir}: ${r?.orgs} organisations, ${r?.appeals} appeals, ${r?.files} files\n`,
    );
  } finally {
    await runtime.close();
  }
}

main().catch((err) => {
  if (
    err instanceof ConfigError ||
    err instanceof StartupError ||
    err instanceof MigrationsNewerThanCode ||
    err instanceof Refusal
  )
    fail(err.message);
  fail(`Restore failed: ${String((err as Error).message ?? err).replace(/\s+/g, ' ')}`);
});
