import { createHash, timingSafeEqual } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { Context, Hono } from 'hono';
import { ipOf } from './api-registry.ts';
import type { Metrics } from './metrics.ts';

/** Loopback and private networks (RFC 1918, RFC 4193): where a scraper in the same network is. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '');
  if (isIPv4(ip)) {
    const [a, b] = ip.split('.').map(Number) as [number, number];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return isIPv6(ip) && (ip === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(ip));
}

/** A proxy says it forwards someone else: the address it comes from is not the asker's. */
function forwarded(c: Context): boolean {
  return ['forwarded', 'x-forwarded-for', 'x-real-ip'].some((h) => c.req.header(h) !== undefined);
}

function sameToken(given: string, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * GET /metrics in Prometheus's text format. Metrics tell how the site is used and built, so they
 * are not for the internet: with HEITU_METRICS_TOKEN set, only a request with that bearer token
 * gets them, from anywhere; without, only a direct request from a loopback or private address,
 * and never one a proxy forwarded (a proxy on the same host would otherwise make every reader
 * look local).
 */
export function mountMetrics(app: Hono, metrics: Metrics, token: string | undefined): void {
  app.get('/metrics', async (c) => {
    const auth = c.req.header('authorization') ?? '';
    const allowed = token
      ? auth.startsWith('Bearer ') && sameToken(auth.slice(7), token)
      : !forwarded(c) && isPrivateAddress(ipOf(c) ?? '');
    if (!allowed) {
      const message = token ? 'metrics need the bearer token set in HEITU_METRICS_TOKEN' : 'metrics are served only to loopback and private addresses, not through a proxy (or set HEITU_METRICS_TOKEN)';
      return c.json({ errors: [{ code: 'FORBIDDEN', message }] }, 403, { 'cache-control': 'no-store' });
    }
    return c.body(await metrics.text(), 200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
  });
}
