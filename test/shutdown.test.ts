import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCliServer } from './support/cli.ts';

/** Starts a POST and sends its body in two parts, the second only when told; resolves with the response. */
function slowPost(url: string): { sendRest(): void; response: Promise<{ status: number; body: string }> } {
  const boundary = 'heitu-shutdown-test';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n`;
  const rest = `下班前最后一条线索。\r\n--${boundary}--\r\n`;
  let sendRest = () => {};
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${url}/zh-hans/tips/new`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': Buffer.byteLength(head + rest) } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.write(head);
    sendRest = () => req.end(rest);
  });
  return { sendRest: () => sendRest(), response };
}

const exited = (child: import('node:child_process').ChildProcess) =>
  new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));

test('SIGTERM: a request in flight is answered in full, new connections are refused, and the process exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-shutdown-'));
  const site = await startCliServer({ HEITU_DATA_DIR: dir, HEITU_SHUTDOWN_SECONDS: '10' });
  const exit = exited(site.child);
  const post = slowPost(site.url);
  await new Promise((r) => setTimeout(r, 300));
  site.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await assert.rejects(fetch(`${site.url}/healthz`), 'a new connection after SIGTERM');
  post.sendRest();
  const answered = await post.response;
  // The form has no token, so it is refused; what matters is a whole answer, not a dropped connection.
  assert.ok(answered.status >= 200 && answered.status < 500, String(answered.status));
  assert.match(answered.body, /<\/html>/);
  assert.equal((await exit).code, 0, site.output());
});

test('SIGTERM: a client that never finishes does not hold the process past the drain limit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-shutdown-'));
  const site = await startCliServer({ HEITU_DATA_DIR: dir, HEITU_SHUTDOWN_SECONDS: '1' });
  const exit = exited(site.child);
  const post = slowPost(site.url);
  post.response.catch(() => {});
  await new Promise((r) => setTimeout(r, 300));
  const t0 = Date.now();
  site.child.kill('SIGTERM');
  const { code, at } = await exit;
  assert.ok(at - t0 < 5000, `exited after ${at - t0} ms`);
  assert.equal(code, 0, site.output());
  assert.match(site.output(), /still running after the grace period/);
});
