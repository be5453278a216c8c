/**
 * French: the default and reference language. Every other language must have the same keys
 * (see `Translation` below). Resident-facing text says "tu", is short and plain, and speaks of
 * "idées", "inventions", "solutions".
 */
import { frResident } from './fr/resident';
import { frStaff } from './fr/staff';
import { frSteps } from './fr/steps';

export const fr = { ...frResident, ...frStaff, ...frSteps, centre: { ...frStaff.centre, ...frResident.centre } };


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

type Stringly<T> = { [K in keyof T]: T[K] extends string ? string : Stringly<T[K]> } & ExtraPlurals<T>;

/** The shape every language must have: the French keys (plus optional extra plural forms), any text. */
export type Translation = Stringly<typeof fr>;
