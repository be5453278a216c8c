/**
 * Languages offered in the interface. `dir` drives `<html dir>`: Arabic (right-to-left) will be
 * added here with its resources file (`ar.ts`), e.g. `{ code: 'ar', name: 'العربية', dir: 'rtl' }`.
 */
export interface Language {
  code: string;
  /** The language's own name, never translated. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const languages = [
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
] as const satisfies ReadonlyArray<Language>;

export type LanguageCode = (typeof languages)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'fr';

export function findLanguage(code: string | null | undefined): Language | undefined {
  if (!code) return undefined;
  const base = code.toLowerCase().split('-')[0];
  return languages.find((language) => language.code === base);
}
