/*
 * What a page shows for a text of the workshop, light enough for the phone's first screen (the
 * facilitator's side, with the size rules, is in `translationRules.ts`).
 */

/** Languages a text of the workshop can be shown in (the interface's languages). */
export const TEXT_LANGUAGES = ['fr', 'en', 'ar'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];
/** Facilitators write in French; they may add these versions. */
export const TRANSLATION_LANGUAGES = ['en', 'ar'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

/**
 * The facilitator's versions of what they wrote, per language, keyed by the original text as it is
 * stored (normalised). Keyed by the text, not by a field: a text rewritten later no longer matches,
 * so its old version is never shown for the new words.
 */
export type Translations = Record<TranslationLanguage, Record<string, string>>;

export const emptyTranslations = (): Translations => ({ en: {}, ar: {} });

/** A text as shown: its words and the language they are in. */
export interface ShownText {
  text: string;
  lang: TextLanguage;
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** The language of a text as written: a facilitator's own words are French unless in Arabic script. */
export function writtenLanguage(text: string): TextLanguage {
  return ARABIC_SCRIPT.test(text) ? 'ar' : 'fr';
}

/**
 * What a screen in `lang` shows for a text of the workshop: the facilitator's version in that
 * language, else the built-in one (a built-in French text not rewritten), else the text as written.
 */
export function pickText(
  text: string,
  lang: string,
  translations: Partial<Translations> | null | undefined,
  builtIn: Readonly<Record<string, string>> | null | undefined,
): ShownText {
  const target = TRANSLATION_LANGUAGES.find((code) => code === lang);
  if (target && text) {
    const own = translations?.[target];
    if (own && Object.hasOwn(own, text) && own[text]) return { text: own[text], lang: target };
    if (builtIn && Object.hasOwn(builtIn, text) && builtIn[text]) return { text: builtIn[text], lang: target };
  }
  return { text, lang: writtenLanguage(text) };
}

/**
 * The versions a phone or projector may see: none of an instruction not yet revealed (its
 * version would tell it before its step).
 */
export function visibleTranslations(translations: Translations, hiddenTexts: ReadonlySet<string>, shownTexts: ReadonlySet<string>): Translations {
  if (hiddenTexts.size === 0) return translations;
  const next = emptyTranslations();
  for (const lang of TRANSLATION_LANGUAGES) {
    for (const [key, value] of Object.entries(translations[lang] ?? {})) if (!hiddenTexts.has(key) || shownTexts.has(key)) next[lang][key] = value;
  }
  return next;
}

/** Only the versions of `sources` (the join page gets those of the title, question and purpose). */
export function translationsOf(translations: Translations, sources: ReadonlyArray<string>): Translations {
  const next = emptyTranslations();
  for (const lang of TRANSLATION_LANGUAGES) {
    const own = translations[lang] ?? {};
    for (const source of sources) if (Object.hasOwn(own, source)) next[lang][source] = own[source]!;
  }
  return next;
}
