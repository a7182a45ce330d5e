import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requestIdOf } from './request-log.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('a request id given by a proxy or client is kept when it is short and plain', () => {
  for (const id of ['abc-123', '7f3c2e1d9a0b4c5d', 'Root=1-5759e988-bd862e3fe1be46a994272793', 'req_01:b.c+d/e']) assert.equal(requestIdOf(id), id);
  assert.equal(requestIdOf('x'.repeat(128)), 'x'.repeat(128));
});

test('anything else gets a fresh id: none, too long, unsafe in a log or a header, or sent twice', () => {
  for (const given of [undefined, '', 'x'.repeat(129), 'a b', 'a\r\nset-cookie: x=1', '"quoted"', 'id;drop', '中文', ['a', 'b']]) {
    assert.match(requestIdOf(given), UUID, JSON.stringify(given));
  }
  assert.notEqual(requestIdOf(undefined), requestIdOf(undefined));
});
