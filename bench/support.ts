import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

/** Spawns a process that prints `serving URL` when ready, and times how long that took. */
export function spawnServer(args: string[], env: Record<string, string> = {}): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env } });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/\S+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        resolve({
          url: m[1]!,
          child,
          startMs: performance.now() - t0,
          stop: () => new Promise((r) => { child.once('close', () => r()); child.kill('SIGTERM'); }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('close', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

export function haveWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

/** Requests per second from one wrk run. */
export function wrk(url: string, seconds: number, connections = 50): number {
  const r = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, url], { encoding: 'utf8' });
  const m = /Requests\/sec:\s+([\d.]+)/.exec(r.stdout);
  if (!m) throw new Error(`wrk gave no rate: ${r.stdout}${r.stderr}`);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(r.stdout);
  if (non2xx) throw new Error(`wrk saw ${non2xx[1]} error responses from ${url}`);
  return Number(m[1]);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Throughput of one page next to a bare node:http server sending the same bytes with the same
 * headers, measured in the same run: [heitu, bare] requests/s.
 */
export async function againstBare(url: string, seconds: number, scratch: string): Promise<[number, number]> {
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  const headers = Object.fromEntries(['content-type', 'etag', 'cache-control'].map((h) => [h, res.headers.get(h) ?? '']).filter(([, v]) => v));
  headers['content-length'] = String(body.length);
  writeFileSync(scratch, body);
  const bare = await spawnServer([join(repoRoot, 'bench/bare-server.mjs'), scratch, JSON.stringify(headers)]);
  try {
    wrk(url, 1);
    wrk(`${bare.url}/`, 1);
    return [wrk(url, seconds), wrk(`${bare.url}/`, seconds)];
  } finally {
    await bare.stop();
  }
}
