import type { AuditEntry } from '../../../services/newsroom-views.ts';
import { h, formatTime } from './dom.ts';
import { t } from './boot.ts';
import { api } from './api.ts';

/** The site-wide audit log, newest first, a page at a time (admins and chief editors). */
export async function auditView(root: HTMLElement, before?: number): Promise<void> {
  const entries = await api<AuditEntry[]>('GET', `/audit?limit=100${before ? `&before=${before}` : ''}`);
  const last = entries[entries.length - 1];
  root.replaceChildren(
    h('h1', {}, t('audit')),
    h(
      'table',
      { 'aria-label': t('audit') },
      h('thead', {}, h('tr', {}, h('th', {}, t('at')), h('th', {}, t('actor')), h('th', {}, t('action')), h('th', {}, t('headline')), h('th', {}, ''))),
      h(
        'tbody',
        {},
        ...entries.map((e) =>
          h('tr', {},
            h('td', {}, formatTime(e.at)),
            h('td', {}, e.actorLogin ?? 'system', e.ip ? h('small', {}, ` ${e.ip}`) : null),
            h('td', {}, e.action),
            h('td', {}, e.articleId ? h('a', { href: `#/articles/${e.articleId}` }, `#${e.articleId}`) : ''),
            h('td', {}, JSON.stringify(e.detail)),
          ),
        ),
      ),
    ),
    ...(entries.length === 100 && last ? [h('p', {}, h('a', { href: `#/audit/${last.id}` }, t('more')))] : []),
  );
}
