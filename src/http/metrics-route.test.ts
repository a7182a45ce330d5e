import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPrivateAddress } from './metrics-route.ts';

test('loopback and private networks may read the metrics', () => {
  for (const ip of ['127.0.0.1', '127.8.9.10', '10.0.0.5', '172.16.0.1', '172.31.255.254', '192.168.1.20', '::1', '::ffff:127.0.0.1', '::ffff:10.1.2.3', 'fd12:3456:789a::1', 'fc00::1']) {
    assert.equal(isPrivateAddress(ip), true, ip);
  }
});

test('public addresses and anything unreadable may not', () => {
  for (const ip of ['8.8.8.8', '172.15.0.1', '172.32.0.1', '192.169.0.1', '11.0.0.1', '2001:db8::1', '::ffff:8.8.8.8', 'fe80::1', '', 'localhost', '10.0.0', '::ffff:10.0.0.1.5']) {
    assert.equal(isPrivateAddress(ip), false, ip);
  }
});
