import { availableParallelism } from 'node:os';

/** How many reads run off the main thread, how many may wait, and for how long one may run. */
export interface ReaderSettings {
  /** Worker threads; 0 runs every read on the main thread. */
  threads: number;
  queue: number;
  timeLimitMs: number;
}

/**
 * From HEITU_SEARCH_THREADS, HEITU_SEARCH_QUEUE and HEITU_SEARCH_TIME_LIMIT_MS. By default one
 * core is left to the main thread, which answers every page: a read never takes the last one.
 */
export function readerSettings(env: Record<string, string | undefined>, cores = availableParallelism()): ReaderSettings {
  const read = (name: string, min: number, max: number, fallback: number) => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
    return n;
  };
  return {
    threads: read('HEITU_SEARCH_THREADS', 0, 64, Math.max(1, Math.min(4, cores - 1))),
    queue: read('HEITU_SEARCH_QUEUE', 0, 100_000, 32),
    timeLimitMs: read('HEITU_SEARCH_TIME_LIMIT_MS', 10, 600_000, 2000),
  };
}
