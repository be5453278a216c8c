import type { TFunction } from 'i18next';
import type { DraftField, FieldProblem } from './validateDraft';

const REQUIRED_KEYS = {
  title: 'home.titleRequired',
  question: 'home.questionRequired',
  purpose: 'home.purposeRequired',
  site: 'home.siteRequired',
} as const;

/** The sentence shown under a field the form refused. */
export function problemMessage(t: TFunction, field: DraftField | 'site', problem: FieldProblem): string {
  switch (problem.kind) {
    case 'required':
      return t(REQUIRED_KEYS[field]);
    case 'tooLong':
      return t('home.tooLong', { count: problem.max });
    case 'duplicate':
      return t('home.siteDuplicate');
  }
}
