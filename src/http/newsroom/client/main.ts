import { h } from './dom.ts';
import { t, boot } from './boot.ts';
import { loadSession, signOut, user } from './session.ts';
import { loginView } from './login-view.ts';
import { setupNeeded, setupView } from './setup-view.ts';
import { deskView } from './desk-view.ts';
import { editorView } from './editor-view.ts';
import { historyView } from './history-view.ts';
import { auditView } from './audit-view.ts';
import { termsView } from './terms-view.ts';
import { licenseesView, usageView } from './licensees-view.ts';
import { claimsView, claimView } from './claims-view.ts';
import { tipsView } from './tips-view.ts';
import { frontPageView } from './front-page-view.ts';
import { settingsView } from './settings-view.ts';
import { mediaView } from './media-view.ts';
import { mayLeave } from './leave-guard.ts';
import { ApiError } from './api.ts';
import { RIGHTS_DESK_ROLES, TIPS_DESK_ROLES, WRITER_ROLES, hasRole } from '../../../domain/roles.ts';

const app = document.getElementById('app')!;
// The address of the screen on show: where to stay when its unsaved edits are kept.
let shown = location.hash;

function header(): HTMLElement {
  const u = user();
  const other = boot.script === 'zh-hans' ? 'zh-hant' : 'zh-hans';
  return h(
    'header',
    { class: 'top' },
    h('a', { class: 'app', href: '#/desk' }, `${boot.siteName} · ${t('appName')}`),
    u && hasRole(u, ...WRITER_ROLES) ? h('a', { href: '#/articles/new', 'data-action': 'new-article' }, t('newArticle')) : null,
    u && hasRole(u, ...TIPS_DESK_ROLES) ? h('a', { href: '#/tips' }, t('tips')) : null,
    u && hasRole(u, ...WRITER_ROLES, ...RIGHTS_DESK_ROLES) ? h('a', { href: '#/media', 'data-action': 'media' }, t('media')) : null,
    u && u.roles.some((r) => r === 'editor' || r === 'responsible_editor' || r === 'chief_editor' || r === 'admin') ? h('a', { href: '#/front-page' }, t('frontPage')) : null,
    u && hasRole(u, ...WRITER_ROLES, 'admin') ? h('a', { href: '#/terms' }, t('terms')) : null,
    u && (u.roles.includes('rights_manager') || u.roles.includes('admin')) ? h('a', { href: '#/licensees' }, t('licensees')) : null,
    u && (u.roles.includes('rights_manager') || u.roles.includes('admin')) ? h('a', { href: '#/claims' }, t('claims')) : null,
    u && (u.roles.includes('admin') || u.roles.includes('chief_editor')) ? h('a', { href: '#/audit' }, t('audit')) : null,
    u && hasRole(u, 'admin') ? h('a', { href: '#/settings' }, t('settings')) : null,
    h('span', { class: 'spacer' }),
    h('a', { href: `/newsroom?script=${other}${location.hash}`, lang: other === 'zh-hant' ? 'zh-Hant' : 'zh-Hans' }, other === 'zh-hant' ? '繁體' : '简体'),
    u ? h('span', { 'data-user': u.login }, u.displayName) : null,
    u ? h('button', { type: 'button', onclick: async () => { if (!mayLeave()) return; await signOut(); location.hash = '#/login'; await route(); } }, t('logout')) : null,
  );
}

async function route(): Promise<void> {
  const main = h('main', {}, t('loading'));
  const go = (hash: string) => {
    location.hash = hash;
  };
  shown = location.hash;
  app.replaceChildren(header(), main);
  if (!user()) {
    const signedIn = () => {
      if (!location.hash || location.hash === '#/login') location.hash = '#/desk';
      else void route();
    };
    // A new site has nobody to sign in as: its first admin is made here instead.
    if (await setupNeeded()) setupView(main, () => void loadSession().then(signedIn));
    else loginView(main, signedIn);
    return;
  }
  const parts = location.hash.replace(/^#\/?/, '').split('/');
  try {
    if (parts[0] === 'terms') await termsView(main);
    else if (parts[0] === 'media') await mediaView(main, parts[1] ? Number(parts[1]) : undefined);
    else if (parts[0] === 'tips') await tipsView(main);
    else if (parts[0] === 'front-page') await frontPageView(main);
    else if (parts[0] === 'licensees' && parts[1] && parts[2] === 'usage') await usageView(main, Number(parts[1]));
    else if (parts[0] === 'licensees') await licenseesView(main);
    else if (parts[0] === 'claims' && parts[1]) await claimView(main, Number(parts[1]));
    else if (parts[0] === 'claims') await claimsView(main);
    else if (parts[0] === 'settings') await settingsView(main);
    else if (parts[0] === 'audit') await auditView(main, parts[1] ? Number(parts[1]) : undefined);
    else if (parts[0] === 'articles' && parts[1] === 'new') await editorView(main, null, go);
    else if (parts[0] === 'articles' && parts[1] && parts[2] === 'history') await historyView(main, Number(parts[1]));
    else if (parts[0] === 'articles' && parts[1]) await editorView(main, Number(parts[1]), go);
    else await deskView(main, parts[0] === 'desk' ? (parts[1] as Parameters<typeof deskView>[1]) : undefined);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'AUTH_REQUIRED') {
      await loadSession();
      return route();
    }
    main.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, e instanceof ApiError ? e.message : String(e)));
  }
}

window.addEventListener('hashchange', () => {
  // Replacing the address fires no second hashchange, and the screen with its edits stays as it is.
  if (!mayLeave()) history.replaceState(null, '', shown || location.pathname + location.search);
  else void route();
});
await loadSession().catch(() => null);
await route();
