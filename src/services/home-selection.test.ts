import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HOME_SIZES, selectHome, type HomeCandidates } from './home-selection.ts';

const story = (id: number) => ({ id });
const ids = (list: Array<{ id: number }>) => list.map((a) => a.id);

/** Candidates drawn from a small pool of ids, so the lists overlap often. */
const candidates = fc.record({
  lead: fc.option(fc.integer({ min: 1, max: 30 }).map(story), { nil: null }),
  recommended: fc.array(fc.integer({ min: 1, max: 30 }).map(story), { maxLength: 6 }),
  topics: fc.array(fc.record({ topic: fc.string(), articles: fc.array(fc.integer({ min: 1, max: 30 }).map(story), { maxLength: 12 }) }), { maxLength: 3 }),
  latest: fc.array(fc.integer({ min: 1, max: 30 }).map(story), { maxLength: 40 }),
  blocks: fc.array(fc.record({ channel: fc.string(), articles: fc.array(fc.integer({ min: 1, max: 30 }).map(story), { maxLength: 8 }) }), { maxLength: 4 }),
}) satisfies fc.Arbitrary<HomeCandidates<{ id: number }, string, string>>;

test('the lead story shows once on the whole page, and nothing above a list shows again in it', () => {
  fc.assert(
    fc.property(candidates, (c) => {
      const home = selectHome(c);
      const lead = home.lead?.id;
      const everywhere = [...ids(home.recommended), ...home.topics.flatMap((t) => ids(t.articles)), ...ids(home.latest), ...home.blocks.flatMap((b) => ids(b.articles))];
      if (lead !== undefined) assert.ok(!everywhere.includes(lead), 'the lead again below it');
      // From the top down to 最新: every story once.
      const upper = [...ids(home.recommended), ...home.topics.flatMap((t) => ids(t.articles)), ...ids(home.latest)];
      assert.equal(new Set(upper).size, upper.length, `repeated: ${upper}`);
      for (const b of home.blocks) assert.equal(new Set(ids(b.articles)).size, b.articles.length);
    }),
  );
});

test('lists stay as full as their candidates allow, in the order given, and take nothing that was not offered', () => {
  fc.assert(
    fc.property(candidates, (c) => {
      const home = selectHome(c);
      const taken = new Set([...(c.lead ? [c.lead.id] : []), ...ids(home.recommended), ...home.topics.flatMap((t) => ids(t.articles))]);
      const available = [...new Set(ids(c.latest))].filter((id) => !taken.has(id));
      assert.deepEqual(ids(home.latest), available.slice(0, HOME_SIZES.latest));
      c.blocks.forEach((b, i) => {
        const own = [...new Set(ids(b.articles))].filter((id) => id !== c.lead?.id);
        assert.deepEqual(ids(home.blocks[i]!.articles), own.slice(0, HOME_SIZES.block));
        assert.equal(home.blocks[i]!.channel, b.channel);
      });
      assert.equal(home.topics.length, c.topics.length, 'every topic, in order');
      home.topics.forEach((t, i) => {
        assert.equal(t.topic, c.topics[i]!.topic);
        assert.equal(t.offered, c.topics[i]!.articles.length > 0);
        assert.ok(t.articles.length <= HOME_SIZES.topic);
        for (const a of t.articles) assert.ok(ids(c.topics[i]!.articles).includes(a.id));
      });
    }),
  );
});

test('the demo case: the lead is also the newest, in a topic and in its region', () => {
  const home = selectHome({
    lead: story(7),
    recommended: [story(3), story(7)],
    topics: [{ topic: 'winter', articles: [story(7), story(3), story(9)] }],
    latest: [7, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15].map(story),
    blocks: [{ channel: 'yanbian', articles: [7, 12, 15].map(story) }],
  });
  assert.deepEqual(ids(home.recommended), [3]);
  assert.deepEqual(ids(home.topics[0]!.articles), [9]);
  assert.deepEqual(ids(home.latest), [1, 2, 4, 5, 6, 8, 10, 11, 12, 13, 14, 15]);
  assert.deepEqual(ids(home.blocks[0]!.articles), [12, 15]);
});

test('a topic made only of the lead is offered with nothing left to list; one with nothing public is not offered', () => {
  const home = selectHome({ lead: story(7), recommended: [], topics: [{ topic: 'ice', articles: [story(7)] }, { topic: 'gone', articles: [] }], latest: [], blocks: [] });
  assert.deepEqual(home.topics, [{ topic: 'ice', articles: [], offered: true }, { topic: 'gone', articles: [], offered: false }]);
});
