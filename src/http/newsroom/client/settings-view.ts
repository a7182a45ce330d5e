import type { SiteSettings } from '../../../domain/site-settings.ts';
import type { EDITABLE_SETTINGS } from '../../../services/settings-service.ts';
import type { UiKey } from '../ui-strings.ts';
import { h } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';
import { guardLeaving } from './leave-guard.ts';

type Editable = (typeof EDITABLE_SETTINGS)[number];
type Editables = Pick<SiteSettings, Editable>;
type Group = 'settingsGroupSite' | 'settingsGroupRights' | 'settingsGroupReaders';

/** One setting's control: how it shows a saved value and reads back what the admin made of it. */
interface Control<V> {
  el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  group: Group;
  hint?: UiKey;
  /** Shown under the control and kept up to date as the admin types. */
  echo?: { el: HTMLElement; update(): void };
  show(value: V): void;
  read(): V;
}
type Controls = { [K in Editable]: Control<Editables[K]> };

const idOf = (k: Editable): string => `s-${k}`;

// The server trims what it stores; reading trimmed keeps a stray space from counting as a change.
function text(k: Editable, group: Group, attrs: Record<string, string | boolean> = {}, hint?: UiKey): Control<string> {
  const el = h('input', { type: 'text', id: idOf(k), name: k, ...attrs });
  return { el, group, hint, show: (v) => { el.value = v; }, read: () => el.value.trim() };
}

function area(k: Editable, group: Group, rows: number, maxlength: number): Control<string> {
  const el = h('textarea', { id: idOf(k), name: k, rows, maxlength });
  return { el, group, show: (v) => { el.value = v; }, read: () => el.value.trim() };
}

/** Every field an admin may change; the type asks for one control per editable setting. */
function controls(zones: HTMLDataListElement): Controls {
  const clauses = h('textarea', { id: idOf('copyrightClauses'), name: 'copyrightClauses', rows: 10 });
  const readClauses = () => clauses.value.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean);
  const clauseCount = h('p', { class: 'hint', 'data-clause-count': '' });
  const days = h('input', { type: 'number', id: idOf('claimWindowDays'), name: 'claimWindowDays', min: 1, max: 365, step: 1, inputmode: 'numeric' });
  const script = h('select', { id: idOf('defaultScript'), name: 'defaultScript' },
    h('option', { value: 'zh-Hans' }, t('lang_hans')), h('option', { value: 'zh-Hant' }, t('lang_hant')));
  const fullText = h('input', { type: 'checkbox', id: idOf('feedFullText'), name: 'feedFullText' });
  return {
    siteName: text('siteName', 'settingsGroupSite', { required: true, maxlength: '60' }),
    tagline: text('tagline', 'settingsGroupSite', { maxlength: '200' }),
    hotline: text('hotline', 'settingsGroupSite', { type: 'tel', maxlength: '60', autocomplete: 'off' }),
    email: text('email', 'settingsGroupSite', { type: 'email', required: true, autocomplete: 'off' }),
    operator: text('operator', 'settingsGroupRights', { required: true, maxlength: '200' }),
    marketingAgent: text('marketingAgent', 'settingsGroupRights', { maxlength: '200' }),
    creditLine: text('creditLine', 'settingsGroupRights', { maxlength: '100' }, 'settingHint_creditLine'),
    statementTitle: text('statementTitle', 'settingsGroupRights', { required: true, maxlength: '200' }),
    copyrightClauses: {
      el: clauses, group: 'settingsGroupRights', hint: 'settingHint_copyrightClauses',
      // Clauses run to several lines in a narrow box, so a blank line, not a line break, is what parts them.
      show: (v) => { clauses.value = v.join('\n\n'); },
      read: readClauses,
      echo: { el: clauseCount, update: () => { clauseCount.textContent = t('settingsClauseCount').replace('{n}', String(readClauses().length)); } },
    },
    reprintDisclaimer: area('reprintDisclaimer', 'settingsGroupRights', 3, 500),
    claimWindowDays: {
      el: days, group: 'settingsGroupRights', hint: 'settingHint_claimWindowDays',
      show: (v) => { days.value = String(v); },
      // Left empty it is sent as nothing valid, so the server's refusal shows next to the field.
      read: () => (days.value.trim() === '' ? Number.NaN : Number(days.value)),
    },
    defaultScript: { el: script, group: 'settingsGroupReaders', hint: 'settingHint_defaultScript', show: (v) => { script.value = v; }, read: () => script.value as SiteSettings['defaultScript'] },
    // A free input with suggestions rather than a select: the server decides what is a zone.
    timeZone: text('timeZone', 'settingsGroupReaders', { list: zones.id, autocomplete: 'off', spellcheck: 'false' }, 'settingHint_timeZone'),
    feedFullText: { el: fullText, group: 'settingsGroupReaders', show: (v) => { fullText.checked = v; }, read: () => fullText.checked },
  };
}

/** Which settings the server refused, from a 400 naming each property (`copyrightClauses.2` is the statement's). */
function refusedFields(e: unknown, known: readonly Editable[]): Editable[] {
  if (!(e instanceof ApiError) || e.code !== 'VALIDATION_FAILED') return [];
  const problems = (e.body['errors'] as Array<{ property?: string }> | undefined) ?? [];
  return known.filter((k) => problems.some((p) => p.property?.split('.')[0] === k));
}

