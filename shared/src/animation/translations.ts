import { ErrorCode, MAX_PURPOSE_CHARS, MAX_QUESTION_CHARS, MAX_TITLE_CHARS } from '../constants';
import { domainError, type DomainError } from '../domain/errors';
import { countChars, normalizeText } from '../domain/text';
import { MAX_QUESTION_TEXT_CHARS } from '../questionnaire/questionnaire';
import { MAX_INSTRUCTION_CHARS, MAX_PHASE_TITLE_CHARS } from './method';

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

/** What the facilitator may give versions of, with the size rule of the original field. */
export interface TranslatableText {
  max: number;
  multiline: boolean;
}

/** Every text of a workshop the facilitator wrote and residents read (title, question, purpose, steps, statements). */
export function translatableTexts(
  workshop: { title: string; question: string; purpose: string },
  room: { phases: ReadonlyArray<{ title: string; instruction: string }>; questionnaire: { questions: ReadonlyArray<{ text: string }> } },
): Map<string, TranslatableText> {
  const texts = new Map<string, TranslatableText>();
  const add = (text: string, max: number, multiline: boolean) => {
    if (!text) return;
    const known = texts.get(text);
    // The same words in two fields: the stricter rule.
    texts.set(text, known ? { max: Math.min(known.max, max), multiline: known.multiline && multiline } : { max, multiline });
  };
  add(workshop.title, MAX_TITLE_CHARS, false);
  add(workshop.question, MAX_QUESTION_CHARS, true);
  add(workshop.purpose, MAX_PURPOSE_CHARS, true);
  for (const phase of room.phases) {
    add(phase.title, MAX_PHASE_TITLE_CHARS, false);
    add(phase.instruction, MAX_INSTRUCTION_CHARS, true);
  }
  for (const question of room.questionnaire.questions) add(question.text, MAX_QUESTION_TEXT_CHARS, false);
  return texts;
}

/** The longest text a version may have on the wire (the longest field, four UTF-16 units a character). */
export const MAX_TRANSLATION_WIRE_UNITS = Math.max(MAX_PURPOSE_CHARS, MAX_INSTRUCTION_CHARS, MAX_QUESTION_CHARS) * 4;

export interface TranslationInput {
  source: string;
  lang: TranslationLanguage;
  /** Empty: the version is removed. */
  text: string;
}

/**
 * Adds, replaces or removes one version of a text the workshop has now. Versions of texts the
 * workshop no longer has are dropped on the way (nothing grows without bound).
 */
export function applyTranslation(current: Translations, texts: ReadonlyMap<string, TranslatableText>, input: TranslationInput): Translations | DomainError {
  const source = normalizeText(input.source, { multiline: true });
  const rule = texts.get(source);
  if (!rule) return domainError(ErrorCode.BadRequest, 'no such text in this workshop');
  const text = normalizeText(input.text, { multiline: rule.multiline });
  if (countChars(text) > rule.max) return domainError(ErrorCode.TooLarge, `a version is longer than ${rule.max} characters`);
  const next = emptyTranslations();
  for (const lang of TRANSLATION_LANGUAGES) {
    for (const [key, value] of Object.entries(current[lang] ?? {})) if (texts.has(key)) next[lang][key] = value;
  }
  if (text) next[input.lang][source] = text;
  else delete next[input.lang][source];
  return next;
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
