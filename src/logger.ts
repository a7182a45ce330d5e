import { pino, type Logger } from 'pino';

/** What HEITU_LOG_LEVEL may be; `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(v: unknown): v is LogLevel {
  return (LOG_LEVELS as readonly unknown[]).includes(v);
}

const fromEnv = process.env['HEITU_LOG_LEVEL'];

/**
 * The process's one logger: a JSON object a line on stdout, for a log shipper to read. Writes are
 * asynchronous, so lines that come while one is being written go out together in the next write
 * instead of a write call each (a request line costs microseconds on the cached path); pino
 * writes what is left when the process exits. The level starts from the environment, so that
 * code run without the server's settings (a test, a tool) is as quiet as asked.
 */
export const log: Logger = pino(
  { level: isLogLevel(fromEnv) ? fromEnv : 'info' },
  pino.destination({ dest: 1, sync: false }),
);
