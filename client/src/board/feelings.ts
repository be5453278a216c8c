import type { Feeling } from '@gommette/shared/board';
import { Angry, Annoyed, Bed, Frown, Ghost, Laugh, Meh, Smile, type LucideIcon } from 'lucide-react';

/** A feeling's name in the words (`board.feelings.<name>`). */
export type FeelingName = 'joy' | 'fine' | 'neutral' | 'worried' | 'sad' | 'angry' | 'tired' | 'afraid';

/**
 * How a journey note's feeling is shown. The board stores the feeling as the emoji it always did
 * (old boards stay readable); screens draw the icon and say its name, since a device without an
 * emoji font shows the emoji as an empty box.
 */
export const FEELING_LOOK: Record<Feeling, { name: FeelingName; Icon: LucideIcon }> = {
  '😀': { name: 'joy', Icon: Laugh },
  '🙂': { name: 'fine', Icon: Smile },
  '😐': { name: 'neutral', Icon: Meh },
  '😟': { name: 'worried', Icon: Annoyed },
  '😢': { name: 'sad', Icon: Frown },
  '😡': { name: 'angry', Icon: Angry },
  '😴': { name: 'tired', Icon: Bed },
  '😨': { name: 'afraid', Icon: Ghost },
};
