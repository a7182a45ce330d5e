import { h } from './dom.ts';
import { t } from './boot.ts';
import { api, setCsrf, ApiError } from './api.ts';

/** Whether the site still needs its first admin; only then is the setup form shown instead of the login. */
export async function setupNeeded(): Promise<boolean> {
  try {
    return (await api<{ needed: boolean }>('GET', '/setup')).needed;
  } catch {
    // Unknown is treated as set up: the login form is the safe thing to show.
    return false;
  }
}

/** The first admin's account, made on a new site; the server signs them in at once. */
export function setupView(root: HTMLElement, done: () => void): void {
  const error = h('div', { role: 'alert' });
  const login = h('input', { type: 'text', id: 'setup-login', name: 'login', autocomplete: 'username', required: true, pattern: '[a-z0-9._\\-]{2,40}' });
  const display = h('input', { type: 'text', id: 'setup-display', name: 'displayName', required: true, maxlength: '40' });
  const password = h('input', { type: 'password', id: 'setup-password', name: 'password', autocomplete: 'new-password', required: true, minlength: '10' });
  const form = h(
    'form',
    { class: 'card', style: 'max-width:420px;margin:40px auto', 'data-view': 'setup' },
    h('h1', {}, t('setupTitle')),
    h('p', {}, t('setupIntro')),
    h('label', { for: 'setup-login' }, t('loginName')),
    login,
    h('label', { for: 'setup-display' }, t('setupDisplayName')),
    display,
    h('label', { for: 'setup-password' }, t('setupPassword')),
    password,
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('setupCreate'))),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.replaceChildren();
    try {
      setCsrf((await api<{ csrf: string }>('GET', '/csrf')).csrf);
      await api('POST', '/setup', { login: login.value.trim(), displayName: display.value.trim(), password: password.value });
      done();
    } catch (e) {
      error.replaceChildren(h('p', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
    }
  });
  root.replaceChildren(form);
  login.focus();
}
