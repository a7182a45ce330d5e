import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric } from 'prom-client';

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

/** One label set of the request metrics, counted in plain numbers. */
interface RequestSeries {
  labels: { method: string; route: string; status: string };
  count: number;
  /** Shared by every status of a method and route: the latency histogram has no status label. */
  time: { labels: { method: string; route: string }; sum: number; count: number; buckets: number[] };
}

type Sample = { labels: Record<string, string | number>; value: number; metricName?: string };

/**
 * A metric read from numbers kept elsewhere. prom-client's own counters and histograms hash
 * their labels and check them on every increment, which cost a cached page a sixth of its
 * throughput; the request path only adds to numbers, and they take Prometheus's shape here.
 */
function snapshotMetric(name: string, help: string, type: 'counter' | 'histogram', values: () => Sample[]): Metric {
  const metric = {
    name,
    help,
    type,
    aggregator: 'sum',
    get: async () => ({ name, help, type, aggregator: 'sum', values: values() }),
    reset: () => {},
  };
  // The registry reads name, help, type and get(); a plain object is enough (Metric names the classes).
  return metric as unknown as Metric;
}

/**
 * One server's metrics, read at /metrics. Labels take only values from small fixed sets (route
 * patterns, not URLs; known methods; status codes), so the number of series stays bounded
 * whatever requests arrive.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly series = new Map<string, RequestSeries>();
  private readonly times = new Map<string, RequestSeries['time']>();
  private readonly searches = new Histogram({ name: 'heitu_search_duration_seconds', help: 'Time a search takes (query, ranking, snippets), by outcome', labelNames: ['outcome'] as const, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly jobs = new Counter({ name: 'heitu_job_runs_total', help: 'Runs of scheduled jobs, by job and outcome', labelNames: ['job', 'outcome'] as const, registers: [this.registry] });
  private readonly jobTime = new Histogram({ name: 'heitu_job_duration_seconds', help: 'Time a scheduled job run takes, by job', labelNames: ['job'] as const, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly catchUps = new Counter({ name: 'heitu_content_catch_ups_total', help: 'Content changes read and applied to the page cache, by what said to look (notify: a PostgreSQL notification; poll: the interval)', labelNames: ['trigger'] as const, registers: [this.registry] });
  private readonly dropped = new Counter({ name: 'heitu_page_cache_invalidated_pages_total', help: 'Cached pages dropped because what they show changed', registers: [this.registry] });
  private readonly purges = new Counter({ name: 'heitu_cdn_purge_requests_total', help: 'Purge requests sent to the CDN hook, by outcome', labelNames: ['outcome'] as const, registers: [this.registry] });
  private readonly purged = new Counter({ name: 'heitu_cdn_purged_items_total', help: 'Keys or URLs the CDN hook accepted', registers: [this.registry] });
  constructor() {
    this.registry.registerMetric(
      snapshotMetric('heitu_http_requests_total', 'HTTP requests answered, by method, route pattern ("cached": answered from the page cache before routing) and status', 'counter', () =>
        [...this.series.values()].map((s) => ({ labels: s.labels, value: s.count })),
      ),
    );
    this.registry.registerMetric(
      snapshotMetric('heitu_http_request_duration_seconds', 'Time from a request to its response, by method and route pattern', 'histogram', () =>
        [...this.times.values()].flatMap((t) => {
          let seen = 0;
          const name = 'heitu_http_request_duration_seconds';
          return [
            ...LATENCY_BUCKETS.map((le, i) => ({ labels: { le, ...t.labels }, value: (seen += t.buckets[i]!), metricName: `${name}_bucket` })),
            { labels: { le: '+Inf', ...t.labels }, value: t.count, metricName: `${name}_bucket` },
            { labels: t.labels, value: t.sum, metricName: `${name}_sum` },
            { labels: t.labels, value: t.count, metricName: `${name}_count` },
          ];
        }),
      ),
    );
  }

  request(method: string, route: string, status: number, seconds: number): void {
    const m = METHODS.has(method) ? method : 'OTHER';
    const key = `${m} ${route} ${status}`;
    let s = this.series.get(key);
    if (!s) {
      const timeKey = `${m} ${route}`;
      let time = this.times.get(timeKey);
      if (!time) this.times.set(timeKey, (time = { labels: { method: m, route }, sum: 0, count: 0, buckets: LATENCY_BUCKETS.map(() => 0) }));
      this.series.set(key, (s = { labels: { method: m, route, status: String(status) }, count: 0, time }));
    }
    s.count++;
    const t = s.time;
    t.sum += seconds;
    t.count++;
    let i = 0;
    while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]!) i++;
    if (i < LATENCY_BUCKETS.length) t.buckets[i]!++;
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
