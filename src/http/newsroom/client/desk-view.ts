import type { DeskItem } from '../../../services/newsroom-views.ts';
import { h, formatTime } from './dom.ts';
import { t } from './boot.ts';
import { api } from './api.ts';
import type { UiKey } from '../ui-strings.ts';

type Queue = 'mine' | 'returned' | 'submitted' | 'in_review' | 'approved' | 'corrections' | 'scheduled' | 'published' | 'withdrawn';
const QUEUES: Queue[] = ['mine', 'returned', 'submitted', 'in_review', 'approved', 'corrections', 'scheduled', 'published', 'withdrawn'];

export async function deskView(root: HTMLElement, queue: Queue | undefined): Promise<void> {
  const desk = await api<{ counts: Record<Queue, number>; queues: Record<Queue, DeskItem[]> }>('GET', '/desk');
  const active = queue ?? QUEUES.find((q) => q !== 'published' && q !== 'withdrawn' && desk.counts[q] > 0) ?? 'mine';
  const nav = h(
    'ul',
    { class: 'queues', 'aria-label': t('desk') },
    ...QUEUES.map((q) =>
      h('li', {}, h('a', { href: `#/desk/${q}`, 'aria-current': q === active ? 'page' : null, 'data-queue': q }, t(`queue_${q}` as UiKey), h('span', { class: 'count' }, String(desk.counts[q])))),
    ),
  );
  const items = desk.queues[active];
  const table = items.length
    ? h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, t('headline')), h('th', {}, t('channels')), h('th', {}, t('levels')), h('th', {}, t('at')))),
        h(
          'tbody',
          {},
          ...items.map((a) =>
            h(
              'tr',
              {},
              h('td', {}, h('a', { href: `#/articles/${a.id}` }, a.headline), ' ', h('span', { class: 'status' }, t(`status_${a.status}` as UiKey)),
                a.correctionPending ? h('span', { class: 'status', 'data-correction': '' }, t('queue_corrections')) : null,
                a.statusReason && a.status === 'returned' ? h('div', { class: 'notice warn' }, `${t('returnedReason')}:${a.statusReason}`) : null),
              h('td', {}, a.channels.join(', ')),
              h('td', {}, `${a.signedLevels}/${a.reviewLevels}`),
              h('td', {}, formatTime(a.publishedAt && (a.status === 'published' || a.status === 'scheduled') ? a.publishedAt : a.updatedAt)),
            ),
          ),
        ),
      )
    : h('p', {}, t('empty'));
  root.replaceChildren(h('h1', { class: 'sr-only' }, t('desk')), nav, table);
}
