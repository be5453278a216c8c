import { ErrorCode, MAX_PURPOSE_CHARS, MAX_QUESTION_CHARS, MAX_TITLE_CHARS } from '../constants';
import { domainError, type DomainError } from '../domain/errors';
import { countChars, normalizeText } from '../domain/text';
import { MAX_QUESTION_TEXT_CHARS } from '../questionnaire/questionnaire';
import { MAX_INSTRUCTION_CHARS, MAX_PHASE_TITLE_CHARS } from './method';
import { TRANSLATION_LANGUAGES, emptyTranslations, type TranslationLanguage, type Translations } from './translations';

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
