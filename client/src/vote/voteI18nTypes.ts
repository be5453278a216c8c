/** Same keys, any text (as `Translation` in fr.ts). */
export type Stringly<T> = { [K in keyof T]: T[K] extends string ? string : Stringly<T[K]> };
