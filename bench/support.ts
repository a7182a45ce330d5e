import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Agent, get as httpGet } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export interface Proc {
  url: string;
  child: ChildProcess;
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Spawns a process that prints `serving URL` when ready, and times how long that took. What it
 * writes goes to a file, as a production log goes to a collector on its own: read through a pipe
 * by this process, the server's request lines would take a share of the same two cores the
 * server and wrk run on (and hold up the server whenever this process waits).
 */
export function spawnServer(args: string[], env: Record<string, string> = {}): Promise<Proc> {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-log-'));
  const logFile = join(dir, 'server.log');
  const fd = openSync(logFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const output = () => readFileSync(logFile, 'utf8');
  const closed = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
  const forget = () => rmSync(dir, { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    let settled = false;
    void closed.then((code) => {
      if (settled) return;
      settled = true;
      reject(new Error(`${args.join(' ')} exited with ${code}: ${output().slice(-4000)}`));
      forget();
    });
    const look = () => {
      if (settled) return;
      // Only the start of the file: the line comes before any request is logged.
      const m = /serving (http:\/\/\S+)/.exec(output().slice(0, 64 * 1024));
      if (!m) return void setTimeout(look, 20);
      settled = true;
      resolve({
        url: m[1]!,
        child,
        startMs: performance.now() - t0,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await closed;
          forget();
        },
      });
    };
    look();
  });
}

/** Prints a benchmark's results and keeps them in test-output/bench/NAME.json. */
export function report(name: string, results: Record<string, unknown>): void {
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(join(repoRoot, 'test-output/bench'), { recursive: true });
  writeFileSync(join(repoRoot, `test-output/bench/${name}.json`), JSON.stringify(results, null, 2));
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

export function haveWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

/**
 * What wrk says it is: a reader's browser. wrk sends no User-Agent of its own, and a request
 * without one is not counted as a view (view-counter.ts), so without this the article page would
 * be measured without the work a real reading costs.
 */
export const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

function wrkArgs(url: string, seconds: number, connections: number, headers: string[]): string[] {
  return ['-t1', `-c${connections}`, `-d${seconds}s`, ...headers.flatMap((h) => ['-H', h]), url];
}

function wrkResult(url: string, stdout: string, stderr: string): { rps: number; requests: number } {
  const m = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  if (!m) throw new Error(`wrk gave no rate: ${stdout}${stderr}`);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout);
  if (non2xx) throw new Error(`wrk saw ${non2xx[1]} error responses from ${url}`);
  return { rps: Number(m[1]), requests: Number(/(\d+) requests in/.exec(stdout)?.[1] ?? NaN) };
}

/**
 * One wrk run as a browser: requests per second and how many requests it made. In the
 * background, so that this process goes on reading what the servers it spawned write: a server
 * logs a line per request, and a pipe nobody reads fills and holds up its writes (which a
 * production log collector never does).
 */
export function wrkRun(url: string, seconds: number, connections = 50, headers: string[] = [`User-Agent: ${BROWSER_UA}`]): Promise<{ rps: number; requests: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', wrkArgs(url, seconds, connections, headers));
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', () => {
      try {
        resolve(wrkResult(url, out, err));
      } catch (e) {
        reject(e);
      }
    });
  });
}

/**
 * Requests per second from one wrk run (as a browser), waiting in this thread: nothing this
 * process spawned is read meanwhile (see wrkRun).
 */
export function wrk(url: string, seconds: number, connections = 50): number {
  const r = spawnSync('wrk', wrkArgs(url, seconds, connections, [`User-Agent: ${BROWSER_UA}`]), { encoding: 'utf8' });
  return wrkResult(url, r.stdout, r.stderr).rps;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Throughput of one page next to a bare node:http server sending the same bytes with the same
 * headers: `rounds` pairs of runs, Heitu then the bare server, each pair close in time, so that
 * a burst of other work on the machine falls on both sides of a ratio rather than on one. The
 * ratio is the median of the pairs' ratios; the rates are medians too; `requests` is how many
 * requests Heitu got from wrk (warm-up included).
 */
export async function againstBare(url: string, seconds: number, scratch: string, rounds = 3): Promise<{ heitu: number; bare: number; ratio: number; requests: number }> {
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  const headers = Object.fromEntries(['content-type', 'etag', 'cache-control'].map((h) => [h, res.headers.get(h) ?? '']).filter(([, v]) => v));
  headers['content-length'] = String(body.length);
  writeFileSync(scratch, body);
  const bare = await spawnServer([join(repoRoot, 'bench/bare-server.mjs'), scratch, JSON.stringify(headers)]);
  try {
    let requests = (await wrkRun(url, 1)).requests;
    await wrkRun(`${bare.url}/`, 1);
    const h: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const run = await wrkRun(url, seconds);
      requests += run.requests;
      h.push(run.rps);
      b.push((await wrkRun(`${bare.url}/`, seconds)).rps);
    }
    return { heitu: median(h), bare: median(b), ratio: median(h.map((x, i) => x / b[i]!)), requests };
  } finally {
    await bare.stop();
  }
}

export interface WrkLatency {
  rps: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses with a status of 400 or more (refusals under load count here, not as failures). */
  non2xx: number;
  /** Connect, read, write and timeout errors. */
  socketErrors: number;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/**
 * One wrk run with its latency distribution, in the background so that several can run at once.
 * `script` and `args` give wrk a Lua script (e.g. a list of paths to cycle through).
 */
export function wrkLatency(url: string, seconds: number, connections: number, script?: { file: string; args: string[] }, headers: string[] = [`User-Agent: ${BROWSER_UA}`]): Promise<WrkLatency> {
  const argv = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '--timeout', '30s', ...headers.flatMap((h) => ['-H', h]), ...(script ? ['-s', script.file] : []), url, ...(script ? ['--', ...script.args] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', argv);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', () => {
      const ms = (label: string) => {
        const m = new RegExp(`^\\s+${label}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out);
        if (!m) throw new Error(`wrk gave no ${label}th percentile: ${out}`);
        return Number(m[1]) * UNIT_MS[m[2]!]!;
      };
      try {
        const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
        resolve({
          rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
          requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN),
          p50Ms: ms('50'),
          p99Ms: ms('99'),
          non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
          socketErrors: socket ? socket.slice(1).reduce((n, x) => n + Number(x), 0) : 0,
        });
      } catch (e) {
        reject(e);
      }
    });
  });
}

/**
 * Latency of one page asked for at a steady rate (open loop: a request leaves on time even while
 * earlier ones wait), as a reader arriving now and then sees it; p50, p99 and the worst, in ms.
 */
export async function pacedLatency(url: string, seconds: number, perSecond: number): Promise<{ p50Ms: number; p99Ms: number; maxMs: number; requests: number; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const times: number[] = [];
  let failed = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const req = httpGet(url, { agent }, (res) => {
        res.resume();
        res.once('end', () => {
          if (res.statusCode === 200) times.push(performance.now() - t);
          else failed++;
          resolve();
        });
      });
      req.once('error', () => {
        failed++;
        resolve();
      });
    });
  const pending: Array<Promise<void>> = [];
  const start = performance.now();
  for (let i = 0; i < seconds * perSecond; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(one());
  }
  await Promise.all(pending);
  agent.destroy();
  const sorted = times.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { p50Ms: at(50), p99Ms: at(99), maxMs: sorted.at(-1) ?? NaN, requests: times.length, failed };
}
