import { remainingMs, type RoomView } from '@gommette/shared';
import { AlarmClock, Hand } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useServerNow } from '../../socket/useServerNow';

interface ScreenAlertsProps {
  room: RoomView;
  clockOffsetMs: number;
}

/**
 * What the whole room must see at once on the projector: the facilitator's raised hand (the
 * whole screen) and the end of the step's time, or of the step (a wide band across the top). Both are announced
 * to assistive technology (role="alert") and move only when reduced motion is not asked for.
 */
export function ScreenAlerts({ room, clockOffsetMs }: ScreenAlertsProps) {
  const { t } = useTranslation();
  const running = room.run.status === 'running' && room.run.endsAt !== null;
  // Reads the clock only while a timed step runs; the banner shows once the time is over.
  const now = useServerNow(clockOffsetMs, running, running ? room.run.endsAt : null, 1000);
  const left = running ? remainingMs(room.run, now) : null;
  // The server ends a step whose time is over (the facilitator can end it early too).
  const timeUp = left !== null && left <= 0;
  const ended = room.run.status === 'ended';

  if (room.run.handRaised) {
    return (
      <div className="screen-alert screen-alert--hand" role="alert" data-testid="screen-hand-raised">
        <span className="screen-alert__icon" aria-hidden="true">
          <Hand />
        </span>
        <p className="screen-alert__title">{t('phase.handTitle')}</p>
        <p className="screen-alert__body">{t('phase.handBody')}</p>
      </div>
    );
  }
  if (timeUp || ended) {
    return (
      <div className="screen-alert screen-alert--time-up" role="alert" data-testid="screen-time-up">
        <span className="screen-alert__icon" aria-hidden="true">
          <AlarmClock />
        </span>
        <p className="screen-alert__title">{timeUp ? t('phase.timeUp') : t('screen.stepOver')}</p>
        <p className="screen-alert__body">{t('screen.timeUpBody')}</p>
      </div>
    );
  }
  return null;
}
