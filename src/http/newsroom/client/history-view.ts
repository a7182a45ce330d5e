import type { RevisionInfo, AuditEntry } from '../../../services/newsroom-views.ts';
import type { FieldDiff } from '../../../services/article-diff.ts';
import { h, formatTime } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';
import { renderDiff } from './editor-view.ts';

/** Revision history with a diff between any two revisions, and the article's audit trail. */
export async function historyView(root: HTMLElement, id: number): Promise<void> {
  const [revisions, audit] = await Promise.all([
    api<RevisionInfo[]>('GET', `/articles/${id}/revisions`),
    api<AuditEntry[]>('GET', `/articles/${id}/audit`),
  ]);
  const out = h('div', { 'aria-live': 'polite' });
  const pick = (name: string, checkedRev: number | undefined) => (r: RevisionInfo) =>
    h('input', { type: 'radio', name, value: r.revision, checked: r.revision === checkedRev, 'aria-label': `${name} ${r.revision}` });
  const fromPick = pick('from', revisions[revisions.length - 1]?.revision);
  const toPick = pick('to', revisions[0]?.revision);
  const table = h(
    'table',
    {},
    h('thead', {}, h('tr', {}, h('th', {}, 'A'), h('th', {}, 'B'), h('th', {}, t('revision')), h('th', {}, t('revisionBy')), h('th', {}, t('at')))),
    h('tbody', {}, ...revisions.map((r) => h('tr', {}, h('td', {}, fromPick(r)), h('td', {}, toPick(r)), h('td', {}, String(r.revision)), h('td', {}, r.authorName ?? '—'), h('td', {}, formatTime(r.createdAt))))),
  );
  const compare = async () => {
    const from = (table.querySelector('input[name=from]:checked') as HTMLInputElement | null)?.value;
    const to = (table.querySelector('input[name=to]:checked') as HTMLInputElement | null)?.value;
    if (!from || !to) return;
    try {
      const diffs = await api<FieldDiff[]>('GET', `/articles/${id}/diff?from=${from}&to=${to}`);
      out.replaceChildren(diffs.length ? renderDiff(diffs) : h('p', {}, '='));
    } catch (e) {
      out.replaceChildren(h('p', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
    }
  };
  const auditTable = h(
    'table',
    { 'aria-label': t('audit') },
    h('thead', {}, h('tr', {}, h('th', {}, t('at')), h('th', {}, t('actor')), h('th', {}, t('action')), h('th', {}, ''))),
    h('tbody', {}, ...audit.map((e) => h('tr', {}, h('td', {}, formatTime(e.at)), h('td', {}, e.actorLogin ?? 'system'), h('td', {}, e.action), h('td', {}, JSON.stringify(e.detail))))),
  );
  root.replaceChildren(
    h('p', {}, h('a', { href: `#/articles/${id}` }, `← ${t('back')}`)),
    h('h1', {}, t('history')),
    table,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => void compare() }, t('compare'))),
    out,
    h('h2', {}, t('audit')),
    auditTable,
  );
}
