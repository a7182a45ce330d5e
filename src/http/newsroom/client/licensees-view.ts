import { h, formatTime } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';
import type { UiKey } from '../ui-strings.ts';

interface Overview {
  id: number; name: string; certificateNo: string; contact: string | null;
  agreements: Array<{ id: number; state: string; scope: { channels: string[]; rights: string[]; uses: string[]; validUntil: string | null; attribution: string }; keys: Array<{ id: number; prefix: string; createdAt: string; expiresAt: string | null; revokedAt: string | null }> }>;
}

const RIGHTS = ['original', 'exclusive', 'reprint', 'licensed-in'] as const;
const USES = ['reprint', 'excerpt', 'archive'] as const;

/** Licensees for rights managers: register, see agreements and keys, rotate, revoke, open usage. */
export async function licenseesView(root: HTMLElement, newKey?: string): Promise<void> {
  const [list, channels] = await Promise.all([api<Overview[]>('GET', '/licensees'), api<Array<{ slug: string; name: string }>>('GET', '/channels')]);
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const fail = (e: unknown) => message.replaceChildren(h('p', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
  const showKey = (key: string) => message.replaceChildren(h('p', { class: 'notice warn' }, t('apiKeyOnce'), ' ', h('code', { 'data-api-key': '' }, key)));
  const input = (id: string, label: UiKey, type = 'text') => {
    const el = h('input', { type, id, name: id });
    return { el, block: h('div', {}, h('label', { for: id }, t(label)), el) };
  };
  const boxes = (name: string, values: readonly string[], label: (v: string) => string, checked: string[] = []) =>
    values.map((v) => {
      const box = h('input', { type: 'checkbox', name, value: v, id: `${name}-${v}`, checked: checked.includes(v) });
      return { v, box, el: h('label', { for: `${name}-${v}`, style: 'display:inline-block;margin-right:10px' }, box, ` ${label(v)}`) };
    });
  const name = input('l-name', 'licenseeName');
  const contact = input('l-contact', 'licenseeContact');
  const cert = input('l-cert', 'certificateNo');
  const from = input('l-from', 'validFrom', 'date');
  const until = input('l-until', 'validUntil', 'date');
  const territory = input('l-territory', 'territory');
  const perDay = input('l-per-day', 'itemsPerDay', 'number');
  const attribution = input('l-attribution', 'attribution');
  attribution.el.value = '來源:黑土網';
  const ch = boxes('channels', channels.map((c) => c.slug), (slug) => channels.find((c) => c.slug === slug)!.name);
  const rights = boxes('rights', RIGHTS, (r) => t(`rights_${r}` as UiKey), ['original']);
  const uses = boxes('uses', USES, (u) => t(`use_${u}` as UiKey), ['reprint']);
  const picked = (xs: Array<{ v: string; box: HTMLInputElement }>) => xs.filter((x) => x.box.checked).map((x) => x.v);
  const form = h('form', { class: 'card' }, h('h2', {}, t('addLicensee')),
    h('div', { class: 'grid' }, name.block, contact.block, cert.block, attribution.block, from.block, until.block, territory.block, perDay.block),
    h('fieldset', {}, h('legend', {}, t('scopeChannels')), ...ch.map((x) => x.el)),
    h('fieldset', {}, h('legend', {}, t('scopeRights')), ...rights.map((x) => x.el)),
    h('fieldset', {}, h('legend', {}, t('scopeUses')), ...uses.map((x) => x.el)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('addLicensee'))));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await api<{ apiKey: string }>('POST', '/licensees', {
        name: name.el.value, contact: contact.el.value || null, certificateNo: cert.el.value || null,
        scope: {
          channels: picked(ch), rights: picked(rights), uses: picked(uses), attribution: attribution.el.value,
          validFrom: from.el.value ? new Date(from.el.value).toISOString() : null, validUntil: until.el.value ? new Date(until.el.value).toISOString() : null,
          territory: territory.el.value.split(/[,,\s]+/).filter(Boolean).map((x) => x.toUpperCase()), itemsPerDay: perDay.el.value ? Number(perDay.el.value) : null,
        },
      });
      // The page is drawn anew, so the key goes to the new page's message area.
      await licenseesView(root, r.apiKey);
    } catch (e) {
      fail(e);
    }
  });
  const rows = list.flatMap((l) =>
    l.agreements.map((a, i) =>
      h('tr', {},
        h('td', {}, i === 0 ? h('strong', {}, l.name) : '', i === 0 ? h('div', {}, h('small', {}, l.certificateNo)) : ''),
        h('td', { 'data-state': a.state }, `#${a.id} ${t(`state_${a.state}` as UiKey)}`),
        h('td', {}, `${a.scope.channels.join(', ') || '*'} / ${a.scope.rights.map((r) => t(`rights_${r}` as UiKey)).join('、')} / ${a.scope.uses.map((u) => t(`use_${u}` as UiKey)).join('、')}`),
        h('td', {}, a.scope.validUntil ? formatTime(a.scope.validUntil).slice(0, 10) : '—'),
        h('td', {}, ...a.keys.map((k) => h('div', {}, h('code', {}, `${k.prefix}…`), k.revokedAt ? ` (${t('state_revoked')})` : k.expiresAt ? ` → ${formatTime(k.expiresAt).slice(0, 10)}` : ''))),
        h('td', {},
          a.state === 'active' ? h('button', { type: 'button', onclick: async () => { try { showKey((await api<{ apiKey: string }>('POST', `/agreements/${a.id}/rotate-key`, {})).apiKey); } catch (e) { fail(e); } } }, t('rotateKey')) : '',
          i === 0 ? h('button', { type: 'button', class: 'danger', onclick: async () => { if (!confirm(`${t('revokeLicensee')}: ${l.name}?`)) return; try { await api('POST', `/licensees/${l.id}/revoke`, {}); await licenseesView(root); } catch (e) { fail(e); } } }, t('revokeLicensee')) : '',
          i === 0 ? h('a', { href: `#/licensees/${l.id}/usage` }, t('usage')) : ''),
      ),
    ),
  );
  if (newKey) showKey(newKey);
  root.replaceChildren(h('h1', {}, t('licensees')), message, form,
    h('table', { 'aria-label': t('licensees') }, h('thead', {}, h('tr', {}, h('th', {}, t('licenseeName')), h('th', {}, t('agreement')), h('th', {}, t('scopeRights')), h('th', {}, t('validUntil')), h('th', {}, t('keys')), h('th', {}, ''))), h('tbody', {}, ...rows)));
}

