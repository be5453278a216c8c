import 'i18next';
import type { fr } from './fr';
import type { voteFr } from './fr/vote';
import type { followUpFr, retourFr } from './fr/retour';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr & { vote: typeof voteFr } & { retour: typeof retourFr; followUp: typeof followUpFr } };
  }
}
