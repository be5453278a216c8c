import 'i18next';
import type { fr } from './fr';
import type { voteFr } from '../vote/voteI18n';
import type { followUpFr, retourFr } from '../retour/retourI18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr & { vote: typeof voteFr } & { retour: typeof retourFr; followUp: typeof followUpFr } };
  }
}
