import type { Store } from '../store/ports.ts';
import { DomainError } from '../domain/errors.ts';
import { bodyMediaIds, publishRefusal } from '../domain/media.ts';

/**
 * The pictures an article shows, checked before it goes out (published, scheduled, or a
 * correction applied): each exists, is not taken down, and has alt text for readers who cannot see it.
 */
export async function assertPicturesPublishable(store: Store, article: { leadImageId: number | null; bodyHtml: string }): Promise<void> {
  const ids = [...new Set([...(article.leadImageId ? [article.leadImageId] : []), ...bodyMediaIds(article.bodyHtml)])];
  if (ids.length === 0) return;
  const items = new Map((await store.media.byIds(ids)).map((m) => [m.id, m]));
  const problems = ids
    .map((id) => {
      const m = items.get(id);
      return m ? publishRefusal(m) : `picture ${id} does not exist`;
    })
    .filter((p): p is string => p !== null);
  if (problems.length) throw new DomainError('MEDIA_NOT_PUBLISHABLE', `it cannot go out yet: ${problems.join('; ')}`, 'leadImageId');
}
