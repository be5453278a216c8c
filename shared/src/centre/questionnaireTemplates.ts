/**
 * Closing questionnaires saved in a centre's space: reused by every facilitator of the centre when
 * creating a workshop, and shared with other centres like methods ("essaimage").
 */
import { z } from 'zod';
import { DEFAULT_QUESTIONNAIRE, type Questionnaire } from '../questionnaire/questionnaire';
import { questionnaireSchema } from '../questionnaire/protocol';

export const MAX_QUESTIONNAIRE_NAME_CHARS = 80;
export const BUILT_IN_QUESTIONNAIRE_ID = 'builtin-closing';

export const questionnaireTemplateBody = z.object({
  name: z.string().max(MAX_QUESTIONNAIRE_NAME_CHARS * 4),
  questionnaire: questionnaireSchema,
  shared: z.boolean().default(false),
});
export type QuestionnaireTemplateBody = z.infer<typeof questionnaireTemplateBody>;

export interface QuestionnaireTemplateView {
  id: string;
  name: string;
  questionnaire: Questionnaire;
  /** Built in, this centre's own, or shared by another centre. */
  scope: 'builtIn' | 'centre' | 'shared';
  shared: boolean;
  centreName: string | null;
}

export const BUILT_IN_QUESTIONNAIRE: QuestionnaireTemplateView = {
  id: BUILT_IN_QUESTIONNAIRE_ID,
  name: 'Questionnaire de clôture habituel',
  questionnaire: DEFAULT_QUESTIONNAIRE,
  scope: 'builtIn',
  shared: true,
  centreName: null,
};
