import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { guardRequests, type RequestLimits } from './request-guard.ts';
import { readForm } from './form-input.ts';
import { errorBody, statusOf } from './error-mapper.ts';
import { isDomainError } from '../domain/errors.ts';

const KB = 1024;
const limits: RequestLimits = { bodyBytes: 4 * KB, uploadFileBytes: 16 * KB, uploadFiles: 2 };

function app() {
  const a = new Hono();
  a.use('*', guardRequests({ limits, takesFiles: (c) => c.req.path === '/upload', refuse: (c, e) => c.json(errorBody(e), statusOf(e) as 400) }));
  a.post('/json', async (c) => c.json({ got: await c.req.json() }));
  a.get('/page', (c) => c.text('page'));
  a.delete('/items/:slug', (c) => c.json({ slug: c.req.param('slug') }));
  // A urlencoded form, which only the guard checks (the public forms take multipart alone).
  a.post('/form', async (c) => c.json({ got: await c.req.parseBody() }));
  a.post('/upload', async (c) => {
    const form = await readForm(c);
    if (isDomainError(form)) return c.json(errorBody(form), statusOf(form) as 400);
    return c.json({ text: form.text('text'), files: (await form.files('files')).map((f) => f.bytes.length) });
  });
  return a;
}

const code = async (res: Response) => ((await res.json()) as { errors: Array<{ code: string }> }).errors[0]!.code;

/** A body that counts how much of it was read. */
function counted(chunks: number, size: number): { body: ReadableStream<Uint8Array>; read: () => number } {
  let read = 0;
  return {
    read: () => read,
    body: new ReadableStream<Uint8Array>({
      pull(controller) {
        if (read >= chunks) return controller.close();
        read++;
        controller.enqueue(new Uint8Array(size).fill(0x20));
      },
    }, { highWaterMark: 0 }),
  };
}

test('a body over the limit is refused with 413 whatever Content-Length says, and read no further', async () => {
  const a = app();
  const lying = await a.request('/json', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '10' }, body: JSON.stringify({ x: 'y'.repeat(10 * KB) }) });
  assert.equal(lying.status, 413);
  assert.equal(await code(lying), 'PAYLOAD_TOO_LARGE');
  assert.equal(lying.headers.get('connection'), 'close');
  const stream = counted(1000, KB);
  const chunked = await a.request('/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream.body, duplex: 'half' } as RequestInit);
  assert.equal(chunked.status, 413);
  assert.ok(stream.read() <= 6, `${stream.read()} chunks were read`);
  const declared = await a.request('/json', { method: 'POST', headers: { 'content-length': String(100 * KB) }, body: 'x'.repeat(100 * KB) });
  assert.equal(declared.status, 413);
  const fine = await a.request('/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ x: '字'.repeat(1000) }) });
  assert.deepEqual(await fine.json(), { got: { x: '字'.repeat(1000) } });
});

