import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** From well under a millisecond (a cached page) to the seconds a slow render or upload may take. */
const LATENCY_BUCKETS = [0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

let processRegistry: Registry | null = null;

/**
 * CPU, memory, event-loop lag, GC and handles belong to the process, not to one server: made once,
 * whatever number of servers a process runs (tests run several).
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

type ReadGauge = () => number | Array<[Record<string, string>, number]>;

/**
 * One server's metrics, read at /metrics. Labels take only values from small fixed sets (route
 * patterns, not URLs; known methods; status codes), so the number of series stays bounded
 * whatever requests arrive.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'heitu_http_requests_total', help: 'HTTP requests answered, by method, route pattern ("cached": answered from the page cache before routing) and status', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  private readonly latency = new Histogram({ name: 'heitu_http_request_duration_seconds', help: 'Time from a request to its response, by method and route pattern', labelNames: ['method', 'route'] as const, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly searches = new Histogram({ name: 'heitu_search_duration_seconds', help: 'Time a search takes (query, ranking, snippets), by outcome', labelNames: ['outcome'] as const, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly jobs = new Counter({ name: 'heitu_job_runs_total', help: 'Runs of scheduled jobs, by job and outcome', labelNames: ['job', 'outcome'] as const, registers: [this.registry] });
  private readonly jobTime = new Histogram({ name: 'heitu_job_duration_seconds', help: 'Time a scheduled job run takes, by job', labelNames: ['job'] as const, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly catchUps = new Counter({ name: 'heitu_content_catch_ups_total', help: 'Content changes read and applied to the page cache, by what said to look (notify: a PostgreSQL notification; poll: the interval)', labelNames: ['trigger'] as const, registers: [this.registry] });
  private readonly dropped = new Counter({ name: 'heitu_page_cache_invalidated_pages_total', help: 'Cached pages dropped because what they show changed', registers: [this.registry] });
  private readonly purges = new Counter({ name: 'heitu_cdn_purge_requests_total', help: 'Purge requests sent to the CDN hook, by outcome', labelNames: ['outcome'] as const, registers: [this.registry] });
  private readonly purged = new Counter({ name: 'heitu_cdn_purged_items_total', help: 'Keys or URLs the CDN hook accepted', registers: [this.registry] });
  /** Children per label set: the cached path should not hash its labels on every request. */
  private readonly bound = new Map<string, { count: Counter.Internal; time: Histogram.Internal<'method' | 'route'> }>();

  request(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let b = this.bound.get(key);
    if (!b) {
      const m = METHODS.has(method) ? method : 'OTHER';
      b = { count: this.requests.labels(m, route, String(status)), time: this.latency.labels(m, route) };
      this.bound.set(key, b);
    }
    b.count.inc();
    b.time.observe(seconds);
  }

  search(seconds: number, outcome: 'ok' | 'refused' | 'error'): void {
    this.searches.labels(outcome).observe(seconds);
  }

  jobRun(job: string, outcome: 'ok' | 'error', seconds: number): void {
    this.jobs.labels(job, outcome).inc();
    this.jobTime.labels(job).observe(seconds);
  }

  caughtUp(trigger: 'notify' | 'poll', pagesDropped: number): void {
    this.catchUps.labels(trigger).inc();
    this.dropped.inc(pagesDropped);
  }

  purge(outcome: 'ok' | 'failed' | 'retried', items: number): void {
    this.purges.labels(outcome).inc();
    if (outcome === 'ok') this.purged.inc(items);
  }

  /** A value read when scraped (cache size, pool state), one series or one per label set. */
  gauge(name: string, help: string, read: ReadGauge, labelNames: string[] = []): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      collect() {
        const v = read();
        if (typeof v === 'number') this.set(v);
        else for (const [labels, n] of v) this.set(labels, n);
      },
    });
  }

  /** Counters kept by someone else (the page cache counts its own hits), read when scraped. */
  counter(name: string, help: string, read: () => number): void {
    new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        // A Counter only adds; the total is someone else's, so start from nothing each scrape.
        this.reset();
        this.inc(read());
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition: this server's series, then the process's. */
  async text(): Promise<string> {
    return `${await this.registry.metrics()}\n${await processMetrics().metrics()}`;
  }
}

/** Counts every call of an async function in the histogram `observe` is given. */
export function timed<A extends unknown[], R>(fn: (...args: A) => Promise<R>, observe: (seconds: number, error: unknown) => void): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const t0 = performance.now();
    try {
      const r = await fn(...args);
      observe((performance.now() - t0) / 1000, null);
      return r;
    } catch (e) {
      observe((performance.now() - t0) / 1000, e);
      throw e;
    }
  };
}
