import { Worker } from 'node:worker_threads';

/**
 * A few worker threads, each with its own read-only connection to the database file, for the
 * reads that can take long (ranked search). better-sqlite3 answers synchronously, so on the main
 * thread such a read holds every other request; here it holds one worker.
 *
 * Bounded on every side: `threads` reads at once, `queue` more waiting (the next is refused at
 * once, as busy), and a read running longer than `timeLimitMs` is given up (its worker is ended
 * and replaced once it has stopped, so abandoned reads never add up).
 */
export interface ReaderPoolOptions {
  file: string;
  threads: number;
  queue: number;
  timeLimitMs: number;
  /** The worker's module; the default opens the file and runs the store's reads. */
  workerUrl?: URL;
}

/**
 * Refused or given up because the readers are busy. The code is SQLite's own for a database that
 * cannot answer now: callers that already answer that with 503 and Retry-After do so here too.
 */
export class ReaderBusyError extends Error {
  readonly code: 'SQLITE_BUSY' | 'ETIMEDOUT';
  constructor(message: string, code: 'SQLITE_BUSY' | 'ETIMEDOUT') {
    super(message);
    this.name = 'ReaderBusyError';
    this.code = code;
  }
}

/** What a worker sends: that it is ready (once, when its connection is open), or a job's answer. */
export type ReaderReply = { ready: true } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { message: string; name: string; code?: string } };

interface Job {
  id: number;
  task: string;
  input: unknown;
  attempts: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker | null;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Ended (a read over its time) and not yet stopped: the slot takes nothing until then. */
  stopping: boolean;
  /** What ended the worker, when it threw. */
  crash: Error | null;
  /** Started and connected: a read's time limit runs from here, not from the thread's start. */
  ready: boolean;
}

const DEFAULT_WORKER = new URL('./reader-worker.mjs', import.meta.url);
/** How long a new thread may take to load and connect before its first read is given up. */
const STARTUP_MS = 30_000;

export class ReaderPool {
  private readonly slots: Slot[];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ReaderPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.threads) }, () => ({ worker: null, job: null, timer: null, stopping: false, crash: null, ready: false }));
  }

  /** Runs `task` in a worker; rejects with ReaderBusyError when the queue is full or the read takes too long. */
  run<T>(task: string, input: unknown): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, input, attempts: 0, resolve: resolve as (v: unknown) => void, reject };
      const free = this.slots.find((s) => !s.job && !s.stopping);
      if (free) return this.dispatch(free, job);
      if (this.waiting.length >= this.options.queue) {
        return reject(new ReaderBusyError(`the database is busy: ${this.slots.length + this.waiting.length} reads are running or waiting; try again shortly`, 'SQLITE_BUSY'));
      }
      this.waiting.push(job);
    });
  }

  /** Reads running and waiting, for a look at how busy the pool is. */
  load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.job).length, waiting: this.waiting.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('the database was closed');
    for (const job of this.waiting.splice(0)) job.reject(error);
    await Promise.all(
      this.slots.map(async (slot) => {
        const { worker, job } = slot;
        this.settle(slot);
        job?.reject(error);
        slot.worker = null;
        if (worker) await worker.terminate();
      }),
    );
  }

  private dispatch(slot: Slot, job: Job): void {
    const worker = slot.worker ?? this.spawn(slot);
    slot.job = job;
    job.attempts++;
    slot.timer = setTimeout(() => this.abandon(slot), slot.ready ? this.options.timeLimitMs : STARTUP_MS);
    // Only a worker with work keeps the process alive: an idle pool never holds up an exit.
    worker.ref();
    worker.postMessage({ id: job.id, task: job.task, input: job.input });
  }

  private spawn(slot: Slot): Worker {
    const worker = new Worker(this.options.workerUrl ?? DEFAULT_WORKER, { workerData: { file: this.options.file } });
    worker.unref();
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (reply: ReaderReply) => {
      if (slot.worker !== worker) return;
      if ('ready' in reply) {
        slot.ready = true;
        if (slot.job && slot.timer) {
          clearTimeout(slot.timer);
          slot.timer = setTimeout(() => this.abandon(slot), this.options.timeLimitMs);
        }
        return;
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      this.settle(slot);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, ...(reply.error.code ? { code: reply.error.code } : {}) }));
      this.next(slot);
    });
    // An uncaught error ends the worker; 'exit' follows and does the rest.
    worker.on('error', (e) => {
      if (slot.worker === worker) slot.crash = e;
    });
    worker.once('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const { job, crash } = slot;
      this.settle(slot);
      slot.stopping = false;
      slot.crash = null;
      if (job && !this.closed) {
        // Once more on a fresh worker (the crash may have been the worker's, not the read's);
        // a read that ends its worker twice is refused.
        if (job.attempts < 2) this.waiting.unshift(job);
        else job.reject(crash ?? new Error(`the database reader stopped (exit code ${code}) while reading`));
      }
      this.next(slot);
    });
    return worker;
  }

  private abandon(slot: Slot): void {
    const { job, worker } = slot;
    if (!job || !worker) return;
    this.settle(slot);
    job.reject(new ReaderBusyError(`the database took longer than ${this.options.timeLimitMs} ms to answer; try again shortly`, 'ETIMEDOUT'));
    // The worker may be inside SQLite and stops when the statement returns; until it has, the
    // slot counts as taken, so that never more than `threads` reads run at once.
    slot.stopping = true;
    void worker.terminate();
  }

  private settle(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker?.unref();
  }

  private next(slot: Slot): void {
    if (this.closed || slot.job || slot.stopping) return;
    const job = this.waiting.shift();
    if (job) this.dispatch(slot, job);
  }
}
