import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readString, writeString } from '../storage/storage';
import type { Translation } from './fr';
import { frResident } from './fr/resident';
import { DEFAULT_LANGUAGE, findLanguage, languages, type LanguageCode } from './languages';

const LANGUAGE_KEY = 'gommette:language';

/**
 * Where the language choice is remembered: the projector and the console have their own setting
 * (often on the same laptop as each other), residents' pages share one.
 */
function languageKey(): string {
  const path = window.location.pathname;
  if (path.startsWith('/screen/')) return `${LANGUAGE_KEY}:screen`;
  if (path.startsWith('/console/') || path.startsWith('/observer/')) return `${LANGUAGE_KEY}:console`;
  return LANGUAGE_KEY;
}

/**
 * One resources file per language of `languages.ts`. French is in the first bundle; the others
 * load when chosen (a phone on mobile data downloads only the language it shows).
 */
export const loadTranslation: Record<LanguageCode, () => Promise<Translation>> = {
  fr: () => import('./fr').then((module) => module.fr),
  en: () => import('./en/resident').then((module) => module.en),
  ar: () => import('./ar/resident').then((module) => module.ar),
};

const loaded = new Set<LanguageCode>([DEFAULT_LANGUAGE]);

/** Makes a language's words available (once); the words other modules add stay. */
export async function loadLanguage(code: LanguageCode): Promise<void> {
  if (loaded.has(code)) return;
  const translation = await loadTranslation[code]();
  i18next.addResourceBundle(code, 'translation', translation, true, false);
  loaded.add(code);
}

/** Mirrors the current language on `<html lang dir>` so screen readers and RTL layout follow. */
function applyToDocument(code: string): void {
  const language = findLanguage(code) ?? findLanguage(DEFAULT_LANGUAGE);
  if (!language) return;
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}

/** Starts in French at once, then switches to the language remembered on this device, if another. */
export async function initI18n(): Promise<typeof i18next> {
  const stored = findLanguage(readString(languageKey()))?.code as LanguageCode | undefined;
  i18next.on('languageChanged', applyToDocument);
  await i18next.use(initReactI18next).init({
    resources: { [DEFAULT_LANGUAGE]: { translation: frResident } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: languages.map((language) => language.code),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyToDocument(DEFAULT_LANGUAGE);
  if (stored && stored !== DEFAULT_LANGUAGE) {
    // Offline and never loaded: stay in French rather than show nothing.
    await loadLanguage(stored).then(
      () => i18next.changeLanguage(stored),
      () => undefined,
    );
  }
  return i18next;
}

/** A choice made by the person: remembered on this device. */
export function chooseLanguage(code: string): void {
  const language = findLanguage(code);
  if (!language) return;
  const chosen = language.code as LanguageCode;
  writeString(languageKey(), chosen);
  loadLanguage(chosen).then(
    () => i18next.changeLanguage(chosen),
    () => undefined,
  );
}
