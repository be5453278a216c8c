import { frStaff } from './fr/staff';
import { frenchWordsAdder } from './frenchWords';
import { ensureStepTranslations } from './steps';

const addStaffWords = frenchWordsAdder(frStaff);

/**
 * Adds the staff pages' French words (the start page, console, projector, helpers, centre space)
 * and those of late steps, which the console shows too.
 */
export function ensureStaffTranslations(): void {
  addStaffWords();
  ensureStepTranslations();
}
