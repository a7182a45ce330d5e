import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCliServer } from './support/cli.ts';
import { NewsroomClient } from './support/newsroom-client.ts';
import { startTestSite } from './support/test-site.ts';
import { DEMO_USERS } from '../src/services/demo-users.ts';

const MB = 1024 * 1024;
let server: Awaited<ReturnType<typeof startCliServer>>;

before(async () => {
  // A process of its own, so that its memory can be read.
  server = await startCliServer({ HEITU_DATA_DIR: mkdtempSync(join(tmpdir(), 'heitu-limits-')) });
});
after(() => server.stop());

/** Resident and peak resident memory of the server, in MB. */
function memory(): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

interface Sent {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  /** Bytes written when the answer came. */
  sent: number;
}

/**
 * POSTs `head`, then `filler` again and again up to `total` bytes, as fast as the server takes
 * them, and stops writing as soon as an answer comes. Chunked unless a Content-Length is given;
 * with `open`, the request is left unfinished after `total` (the rest of a declared length).
 */
async function post(path: string, headers: Record<string, string>, head: Buffer, total: number, open = false): Promise<Sent> {
  // The server closes a refused upload without reading on, so a client still writing may see the
  // connection reset before it reads the 413 (the known cost of not lingering); it asks again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await postOnce(path, headers, head, total, open);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw e;
    }
  }
}

function postOnce(path: string, headers: Record<string, string>, head: Buffer, total: number, open = false): Promise<Sent> {
  const filler = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    let sent = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      const at = sent;
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers, sent: at });
        req.destroy();
      });
    });
    // Once answered, the server closes the connection: writing into it fails, as it should.
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (!answered && sent < total) {
        const piece = sent === 0 ? head : filler.subarray(0, Math.min(filler.length, total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered && !open) req.end();
    };
    pump();
  });
}

const BOUNDARY = 'heitu-test-boundary';
const filePart = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="text"\r\n\r\n一條線索的文字,至少十個字。\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);

