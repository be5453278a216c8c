import type { Mood } from '@gommette/shared';
import { MOOD_ICONS } from './moodIcons';

/** A weather of the météo as an icon; its name in words stays next to it. */
export function MoodIcon({ mood }: { mood: Mood }) {
  const Icon = MOOD_ICONS[mood];
  return <Icon aria-hidden="true" data-mood={mood} />;
}
