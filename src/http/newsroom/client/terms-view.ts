import type { SiteTerm } from '../../../services/newsroom-views.ts';
import { h } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';

/** The site's conversion dictionary: list, add or replace, remove. */
export async function termsView(root: HTMLElement): Promise<void> {
  const terms = await api<SiteTerm[]>('GET', '/terms');
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const input = (id: string, label: string, required = false) => {
    const el = h('input', { type: 'text', id, name: id, required, maxlength: '40' });
    return { el, block: h('div', {}, h('label', { for: id }, label), el) };
  };
  const hans = input('t-hans', t('termHans'), true);
  const hant = input('t-hant', t('termHant'), true);
  const hk = input('t-hk', t('termHk'));
  const note = input('t-note', t('termNote'));
  const hint = h('p', { class: 'hint' });
  hans.el.addEventListener('change', async () => {
    if (!hans.el.value.trim()) return;
    const p = await api<{ hant: string; hk: string }>('GET', `/terms/preview?hans=${encodeURIComponent(hans.el.value.trim())}`);
    hint.textContent = `${t('termConverter')}:${p.hant} / ${p.hk}`;
    if (!hant.el.value) hant.el.value = p.hant;
  });
  const form = h('form', { class: 'card' }, h('p', {}, t('termsIntro')), h('div', { class: 'grid' }, hans.block, hant.block, hk.block, note.block), hint,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('termAdd'))), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await api('POST', '/terms', { hans: hans.el.value, hant: hant.el.value, hk: hk.el.value || null, note: note.el.value || null });
      await termsView(root);
    } catch (e) {
      message.replaceChildren(h('p', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
    }
  });
  const table = h(
    'table',
    { 'aria-label': t('terms') },
    h('thead', {}, h('tr', {}, h('th', {}, t('termHans')), h('th', {}, t('termHant')), h('th', {}, t('termHk')), h('th', {}, t('termNote')), h('th', {}, ''))),
    h('tbody', {}, ...terms.map((term) =>
      h('tr', {}, h('td', {}, term.hans), h('td', {}, term.hant), h('td', {}, term.hk ?? ''), h('td', {}, term.note ?? ''),
        h('td', {}, h('button', { type: 'button', class: 'danger', onclick: async () => {
          try {
            await api('DELETE', `/terms/${term.id}`);
            await termsView(root);
          } catch (e) {
            message.replaceChildren(h('p', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
          }
        } }, t('termDelete')))),
    )),
  );
  root.replaceChildren(h('h1', {}, t('terms')), form, table);
}
