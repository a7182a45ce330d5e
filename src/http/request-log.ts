import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Metrics } from './metrics.ts';
import { infoLine } from '../logger.ts';

/**
 * An id a proxy or a client already gave the request is kept, so one request can be followed
 * through nginx and every instance; anything else is replaced, since it goes into logs and a
 * response header as it is.
 */
const GIVEN_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && GIVEN_ID.test(header) ? header : randomUUID();
}

/** What is known of a request once it is answered. */
export type RequestObserver = (method: string, route: string, status: number, ms: number, id: string, url: string) => void;

/**
 * One log line and one count per request. The path goes into the line without its query: a
 * search is the reader's business.
 */
export function requestObserver(metrics: Metrics | null): RequestObserver {
  return (method, route, status, ms, id, url) => {
    metrics?.request(method, route, status, ms / 1000);
    infoLine(() => {
      const q = url.indexOf('?');
      // The id is of a charset that needs no escaping (requestIdOf).
      return `"reqId":"${id}","method":${JSON.stringify(method)},"route":${JSON.stringify(route)},"path":${JSON.stringify(q < 0 ? url : url.slice(0, q))},"status":${status},"ms":${Math.round(ms * 100) / 100}`;
    }, 'request');
  };
}

/** The route pattern that answered each routed request, for the server to log when it is sent. */
const answeredBy = new WeakMap<IncomingMessage, string>();

/** Notes which route pattern answered; a request no route took is `unmatched`. */
export function noteRoute(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // Present when served by the node adapter; absent when the app is called directly.
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (incoming) {
      // Without the patterns' regular expressions (`:variant{zh-h(?:ans|ant|k)}`), for people to read.
      const route = routePath(c).replace(/\{[^}]*\}/g, '');
      answeredBy.set(incoming, route === '/*' || route === '*' ? 'unmatched' : route);
    }
  };
}

export function routeOf(req: IncomingMessage): string {
  return answeredBy.get(req) ?? 'unmatched';
}
