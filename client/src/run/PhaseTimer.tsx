import { Pause, Timer } from 'lucide-react';
import { remainingMs, type RoomView } from '@gommette/shared';
import { useTranslation } from 'react-i18next';
import { formatRemaining, useServerNow } from '../socket/useServerNow';

interface PhaseTimerProps {
  room: RoomView;
  clockOffsetMs: number;
  className?: string;
}

/** The remaining time of the current phase, from the server's end timestamp. */
export function PhaseTimer({ room, clockOffsetMs, className = '' }: PhaseTimerProps) {
  const { t } = useTranslation();
  const now = useServerNow(clockOffsetMs, room.run.status === 'running');
  const left = remainingMs(room.run, now);
  if (left === null) return null;
  const elapsed = left <= 0;
  const label = room.run.status === 'paused' ? t('phase.paused') : elapsed ? t('phase.timeUp') : t('phase.remaining');
  return (
    <p
      className={`phase-timer${elapsed ? ' phase-timer--elapsed' : ''}${room.run.status === 'paused' ? ' phase-timer--paused' : ''} ${className}`}
      data-testid="phase-timer"
    >
      <span className="phase-timer__label">
        {room.run.status === 'paused' ? <Pause aria-hidden="true" className="icon" /> : <Timer aria-hidden="true" className="icon" />}
        {label}
      </span>
      {/* The digits change every second: announced by screen readers only through the label. */}
      <span className="phase-timer__time" aria-hidden={room.run.status === 'running' ? 'true' : undefined} data-testid="phase-remaining">
        {formatRemaining(Math.max(0, left))}
      </span>
    </p>
  );
}
