import { pickText, type ShownText, type TextLanguage, type Translations } from '@gommette/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findLanguage } from './languages';

type BuiltIn = Readonly<Record<string, string>>;

/** The built-in texts' versions (methods, journey map, questionnaire), loaded only by a phone in that language. */
const loaders: Record<'en' | 'ar', () => Promise<{ default: BuiltIn }>> = {
  en: () => import('@gommette/shared/builtInTexts/en'),
  ar: () => import('@gommette/shared/builtInTexts/ar'),
};
const loaded = new Map<string, BuiltIn>();

/** The built-in versions for `lang` once loaded (null while loading, or in French). */
export function useBuiltInTexts(lang: string): BuiltIn | null {
  const code = lang === 'en' || lang === 'ar' ? lang : null;
  // Bumped when a language's texts arrive: they are read from the module's cache.
  const [, setArrived] = useState(0);
  useEffect(() => {
    if (!code || loaded.has(code)) return;
    let live = true;
    loaders[code]().then(
      (module) => {
        loaded.set(code, module.default);
        if (live) setArrived((count) => count + 1);
      },
      // Offline and never loaded: the texts stay as written.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code]);
  return code ? (loaded.get(code) ?? null) : null;
}

/** The language the page is shown in (fr, en or ar). */
export function usePageLanguage(): TextLanguage {
  const { i18n } = useTranslation();
  return (findLanguage(i18n.language)?.code ?? 'fr') as TextLanguage;
}

/**
 * What the page shows for a text of the workshop (see `pickText`): the facilitator's version in
 * the page's language, else the built-in one, else the text as written, with its language.
 */
export function useWorkshopText(translations: Partial<Translations> | null | undefined): (text: string) => ShownText {
  const page = usePageLanguage();
  const builtIn = useBuiltInTexts(page);
  return useCallback((text: string) => pickText(text, page, translations, builtIn), [page, translations, builtIn]);
}
