import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readString, writeString } from '../storage/storage';
import { ar } from './ar';
import { en } from './en';
import { fr, type Translation } from './fr';
import { DEFAULT_LANGUAGE, findLanguage, languages, type LanguageCode } from './languages';

const LANGUAGE_KEY = 'gommette:language';

/** One resources file per language of `languages.ts`. */
export const resources = {
  fr: { translation: fr },
  en: { translation: en },
  ar: { translation: ar },
} satisfies Record<LanguageCode, { translation: Translation }>;

/** Mirrors the current language on `<html lang dir>` so screen readers and RTL layout follow. */
function applyToDocument(code: string): void {
  const language = findLanguage(code) ?? findLanguage(DEFAULT_LANGUAGE);
  if (!language) return;
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}

export function initI18n(): typeof i18next {
  const stored = findLanguage(readString(LANGUAGE_KEY));
  const initial = stored?.code ?? DEFAULT_LANGUAGE;
  i18next.on('languageChanged', applyToDocument);
  void i18next.use(initReactI18next).init({
    resources,
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: languages.map((language) => language.code),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyToDocument(initial);
  return i18next;
}

/** A choice made by the person: remembered on this device. */
export function chooseLanguage(code: string): void {
  const language = findLanguage(code);
  if (!language) return;
  writeString(LANGUAGE_KEY, language.code);
  void i18next.changeLanguage(language.code);
}
