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
}

let csrf: string | null = null;

export function setCsrf(token: string | null): void {
  csrf = token;
}

/** Calls the newsroom API; every state-changing call carries the CSRF token. */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/newsroom/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', t('err_NETWORK'), {});
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const first = (json['errors'] as Array<{ code: string; message: string; property?: string }> | undefined)?.[0];
    const code = first?.code ?? 'INTERNAL';
    const base = tOr(`err_${code}`, first?.message ?? t('err_INTERNAL'));
    // Field problems name the field; the words come from the server's message.
    const message = code === 'VALIDATION_FAILED' && first ? `${base} ${first.message}` : base;
    throw new ApiError(res.status, code, message, json);
  }
  return json as T;
}
