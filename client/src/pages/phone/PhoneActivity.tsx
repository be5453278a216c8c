import type { Activity } from '@gommette/shared';
import { useTranslation } from 'react-i18next';

const ICONS: Record<Exclude<Activity, 'ideas'>, string> = {
  welcome: '👋',
  watch: '👂',
  journey: '🗺️',
  matrix: '🧭',
  vote: '🟡',
  questionnaire: '🙏',
};

/** What the phone shows when the phase asks residents to do something away from the keyboard. */
export function PhoneActivity({ activity }: { activity: Exclude<Activity, 'ideas'> }) {
  const { t } = useTranslation();
  const text = activity === 'watch' ? t('phase.listen') : t(`phase.${activity}`);
  return (
    <p className={`phone-activity phone-activity--${activity}`} data-testid="phone-activity" data-activity={activity}>
      <span className="phone-activity__icon" aria-hidden="true">
        {ICONS[activity]}
      </span>
      {text}
    </p>
  );
}
