import { parentPort, workerData } from 'node:worker_threads';
import { setPriority } from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.ts';
import type { FeedCursor, LicensedScope, RelatedQuery, SearchQuery } from '../ports.ts';
import { licensedArticles } from '../kysely-articles.ts';
import type { ReaderReply } from './reader-pool.ts';
import { SqliteSearch } from './sqlite-search.ts';

/**
 * One reader of the pool: its own read-only connection to the database file (WAL lets it read
 * while the main connection writes), running the same query code as the main thread would.
 */
const { file } = workerData as { file: string };
// Below the main thread, which answers every reader: where a search and a page want the same
// core, the page goes first. On Linux the nice value is the thread's own; where it cannot be
// set, the reader runs at the normal priority.
try {
  setPriority(10);
} catch {
  // Not permitted here: nothing else changes.
}
const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 5000');
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
const search = new SqliteSearch(db);

const tasks: Record<string, (input: never) => Promise<unknown>> = {
  search: (q: SearchQuery) => search.query(q),
  related: (q: RelatedQuery) => search.relatedHere(q),
  licensed: (a: { scope: LicensedScope; cursor: FeedCursor; limit: number; asOf: string }) => licensedArticles(db, a.scope, a.cursor, a.limit, a.asOf),
};

parentPort!.on('message', async (m: { id: number; task: string; input: never }) => {
  let reply: ReaderReply;
  try {
    const run = tasks[m.task];
    if (!run) throw new Error(`the reader has no task ${m.task}`);
    reply = { id: m.id, ok: true, value: await run(m.input) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const code = (err as { code?: unknown }).code;
    reply = { id: m.id, ok: false, error: { message: err.message, name: err.name, ...(typeof code === 'string' ? { code } : {}) } };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true } satisfies ReaderReply);
