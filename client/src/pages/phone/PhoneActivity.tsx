import { Circle, Compass, Ear, HandHeart, Map, Smile, type LucideIcon } from 'lucide-react';
import type { Activity } from '@gommette/shared';
import { useTranslation } from 'react-i18next';

const ICONS: Record<Exclude<Activity, 'ideas'>, LucideIcon> = {
  welcome: Smile,
  watch: Ear,
  journey: Map,
  matrix: Compass,
  vote: Circle,
  questionnaire: HandHeart,
};

/** What the phone shows when the phase asks residents to do something away from the keyboard. */
export function PhoneActivity({ activity }: { activity: Exclude<Activity, 'ideas'> }) {
  const { t } = useTranslation();
  const text = activity === 'watch' ? t('phase.listen') : t(`phase.${activity}`);
  const Icon = ICONS[activity];
  return (
    <p className={`phone-activity phone-activity--${activity}`} data-testid="phone-activity" data-activity={activity}>
      <span className="phone-activity__icon" aria-hidden="true">
        <Icon className={activity === 'vote' ? 'icon--gommette' : undefined} />
      </span>
      {text}
    </p>
  );
}
