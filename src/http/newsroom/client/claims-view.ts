import { h, formatTime } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';
import type { UiKey } from '../ui-strings.ts';

interface ClaimView {
  id: number; reference: string; articleId: number | null; articleRef: string; claimant: string; contact: string; claim: string; links: string[];
  status: string; withinWindow: boolean; daysAfterPublication: number | null; createdAt: string; files: Array<{ id: number; fileName: string; contentType: string; size: number }>;
}

const ACTIONS = ['assign', 'request-info', 'reject', 'correct', 'take-down'] as const;

export async function claimsView(root: HTMLElement): Promise<void> {
  const claims = await api<ClaimView[]>('GET', '/claims');
  root.replaceChildren(h('h1', {}, t('claims')), h('table', { 'aria-label': t('claims') },
    h('thead', {}, h('tr', {}, h('th', {}, t('claimReference')), h('th', {}, t('claimant')), h('th', {}, t('headline')), h('th', {}, t('status_submitted')), h('th', {}, t('at')))),
    h('tbody', {}, ...claims.map((c) => h('tr', {},
      h('td', {}, h('a', { href: `#/claims/${c.id}` }, c.reference), c.withinWindow ? '' : h('span', { class: 'status', 'data-late': '' }, ` ${t('claimLate')} (${c.daysAfterPublication})`)),
      h('td', {}, c.claimant), h('td', {}, c.articleId ? h('a', { href: `#/articles/${c.articleId}` }, `#${c.articleId}`) : c.articleRef),
      h('td', { 'data-status': c.status }, t(`claimStatus_${c.status}` as UiKey)), h('td', {}, formatTime(c.createdAt)))))));
}

export async function claimView(root: HTMLElement, id: number): Promise<void> {
  const c = await api<ClaimView>('GET', `/claims/${id}`);
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const decided = ['rejected', 'corrected', 'taken-down'].includes(c.status);
  const act = (action: (typeof ACTIONS)[number]) => async () => {
    const note = action === 'assign' ? null : prompt(t('reasonPrompt'));
    if (action !== 'assign' && !note?.trim()) return;
    try {
      await api('POST', `/claims/${id}/${action}`, { note });
      await claimView(root, id);
    } catch (e) {
      message.replaceChildren(h('p', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
    }
  };
  root.replaceChildren(
    h('p', {}, h('a', { href: '#/claims' }, `← ${t('claims')}`)),
    h('h1', {}, `${c.reference} · ${t(`claimStatus_${c.status}` as UiKey)}`),
    message,
    h('div', { class: 'card' },
      c.withinWindow ? null : h('p', { class: 'notice warn' }, `${t('claimLate')}:${c.daysAfterPublication}`),
      h('p', {}, `${t('claimant')}:${c.claimant}(${c.contact})`),
      h('p', {}, c.articleId ? h('a', { href: `#/articles/${c.articleId}` }, `#${c.articleId}`) : c.articleRef),
      h('p', { style: 'white-space:pre-wrap' }, c.claim),
      // Claims filed before links were checked may hold any scheme: only web addresses become links.
      h('ul', {}, ...c.links.map((l) => h('li', {}, /^https?:\/\//i.test(l) ? h('a', { href: l, rel: 'noopener noreferrer nofollow', target: '_blank' }, l) : l))),
      h('p', {}, `${t('evidence')}:`, ...c.files.map((f) => h('a', { href: `/newsroom/api/claims/${id}/files/${f.id}`, style: 'margin-left:8px' }, `${f.fileName} (${f.contentType}, ${Math.ceil(f.size / 1024)} KB)`))),
      decided ? null : h('div', { class: 'actions' }, ...ACTIONS.map((a) => h('button', { type: 'button', class: a === 'take-down' ? 'danger' : '', 'data-action': a, onclick: act(a) }, t(`claim_${a}` as UiKey)))),
    ),
  );
}
