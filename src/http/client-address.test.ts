import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clientAddress, parseTrustedProxies } from './client-address.ts';

const proxies = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, fd00::/8');

test('without a trusted peer the forwarded header is ignored', () => {
  assert.equal(clientAddress('203.0.113.9', '198.51.100.1', proxies), '203.0.113.9');
  assert.equal(clientAddress('203.0.113.9', undefined, parseTrustedProxies('')), '203.0.113.9');
  assert.equal(clientAddress('127.0.0.1', '198.51.100.1', parseTrustedProxies(undefined)), '127.0.0.1');
});

test('behind trusted proxies the nearest untrusted hop is the reader', () => {
  assert.equal(clientAddress('127.0.0.1', '198.51.100.1', proxies), '198.51.100.1');
  assert.equal(clientAddress('::ffff:10.1.2.3', '198.51.100.1, 10.0.0.5', proxies), '198.51.100.1');
  // What the reader wrote in the header themselves is to the left of what our proxy appended.
  assert.equal(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.1', proxies), '198.51.100.1');
  // A hop that is not an address ends the walk at the last good one.
  assert.equal(clientAddress('127.0.0.1', '198.51.100.1, garbage', proxies), '127.0.0.1');
  assert.equal(clientAddress('127.0.0.1', '10.0.0.7, 10.0.0.8', proxies), '10.0.0.7');
});

test('a list with a typo is refused, not read as trusting nothing or everything', () => {
  for (const bad of ['10.0.0.0/33', 'localhost', '10.0.0/8', '::1/129']) assert.throws(() => parseTrustedProxies(bad), /HEITU_TRUSTED_PROXIES/);
});

test('whatever the header says, an untrusted peer is the answer, and the answer is never a trusted proxy unless every hop is one', () => {
  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
  fc.assert(
    fc.property(ipv4, fc.array(fc.oneof(ipv4, fc.string()), { maxLength: 6 }), (peer, hops) => {
      const header = hops.join(', ');
      const got = clientAddress(peer, header, proxies);
      if (!proxies.has(peer)) return got === peer;
      return got !== null && (hops.includes(got) || got === peer);
    }),
  );
});
