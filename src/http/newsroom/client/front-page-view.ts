import { h } from './dom.ts';
import { t } from './boot.ts';
import { api, ApiError } from './api.ts';

interface FrontPage {
  slots: { headlineId: number | null; recommendedIds: number[] };
  topics: Array<{ slug: string; title: string; language: 'zh-Hans' | 'zh-Hant'; description: string | null; position: number; articleIds: number[] }>;
}

const ids = (s: string) => s.split(/[,,\s]+/).map(Number).filter((n) => Number.isInteger(n) && n > 0);

/** 頭條, 推薦 and 專題 for editors: article numbers in the order readers will see them. */
export async function frontPageView(root: HTMLElement): Promise<void> {
  const fp = await api<FrontPage>('GET', '/front-page');
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const run = (fn: () => Promise<unknown>) => async (ev?: Event) => {
    ev?.preventDefault();
    try {
      await fn();
      await frontPageView(root);
    } catch (e) {
      message.replaceChildren(h('p', { class: 'notice error' }, e instanceof ApiError ? e.message : String(e)));
    }
  };
  const lead = h('input', { type: 'text', id: 'fp-lead', value: fp.slots.headlineId ? String(fp.slots.headlineId) : '' });
  const rec = h('input', { type: 'text', id: 'fp-rec', value: fp.slots.recommendedIds.join(', ') });
  const slots = h('form', { class: 'card' },
    h('label', { for: 'fp-lead' }, t('leadSlot')), lead,
    h('label', { for: 'fp-rec' }, t('recommendedSlot')), rec,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('save'))));
  slots.addEventListener('submit', run(() => api('PUT', '/front-page', { headlineId: ids(lead.value)[0] ?? null, recommendedIds: ids(rec.value) })));
  const topicForm = (topic: FrontPage['topics'][number] | null) => {
    const key = topic?.slug ?? 'new';
    const slug = h('input', { type: 'text', id: `tp-slug-${key}`, value: topic?.slug ?? '', readonly: !!topic });
    const title = h('input', { type: 'text', id: `tp-title-${key}`, value: topic?.title ?? '' });
    const list = h('input', { type: 'text', id: `tp-ids-${key}`, value: topic?.articleIds.join(', ') ?? '' });
    const form = h('form', { class: 'card' }, h('h3', {}, topic ? topic.title : t('topicNew')),
      h('div', { class: 'grid' },
        h('div', {}, h('label', { for: `tp-slug-${key}` }, t('topicSlug')), slug),
        h('div', {}, h('label', { for: `tp-title-${key}` }, t('topicTitle')), title)),
      h('label', { for: `tp-ids-${key}` }, t('topicIds')), list,
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('save')),
        topic ? h('button', { type: 'button', class: 'danger', onclick: run(() => api('DELETE', `/topics/${topic.slug}`)) }, t('topicDelete')) : null));
    form.addEventListener('submit', run(() => api('POST', '/topics', { slug: slug.value, title: title.value, language: topic?.language ?? 'zh-Hans', description: topic?.description ?? null, position: topic?.position ?? 0, articleIds: ids(list.value) })));
    return form;
  };
  root.replaceChildren(h('h1', {}, t('frontPage')), message, slots, h('h2', {}, t('topicsSlot')), ...fp.topics.map(topicForm), topicForm(null));
}
