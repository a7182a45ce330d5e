import type { Store } from '../store/ports.ts';
import { articleToNinjs } from '../domain/ninjs/to-ninjs.ts';
import { ninjsExportContext, requireSettings } from './site-context.ts';

/** Every article as ninjs 3.1, read a page at a time so the archive never sits in memory. */
export async function* exportNinjs(store: Store, pageSize = 200): AsyncGenerator<Record<string, unknown>> {
  const ctx = ninjsExportContext(await requireSettings(store), await store.channels.list());
  let after = 0;
  for (;;) {
    const ids = await store.articles.idsAfter(after, pageSize);
    if (ids.length === 0) return;
    for (const id of ids) {
      const article = await store.articles.byId(id);
      if (article) yield articleToNinjs(article, ctx);
    }
    after = ids[ids.length - 1]!;
  }
}
