import type { MethodTemplate } from '@gommette/shared';
import type { TFunction } from 'i18next';

/** The built-in methods' names in the facilitator's language (their steps stay as written). */
const BUILT_IN_NAMES = {
  'co-design': 'method.builtIn.coDesign',
  'vote-rapide': 'method.builtIn.quickVote',
  'cartes-sur-table': 'method.builtIn.cardsOnTable',
  bilan: 'method.builtIn.review',
} as const;

export function methodName(t: TFunction, template: Pick<MethodTemplate, 'id' | 'name' | 'builtIn'>): string {
  const key = template.builtIn ? BUILT_IN_NAMES[template.id as keyof typeof BUILT_IN_NAMES] : undefined;
  return key ? t(key) : template.name;
}

/** "40 min", "2 h", "2 h 40" in the facilitator's language. */
export function formatDuration(t: TFunction, minutes: number): string {
  if (minutes < 60) return t('method.durationMinutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return t('method.durationHours', { count: hours });
  return t('method.durationHoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}
