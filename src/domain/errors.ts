/**
 * Errors the domain and services raise. Each has a stable code so that the http layer can map it
 * to a status, and clients can branch on it, without the domain knowing anything about HTTP.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'ARTICLE_STALE_REVISION'
  | 'NINJS_INVALID'
  | 'NINJS_UNSUPPORTED'
  | 'CONFIG_INVALID'
  | 'AUTH_REQUIRED'
  | 'AUTH_FAILED'
  | 'AUTH_THROTTLED'
  | 'CSRF_FAILED'
  | 'FORBIDDEN_ROLE'
  | 'WORKFLOW_INVALID_TRANSITION'
  | 'WORKFLOW_OWN_WORK'
  | 'WORKFLOW_ALREADY_SIGNED'
  | 'WORKFLOW_REASON_REQUIRED'
  | 'WORKFLOW_CONFLICT'
  | 'ARTICLE_NOT_EDITABLE'
  | 'USER_EXISTS'
  | 'SEARCH_QUERY_EMPTY'
  | 'SEARCH_QUERY_TOO_LONG'
  | 'CONTENT_KEY_INVALID'
  | 'CONTENT_KEY_EXPIRED'
  | 'LICENCE_EXPIRED'
  | 'LICENCE_NOT_YET_VALID'
  | 'LICENCE_REVOKED'
  | 'LICENCE_OUT_OF_SCOPE'
  | 'LICENCE_QUOTA_EXCEEDED'
  | 'RATE_LIMITED'
  | 'UPLOAD_REJECTED'
  | 'PAYLOAD_TOO_LARGE'
  | 'INPUT_CONTROL_CHARACTER'
  | 'HTML_TOO_LARGE'
  | 'HTML_TOO_DEEP'
  | 'CURRENT_PASSWORD_WRONG'
  | 'MEDIA_UNSUPPORTED'
  | 'MEDIA_UNREADABLE'
  | 'MEDIA_TOO_MANY_PIXELS'
  | 'MEDIA_NOT_PUBLISHABLE'
  | 'MEDIA_STALE_REVISION';

export interface ErrorDetail {
  code: ErrorCode;
  message: string;
  property?: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly property: string | undefined;
  readonly details: ErrorDetail[];
  /** Facts a client needs to recover, e.g. the current revision and what changed in it. */
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, property?: string, details?: ErrorDetail[], extra?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.property = property;
    this.details = details ?? [{ code, message, ...(property ? { property } : {}) }];
    this.extra = extra;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
