import 'i18next';
import type { FrenchWords } from './types';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: FrenchWords };
  }
}
