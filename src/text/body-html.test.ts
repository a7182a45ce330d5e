import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { rebuildBodyHtml, rebuildBodyHtmlYielding, leadingText, allowedUrl, BODY_TAGS, BODY_ATTRIBUTES } from './body-html.ts';
import { performance } from 'node:perf_hooks';
import { convertHtml } from './convert.ts';
import { sanitizeBody } from './sanitize.ts';
import { html } from './safe-html.ts';
import type { Term } from './scripts.ts';

/** The element structure of HTML: every start tag with its attributes, every end tag, in order. */
function structure(html: string): string[] {
  const out: string[] = [];
  const p = new Parser(
    {
      // Characters no document may hold are dropped on output (see escapeHtml); compare without them.
      onopentag: (name, attribs) => out.push(`<${name} ${JSON.stringify(Object.entries(attribs).map(([k, v]) => [k, v.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/g, '')]).sort())}>`),
      onclosetag: (name) => out.push(`</${name}>`),
    },
    { decodeEntities: true },
  );
  p.write(html);
  p.end();
  return out;
}

function textOf(html: string): string {
  let text = '';
  const p = new Parser({ ontext: (t) => (text += t) }, { decodeEntities: true });
  p.write(html);
  p.end();
  return text;
}

/** Text that tries everything: markup, entities, quotes, Chinese in both scripts, controls. */
const hostileText = fc.oneof(
  fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", '/', '=', ' ', 'a', 'script', 'onerror', '长', '發', '了', '只', '余', '老师', '&lt;', '&#60;', ']]>', '\n', '\u0000', 'javascript:') }),
  fc.string(),
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '</p><iframe src=//x>', '&lt;script&gt;'),
);

/** Article-body HTML built from the allowlist, with hostile text and attribute values anywhere. */
const bodyHtml: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.record({ tag: fc.constantFrom(...BODY_TAGS.filter((t) => t !== 'br' && t !== 'img')), inner: tie('nodes'), title: hostileText, cls: fc.constantFrom('credit', 'caption', 'x', 'credit evil') }).map(
      ({ tag, inner, title, cls }) => `<${tag}${tag === 'a' ? ` href="https://example.cn/${encodeURIComponent(title)}" title="${title.replace(/"/g, '&quot;')}"` : ''}${tag === 'span' ? ` class="${cls}"` : ''}>${inner}</${tag}>`,
    ),
    fc.record({ src: fc.constantFrom('https://img.example.cn/a.jpg', 'javascript:alert(1)', '/media/长春.jpg', '//evil.example/x.png', 'data:image/png;base64,AA'), alt: hostileText }).map(
      ({ src, alt }) => `<img src="${src}" alt="${alt.replace(/"/g, '&quot;')}" onerror="alert(1)">`,
    ),
    fc.constant('<br>'),
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }).map((xs) => xs.join('')),
})).nodes;

const term: fc.Arbitrary<Term> = fc.record({ hans: fc.oneof(hostileText, fc.constantFrom('长春', '了', '发', '老师')), hant: hostileText, hk: fc.option(hostileText, { nil: null }) }).filter((t) => t.hans.length > 0);
const scripts = fc.constantFrom('zh-Hans', 'zh-Hant') as fc.Arbitrary<'zh-Hans' | 'zh-Hant'>;
const targets = fc.constantFrom('zh-Hans', 'zh-Hant', 'zh-HK') as fc.Arbitrary<'zh-Hans' | 'zh-Hant' | 'zh-HK'>;

test('for any body, any terms and any target script, the converted body has exactly the elements and attributes of the sanitised input', () => {
  fc.assert(
    fc.property(bodyHtml, fc.array(term, { maxLength: 5 }), scripts, targets, (raw, terms, from, to) => {
      const clean = sanitizeBody(raw);
      const converted = String(convertHtml(clean, from, to, terms));
      assert.deepEqual(structure(converted), structure(clean));
    }),
    { numRuns: 400 },
  );
});

test('a term whose forms are markup only ever adds text', () => {
  const terms: Term[] = [{ hans: '长春', hant: '<img src=x onerror=alert(1)>', hk: '<script>alert(1)</script>' }];
  const body = sanitizeBody('<p>长春今天下雪。</p>');
  for (const to of ['zh-Hant', 'zh-HK'] as const) {
    const out = String(convertHtml(body, 'zh-Hans', to, terms));
    assert.deepEqual(structure(out), ['<p []>', '</p>']);
    assert.equal(textOf(out), `${terms[0]![to === 'zh-HK' ? 'hk' : 'hant']}今天下雪。`);
  }
});