/** The site's settings for admins: every editable field, a live reader header, saves of what changed only. */
export async function settingsView(root: HTMLElement): Promise<void> {
  let saved = await api<SiteSettings>('GET', '/settings');
  const zones = h('datalist', { id: 's-zones' }, ...Intl.supportedValuesOf('timeZone').map((z) => h('option', { value: z })));
  const c = controls(zones);
  const fields = Object.keys(c) as Editable[];
  const errors = new Map(fields.map((k) => [k, h('p', { id: `${idOf(k)}-error`, class: 'field-error' })]));
  const show = <K extends Editable>(k: K, s: Editables) => c[k].show(s[k]);
  const read = <K extends Editable>(k: K, patch: Partial<Editables>) => {
    const v = c[k].read();
    if (JSON.stringify(v) !== JSON.stringify(saved[k])) patch[k] = v;
  };
  const changes = (): Partial<Editables> => {
    const patch: Partial<Editables> = {};
    for (const k of fields) read(k, patch);
    return patch;
  };

  const block = (k: Editable): HTMLElement => {
    const { el, hint, echo } = c[k];
    const hintId = hint ? `${idOf(k)}-hint` : null;
    el.setAttribute('aria-describedby', [hintId, `${idOf(k)}-error`].filter(Boolean).join(' '));
    // A checkbox sits inside its label, to its left; every other control goes on its own line below it.
    const labelled = el instanceof HTMLInputElement && el.type === 'checkbox'
      ? [h('label', { for: idOf(k) }, el, ' ', t(`setting_${k}`))]
      : [h('label', { for: idOf(k) }, t(`setting_${k}`)), el];
    return h('div', { class: 'field', 'data-field': k }, ...labelled, echo?.el, hint && hintId ? h('p', { id: hintId, class: 'hint' }, t(hint)) : null, errors.get(k));
  };
  const showErrors = (refused: readonly Editable[]) => {
    for (const k of fields) {
      const bad = refused.includes(k);
      errors.get(k)!.textContent = bad ? t(`settingInvalid_${k}`) : '';
      c[k].el.toggleAttribute('aria-invalid', bad);
    }
  };

  const preview = {
    siteName: h('strong', { class: 'brand', 'data-preview': 'siteName' }),
    tagline: h('span', { class: 'tagline', 'data-preview': 'tagline' }),
    hotline: h('span', { 'data-preview': 'hotline' }),
    email: h('span', { 'data-preview': 'email' }),
  };
  const unsaved = h('span', { class: 'hint', 'data-unsaved': '' });
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const say = (kind: 'ok' | 'error' | 'warn', words: string) => message.replaceChildren(h('p', { class: `notice ${kind}` }, words));
  // Text only: what the admin types is never read as markup.
  const refresh = () => {
    const hotline = c.hotline.read();
    preview.siteName.textContent = c.siteName.read();
    preview.tagline.textContent = c.tagline.read();
    preview.hotline.textContent = hotline ? `${t('previewHotline')}:${hotline}` : '';
    preview.email.textContent = `${t('previewEmail')}:${c.email.read()}`;
    for (const k of fields) c[k].echo?.update();
    unsaved.textContent = Object.keys(changes()).length > 0 ? t('settingsUnsaved') : '';
  };

  const save = h('button', { type: 'submit', class: 'primary', 'data-action': 'save-settings' }, t('settingsSave'));
  const groups: Group[] = ['settingsGroupSite', 'settingsGroupRights', 'settingsGroupReaders'];
  // Checked by the server, which answers in the UI's words next to each field.
  const form = h('form', { class: 'settings', novalidate: true, 'data-view': 'settings' },
    ...groups.map((g) => h('fieldset', {}, h('legend', {}, t(g)), ...fields.filter((k) => c[k].group === g).map(block))),
    zones,
    h('div', { class: 'actions' }, save, unsaved),
  );
  form.addEventListener('input', (ev) => {
    const k = (ev.target as Element).getAttribute('name') as Editable | null;
    // An edited field is no longer what the server refused; the other refusals stay until the next save.
    if (k && errors.has(k)) showErrors(fields.filter((f) => f !== k && errors.get(f)!.textContent));
    refresh();
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const patch = changes();
    const names = Object.keys(patch) as Editable[];
    showErrors([]);
    if (names.length === 0) return say('warn', t('settingsNoChange'));
    save.disabled = true;
    try {
      saved = await api<SiteSettings>('PUT', '/settings', patch);
      for (const k of fields) show(k, saved);
      say('ok', `${t('settingsSaved')}${names.map((k) => t(`setting_${k}`)).join('、')}`);
    } catch (e) {
      const refused = refusedFields(e, fields);
      if (refused.length === 0) return say('error', e instanceof ApiError ? e.message : String(e));
      showErrors(refused);
      say('error', t('settingsNotSaved'));
      c[refused[0]!].el.focus();
    } finally {
      save.disabled = false;
      refresh();
    }
  });

  for (const k of fields) show(k, saved);
  refresh();
  guardLeaving(() => form.isConnected && Object.keys(changes()).length > 0);
  root.replaceChildren(
    h('h1', {}, t('settings')),
    h('p', {}, t('settingsIntro')),
    h('p', { class: 'hint' }, t('settingsWrittenIn'), saved.language === 'zh-Hant' ? t('lang_hant') : t('lang_hans')),
    h('section', { class: 'card reader-preview', 'aria-label': t('settingsPreview') },
      h('p', { class: 'hint' }, t('settingsPreview')),
      h('div', { class: 'masthead' }, h('div', {}, preview.siteName, ' ', preview.tagline), h('div', { class: 'contact' }, preview.hotline, ' ', preview.email))),
    message,
    form,
  );
}
