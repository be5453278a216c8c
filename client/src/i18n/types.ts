/**
 * Plural forms French does not use but other languages do (Arabic: `_zero`, `_two`, `_few`,
 * `_many`): next to every French `x_other`, a translation may add them (as `Translation` in fr.ts).
 */
type ExtraPluralForm = 'zero' | 'two' | 'few' | 'many';
type ExtraPlurals<T> = {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_${ExtraPluralForm}` : never]?: string;
};

/** Same keys, any text, plus optional extra plural forms (as `Translation` in fr.ts). */
export type Stringly<T> = { [K in keyof T]: T[K] extends string ? string : Stringly<T[K]> } & ExtraPlurals<T>;
