import type { Store, SiteTerm } from '../store/ports.ts';
import type { Actor } from '../domain/roles.ts';
import { termSchema } from '../domain/article.ts';
import { DomainError } from '../domain/errors.ts';
import { convertText } from '../text/convert.ts';
import { sameCharacters } from '../text/script-variants.ts';
import { z } from 'zod';

export const siteTermSchema = termSchema.extend({ note: z.string().trim().max(200).nullish().transform((v) => v || null) });

/** The site-wide conversion dictionary the newsroom edits, e.g. 刘征宇 → 劉征宇 if that is how he writes it. */
export function createTermService(store: Store) {
  const ctx = (actor: Actor, ip: string | null) => ({ actorId: actor.id, actorLogin: actor.login, ip });
  return {
    list: (): Promise<SiteTerm[]> => store.terms.list(),

    async put(actor: Actor, input: z.output<typeof siteTermSchema>, ip: string | null = null): Promise<SiteTerm> {
      // A term whose two forms are not the same words in two scripts is almost always a typing mistake.
      if ([...input.hans].length !== [...input.hant].length) {
        throw new DomainError('VALIDATION_FAILED', 'the Simplified and Traditional forms must have the same number of characters', 'hant');
      }
      // An entry applies at once to every published page, with nobody else's review: it may only
      // choose a form of the same characters, never other words.
      for (const property of ['hant', 'hk'] as const) {
        const form = input[property];
        if (form && !sameCharacters(input.hans, form)) {
          throw new DomainError('VALIDATION_FAILED', `each character of the ${property === 'hant' ? 'Traditional' : 'Hong Kong'} form must be a form of the Simplified character in its place (刘征宇 → 劉征宇), not another word`, property);
        }
      }
      return store.terms.put({ hans: input.hans, hant: input.hant, hk: input.hk, note: input.note }, ctx(actor, ip));
    },

    remove: (actor: Actor, id: number, ip: string | null = null) => store.terms.delete(id, ctx(actor, ip)),

    /** What the converter would write without the dictionary, to show next to an entry. */
    preview(hans: string) {
      return { hant: convertText(hans, 'zh-Hans', 'zh-Hant'), hk: convertText(hans, 'zh-Hans', 'zh-HK') };
    },
  };
}

export type TermService = ReturnType<typeof createTermService>;
