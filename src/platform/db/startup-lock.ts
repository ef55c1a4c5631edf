import pg from 'pg';

/**
 * Run `fn` while holding a session-level advisory lock on a connection of its
 * own. Every process that starts on a database (the processes of one host, and
 * any number of hosts on one DATABASE_URL) takes turns here for migrations,
 * the calendar check and the seed, so two never apply the same migration or
 * seed the same rows at once. Ending the connection releases the lock, also
 * when the process dies holding it.
 */
export async function withStartupLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'open-region-startup' });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('open-region.startup'))");
    return await fn();
  } finally {
    await client.end().catch(() => {});
  }
}
