import type { MediaItem } from '../../../domain/media.ts';
import { h, formatTime } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';
import { pictureOf } from './media-picture.ts';
import { user } from './session.ts';
import { guardLeaving } from './leave-guard.ts';
import type { UiKey } from '../ui-strings.ts';
import type { ArticleView } from '../../../services/newsroom-service.ts';

const PHOTO_RIGHTS = ['own', 'agency', 'reader', 'licensed-in'] as const;
export type MediaWithUse = MediaItem & { usedBy: number[] };

/** A link to an article, named by its headline once that is known (the number alone if it cannot be read). */
function articleLink(id: number): HTMLElement {
  const link = h('a', { href: `#/articles/${id}`, 'data-article': String(id) }, `#${id}`);
  void api<ArticleView>('GET', `/articles/${id}`).then((v) => link.append(` ${v.article.headline}`), () => undefined);
  return link;
}

const clamp = (v: number) => Math.min(100, Math.max(0, Math.round(v)));

/**
 * One picture: its description, rights and focal point, edited and saved together; the articles
 * that show it; and, for the rights desk, taking it down. Problems are said beside their field.
 */
export async function mediaDetail(id: number, onChanged: (item: MediaItem) => void, onClose: () => void): Promise<HTMLElement> {
  const item = await api<MediaWithUse>('GET', `/media/${id}`);
  const panel = h('section', { class: 'card media-detail', 'aria-labelledby': 'md-title', 'data-media': String(item.id) });
  render(panel, item, onChanged, onClose);
  return panel;
}

