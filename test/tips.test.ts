import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, textOf } from './support/test-site.ts';
import { NewsroomClient } from './support/newsroom-client.ts';
import type { Running } from '../src/main.ts';
import { DEMO_USERS } from '../src/services/demo-users.ts';

let site: Running;
before(async () => {
  site = await startTestSite();
});
after(() => site.stop());

const PDF = new TextEncoder().encode('%PDF-1.4\n%fake but starts right\n');

async function formToken(variant = 'zh-hans'): Promise<string> {
  const html = await (await fetch(`${site.url}/${variant}/tips/new`)).text();
  return /name="token" value="([^"]+)"/.exec(html)![1]!;
}

async function send(fields: Record<string, string>, files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer>; type: string }> = [], variant = 'zh-hans') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append('files', new Blob([f.bytes], { type: f.type }), f.name);
  const res = await fetch(`${site.url}/${variant}/tips/new`, { method: 'POST', body: form });
  return { status: res.status, text: textOf(await res.text()) };
}

test('a reader sends a tip with a document and gets a reference; the newsroom inbox has it with statuses', async () => {
  const token = await formToken();
  await new Promise((r) => setTimeout(r, 3100));
  const r = await send({ token, text: '今天早上长春南湖大路一处井盖破损,已有车辆受损。', contact: '138-0000-0000' }, [{ name: 'photo.pdf', bytes: PDF, type: 'application/pdf' }]);
  assert.equal(r.status, 201, r.text);
  const ref = /编号 (XS-\d{4}-\d{6})/.exec(r.text)?.[1];
  assert.ok(ref, r.text);
  const editor = new NewsroomClient(site.url);
  await editor.login('editor', DEMO_USERS.find((u) => u.login === 'editor')!.password);
  const inbox = await editor.ok<{ counts: Record<string, number>; tips: Array<{ id: number; reference: string; status: string }> }>('GET', '/tips');
  const tip = inbox.tips.find((t) => t.reference === ref)!;
  assert.equal(tip.status, 'new');
  assert.ok(inbox.counts['new']! >= 1);
  const full = await editor.ok<{ files: Array<{ id: number; contentType: string }> }>('GET', `/tips/${tip.id}`);
  assert.equal(full.files[0]!.contentType, 'application/pdf');
  await editor.ok('POST', `/tips/${tip.id}/status`, { status: 'reviewing' });
  assert.equal((await editor.ok<{ status: string }>('GET', `/tips/${tip.id}`)).status, 'reviewing');
  const rights = new NewsroomClient(site.url);
  await rights.login('rights', DEMO_USERS.find((u) => u.login === 'rights')!.password);
  assert.equal((await rights.request('GET', '/tips')).status, 403);
});

test('a tip file named x.html downloads with the extension of its detected type', async () => {
  const token = await formToken();
  await new Promise((r) => setTimeout(r, 3100));
  const r = await send({ token, text: '附件名字是网页,内容其实是 PDF 文档。' }, [{ name: '../../x.html', bytes: PDF, type: 'text/html' }]);
  assert.equal(r.status, 201, r.text);
  const ref = /编号 (XS-\d{4}-\d{6})/.exec(r.text)![1]!;
  const editor = new NewsroomClient(site.url);
  await editor.login('editor', DEMO_USERS.find((u) => u.login === 'editor')!.password);
  const tip = (await editor.ok<{ tips: Array<{ id: number; reference: string }> }>('GET', '/tips')).tips.find((t) => t.reference === ref)!;
  const file = (await editor.ok<{ files: Array<{ id: number }> }>('GET', `/tips/${tip.id}`)).files[0]!;
  const res = await fetch(`${site.url}/newsroom/api/tips/${tip.id}/files/${file.id}`, { headers: { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const disposition = decodeURIComponent(res.headers.get('content-disposition') ?? '');
  assert.match(disposition, /^attachment; filename\*=UTF-8''x\.pdf$/);
});

test('spam protection: too fast, a forged token, the honeypot, a flood; files checked by content', async () => {
  const fast = await send({ token: await formToken('zh-hant'), text: '太快送出的表單內容,機器人所為。' }, [], 'zh-hant');
  assert.equal(fast.status, 400);
  assert.match(fast.text, /表單已過期或發送太快/);
  const forged = await send({ token: `${Date.now() - 10_000}.forged`, text: '伪造的令牌,应当被拒绝。' });
  assert.equal(forged.status, 400);
  const before = (await site.store.tips.list({ limit: 100 })).length;
  const robot = await send({ token: await formToken(), text: '机器人填写了隐藏字段的线索。', website: 'x' });
  assert.equal(robot.status, 200);
  assert.equal((await site.store.tips.list({ limit: 100 })).length, before);
  const token = await formToken();
  await new Promise((r) => setTimeout(r, 3100));
  const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
  const bad = await send({ token, text: '附件其实是网页,应当被拒绝。' }, [{ name: 'x.png', bytes: html, type: 'image/png' }]);
  assert.equal(bad.status, 400);
  assert.match(bad.text, /文件须是图片或 PDF/);
  let limited = false;
  for (let i = 0; i < 8 && !limited; i++) limited = (await send({ token: 'x', text: '连续发送的线索内容。' })).status === 429;
  assert.ok(limited);
});