test('a chunked 300 MB POST to the tips form is refused with 413 without buffering it', async () => {
  // Warm up the route and the form parsing, so that what follows measures the body alone.
  await fetch(`${server.url}/zh-hans/tips/new`).then((r) => r.text());
  const before = memory();
  const r = await post('/zh-hans/tips/new', { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, filePart, 300 * MB);
  const afterwards = memory();
  console.log(`300 MB chunked POST to the tips form: ${r.status} after ${(r.sent / MB).toFixed(1)} MB sent; server RSS ${before.rss.toFixed(0)} → ${afterwards.rss.toFixed(0)} MB, peak ${before.peak.toFixed(0)} → ${afterwards.peak.toFixed(0)} MB`);
  assert.equal(r.status, 413);
  assert.equal(r.headers['connection'], 'close');
  assert.match(r.headers['content-type'] as string, /text\/html/);
  assert.match(r.body, /lang="zh-Hans"/);
  assert.match(r.body, /送出的内容太大了/);
  assert.ok(r.sent < 100 * MB, `the server read ${(r.sent / MB).toFixed(0)} MB before refusing`);
  // Peak and current: the peak is the larger of this request's and the start's.
  assert.ok(afterwards.peak - before.peak < 100 && afterwards.rss - before.rss < 100, `the server grew by ${(afterwards.peak - before.peak).toFixed(0)} MB (peak), ${(afterwards.rss - before.rss).toFixed(0)} MB (now)`);
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});

test('a 200 MB JSON body to the login route is refused', async () => {
  const client = new NewsroomClient(server.url);
  const pre = await client.request('GET', '/csrf');
  const headers = {
    'content-type': 'application/json',
    'x-csrf-token': String(pre.json['csrf']),
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
  };
  const head = Buffer.from('{"login":"admin","password":"');
  const before = memory();
  const chunked = await post('/newsroom/api/session', headers, head, 200 * MB);
  const afterwards = memory();
  console.log(`200 MB chunked JSON to the login route: ${chunked.status} after ${(chunked.sent / MB).toFixed(1)} MB sent; server RSS ${before.rss.toFixed(0)} → ${afterwards.rss.toFixed(0)} MB, peak ${before.peak.toFixed(0)} → ${afterwards.peak.toFixed(0)} MB`);
  assert.equal(chunked.status, 413);
  assert.deepEqual((JSON.parse(chunked.body) as { errors: Array<{ code: string }> }).errors.map((e) => e.code), ['PAYLOAD_TOO_LARGE']);
  assert.ok(chunked.sent < 50 * MB, `the server read ${(chunked.sent / MB).toFixed(0)} MB before refusing`);
  assert.ok(afterwards.peak - before.peak < 50 && afterwards.rss - before.rss < 50, `the server grew by ${(afterwards.peak - before.peak).toFixed(0)} MB (peak), ${(afterwards.rss - before.rss).toFixed(0)} MB (now)`);
  // Declared up front, it is refused before a byte of it is read.
  const declared = await post('/newsroom/api/session', { ...headers, 'content-length': String(200 * MB) }, head, head.length, true);
  assert.equal(declared.status, 413);
  assert.equal(declared.sent, head.length);
  assert.match(declared.body, /PAYLOAD_TOO_LARGE/);
  // And the login still works with an ordinary body.
  assert.equal((await new NewsroomClient(server.url).login('admin', DEMO_USERS.find((u) => u.login === 'admin')!.password)).status, 200);
});

test('an article body nested 100k deep is refused by the API with 400 and a clear message', async () => {
  const reporter = new NewsroomClient(server.url);
  await reporter.login('reporter', DEMO_USERS.find((u) => u.login === 'reporter')!.password);
  const draft = (bodyHtml: string) => reporter.request('POST', '/articles', { language: 'zh-Hans', headline: '嵌套很深的正文', bodyHtml, rightsClass: 'original', channels: ['siping'], tags: [] });
  const t = Date.now();
  // As deep as the length limit allows: too deep.
  const deep = await draft(`<p>${'<b>'.repeat(30_000)}x</p>`);
  const ms = Date.now() - t;
  assert.equal(deep.status, 400);
  assert.equal(deep.json.errors?.[0]?.code, 'HTML_TOO_DEEP');
  assert.match(deep.json.errors![0]!.message, /200 levels/);
  assert.ok(ms < 2000, `the refusal took ${ms} ms`);
  // The finding's own body (300 KB) is over the length limit before its depth is reached.
  const finding = await draft(`<p>${'<b>'.repeat(100_000)}x</p>`);
  assert.equal(finding.status, 413);
  assert.equal(finding.json.errors?.[0]?.code, 'HTML_TOO_LARGE');
});

test('the limits follow the settings: HEITU_MAX_UPLOAD for a file, HEITU_MAX_BODY for the rest', async () => {
  const site = await startTestSite({ HEITU_MAX_UPLOAD: '64KB', HEITU_MAX_BODY: '8KB' });
  try {
    const tip = (bytes: number) => {
      const form = new FormData();
      form.set('text', '一條線索的文字,至少十個字。');
      form.append('files', new File([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(bytes)])], 'a.pdf', { type: 'application/pdf' }));
      return fetch(`${site.url}/zh-hant/tips/new`, { method: 'POST', body: form });
    };
    const big = await tip(100 * 1024);
    assert.equal(big.status, 413);
    assert.match(await big.text(), /lang="zh-Hant"[\s\S]*送出的內容太大了/);
    // Within the limit, the form is read and judged on its merits (here: no valid token).
    assert.equal((await tip(50 * 1024)).status, 400);
    const login = await fetch(`${site.url}/newsroom/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'x', password: 'y'.repeat(9 * 1024) }) });
    assert.equal(login.status, 413);
  } finally {
    await site.stop();
  }
});
