// What `npm run backup` and `npm run restore` share.
import { copyFileSync, type Dirent, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Bumped when the layout of a backup changes; restore refuses a format it does not know. */
export const BACKUP_FORMAT = 1;

/** A reason to stop that is said as it is, in one line. */
export class Refusal extends Error {}

/** Stop with one line on stderr. */
export function fail(message: string): never {
  process.stderr.write(`${message.split('\n')[0]}\n`);
  process.exit(1);
}

/** The URL of the embedded PostgreSQL a running server started on this cluster, if one runs. */
export function runningPostgresUrl(pgDir: string): string | null {
  try {
    const lines = readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    process.kill(pid, 0);
    return `postgres://postgres:open-region-local@127.0.0.1:${lines[3]?.trim()}/open_region`;
  } catch {
    return null;
  }
}

/**
 * Copy a directory tree, keeping modes. A file that disappears while it is
 * copied (PostgreSQL removes temporary and old files as it runs) is skipped:
 * the WAL replayed on restore covers it.
 */
export function copyTree(from: string, to: string, keep: (name: string) => boolean = () => true) {
  mkdirSync(to, { recursive: true });
  let entries: Dirent[];
  try {
    entries = readdirSync(from, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const e of entries) {
    if (!keep(e.name)) continue;
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    try {
      if (e.isDirectory()) copyTree(src, dst, keep);
      else if (e.isFile()) copyFileSync(src, dst);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}
