import type { Mood } from '@gommette/shared';
import { Cloud, CloudLightning, CloudRain, CloudSun, Sun, type LucideIcon } from 'lucide-react';

/** The météo's weathers as icons (the mood travels and is stored as its name: `sunny`, `rainy`…). */
export const MOOD_ICONS: Record<Mood, LucideIcon> = {
  sunny: Sun,
  partly: CloudSun,
  cloudy: Cloud,
  rainy: CloudRain,
  stormy: CloudLightning,
};
