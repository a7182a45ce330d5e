import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.ts';
import { DomainError } from './domain/errors.ts';

test('defaults: port 3000 on 127.0.0.1, data under ./data, SQLite', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.host, '127.0.0.1');
  assert.match(c.dataDir, /data$/);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.publicUrl, 'http://127.0.0.1:3000');
});

test('a postgres URL is taken as given', () => {
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).databaseUrl, 'postgres://u@h:5432/db');
});

test('request limits: 1 MB a body and 10 MB a file unless set, in bytes, KB or MB', () => {
  assert.deepEqual(loadConfig({}).limits, { bodyBytes: 1024 * 1024, uploadFileBytes: 10 * 1024 * 1024 });
  assert.deepEqual(loadConfig({ HEITU_MAX_BODY: '512KB', HEITU_MAX_UPLOAD: '20mb' }).limits, { bodyBytes: 512 * 1024, uploadFileBytes: 20 * 1024 * 1024 });
  assert.equal(loadConfig({ HEITU_MAX_BODY: '2000000' }).limits.bodyBytes, 2_000_000);
});

test('observability and instances: no log level forced, metrics for private addresses, notifications on, no CDN hook unless set', () => {
  const c = loadConfig({});
  assert.equal(c.logLevel, undefined);
  assert.equal(c.metricsToken, undefined);
  assert.deepEqual(c.contentWatch, { listen: true, pollMs: undefined });
  assert.equal(c.purge, null);
  const set = loadConfig({
    HEITU_LOG_LEVEL: 'silent', HEITU_METRICS_TOKEN: 'a-token-of-sixteen+', HEITU_CONTENT_LISTEN: '0', HEITU_CONTENT_POLL_MS: '250',
    HEITU_PURGE_URL: 'https://purge.example.org/hook', HEITU_PURGE_MODE: 'urls', HEITU_PURGE_TOKEN: 'secret',
  });
  assert.equal(set.logLevel, 'silent');
  assert.equal(set.metricsToken, 'a-token-of-sixteen+');
  assert.deepEqual(set.contentWatch, { listen: false, pollMs: 250 });
  assert.deepEqual(set.purge, { url: 'https://purge.example.org/hook', mode: 'urls', token: 'secret' });
  assert.deepEqual(loadConfig({ HEITU_PURGE_URL: 'http://127.0.0.1:9/p' }).purge, { url: 'http://127.0.0.1:9/p', mode: 'keys', token: undefined });
});

for (const [name, value] of [['PORT', 'abc'], ['PORT', '70000'], ['DATABASE_URL', 'mysql://x'], ['HEITU_PUBLIC_URL', 'news'], ['HEITU_DEMO', 'yes'], ['HEITU_MAX_BODY', '1GB'], ['HEITU_MAX_BODY', '10'], ['HEITU_MAX_UPLOAD', 'lots'],
  ['HEITU_LOG_LEVEL', 'loud'], ['HEITU_METRICS_TOKEN', 'short'], ['HEITU_CONTENT_LISTEN', 'yes'], ['HEITU_CONTENT_POLL_MS', '10'], ['HEITU_PURGE_URL', 'ftp://cdn.example.org/'], ['HEITU_PURGE_URL', 'purge'], ['HEITU_PURGE_MODE', 'tags']] as const) {
  test(`a bad ${name} stops the start and names the setting`, () => {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (e: unknown) => e instanceof DomainError && e.code === 'CONFIG_INVALID' && e.property === name && e.message.includes(name),
    );
  });
}

test('a refused setting is named without repeating a token or a password in a URL (messages reach logs)', () => {
  const message = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };
  const url = message({ DATABASE_URL: 'mysql://heitu:s3cret-pw@db.example.org/news' });
  assert.match(url, /DATABASE_URL="mysql:\/\/heitu:\*\*\*@db\.example\.org\/news"/);
  assert.doesNotMatch(url, /s3cret-pw/);
  assert.doesNotMatch(message({ HEITU_METRICS_TOKEN: 'short-secret' }), /short-secret/);
  assert.match(message({ HEITU_SHUTDOWN_SECONDS: '-1' }), /HEITU_SHUTDOWN_SECONDS="-1" must be 0–600/);
});
