import type { MediaItem } from '../../../domain/media.ts';
import { h, formatTime } from './dom.ts';
import { t } from './boot.ts';
import { api, apiWithStatus, ApiError } from './api.ts';
import { pictureOf } from './media-picture.ts';
import { user } from './session.ts';
import { guardLeaving } from './leave-guard.ts';
import type { UiKey } from '../ui-strings.ts';
import type { ArticleView } from '../../../services/newsroom-service.ts';
import { hasRole, REVIEWER_ROLES, RIGHTS_DESK_ROLES } from '../../../domain/roles.ts';

// Copies of the domain's lists: importing src/domain/media.ts would bundle zod.
const PHOTO_RIGHTS = ['own', 'agency', 'reader', 'licensed-in'] as const;
const DESCRIPTIVE_FIELDS = ['caption', 'credit', 'alt', 'language', 'focalX', 'focalY'] as const;
const PHOTO_RIGHTS_FIELDS = ['rightsClass', 'copyrightHolder', 'usageTerms'] as const;
type EditableField = (typeof DESCRIPTIVE_FIELDS)[number] | (typeof PHOTO_RIGHTS_FIELDS)[number];
type Patch = Partial<Pick<MediaItem, EditableField>>;

/** As `GET /media/:id` answers: `live` when published or scheduled articles show it (its description then changes only with approval). */
export type MediaWithUse = MediaItem & { usedBy: number[]; live: boolean };

