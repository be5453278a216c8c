import i18next from 'i18next';
import { frSteps } from './fr.steps';

let added = false;

/** French words of the steps whose screens load late (matrix, questionnaire). */
export function ensureStepTranslations(): void {
  if (added) return;
  added = true;
  i18next.addResourceBundle('fr', 'translation', frSteps, true, false);
}