/** Content API use of one licensee: a table, a bar chart of requests per day, and CSV. */
export async function usageView(root: HTMLElement, id: number): Promise<void> {
  const rows = await api<Array<{ day: string; requests: number; items: number; refused: number }>>('GET', `/licensees/${id}/usage`);
  const max = Math.max(1, ...rows.map((r) => r.requests));
  const width = Math.max(300, rows.length * 24);
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} 160`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('usage'));
  svg.style.cssText = 'width:100%;max-width:800px;background:#fff;border:1px solid #e0d8ca';
  rows.forEach((r, i) => {
    const height = (r.requests / max) * 130;
    const bar = document.createElementNS(svgNs, 'rect');
    for (const [k, v] of Object.entries({ x: 10 + i * 24, y: 140 - height, width: 16, height, fill: '#8a2b1e' })) bar.setAttribute(k, String(v));
    const title = document.createElementNS(svgNs, 'title');
    title.textContent = `${r.day}: ${r.requests}`;
    bar.append(title);
    svg.append(bar);
  });
  root.replaceChildren(
    h('p', {}, h('a', { href: '#/licensees' }, `← ${t('licensees')}`)),
    h('h1', {}, t('usage')),
    svg,
    h('p', {}, h('a', { href: `/newsroom/api/licensees/${id}/usage?format=csv`, download: `usage-${id}.csv` }, t('downloadCsv'))),
    h('table', { 'aria-label': t('usage') }, h('thead', {}, h('tr', {}, h('th', {}, t('at')), h('th', {}, t('requests')), h('th', {}, t('items')), h('th', {}, t('refused')))),
      h('tbody', {}, ...rows.map((r) => h('tr', {}, h('td', {}, r.day), h('td', {}, String(r.requests)), h('td', {}, String(r.items)), h('td', {}, String(r.refused)))))),
  );
}
