/** The scripts text is stored in. */
export const SCRIPTS = ['zh-Hans', 'zh-Hant'] as const;
export type Script = (typeof SCRIPTS)[number];

/** What text can be converted to: the stored scripts, and Hong Kong's standard. */
export type Target = Script | 'zh-HK';

/** A term that always converts one way. */
export interface Term {
  hans: string;
  hant: string;
  /** Hong Kong form, when it differs from the Taiwan one. */
  hk?: string | null;
}
