import { ErrorCode } from '../constants';
import { domainError, type DomainError } from '../domain/errors';
import { countChars, normalizeText } from '../domain/text';

/** A statement residents rate from 1 (not at all) to 5 (completely), drawn as faces. */
export interface ScaleQuestion {
  id: string;
  text: string;
}

/** The closing questionnaire of a workshop, edited by the facilitator from the default set. */
export interface Questionnaire {
  questions: ScaleQuestion[];
  /** "Qu'as-tu appris ?" as an optional free text. */
  askLearned: boolean;
  /** The optional, skippable, self-declared figures funders ask for. */
  askFigures: boolean;
}

export const SCALE = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof SCALE)[number];

export const AGE_BANDS = ['under-12', '12-15', '16-17', '18-25', '26-40', '41-60', '61-75', 'over-75'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const GENDERS = ['woman', 'man', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const MAX_QUESTIONS = 10;
export const MAX_QUESTION_TEXT_CHARS = 120;
export const MAX_LEARNED_CHARS = 500;
/** Self-declared groups smaller than this are never shown (a lone 70-year-old woman is not exposed). */
export const SMALL_GROUP = 5;

/** From the field (see shared/scenarios): what funders and facilitators asked residents at the end. */
export const DEFAULT_QUESTIONNAIRE: Questionnaire = {
  questions: [
    { id: 'avis', text: "J'ai pu donner mon avis" },
    { id: 'compris', text: "J'ai compris à quoi servira ma participation" },
    { id: 'anim', text: "L'animation m'a plu" },
    { id: 'revenir', text: "J'ai envie de revenir" },
  ],
  askLearned: true,
  askFigures: true,
};

/** One resident's answers: every part optional, nothing that says who they are. */
export interface QuestionnaireAnswer {
  scale: Partial<Record<string, ScaleValue>>;
  learned: string | null;
  ageBand: AgeBand | null;
  gender: Gender | null;
  firstTime: boolean | null;
}

export function checkQuestionnaire(input: Questionnaire): Questionnaire | DomainError {
  if (input.questions.length > MAX_QUESTIONS) return domainError(ErrorCode.TooLarge, `at most ${MAX_QUESTIONS} questions`);
  const seen = new Set<string>();
  const questions: ScaleQuestion[] = [];
  for (const question of input.questions) {
    const text = normalizeText(question.text);
    if (!/^[a-z0-9-]{1,40}$/.test(question.id) || seen.has(question.id)) return domainError(ErrorCode.BadRequest, 'invalid or repeated question id');
    if (text.length === 0) return domainError(ErrorCode.BadRequest, 'a question is empty');
    if (countChars(text) > MAX_QUESTION_TEXT_CHARS) return domainError(ErrorCode.TooLarge, 'a question is too long');
    seen.add(question.id);
    questions.push({ id: question.id, text });
  }
  return { questions, askLearned: input.askLearned, askFigures: input.askFigures };
}

/** Keeps only what the questionnaire asks; an empty answer (nothing ticked) is refused. */
export function checkAnswer(questionnaire: Questionnaire, input: QuestionnaireAnswer): QuestionnaireAnswer | DomainError {
  const scale: Partial<Record<string, ScaleValue>> = {};
  for (const question of questionnaire.questions) {
    const value = input.scale[question.id];
    if (value !== undefined) scale[question.id] = value;
  }
  const learnedText = questionnaire.askLearned && input.learned ? normalizeText(input.learned, { multiline: true }) : '';
  if (countChars(learnedText) > MAX_LEARNED_CHARS) return domainError(ErrorCode.TooLarge, 'the text is too long');
  const answer: QuestionnaireAnswer = {
    scale,
    learned: learnedText.length > 0 ? learnedText : null,
    ageBand: questionnaire.askFigures ? input.ageBand : null,
    gender: questionnaire.askFigures ? input.gender : null,
    firstTime: questionnaire.askFigures ? input.firstTime : null,
  };
  const empty = Object.keys(scale).length === 0 && answer.learned === null && answer.ageBand === null && answer.gender === null && answer.firstTime === null;
  return empty ? domainError(ErrorCode.BadRequest, 'nothing answered') : answer;
}

/** A count, or `null` when the group is too small to be shown. */
export type SuppressedCount = number | null;

export interface QuestionnaireResults {
  responses: number;
  questions: Array<{ id: string; text: string; answers: number; average: number | null; counts: Record<ScaleValue, number> }>;
  /** Free texts, in no particular order (never with who wrote them). */
  learned: string[];
  ageBands: Record<AgeBand, SuppressedCount>;
  genders: Record<Gender, SuppressedCount>;
  firstTime: { yes: SuppressedCount; no: SuppressedCount };
}

/** Counts below `SMALL_GROUP` (but above 0) are suppressed. */
export function suppress(count: number): SuppressedCount {
  return count > 0 && count < SMALL_GROUP ? null : count;
}

function tally<K extends string>(keys: ReadonlyArray<K>, values: ReadonlyArray<K | null>): Record<K, SuppressedCount> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const value of values) if (value !== null) counts[value] += 1;
  return Object.fromEntries(keys.map((key) => [key, suppress(counts[key])])) as Record<K, SuppressedCount>;
}

/** The anonymous aggregate the facilitator, exports and funders see. */
export function aggregateAnswers(questionnaire: Questionnaire, answers: ReadonlyArray<QuestionnaireAnswer>): QuestionnaireResults {
  const questions = questionnaire.questions.map((question) => {
    const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<ScaleValue, number>;
    let sum = 0;
    let n = 0;
    for (const answer of answers) {
      const value = answer.scale[question.id];
      if (value === undefined) continue;
      counts[value] += 1;
      sum += value;
      n += 1;
    }
    return { id: question.id, text: question.text, answers: n, average: n === 0 ? null : Math.round((sum / n) * 10) / 10, counts };
  });
  const firstTimeYes = answers.filter((answer) => answer.firstTime === true).length;
  const firstTimeNo = answers.filter((answer) => answer.firstTime === false).length;
  return {
    responses: answers.length,
    questions,
    learned: answers.flatMap((answer) => (answer.learned ? [answer.learned] : [])).sort((a, b) => a.localeCompare(b)),
    ageBands: tally(
      AGE_BANDS,
      answers.map((answer) => answer.ageBand),
    ),
    genders: tally(
      GENDERS,
      answers.map((answer) => answer.gender),
    ),
    firstTime: { yes: suppress(firstTimeYes), no: suppress(firstTimeNo) },
  };
}
