import pg from 'pg';
import { log } from '../../logger.ts';

/** The channel content changes are announced on; the payload is `schema:version`, keeping sites sharing a database apart. */
export const CONTENT_CHANNEL = 'heitu_content';

export interface ContentListener {
  /** Whether the listening connection is up now. */
  readonly connected: boolean;
  /** Connections made after the first: each one a lost connection replaced. */
  readonly reconnects: number;
  /**
   * Whether this instance is the one that purges the CDN: it holds a lock on its listening
   * connection, which the database frees when the connection ends, so another instance can
   * take over. Tries to take the lock when it does not hold it.
   */
  lead(): Promise<boolean>;
  stop(): Promise<void>;
}

export interface ListenOptions {
  /** The first wait before a new connection after one is lost; doubled on each failure. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Holds one connection of its own (outside the pool, which hands connections out by query) that
 * LISTENs for content changes, and calls `onChange` for each one announced for this store's
 * schema. A lost connection (a restart, a failover, pg_terminate_backend) is replaced after a
 * wait that grows to `maxDelayMs`; after each new connection `onChange` is called once as well,
 * since what was announced while nobody listened is gone.
 */
export function listenForContent(pool: pg.Pool, onChange: () => void, options: ListenOptions = {}): ContentListener {
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 10_000;
  let current: pg.Client | null = null;
  let schema = '';
  let delay = minDelay;
  let connections = 0;
  let leading = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const retry = () => {
    if (stopped) return;
    timer = setTimeout(() => void connect(), delay);
    timer.unref();
    delay = Math.min(delay * 2, maxDelay);
  };

  const lost = (client: pg.Client, why: string) => {
    if (client !== current) return;
    current = null;
    leading = false;
    log.warn({ err: why, retryInMs: delay }, 'content listener: the listening connection was lost');
    client.end().catch(() => {});
    retry();
  };

  async function connect(): Promise<void> {
    timer = null;
    // The pool's settings: same server, database, search path and application name.
    const client = new pg.Client({ ...(pool.options as pg.ClientConfig), keepAlive: true });
    let up = false;
    client.on('error', (e) => (up ? lost(client, e.message) : undefined));
    client.on('end', () => (up ? lost(client, 'the connection ended') : undefined));
    client.on('notification', (n) => {
      if (n.channel === CONTENT_CHANNEL && n.payload?.slice(0, n.payload.lastIndexOf(':')) === schema) onChange();
    });
    try {
      await client.connect();
      const row = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
      schema = row.rows[0]?.schema ?? '';
      await client.query(`LISTEN ${CONTENT_CHANNEL}`);
    } catch (e) {
      log.warn({ err: e instanceof Error ? e.message : String(e), retryInMs: delay }, 'content listener: cannot listen');
      client.end().catch(() => {});
      retry();
      return;
    }
    if (stopped) {
      await client.end().catch(() => {});
      return;
    }
    up = true;
    current = client;
    delay = minDelay;
    if (connections++ > 0) log.info('content listener: listening again');
    onChange();
  }

  void connect();
  return {
    get connected() {
      return current !== null;
    },
    get reconnects() {
      return Math.max(0, connections - 1);
    },
    async lead() {
      const client = current;
      if (!client) return false;
      if (leading) return true;
      try {
        const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [`heitu_purge:${schema}`]);
        // The answer counts only if it came on the connection still in use: a lock on one that was lost is gone.
        leading = client === current && r.rows[0]?.ok === true;
      } catch {
        leading = false;
      }
      return leading;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}
