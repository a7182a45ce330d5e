import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { cleanBody } from '../domain/article-body.ts';
import { HTML_LIMITS } from './html-limits.ts';
import { DomainError } from '../domain/errors.ts';

const refusedWith = (code: string) => (e: unknown) => e instanceof DomainError && e.code === code && e.property === 'bodyHtml';

test('a body nested 100k deep is refused within 50 ms', () => {
  // The finding's body is over the length limit; one nested as deep as the length allows is too deep.
  for (const [body, code] of [[`<p>${'<b>'.repeat(100_000)}x</p>`, 'HTML_TOO_LARGE'], [`<p>${'<b>'.repeat(30_000)}x</p>`, 'HTML_TOO_DEEP']] as const) {
    // Best of three: the bound is for the refusal, not for a pause of a busy machine.
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      assert.throws(() => cleanBody(body), refusedWith(code));
      best = Math.min(best, performance.now() - t);
    }
    assert.ok(best < 50, `refusing took ${best.toFixed(1)} ms`);
  }
});

test('depth is counted as the parser sees it: implied closes do not add up, unclosed and stray tags do', () => {
  const deepest = `${'<blockquote>'.repeat(HTML_LIMITS.depth - 1)}<p>x</p>${'</blockquote>'.repeat(HTML_LIMITS.depth - 1)}`;
  assert.match(cleanBody(deepest), /<p>x<\/p>/);
  assert.throws(() => cleanBody(`<blockquote>${deepest}</blockquote>`), refusedWith('HTML_TOO_DEEP'));
  // Old-style paragraphs without end tags close each other.
  assert.equal(cleanBody('<p>甲'.repeat(1000)), '<p>甲</p>'.repeat(1000));
  assert.throws(() => cleanBody('<b></i>'.repeat(HTML_LIMITS.depth + 1)), refusedWith('HTML_TOO_DEEP'));
});

test('too long, too many tags or too many attributes on one element are refused as too large', () => {
  assert.throws(() => cleanBody(`<p>${'字'.repeat(HTML_LIMITS.length)}</p>`), refusedWith('HTML_TOO_LARGE'));
  assert.throws(() => cleanBody('<br>'.repeat(HTML_LIMITS.events)), refusedWith('HTML_TOO_LARGE'));
  assert.throws(() => cleanBody(`<a ${Array.from({ length: HTML_LIMITS.attributesPerElement + 1 }, (_, i) => `x${i}=1`).join(' ')}>x</a>`), refusedWith('HTML_TOO_LARGE'));
  // A very long feature (five hundred paragraphs, each with bold and a link) is inside.
  const article = '<p>吉林省延邊朝鮮族自治州的冬天來得早,<b>十月</b>就下了第一場雪。<a href="https://example.org/a">詳情</a></p>'.repeat(500);
  assert.ok(cleanBody(article).length > 25_000);
});

test('images whose source is refused are dropped, without cutting the output (it was quadratic)', () => {
  const body = `<p>${'字'.repeat(1000)}</p>${'<img src="javascript:alert(1)" alt="x"><img alt="y">'.repeat(100)}<img src="https://example.org/a.jpg" alt="圖">`;
  assert.equal(cleanBody(body), `<p>${'字'.repeat(1000)}</p><img src="https://example.org/a.jpg" alt="圖" />`);
});

test('the sanitiser is quadratic on comments inside a link address: an over-long attribute value is refused at once', () => {
  const body = `<p><a href="${'x&lt;!----&gt;'.repeat(28_000)}">a</a></p>`.slice(0, HTML_LIMITS.length - 100) + '">a</a></p>';
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    assert.throws(() => cleanBody(body), refusedWith('HTML_TOO_LARGE'));
    best = Math.min(best, performance.now() - t);
  }
  assert.ok(best < 50, `refusing took ${best.toFixed(1)} ms`);
  // A long but real address is fine.
  assert.match(cleanBody(`<p><a href="https://example.cn/${'a'.repeat(1500)}">链接</a></p>`), /href="https:\/\/example\.cn\/a{1500}"/);
});
