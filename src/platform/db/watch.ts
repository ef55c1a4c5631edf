import pg from 'pg';

/**
 * Whether an error says the database is away (down, restarting, frozen,
 * unreachable, out of connections) rather than that a query was wrong. Drizzle
 * wraps driver errors, so the cause chain is walked.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      // 08: connection exception; 57P01-57P05: shutdown, crash, starting up, idle timeouts; 53300: too many connections
      if (/^08|^57P0[1-5]$|^53300$/.test(code)) return true;
      if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND)$/.test(code))
        return true;
    }
    if (
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection ended/i.test(
        e.message,
      )
    )
      return true;
  }
  return false;
}

/**
 * A connection error that names its target (Node's `port` on ECONNREFUSED and the like) aimed at
 * another port than the database's: an outage of something else (a file store, an identity
 * provider), which must not mark the database down.
 */
export function aimedElsewhere(err: unknown, databasePort: number | null): boolean {
  if (databasePort === null) return false;
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const port = (e as { port?: unknown }).port;
    if (typeof port === 'number') return port !== databasePort;
  }
  return false;
}

function portOf(connectionString: string): number | null {
  try {
    const url = new URL(connectionString);
    return url.port ? Number(url.port) : 5432;
  } catch {
    return null;
  }
}

export type DatabaseWatch = {
  /** false while the database is known to be away: requests then fail at once with 503 */
  readonly up: boolean;
  /** Tell the watch about an error a request met; true when it means the database is away. */
  report(err: unknown): boolean;
  /** One probe within `deadlineMs`; true when the database answered. */
  probe(deadlineMs?: number): Promise<boolean>;
  start(): void;
  stop(): Promise<void>;
};

export type WatchOptions = {
  /** heartbeat while the database answers (2 s) */
  intervalMs?: number;
  /** probe interval while it does not (1 s) */
  retryMs?: number;
  /** a probe that takes longer counts as a failure (3 s; two in a row mark the database down) */
  deadlineMs?: number;
  log?: { warn: (o: object, m: string) => void; info: (o: object, m: string) => void };
};

/**
 * Keeps one connection of its own (not the pool's, which a busy or frozen
 * database can exhaust) and asks `select 1` every few seconds. A failed or late
 * answer, or a request's connection error, marks the database down until a
 * probe succeeds again; meanwhile requests are refused at once instead of each
 * waiting out its own timeouts.
 */
export function createDatabaseWatch(connectionString: string, opts: WatchOptions = {}): DatabaseWatch {
  const intervalMs = opts.intervalMs ?? 2_000;
  const retryMs = opts.retryMs ?? 1_000;
  const deadlineMs = opts.deadlineMs ?? 3_000;
  let up = true;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let inFlight: Promise<boolean> | null = null;
  let downSince = 0;
  const databasePort = portOf(connectionString);

  const drop = (c: pg.Client) => {
    // end() waits for the server to close its side, which a frozen server never does
    (c as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    c.end().catch(() => {});
  };

  const once = async (deadline: number): Promise<boolean> => {
    let timeout: NodeJS.Timeout | undefined;
    const c =
      client ??
      new pg.Client({
        connectionString,
        connectionTimeoutMillis: deadline,
        application_name: 'open-region-watch',
      });
    try {
      const late = new Promise<never>((_, reject) => {
        timeout = setTimeout(() => reject(new Error('no answer in time')), deadline);
      });
      if (!client) {
        client = c;
        c.on('error', () => {});
        await Promise.race([c.connect(), late]);
      }
      await Promise.race([c.query('select 1'), late]);
      return true;
    } catch {
      if (client === c) client = null;
      drop(c);
      return false;
    } finally {
      clearTimeout(timeout);
    }
  };

  const setUp = (value: boolean) => {
    if (value === up) return;
    up = value;
    if (value) opts.log?.info({ downForMs: Date.now() - downSince }, 'database answers again');
    else {
      downSince = Date.now();
      opts.log?.warn({}, 'database unavailable: requests are refused with 503 until it answers');
    }
  };

  // One late heartbeat on a busy machine is no outage: two in a row are. A request's
  // connection error is evidence enough on its own (report).
  let misses = 0;
  const probe = (deadline = deadlineMs): Promise<boolean> => {
    // concurrent callers share one probe, so a flood of /readyz opens no flood of connections
    inFlight ??= once(deadline)
      .then((ok) => {
        misses = ok ? 0 : misses + 1;
        if (ok || misses >= 2 || !up) setUp(ok);
        return ok;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const schedule = (ms: number) => {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      timer = null;
      const ok = await probe();
      schedule(ok ? intervalMs : retryMs);
    }, ms);
    timer.unref();
  };

  return {
    get up() {
      return up;
    },
    report(err) {
      if (!isDatabaseUnavailable(err) || aimedElsewhere(err, databasePort)) return false;
      if (up) {
        setUp(false);
        schedule(retryMs);
      }
      return true;
    },
    probe,
    start() {
      if (running) return;
      running = true;
      schedule(intervalMs);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight?.catch(() => {});
      if (client) drop(client);
      client = null;
    },
  };
}
