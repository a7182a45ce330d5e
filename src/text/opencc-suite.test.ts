import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convertText, type Target } from './convert.ts';
import type { Script } from '../domain/variant.ts';

/** OpenCC's own test suite (from its repository, in the shared spec folder), run against Heitu's converter. */
const spec = fileURLToPath(new URL('../../../shared/spec/opencc/', import.meta.url));
// The file has trailing commas, which OpenCC's own reader accepts.
const { cases } = JSON.parse(readFileSync(`${spec}head/testcases.json`, 'utf8').replace(/,\s*([}\]])/g, '$1')) as {
  cases: Array<{ id: string; input: string; expected: Record<string, string> }>;
};

// The OpenCC configurations that correspond to what Heitu converts.
const CONFIGS: Array<[config: string, from: Script, to: Target]> = [
  ['s2tw', 'zh-Hans', 'zh-Hant'],
  ['s2hk', 'zh-Hans', 'zh-HK'],
  ['tw2s', 'zh-Hant', 'zh-Hans'],
];

for (const [config, from, to] of CONFIGS) {
  test(`OpenCC test cases for ${config} all pass`, () => {
    const relevant = cases.filter((c) => c.expected[config] !== undefined);
    assert.ok(relevant.length >= 30, `${config}: only ${relevant.length} cases`);
    const failures = relevant.filter((c) => convertText(c.input, from, to) !== c.expected[config]).map((c) => `${c.id}: ${convertText(c.input, from, to)} ≠ ${c.expected[config]}`);
    assert.deepEqual(failures, []);
  });
}

for (const config of ['s2tw', 's2hk'] as const) {
  test(`OpenCC golden document (${config}): every line is OpenCC's output, plain or with jieba segmentation`, () => {
    const input = readFileSync(`${spec}golden/input/us_constitution_zhs.txt`, 'utf8').split('\n');
    const plain = readFileSync(`${spec}golden/output/us_constitution_zhs.${config}.txt`, 'utf8').split('\n');
    const jieba = readFileSync(`${spec}golden/output/us_constitution_zhs.${config}_jieba.txt`, 'utf8').split('\n');
    let asJieba = 0;
    input.forEach((line, i) => {
      const out = convertText(line, 'zh-Hans', config === 's2tw' ? 'zh-Hant' : 'zh-HK');
      assert.ok(out === plain[i] || out === jieba[i], `line ${i + 1}: ${out}`);
      if (out === jieba[i] && out !== plain[i]) asJieba++;
    });
    // Where OpenCC's plain mode cuts into words (五分之一齣席, 複議/復議, 合並), Heitu reads like OpenCC's jieba mode.
    assert.ok(asJieba >= 4, String(asJieba));
  });
}
