import type accessibility from './fr/accessibility';
import type board from './fr/board';
import type resident from './fr/resident';
import type retour from './fr/retour';
import type staff from './fr/staff';
import type steps from './fr/steps';
import type vote from './fr/vote';

/**
 * The words come in parts, one file per language and part (`i18n/<language>/<part>.ts`), all in
 * i18next's one `translation` namespace: `resident` is the phone's first screen (French in the
 * first bundle), the others load with the screens that use them.
 */
export const WORDS_PARTS = ['resident', 'staff', 'steps', 'board', 'vote', 'retour', 'accessibility'] as const;
export type WordsPart = (typeof WORDS_PARTS)[number];

/** Every French word: the keys `t()` accepts (see i18next.d.ts). */
export type FrenchWords = typeof resident & typeof staff & typeof steps & typeof board & typeof vote & typeof retour & typeof accessibility;

/**
 * Plural forms French does not use but other languages do: i18next picks the form with
 * Intl.PluralRules, and Arabic needs `_zero`, `_one`, `_two`, `_few`, `_many` and `_other`. Next
 * to every French `x_other`, a translation may (optionally) add `x_zero`, `x_two`, `x_few`,
 * `x_many`; any other extra key is still an error.
 */
type ExtraPluralForm = 'zero' | 'two' | 'few' | 'many';
type ExtraPlurals<T> = {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_${ExtraPluralForm}` : never]?: string;
};

/** The shape of a part in another language: the French part's keys (plus extra plural forms), any text. */
export type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> } & ExtraPlurals<T>;

/** Any part of words, or several merged: blocks of texts. */
export interface WordsTree {
  [key: string]: string | WordsTree;
}
