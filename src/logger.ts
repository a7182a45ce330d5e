import { hostname } from 'node:os';
import { pino, type DestinationStream, type Logger } from 'pino';

/** What HEITU_LOG_LEVEL may be; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(v: unknown): v is LogLevel {
  return (LOG_LEVELS as readonly unknown[]).includes(v);
}

/**
 * Lines written during one turn of the event loop go to stdout in one write at its end. Under
 * load a turn answers many requests, and a write each cost more than answering a cached page;
 * with little traffic a line still goes out at once.
 */
class TurnBatch implements DestinationStream {
  private lines: string[] = [];
  constructor(private readonly out: DestinationStream) {}

  write(line: string): void {
    if (this.lines.push(line) === 1) setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    this.out.write(text);
  }
}

/**
 * Written in the background: a reader of stdout that stops reading must not stop the server
 * (a synchronous write would wait for it). Past 16 MB waiting, lines are dropped instead of
 * filling memory.
 */
const out = pino.destination({ dest: 1, sync: false, maxLength: 16 * 1024 * 1024 });
const batch = new TurnBatch(out);
process.on('exit', () => {
  batch.flush();
  try {
    out.flushSync();
  } catch {
    // Not open yet, or stdout is gone: nothing more can be written.
  }
});

const fromEnv = process.env['HEITU_LOG_LEVEL'];

/**
 * The process's one logger: a JSON object a line on stdout, for a log shipper to read. The level
 * starts from the environment, so that code run without the server's settings (a test, a tool)
 * is as quiet as asked; the server sets it from its settings.
 */
export const log: Logger = pino({ level: isLogLevel(fromEnv) ? fromEnv : 'info' }, batch);

/** What pino puts in every line after the time (its default `base`). */
const BASE = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`;

/**
 * An info line in pino's own shape, for the one line per request: pino's general serialiser
 * cost the cached path more than all the rest of answering it. `fields` is JSON members
 * already (`"key":value,…`), escaped by the caller; it is made only when the level lets the
 * line out.
 */
export function infoLine(fields: () => string, msg: string): void {
  if (log.isLevelEnabled('info')) batch.write(`{"level":30,"time":${Date.now()}${BASE},${fields()},"msg":${JSON.stringify(msg)}}\n`);
}