function render(panel: HTMLElement, item: MediaWithUse, onChanged: (item: MediaItem) => void, onClose: () => void): void {
  const errors = new Map<string, HTMLElement>();
  const errorFor = (key: string) => {
    const el = h('p', { class: 'field-error', id: `md-${key}-error`, role: 'alert' });
    errors.set(key, el);
    return el;
  };
  const block = (key: string, label: UiKey, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, hint?: HTMLElement) => {
    control.id = `md-${key}`;
    control.setAttribute('aria-describedby', `md-${key}-error${hint ? ` md-${key}-hint` : ''}`);
    return h('div', { class: 'field' }, h('label', { for: `md-${key}` }, t(label)), control, hint ?? null, errorFor(key));
  };
  const text = (name: string, value: string | null, maxlength: number) => h('input', { type: 'text', name, value: value ?? '', maxlength });
  const area = (name: string, value: string | null, maxlength: number) => {
    const el = h('textarea', { name, rows: 2, maxlength });
    el.value = value ?? '';
    return el;
  };
  const caption = area('caption', item.caption, 500);
  const credit = text('credit', item.credit, 100);
  const alt = area('alt', item.alt, 300);
  if (!item.alt) alt.setAttribute('aria-invalid', 'true');
  const rights = h('select', { name: 'rightsClass' }, ...PHOTO_RIGHTS.map((r) => h('option', { value: r, selected: item.rightsClass === r }, t(`mediaRights_${r}` as UiKey))));
  const holder = text('copyrightHolder', item.copyrightHolder, 200);
  const terms = area('usageTerms', item.usageTerms, 1000);
  const language = h('select', { name: 'language' },
    h('option', { value: 'zh-Hans', selected: item.language === 'zh-Hans' }, t('lang_hans')),
    h('option', { value: 'zh-Hant', selected: item.language === 'zh-Hant' }, t('lang_hant')));
  const takenDown = item.takenDownAt !== null;
  for (const c of [caption, credit, alt, rights, holder, terms, language]) c.disabled = takenDown;

  // The focal point: a click on the picture, or the arrow keys, moves the marker; saved with the rest.
  let fx = item.focalX;
  let fy = item.focalY;
  const marker = h('span', { class: 'focal-marker', 'aria-hidden': 'true' });
  const readout = h('output', { id: 'md-focal-value', for: 'md-focal' });
  const frame = h('div', { class: 'focal', id: 'md-focal', tabindex: takenDown ? -1 : 0, role: 'group', 'aria-label': t('mediaFocal'), 'aria-describedby': 'md-focal-hint md-focal-value', 'data-focal': '' },
    takenDown ? h('p', { class: 'taken-down' }, t('mediaTakenDown')) : pictureOf(item, 'full', '(max-width: 700px) 100vw, 640px'), marker);
  // Edits not saved yet: leaving the page (or opening another picture's address) asks first.
  let dirty = false;
  guardLeaving(() => panel.isConnected && dirty);
  const place = () => {
    marker.style.left = `${fx}%`;
    marker.style.top = `${fy}%`;
    readout.textContent = `${fx}%, ${fy}%`;
    frame.dataset['focal'] = `${fx},${fy}`;
  };
  place();
  if (!takenDown) {
    frame.addEventListener('click', (ev) => {
      const img = frame.querySelector('img');
      if (!img) return;
      const r = img.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return;
      fx = clamp(((ev.clientX - r.left) / r.width) * 100);
      fy = clamp(((ev.clientY - r.top) / r.height) * 100);
      dirty = true;
      place();
    });
    frame.addEventListener('keydown', (ev) => {
      const step = ev.shiftKey ? 10 : 2;
      const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      const m = moves[ev.key];
      if (!m) return;
      ev.preventDefault();
      fx = clamp(fx + m[0]);
      fy = clamp(fy + m[1]);
      dirty = true;
      place();
    });
  }

  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const showError = (e: unknown, fallbackKey: string) => {
    const key = e instanceof ApiError && e.property && errors.has(e.property) ? e.property : fallbackKey;
    const el = errors.get(key);
    const words = e instanceof ApiError ? e.message : String(e);
    if (el) el.textContent = words;
    else message.replaceChildren(h('p', { class: 'notice error' }, words));
  };
  const clearErrors = () => {
    errors.forEach((el) => (el.textContent = ''));
    message.replaceChildren();
  };

  const save = async (ev: SubmitEvent) => {
    ev.preventDefault();
    clearErrors();
    try {
      const saved = await api<MediaItem>('PUT', `/media/${item.id}`, {
        caption: caption.value, credit: credit.value, alt: alt.value, rightsClass: rights.value, copyrightHolder: holder.value,
        usageTerms: terms.value, language: language.value, focalX: fx, focalY: fy,
      });
      const next = { ...saved, usedBy: item.usedBy };
      render(panel, next, onChanged, onClose);
      panel.querySelector('[role=status]')?.replaceChildren(h('p', { class: 'notice ok' }, t('mediaSaved')));
      onChanged(saved);
    } catch (e) {
      showError(e, 'form');
    }
  };

  const u = user();
  const rightsDesk = !!u && (u.roles.includes('rights_manager') || u.roles.includes('admin'));
  let takeDown: HTMLElement | null = null;
  if (rightsDesk && !takenDown) {
    // Not `required`: the browser's own bubble would speak its language, not the UI's script.
    const reason = h('input', { type: 'text', name: 'reason', maxlength: 1000, 'aria-required': 'true' });
    const form = h('form', { class: 'take-down' },
      h('h3', {}, t('mediaTakeDown')),
      h('p', { class: 'hint', id: 'md-reason-hint' }, t('mediaTakeDownHint')),
      block('reason', 'mediaTakeDownReason', reason, undefined),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger', 'data-action': 'take-down' }, t('mediaTakeDown'))));
    reason.setAttribute('aria-describedby', 'md-reason-hint md-reason-error');
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearErrors();
      if (!reason.value.trim()) return showError(new ApiError(400, 'WORKFLOW_REASON_REQUIRED', t('err_WORKFLOW_REASON_REQUIRED'), {}), 'reason');
      try {
        const down = await api<MediaItem>('POST', `/media/${item.id}/take-down`, { reason: reason.value });
        render(panel, { ...down, usedBy: item.usedBy }, onChanged, onClose);
        onChanged(down);
      } catch (e) {
        showError(e, 'reason');
      }
    });
    takeDown = form;
  }

  const altHint = h('p', { class: 'hint', id: 'md-alt-hint' }, t('mediaAltRequired'));
  const editForm = h('form', { class: 'media-fields' },
    block('caption', 'mediaCaption', caption),
    block('credit', 'mediaCredit', credit),
    block('alt', 'mediaAlt', alt, altHint),
    block('rightsClass', 'mediaRights', rights),
    block('copyrightHolder', 'mediaCopyrightHolder', holder),
    block('usageTerms', 'mediaUsageTerms', terms),
    block('language', 'mediaLanguage', language),
    errorFor('form'),
    takenDown ? null : h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'save-media' }, t('mediaSave'))));
  editForm.addEventListener('submit', (ev) => void save(ev));
  editForm.addEventListener('input', () => (dirty = true));

  panel.replaceChildren(
    h('div', { class: 'media-detail-head' },
      h('h2', { id: 'md-title' }, item.caption || `#${item.id}`),
      h('button', { type: 'button', onclick: () => { if (!dirty || confirm(t('unsavedLeave'))) onClose(); }, 'data-action': 'close-media' }, t('mediaClose'))),
    message,
    h('p', { class: 'hint' },
      `${t('mediaSize')}:${item.width}×${item.height} ${item.format.toUpperCase()} · ${Math.round(item.bytes / 1024)} KB · ${t('mediaUploadedAt')}:${formatTime(item.createdAt)}`,
      takenDown ? h('strong', { class: 'taken-down' }, ` · ${t('mediaTakenDown')} ${formatTime(item.takenDownAt)}`) : null),
    h('div', { class: 'media-detail-body' },
      h('div', {},
        h('h3', {}, t('mediaFocal')), frame,
        h('p', { class: 'hint', id: 'md-focal-hint' }, t('mediaFocalHint'), ' ', readout),
        takenDown ? null : h('h3', {}, t('mediaCrops')),
        takenDown ? null : h('div', { class: 'crops' },
          h('figure', {}, pictureOf(item, 'lead', '200px'), h('figcaption', {}, '16:9')),
          h('figure', {}, pictureOf(item, '4x3', '150px'), h('figcaption', {}, '4:3')),
          h('figure', {}, pictureOf(item, '1x1', '112px'), h('figcaption', {}, '1:1')))),
      h('div', {}, editForm)),
    h('h3', {}, t('mediaUsedBy')),
    item.usedBy.length
      ? h('ul', { class: 'used-by' }, ...item.usedBy.map((a) => h('li', {}, articleLink(a))))
      : h('p', { class: 'hint' }, t('mediaUsedByNone')),
    takeDown ?? '',
  );
}
