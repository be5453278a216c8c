import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languageCookieName, pickLanguage } from '@gommette/shared';
import { readString, writeString } from '../storage/storage';
import frResident from './fr/resident';
import { DEFAULT_LANGUAGE, findLanguage, languages, type LanguageCode } from './languages';
import { WORDS_PARTS, type WordsPart, type WordsTree } from './types';

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
 * The language a page starts in: the choice remembered on this device, else the device's own
 * languages in order (`navigator.languages`), else French.
 */
export function startLanguage(stored: string | null, deviceLanguages: ReadonlyArray<string>): LanguageCode {
  return pickLanguage([stored, ...deviceLanguages]);
}

function deviceLanguages(): string[] {
  const nav = window.navigator;
  return [...(nav.languages ?? []), nav.language].filter((code): code is string => typeof code === 'string');
}

/** Every part of words but the French resident one (in the first bundle), each loaded when first needed. */
const files = import.meta.glob<object>(['./*/*.ts', '!./fr/resident.ts', '!./**/*.test.ts'], { import: 'default' });

/** One part of words in one language, as its file has it. */
export function loadWordsFile(code: LanguageCode, part: WordsPart): Promise<object> {
  if (code === DEFAULT_LANGUAGE && part === 'resident') return Promise.resolve(frResident);
  const load = files[`./${code}/${part}.ts`];
  return load ? load() : Promise.reject(new Error(`no words for ${code}/${part}`));
}

/** The parts the open screens use: a language chosen later loads them all. */
const inUse = new Set<WordsPart>(['resident']);
const added = new Map<string, Promise<void>>([[`${DEFAULT_LANGUAGE}/resident`, Promise.resolve()]]);

/** Adds a part of words in a language to i18next, once (deep: parts sharing a block keep both halves). */
function addPart(code: LanguageCode, part: WordsPart): Promise<void> {
  const key = `${code}/${part}`;
  let adding = added.get(key);
  if (!adding) {
    adding = loadWordsFile(code, part).then((words) => {
      i18next.addResourceBundle(code, 'translation', words, true, false);
    });
    // Offline: try again next time.
    adding.catch(() => added.delete(key));
    added.set(key, adding);
  }
  return adding;
}

function currentLanguage(): LanguageCode {
  return (findLanguage(i18next.language)?.code as LanguageCode | undefined) ?? DEFAULT_LANGUAGE;
}

/**
 * Loads the words of a feature's screens, in French (the fallback) and in the language shown; a
 * language that cannot load (offline) leaves French, never a key.
 */
export async function loadWords(...parts: WordsPart[]): Promise<void> {
  for (const part of parts) inUse.add(part);
  const code = currentLanguage();
  await Promise.all([
    ...parts.map((part) => addPart(DEFAULT_LANGUAGE, part)),
    ...(code === DEFAULT_LANGUAGE ? [] : parts.map((part) => addPart(code, part).catch(() => undefined))),
  ]);
}

/** Makes a language's words available for every part in use (once each). */
export async function loadLanguage(code: LanguageCode): Promise<void> {
  await Promise.all([...inUse].map((part) => addPart(code, part)));
}

/** A language's every part, merged (tests; the app loads parts as its screens need them). */
export async function allWords(code: LanguageCode, parts: ReadonlyArray<WordsPart> = WORDS_PARTS): Promise<WordsTree> {
  const merged: WordsTree = {};
  for (const words of await Promise.all(parts.map((part) => loadWordsFile(code, part)))) deepMerge(merged, words);
  return merged;
}

/** Copies `source` into `target`, block by block (never sharing the source's objects). */
function deepMerge(target: WordsTree, source: object): void {
  for (const [key, value] of Object.entries(source) as Array<[string, string | WordsTree]>) {
    if (typeof value === 'string') {
      target[key] = value;
      continue;
    }
    const current = target[key];
    const into = typeof current === 'object' ? current : (target[key] = {});
    deepMerge(into, value);
  }
}

/** Mirrors the current language on `<html lang dir>` so screen readers and RTL layout follow. */
function applyToDocument(code: string): void {
  const language = findLanguage(code) ?? findLanguage(DEFAULT_LANGUAGE);
  if (!language) return;
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}

/**
 * Starts in French at once, then, before the first render, switches to the language remembered on
 * this device or else the device's own (see `startLanguage`).
 */
export async function initI18n(): Promise<typeof i18next> {
  const start = startLanguage(readString(languageKey()), deviceLanguages());
  await i18next.use(initReactI18next).init({
    resources: { [DEFAULT_LANGUAGE]: { translation: frResident } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: languages.map((language) => language.code),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  if (start !== DEFAULT_LANGUAGE) {
    // Offline and never loaded: stay in French rather than show nothing.
    await loadLanguage(start).then(
      () => i18next.changeLanguage(start),
      () => undefined,
    );
  }
  // The server already set <html lang dir> from Accept-Language; this agrees with what is shown.
  applyToDocument(i18next.language);
  i18next.on('languageChanged', applyToDocument);
  return i18next;
}

/** A choice made by the person: remembered on this device. */
export function chooseLanguage(code: string): void {
  const language = findLanguage(code);
  if (!language) return;
  const chosen = language.code as LanguageCode;
  writeString(languageKey(), chosen);
  // The server reads it to send the first HTML in this language (docs/languages.md).
  document.cookie = `${languageCookieName(window.location.pathname)}=${chosen}; path=/; max-age=31536000; SameSite=Lax`;
  loadLanguage(chosen).then(
    () => i18next.changeLanguage(chosen),
    () => undefined,
  );
}
