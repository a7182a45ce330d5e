import type { ErrorCode } from '../domain/errors.ts';
import { DomainError } from '../domain/errors.ts';

/** The one place domain error codes become HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  ARTICLE_STALE_REVISION: 409,
  NINJS_INVALID: 400,
  NINJS_UNSUPPORTED: 400,
  CONFIG_INVALID: 500,
  AUTH_REQUIRED: 401,
  AUTH_FAILED: 401,
  AUTH_THROTTLED: 429,
  CSRF_FAILED: 403,
  FORBIDDEN_ROLE: 403,
  WORKFLOW_INVALID_TRANSITION: 409,
  WORKFLOW_OWN_WORK: 403,
  WORKFLOW_ALREADY_SIGNED: 403,
  WORKFLOW_REASON_REQUIRED: 400,
  WORKFLOW_CONFLICT: 409,
  ARTICLE_NOT_EDITABLE: 409,
  USER_EXISTS: 409,
  SEARCH_QUERY_EMPTY: 400,
  SEARCH_QUERY_TOO_LONG: 400,
  CONTENT_KEY_INVALID: 401,
  CONTENT_KEY_EXPIRED: 401,
  LICENCE_EXPIRED: 403,
  LICENCE_NOT_YET_VALID: 403,
  LICENCE_REVOKED: 403,
  LICENCE_OUT_OF_SCOPE: 403,
  LICENCE_QUOTA_EXCEEDED: 429,
  RATE_LIMITED: 429,
  UPLOAD_REJECTED: 400,
  PAYLOAD_TOO_LARGE: 413,
  INPUT_CONTROL_CHARACTER: 400,
  HTML_TOO_LARGE: 413,
  HTML_TOO_DEEP: 400,
  CURRENT_PASSWORD_WRONG: 403,
  MEDIA_UNSUPPORTED: 415,
  MEDIA_UNREADABLE: 422,
  MEDIA_TOO_MANY_PIXELS: 413,
  MEDIA_NOT_PUBLISHABLE: 409,
  MEDIA_STALE_REVISION: 409,
};

export interface ErrorBody {
  errors: Array<{ code: string; message: string; property?: string }>;
  [extra: string]: unknown;
}

export function statusOf(e: DomainError): number {
  return STATUS[e.code] ?? 500;
}

export function errorBody(e: DomainError): ErrorBody {
  return { errors: e.details, ...(e.extra ?? {}) };
}

export function internalErrorBody(): ErrorBody {
  return { errors: [{ code: 'INTERNAL', message: 'the server failed to handle this request; it has been logged' }] };
}

/** Seconds a client is asked to wait when the database cannot be reached. */
export const RETRY_AFTER_SECONDS = 5;

// PostgreSQL's connection-exception class (08) and shutdown states (57P01–57P03); socket errors;
// SQLite's "busy" when another process holds the file for longer than the busy timeout.
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'SQLITE_BUSY', 'SQLITE_LOCKED']);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)|terminating connection/i;

/**
 * Whether an error means the database is out of reach for now (a restart, a failover, lost
 * connections) rather than a fault in the request: such requests get 503 with Retry-After, and
 * the next ones reconnect by themselves.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && typeof x === 'object' && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    const message = (x as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

export function unavailableBody(): ErrorBody {
  return { errors: [{ code: 'DATABASE_UNAVAILABLE', message: `the database cannot be reached just now; try again in ${RETRY_AFTER_SECONDS} seconds` }] };
}
