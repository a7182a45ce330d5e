import type { MediaItem } from '../../../domain/media.ts';
import { h } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';
import { pictureOf } from './media-picture.ts';

interface MediaPage {
  items: MediaItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MediaBrowser {
  element: HTMLElement;
  /** Shows the first page again (after an upload: the newest is first). */
  reload(): Promise<void>;
  /** Shows the current page again (after an edit). */
  refresh(): Promise<void>;
}

/**
 * The library as a grid of thumbnails, newest first, a page at a time; searched by the words of
 * captions, credits and alt text and by upload dates. `onOpen` is what a click on a picture does.
 */
export function mediaBrowser(idPrefix: string, onOpen: (item: MediaItem) => void): MediaBrowser {
  const q = h('input', { type: 'search', id: `${idPrefix}-q`, name: 'q', maxlength: 100 });
  const from = h('input', { type: 'date', id: `${idPrefix}-from`, name: 'from' });
  const to = h('input', { type: 'date', id: `${idPrefix}-to`, name: 'to' });
  const searchError = h('p', { class: 'field-error', id: `${idPrefix}-search-error`, role: 'alert' });
  const form = h('form', { class: 'media-search', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: `${idPrefix}-q` }, t('mediaSearch')), q),
    h('div', { class: 'field' }, h('label', { for: `${idPrefix}-from` }, t('mediaFrom')), from),
    h('div', { class: 'field' }, h('label', { for: `${idPrefix}-to` }, t('mediaTo')), to),
    h('div', { class: 'field' }, h('button', { type: 'submit', 'data-action': 'media-search' }, t('mediaSearchButton'))),
    searchError);
  const grid = h('ul', { class: 'media-grid', 'aria-label': t('media') });
  const pager = h('nav', { class: 'pager', 'aria-label': t('media') });
  let page = 1;

  const show = async (n: number) => {
    const params = new URLSearchParams();
    if (q.value.trim()) params.set('q', q.value.trim());
    if (from.value) params.set('from', from.value);
    if (to.value) params.set('to', to.value);
    params.set('page', String(n));
    searchError.textContent = '';
    grid.setAttribute('aria-busy', 'true');
    try {
      const r = await api<MediaPage>('GET', `/media?${params}`);
      page = r.page;
      grid.replaceChildren(...r.items.map((item) => h('li', {},
        h('button', { type: 'button', class: 'thumb', 'data-media': String(item.id), 'aria-label': item.caption || item.alt || `#${item.id}`, onclick: () => onOpen(item) },
          item.takenDownAt ? h('span', { class: 'taken-down' }, t('mediaTakenDown')) : pictureOf(item, '1x1', '160px'),
          h('span', { class: 'thumb-caption' }, item.caption || `#${item.id}`),
          item.alt ? null : h('span', { class: 'badge warn' }, t('mediaAltMissing'))))));
      if (r.items.length === 0) grid.replaceChildren(h('li', { class: 'hint' }, t('mediaNone')));
      const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
      pager.replaceChildren(
        h('button', { type: 'button', disabled: page <= 1, onclick: () => void show(page - 1), 'data-action': 'media-prev' }, t('mediaPrev')),
        h('span', {}, `${t('mediaPageOf').replace('{page}', String(page)).replace('{pages}', String(pages))} · ${t('mediaTotal').replace('{n}', String(r.total))}`),
        h('button', { type: 'button', disabled: page >= pages, onclick: () => void show(page + 1), 'data-action': 'media-next' }, t('mediaNext')));
    } catch (e) {
      searchError.textContent = e instanceof ApiError ? e.message : String(e);
    } finally {
      grid.removeAttribute('aria-busy');
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void show(1);
  });
  return {
    element: h('div', { class: 'media-browser' }, form, grid, pager),
    reload: () => show(1),
    refresh: () => show(page),
  };
}
