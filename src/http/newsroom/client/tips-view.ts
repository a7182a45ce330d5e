import { h, formatTime } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';
import type { Tip } from '../../../services/newsroom-views.ts';
import type { UiKey } from '../ui-strings.ts';

const STATUSES = ['new', 'reviewing', 'used', 'dismissed'] as const;

/** Reader tips: an inbox with statuses; files download, never open as pages. */
export async function tipsView(root: HTMLElement): Promise<void> {
  const { counts, tips } = await api<{ counts: Record<string, number>; tips: Tip[] }>('GET', '/tips');
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const rows = await Promise.all(tips.map(async (summary) => {
    const tip = await api<Tip>('GET', `/tips/${summary.id}`);
    const select = h('select', { 'aria-label': tip.reference, 'data-tip': tip.reference }, ...STATUSES.map((s) => h('option', { value: s, selected: s === tip.status }, t(`tipStatus_${s}` as UiKey))));
    select.addEventListener('change', async () => {
      try {
        await api('POST', `/tips/${tip.id}/status`, { status: select.value });
        await tipsView(root);
      } catch (e) {
        message.replaceChildren(h('p', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
      }
    });
    return h('tr', {},
      h('td', {}, tip.reference, h('div', {}, h('small', {}, formatTime(tip.createdAt)))),
      h('td', { style: 'white-space:pre-wrap' }, tip.text),
      h('td', {}, tip.contact ?? '—'),
      h('td', {}, ...tip.files.map((f) => h('div', {}, h('a', { href: `/newsroom/api/tips/${tip.id}/files/${f.id}` }, `${f.fileName} (${f.contentType})`)))),
      h('td', {}, select));
  }));
  root.replaceChildren(
    h('h1', {}, t('tips'), ' ', ...STATUSES.map((s) => h('span', { class: 'count', title: t(`tipStatus_${s}` as UiKey) }, `${t(`tipStatus_${s}` as UiKey)} ${counts[s] ?? 0}`))),
    message,
    h('table', { 'aria-label': t('tips') }, h('tbody', {}, ...rows)),
  );
}
