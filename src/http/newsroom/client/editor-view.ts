import type { Article } from '../../../domain/article.ts';
import type { Channel } from '../../../domain/channel.ts';
import type { ArticleView } from '../../../services/newsroom-service.ts';
import type { FieldDiff } from '../../../services/article-diff.ts';
import { h, formatTime } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';
import { createRichEditor } from './rich-editor.ts';
import type { UiKey } from '../ui-strings.ts';
import type { MediaItem } from '../../../domain/media.ts';
import { pickPicture } from './media-picker.ts';
import { bodyImageUrl, pictureOf } from './media-picture.ts';

const RIGHTS = ['original', 'exclusive', 'reprint', 'licensed-in'] as const;

export function renderDiff(diffs: FieldDiff[]): HTMLElement {
  return h(
    'dl',
    { class: 'diff' },
    ...diffs.flatMap((d) => [
      h('dt', {}, d.field),
      h('dd', {}, ...d.parts.map((p) => (p.added ? h('ins', {}, p.value) : p.removed ? h('del', {}, p.value) : p.value))),
    ]),
  );
}

/** The article editor: fields, rich text, preview in both scripts, and the workflow buttons this person may use. */
export async function editorView(root: HTMLElement, id: number | null, go: (hash: string) => void): Promise<void> {
  const channels = await api<Channel[]>('GET', '/channels');
  let view: ArticleView | null = id ? await api<ArticleView>('GET', `/articles/${id}`) : null;
  // A waiting correction is what the approver approves and its author may still change, so the fields show it.
  let a: Partial<Article> = view ? { ...view.article, ...(view.correction?.article ?? {}) } : { language: 'zh-Hans', rightsClass: 'original', channels: [], tags: [], bodyHtml: '' };
  const messages = h('div', { role: 'status', 'aria-live': 'polite' });
  const say = (kind: 'ok' | 'error' | 'warn', ...content: Array<Node | string>) => messages.replaceChildren(h('div', { class: `notice ${kind}` }, ...content));

  const field = (key: string, label: UiKey, value: string | null | undefined, attrs: Record<string, string> = {}) => {
    const input = h('input', { type: 'text', id: `f-${key}`, name: key, value: value ?? '', ...attrs });
    return { input, block: h('div', {}, h('label', { for: `f-${key}` }, t(label)), input) };
  };
  const headline = field('headline', 'headline', a.headline, { class: 'headline', required: 'true', maxlength: '200' });
  const original = field('originalHeadline', 'originalHeadline', a.originalHeadline);
  const summary = field('summary', 'summary', a.summary);
  const byline = field('byline', 'byline', a.byline);
  const source = field('sourceName', 'source', a.sourceName);
  const editorName = field('editorName', 'editor', a.editorName);
  const responsibleName = field('responsibleEditorName', 'responsibleEditor', a.responsibleEditorName);
  const tags = field('tags', 'tags', (a.tags ?? []).join(', '));
  const dlPlace = field('datelinePlace', 'datelinePlace', a.dateline?.place);
  const dlSource = field('datelineSource', 'datelineSource', a.dateline?.source);
  const language = h('select', { id: 'f-language', name: 'language' },
    h('option', { value: 'zh-Hans', selected: a.language === 'zh-Hans' }, t('lang_hans')),
    h('option', { value: 'zh-Hant', selected: a.language === 'zh-Hant' }, t('lang_hant')));
  const rights = h('select', { id: 'f-rights', name: 'rightsClass' }, ...RIGHTS.map((r) => h('option', { value: r, selected: a.rightsClass === r }, t(`rights_${r}` as UiKey))));
  const channelBoxes = channels.map((c) => {
    const box = h('input', { type: 'checkbox', name: 'channels', value: c.slug, id: `ch-${c.slug}`, checked: (a.channels ?? []).includes(c.slug) });
    return { slug: c.slug, box, el: h('label', { for: `ch-${c.slug}`, style: 'display:inline-block;margin:2px 10px 2px 0' }, box, ` ${c.name}`, h('small', {}, ` (${c.reviewLevels})`)) };
  });
  const body = createRichEditor(a.bodyHtml ?? '', t('body'), async () => {
    const item = await pickPicture();
    return item ? { mediaId: item.id, src: bodyImageUrl(item), alt: item.alt ?? '' } : null;
  });

  // 题图: the id is what is saved; the item is only for showing it, and may fail to load without losing the id.
  let leadId: number | null = a.leadImageId ?? null;
  let lead: MediaItem | null = leadId ? await api<MediaItem>('GET', `/media/${leadId}`).catch(() => null) : null;
  let leadEditable = true;
  const leadBox = h('div', { class: 'lead-picture', id: 'f-lead-image', 'data-lead-image': '' });
  const leadError = h('p', { class: 'field-error', id: 'f-lead-image-error', role: 'alert' });
  const renderLead = () => {
    leadBox.dataset['leadImage'] = leadId ? String(leadId) : '';
    const choose = h('button', { type: 'button', 'data-action': 'choose-lead', disabled: !leadEditable, onclick: async () => {
      const item = await pickPicture();
      if (!item) return;
      leadId = item.id;
      lead = item;
      leadError.textContent = '';
      renderLead();
    } }, t('leadImageChoose'));
    const remove = h('button', { type: 'button', class: 'danger', 'data-action': 'remove-lead', disabled: !leadEditable, onclick: () => {
      leadId = null;
      lead = null;
      renderLead();
    } }, t('leadImageRemove'));
    if (!leadId) {
      leadBox.replaceChildren(h('p', { class: 'hint' }, t('leadImageNone')), h('div', { class: 'actions' }, choose));
      return;
    }
    leadBox.replaceChildren(
      lead && !lead.takenDownAt
        ? h('figure', {}, pictureOf(lead, 'lead', '(max-width: 600px) 100vw, 480px'),
            h('figcaption', {}, lead.caption ?? '', lead.credit ? h('span', { class: 'credit' }, ` ${lead.credit}`) : null))
        : h('p', { class: 'notice warn' }, `#${leadId} ${lead?.takenDownAt ? t('mediaTakenDown') : ''}`),
      lead?.alt
        ? h('p', { class: 'hint' }, `${t('mediaAlt')}:${lead.alt}`)
        : h('p', { class: 'notice warn', 'data-alt-missing': '' }, `${t('mediaAltMissing')}:${t('mediaAltRequired')}`),
      h('div', { class: 'actions' }, choose, remove, h('a', { class: 'button', href: `#/media/${leadId}` }, t('mediaEdit'))),
    );
  };
  renderLead();
  const locked = h('textarea', { id: 'f-locked-terms', name: 'lockedTerms', rows: 3 });
  locked.value = (a.lockedTerms ?? []).map((x) => `${x.hans}=${x.hant}${x.hk ? `=${x.hk}` : ''}`).join('\n');
  const lockedTerms = () =>
    locked.value.split('\n').map((line) => line.split('=').map((x) => x.trim())).filter((p) => p[0] && p[1]).map(([hans, hant, hk]) => ({ hans, hant, hk: hk || null }));

  // A lead kept as written (from an import) says its own place and source: once the editor changes
  // either, the page prints the lead from the fields instead.
  const datelineOf = () => {
    const place = dlPlace.input.value || null;
    const source = dlSource.input.value || null;
    const same = place === (a.dateline?.place ?? null) && source === (a.dateline?.source ?? null);
    return { place, source, date: a.dateline?.date ?? null, kind: a.dateline?.kind ?? null, text: same ? (a.dateline?.text ?? null) : null };
  };
  const draft = () => ({
    language: language.value,
    headline: headline.input.value,
    originalHeadline: original.input.value || null,
    summary: summary.input.value || null,
    dateline: datelineOf(),
    bodyHtml: body.getHtml(),
    byline: byline.input.value || null,
    sourceName: source.input.value || null,
    rightsClass: rights.value,
    editorName: editorName.input.value || null,
    responsibleEditorName: responsibleName.input.value || null,
    // Keep the existing order for channels already chosen, so the primary channel stays first.
    channels: [...(a.channels ?? []).filter((s) => channelBoxes.find((c) => c.slug === s)?.box.checked), ...channelBoxes.filter((c) => c.box.checked && !(a.channels ?? []).includes(c.slug)).map((c) => c.slug)],
    tags: tags.input.value.split(/[,,、]/).map((x) => x.trim()).filter(Boolean),
    lockedTerms: lockedTerms(),
    leadImageId: leadId,
  });

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'ARTICLE_STALE_REVISION') {
      const theirs = (e.body['theirChanges'] as FieldDiff[] | undefined) ?? [];
      say('warn', h('strong', {}, t('staleTitle')), h('p', {}, t('staleText')), h('h3', {}, t('theirChanges')), renderDiff(theirs),
        h('button', { type: 'button', onclick: () => void editorView(root, id, go) }, t('reload')));
      return;
    }
    say('error', e instanceof ApiError ? e.message : String(e));
    if (e instanceof ApiError && e.property === 'leadImageId') leadError.textContent = e.message;
  };

  const save = async (): Promise<boolean> => {
    try {
      if (!view) {
        const created = await api<Article>('POST', '/articles', draft());
        go(`#/articles/${created.id}`);
        return true;
      }
      const before = view.article.status;
      const saved = await api<Article>('PUT', `/articles/${view.article.id}`, { ...draft(), baseRevision: view.article.revision });
      view = await api<ArticleView>('GET', `/articles/${saved.id}`);
      a = view.article;
      if (saved.status !== before && saved.status === 'submitted') say('warn', `${t('saved')} · ${t('revision')} ${saved.revision}`, h('p', {}, t('reviewRestarted')));
      else say('ok', `${t('saved')} · ${t('revision')} ${saved.revision}`);
      renderSide();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };

  const act = (path: string, needsReason = false, body: Record<string, unknown> = {}) => async () => {
    if (!view) return;
    let payload = body;
    if (needsReason) {
      const reason = prompt(t('reasonPrompt'));
      if (!reason?.trim()) return;
      payload = { ...body, reason };
    }
    // Names what was on screen, so the step is refused if someone changed the article or its correction meanwhile.
    const seen = `?revision=${view.article.revision}${view.correction ? `&correction=${view.correction.id}` : ''}`;
    try {
      await api('POST', `/articles/${view.article.id}/${path}${seen}`, payload);
      await editorView(root, view.article.id, go);
    } catch (e) {
      fail(e);
    }
  };

  const preview = h('div', {});
  const showPreview = async () => {
    try {
      const pages = await api<Record<'zh-hans' | 'zh-hant', string>>('POST', '/preview', draft());
      const frame = (variant: 'zh-hans' | 'zh-hant') => h('iframe', { class: 'preview', title: t(variant === 'zh-hans' ? 'previewHans' : 'previewHant'), sandbox: '', srcdoc: pages[variant] });
      preview.replaceChildren(h('h2', {}, t('previewHans')), frame('zh-hans'), h('h2', {}, t('previewHant')), frame('zh-hant'));
    } catch (e) {
      fail(e);
    }
  };

  const side = h('aside', {});
  const scheduleAt = h('input', { type: 'datetime-local', id: 'f-publish-at', name: 'publishAt' });
  function renderSide() {
    const v = view;
    const editable = !v || v.can.edit || v.can.correct;
    for (const el of [headline, original, summary, byline, source, editorName, responsibleName, tags, dlPlace, dlSource]) el.input.disabled = !editable;
    language.disabled = rights.disabled = locked.disabled = !editable;
    channelBoxes.forEach((c) => (c.box.disabled = !editable));
    body.setEditable(editable);
    leadEditable = editable;
    renderLead();
    const buttons: HTMLElement[] = [];
    const btn = (label: UiKey, onclick: () => void, cls = '', testid: string = label) => buttons.push(h('button', { type: 'button', class: cls, onclick, 'data-action': testid }, t(label)));
    if (!v || v.can.edit) btn('save', () => void save(), 'primary');
    if (v?.can.submit) btn('submit', async () => { if (await save()) await act('submit')(); }, 'primary');
    if (v?.can.approve) btn(v.correction ? 'approveCorrection' : 'approve', act('approve'), 'primary', 'approve');
    if (v?.can.return) btn(v.correction ? 'returnCorrection' : 'returnToAuthor', act('return', true), '', 'return');
    if (v?.can.publish) btn('publish', act('publish'), 'primary');
    if (v?.can.publish) btn('schedule', () => { if (scheduleAt.value) void act('publish', false, { at: new Date(scheduleAt.value).toISOString() })(); });
    if (v?.can.unschedule) btn('unschedule', act('unschedule'));
    if (v?.can.withdraw) btn('withdraw', act('withdraw', true), 'danger');
    if (v?.can.reopen) btn('reopen', act('reopen'));
    if (v?.can.correct) {
      btn('correct', async () => {
        const note = prompt(t('correctionNote'));
        if (!note?.trim() || !view) return;
        try {
          await api('POST', `/articles/${view.article.id}/correct`, { ...draft(), baseRevision: view.article.revision, note });
          await editorView(root, view.article.id, go);
        } catch (e) {
          fail(e);
        }
      });
    }
    btn('preview', () => void showPreview());
    const art = v?.article;
    side.replaceChildren(
      h('div', { class: 'card' },
        art ? h('p', {}, h('span', { class: 'status', 'data-status': art.status }, t(`status_${art.status}` as UiKey)), ` · ${t('revision')} ${art.revision}`) : null,
        v?.nextLevel ? h('p', {}, `${t('nextStep')}:${t(`level${v.nextLevel}` as UiKey)}`) : null,
        art?.statusReason && (art.status === 'returned' || art.status === 'withdrawn')
          ? h('div', { class: 'notice warn', 'data-reason': '' }, `${t(art.status === 'returned' ? 'returnedReason' : 'withdrawnReason')}:${art.statusReason}`)
          : null,
        art?.signatures.length
          ? h('ul', { class: 'signatures', 'aria-label': t('signedBy') }, ...art.signatures.map((s) => h('li', {}, `${t(`level${s.level}` as UiKey)}:${s.name} ${formatTime(s.signedAt)}`)))
          : null,
        art?.status === 'scheduled' ? h('p', {}, `${t('schedule')}:${formatTime(art.publishedAt)}`) : null,
        v?.correction
          ? h('div', { class: 'notice warn', 'data-correction': String(v.correction.id) },
              h('strong', {}, t('correctionPending')),
              h('p', {}, `${t('correctionBy')}:${v.correction.authorName ?? '—'} ${formatTime(v.correction.createdAt)}`),
              h('p', {}, `${t('correctionNote')}:${v.correction.note}`),
              h('h3', {}, t('correctionChanges')), renderDiff(v.correction.changes))
          : null,
        v?.can.publish ? h('div', {}, h('label', { for: 'f-publish-at' }, t('publishAt')), scheduleAt) : null,
        h('div', { class: 'actions' }, ...buttons),
        art && v?.can.history ? h('p', {}, h('a', { href: `#/articles/${art.id}/history` }, `${t('history')} / ${t('audit')}`)) : null,
      ),
      h('div', { class: 'card' },
        h('label', { for: 'f-language' }, t('language')), language,
        h('label', { for: 'f-rights' }, t('rightsClass')), rights,
        source.block, byline.block, dlPlace.block, dlSource.block, editorName.block, responsibleName.block, tags.block,
        h('fieldset', {}, h('legend', {}, t('channels')), ...channelBoxes.map((c) => c.el)),
        h('label', { for: 'f-locked-terms' }, t('lockedTerms')), locked,
      ),
    );
  }
  renderSide();

  root.replaceChildren(
    h('p', {}, h('a', { href: '#/desk' }, `← ${t('desk')}`)),
    messages,
    h('div', { class: 'layout' },
      h('div', {}, h('div', { class: 'card' }, headline.block, original.block, summary.block,
        h('fieldset', { class: 'lead-field', 'aria-describedby': 'f-lead-image-error' }, h('legend', {}, t('leadImage')), leadBox, leadError),
        h('label', {}, t('body')), body.element), preview),
      side,
    ),
  );
  root.addEventListener('keydown', (ev) => {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === 's') {
      ev.preventDefault();
      void save();
    }
  });
  headline.input.focus();
}