function withPatch(item: MediaItem, patch: Patch): MediaItem {
  const out: MediaItem = { ...item };
  for (const key of [...DESCRIPTIVE_FIELDS, ...PHOTO_RIGHTS_FIELDS]) {
    if (patch[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = patch[key];
  }
  return out;
}

/** One line per field that differs, as readers would see it: the focal point is one line, not two. */
function fieldChanges(before: MediaItem, after: MediaItem): Array<{ label: string; from: string; to: string }> {
  const shown = (v: string | null) => (v === null || v === '' ? t('mediaEmpty') : v);
  const out: Array<{ label: string; from: string; to: string }> = [];
  const textual: Array<[EditableField & keyof MediaItem, UiKey, (v: MediaItem) => string]> = [
    ['caption', 'mediaCaption', (v) => shown(v.caption)],
    ['credit', 'mediaCredit', (v) => shown(v.credit)],
    ['alt', 'mediaAlt', (v) => shown(v.alt)],
    ['language', 'mediaLanguage', (v) => t(v.language === 'zh-Hant' ? 'lang_hant' : 'lang_hans')],
    ['rightsClass', 'mediaRights', (v) => t(`mediaRights_${v.rightsClass}` as UiKey)],
    ['copyrightHolder', 'mediaCopyrightHolder', (v) => shown(v.copyrightHolder)],
    ['usageTerms', 'mediaUsageTerms', (v) => shown(v.usageTerms)],
  ];
  for (const [key, label, show] of textual) if (before[key] !== after[key]) out.push({ label: t(label), from: show(before), to: show(after) });
  if (before.focalX !== after.focalX || before.focalY !== after.focalY) {
    out.push({ label: t('mediaFocal'), from: `${before.focalX}%, ${before.focalY}%`, to: `${after.focalX}%, ${after.focalY}%` });
  }
  return out;
}

function changeTable(rows: Array<{ label: string; from: string; to: string }>, fromHead: UiKey, toHead: UiKey): HTMLElement {
  return h('table', { class: 'media-changes' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('mediaChangeField')), h('th', { scope: 'col' }, t(fromHead)), h('th', { scope: 'col' }, t(toHead)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', { 'data-from': '' }, h('del', {}, r.from)), h('td', { 'data-to': '' }, h('ins', {}, r.to))))));
}

/**
 * The UI's words for what the media API refuses, where the generic ones speak of articles. A
 * conflict over the waiting change means another's change blocks a save, or, on approving or
 * discarding, that the change was dealt with or the picture moved on meanwhile.
 */
function wordsFor(e: unknown, doing: 'save' | 'review'): string {
  if (!(e instanceof ApiError)) return String(e);
  if (e.code === 'WORKFLOW_CONFLICT' && e.property === 'pending') return t(doing === 'save' ? 'mediaPendingConflict' : 'mediaPendingGone');
  if (e.code === 'WORKFLOW_OWN_WORK') return t('mediaOwnChange');
  if (e.code === 'MEDIA_NOT_PUBLISHABLE' && e.property === 'alt') return t('mediaAltKeep');
  return e.message;
}

/** A link to an article, named by its headline once that is known (the number alone if it cannot be read). */
function articleLink(id: number): HTMLElement {
  const link = h('a', { href: `#/articles/${id}`, 'data-article': String(id) }, `#${id}`);
  void api<ArticleView>('GET', `/articles/${id}`).then((v) => link.append(` ${v.article.headline}`), () => undefined);
  return link;
}

const clamp = (v: number) => Math.min(100, Math.max(0, Math.round(v)));

/**
 * One picture: its description, rights and focal point, edited and saved together; the articles
 * that show it; a change waiting for approval; and, for the rights desk, taking it down. Problems
 * are said beside their field.
 */
export async function mediaDetail(id: number, onChanged: (item: MediaItem) => void, onClose: () => void): Promise<HTMLElement> {
  const item = await api<MediaWithUse>('GET', `/media/${id}`);
  const panel = h('section', { class: 'card media-detail', 'aria-labelledby': 'md-title', 'data-media': String(item.id) });
  render(panel, item, onChanged, onClose);
  return panel;
}

function render(panel: HTMLElement, item: MediaWithUse, onChanged: (item: MediaItem) => void, onClose: () => void, notice?: HTMLElement): void {
  const u = user();
  const rightsDesk = !!u && hasRole(u, ...RIGHTS_DESK_ROLES);
  const reviewer = !!u && hasRole(u, ...REVIEWER_ROLES);
  const pending = item.pending;
  const mine = !!pending && !!u && pending.authorId === u.id;
  // The author of a waiting change goes on from it: saving again replaces it, so the form starts from what was proposed.
  const start = mine && pending ? withPatch(item, pending.patch) : item;
  const rerender = (next: MediaItem, note?: HTMLElement) => render(panel, { ...next, usedBy: item.usedBy, live: item.live }, onChanged, onClose, note);
  const reload = async (note?: HTMLElement) => {
    try {
      render(panel, await api<MediaWithUse>('GET', `/media/${item.id}`), onChanged, onClose, note);
    } catch (e) {
      message.replaceChildren(h('p', { class: 'notice error' }, wordsFor(e, 'review')));
    }
  };

  const errors = new Map<string, HTMLElement>();
  const errorFor = (key: string) => {
    const el = h('p', { class: 'field-error', id: `md-${key}-error`, role: 'alert' });
    errors.set(key, el);
    return el;
  };
  const block = (key: string, label: UiKey, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, hint?: HTMLElement) => {
    control.id = `md-${key}`;
    control.setAttribute('aria-describedby', `md-${key}-error${hint ? ` ${hint.id}` : ''}`);
    return h('div', { class: 'field' }, h('label', { for: `md-${key}` }, t(label)), control, hint ?? null, errorFor(key));
  };
  const text = (name: string, value: string | null, maxlength: number) => h('input', { type: 'text', name, value: value ?? '', maxlength });
  const area = (name: string, value: string | null, maxlength: number) => {
    const el = h('textarea', { name, rows: 2, maxlength });
    el.value = value ?? '';
    return el;
  };
  const caption = area('caption', start.caption, 500);
  const credit = text('credit', start.credit, 100);
  const alt = area('alt', start.alt, 300);
  if (!start.alt) alt.setAttribute('aria-invalid', 'true');
  const rights = h('select', { name: 'rightsClass' }, ...PHOTO_RIGHTS.map((r) => h('option', { value: r, selected: start.rightsClass === r }, t(`mediaRights_${r}` as UiKey))));
  const holder = text('copyrightHolder', start.copyrightHolder, 200);
  const terms = area('usageTerms', start.usageTerms, 1000);
  const language = h('select', { name: 'language' },
    h('option', { value: 'zh-Hans', selected: start.language === 'zh-Hans' }, t('lang_hans')),
    h('option', { value: 'zh-Hant', selected: start.language === 'zh-Hant' }, t('lang_hant')));
  const takenDown = item.takenDownAt !== null;
  for (const c of [caption, credit, alt, rights, holder, terms, language]) c.disabled = takenDown;
  // Rights are the rights desk's: others see them, and the server would refuse a change anyway.
  const rightsHint = rightsDesk ? undefined : h('p', { class: 'hint', id: 'md-rights-hint' }, t('mediaRightsDeskOnly'));
  if (!rightsDesk) {
    holder.readOnly = true;
    terms.readOnly = true;
    // A select has no read-only state; disabled is the nearest, and its value is never sent.
    rights.disabled = true;
  }

  // The focal point: a click on the picture, or the arrow keys, moves the marker; saved with the rest.
  let fx = start.focalX;
  let fy = start.focalY;
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

  const message = h('div', { role: 'status', 'aria-live': 'polite' }, notice ?? null);
  const showError = (e: unknown, fallbackKey: string, doing: 'save' | 'review' = 'save') => {
    // A save refused over the waiting change is said under the save button, where the person is looking.
    const named = e instanceof ApiError && e.property && !(doing === 'save' && e.property === 'pending') ? e.property : undefined;
    const key = named && errors.has(named) ? named : fallbackKey;
    const el = errors.get(key);
    const words = wordsFor(e, doing);
    if (el) el.textContent = words;
    else message.replaceChildren(h('p', { class: 'notice error' }, words));
  };
  const clearErrors = () => {
    errors.forEach((el) => (el.textContent = ''));
    message.replaceChildren();
  };

  /** What the form says now, as the server would store it (trimmed; empty is none). */
  const formValues = (): Patch => {
    const norm = (v: string) => v.trim() || null;
    const values: Patch = { caption: norm(caption.value), credit: norm(credit.value), alt: norm(alt.value), language: language.value as MediaItem['language'], focalX: fx, focalY: fy };
    if (rightsDesk) Object.assign(values, { rightsClass: rights.value as MediaItem['rightsClass'], copyrightHolder: norm(holder.value), usageTerms: norm(terms.value) });
    return values;
  };

  const save = async (ev: SubmitEvent) => {
    ev.preventDefault();
    clearErrors();
    // Only what differs from the picture as loaded: a colleague's change of another field since then is kept.
    const values = formValues();
    const changes = Object.fromEntries(Object.entries(values).filter(([k, v]) => v !== item[k as EditableField])) as Patch;
    if (Object.keys(changes).length === 0) {
      message.replaceChildren(h('p', { class: 'notice' }, t('mediaNoChange')));
      return;
    }
    try {
      const { status, body: saved } = await apiWithStatus<MediaItem>('PUT', `/media/${item.id}`, { baseRevision: item.revision, ...changes });
      const waiting = status === 202;
      rerender(saved, waiting
        ? h('p', { class: 'notice warn', 'data-pending-saved': '' }, t('mediaPendingSaved'))
        : h('p', { class: 'notice ok' }, t('mediaSaved')));
      onChanged(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'MEDIA_STALE_REVISION') {
        const current = e.body['current'] as MediaItem | undefined;
        const theirs = current ? fieldChanges(item, current) : [];
        message.replaceChildren(h('div', { class: 'notice warn', 'data-stale': '' },
          h('strong', {}, e.message), h('p', {}, t('mediaStaleText')),
          theirs.length ? changeTable(theirs, 'mediaChangeBefore', 'mediaChangeTheirs') : null,
          h('button', { type: 'button', 'data-action': 'reload-media', onclick: () => { if (!dirty || confirm(t('unsavedLeave'))) void reload(); } }, t('reload'))));
        return;
      }
      showError(e, 'form');
    }
  };

  let pendingBlock: HTMLElement | null = null;
  if (pending && !takenDown) {
    const rows = fieldChanges(item, withPatch(item, pending.patch));
    const act = (path: 'approve-change' | 'discard-change', done: UiKey) => async () => {
      clearErrors();
      try {
        const next = await api<MediaItem>('POST', `/media/${item.id}/${path}`);
        rerender(next, h('p', { class: 'notice ok' }, t(done)));
        onChanged(next);
      } catch (e) {
        // Someone dealt with it, or changed the picture, meanwhile: what is on screen is out of date.
        if (e instanceof ApiError && e.code === 'WORKFLOW_CONFLICT') void reload(h('p', { class: 'notice error', role: 'alert' }, wordsFor(e, 'review')));
        else showError(e, 'pending', 'review');
      }
    };
    pendingBlock = h('section', { class: 'media-pending notice warn', 'aria-labelledby': 'md-pending-title', 'data-pending': pending.authorLogin },
      h('h3', { id: 'md-pending-title' }, t('mediaPendingTitle')),
      h('p', {}, `${t('mediaPendingBy')}:${pending.authorLogin} · ${t('at')}:${formatTime(pending.createdAt)}`),
      h('p', {}, t('mediaPendingReaders')),
      changeTable(rows, 'mediaChangeBefore', 'mediaChangeProposed'),
      mine ? h('p', { class: 'hint' }, t('mediaPendingMine')) : null,
      errorFor('pending'),
      h('div', { class: 'actions' },
        reviewer && !mine ? h('button', { type: 'button', class: 'primary', 'data-action': 'approve-media-change', onclick: act('approve-change', 'mediaChangeApproved') }, t('mediaApproveChange')) : null,
        mine || reviewer ? h('button', { type: 'button', 'data-action': 'discard-media-change', onclick: act('discard-change', 'mediaChangeDiscarded') }, t('mediaDiscardChange')) : null));
  }

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
        rerender(down);
        onChanged(down);
      } catch (e) {
        showError(e, 'reason');
      }
    });
    takeDown = form;
  }

  const altHint = h('p', { class: 'hint', id: 'md-alt-hint' }, t('mediaAltRequired'));
  const editForm = h('form', { class: 'media-fields' },
    item.live && !takenDown ? h('p', { class: 'notice warn', id: 'md-live', 'data-live': '' }, t('mediaLiveNotice')) : null,
    block('caption', 'mediaCaption', caption),
    block('credit', 'mediaCredit', credit),
    block('alt', 'mediaAlt', alt, altHint),
    block('language', 'mediaLanguage', language),
    block('rightsClass', 'mediaRights', rights, rightsHint),
    block('copyrightHolder', 'mediaCopyrightHolder', holder),
    block('usageTerms', 'mediaUsageTerms', terms),
    errorFor('form'),
    takenDown ? null : h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'save-media' }, t('mediaSave'))));
  if (rightsHint) {
    for (const c of [holder, terms]) c.setAttribute('aria-describedby', `${c.getAttribute('aria-describedby')} md-rights-hint`);
  }
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
    pendingBlock ?? '',
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
