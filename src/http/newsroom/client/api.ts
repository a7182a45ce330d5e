import { tOr, t } from './boot.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The field the server named as the problem, if any: where the UI shows the message. */
  get property(): string | undefined {
    return (this.body['errors'] as Array<{ property?: string }> | undefined)?.[0]?.property;
  }
}

let csrf: string | null = null;

export function setCsrf(token: string | null): void {
  csrf = token;
}

async function send<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, headers: Record<string, string>, body?: BodyInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/newsroom/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: { ...headers, ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}) },
      ...(body !== undefined ? { body } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', t('err_NETWORK'), {});
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const first = (json['errors'] as Array<{ code: string; message: string; property?: string }> | undefined)?.[0];
    const code = first?.code ?? (res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL');
    const base = tOr(`err_${code}`, first?.message ?? t('err_INTERNAL'));
    // Field problems name the field; the words come from the server's message.
    const message = code === 'VALIDATION_FAILED' && first ? `${base} ${first.message}` : base;
    throw new ApiError(res.status, code, message, json);
  }
  return json as T;
}

/** Calls the newsroom API; every state-changing call carries the CSRF token. */
export function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body !== undefined ? { 'content-type': 'application/json' } : {}, body !== undefined ? JSON.stringify(body) : undefined);
}

/** A multipart POST (a file upload); the browser writes the content type with its boundary. */
export function apiForm<T>(path: string, form: FormData): Promise<T> {
  return send<T>('POST', path, {}, form);
}
