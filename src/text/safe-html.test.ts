import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { html, joinHtml, jsonScript, SafeHtml, escapeHtml } from './safe-html.ts';

test('every interpolation is text unless it is SafeHtml', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (a, b) => {
      const out = String(html`<p title="${a}">${b}</p>`);
      assert.equal(out, `<p title="${escapeHtml(a)}">${escapeHtml(b)}</p>`);
      assert.doesNotMatch(escapeHtml(a), /[<>"']/);
    }),
  );
  assert.equal(String(html`<ul>${['<a>', html`<li>x</li>`, null, false, undefined, 3]}</ul>`), '<ul>&lt;a&gt;<li>x</li>3</ul>');
  assert.equal(String(joinHtml(['<', html`<br>`], html`<hr>`)), '&lt;<hr><br>');
});

test('SafeHtml cannot be forged from outside the module', () => {
  const fake = { toString: () => '<script>x</script>' };
  // A look-alike object is not SafeHtml: it is text.
  assert.equal(String(html`${fake as unknown as string}`), '&lt;script&gt;x&lt;/script&gt;');
  assert.ok(!(fake instanceof SafeHtml));
  assert.throws(() => Reflect.construct(SafeHtml, ['<x>']) as unknown);
});

test('JSON in a script element cannot end it, open a comment or break a line for old parsers', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.string(), (value, s) => {
      const out = String(jsonScript('application/ld+json', { value, s: `${s}</script><!--\u2028` }));
      const inner = out.slice('<script type="application/ld+json">'.length, -'</script>'.length);
      assert.doesNotMatch(inner, /[<>&\u2028\u2029]/);
      assert.deepEqual(JSON.parse(inner), JSON.parse(JSON.stringify({ value, s: `${s}</script><!--\u2028` })));
    }),
  );
});

/** Server-side code that writes markup: everything but the browser client and tests. */
function serverSources(): string[] {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'client') walk(p);
      } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(p);
    }
  };
  walk(root);
  return out.map((p) => relative(root, p));
}

test('the unescaped path is the visible exception: trustedHtml only in the body renderer, markup only through html``', () => {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const trusted: string[] = [];
  const handWritten: string[] = [];
  for (const file of serverSources()) {
    // Comments may show markup in backticks; code is what matters.
    const source = readFileSync(join(root, file), 'utf8').split('\n').filter((l) => !/^\s*(\*|\/\*|\/\/)/.test(l)).join('\n');
    if (/\btrustedHtml\(/.test(source) && file !== 'text/safe-html.ts') trusted.push(file);
    // A template literal that starts a tag without the html tag in front of it.
    for (const m of source.matchAll(/(\w*)`<[a-zA-Z!?/]/g)) {
      if (m[1] !== 'html' && file !== 'text/safe-html.ts' && file !== 'text/body-html.ts') handWritten.push(`${file}: ${source.slice(m.index, m.index + 40)}`);
    }
  }
  assert.deepEqual(trusted, ['text/body-html.ts']);
  assert.deepEqual(handWritten, []);
});

test('U+FFFE/U+FFFF, stray controls and lone surrogates never reach a page or a feed', () => {
  assert.equal(escapeHtml('长\uFFFF春\uFFFE\u0001\u001b\t\n\r\uD800x\uDC00y😀'), '长春\t\n\rxy😀');
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (s) => {
      // What XML 1.0 allows as characters.
      assert.match(escapeHtml(s), /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
    }),
  );
});
