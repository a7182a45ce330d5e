import { h } from './dom.ts';
import { t } from './boot.ts';
import { signIn } from './session.ts';
import { ApiError } from './api.ts';

export function loginView(root: HTMLElement, done: () => void): void {
  const error = h('div', { role: 'alert' });
  const login = h('input', { type: 'text', id: 'login', name: 'login', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', id: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const form = h(
    'form',
    { class: 'card', style: 'max-width:380px;margin:40px auto' },
    h('h1', {}, t('login')),
    h('label', { for: 'login' }, t('loginName')),
    login,
    h('label', { for: 'password' }, t('password')),
    password,
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('login'))),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.replaceChildren();
    try {
      await signIn(login.value.trim(), password.value);
      done();
    } catch (e) {
      error.replaceChildren(h('p', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
    }
  });
  root.replaceChildren(form);
  login.focus();
}