test('any HTML at all comes out with only allowlisted elements, attributes and URLs, and rebuilding again changes nothing', () => {
  const allowedTags = new Set<string>(BODY_TAGS);
  fc.assert(
    fc.property(fc.oneof(bodyHtml, fc.string(), hostileText.map((t) => `<p>${t}</p>`)), (raw) => {
      const once = String(rebuildBodyHtml(raw));
      const elements: Array<[string, Record<string, string>]> = [];
      const p = new Parser({ onopentag: (name, attribs) => elements.push([name, attribs]) }, { decodeEntities: true });
      p.write(once);
      p.end();
      for (const [name, attribs] of elements) {
        assert.ok(allowedTags.has(name), name);
        for (const [key, value] of Object.entries(attribs)) {
          assert.ok(BODY_ATTRIBUTES[name]?.includes(key), `${name}[${key}]`);
          if (key === 'href' || key === 'src') assert.ok(allowedUrl(name, value), value);
        }
      }
      assert.equal(String(rebuildBodyHtml(once)), once);
    }),
    { numRuns: 400 },
  );
});

test('the dateline lead is text wherever it goes', () => {
  const out = String(rebuildBodyHtml('<p>正文</p>', undefined, { text: '<script>x</script>新华社8月26日电:', as: 'span' }));
  assert.equal(out, '<p><span class="dateline">&lt;script&gt;x&lt;/script&gt;新华社8月26日电:</span>正文</p>');
  const plain = String(rebuildBodyHtml('<p>正文</p>', undefined, { text: '"><img src=x>', as: 'text' }));
  assert.equal(plain, '<p>&quot;&gt;&lt;img src=x&gt;正文</p>');
});

test('URLs: web and mail links, relative paths; never script, data, protocol-relative or disguised schemes', () => {
  for (const ok of ['https://a.cn/x', 'http://a.cn', 'mailto:a@b.cn', '/zh-hans/articles/1', 'x.html', '#top', '?q=1']) assert.ok(allowedUrl('a', ok), ok);
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:x', 'data:text/html,x', 'vbscript:x', '//evil.cn', '\\\\evil.cn', '/\\evil.cn', '1javascript:x']) assert.ok(!allowedUrl('a', bad), bad);
  assert.ok(!allowedUrl('img', 'mailto:a@b.cn'));
});

test('a long body is rebuilt the same way while giving the event loop back between slices', async () => {
  const body = Array.from({ length: 200 }, (_, i) => `<p>第${i}段<strong>长春</strong></p>`).join('');
  // Conversion that costs a millisecond a run, as a long body in another script does in all.
  const slow = (t: string) => {
    const until = performance.now() + 1;
    while (performance.now() < until);
    return t.toUpperCase();
  };
  let turns = 0;
  let running = true;
  const spin = () => {
    turns++;
    if (running) setImmediate(spin);
  };
  setImmediate(spin);
  const yielded = String(await rebuildBodyHtmlYielding(body, slow, { text: '黑土网长春电:', as: 'span' }));
  running = false;
  assert.equal(yielded, String(rebuildBodyHtml(body, slow, { text: '黑土网长春电:', as: 'span' })));
  assert.ok(turns >= 20, `other work ran ${turns} times during 400 ms of conversion`);
  assert.equal(leadingText(body, 12), '第0段长春第1段长春第2');
});

test('a library picture is rendered by the caller, or left out when the caller says no; without a renderer it keeps its id', () => {
  const body = '<img data-media-id="5" alt="雪&quot;景"><p>正文</p><img data-media-id="6"><img data-media-id="x" alt="y">';
  const seen: Array<[number, string | null]> = [];
  const out = String(rebuildBodyHtml(body, (t) => `[${t}]`, { text: '长春电:', as: 'span' }, (id, alt) => {
    seen.push([id, alt]);
    return id === 5 ? html`<figure class="body-image">${alt}</figure>` : null;
  }));
  assert.deepEqual(seen, [[5, '[雪"景]'], [6, null]]);
  // The picture above the first paragraph leaves the dateline lead in that paragraph.
  assert.equal(out, '<figure class="body-image">[雪&quot;景]</figure><p><span class="dateline">[长春电:]</span>[正文]</p>');
  assert.equal(String(rebuildBodyHtml('<p>甲</p><img data-media-id="5" alt="乙" onerror="x">')), '<p>甲</p><img alt="乙" data-media-id="5">');
  assert.equal(String(rebuildBodyHtml('<img data-media-id="5 onerror=x">')), '');
});

test('a library picture written inside a paragraph is lifted out of it, leaving no empty paragraph', () => {
  const figure = (id: number) => html`[figure ${id}]`;
  const out = (body: string) => String(rebuildBodyHtml(body, undefined, undefined, figure));
  assert.equal(out('<p>前<img data-media-id="1" alt="a">后</p>'), '<p>前</p>[figure 1]<p>后</p>');
  assert.equal(out('<p><img data-media-id="2"></p><p>下一段</p>'), '[figure 2]<p>下一段</p>');
  assert.equal(out('<p>前<img data-media-id="3"></p>'), '<p>前</p>[figure 3]');
  // Deeper (a link, a list item) it stays where it was written.
  assert.equal(out('<ul><li><img data-media-id="4"></li></ul>'), '<ul><li>[figure 4]</li></ul>');
});
