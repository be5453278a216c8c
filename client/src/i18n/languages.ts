/**
 * Languages offered in the interface (residents asked for French, English and Arabic). `dir`
 * drives `<html dir>`: Arabic is right-to-left. Each language has its resources file (`ar.ts`…)
 * registered in `index.ts`.
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
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const satisfies ReadonlyArray<Language>;

export type LanguageCode = (typeof languages)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'fr';

export function findLanguage(code: string | null | undefined): Language | undefined {
  if (!code) return undefined;
  const base = code.toLowerCase().split('-')[0];
  return languages.find((language) => language.code === base);
}
