import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { downloadName, EVIDENCE_EXTENSIONS } from './evidence-name.ts';

test('the extension comes from the detected type, never from the uploader', () => {
  assert.equal(downloadName('x.html', 'application/pdf'), 'x.pdf');
  assert.equal(downloadName('../../x.html', 'image/png'), 'x.png');
  assert.equal(downloadName('C:\\Users\\me\\照片 1.JPEG', 'image/jpeg'), '照片 1.jpg');
  assert.equal(downloadName('invoice\u202Egpj.exe', 'image/jpeg'), 'invoicegpj.jpg');
  assert.equal(downloadName('report.pdf.exe', 'application/pdf'), 'report_pdf.pdf');
  assert.equal(downloadName('a\r\nb: c.gif', 'image/gif'), 'ab_ c.gif');
  assert.equal(downloadName('', 'image/webp'), 'file.webp');
  assert.equal(downloadName('.htaccess', 'application/pdf'), 'htaccess.pdf');
  assert.equal(downloadName('CON.jpg', 'image/jpeg'), '_CON.jpg');
  assert.equal(downloadName('x.html', 'text/html'), 'x.bin');
});

test('for any uploaded name, the download name is one plain file name with the type\'s extension', () => {
  const type = fc.constantFrom(...Object.keys(EVIDENCE_EXTENSIONS), 'text/html');
  const name = fc.oneof(fc.string({ unit: 'binary' }), fc.tuple(fc.string(), fc.constantFrom('.html', '.exe', '.svg', '/..', '\\', '\u202E', '\r\n')).map(([a, b]) => a + b));
  fc.assert(
    fc.property(name, type, (uploaded, contentType) => {
      const out = downloadName(uploaded, contentType);
      const ext = EVIDENCE_EXTENSIONS[contentType] ?? '.bin';
      assert.ok(out.endsWith(ext), out);
      assert.equal(out.indexOf('.'), out.length - ext.length, `one extension: ${out}`);
      assert.doesNotMatch(out, /[/\\\p{C}]/u);
      assert.ok(out.length > ext.length && out.length <= 80 + ext.length + 1, out);
    }),
    { numRuns: 2000 },
  );
});
