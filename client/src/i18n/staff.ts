import i18next from 'i18next';
import { frStaff } from './fr.staff';
import { ensureStepTranslations } from './steps';

let added = false;

/**
 * Adds the staff pages' French words (the start page, console, projector, helpers, centre space).
 * They are not in the phone's first bundle; other languages load whole when chosen.
 */
export function ensureStaffTranslations(): void {
  if (added) return;
  added = true;
  i18next.addResourceBundle('fr', 'translation', frStaff, true, false);
  ensureStepTranslations();
}
