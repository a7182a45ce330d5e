import type { Actor } from '../../../domain/roles.ts';
import { api, setCsrf } from './api.ts';

let current: Actor | null = null;

export function user(): Actor | null {
  return current;
}

export async function loadSession(): Promise<Actor | null> {
  const s = await api<{ user: Actor | null; csrf?: string }>('GET', '/session');
  current = s.user;
  setCsrf(s.csrf ?? null);
  return current;
}

export async function signIn(login: string, password: string): Promise<Actor> {
  const { csrf } = await api<{ csrf: string }>('GET', '/csrf');
  setCsrf(csrf);
  const s = await api<{ user: Actor; csrf: string }>('POST', '/session', { login, password });
  current = s.user;
  setCsrf(s.csrf);
  return s.user;
}

export async function signOut(): Promise<void> {
  await api('DELETE', '/session');
  current = null;
  setCsrf(null);
}
