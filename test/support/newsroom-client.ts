/** A newsroom API client as a browser would be: a cookie jar and the CSRF token. */
export class NewsroomClient {
  cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(readonly base: string) {}

  async request(method: string, path: string, body?: unknown, options: { csrf?: string | null } = {}): Promise<{ status: number; json: Record<string, unknown> & { errors?: Array<{ code: string; message: string }> } }> {
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    const res = await fetch(`${this.base}/newsroom/api${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { 'x-csrf-token': token } : {}),
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (/max-age=0/i.test(c) || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(k!);
      else this.cookies.set(k!, v ?? '');
    }
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  async login(login: string, password: string): Promise<{ status: number; code?: string }> {
    const pre = await this.request('GET', '/csrf');
    this.csrf = String(pre.json['csrf']);
    const r = await this.request('POST', '/session', { login, password });
    if (r.status === 200) this.csrf = String(r.json['csrf']);
    return { status: r.status, ...(r.json.errors ? { code: r.json.errors[0]!.code } : {}) };
  }

  /** A multipart upload, as the media page sends it: the file in `file`, and text fields. */
  async upload(path: string, file: { bytes: Uint8Array; name: string; type?: string }, fields: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> & { errors?: Array<{ code: string; message: string }> } }> {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const res = await fetch(`${this.base}/newsroom/api${path}`, {
      method: 'POST',
      headers: { ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: form,
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.request(method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.json)}`);
    return r.json as T;
  }
}