test('control characters in JSON strings and keys, form fields, the path and the query are refused with 400', async () => {
  const a = app();
  const json = (body: string) => a.request('/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  for (const body of ['{"login":"a\\u0000"}', '{"a\\u0000":1}', '{"list":[{"deep":["\\u001b"]}]}', '"\\u0085"', '{"x":"a\u0000"}']) {
    const r = await json(body);
    assert.equal(r.status, 400, body);
    assert.equal(await code(r), 'INPUT_CONTROL_CHARACTER');
  }
  assert.equal((await json('{"text":"line\\nnext\\ttab\\r\\n"}')).status, 200);
  // Sent as text/plain, JSON is still JSON to a route that parses it.
  assert.equal((await a.request('/json', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"x":"\\u0000"}' })).status, 400);
  assert.equal((await a.request('/json', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=a%00b' })).status, 400);
  for (const path of ['/page?q=%00', '/page?q%01=1', '/pa%00ge', '/page?q=%7F']) assert.equal((await a.request(path)).status, 400, path);
  assert.equal((await a.request('/page?q=%E9%95%BF%E6%98%A5%0A')).status, 200);
});

test('a form with files: each part and the number of parts are measured as it streams', async () => {
  const a = app();
  const send = (form: FormData) => a.request('/upload', { method: 'POST', body: form });
  const ok = new FormData();
  ok.set('text', '線索');
  ok.append('files', new File([new Uint8Array(15 * KB)], 'a.pdf'));
  ok.append('files', new File([new Uint8Array(15 * KB)], 'b.pdf'));
  assert.deepEqual(await (await send(ok)).json(), { text: '線索', files: [15 * KB, 15 * KB] });

  const big = new FormData();
  big.append('files', new File([new Uint8Array(40 * KB)], 'a.pdf'));
  const r = await send(big);
  assert.equal(r.status, 413);
  assert.match(((await r.json()) as { errors: Array<{ message: string }> }).errors[0]!.message, /16 KB/);

  const many = new FormData();
  for (let i = 0; i < 40; i++) many.append(`f${i}`, 'x');
  assert.equal((await send(many)).status, 413);

  const named = new FormData();
  named.append('files', new File([new Uint8Array(10)], 'a\u0000.pdf'));
  assert.equal(await code(await send(named)), 'INPUT_CONTROL_CHARACTER');
  const field = new FormData();
  field.set('text', '線\u0000索');
  assert.equal(await code(await send(field)), 'INPUT_CONTROL_CHARACTER');

  // Only the routes that take files get the larger limit.
  const elsewhere = await a.request('/json', { method: 'POST', body: ok });
  assert.equal(elsewhere.status, 413);
});

test('A UTF-8 byte-order mark bypasses the control-character check in JSON bodies', async () => {
  const a = app();
  const r = await a.request('/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '\uFEFF{"login":"a\\u0000b","password":"x"}' });
  assert.equal(r.status, 400);
  assert.equal(await code(r), 'INPUT_CONTROL_CHARACTER');
  // A clean body with a mark is still read as the route reads it.
  const ok = await a.request('/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '\uFEFF{"login":"ab"}' });
  assert.deepEqual(await ok.json(), { got: { login: 'ab' } });
});

test('A control character in the path gets through when the path also holds a malformed escape', async () => {
  const a = app();
  for (const path of ['/items/%00x%FF', '/items/%00x%', '/items/%01%zz', '/page?q=%00x%FF', '/page?q%01%FF=1']) {
    const r = await a.request(path, { method: path.startsWith('/items') ? 'DELETE' : 'GET' });
    assert.equal(r.status, 400, path);
  }
  assert.equal(await code(await a.request('/items/x%FF', { method: 'DELETE' })), 'VALIDATION_FAILED');
  assert.deepEqual(await (await a.request('/items/%E9%95%B7%20x', { method: 'DELETE' })).json(), { slug: '長 x' });
});

test('U+FFFE/U+FFFF pass every input check and break the XML feeds', async () => {
  const a = app();
  const json = (body: string) => a.request('/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  for (const body of ['{"headline":"a\uFFFEb"}', '{"headline":"a\\uffffb"}', '{"h":"\\ufdd0"}', '{"h":"\\ud800"}', '{"h":"x\\udc00"}', '{"h":"\u{10FFFF}"}', '{"a\\uFFFE":1}']) {
    const r = await json(body);
    assert.equal(r.status, 400, body);
    assert.equal(await code(r), 'INPUT_CONTROL_CHARACTER');
  }
  // A character outside the first plane, escaped as a pair, is text.
  assert.deepEqual(await (await json('{"h":"\\ud83d\\ude00 \u{20000}"}')).json(), { got: { h: '\u{1F600} \u{20000}' } });
  for (const path of ['/page?q=%EF%BF%BF', '/page?q=%EF%B7%90', '/pa%EF%BF%BEge']) assert.equal((await a.request(path)).status, 400, path);
  assert.equal((await a.request('/json', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=a%EF%BF%BEb' })).status, 400);
  const field = new FormData();
  field.set('text', '線\uFFFF索');
  assert.equal(await code(await a.request('/upload', { method: 'POST', body: field })), 'INPUT_CONTROL_CHARACTER');
});

test('The part meter can be bypassed by a crafted boundary', async () => {
  const a = app();
  const parts = (boundary: string, n: number, headerBytes = 0) =>
    Array.from({ length: n }, (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n${headerBytes ? `X-Filler: ${'x'.repeat(headerBytes)}\r\n` : ''}\r\nx\r\n`).join('') + `--${boundary}--\r\n`;
  const send = (type: string, body: string) => a.request('/upload', { method: 'POST', headers: { 'content-type': type }, body });
  // The meter now watches for BBB, as the parser splits on it: 30 parts are too many.
  assert.equal((await send('multipart/form-data; x="; boundary=AAA"; boundary=BBB', parts('BBB', 30))).status, 413);
  const quoted = await send('multipart/form-data; boundary="A\\"B"', parts('A"B', 30));
  assert.equal(quoted.status, 400);
  assert.equal(await code(quoted), 'VALIDATION_FAILED');
  // A part's header lines are bounded, even when the part is within its size.
  assert.equal((await send('multipart/form-data; boundary=BBB', parts('BBB', 1, 20 * KB))).status, 413);
  assert.equal((await send('multipart/form-data; boundary=BBB', parts('BBB', 2))).status, 200);
});

test('About 1 s of CPU per MB of any anonymous body', async () => {
  const a = app();
  // Within the limit of the test app, the same shapes as the probes: measured, not parsed.
  const json = (body: string, type = 'application/json') => a.request('/json', { method: 'POST', headers: { 'content-type': type }, body });
  let t = performance.now();
  assert.equal((await json('['.repeat(2000) + ']'.repeat(2000))).status, 200);
  assert.equal((await json('a=&'.repeat(1300), 'application/x-www-form-urlencoded')).status, 500);
  // What the scan must still tell apart, without a parser.
  const refused = ['{"a":"\\\\\\u0000"}', '{"a\\n":1}', '{"a" :"\\b"}', '{"k":["x","\\f"]}', '"\\udc00\\ud800"', '{"a":"\u0085"}', 'plain \u0001 text'];
  for (const body of refused) assert.equal((await json(body)).status, 400, body);
  const passed = ['{"a":"\\\\u0000"}', '{"a":"x\\ny\\t\\r"}', '{"a\\\"b":"\\"\\/"}', '{"a":"\\u00e9\\ud83d\\ude00"}', '  {"a" : [1, true, null, "\\n"]}\n'];
  for (const body of passed) assert.equal((await json(body)).status, 200, body);
  assert.equal(await code(await json('{"login":"a\\u0000"}')), 'INPUT_CONTROL_CHARACTER');
  const form = (body: string) => a.request('/form', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  for (const body of ['text=a%0', 'text=%0Ab+c', 'text=%E9%95%B7&files=', 'text=%ZZ%25']) assert.equal((await form(body)).status, 200, body);
  for (const body of ['text=a%00', 'x%0A=1', 'a\t=1', 'text=%C2%85', 'text=a\u0001', 'a=1&b%0D=2']) assert.equal((await form(body)).status, 400, body);
  t = performance.now() - t;
  assert.ok(t < 2000, `${t} ms`);

  // The probes themselves, a megabyte each, to a route that reads no body: the guard's own time.
  const big = new Hono();
  big.use('*', guardRequests({ limits: { ...limits, bodyBytes: 2 * 1024 * KB }, takesFiles: () => false, refuse: (c, e) => c.json(errorBody(e), statusOf(e) as 400) }));
  big.post('/none', (c) => c.text('ok'));
  const timed = async (type: string, body: string) => {
    const start = performance.now();
    assert.equal((await big.request('/none', { method: 'POST', headers: { 'content-type': type }, body })).status, 200);
    return performance.now() - start;
  };
  // Before, 0.8 to 1.2 s each; the margin is for slow machines.
  const brackets = await timed('application/json', '['.repeat(500_000) + ']'.repeat(500_000));
  const fields = await timed('application/x-www-form-urlencoded', 'a=&'.repeat(333_000));
  assert.ok(brackets < 250 && fields < 250, `${brackets.toFixed(0)} ms for [[[…]]], ${fields.toFixed(0)} ms for a=&…`);
});
