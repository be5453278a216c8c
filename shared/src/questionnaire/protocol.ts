import { z } from 'zod';
import { AGE_BANDS, GENDERS, MAX_LEARNED_CHARS, MAX_QUESTION_TEXT_CHARS, MAX_QUESTIONS } from './questionnaire';

const scaleValue = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

export const questionnaireSchema = z.object({
  questions: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), text: z.string().max(MAX_QUESTION_TEXT_CHARS * 4) })).max(MAX_QUESTIONS),
  askLearned: z.boolean(),
  askFigures: z.boolean(),
});

export const questionnaireAnswerPayload = z.object({
  scale: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), scaleValue).refine((value) => Object.keys(value).length <= MAX_QUESTIONS, 'too many answers'),
  learned: z
    .string()
    .max(MAX_LEARNED_CHARS * 4)
    .nullable(),
  ageBand: z.enum(AGE_BANDS).nullable(),
  gender: z.enum(GENDERS).nullable(),
  firstTime: z.boolean().nullable(),
});

export const questionnaireCommandSchemas = {
  'questionnaire:answer': questionnaireAnswerPayload,
} as const;
