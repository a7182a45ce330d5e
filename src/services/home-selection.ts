/** How many stories each list of the home page shows. */
export const HOME_SIZES = { topic: 5, latest: 12, block: 5 } as const;

interface Identified {
  id: number;
}

export interface HomeCandidates<A extends Identified, T, C> {
  lead: A | null;
  recommended: A[];
  /** Each topic's public articles in the editors' order, more than it shows. */
  topics: Array<{ topic: T; articles: A[] }>;
  /** The newest public articles, more than the list shows. */
  latest: A[];
  /** Each region's newest, more than its block shows. */
  blocks: Array<{ channel: C; articles: A[] }>;
}

export interface HomeSelection<A extends Identified, T, C> extends Omit<HomeCandidates<A, T, C>, 'topics'> {
  /** `offered`: whether the topic has any public story (here or shown above); one without any is not shown. */
  topics: Array<{ topic: T; articles: A[]; offered: boolean }>;
}

/**
 * What the home page shows, each story once from the top down: the 頭條 once on the whole page;
 * 推薦 without it; each 專題 without what is above it; 最新 without anything above it. A region's
 * block is the region's own index and leaves out only the 頭條. Lists are filled from the extra
 * candidates, so leaving a story out does not shorten them.
 */
export function selectHome<A extends Identified, T, C>(c: HomeCandidates<A, T, C>): HomeSelection<A, T, C> {
  const seen = new Set<number>();
  const take = (list: readonly A[], n: number, skip: ReadonlySet<number> = seen): A[] => {
    const out: A[] = [];
    for (const a of list) {
      if (out.length >= n) break;
      if (skip.has(a.id) || out.some((x) => x.id === a.id)) continue;
      out.push(a);
    }
    return out;
  };
  const mark = (list: readonly A[]) => list.forEach((a) => seen.add(a.id));
  if (c.lead) seen.add(c.lead.id);
  const leadOnly: ReadonlySet<number> = new Set(seen);
  const recommended = take(c.recommended, c.recommended.length);
  mark(recommended);
  const topics = c.topics.map((t) => {
    const articles = take(t.articles, HOME_SIZES.topic);
    mark(articles);
    return { topic: t.topic, articles, offered: t.articles.length > 0 };
  });
  const latest = take(c.latest, HOME_SIZES.latest);
  const blocks = c.blocks.map((b) => ({ channel: b.channel, articles: take(b.articles, HOME_SIZES.block, leadOnly) }));
  return { lead: c.lead, recommended, topics, latest, blocks };
}
