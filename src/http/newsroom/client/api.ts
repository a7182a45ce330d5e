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

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function send<T>(method: Method, path: string, headers: Record<string, string>, body?: BodyInit): Promise<{ status: number; body: T }> {
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
  return { status: res.status, body: json as T };
}

const jsonRequest = (body: unknown): [Record<string, string>, BodyInit | undefined] =>
  body !== undefined ? [{ 'content-type': 'application/json' }, JSON.stringify(body)] : [{}, undefined];

/** Calls the newsroom API; every state-changing call carries the CSRF token. */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return (await send<T>(method, path, ...jsonRequest(body))).body;
}

/** As `api`, with the status: where a success means more than one thing (202: accepted, not applied yet). */
export function apiWithStatus<T>(method: Method, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return send<T>(method, path, ...jsonRequest(body));
}

/** A multipart POST (a file upload); the browser writes the content type with its boundary. */
export async function apiForm<T>(path: string, form: FormData): Promise<T> {
  return (await send<T>('POST', path, {}, form)).body;
}
