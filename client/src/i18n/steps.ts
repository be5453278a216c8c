import { frSteps } from './fr/steps';
import { frenchWordsAdder } from './frenchWords';

/** French words of the steps whose screens load late (matrix, questionnaire). */
export const ensureStepTranslations = frenchWordsAdder(frSteps);
